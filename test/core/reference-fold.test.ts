// The real fold against the reference fold (reference-fold.ts, written from the spec) on random
// event sets: ties of time, finals at equal times, more than 16 ids on one recipient, addresses
// and response names in mixed case, redeliveries, nulls and bad events. The property tests in
// fold-properties.test.ts show that order does not matter; these show that the answer is right.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  createResponseState,
  foldEvents,
  type RecipientState,
  type ResponseEvent,
} from '../../src/core/index';
import { expectSame, observed, sorted } from './observed-state';
import { referenceFold } from './reference-fold';
import { event, minutes } from '../support/events';

const BASE = Date.UTC(2026, 0, 1);
const names = DEFAULT_RULES.responses.flatMap((r) => [
  r.id,
  r.id,
  r.id,
  r.label.toUpperCase(),
  ...r.aliases.map((a) => a.toLowerCase()),
]);

/** Sometimes absent, sometimes null (which the wire allows and means absent). */
const maybe = <T>(values: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: values },
  );

/**
 * A small universe so ties and clashes are common: 3 emails (a soft-bounce streak can reach the threshold),
 * 3 recipients, 3 contacts, 4 moments.
 */
const inMinutes = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((m) => BASE + m * 60_000),
  fc.integer({ min: 0, max: 3 }).map((m) => new Date(BASE + m * 60_000).toISOString()),
);

const anEventAt = (at: fc.Arbitrary<number | string>, response: fc.Arbitrary<string> = fc.constantFrom(...names)) =>
  fc.record({
    id: fc.integer({ min: 0, max: 30 }).map((n) => `ev${n}`),
    emailId: fc.constantFrom('e1', 'e2', 'e3'),
    recipientId: fc.constantFrom('r1', 'r2', 'r3'),
    response,
    at,
    contactId: maybe(fc.constantFrom('c1', 'c2', 'c3')),
    contactName: maybe(fc.constantFrom('Ann', 'ann', 'Zoë')),
    address: maybe(fc.constantFrom('ann@example.com', 'ANN@Example.com', 'bob@example.com', '')),
    provider: maybe(fc.constantFrom('sendgrid', 'ses')),
    emailType: maybe(fc.constantFrom('news', 'promo')),
    emailKind: maybe(fc.constantFrom('bulk' as const, 'trigger' as const)),
    reason: maybe(fc.constantFrom('451 busy', '550 gone', '')),
    // On any response: only an Unsubscribed's means anything.
    scope: maybe(fc.constantFrom('all' as const, 'type' as const)),
  });
const anEvent = anEventAt(inMinutes);

const compact = (event: Record<string, unknown>): ResponseEvent =>
  Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined)) as unknown as ResponseEvent;

/**
 * A set of events: an id names one event per recipient (a second event drawn with the same id
 * for the same recipient is dropped, as it would be a different event under a reused id), a run
 * of more than 16 ids on one recipient, a few bad inputs.
 */
const eventSetOf = (events: typeof anEvent, step: number) =>
  fc
    .tuple(
      fc.array(events, { maxLength: 40 }),
      fc.array(
        fc.record({
          response: fc.constantFrom('opened', 'clicked', 'opened-machine', 'delivered'),
          at: fc.integer({ min: 0, max: 3 }),
        }),
        { maxLength: 24 },
      ),
      fc.array(
        fc.constantFrom<unknown>(
          null,
          'text',
          { id: 'x' },
          { id: 'bad', emailId: 'e1', recipientId: 'r1', response: 'opened', at: 0 },
        ),
        { maxLength: 2 },
      ),
    )
    .map(([random, run, bad]) => {
      const seen = new Set<string>();
      const events: unknown[] = [];
      const many = run.map((e, i) => ({
        id: `many${i}`,
        emailId: 'e1',
        recipientId: 'r1',
        response: e.response,
        at: BASE + e.at * step,
      }));
      for (const e of [...random.map(compact), ...many]) {
        const key = `${e.emailId}\u0000${e.recipientId}\u0000${e.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        events.push(e);
      }
      return [...events, ...bad];
    });
const eventSet = eventSetOf(anEvent, 60_000);

/**
 * For the statistics update period: events every 12 hours over 3 days, so a period of 1 or 2 days
 * cuts some, some exactly at its end; Sent to provider drawn often enough that most recipients have one.
 */
const HALF_DAY = 43_200_000;
const periodEventSet = eventSetOf(
  anEventAt(
    fc.integer({ min: 0, max: 6 }).map((h) => BASE + h * HALF_DAY),
    fc.oneof(fc.constantFrom(...names), fc.constant('sent-to-provider')),
  ),
  HALF_DAY,
);

/** The same events shuffled, some delivered again (as copies), cut into batches. */
const delivery = (events: unknown[]) =>
  fc
    .tuple(
      fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
      fc.boolean(),
    )
    .map(([shuffled, repeats, sizes, readContactsBetween]) => {
      const out = [...shuffled];
      for (const r of repeats)
        if (events.length > 0) out.splice(r % (out.length + 1), 0, structuredClone(events[r % events.length]));
      return { out, sizes, readContactsBetween };
    });

describe('the fold against the reference fold', () => {
  it('foldEvents gives what the spec says, on random event sets', () => {
    fc.assert(
      fc.property(eventSet, (events) => {
        expectSame(observed(foldEvents(events)), referenceFold(events, DEFAULT_RULES));
      }),
      { numRuns: 400 },
    );
  });

  it('ResponseState.apply, batch by batch in any order with redeliveries, ends where the reference does', () => {
    fc.assert(
      fc.property(
        eventSet.chain((events) => fc.tuple(fc.constant(events), delivery(events))),
        ([events, { out, sizes, readContactsBetween }]) => {
          const state = createResponseState();
          for (let start = 0, i = 0; start < out.length; start += sizes[i % sizes.length]!, i++) {
            const before = observed(state);
            const batch = state.apply(out.slice(start, start + sizes[i % sizes.length]!));
            const after = observed(state);
            // A batch reports every row whose state changed (ARCHITECTURE.md: "reports exactly those rows").
            const changed = new Set(
              batch.changed.map((row) => {
                const r = state.recipientAt(row);
                return `${r.emailId}\u0000${r.recipientId}`;
              }),
            );
            for (const [key, recipient] of after.recipients) {
              // A new email kind or type shows on every row of the email: `changedEmails` says so.
              if (batch.changedEmails.includes(recipient.emailId)) continue;
              if (JSON.stringify(recipient) !== JSON.stringify(before.recipients.get(key)))
                expect(changed.has(key), `row ${key} changed unreported`).to.equal(true);
            }
            // The contact index is built on first read and kept up to date after: both paths.
            if (readContactsBetween) for (const id of state.contactIds()) state.contact(id);
          }
          const expected = referenceFold(events, DEFAULT_RULES);
          expectSame(observed(state), expected);
          // Saved and restored into a fresh state (a cache's round trip), every row reads the same
          // but for its email's kind and type, which a cache keeps per email, not per row.
          const restored = createResponseState();
          for (let row = 0; row < state.recipients.size; row++) restored.restoreRecipient(state.saveRecipient(row));
          const copy = observed(restored);
          const withoutEmailMeta = (map: Map<string, RecipientState>) =>
            sorted(map).map(([key, { emailKind: _k, emailType: _t, ...rest }]) => [key, rest]);
          expect(withoutEmailMeta(copy.recipients)).to.deep.equal(withoutEmailMeta(expected.recipients));
          expect(sorted(copy.emails)).to.deep.equal(sorted(expected.emails));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with a statistics update period, foldEvents and apply leave out what the spec leaves out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2),
        periodEventSet.chain((events) => fc.tuple(fc.constant(events), delivery(events))),
        (days, [events, { out, sizes }]) => {
          const rules = { ...DEFAULT_RULES, statisticsPeriodDays: days };
          const expected = referenceFold(events, rules);
          expectSame(observed(foldEvents(events, rules)), expected);
          const state = createResponseState(rules);
          for (let start = 0, i = 0; start < out.length; start += sizes[i % sizes.length]!, i++)
            state.apply(out.slice(start, start + sizes[i % sizes.length]!));
          expectSame(observed(state), expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees on the cases written out: finals at one moment, a late earlier final, 20 ids', () => {
    const cases: ResponseEvent[][] = [
      [
        event('soft-bounce', { at: 2, reason: 'b' }),
        event('hard-bounce', { at: 2 }),
        event('soft-bounce', { at: 2, reason: 'a' }),
      ],
      [event('unsubscribed', { at: 9 }), event('clicked', { at: 1 }), event('hard-bounce', { at: 3 })],
      Array.from({ length: 20 }, (_, i) =>
        event(i % 2 ? 'opened' : 'clicked', { id: `same${i}`, recipientId: i < 10 ? 'r1' : 'r2', at: i % 3 }),
      ),
      [
        event('Opened', { at: 1, address: 'ANN@example.com', contactId: 'c' }),
        event('HARD BOUNCE', { at: 2, address: 'ann@example.com', contactId: 'c', emailId: 'e2' }),
      ],
    ];
    for (const events of cases) expectSame(observed(foldEvents(events)), referenceFold(events, DEFAULT_RULES));
    expect(referenceFold(cases[0]!, DEFAULT_RULES).recipients.get('e1\u0000r1')).to.include({
      response: 'hard-bounce',
      at: minutes(2),
    });
  });
});
