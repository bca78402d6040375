import { defineElement } from '../shared/define-element';
import { AudienceResponseGridElement } from './audience-response-grid';

export { AudienceResponseGridElement };
// The script tag's global gets the grid's view of the store through this, with the grid's part
// (src/entries/iife-lazy-elements.ts); the grid loads it itself on its first store.
export { loadAudienceView } from './load-audience-view';
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
