/**
 * Texts of restored rows kept as the cache page stored them: one string a column and where each
 * value ends, a string made only when a row's value is read (issue 16). Cutting every row's
 * contact, name and address apart on a cold start made three million strings at a million rows
 * (some 70 bytes a recipient of heap, measured in Node) for a grid that reads thirty rows. A
 * search, a sort or a compaction still reads them all, a slice a value, and drops them.
 */

/**
 * One text column of a run of rows. `ends[from + s]` is where slot `s`'s value ends in `text`,
 * or `~end` (negative) where the slot has none; each value starts where the previous slot ended.
 */
export interface TextRun {
  text: string;
  ends: Int32Array;
  from: number;
}

/** Ends from a stored column's lengths (-1: no value), or undefined when they do not add up to `length`. */
export function endsOf(lengths: Int32Array, length: number, limit: number): Int32Array | undefined {
  const ends = new Int32Array(lengths.length);
  let end = 0;
  for (let i = 0; i < lengths.length; i++) {
    const size = lengths[i]!;
    if (size === -1) {
      ends[i] = ~end;
      continue;
    }
    if (size < 0 || size > limit) return undefined;
    end += size;
    ends[i] = end;
  }
  return end === length ? ends : undefined;
}

/** The value of index `i` of a column (its `from` added), or undefined where it has none. */
export function textAt(run: TextRun, i: number): string | undefined {
  const ends = run.ends;
  const end = ends[i]!;
  if (end < 0) return undefined;
  const before = i === 0 ? 0 : ends[i - 1]!;
  return run.text.slice(before < 0 ? ~before : before, end);
}

/**
 * Runs of consecutive rows, each with its columns (some absent): rows are only ever added at the
 * end of the table, so the runs are in row order and found by a binary search (a million rows
 * restored from pages of 65,536 make some twenty runs).
 */
export class TextRuns {
  readonly #first: number[] = [];
  readonly #end: number[] = [];
  readonly #columns: (TextRun | undefined)[][] = [];
  /** The run found last: a view reads neighbouring rows. */
  #last = 0;

  /** Rows `firstRow` to `firstRow + count - 1` read their values from `columns` (by field). */
  add(firstRow: number, count: number, columns: (TextRun | undefined)[]): void {
    this.#first.push(firstRow);
    this.#end.push(firstRow + count);
    this.#columns.push(columns);
  }

  /** The row's value of column `field`, or undefined when the row is in no run or has none. */
  get(row: number, field: number): string | undefined {
    const first = this.#first;
    const end = this.#end;
    let run = this.#last;
    if (run >= first.length || row < first[run]! || row >= end[run]!) {
      let low = 0;
      let high = first.length - 1;
      run = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (row < first[mid]!) high = mid - 1;
        else if (row >= end[mid]!) low = mid + 1;
        else {
          run = mid;
          break;
        }
      }
      if (run < 0) return undefined;
      this.#last = run;
    }
    const column = this.#columns[run]![field];
    return column === undefined ? undefined : textAt(column, column.from + row - first[run]!);
  }
}
