import { AudienceResponseGridElement } from './audience-response-grid';

export { AudienceResponseGridElement };
export type { FilterRequest } from '../shared/filter-request';
export type { AudienceResponseGridEventMap, RecipientSelectDetail, RecipientSelectEvent } from './grid-events';

if (!customElements.get('audience-response-grid')) customElements.define('audience-response-grid', AudienceResponseGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'audience-response-grid': AudienceResponseGridElement;
  }
}
