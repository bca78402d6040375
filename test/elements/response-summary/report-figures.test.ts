// Every figure of the report is a set of recipients: on random event sets (late bounces after
// opens included), the grid's row model filtered by a figure's filter holds exactly its count,
// and each rate's numerator rows are inside its denominator rows.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  createResponseState,
  reportEmail,
  type ResponseEvent,
  type ResponseState,
} from '../../../src/core/index';
import { reportFigures, type FigureFilter } from '../../../src/elements/response-summary/report-figures';
import { AudienceView } from '../../../src/store/audience/audience-view';

const RESPONSES = DEFAULT_RULES.responses.map((r) => r.id);
const ENGAGEMENT = ['opened', 'opened', 'clicked', 'opened-machine'];

/** Recipients with a few events each; engagement events are common, and often come before a final. */
const eventSets = fc
  .array(
    fc.record({
      recipient: fc.integer({ min: 0, max: 40 }),
      response: fc.oneof(
        fc.constantFrom(...RESPONSES),
        fc.constantFrom(...ENGAGEMENT),
        fc.constantFrom('hard-bounce', 'soft-bounce'),
      ),
      minute: fc.integer({ min: 0, max: 600 }),
    }),
    { maxLength: 160 },
  )
  .map((picks) =>
    picks.map(({ recipient, response, minute }, i): ResponseEvent => ({
      id: `p${i}`,
      emailId: 'e1',
      recipientId: `r${recipient}`,
      response,
      at: Date.UTC(2026, 2, 2, 9) + minute * 60_000,
    })),
  );

function rowsOf(state: ResponseState, filter: FigureFilter): Set<number> {
  const view = new AudienceView(state, 'e1', {
    responses: filter.responses,
    groups: filter.groups,
    engagement: filter.engagement ?? null,
  });
  return new Set(view.rows());
}

describe('report figures and the grid rows they filter to', () => {
  it('agree for every figure, stage and response, and every rate is a subset of its base', () => {
    fc.assert(
      fc.property(eventSets, (events) => {
        const state = createResponseState();
        state.apply(events);
        const report = reportEmail(state, 'e1');
        if (!report) return;
        for (const figure of reportFigures(report)) {
          const rows = rowsOf(state, figure.filter);
          expect(rows.size, figure.key).to.equal(figure.count);
          if (figure.base) {
            const base = rowsOf(state, figure.base.filter);
            expect(base.size, `${figure.key} base`).to.equal(figure.base.count);
            for (const row of rows) expect(base.has(row), `${figure.key} row ${row} outside its base`).to.equal(true);
          }
          // The lines beneath a card add up to it: no recipient of Not delivered goes untold.
          if (figure.split)
            expect(
              figure.split.reduce((sum, line) => sum + line.count, 0),
              `${figure.key} split`,
            ).to.equal(figure.count);
          for (const bounce of figure.split ?? []) {
            const bounced = rowsOf(state, { responses: [bounce.response], groups: [] });
            expect(bounced.size, bounce.response).to.equal(bounce.count);
            for (const row of bounced) expect(rows.has(row), `${bounce.response} outside ${figure.key}`).to.equal(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps an open before a late hard bounce out of the open rate and in its own figure', () => {
    const at = (m: number) => Date.UTC(2026, 2, 2, 9, m);
    const state = createResponseState();
    state.apply([
      { id: 'a', emailId: 'e1', recipientId: 'x', response: 'delivered', at: at(0) },
      { id: 'b', emailId: 'e1', recipientId: 'x', response: 'opened', at: at(1) },
      { id: 'c', emailId: 'e1', recipientId: 'x', response: 'hard-bounce', at: at(2) },
      { id: 'd', emailId: 'e1', recipientId: 'y', response: 'opened', at: at(1) },
    ]);
    const figures = new Map(reportFigures(reportEmail(state, 'e1')!).map((f) => [f.key, f]));
    expect(figures.get('unique-opens')).to.include({ count: 1, rate: 1 });
    expect(figures.get('opened-not-delivered')).to.include({ count: 1 });
    expect(figures.get('not-delivered')).to.include({ count: 1, rate: 0.5 });
  });

  it('splits Not delivered into hard and soft bounces and the rest of its responses, each with its rate of Sent', () => {
    const at = (m: number) => Date.UTC(2026, 2, 2, 9, m);
    const state = createResponseState();
    const events: ResponseEvent[] = [
      ['a', 'hard-bounce'],
      ['b', 'hard-bounce'],
      ['c', 'soft-bounce'],
      ['d', 'rejected'],
      ['e', 'delivered'],
      ['f', 'delivered'],
      ['g', 'delivered'],
      ['h', 'delivered'],
    ].map(([recipientId, response], i) => ({
      id: `s${i}`,
      emailId: 'e1',
      recipientId: recipientId!,
      response: response!,
      at: at(i),
    }));
    state.apply(events);
    const figure = reportFigures(reportEmail(state, 'e1')!).find((f) => f.key === 'not-delivered')!;
    expect(figure).to.include({ count: 4, rate: 0.5 });
    expect(figure.split).to.deep.equal([
      { response: 'hard-bounce', count: 2, rate: 0.25 },
      { response: 'soft-bounce', count: 1, rate: 0.125 },
      { response: 'rejected', count: 1, rate: 0.125 },
    ]);
  });
});
