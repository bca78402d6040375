/**
 * `email-responses/contact-response-timeline`: registers `<contact-response-timeline>` alone, with the store it reads,
 * for a host that wants this element without paying for the others.
 */
export * from '../elements/contact-response-timeline/define';
export { ResponseStore, createResponseStore } from '../store/response-store';
export type { ResponseStoreOptions } from '../store/response-store';
