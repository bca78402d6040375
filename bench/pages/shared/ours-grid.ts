import { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { EMAIL_ID } from './audience';

// Registered here rather than by importing define.ts: the bench must not depend on whether the
// bundler keeps side-effect-only imports (package.json's "sideEffects" once made it drop them).
if (!customElements.get('audience-response-grid'))
  customElements.define('audience-response-grid', AudienceResponseGridElement);

/**
 * Our grid on a store, sized like the peers: its scroller (the part that takes
 * --email-responses-height) is as tall as the peers' whole grid; the toolbar and chips sit above.
 */
export function mountOurs(host: HTMLElement, store: ResponseStore): AudienceResponseGridElement {
  const element = document.createElement('audience-response-grid') as AudienceResponseGridElement;
  element.setAttribute('email-id', EMAIL_ID);
  element.setAttribute('time-zone', 'UTC');
  element.style.setProperty('--email-responses-height', '576px');
  element.store = store;
  host.append(element);
  return element;
}
