// The fold with its code: what `email-responses/core` gives a host that folds events itself (a
// server, a worker, a test). A store loads the same code on demand instead (fold-code.ts,
// row-code.ts).
import { BatchApplier } from './batch';
import { DEFAULT_RULES, type ResponseRules } from './catalogue';
import type { EventRejection } from './event';
import { ResponseState } from './fold';
import { provideFoldCode } from './fold-code';
import * as recipientRows from './recipient-rows';
import { provideRowCode } from './row-code';
import type { CompiledRules } from './rules';

/** The state after all these events, with the ones that could not be applied and why. */
export interface FoldedResponses extends ResponseState {
  readonly rejected: readonly EventRejection[];
}

/**
 * Folds a set of events into one response per recipient. The result does not depend on the
 * order of the events or on how often each is repeated.
 */
export function foldEvents(
  events: Iterable<unknown>,
  rules: ResponseRules | CompiledRules = DEFAULT_RULES,
): FoldedResponses {
  const state = createResponseState(rules);
  const { rejected } = state.apply(events);
  return Object.assign(state, { rejected });
}

/** An empty state to apply batches to (`state.apply(batch)`), ending where `foldEvents` would. */
export function createResponseState(rules: ResponseRules | CompiledRules = DEFAULT_RULES): ResponseState {
  provideFoldCode(BatchApplier);
  provideRowCode(recipientRows);
  return new ResponseState(rules);
}
