import type { RecipientState, ResponseState } from '../../core/fold';
import { foldText, type SortColumn } from './audience-query';

/**
 * How the Audience view reads the state: the one place it touches more than `recipientAt`.
 *
 * The response of a row is read straight from the recipient table, with no object: that is all
 * a mount, a chip change or a count needs, so a million rows mount without a million objects.
 * Search and sort need texts and counters, read with one `recipientAt` per row per rebuild (about
 * 1 µs a row here) and then kept as comparable keys, so sorting never reads the state again.
 * `test/store/audience-view.test.ts` checks this against `recipientAt`.
 */
export class RowColumns {
  private readonly lookup: ReadonlyMap<string, number>;

  constructor(readonly state: ResponseState) {
    this.lookup = state.rules.lookup;
  }

  /** Catalogue index of the response shown. */
  response(row: number): number {
    return this.state.recipients.response(row);
  }

  /** Catalogue index of a read state's response. */
  responseOf(r: RecipientState): number {
    return this.lookup.get(r.response)!;
  }

  read(row: number): RecipientState {
    return this.state.recipientAt(row);
  }

  /** Whether a search (see `textMatcher`) finds the contact name or the address. */
  static matches(r: RecipientState, test: (text: string) => boolean): boolean {
    return (r.contactName !== undefined && test(r.contactName)) || (r.address !== undefined && test(r.address));
  }

  /** Whether the column sorts by number (else by folded text). */
  static numeric(column: SortColumn): boolean {
    return column === 'response' || column === 'opens' || column === 'clicks' || column === 'last-response';
  }

  /**
   * A numeric column's key. Response sorts by catalogue order (the life of an email: Planned,
   * …, Delivered, Opened, Clicked, then the final ones), which reads the same in every language.
   * Last response is the newest event applied to the recipient.
   */
  numberKey(r: RecipientState, column: SortColumn): number {
    switch (column) {
      case 'response':
        return this.responseOf(r);
      case 'opens':
        return r.opens;
      case 'clicks':
        return r.clicks;
      default:
        return r.lastAt;
    }
  }

  /**
   * A text column's key; '' when the recipient has no value (those sort last either way). The
   * email type belongs to the email, the same on every row of it, so sorting by it is all ties
   * and keeps first-appearance order (a constant key also stays right when the type changes).
   */
  static textKey(r: RecipientState, column: SortColumn): string {
    let text: string | undefined;
    if (column === 'contact') text = r.contactName;
    else if (column === 'address') text = r.address;
    else if (column === 'provider') text = r.provider;
    else return '';
    return text === undefined ? '' : foldText(text);
  }
}
