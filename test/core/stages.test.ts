import { expect } from 'chai';
import { DEFAULT_RULES, STAGES, checkRules, compileRules, stageOf, type ResponseRules } from '../../src/core/index';

describe('stages', () => {
  const rules = compileRules();

  it('puts every response of the spec in its stage, as the spec table says', () => {
    const by = (stage: string) =>
      DEFAULT_RULES.responses.filter((r) => stageOf(rules, r.id) === stage).map((r) => r.id);
    expect(by('scheduled')).to.deep.equal(['planned', 'ready-to-send']);
    expect(by('awaiting-provider')).to.deep.equal(['sent-to-provider', 'provider-queued', 'provider-delayed']);
    expect(by('not-delivered')).to.deep.equal(['unknown', 'invalid-address', 'rejected', 'soft-bounce', 'hard-bounce']);
    expect(by('delivered')).to.deep.equal([
      'delivered',
      'opened-machine',
      'opened',
      'clicked',
      'unsubscribed',
      'spam-complaint',
    ]);
    expect(by('not-sent')).to.include.members([
      'delivery-error',
      'limit-reached',
      'canceled-duplicate',
      'stopped-manually',
      'stopped-expired',
    ]);
    expect(by('not-sent')).to.have.length(13);
    expect(STAGES).to.deep.equal(['scheduled', 'not-sent', 'awaiting-provider', 'not-delivered', 'delivered']);
  });

  it('carries the stage in the rules data, so a host can move a response', () => {
    expect(DEFAULT_RULES.responses.find((r) => r.id === 'delivery-error')!.stage).to.equal('not-sent');
    const moved: ResponseRules = {
      ...DEFAULT_RULES,
      version: 'moved',
      responses: DEFAULT_RULES.responses.map((r) => (r.id === 'unknown' ? { ...r, stage: 'awaiting-provider' } : r)),
    };
    expect(stageOf(compileRules(moved), 'unknown')).to.equal('awaiting-provider');
  });

  it('derives the stage of rules that do not name one from group, final and hand-over', () => {
    const bare: ResponseRules = {
      ...DEFAULT_RULES,
      version: 'bare',
      responses: DEFAULT_RULES.responses.map(({ stage: _stage, ...r }) => r),
    };
    const compiled = compileRules(bare);
    expect(stageOf(compiled, 'planned')).to.equal('scheduled');
    expect(stageOf(compiled, 'provider-queued')).to.equal('awaiting-provider');
    expect(stageOf(compiled, 'hard-bounce')).to.equal('not-delivered');
    expect(stageOf(compiled, 'canceled-no-email')).to.equal('not-sent');
    expect(stageOf(compiled, 'clicked')).to.equal('delivered');
  });

  it('rejects a stage that is not one of the five, with a reason', () => {
    const bad = {
      ...DEFAULT_RULES,
      responses: DEFAULT_RULES.responses.map((r) => (r.id === 'opened' ? { ...r, stage: 'sent' } : r)),
    };
    expect(checkRules(bad).join()).to.contain(
      'responses[7].stage must be one of scheduled, not-sent, awaiting-provider, not-delivered, delivered',
    );
  });

  it('answers by catalogue index too, and undefined for an unknown response', () => {
    expect(stageOf(rules, rules.lookup.get('clicked')!)).to.equal('delivered');
    expect(stageOf(rules, 'no-such-response')).to.equal(undefined);
  });
});
