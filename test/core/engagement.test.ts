// Engagement is read inside Delivered only, so each rate's numerator is a subset of its
// denominator; an open or click before a later bounce report is a set of its own (spec: "Stages").
// The report and the grid both ask hasEngagement, by stage name or by index in STAGES.
import { expect } from 'chai';
import { ENGAGEMENTS, STAGES, hasEngagement, type Engagement, type EngagementCounters } from '../../src/core/index';

const counters = (opens: number, clicks: number, machineOpens: number): EngagementCounters => ({
  opens,
  clicks,
  machineOpens,
});

/** The engagements a recipient in this stage with these counters has. */
const engagements = (stage: (typeof STAGES)[number] | number, r: EngagementCounters): Engagement[] =>
  ENGAGEMENTS.filter((engagement) => hasEngagement(stage, r, engagement));

describe('engagement', () => {
  it('is one of four: opened, clicked, machine-opened, opened before a bounce report', () => {
    expect(ENGAGEMENTS).to.deep.equal(['opened', 'clicked', 'machine-opened', 'opened-not-delivered']);
  });

  it('inside Delivered: a human open, a click (which implies an open), or machine opens only', () => {
    expect(engagements('delivered', counters(2, 0, 0))).to.deep.equal(['opened']);
    expect(engagements('delivered', counters(0, 1, 0))).to.deep.equal(['opened', 'clicked']);
    expect(engagements('delivered', counters(0, 0, 3))).to.deep.equal(['machine-opened']);
    expect(engagements('delivered', counters(1, 0, 3))).to.deep.equal(['opened']);
    expect(engagements('delivered', counters(0, 0, 0))).to.deep.equal([]);
  });

  it('outside Delivered: only an open or click before the bounce, never a rate’s numerator', () => {
    expect(engagements('not-delivered', counters(1, 0, 0))).to.deep.equal(['opened-not-delivered']);
    expect(engagements('not-delivered', counters(0, 2, 0))).to.deep.equal(['opened-not-delivered']);
    expect(engagements('not-delivered', counters(0, 0, 3))).to.deep.equal([]);
    expect(engagements('awaiting-provider', counters(0, 0, 0))).to.deep.equal([]);
  });

  it('reads the same by stage name and by index in STAGES', () => {
    for (const [index, stage] of STAGES.entries()) {
      for (const r of [counters(1, 0, 0), counters(0, 1, 0), counters(0, 0, 1)])
        expect(engagements(index, r), `${stage} ${JSON.stringify(r)}`).to.deep.equal(engagements(stage, r));
    }
    expect(engagements(STAGES.indexOf('delivered'), counters(0, 0, 1))).to.deep.equal(['machine-opened']);
  });
});
