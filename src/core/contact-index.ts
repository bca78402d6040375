import { hashKey } from './row-index';

/**
 * contactId → the rows of its recipients, in the order the rows took the contact id.
 *
 * Most contacts have one recipient per email, so nearly every new row brings a new contact id.
 * A Map of arrays cost about 1 µs per new contact here: rehashing reads every key string again
 * (a cache miss each) and each contact got an array. This table keeps hashes beside the contact
 * numbers, rehashes in slot order, and keeps a single row inline until a second one comes.
 */
export class ContactIndex {
  private mask = (1 << 10) - 1;
  /** [hash, contact + 1] per slot; 0 marks an empty slot. Contacts are never removed. */
  private slots = new Int32Array((this.mask + 1) * 2);
  /** Per contact number. */
  private readonly keys: string[] = [];
  /** The only row, -1 when none, or -2 when `many` holds the rows. */
  private single = new Int32Array(1024);
  private readonly many: (number[] | undefined)[] = [];
  /** Contact numbers in the order they last went from no rows to some (Map order), with gaps. */
  private order: number[] = [];
  private orderOf = new Int32Array(1024);

  /** Moves a row from one contact id (or none) to another. */
  move(row: number, from: string | undefined, to: string): void {
    if (from !== undefined) this.remove(this.find(from, hashKey(from)), row);
    const hash = hashKey(to);
    let contact = this.find(to, hash);
    if (contact < 0) contact = this.insert(to, hash);
    const single = this.single[contact]!;
    if (single === -1) {
      this.single[contact] = row;
      this.orderOf[contact] = this.order.push(contact) - 1;
    } else if (single === -2) {
      this.many[contact]!.push(row);
    } else {
      this.single[contact] = -2;
      this.many[contact] = [single, row];
    }
  }

  rows(contactId: string): readonly number[] {
    const contact = this.find(contactId, hashKey(contactId));
    if (contact < 0) return [];
    const single = this.single[contact]!;
    if (single === -2) return this.many[contact]!;
    return single === -1 ? [] : [single];
  }

  /** Contact ids with rows, in the order they got their first row. */
  *ids(): IterableIterator<string> {
    for (let at = 0; at < this.order.length; at++) {
      const contact = this.order[at]!;
      if (contact >= 0) yield this.keys[contact]!;
    }
  }

  private remove(contact: number, row: number): void {
    if (contact < 0) return;
    const single = this.single[contact]!;
    if (single === -2) {
      const rows = this.many[contact]!;
      const at = rows.indexOf(row);
      if (at >= 0) rows.splice(at, 1);
      if (rows.length > 0) return;
      this.many[contact] = undefined;
    } else if (single !== row) {
      return;
    }
    this.single[contact] = -1;
    this.order[this.orderOf[contact]!] = -1;
  }

  private find(key: string, hash: number): number {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const contact = slots[slot * 2 + 1]! - 1;
      if (contact < 0) return -1;
      if (slots[slot * 2] === hash && this.keys[contact] === key) return contact;
    }
  }

  private insert(key: string, hash: number): number {
    const contact = this.keys.length;
    this.keys.push(key);
    this.many.push(undefined);
    if (contact === this.single.length) {
      this.single = grown(this.single);
      this.orderOf = grown(this.orderOf);
    }
    this.single[contact] = -1;
    // Half full at most, so probes stay short.
    if ((contact + 1) * 2 > this.mask) this.grow();
    let slot = hash & this.mask;
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = contact + 1;
    return contact;
  }

  /** Doubles the table, reading the old slots in order: no key is read again. */
  private grow(): void {
    const old = this.slots;
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array((mask + 1) * 2);
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = old[from]! & mask;
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[from]!;
      slots[slot * 2 + 1] = old[from + 1]!;
    }
    this.mask = mask;
    this.slots = slots;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
