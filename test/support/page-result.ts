// A reconciled page's result as the row-by-row way hands it back: the server's state of every row
// in `saved` and `known` filled, also when the bulk way kept a page of new rows as its columns
// (`page`). What the tests compare the two ways by.
import type { PageResult } from '../../src/store/reconcile';

export function withRowsSaved(result: PageResult): PageResult {
  const { page, ...rest } = result;
  if (!page) return rest;
  return { ...rest, saved: result.rows.map((_, i) => page.saved(i)), known: result.rows.map(() => false) };
}
