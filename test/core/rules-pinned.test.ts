// One example per rule that a mutation of the code once survived: each test reads as the rule it
// pins, and fails when the rule is turned around (a tie-break flipped, a limit moved by one).
import { expect } from 'chai';
import {
  DEFAULT_RULES,
  checkRules,
  compileRules,
  foldEvents,
  presendCascade,
  type AudienceRow,
  type PresendEmail,
  type ResponseEvent,
} from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { normalizeProviderEvents } from '../../src/core/providers/index';
import { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME } from '../../src/core/time';
import { FIELD_LIMITS, validateEvents } from '../../src/core/validate';
import { ENGLISH_TIMELINE } from '../../src/elements/shared/timeline-messages';
import { event, minutes } from '../support/events';

const rules = compileRules();

/** Every order of a few events, so a rule that only holds in one arrival order fails. */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('dedupe: an event counts once per recipient and id', () => {
  it('two recipients with the same 20 ids each keep all 20 opens (ids past the 16th too)', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `open-${i}`);
    const events = ['r1', 'r2'].flatMap((recipientId) =>
      ids.map((id, i) => event('opened', { id, recipientId, at: i })),
    );
    const state = foldEvents([...events, ...events]);
    expect(state.recipient('e1', 'r1')!.opens).to.equal(20);
    expect(state.recipient('e1', 'r2')!.opens).to.equal(20);
    expect(state.eventCount).to.equal(40);
  });

  it('a redelivery of the 17th id and beyond is still counted once', () => {
    const events = Array.from({ length: 24 }, (_, i) => event('clicked', { id: `c${i}`, at: i }));
    const state = foldEvents(events);
    const again = state.apply(events.slice(16));
    expect(again).to.include({ accepted: 0, duplicates: 8 });
    expect(state.recipient('e1', 'r1')!.clicks).to.equal(24);
    expect(state.hasEvent('e1', 'r1', 'c20')).to.equal(true);
    expect(state.hasEvent('e1', 'r2', 'c20')).to.equal(false);
  });
});

describe('the documented tie-breaks', () => {
  it('two identical finals at the same time: the lesser reason shows, in either order', () => {
    const a = event('hard-bounce', { at: 5, reason: '550 a' });
    const b = event('hard-bounce', { at: 5, reason: '550 b' });
    for (const order of orders([a, b])) expect(foldEvents(order).recipient('e1', 'r1')!.reason).to.equal('550 a');
  });

  it('a final with no reason and one with a reason at the same time: no reason shows', () => {
    const a = event('hard-bounce', { at: 5 });
    const b = event('hard-bounce', { at: 5, reason: '550 b' });
    for (const order of orders([a, b])) expect(foldEvents(order).recipient('e1', 'r1')!.reason).to.equal(undefined);
  });

  it('two finals at the same time and priority: the later one in the catalogue stands', () => {
    const a = event('limit-reached', { at: 5 });
    const b = event('stopped-expired', { at: 5 });
    for (const order of orders([a, b]))
      expect(foldEvents(order).recipient('e1', 'r1')!.response).to.equal('stopped-expired');
  });

  it('two finals at the same time: the higher priority stands', () => {
    const a = event('soft-bounce', { at: 5 });
    const b = event('hard-bounce', { at: 5 });
    for (const order of orders([a, b]))
      expect(foldEvents(order).recipient('e1', 'r1')!.response).to.equal('hard-bounce');
  });

  it('the same non-final response twice: its earliest time shows, and at equal times the lesser reason', () => {
    const late = event('delivered', { at: 9, reason: 'a' });
    const early = event('delivered', { at: 3, reason: 'z' });
    const tie = event('delivered', { at: 3, reason: 'y' });
    for (const order of orders([late, early, tie])) {
      expect(foldEvents(order).recipient('e1', 'r1')).to.include({ at: minutes(3), reason: 'y' });
    }
  });

  for (const field of ['contactName', 'address', 'provider', 'contactId'] as const) {
    it(`${field}: the newest value by event time; at equal times the greater text`, () => {
      const older = event('delivered', { at: 1, [field]: 'zz' });
      const a = event('opened', { at: 2, [field]: 'aa' });
      const b = event('opened', { at: 2, [field]: 'bb' });
      for (const order of orders([older, a, b])) expect(foldEvents(order).recipient('e1', 'r1')![field]).to.equal('bb');
    });
  }

  it('email kind and type: the newest value by event time; at equal times the greater text', () => {
    const older = event('delivered', { at: 1, emailType: 'zz', emailKind: 'trigger' });
    const a = event('opened', { at: 2, emailType: 'aa', emailKind: 'bulk' });
    const b = event('opened', { at: 2, emailType: 'bb', emailKind: 'trigger' });
    for (const order of orders([older, a, b])) {
      expect(foldEvents(order).recipient('e1', 'r1')).to.include({ emailType: 'bb', emailKind: 'trigger' });
    }
    const c = event('opened', { at: 3, emailKind: 'bulk' });
    for (const order of orders([older, b, c]))
      expect(foldEvents(order).recipient('e1', 'r1')!.emailKind).to.equal('bulk');
  });

  it('two soft-bounce streaks equally long: the warning names the address used first', () => {
    const bounces = (address: string, start: number) =>
      [0, 1, 2].map((i) =>
        event('soft-bounce', {
          emailId: `${address}-${i}`,
          recipientId: 'r',
          contactId: 'c1',
          address,
          at: start + i * 10,
        }),
      );
    const events = [...bounces('late@example.com', 1), ...bounces('early@example.com', 0)];
    for (const order of [events, [...events].reverse()]) {
      const contact = foldEvents(order).contact('c1');
      expect(contact).to.include({
        softBounceStreak: 3,
        softBounceWarning: true,
        softBounceAddress: 'early@example.com',
      });
    }
  });
});

describe('contact effects', () => {
  it('Valid is cleared by address case-insensitively: a bounce on ANN@Example.com clears ann@example.com', () => {
    const state = foldEvents([
      event('hard-bounce', { emailId: 'e1', contactId: 'c1', address: 'ANN@Example.com', at: 1 }),
      event('delivered', { emailId: 'e2', contactId: 'c1', address: 'ann@example.com', at: 5 }),
    ]);
    expect(state.contact('c1')).to.include({ valid: false, address: 'ann@example.com' });
    expect(state.contact('c1').invalidAddresses).to.deep.equal(['ann@example.com']);
  });

  it('an invalid old address does not clear a different current one', () => {
    const state = foldEvents([
      event('invalid-address', { emailId: 'e1', contactId: 'c1', address: 'old@example.com', at: 1 }),
      event('delivered', { emailId: 'e2', contactId: 'c1', address: 'new@example.com', at: 5 }),
    ]);
    expect(state.contact('c1')).to.include({ valid: true, address: 'new@example.com', doNotUseEmail: false });
  });
});

describe('checking rules', () => {
  it('refuses a soft-bounce threshold of 0, as its message says "at least 1"', () => {
    const problems = checkRules({ ...DEFAULT_RULES, softBounceWarningThreshold: 0 });
    expect(problems).to.deep.equal(['softBounceWarningThreshold must be a whole number of at least 1']);
    expect(() => compileRules({ ...DEFAULT_RULES, softBounceWarningThreshold: 0 })).to.throw(/at least 1/);
  });

  it('accepts a threshold of 1 and refuses a missing one', () => {
    expect(checkRules({ ...DEFAULT_RULES, softBounceWarningThreshold: 1 })).to.deep.equal([]);
    const { softBounceWarningThreshold: _t, ...missing } = DEFAULT_RULES;
    expect(checkRules(missing)).to.deep.equal(['softBounceWarningThreshold must be a whole number of at least 1']);
  });
});

describe('pre-send: the address', () => {
  const bulk: PresendEmail = { kind: 'bulk', preventDuplicates: true };
  const decide = (rows: Partial<AudienceRow>[]) =>
    presendCascade(
      rows.map((row, i) => ({ recipientId: `r${i}`, ...row })),
      bulk,
    ).map((d) => d.response);
  const domain = '@example.com';

  it('an address of exactly 320 characters goes out; 321 is an incorrect email', () => {
    const exactly = 'a'.repeat(320 - domain.length) + domain;
    expect(exactly.length).to.equal(320);
    expect(decide([{ address: exactly }, { address: `b${exactly}` }])).to.deep.equal([
      'sent-to-provider',
      'canceled-incorrect-email',
    ]);
  });

  it('a whitespace-only address is "email not provided", not "incorrect email"', () => {
    expect(decide([{ address: '   ' }, { address: '\t\n' }, {}])).to.deep.equal([
      'canceled-no-email',
      'canceled-no-email',
      'canceled-no-email',
    ]);
  });

  it('spaces around an address are trimmed: it goes out, and counts as a duplicate of the bare one', () => {
    expect(decide([{ address: '  ann@example.com ' }, { address: 'ANN@example.com' }])).to.deep.equal([
      'sent-to-provider',
      'canceled-duplicate',
    ]);
  });
});

describe('validation at the limits', () => {
  const at = (value: number) =>
    validateEvents([{ id: 'x', emailId: 'e', recipientId: 'r', response: 'opened', at: value }], rules);

  it('the event-time window is 2000-01-01 inclusive to 2100-01-01 exclusive', () => {
    expect(EARLIEST_EVENT_TIME).to.equal(Date.UTC(2000, 0, 1));
    expect(LATEST_EVENT_TIME).to.equal(Date.UTC(2100, 0, 1));
    expect(at(EARLIEST_EVENT_TIME).accepted).to.have.length(1);
    expect(at(EARLIEST_EVENT_TIME - 1).rejected[0]).to.include({ code: 'time-out-of-range', field: 'at' });
    expect(at(LATEST_EVENT_TIME - 1).accepted).to.have.length(1);
    expect(at(LATEST_EVENT_TIME).rejected[0]).to.include({ code: 'time-out-of-range', field: 'at' });
    const iso = validateEvents(
      ['2000-01-01T00:00:00Z', '1999-12-31T23:59:59.999Z', '2099-12-31T23:59:59.999Z', '2100-01-01T00:00:00Z'].map(
        (value) => ({ id: 'x', emailId: 'e', recipientId: 'r', response: 'opened', at: value }),
      ),
      rules,
    );
    expect(iso.accepted.map((e) => e.at)).to.deep.equal(['2000-01-01T00:00:00Z', '2099-12-31T23:59:59.999Z']);
  });

  for (const [field, limit] of Object.entries(FIELD_LIMITS)) {
    // The response is a name looked up in the rules: its limit is pinned with a long alias below.
    if (field === 'response') continue;
    it(`${field}: ${limit} characters pass, ${limit + 1} are too long`, () => {
      const base: Record<string, unknown> = {
        id: 'x',
        emailId: 'e',
        recipientId: 'r',
        response: 'opened',
        at: minutes(0),
      };
      const fill = (n: number) => (field === 'url' ? 'https://x.example/' + 'a'.repeat(n - 18) : 'a'.repeat(n));
      expect(fill(limit)).to.have.length(limit);
      const atLimit = validateEvents([{ ...base, [field]: fill(limit) }], rules);
      const over = validateEvents([{ ...base, [field]: fill(limit + 1) }], rules);
      expect(atLimit.rejected, 'at the limit').to.deep.equal([]);
      expect(over.rejected[0]).to.include({
        code: 'too-long',
        field,
        reason: `${field} is ${limit + 1} characters; at most ${limit} are allowed`,
      });
    });
  }

  it('a response name is looked up only up to 128 characters', () => {
    const custom = compileRules({
      ...DEFAULT_RULES,
      version: 'long-alias',
      responses: DEFAULT_RULES.responses.map((r) =>
        r.id === 'opened' ? { ...r, aliases: ['x'.repeat(128), 'y'.repeat(129)] } : r,
      ),
    });
    const check = (response: string) =>
      validateEvents([{ id: 'x', emailId: 'e', recipientId: 'r', response, at: minutes(0) }], custom);
    expect(check('x'.repeat(128)).accepted).to.have.length(1);
    expect(check('y'.repeat(129)).rejected[0]).to.include({ code: 'unknown-response' });
  });
});

describe('explaining: the same response again', () => {
  it('says "no change: already Delivered" for a second Delivered', () => {
    const events: ResponseEvent[] = [
      event('delivered', { at: 1 }),
      event('delivered', { at: 2 }),
      event('provider-queued', { at: 3 }),
    ];
    const lines = explainRecipientEvents(
      events.map((e) => ({ event: e, at: e.at as number })),
      rules,
    );
    expect(lines.map((l) => [l.response, l.changed, l.because ?? ''])).to.deep.equal([
      ['delivered', true, ''],
      ['delivered', false, 'same-response'],
      ['provider-queued', false, 'lower-priority'],
    ]);
    expect(ENGLISH_TIMELINE.sameResponse('Delivered')).to.equal('no change: already Delivered');
  });
});

describe('SendGrid bounces', () => {
  const bounce = (type: string | undefined) =>
    normalizeProviderEvents('sendgrid', [
      {
        email: 'ann@example.com',
        timestamp: 1727093703,
        event: 'bounce',
        sg_event_id: `b-${type}`,
        sg_message_id: 'm1.filter',
        reason: '421 try later',
        ...(type ? { type } : {}),
      },
    ]).events[0]!.response;

  it('an expired bounce (a deferral given up) is a Soft Bounce, like blocked; a bounce is Hard', () => {
    expect(bounce('expired')).to.equal('soft-bounce');
    expect(bounce('Expired')).to.equal('soft-bounce');
    expect(bounce('blocked')).to.equal('soft-bounce');
    expect(bounce('bounce')).to.equal('hard-bounce');
    expect(bounce(undefined)).to.equal('hard-bounce');
  });
});
