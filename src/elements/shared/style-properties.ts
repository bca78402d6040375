import { noChange, type AttributePart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), on the first render too.
 * Lit's styleMap writes a `style` attribute on first render, which a Content-Security-Policy
 * without 'unsafe-inline' refuses; CSSOM writes are allowed. Use as `style=${styleProperties({...})}`
 * with dash-case names (`transform`, `height`, `--row-height`).
 */
class StylePropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') {
      throw new Error('email-responses: styleProperties() belongs in a style attribute binding');
    }
  }

  render(_properties: Readonly<Record<string, string | undefined>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string | undefined>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (properties[name] === undefined) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
