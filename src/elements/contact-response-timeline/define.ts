import { ContactResponseTimelineElement } from './contact-response-timeline';

export { ContactResponseTimelineElement };
export type { ContactResponseTimelineEventMap, EmailSelectDetail, EmailSelectEvent } from './timeline-events';

if (!customElements.get('contact-response-timeline')) customElements.define('contact-response-timeline', ContactResponseTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'contact-response-timeline': ContactResponseTimelineElement;
  }
}
