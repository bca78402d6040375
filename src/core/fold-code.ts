// The fold's code (batch.ts, and validation and the columnar reader with it) is given to
// `ResponseState` rather than imported by it: a page that shows a cache's rows, or a grid whose
// store has not had its first event, paints without it, and a store loads it beside its cache
// or first source (src/store/load-ingest-code.ts; issue 14: the grid's entry). `foldEvents` and
// `createResponseState` (fold-events.ts) give it at once, so `email-responses/core` folds as
// before, synchronously.
import type { BatchApplier } from './batch';

export type FoldCode = typeof BatchApplier;

let given: FoldCode | undefined;

/** Makes the fold's code available to every `ResponseState`; giving it again changes nothing. */
export function provideFoldCode(code: FoldCode): void {
  given = code;
}

/** The fold's code, or a plain error saying it was asked for before it was given. */
export function foldCode(): FoldCode {
  if (given === undefined) throw new Error('email-responses: the fold is not loaded (use createResponseState)');
  return given;
}
