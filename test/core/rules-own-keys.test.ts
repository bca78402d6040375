// Issue 15, item 14: a key that comes from data is looked up as an own property, never through
// Object.prototype: `counter: "toString"` is not a counter.
import { expect } from 'chai';
import { DEFAULT_RULES, checkRules, compileRules, foldEvents, type ResponseRules } from '../../src/core/index';

function withCounter(counter: string): ResponseRules {
  return {
    ...DEFAULT_RULES,
    version: `counter-${counter}`,
    responses: DEFAULT_RULES.responses.map((r) => (r.id === 'opened' ? { ...r, counter: counter as 'opens' } : r)),
  };
}

describe('rules read keys from data as own properties', () => {
  for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
    it(`rejects counter: "${name}" with a reason`, () => {
      const problems = checkRules(withCounter(name));
      expect(problems).to.deep.equal(['responses[7].counter must be opens, clicks or machineOpens']);
      expect(() => compileRules(withCounter(name))).to.throw(TypeError, /counter/);
    });
  }

  it('a response with the id "constructor" is an ordinary response', () => {
    const rules: ResponseRules = {
      ...DEFAULT_RULES,
      version: 'constructor-id',
      responses: [
        ...DEFAULT_RULES.responses,
        { ...DEFAULT_RULES.responses.find((r) => r.id === 'delivered')!, id: 'constructor', label: 'Built', code: 999 },
      ],
    };
    expect(checkRules(rules)).to.deep.equal([]);
    const state = foldEvents(
      [{ id: 'x', emailId: 'e', recipientId: 'r', response: 'constructor', at: Date.UTC(2026, 0, 1) }],
      compileRules(rules),
    );
    expect(state.recipientAt(0)).to.include({ response: 'constructor', label: 'Built' });
  });
});
