import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Updates its host when a `dir` attribute changes anywhere above it: on the document, on an
 * ancestor, on the host itself, or in the shadow trees it is nested in. CSS mirrors everything
 * written with logical properties by itself, but the summary's SVG charts place their bars and
 * labels by computed positions, so a page that switches to right-to-left after load would leave
 * them unmirrored without a new render. Only `dir` mutations are delivered, so watching whole
 * trees costs nothing while the direction stays put.
 */
export class DirectionWatch implements ReactiveController {
  private readonly observer = new MutationObserver(() => this.host.requestUpdate());

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** Whether the host is laid out right-to-left now (its CSS direction, which `dir` sets). */
  get rtl(): boolean {
    return getComputedStyle(this.host).direction === 'rtl';
  }

  hostConnected(): void {
    const options = { attributes: true, attributeFilter: ['dir'], subtree: true };
    let root = this.host.getRootNode();
    for (;;) {
      this.observer.observe(root instanceof Document ? root.documentElement : root, options);
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
