// A wire event for property tests that compare a columnar batch with the same events as objects:
// mostly good values, now and then one an event is rejected for, from a small universe (few ids
// per recipient) so redeliveries and two contents for one id (a conflict) are common. `null`
// stands for an absent field, as on the wire: the event has no such field at all.
import fc from 'fast-check';
import { DEFAULT_RULES } from '../../src/core/index';
import { BASE_TIME } from './events';

const DAY = 86_400_000;

/** Mostly good values, now and then one an event is rejected for. */
export const sometimes = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

export interface WireEventUniverse {
  /** Event ids `ev0` to `ev<ids - 1>`. */
  ids: number;
  emails: readonly string[];
  recipients: readonly string[];
  /** Good responses (the catalogue's ids by default). */
  responses?: readonly string[];
  /** Times are whole days after BASE_TIME, up to this many. */
  days: number;
}

export function wireEvent(universe: WireEventUniverse): fc.Arbitrary<Record<string, unknown>> {
  const responses = universe.responses ?? DEFAULT_RULES.responses.map((r) => r.id);
  const day = fc.integer({ min: 0, max: universe.days });
  return fc
    .record(
      {
        id: sometimes(
          fc.integer({ min: 0, max: universe.ids - 1 }).map((n) => `ev${n}`),
          '',
          7,
        ),
        emailId: sometimes(fc.constantFrom(...universe.emails), ''),
        recipientId: sometimes(fc.constantFrom(...universe.recipients), 12),
        response: sometimes(fc.constantFrom(...responses), 'teleported'),
        at: sometimes(
          fc.oneof(
            day.map((d) => BASE_TIME + d * DAY),
            day.map((d) => new Date(BASE_TIME + d * DAY).toISOString()),
          ),
          'yesterday',
          null,
        ),
        contactId: fc.constantFrom('c1', 'c2', null),
        contactName: sometimes(fc.constantFrom('Ann', 'Bob', 'Łukasz', null), 42),
        address: fc.constantFrom('a@example.com', 'b@exämple.com', null),
        emailType: fc.constantFrom('news', 'promo', null),
        emailKind: sometimes(fc.constantFrom('bulk', 'trigger', null), 'weekly'),
        provider: fc.constantFrom('ses', 'sendgrid', null),
        url: sometimes(fc.constantFrom('https://example.com/a', null), 'javascript:alert(1)'),
        reason: fc.constantFrom('451 busy', '550 gone', '', null),
        scope: fc.constantFrom('all', 'type', null),
      },
      { requiredKeys: ['id', 'emailId', 'recipientId', 'response', 'at'] },
    )
    .map((event) => Object.fromEntries(Object.entries(event).filter(([, value]) => value !== null)));
}
