/**
 * `email-responses/audience-response-grid`: registers `<audience-response-grid>` alone, with the store it reads,
 * for a host that wants this element without paying for the others. The grid's view of the store
 * (`AudienceView`) loads with the grid's first store; a host that wants the class imports it from
 * `email-responses`.
 */
export { AudienceResponseGridElement } from '../elements/audience-response-grid/define';
export type {
  AudienceResponseGridEventMap,
  ColumnsChangeDetail,
  ColumnsChangeEvent,
  FilterRequest,
  RecipientSelectDetail,
  RecipientSelectEvent,
} from '../elements/audience-response-grid/define';
export { ResponseStore, createResponseStore } from '../store/response-store';
export type { ResponseStoreOptions } from '../store/response-store';
