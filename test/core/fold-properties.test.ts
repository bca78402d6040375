// The state is a function of the set of events: order, duplication and batching never matter.
// This is what makes reconnects, reloads, several tabs and snapshots safe.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  createResponseState,
  foldEvents,
  type ResponseEvent,
  type ResponseRules,
} from '../../src/core/index';
import { BASE_TIME } from '../support/events';
import { snapshot } from './state-snapshot';

const ids = DEFAULT_RULES.responses.map((r) => r.id);

/** A small universe (2 emails, 3 recipients, 4 contacts, 6 moments) so ties and clashes are common. */
const anEvent = fc.record(
  {
    emailId: fc.constantFrom('e1', 'e2'),
    recipientId: fc.constantFrom('r1', 'r2', 'r3'),
    response: fc.constantFrom(...ids),
    at: fc.integer({ min: 0, max: 5 }).map((m) => BASE_TIME + m * 60_000),
    contactId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
    contactName: fc.constantFrom('Ann', 'Bob'),
    address: fc.constantFrom('a@example.com', 'b@example.com'),
    emailType: fc.constantFrom('news', 'promo'),
    emailKind: fc.constantFrom('bulk' as const, 'trigger' as const),
    reason: fc.constantFrom('451 busy', '550 gone', 'mailbox full'),
    // Per-type and global unsubscribes: the contact's Do not use email and types must not depend on order.
    scope: fc.constantFrom('all' as const, 'type' as const),
  },
  { requiredKeys: ['emailId', 'recipientId', 'response', 'at'] },
);

const eventSet = fc
  .array(anEvent, { maxLength: 40 })
  .map((events) => events.map((e, i): ResponseEvent => ({ id: `ev${i}`, ...e })));

/** The same events shuffled, with some delivered again. */
const reordered = (events: ResponseEvent[]) =>
  fc
    .tuple(
      fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      fc.array(fc.nat(), { maxLength: 20 }),
    )
    .map(([shuffled, repeats]) => {
      const out = [...shuffled];
      for (const r of repeats)
        if (events.length > 0) out.splice(r % (out.length + 1), 0, { ...events[r % events.length]! });
      return out;
    });

describe('fold properties', () => {
  it('any permutation and any duplication of an event set gives identical states', () => {
    fc.assert(
      fc.property(
        eventSet.chain((events) => fc.tuple(fc.constant(events), reordered(events))),
        ([events, other]) => {
          expect(snapshot(foldEvents(other))).to.deep.equal(snapshot(foldEvents(events)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applying any split into batches ends in the state foldEvents gives', () => {
    const splits = eventSet.chain((events) =>
      fc.tuple(
        fc.constant(events),
        reordered(events),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }),
      ),
    );
    fc.assert(
      fc.property(splits, ([events, delivered, sizes]) => {
        const state = createResponseState();
        let at = 0;
        for (let i = 0; at < delivered.length; i++) {
          const size = sizes[i % sizes.length]!;
          state.apply(delivered.slice(at, at + size));
          at += size;
        }
        expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
      }),
      { numRuns: 300 },
    );
  });

  it('a contact read part-way (as a timeline does) keeps its recipients as the fold of all has them', () => {
    /** Each contact's recipients as email/recipient keys: rows are numbered by arrival, keys are not. */
    const contacts = (state: ReturnType<typeof createResponseState>) =>
      Object.fromEntries(
        [...state.contactIds()].sort().map((id) => [
          id,
          state
            .contactRows(id)
            .map((row) => `${state.recipientAt(row).emailId}/${state.recipientAt(row).recipientId}`)
            .sort(),
        ]),
      );
    const cases = eventSet.chain((events) => fc.tuple(fc.constant(events), reordered(events), fc.nat()));
    fc.assert(
      fc.property(cases, ([events, delivered, readAt]) => {
        const state = createResponseState();
        const split = delivered.length === 0 ? 0 : readAt % delivered.length;
        state.apply(delivered.slice(0, split));
        // The first read builds the index; the events after it move rows between contacts.
        contacts(state);
        state.apply(delivered.slice(split));
        expect(contacts(state)).to.deep.equal(contacts(foldEvents(events)));
        // Rows in row order, however the index was built.
        for (const id of state.contactIds())
          expect([...state.contactRows(id)]).to.deep.equal([...state.contactRows(id)].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('every batch reports each recipient and email whose state it changed, and none it did not touch', () => {
    fc.assert(
      fc.property(eventSet, fc.integer({ min: 1, max: 10 }), (events, size) => {
        const state = createResponseState();
        for (let at = 0; at < events.length; at += size) {
          const before = new Map<number, string>();
          for (let row = 0; row < state.recipients.size; row++) before.set(row, JSON.stringify(state.recipientAt(row)));
          const emailsBefore = [...state.emails.ids()].map((id) =>
            JSON.stringify([state.emails.get(id)!.kind, state.emails.get(id)!.type]),
          );
          const { changed, changedEmails } = state.apply(events.slice(at, at + size));
          expect(new Set(changed).size).to.equal(changed.length);
          // A row's own fields, without the email-level kind and type that changedEmails covers.
          const own = (row: number) =>
            JSON.stringify({ ...state.recipientAt(row), emailKind: undefined, emailType: undefined });
          const really: number[] = [];
          for (let row = 0; row < state.recipients.size; row++) {
            const was = before.get(row);
            if (
              was === undefined ||
              JSON.stringify({ ...JSON.parse(was), emailKind: undefined, emailType: undefined }) !== own(row)
            )
              really.push(row);
          }
          const batch = events.slice(at, at + size);
          const touched = (row: number) => {
            const r = state.recipientAt(row);
            return batch.some((e) => e.emailId === r.emailId && e.recipientId === r.recipientId);
          };
          expect(changed).to.include.members(really);
          expect(changed.every(touched)).to.equal(true);
          const emailsReally = [...state.emails.ids()].filter((id, i) => {
            const entry = state.emails.get(id)!;
            const now = JSON.stringify([entry.kind, entry.type]);
            return now !== (emailsBefore[i] ?? JSON.stringify([undefined, undefined]));
          });
          expect(changedEmails).to.include.members(emailsReally);
          expect(changedEmails.every((id) => batch.some((e) => e.emailId === id))).to.equal(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('fold properties with a statistics update period', () => {
  // Two minutes, in the universe's six moments: events after a recipient's earliest Sent to
  // provider plus two minutes are left out, and a late earlier Sent to provider takes some back.
  const PERIOD: ResponseRules = { ...DEFAULT_RULES, version: 'period', statisticsPeriodDays: 2 / (24 * 60) };
  // Sent to provider often, so most recipients have a period and many get a later, earlier one.
  const withSends = eventSet.chain((events) =>
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 6 }).map((sends) => [
      ...events,
      ...sends.map(([n, minute], i): ResponseEvent => {
        const base = events.length > 0 ? events[n % events.length]! : { emailId: 'e1', recipientId: 'r1' };
        return {
          id: `send${i}`,
          emailId: base.emailId,
          recipientId: base.recipientId,
          response: 'sent-to-provider',
          at: BASE_TIME + minute * 60_000,
        };
      }),
    ]),
  );

  it('any permutation, duplication and split into batches gives the state foldEvents gives', () => {
    const cases = withSends.chain((events) =>
      fc.tuple(
        fc.constant(events),
        reordered(events),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }),
      ),
    );
    fc.assert(
      fc.property(cases, ([events, delivered, sizes]) => {
        const whole = snapshot(foldEvents(events, PERIOD));
        expect(snapshot(foldEvents(delivered, PERIOD))).to.deep.equal(whole);
        const state = createResponseState(PERIOD);
        let at = 0;
        for (let i = 0; at < delivered.length; i++) {
          const size = sizes[i % sizes.length]!;
          state.apply(delivered.slice(at, at + size));
          at += size;
        }
        expect(snapshot(state)).to.deep.equal(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the fold, without a period, of the events within each recipient's period", () => {
    fc.assert(
      fc.property(withSends, (events) => {
        const sentAt = new Map<string, number>();
        for (const e of events) {
          const key = `${e.emailId}/${e.recipientId}`;
          if (e.response === 'sent-to-provider') sentAt.set(key, Math.min(sentAt.get(key) ?? Infinity, e.at as number));
        }
        const periodMs = (2 / (24 * 60)) * 86_400_000;
        const within = events.filter(
          (e) => !((e.at as number) > (sentAt.get(`${e.emailId}/${e.recipientId}`) ?? Infinity) + periodMs),
        );
        const withPeriod = foldEvents(events, PERIOD);
        const plain = foldEvents(within);
        const responses = (state: ReturnType<typeof foldEvents>) =>
          Array.from({ length: state.recipients.size }, (_, row) => state.recipientAt(row))
            .map(
              ({
                emailId,
                recipientId,
                response,
                at,
                opens,
                clicks,
                machineOpens,
                firstAt,
                lastAt,
                reason,
                scope,
              }) => ({
                emailId,
                recipientId,
                response,
                at,
                opens,
                clicks,
                machineOpens,
                firstAt,
                lastAt,
                reason,
                scope,
              }),
            )
            .sort((a, b) => (`${a.emailId}/${a.recipientId}` < `${b.emailId}/${b.recipientId}` ? -1 : 1));
        // Recipients whose every event lies outside have a row with no response in neither; compare the others.
        expect(responses(withPeriod).filter((r) => plain.rowOf(r.emailId, r.recipientId) >= 0)).to.deep.equal(
          responses(plain),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('every batch reports each recipient whose state changed, and none it did not touch', () => {
    fc.assert(
      fc.property(withSends, fc.integer({ min: 1, max: 10 }), (events, size) => {
        const state = createResponseState(PERIOD);
        for (let at = 0; at < events.length; at += size) {
          const before = new Map<number, string>();
          // A row's own fields: the email-level kind and type are reported in changedEmails.
          const own = (row: number) =>
            JSON.stringify({ ...state.recipientAt(row), emailKind: undefined, emailType: undefined });
          for (let row = 0; row < state.recipients.size; row++) before.set(row, own(row));
          const batch = events.slice(at, at + size);
          const { changed } = state.apply(batch);
          for (let row = 0; row < state.recipients.size; row++) {
            const was = before.get(row);
            if (was !== undefined && was !== own(row)) expect(changed).to.include(row);
          }
          for (const row of changed) {
            const r = state.recipientAt(row);
            expect(batch.some((e) => e.emailId === r.emailId && e.recipientId === r.recipientId)).to.equal(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('saving and restoring rows (what a cache does)', () => {
  it('a state restored from saved rows and ids, then given more events, equals the fold of all', () => {
    fc.assert(
      fc.property(eventSet, fc.nat(), (events, cut) => {
        const split = events.length === 0 ? 0 : cut % (events.length + 1);
        const before = events.slice(0, split);
        const original = createResponseState();
        const seen: [string, string, string][] = [];
        original.apply(before, (event) => seen.push([event.emailId, event.recipientId, event.id]));
        const restored = createResponseState();
        for (let row = 0; row < original.recipients.size; row++)
          restored.restoreRecipient(JSON.parse(JSON.stringify(original.saveRecipient(row)), (_k, v) => v));
        for (const [emailId, recipientId, id] of seen) restored.rememberEvent(restored.rowOf(emailId, recipientId), id);
        for (const id of original.emails.ids()) {
          const from = original.emails.get(id)!;
          Object.assign(restored.emails.entry(id, from.byResponse.length), {
            kind: from.kind,
            kindAt: from.kindAt,
            type: from.type,
            typeAt: from.typeAt,
          });
        }
        // The stream resumes from an older cursor: the events before the cut come again.
        restored.apply(events);
        expect(snapshot(restored)).to.deep.equal(snapshot(foldEvents(events)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('resetting a row to a saved state (what a snapshot does)', () => {
  it('a row reset to its own saved state, with the later events on top, equals the fold of all', () => {
    fc.assert(
      fc.property(eventSet, fc.nat(), (events, cut) => {
        const split = events.length === 0 ? 0 : cut % (events.length + 1);
        const earlier = foldEvents(events.slice(0, split));
        const state = createResponseState();
        state.apply(events);
        for (let row = 0; row < earlier.recipients.size; row++) {
          const saved = earlier.saveRecipient(row);
          const later = events
            .slice(split)
            .filter((e) => e.emailId === saved.emailId && e.recipientId === saved.recipientId);
          state.resetRecipient(saved, later);
        }
        expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
      }),
      { numRuns: 200 },
    );
  });
});
