// responseIndex answers from a small table of the names it was asked last (response-names.ts):
// a freshly parsed name is a new string, which a Map hashes before every lookup. The table is for
// speed only, so whatever the order of the names asked and however many share a slot, each answer
// must be the catalogue's: by id, then by label or alias whatever its case, else -1.
import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_RULES, compileRules, responseIndex } from '../../src/core/index';
import { ResponseNames } from '../../src/core/response-names';

const rules = compileRules(DEFAULT_RULES);
const known = rules.responses.flatMap((response) => [response.id, response.label, ...response.aliases]);

/** The lookup responseIndex stands for, spelled out. */
function expected(name: string): number {
  const exact = rules.responses.findIndex((response) => response.id === name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return rules.responses.findIndex((response) =>
    [response.id, response.label, ...response.aliases].some((text) => text.toLowerCase() === lower),
  );
}

/** A new string with the same text: what JSON.parse gives for every event. */
const fresh = (text: string) => JSON.parse(JSON.stringify(text)) as string;

describe('responseIndex, through the names asked last', () => {
  it('answers each name as the catalogue does, in any order, names sharing a slot among them', () => {
    // Same length, first, middle and last characters as a known name: the same slot of the table.
    const sharingSlot = known.map((name) =>
      name.length < 3 ? `${name}x` : `${name[0]}${'q'.repeat(name.length - 2)}${name.at(-1)}`,
    );
    const name = fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom(...known).map((text) => text.toUpperCase()),
      fc.constantFrom(...sharingSlot),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (names) => {
        for (const text of names) expect(responseIndex(rules, fresh(text)), text).to.equal(expected(text));
      }),
    );
  });

  it('asks the lookup once for a name asked again, as a new string, while no other took its slot', () => {
    const lookup = new Map([['opened', 3]]);
    const asked: string[] = [];
    const spy = { get: (key: string) => (asked.push(key), lookup.get(key)) } as unknown as ReadonlyMap<string, number>;
    const names = new ResponseNames();
    expect(names.index(fresh('opened'), spy)).to.equal(3);
    expect(names.index(fresh('opened'), spy)).to.equal(3);
    expect(names.index(fresh('Nope'), spy)).to.equal(-1);
    expect(names.index(fresh('Nope'), spy)).to.equal(-1);
    expect(asked).to.deep.equal(['opened', 'Nope', 'nope']);
  });

  it('an empty name is looked up like any other, and again from the table', () => {
    expect(new ResponseNames().index('', new Map([['', 7]]))).to.equal(7);
    expect(responseIndex(rules, '')).to.equal(-1);
    expect(responseIndex(rules, '')).to.equal(-1);
  });
});
