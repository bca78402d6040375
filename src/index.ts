/**
 * `email-responses`: the ES module a host imports. It registers the custom elements and
 * re-exports the DOM-free core, so one import gives both.
 */
export * from './core/index';
