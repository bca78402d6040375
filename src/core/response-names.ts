/**
 * The response names seen last, by a few of their characters: `responseIndex`'s fast path.
 *
 * Every event names its response, and a freshly parsed name is a new string with no hash yet:
 * a Map lookup hashes it in the runtime first (about 70 ns an event here, 5 % of the fold on
 * freshly parsed events). A batch uses a handful of names, so a small table indexed by the
 * length and three characters, confirmed by comparing the text, nearly always holds it.
 */
const SLOTS = 64;

export class ResponseNames {
  readonly #names = new Array<string | undefined>(SLOTS).fill(undefined);
  readonly #indexes = new Int32Array(SLOTS);

  /**
   * The name's index in `lookup` as is, else lower-cased, else -1: from the table when `name`
   * was the last name asked for in its slot.
   */
  index(name: string, lookup: ReadonlyMap<string, number>): number {
    const length = name.length;
    // An empty name reads NaN codes: slot 0, compared like any other.
    const slot =
      (length * 31 + name.charCodeAt(0) * 7 + name.charCodeAt(length >> 1) * 3 + name.charCodeAt(length - 1)) &
      (SLOTS - 1);
    if (this.#names[slot] === name) return this.#indexes[slot]!;
    const index = find(name, lookup);
    this.#names[slot] = name;
    this.#indexes[slot] = index;
    return index;
  }
}

function find(name: string, lookup: ReadonlyMap<string, number>): number {
  return lookup.get(name) ?? lookup.get(name.toLowerCase()) ?? -1;
}
