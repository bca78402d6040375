import { defineElement } from '../shared/define-element';
import { ResponseSummaryElement } from './response-summary';

export { ResponseSummaryElement };
export type { FilterRequestDetail, FilterRequestEvent, ResponseSummaryEventMap, SummaryStep } from './summary-events';
export type { EmailInfo } from '../../store/email-info';

defineElement('response-summary', ResponseSummaryElement);

declare global {
  interface HTMLElementTagNameMap {
    'response-summary': ResponseSummaryElement;
  }
}
