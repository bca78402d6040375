import { defineElement } from '../shared/define-element';
import { ResponseSummaryElement } from './response-summary';

export { ResponseSummaryElement };
export type { FilterRequestDetail, FilterRequestEvent, ResponseSummaryEventMap } from './summary-events';
export type { SummaryStep } from './summary-figures';

defineElement('response-summary', ResponseSummaryElement);

declare global {
  interface HTMLElementTagNameMap {
    'response-summary': ResponseSummaryElement;
  }
}
