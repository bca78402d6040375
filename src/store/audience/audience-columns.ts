import type { RecipientState, ResponseState } from '../../core/fold';
import { engagementFor, type EmailEngagement, type EngagementSource } from '../email-engagement';
import { foldText, type SortColumn } from './audience-query';

/**
 * The key of a row with no engagement time. Such rows sort last in both directions, as empty
 * text does: 0 under the times when descending, 2^42 ms (the year 2109) above them when
 * ascending. Either keeps the keys' range under 2^42, so up to about four million rows they
 * still pack into the native sort (audience-sort.ts) instead of the slower comparator.
 */
const NO_TIME_ASCENDING = 2 ** 42;

/**
 * How the Audience view reads the state: the one place it touches more than `recipientAt`.
 *
 * The response of a row is read straight from the recipient table, with no object: that is all
 * a mount, a chip change or a count needs, so a million rows mount without a million objects.
 * Search and sort need texts and counters, read with one `recipientAt` per row per rebuild (about
 * 1 µs a row here) and then kept as comparable keys, so sorting never reads the state again.
 * `test/store/audience-view.test.ts` checks this against `recipientAt`.
 *
 * The engagement columns (first open, last open, last click, clicked link) are not in the
 * recipient record: they are read from the store's event log (`EmailEngagement`), when the view
 * was given its store. Without one they are empty on every row.
 */
export class RowColumns {
  readonly #lookup: ReadonlyMap<string, number>;
  #engaged: EmailEngagement | undefined;

  /**
   * `providerText`: the name a view shows for a provider id ("Amazon SES" for `ses`), so the
   * column sorts as it reads; the id itself when none is given.
   */
  constructor(
    readonly state: ResponseState,
    private readonly emailId = '',
    private readonly source?: EngagementSource,
    private readonly providerText?: (id: string) => string,
  ) {
    this.#lookup = state.rules.lookup;
  }

  /**
   * Brings the engagement up to date with the store's log: once per batch, before keys are read.
   * A store already folded into a newer state than the view's has rows the view does not: none then.
   */
  refresh(): EmailEngagement | undefined {
    const source = this.source;
    this.#engaged = source && source.state === this.state ? engagementFor(source, this.emailId) : undefined;
    return this.#engaged;
  }

  /** Catalogue index of the response shown. */
  response(row: number): number {
    return this.state.recipients.response(row);
  }

  /** Catalogue index of a read state's response. */
  responseOf(r: RecipientState): number {
    return this.#lookup.get(r.response)!;
  }

  read(row: number): RecipientState {
    return this.state.recipientAt(row);
  }

  /** Whether a search (see `textMatcher`) finds the contact name or the address. */
  static matches(r: RecipientState, test: (text: string) => boolean): boolean {
    return (r.contactName !== undefined && test(r.contactName)) || (r.address !== undefined && test(r.address));
  }

  /** Whether the column is read from the store's events (`EmailEngagement`), not the recipient record. */
  static fromEvents(column: SortColumn): boolean {
    return column === 'first-open' || column === 'last-open' || column === 'last-click' || column === 'clicked-link';
  }

  /** Whether the column sorts by number (else by folded text). */
  static numeric(column: SortColumn): boolean {
    return (
      column === 'response' ||
      column === 'opens' ||
      column === 'clicks' ||
      column === 'last-response' ||
      column === 'first-open' ||
      column === 'last-open' ||
      column === 'last-click'
    );
  }

  /**
   * A numeric column's key. Response sorts by catalogue order (the life of an email: Planned,
   * …, Delivered, Opened, Clicked, then the final ones), which reads the same in every language.
   * Last response is the newest event applied to the recipient. The engagement times are epoch
   * ms; a row without one sorts last whichever the direction (see `NO_TIME_ASCENDING`).
   */
  numberKey(r: RecipientState, column: SortColumn, row: number, descending: boolean): number {
    switch (column) {
      case 'response':
        return this.responseOf(r);
      case 'opens':
        return r.opens;
      case 'clicks':
        return r.clicks;
      case 'first-open':
      case 'last-open':
      case 'last-click':
        return this.#engaged?.timeOf(row, column) ?? (descending ? 0 : NO_TIME_ASCENDING);
      default:
        return r.lastAt;
    }
  }

  /**
   * A text column's key; '' when the recipient has no value (those sort last either way). The
   * email type belongs to the email, the same on every row of it, so sorting by it is all ties
   * and keeps first-appearance order (a constant key also stays right when the type changes).
   * The clicked link sorts by its folded text.
   */
  textKey(r: RecipientState, column: SortColumn, row: number): string {
    let text: string | undefined;
    if (column === 'contact') text = r.contactName;
    else if (column === 'address') text = r.address;
    else if (column === 'provider')
      text = r.provider === undefined ? undefined : (this.providerText?.(r.provider) ?? r.provider);
    else if (column === 'clicked-link') text = this.#engaged?.lastLink(row);
    else return '';
    return text === undefined ? '' : foldText(text);
  }
}
