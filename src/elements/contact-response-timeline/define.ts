import { defineElement } from '../shared/define-element';
import { ContactResponseTimelineElement } from './contact-response-timeline';

export { ContactResponseTimelineElement };
export type { ContactResponseTimelineEventMap, EmailSelectDetail, EmailSelectEvent } from './timeline-events';

defineElement('contact-response-timeline', ContactResponseTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'contact-response-timeline': ContactResponseTimelineElement;
  }
}
