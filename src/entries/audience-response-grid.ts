/**
 * `email-responses/audience-response-grid`: registers `<audience-response-grid>` alone, with the store it reads,
 * for a host that wants this element without paying for the others.
 */
export * from '../elements/audience-response-grid/define';
export { ResponseStore, createResponseStore } from '../store/response-store';
export type { ResponseStoreOptions } from '../store/response-store';
