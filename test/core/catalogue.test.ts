import { expect } from 'chai';
import { DEFAULT_RULES, checkRules, compileRules, responseIndex } from '../../src/core/index';

describe('the catalogue', () => {
  it('holds the 29 responses of the spec with unique ids and codes', () => {
    const ids = DEFAULT_RULES.responses.map((r) => r.id);
    const codes = DEFAULT_RULES.responses.map((r) => r.code);
    expect(ids).to.have.length(29);
    expect(new Set(ids).size).to.equal(29);
    expect(new Set(codes).size).to.equal(29);
  });

  it('matches the spec table for priorities, finals and groups', () => {
    const row = (id: string) => DEFAULT_RULES.responses.find((r) => r.id === id)!;
    expect(row('clicked')).to.include({ code: 12, priority: 8, final: false, group: 'sent' });
    expect(row('spam-complaint')).to.include({ code: 9, priority: 13, final: true, group: 'sent' });
    expect(row('unknown')).to.include({ code: 18, priority: 0, final: true, group: 'not-sent' });
    expect(row('soft-bounce')).to.include({ code: 13, priority: 10, final: true });
    expect(row('stopped-expired')).to.include({ code: 410, final: true });
    const nonFinal = DEFAULT_RULES.responses.filter((r) => !r.final).map((r) => r.id);
    expect(nonFinal).to.deep.equal([
      'planned',
      'ready-to-send',
      'sent-to-provider',
      'provider-queued',
      'provider-delayed',
      'delivered',
      'opened-machine',
      'opened',
      'clicked',
    ]);
  });

  it('is plain JSON: a copy from a backend compiles the same', () => {
    const copy = JSON.parse(JSON.stringify(DEFAULT_RULES));
    const compiled = compileRules(copy);
    expect(compiled.version).to.equal('spec-1');
    expect([...compiled.rank]).to.deep.equal([...compileRules().rank]);
  });

  it('accepts the 8.x names and labels as aliases, in any case', () => {
    const rules = compileRules();
    const id = (name: string) => rules.responses[responseIndex(rules, name)]?.id;
    expect(id('Open')).to.equal('opened');
    expect(id('clicks')).to.equal('clicked');
    expect(id('Queued')).to.equal('sent-to-provider');
    expect(id('Hard Bounce')).to.equal('hard-bounce');
    expect(responseIndex(rules, 'bounced-maybe')).to.equal(-1);
  });

  it('says what is wrong with a broken rules object instead of using it', () => {
    expect(checkRules(null)).to.deep.equal(['rules must be an object']);
    const broken = { ...DEFAULT_RULES, version: '', responses: [{ ...DEFAULT_RULES.responses[0], final: 'yes' }] };
    expect(checkRules(broken)).to.include.members([
      'version must be a non-empty string',
      'responses[0].final must be true or false',
    ]);
    expect(() => compileRules(broken as never)).to.throw(/rules are not usable/);
  });
});
