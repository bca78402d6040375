// Which stage a response is in, asked by id, label, alias (any case) or catalogue index, as the
// grid, the chips and the CSV ask it; and which stages make up Sent (spec: "Stages").
import { expect } from 'chai';
import { DEFAULT_RULES, SENT_STAGES, STAGES, compileRules, isSent, isStage, stageOf } from '../../src/core/index';

const rules = compileRules();

describe('the stage of a response', () => {
  it('is found by id, by label or alias in any case, and by catalogue index', () => {
    expect(stageOf(rules, 'opened')).to.equal('delivered');
    expect(stageOf(rules, 'Opened')).to.equal('delivered');
    expect(stageOf(rules, 'SOFT BOUNCE')).to.equal('not-delivered');
    expect(stageOf(rules, 'queued')).to.equal('awaiting-provider');
    expect(stageOf(rules, 0)).to.equal('scheduled');
    expect(stageOf(rules, DEFAULT_RULES.responses.length - 1)).to.equal('not-sent');
  });

  it('is undefined for a name or an index the catalogue does not have', () => {
    expect(stageOf(rules, 'bounced-maybe')).to.equal(undefined);
    expect(stageOf(rules, -1)).to.equal(undefined);
    expect(stageOf(rules, DEFAULT_RULES.responses.length)).to.equal(undefined);
  });
});

describe('Sent, the funnel’s first step', () => {
  it('is Awaiting provider, Not delivered and Delivered: every stage after the hand-over', () => {
    expect(SENT_STAGES).to.deep.equal(['awaiting-provider', 'not-delivered', 'delivered']);
    expect(STAGES.filter(isSent)).to.deep.equal(['awaiting-provider', 'not-delivered', 'delivered']);
    expect(isSent('scheduled')).to.equal(false);
    expect(isSent('not-sent')).to.equal(false);
  });

  it('names only the five stages as stages', () => {
    for (const stage of STAGES) expect(isStage(stage), stage).to.equal(true);
    for (const value of ['Delivered', 'sent', '', undefined, 3]) expect(isStage(value), String(value)).to.equal(false);
  });
});
