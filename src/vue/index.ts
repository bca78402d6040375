/**
 * `email-responses/vue`: `GlobalComponents` typings, so vue-tsc checks the elements' props and
 * `@event` listeners, and the tag list for Vue's `compilerOptions.isCustomElement`. Registers
 * nothing: import `email-responses` (or one element's entry) for that.
 */
export * from './elements';
