import type { EmailKind, ResponseEvent } from './event';
import { RecipientIndex } from './recipient-index';
import { randomSeed } from './string-hash';

/** One email: its recipients' rows and counts kept up to date as responses change. */
export interface EmailEntry {
  readonly index: number;
  readonly id: string;
  /** recipientId to row (`get`, `has`, `set` and `size` as a Map has them). */
  readonly rows: RecipientIndex;
  /** Rows in the order their recipients first appeared: the stable order views start from. */
  readonly order: number[];
  kind: EmailKind | undefined;
  kindAt: number;
  type: string | undefined;
  typeAt: number;
  /** Recipients per response (catalogue index). */
  readonly byResponse: Int32Array;
  /** Recipients with at least one human open (a click implies one). */
  opened: number;
  /** Recipients with at least one click. */
  clicked: number;
  /** Recipients opened only by machines. */
  machineOnly: number;
}

export class EmailTable {
  readonly #byId = new Map<string, EmailEntry>();
  readonly #list: EmailEntry[] = [];
  /** The two hash seeds of every email's recipient index, drawn per state. */
  readonly #seed = randomSeed();
  readonly #secondSeed = randomSeed();

  get(emailId: string): EmailEntry | undefined {
    return this.#byId.get(emailId);
  }

  at(index: number): EmailEntry {
    return this.#list[index]!;
  }

  ids(): IterableIterator<string> {
    return this.#byId.keys();
  }

  /** The email's entry, created empty on first sight. */
  entry(emailId: string, responseCount: number): EmailEntry {
    let entry = this.#byId.get(emailId);
    if (entry === undefined) {
      entry = {
        index: this.#list.length,
        id: emailId,
        rows: new RecipientIndex(this.#seed, this.#secondSeed),
        order: [],
        kind: undefined,
        kindAt: -Infinity,
        type: undefined,
        typeAt: -Infinity,
        byResponse: new Int32Array(responseCount),
        opened: 0,
        clicked: 0,
        machineOnly: 0,
      };
      this.#byId.set(emailId, entry);
      this.#list.push(entry);
    }
    return entry;
  }

  /** Kind and type come from the newest event that carries them (ties: the greater text). */
  mergeMeta(entry: EmailEntry, event: ResponseEvent, at: number): boolean {
    let changed = false;
    const kind = event.emailKind;
    if (
      kind != null &&
      (at > entry.kindAt || (at === entry.kindAt && (entry.kind === undefined || kind > entry.kind)))
    ) {
      entry.kindAt = at;
      if (kind !== entry.kind) {
        entry.kind = kind;
        changed = true;
      }
    }
    const type = event.emailType;
    if (
      type != null &&
      (at > entry.typeAt || (at === entry.typeAt && (entry.type === undefined || type > entry.type)))
    ) {
      entry.typeAt = at;
      if (type !== entry.type) {
        entry.type = type;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Moves one recipient's contribution from its old signature to its new one. A signature packs
   * `(response + 1) << 3 | opened << 2 | clicked << 1 | machineOnly`; 0 is "not counted yet".
   */
  count(entry: EmailEntry, before: number, after: number): void {
    if (before !== 0) this.#add(entry, before, -1);
    this.#add(entry, after, 1);
  }

  #add(entry: EmailEntry, signature: number, delta: number): void {
    const response = (signature >> 3) - 1;
    if (response >= 0) entry.byResponse[response]! += delta;
    if (signature & 4) entry.opened += delta;
    if (signature & 2) entry.clicked += delta;
    if (signature & 1) entry.machineOnly += delta;
  }
}
