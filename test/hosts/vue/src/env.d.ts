// The elements' props and events for vue-tsc (GlobalComponents).
import type {} from 'email-responses/vue';

declare global {
  interface Window {
    /** What the handlers heard, read by the test. */
    hostLog: string[];
  }
}
