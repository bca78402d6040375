// One email's engagement over time and by link, from the event log: the hours add up to the
// report's unique opens and clicks on any event set, links count Delivered clickers, and the
// reading is incremental.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createResponseState, reportEmail, type ResponseEvent } from '../../src/core/index';
import { EmailEngagement } from '../../src/store/email-engagement';

const T0 = Date.UTC(2026, 2, 2, 9);
const ev = (id: string, recipientId: string, response: string, minutes: number, url?: string): ResponseEvent => ({
  id,
  emailId: 'e1',
  recipientId,
  response,
  at: T0 + minutes * 60_000,
  ...(url ? { url } : {}),
});

describe('email engagement over time and by link', () => {
  it('counts first opens and clicks per hour since the send, Delivered recipients only, with the median first open', () => {
    const events = [
      ev('1', 'a', 'sent-to-provider', 0),
      ev('2', 'a', 'opened', 30),
      ev('3', 'a', 'opened', 200),
      ev('4', 'b', 'clicked', 90, 'https://x.example/a'),
      ev('5', 'b', 'clicked', 95, 'https://x.example/b'),
      ev('6', 'c', 'opened', 150),
      ev('7', 'c', 'hard-bounce', 160),
      ev('8', 'd', 'opened-machine', 10),
    ];
    const state = createResponseState();
    state.apply(events);
    const engagement = new EmailEngagement('e1');
    engagement.update(state, events);
    expect(engagement.firstSentAt).to.equal(T0);
    const series = engagement.series(state, T0, 4);
    expect(series.opens).to.deep.equal([1, 1, 0, 0]);
    expect(series.clicks).to.deep.equal([0, 1, 0, 0]);
    expect(series.medianFirstOpenMs).to.equal(60 * 60_000);
    expect(engagement.series(state, T0, null).opens).to.have.length(2);
    expect(engagement.links(state).map((l) => [l.url, l.rows.size, l.clicks])).to.deep.equal([
      ['https://x.example/a', 1, 1],
      ['https://x.example/b', 1, 1],
    ]);
  });

  it('reads only new events, and starts over on a new state', () => {
    const first = [ev('1', 'a', 'opened', 0)];
    const state = createResponseState();
    state.apply(first);
    const engagement = new EmailEngagement('e1');
    engagement.update(state, first);
    const all = [
      ...first,
      ev('2', 'b', 'clicked', 61, 'https://x.example/a'),
      ev('3', 'c', 'clicked', 62, 'https://x.example/a'),
    ];
    state.apply(all.slice(1));
    engagement.update(state, all);
    expect(engagement.series(state, T0, 2).opens).to.deep.equal([1, 2]);
    expect(engagement.links(state)[0]!.rows.size).to.equal(2);
    const refolded = createResponseState();
    refolded.apply(first);
    engagement.update(refolded, first);
    expect(engagement.links(refolded)).to.deep.equal([]);
  });

  it('adds up to the report’s unique opens and clicks on any event set, late bounces included', () => {
    const pick = fc.record({
      recipient: fc.integer({ min: 0, max: 20 }),
      response: fc.constantFrom(
        'delivered',
        'opened',
        'clicked',
        'opened-machine',
        'hard-bounce',
        'soft-bounce',
        'unsubscribed',
        'sent-to-provider',
      ),
      minute: fc.integer({ min: 0, max: 5000 }),
      url: fc.constantFrom('https://x.example/a', 'https://x.example/b', undefined),
    });
    fc.assert(
      fc.property(fc.array(pick, { maxLength: 120 }), (picks) => {
        const events = picks.map((p, i) => ev(`p${i}`, `r${p.recipient}`, p.response, p.minute, p.url));
        const state = createResponseState();
        state.apply(events);
        const engagement = new EmailEngagement('e1');
        engagement.update(state, events);
        const report = reportEmail(state, 'e1');
        const series = engagement.series(state, T0, null);
        const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
        expect(sum(series.opens)).to.equal(report?.uniqueOpens.count ?? 0);
        expect(sum(series.clicks)).to.equal(report?.uniqueClicks.count ?? 0);
        for (const link of engagement.links(state)) expect(link.rows.size).to.be.at.most(report!.uniqueClicks.count);
      }),
      { numRuns: 150 },
    );
  });
});
