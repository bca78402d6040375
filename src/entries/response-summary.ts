/**
 * `email-responses/response-summary`: registers `<response-summary>` alone, with the store it reads,
 * for a host that wants this element without paying for the others.
 */
export * from '../elements/response-summary/define';
export { ResponseStore, createResponseStore } from '../store/response-store';
export type { ResponseStoreOptions } from '../store/response-store';
