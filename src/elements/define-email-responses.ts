import { AudienceResponseGridElement } from './audience-response-grid/audience-response-grid';
import { ContactResponseTimelineElement } from './contact-response-timeline/contact-response-timeline';
import { EmailResponsesElement } from './email-responses/email-responses';
import { ResponseSummaryElement } from './response-summary/response-summary';
import { defineElement } from './shared/define-element';
import { prefixAllowed } from './shared/tag-prefix';

/** The elements by their own tag names. */
const ELEMENTS = {
  'email-responses': EmailResponsesElement,
  'audience-response-grid': AudienceResponseGridElement,
  'contact-response-timeline': ContactResponseTimelineElement,
  'response-summary': ResponseSummaryElement,
} as const;

export type ElementName = keyof typeof ELEMENTS;

export interface DefineOptions {
  /**
   * Registers every element as `<prefix>-<name>` (`acme` gives `<acme-audience-response-grid>`),
   * so this copy of the package can share a page with another one that holds the plain names.
   * Lowercase letters, digits and hyphens, starting with a letter.
   */
  prefix?: string;
}

/**
 * Registers the four elements, under their own names or under a prefix, and returns the tag
 * each one now has. Registering again under the same names does nothing; a name another script
 * holds is left to it, with a warning, and missing from the answer. The views find the store of
 * an enclosing `<email-responses>` by context, not by tag, so prefixed and plain elements work
 * alike; none of them renders another of these tags.
 */
export function defineEmailResponses(options: DefineOptions = {}): Partial<Record<ElementName, string>> {
  const { prefix } = options;
  const names: Partial<Record<ElementName, string>> = {};
  if (!prefixAllowed(prefix)) return names;
  for (const [name, element] of Object.entries(ELEMENTS) as [ElementName, CustomElementConstructor][]) {
    const tag = prefix ? `${prefix}-${name}` : name;
    // A class registers under one name only: a prefixed tag gets a subclass that adds nothing.
    if (defineElement(tag, prefix ? class extends element {} : element)) names[name] = tag;
  }
  return names;
}
