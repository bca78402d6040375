// The Audience view's row model: filter, stable sort and chip counts, kept up to date event by
// event. The property at the end pins the promise: after any batches, any holds and any query,
// the view is exactly a from-scratch filter and stable sort of the state.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  createResponseState,
  reportEmail,
  stageOf,
  type RecipientState,
  type ResponseEvent,
  type ResponseState,
} from '../../src/core/index';
import { RowColumns } from '../../src/store/audience/audience-columns';
import {
  AUDIENCE_GROUPS,
  foldText,
  inGroup,
  type AudienceEngagement,
  type AudienceGroup,
  type AudienceQuery,
  type SortColumn,
} from '../../src/store/audience/audience-query';
import { sortByNumber } from '../../src/store/audience/audience-sort';
import { AudienceView } from '../../src/store/audience/audience-view';
import { event } from '../support/events';

const ids = DEFAULT_RULES.responses.map((r) => r.id);

function stateOf(events: ResponseEvent[]): ResponseState {
  const state = createResponseState();
  state.apply(events);
  return state;
}

/** What a view should hold, computed the slow and obvious way. */
function reference(state: ResponseState, emailId: string, query: AudienceQuery) {
  const entry = state.emails.get(emailId);
  const rows = (entry?.order ?? []).map((row) => state.recipientAt(row));
  const needle = foldText((query.search ?? '').trim());
  // Engagement written out from the spec's counters and stages, not with the view's own helper.
  const delivered = (r: RecipientState) => stageOf(state.rules, r.response) === 'delivered';
  const engagement: Record<AudienceEngagement, (r: RecipientState) => boolean> = {
    opened: (r) => delivered(r) && r.opens > 0,
    clicked: (r) => delivered(r) && r.clicks > 0,
    'machine-opened': (r) => delivered(r) && r.opens === 0 && r.machineOpens > 0,
    'opened-not-delivered': (r) => !delivered(r) && r.opens > 0,
  };
  const wanted = query.engagement ? engagement[query.engagement] : () => true;
  const searched = rows.filter(
    (r) =>
      wanted(r) &&
      (needle === '' || foldText(r.contactName ?? '').includes(needle) || foldText(r.address ?? '').includes(needle)),
  );
  const rules = state.rules;
  const chips = (query.responses?.length ?? 0) + (query.groups?.length ?? 0) > 0;
  const index = (r: RecipientState) => rules.lookup.get(r.response)!;
  const passes = (r: RecipientState) =>
    !chips ||
    (query.responses ?? []).includes(r.response) ||
    (query.groups ?? []).some((g) => inGroup(rules, index(r), g));
  const shown = searched.filter(passes);
  const sort = query.sort;
  if (sort) {
    const sign = sort.direction === 'descending' ? -1 : 1;
    const text = (r: RecipientState): string => {
      // The email type is the same on every row of an email: all ties.
      const value = { contact: r.contactName, address: r.address, provider: r.provider, 'email-type': undefined }[
        sort.column as 'contact'
      ];
      return value === undefined ? '' : foldText(value);
    };
    const number = (r: RecipientState): number =>
      ({ response: index(r), opens: r.opens, clicks: r.clicks, 'last-response': r.lastAt })[sort.column as 'opens'];
    // Array.prototype.sort is stable: ties keep first-appearance order.
    shown.sort((a, b) => {
      if (RowColumns.numeric(sort.column)) return sign * (number(a) - number(b));
      const x = text(a);
      const y = text(b);
      if (x === y) return 0;
      if (x === '') return 1;
      if (y === '') return -1;
      return x < y ? -sign : sign;
    });
  }
  const byResponse: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const r of searched) byResponse[r.response]!++;
  const groups = Object.fromEntries(AUDIENCE_GROUPS.map((group) => [group, 0])) as Record<AudienceGroup, number>;
  for (const r of searched)
    for (const g of Object.keys(groups) as AudienceGroup[]) if (inGroup(rules, index(r), g)) groups[g]++;
  return { recipients: shown.map((r) => r.recipientId), counts: { all: searched.length, byResponse, groups } };
}

function shownIds(view: AudienceView): string[] {
  return [...view.rows()].map((row) => view.state.recipientAt(row).recipientId);
}

describe('the audience view', () => {
  const people = [
    event('delivered', {
      recipientId: 'a',
      contactName: 'Émile Zola',
      address: 'emile@example.com',
      provider: 'ses',
      at: 1,
    }),
    event('opened', { recipientId: 'b', contactName: 'anna', address: 'ANNA@example.com', at: 2 }),
    event('clicked', { recipientId: 'c', contactName: 'Bob', address: 'bob@example.org', provider: 'mailgun', at: 3 }),
    event('soft-bounce', { recipientId: 'd', address: 'dora@example.net', at: 4 }),
    event('sent-to-provider', { recipientId: 'e', contactName: 'Carl', at: 5 }),
    event('opened', { emailId: 'other', recipientId: 'x', contactName: 'Aaron', at: 1 }),
  ];

  it('starts in first-appearance order and shows only its own email', () => {
    const view = new AudienceView(stateOf(people), 'e1');
    expect(shownIds(view)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(view.length).to.equal(5);
  });

  it('sorts by text folding case and accents, with missing values last in both directions', () => {
    const state = stateOf(people);
    const view = new AudienceView(state, 'e1', { sort: { column: 'contact', direction: 'ascending' } });
    expect(shownIds(view)).to.deep.equal(['b', 'c', 'e', 'a', 'd']);
    view.setQuery({ sort: { column: 'contact', direction: 'descending' } });
    expect(shownIds(view)).to.deep.equal(['a', 'e', 'c', 'b', 'd']);
    view.setQuery({ sort: { column: 'provider', direction: 'ascending' } });
    expect(shownIds(view)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
  });

  it('sorts Response by catalogue order and keeps ties in first-appearance order', () => {
    const state = stateOf([...people, event('delivered', { recipientId: 'f', at: 9 })]);
    const view = new AudienceView(state, 'e1', { sort: { column: 'response', direction: 'ascending' } });
    expect(shownIds(view)).to.deep.equal(['e', 'a', 'f', 'b', 'c', 'd']);
    view.setQuery({ sort: { column: 'opens', direction: 'descending' } });
    expect(shownIds(view)).to.deep.equal(['b', 'c', 'a', 'd', 'e', 'f']);
  });

  it('searches name and address, case- and accent-insensitively', () => {
    const view = new AudienceView(stateOf(people), 'e1', { search: '  EMILE ' });
    expect(shownIds(view)).to.deep.equal(['a']);
    view.setQuery({ search: 'example.n' });
    expect(shownIds(view)).to.deep.equal(['d']);
    view.setQuery({ search: 'nobody' });
    expect(view.length).to.equal(0);
  });

  it('searches for the text typed, not a pattern', () => {
    const state = stateOf([
      event('opened', { recipientId: 'dot', contactName: 'a.b (c)' }),
      event('opened', { recipientId: 'any', contactName: 'axb (c)' }),
    ]);
    const view = new AudienceView(state, 'e1', { search: 'A.B (' });
    expect(shownIds(view)).to.deep.equal(['dot']);
  });

  it('filters by chips that add up, and counts every chip over the rows matching the search', () => {
    const view = new AudienceView(stateOf(people), 'e1', { responses: ['opened'], groups: ['final'] });
    expect(shownIds(view)).to.deep.equal(['b', 'd']);
    view.setQuery({ groups: ['sent'], search: 'example' });
    // Sent: handed to the provider, so the soft bounce too.
    expect(shownIds(view)).to.deep.equal(['a', 'b', 'c', 'd']);
    const counts = view.counts();
    expect(counts.all).to.equal(4);
    expect(counts.groups).to.deep.equal({
      sent: 4,
      scheduled: 0,
      'not-sent': 0,
      'awaiting-provider': 0,
      'not-delivered': 1,
      delivered: 3,
      final: 1,
      'awaiting-final': 3,
    });
    expect(counts.byResponse['soft-bounce']).to.equal(1);
    expect(counts.byResponse['sent-to-provider']).to.equal(0);
  });

  it('moves a changed row to its new place, adds new recipients and drops rows that stop matching', () => {
    const state = stateOf(people);
    const view = new AudienceView(state, 'e1', {
      groups: ['awaiting-final'],
      sort: { column: 'response', direction: 'descending' },
    });
    expect(shownIds(view)).to.deep.equal(['c', 'b', 'a', 'e']);
    const batch = state.apply([
      event('clicked', { recipientId: 'e', at: 6 }),
      event('hard-bounce', { recipientId: 'b', at: 6 }),
      event('opened', { recipientId: 'g', at: 6 }),
    ]);
    const result = view.update({ rows: batch.changed, reset: false });
    expect(result.moved).to.equal(true);
    expect(result.changed.map((row) => state.recipientAt(row).recipientId).sort()).to.deep.equal(['b', 'e', 'g']);
    expect(shownIds(view)).to.deep.equal(['c', 'e', 'g', 'a']);
    expect(view.indexOf('g')).to.equal(2);
    expect(view.indexOf('b')).to.equal(-1);
  });

  it('holds moves while asked, shows new values in place, counts what waits, and applies it on demand', () => {
    const state = stateOf(people);
    const view = new AudienceView(state, 'e1', { sort: { column: 'clicks', direction: 'descending' } });
    expect(shownIds(view)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
    view.hold = true;
    const moves = state.apply([
      event('clicked', { recipientId: 'e', at: 7 }),
      event('clicked', { recipientId: 'e', at: 8 }),
      event('delivered', { recipientId: 'h', at: 8 }),
    ]);
    expect(view.update({ rows: moves.changed, reset: false }).moved).to.equal(false);
    expect(shownIds(view)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
    expect(state.recipientAt(view.rowAt(4)).clicks).to.equal(2);
    expect(view.pendingMoves).to.equal(2);
    const still = state.apply([event('opened', { recipientId: 'a', at: 9 })]);
    view.update({ rows: still.changed, reset: false });
    expect(view.pendingMoves).to.equal(2);
    expect(view.counts().byResponse['opened']).to.equal(2);
    expect(view.applyPending()).to.equal(true);
    expect(view.pendingMoves).to.equal(0);
    expect(shownIds(view)).to.deep.equal(['e', 'c', 'a', 'b', 'd', 'h']);
    expect(view.counts().all).to.equal(6);
  });

  it('forgets a held move that a later change undoes', () => {
    const state = stateOf(people);
    const view = new AudienceView(state, 'e1', { search: 'zola' });
    view.hold = true;
    view.update({
      rows: state.apply([event('delivered', { recipientId: 'a', contactName: 'Émile Martin', at: 10 })]).changed,
      reset: false,
    });
    expect(view.pendingMoves).to.equal(1);
    view.update({
      rows: state.apply([event('delivered', { recipientId: 'a', contactName: 'Émile Zola', at: 11 })]).changed,
      reset: false,
    });
    expect(view.pendingMoves).to.equal(0);
    expect(shownIds(view)).to.deep.equal(['a']);
  });

  describe('engagement', () => {
    // Responses and counters apart: Unsubscribed after a click, a Hard Bounce after an open, a
    // click without an open, machine opens alone and machine opens beside a human one.
    const engagedPeople = [
      event('delivered', { recipientId: 'plain', at: 1 }),
      event('opened', { recipientId: 'human', at: 1 }),
      event('clicked', { recipientId: 'click-only', at: 1 }),
      event('opened-machine', { recipientId: 'bot', at: 1 }),
      event('opened-machine', { recipientId: 'bot', at: 2 }),
      event('opened-machine', { recipientId: 'both', at: 1 }),
      event('opened', { recipientId: 'both', at: 2 }),
      event('clicked', { recipientId: 'unsub', at: 1 }),
      event('unsubscribed', { recipientId: 'unsub', at: 2 }),
      event('hard-bounce', { recipientId: 'bounced', at: 1 }),
      event('opened', { recipientId: 'bounced', at: 3 }),
    ];

    it('shows Delivered recipients by their counters, whatever their response, and opens before a bounce apart', () => {
      const view = new AudienceView(stateOf(engagedPeople), 'e1', { engagement: 'opened' });
      expect(shownIds(view)).to.deep.equal(['human', 'click-only', 'both', 'unsub']);
      view.setQuery({ engagement: 'opened-not-delivered' });
      expect(shownIds(view)).to.deep.equal(['bounced']);
      view.setQuery({ engagement: 'clicked' });
      expect(shownIds(view)).to.deep.equal(['click-only', 'unsub']);
      view.setQuery({ engagement: 'machine-opened' });
      expect(shownIds(view)).to.deep.equal(['bot']);
    });

    it('gives exactly the summary figures of the same state', () => {
      const state = stateOf(engagedPeople);
      const report = reportEmail(state, 'e1')!;
      const count = (engagement: AudienceEngagement) => new AudienceView(state, 'e1', { engagement }).length;
      expect([count('opened'), count('clicked'), count('machine-opened'), count('opened-not-delivered')]).to.deep.equal(
        [report.uniqueOpens.count, report.uniqueClicks.count, report.machineOpened.count, report.openedNotDelivered],
      );
    });

    it('narrows the chips and their counts like the search does', () => {
      const view = new AudienceView(stateOf(engagedPeople), 'e1', { engagement: 'opened', groups: ['final'] });
      expect(shownIds(view)).to.deep.equal(['unsub']);
      const counts = view.counts();
      expect(counts.all).to.equal(4);
      expect(counts.groups).to.deep.include({
        sent: 4,
        delivered: 4,
        'not-delivered': 0,
        final: 1,
        'awaiting-final': 3,
      });
      expect(counts.byResponse['delivered']).to.equal(0);
      view.setQuery({ engagement: 'opened', search: 'nobody' });
      expect(view.counts().all).to.equal(0);
    });

    it('moves rows in and out live when only a counter changes, and ignores an unknown engagement', () => {
      const state = stateOf(engagedPeople);
      const clicked = new AudienceView(state, 'e1', { engagement: 'clicked' });
      const machine = new AudienceView(state, 'e1', { engagement: 'machine-opened' });
      expect(shownIds(clicked)).to.deep.equal(['click-only', 'unsub']);
      // 'unsub' keeps its final Unsubscribed but gains a second click; 'bot' gains a human open;
      // 'bounced' gains a click but stays outside Delivered.
      const batch = state.apply([
        event('clicked', { recipientId: 'unsub', at: 5 }),
        event('clicked', { recipientId: 'bounced', at: 5 }),
        event('opened', { recipientId: 'bot', at: 5 }),
        event('clicked', { recipientId: 'both', at: 5 }),
      ]);
      expect(state.recipient('e1', 'unsub')!).to.include({ response: 'unsubscribed', clicks: 2 });
      clicked.update({ rows: batch.changed, reset: false });
      machine.update({ rows: batch.changed, reset: false });
      expect(shownIds(clicked)).to.deep.equal(['click-only', 'both', 'unsub']);
      expect(clicked.counts().byResponse['hard-bounce']).to.equal(0);
      expect(shownIds(machine)).to.deep.equal([]);
      clicked.setQuery({ engagement: 'teleported' as AudienceEngagement });
      expect(clicked.query.engagement).to.equal(null);
      expect(clicked.length).to.equal(7);
    });
  });

  it('starts over on a reset, and copes with an email that has no rows yet', () => {
    const state = createResponseState();
    const view = new AudienceView(state, 'e1');
    expect(view.length).to.equal(0);
    expect(view.indexOf('a')).to.equal(-1);
    view.update({ rows: state.apply(people).changed, reset: false });
    expect(shownIds(view)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    const refolded = stateOf(people.slice(0, 2));
    view.setState(refolded);
    expect(view.update({ rows: [], reset: true })).to.deep.equal({ changed: [], moved: true });
    expect(shownIds(view)).to.deep.equal(['a', 'b']);
  });

  it('reads the same response from the table as recipientAt does', () => {
    const state = stateOf([
      ...people,
      event('clicked', { recipientId: 'a', at: 12, emailType: 'news' }),
      event('hard-bounce', { recipientId: 'c', at: 1 }),
    ]);
    const columns = new RowColumns(state);
    for (let row = 0; row < state.recipients.size; row++) {
      const r = state.recipientAt(row);
      expect(columns.response(row)).to.equal(columns.responseOf(r));
      expect(state.rules.responses[columns.response(row)]!.id).to.equal(r.response);
    }
  });

  it('sorts packed numeric keys exactly like the comparator, including wide time ranges', () => {
    const keys = Float64Array.from([5, 3, 5, 1, Date.UTC(2099, 0), Date.UTC(2000, 0), 3, 0]);
    const seqs = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    sortByNumber(seqs, keys, false);
    expect([...seqs]).to.deep.equal([7, 3, 1, 6, 0, 2, 5, 4]);
    sortByNumber(seqs, keys, true);
    expect([...seqs]).to.deep.equal([4, 5, 0, 2, 1, 6, 3, 7]);
    const fractions = Float64Array.from([0.5, 0.25, 0.5]);
    const three = Int32Array.from([0, 1, 2]);
    sortByNumber(three, fractions, true);
    expect([...three]).to.deep.equal([0, 2, 1]);
  });

  it('lists each changed row once: the new recipients in the order they came, then the others', () => {
    const state = stateOf(people);
    const view = new AudienceView(state, 'e1');
    const fresh = Array.from({ length: 40 }, (_, i) =>
      event(i % 2 ? 'opened' : 'delivered', { recipientId: `n${i}`, at: 20 + i }),
    );
    // Old rows changed between and after the new ones; one new row changes twice.
    const batch = state.apply([
      ...fresh.slice(0, 20),
      event('clicked', { recipientId: 'd', at: 30 }),
      ...fresh.slice(20),
      event('clicked', { recipientId: 'n3', at: 70 }),
      event('opened', { recipientId: 'a', at: 70 }),
      event('opened', { emailId: 'other', recipientId: 'y', at: 70 }),
    ]);
    const result = view.update({ rows: batch.changed, reset: false });
    const ids = result.changed.map((row) => state.recipientAt(row).recipientId);
    expect(ids).to.deep.equal([...fresh.map((e) => e.recipientId), 'd', 'a']);
    expect(result.moved).to.equal(true);
    expect(shownIds(view)).to.deep.equal(['a', 'b', 'c', 'd', 'e', ...fresh.map((e) => e.recipientId)]);
    const clicked = [...view.rows()].filter((row) => state.recipientAt(row).response === 'clicked');
    expect(view.counts().byResponse['clicked']).to.equal(clicked.length).and.to.be.at.least(2);
  });

  it('follows a 100,000-row email batch by batch without re-sorting it', () => {
    const state = createResponseState();
    const events: ResponseEvent[] = [];
    for (let i = 0; i < 100_000; i++)
      events.push({
        id: `s${i}`,
        emailId: 'big',
        recipientId: `r${i}`,
        response: 'delivered',
        at: Date.UTC(2026, 0, 1) + (i % 977) * 1000,
      });
    state.apply(events);
    const view = new AudienceView(state, 'big', { sort: { column: 'last-response', direction: 'descending' } });
    // The work per batch is its changed rows: count the rows the view reads.
    let reads = 0;
    const recipientAt = state.recipientAt.bind(state);
    state.recipientAt = (row: number) => {
      reads++;
      return recipientAt(row);
    };
    for (let b = 0; b < 50; b++) {
      const batch = [];
      for (let k = 0; k < 20; k++)
        batch.push({
          id: `u${b}-${k}`,
          emailId: 'big',
          recipientId: `r${(b * 7919 + k * 104729) % 100_000}`,
          response: 'opened',
          at: Date.UTC(2026, 0, 2) + b * 1000 + k,
        });
      const before = reads;
      view.update({ rows: state.apply(batch).changed, reset: false });
      expect(reads - before, `rows read for batch ${b}`).to.be.at.most(20);
    }
    state.recipientAt = recipientAt;
    // The spy saw the view's reads (at least one per batch): the bound above measured something.
    expect(reads).to.be.at.least(50);
    expect(view.length).to.equal(100_000);
    expect(state.recipientAt(view.rowAt(0)).lastAt).to.equal(Date.UTC(2026, 0, 2) + 49 * 1000 + 19);
    // Every row still in order: the incremental updates agree with a full sort.
    const lastAts = Array.from({ length: view.length }, (_, i) => state.recipientAt(view.rowAt(i)).lastAt);
    expect(lastAts.every((at, i) => i === 0 || lastAts[i - 1]! >= at)).to.equal(true);
  });

  describe('property', () => {
    const universe = (recipients: number) =>
      fc.record(
        {
          emailId: fc.constantFrom('e1', 'e1', 'e1', 'e2'),
          recipientId: fc.integer({ min: 1, max: recipients }).map((n) => `r${n}`),
          response: fc.constantFrom(...ids),
          at: fc.integer({ min: 0, max: 5 }).map((m) => Date.UTC(2026, 0, 1) + m * 60_000),
          contactName: fc.constantFrom('Ann', 'ann', 'Bob', 'Cara', 'bo'),
          address: fc.constantFrom('a@example.com', 'B@example.com', 'c@mail.org'),
          provider: fc.constantFrom('ses', 'Mailgun'),
          emailType: fc.constantFrom('news', 'promo'),
        },
        { requiredKeys: ['emailId', 'recipientId', 'response', 'at'] },
      );
    const aQuery = fc.record({
      responses: fc.subarray(['opened', 'clicked', 'delivered', 'soft-bounce', 'sent-to-provider', 'hard-bounce']),
      groups: fc.subarray<AudienceGroup>([...AUDIENCE_GROUPS], { maxLength: 2 }),
      search: fc.constantFrom('', '', 'a', 'B', 'example', 'zz'),
      engagement: fc.constantFrom<AudienceEngagement | undefined>(
        undefined,
        undefined,
        undefined,
        'opened',
        'clicked',
        'machine-opened',
      ),
      sort: fc.option(
        fc.record({
          column: fc.constantFrom<SortColumn>(
            'contact',
            'address',
            'response',
            'opens',
            'clicks',
            'last-response',
            'provider',
            'email-type',
          ),
          direction: fc.constantFrom('ascending' as const, 'descending' as const),
        }),
      ),
    });
    const scenario = (recipients: number, batch: number) => {
      const anEvent = universe(recipients);
      const anOp = fc.oneof(
        {
          arbitrary: fc
            .array(anEvent, { minLength: 1, maxLength: batch })
            .map((events) => ({ kind: 'batch' as const, events })),
          weight: 6,
        },
        { arbitrary: fc.boolean().map((hold) => ({ kind: 'hold' as const, hold })), weight: 2 },
        { arbitrary: fc.constant({ kind: 'apply' as const }), weight: 1 },
        { arbitrary: aQuery.map((query) => ({ kind: 'query' as const, query })), weight: 1 },
      );
      return fc.tuple(fc.array(anEvent, { maxLength: batch * 2 }), aQuery, fc.array(anOp, { maxLength: 25 }));
    };

    function run([initial, startQuery, ops]: [
      Omit<ResponseEvent, 'id'>[],
      AudienceQuery,
      (
        | { kind: 'batch'; events: Omit<ResponseEvent, 'id'>[] }
        | { kind: 'hold'; hold: boolean }
        | { kind: 'apply' }
        | { kind: 'query'; query: AudienceQuery }
      )[],
    ]) {
      let n = 0;
      const withIds = (events: Omit<ResponseEvent, 'id'>[]) => events.map((e) => ({ ...e, id: `p${n++}` }));
      const state = stateOf(withIds(initial));
      let query: AudienceQuery = startQuery;
      const view = new AudienceView(state, 'e1', query);
      const check = () => {
        const expected = reference(state, 'e1', query);
        expect(shownIds(view)).to.deep.equal(expected.recipients);
        expect(view.counts()).to.deep.equal(expected.counts);
        expected.recipients.forEach((id, index) => expect(view.indexOf(id)).to.equal(index));
      };
      check();
      for (const op of ops) {
        if (op.kind === 'batch') view.update({ rows: state.apply(withIds(op.events)).changed, reset: false });
        else if (op.kind === 'hold') view.hold = op.hold;
        else if (op.kind === 'apply') view.applyPending();
        else view.setQuery((query = op.query));
        // With nothing held, every settled value is the state's own: the view must match.
        if (view.pendingMoves === 0) check();
      }
      view.applyPending();
      check();
    }

    it('after any sequence of batches, holds and queries, equals a from-scratch filter and stable sort', () => {
      fc.assert(fc.property(scenario(8, 6), run), { numRuns: 300 });
    });

    it('holds with batches big enough to take the merge path', () => {
      fc.assert(fc.property(scenario(120, 150), run), { numRuns: 40 });
    });
  });
});
