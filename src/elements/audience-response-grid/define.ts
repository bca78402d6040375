import { defineElement } from '../shared/define-element';
import { AudienceResponseGridElement } from './audience-response-grid';

export { AudienceResponseGridElement };
export type { FilterRequest } from '../shared/filter-request';
export type {
  AudienceResponseGridEventMap,
  ColumnsChangeDetail,
  ColumnsChangeEvent,
  RecipientSelectDetail,
  RecipientSelectEvent,
} from './grid-events';

defineElement('audience-response-grid', AudienceResponseGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'audience-response-grid': AudienceResponseGridElement;
  }
}
