// The rows' code (recipient-rows.ts: saved rows, resets, the statistics period) is given to
// `ResponseState` rather than imported by it, as the fold's code is (fold-code.ts): every row a
// state holds was applied or restored, and both need this code, so a state that holds no row yet,
// and the view that reads it, do without it.
import type * as RecipientRows from './recipient-rows';

export type RowCode = typeof RecipientRows;

let given: RowCode | undefined;

/** Makes the rows' code available to every `ResponseState`; giving it again changes nothing. */
export function provideRowCode(code: RowCode): void {
  given = code;
}

/** The rows' code if it was given: without it no row, and no event id, can have been written. */
export function rowCodeIfGiven(): RowCode | undefined {
  return given;
}

/** The rows' code, or a plain error saying it was asked for before it was given. */
export function rowCode(): RowCode {
  if (given === undefined) throw new Error('email-responses: the rows are not loaded (use createResponseState)');
  return given;
}
