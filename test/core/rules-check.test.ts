// checkRules names every problem of a rules object, one reason each, and compileRules turns good
// rules into the lookups the fold uses. Each broken field here has its own exact message.
import { expect } from 'chai';
import { DEFAULT_RULES, checkRules, compileRules, responseIndex, type ResponseRules } from '../../src/core/index';
import { COUNTER_CLICKS, COUNTER_MACHINE_OPENS, COUNTER_NONE, COUNTER_OPENS } from '../../src/core/rules';

const withFirst = (fields: Record<string, unknown>) => ({
  ...DEFAULT_RULES,
  responses: [{ ...DEFAULT_RULES.responses[0]!, ...fields }, ...DEFAULT_RULES.responses.slice(1)],
});

describe('checking a rules object', () => {
  it('finds nothing wrong with the spec rules', () => {
    expect(checkRules(DEFAULT_RULES)).to.deep.equal([]);
  });

  it('refuses what is not an object', () => {
    for (const value of [null, undefined, 3, 'rules'])
      expect(checkRules(value)).to.deep.equal(['rules must be an object']);
  });

  it('names each broken top-level field', () => {
    expect(checkRules({ ...DEFAULT_RULES, version: 7 })).to.deep.equal(['version must be a non-empty string']);
    expect(checkRules({ ...DEFAULT_RULES, softBounceWarningThreshold: 2.5 })).to.deep.equal([
      'softBounceWarningThreshold must be a whole number of at least 1',
    ]);
    expect(checkRules({ ...DEFAULT_RULES, softBounceWarningThreshold: -3 })).to.deep.equal([
      'softBounceWarningThreshold must be a whole number of at least 1',
    ]);
    for (const hours of [0, -1, '48', Number.NaN]) {
      expect(checkRules({ ...DEFAULT_RULES, sentToProviderLimitHours: hours }), String(hours)).to.deep.equal([
        'sentToProviderLimitHours must be a positive number',
      ]);
    }
    expect(checkRules({ ...DEFAULT_RULES, sentToProviderLimitHours: 0.5 })).to.deep.equal([]);
  });

  it('takes a statistics update period of a positive number of days, or none (absent or null)', () => {
    for (const days of [0, -7, Number.POSITIVE_INFINITY, Number.NaN, '7', true]) {
      expect(checkRules({ ...DEFAULT_RULES, statisticsPeriodDays: days }), String(days)).to.deep.equal([
        'statisticsPeriodDays must be a positive number of days, or left out (off)',
      ]);
    }
    for (const days of [7, 0.5, null, undefined])
      expect(checkRules({ ...DEFAULT_RULES, statisticsPeriodDays: days }), String(days)).to.deep.equal([]);
  });

  it('needs a non-empty list of responses, and stops there without one', () => {
    expect(checkRules({ ...DEFAULT_RULES, responses: [] })).to.deep.equal(['responses must be a non-empty array']);
    expect(checkRules({ ...DEFAULT_RULES, version: '', responses: 'all' })).to.deep.equal([
      'version must be a non-empty string',
      'responses must be a non-empty array',
    ]);
  });

  it('names each broken field of a response, with its position', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'Planned' }, 'responses[0].id must be a kebab-case string'],
      [{ id: '-planned' }, 'responses[0].id must be a kebab-case string'],
      [{ id: 'planned x' }, 'responses[0].id must be a kebab-case string'],
      [{ id: 3 }, 'responses[0].id must be a kebab-case string'],
      [{ label: '' }, 'responses[0].label must be a non-empty string'],
      [{ label: 5 }, 'responses[0].label must be a non-empty string'],
      [{ aliases: 'Open' }, 'responses[0].aliases must be an array of strings'],
      [{ aliases: ['Open', 2] }, 'responses[0].aliases must be an array of strings'],
      [{ code: 1.5 }, 'responses[0].code must be a whole number'],
      [{ group: 'maybe' }, 'responses[0].group must be "sent" or "not-sent"'],
      [{ final: 1 }, 'responses[0].final must be true or false'],
      [{ priority: '0' }, 'responses[0].priority must be a whole number'],
      [{ handedToProvider: 'no' }, 'responses[0].handedToProvider must be true or false'],
      [{ counter: 'views' }, 'responses[0].counter must be opens, clicks or machineOpens'],
      // Only the name itself: not a list (or anything else) that merely reads as one.
      [{ counter: ['opens'] }, 'responses[0].counter must be opens, clicks or machineOpens'],
    ];
    for (const [fields, message] of cases)
      expect(checkRules(withFirst(fields)), JSON.stringify(fields)).to.deep.equal([message]);
    for (const group of ['sent', 'not-sent']) expect(checkRules(withFirst({ group }))).to.deep.equal([]);
    for (const counter of ['opens', 'clicks', 'machineOpens'])
      expect(checkRules(withFirst({ counter }))).to.deep.equal([]);
    expect(checkRules(withFirst({ id: 'a1-b2' }))).to.deep.equal([]);
  });

  it('names a response that is not an object, and an id that appears twice', () => {
    const responses = [...DEFAULT_RULES.responses];
    expect(checkRules({ ...DEFAULT_RULES, responses: [...responses, null] })).to.deep.equal([
      `responses[${responses.length}] must be an object`,
    ]);
    expect(checkRules({ ...DEFAULT_RULES, responses: [...responses, 5] })).to.deep.equal([
      `responses[${responses.length}] must be an object`,
    ]);
    expect(checkRules({ ...DEFAULT_RULES, responses: [...responses, responses[2]] })).to.deep.equal([
      `responses[${responses.length}].id "sent-to-provider" appears twice`,
    ]);
  });

  it('compileRules throws with every reason', () => {
    expect(() =>
      compileRules({ ...DEFAULT_RULES, version: '', sentToProviderLimitHours: 0 } as ResponseRules),
    ).to.throw(
      TypeError,
      'email-responses: the rules are not usable: version must be a non-empty string; sentToProviderLimitHours must be a positive number',
    );
  });
});

describe('compiled rules', () => {
  const rules = compileRules();
  const at = (id: string) => DEFAULT_RULES.responses.findIndex((r) => r.id === id);

  it('compiles a rules object once', () => {
    const copy = structuredClone(DEFAULT_RULES);
    expect(compileRules(copy)).to.equal(compileRules(copy));
    expect(compileRules()).to.equal(compileRules(DEFAULT_RULES));
    expect(compileRules(copy)).to.not.equal(compileRules());
  });

  it('says a statistics update period in milliseconds, and 0 when there is none', () => {
    expect(rules.statisticsPeriodMs).to.equal(0);
    expect(compileRules({ ...DEFAULT_RULES, statisticsPeriodDays: null } as unknown as ResponseRules)).to.include({
      statisticsPeriodMs: 0,
    });
    expect(compileRules({ ...DEFAULT_RULES, statisticsPeriodDays: 2 })).to.include({ statisticsPeriodMs: 172_800_000 });
  });

  it('keeps the source, the version and the responses', () => {
    expect(rules).to.include({ source: DEFAULT_RULES, version: 'spec-1', responses: DEFAULT_RULES.responses });
  });

  it('has a typed lookup per response: final, priority, counter, handed to the provider, delivered', () => {
    DEFAULT_RULES.responses.forEach((r, i) => {
      expect(rules.final[i], r.id).to.equal(r.final ? 1 : 0);
      expect(rules.priority[i], r.id).to.equal(r.priority);
      expect(rules.handedToProvider[i], r.id).to.equal(r.handedToProvider ? 1 : 0);
      expect(rules.delivered[i], r.id).to.equal(r.group === 'sent' ? 1 : 0);
    });
    expect(rules.counter[at('opened')]).to.equal(COUNTER_OPENS);
    expect(rules.counter[at('clicked')]).to.equal(COUNTER_CLICKS);
    expect(rules.counter[at('opened-machine')]).to.equal(COUNTER_MACHINE_OPENS);
    expect(rules.counter[at('delivered')]).to.equal(COUNTER_NONE);
    expect([COUNTER_NONE, COUNTER_OPENS, COUNTER_CLICKS, COUNTER_MACHINE_OPENS]).to.deep.equal([0, 1, 2, 3]);
  });

  it('ranks by priority, then catalogue order: 1 for the lowest, one step each', () => {
    const byRank = [...DEFAULT_RULES.responses.keys()]
      .sort((a, b) => rules.rank[a]! - rules.rank[b]!)
      .map((i) => DEFAULT_RULES.responses[i]!.id);
    expect(byRank.slice(0, 3)).to.deep.equal(['planned', 'ready-to-send', 'sent-to-provider']);
    expect(byRank.at(-1)).to.equal('spam-complaint');
    expect([...rules.rank].sort((a, b) => a - b)).to.deep.equal(DEFAULT_RULES.responses.map((_, i) => i + 1));
    // Equal priorities follow the catalogue order, wherever they sit in it.
    expect(rules.rank[at('stopped-expired')]).to.be.greaterThan(rules.rank[at('limit-reached')]!);
    expect(rules.rank[at('delivery-error')]).to.be.lessThan(rules.rank[at('delivered')]!);
  });

  it('looks a response up by id, label or alias in any case; an exact id first; -1 when unknown', () => {
    const id = (name: string) => rules.responses[responseIndex(rules, name)]?.id;
    expect(id('OPENED')).to.equal('opened');
    expect(id('received by provider (QUEUED)')).to.equal('provider-queued');
    expect(id('click')).to.equal('clicked');
    expect(responseIndex(rules, '')).to.equal(-1);
    // A label that spells another response's id loses to the id; the first of two same labels wins.
    const tricky = compileRules({
      ...DEFAULT_RULES,
      version: 'tricky',
      responses: DEFAULT_RULES.responses.map((r) =>
        r.id === 'planned'
          ? { ...r, aliases: ['delivered', 'Later'] }
          : r.id === 'ready-to-send'
            ? { ...r, aliases: ['later'] }
            : r,
      ),
    });
    expect(tricky.responses[responseIndex(tricky, 'delivered')]!.id).to.equal('delivered');
    expect(tricky.responses[responseIndex(tricky, 'LATER')]!.id).to.equal('planned');
    expect(tricky.lookup.get('later')).to.equal(at('planned'));
  });
});
