// The id of a provider event: the provider's own event id when it has one, else a hash of what the
// event says, so the same webhook delivered again gets the same id and the fold counts it once.
import { expect } from 'chai';
import { Collector, type Draft } from '../../../src/core/providers/collector';
import { contentHash, hashParts } from '../../../src/core/providers/content-hash';

const AT = Date.UTC(2024, 8, 23, 12, 15, 3);
const JANE = 'jane@example.com';

function draft(extra: Partial<Draft> = {}): Draft {
  return {
    response: 'opened',
    type: 'open',
    raw: {},
    input: 'the item',
    address: JANE,
    messageId: 'm-1',
    at: AT,
    ...extra,
  };
}

function idOf(extra: Partial<Draft>, provider: 'sendgrid' | 'brevo' = 'sendgrid'): string {
  const out = new Collector(provider, {});
  out.emit(draft(extra));
  expect(out.skipped).to.deep.equal([]);
  return out.events[0]!.id;
}

describe('provider event ids', () => {
  it("is the provider's name and its own event id when it has one", () => {
    expect(idOf({ eventId: 'sg-77' })).to.equal('sendgrid:sg-77');
    expect(idOf({ eventId: 'sg-77', reason: 'other' })).to.equal('sendgrid:sg-77');
  });

  it('is otherwise a hash of the type, message id, address, time, link and reason, in that order', () => {
    expect(idOf({}, 'brevo')).to.equal(`brevo:h${hashParts(['open', 'm-1', JANE, AT, undefined, undefined])}`);
    // Fixed value: a change here changes every hashed id, so replays of old webhooks stop deduping.
    expect(idOf({}, 'brevo')).to.equal('brevo:hf11f183eacad3e71');
    const click = { response: 'clicked', type: 'click', url: 'https://example.com/a' } as const;
    expect(idOf(click)).to.equal(
      `sendgrid:h${hashParts(['click', 'm-1', JANE, AT, 'https://example.com/a', undefined])}`,
    );
  });

  it('hashes the reason as the event shows it, its spacing collapsed', () => {
    const spaced = idOf({ response: 'soft-bounce', type: 'bounce', reason: '  421   try\n later ' });
    expect(spaced).to.equal(`sendgrid:h${hashParts(['bounce', 'm-1', JANE, AT, undefined, '421 try later'])}`);
    expect(idOf({ response: 'soft-bounce', type: 'bounce', reason: '421 try later' })).to.equal(spaced);
  });

  it('tells apart events that differ in any one of those fields', () => {
    const ids = [
      idOf({}),
      idOf({ type: 'open/machine' }),
      idOf({ messageId: 'm-2' }),
      idOf({ address: 'john@example.com' }),
      idOf({ at: AT + 1 }),
      idOf({ response: 'clicked', url: 'https://example.com/b' }),
      idOf({ reason: 'proxy' }),
    ];
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it("hashes the reader's own key instead when it gives one", () => {
    expect(idOf({ hashKey: ['signature-token', 3] })).to.equal(`sendgrid:h${hashParts(['signature-token', 3])}`);
    expect(idOf({ hashKey: ['signature-token', 3], at: AT + 5, reason: 'x' })).to.equal(
      idOf({ hashKey: ['signature-token', 3] }),
    );
  });

  it('keeps an id of 256 characters and hashes a longer one, which the events check would refuse', () => {
    const prefix = 'sendgrid:';
    const longest = 'e'.repeat(256 - prefix.length);
    expect(idOf({ eventId: longest })).to.equal(prefix + longest);
    const tooLong = `${longest}e`;
    expect(idOf({ eventId: tooLong })).to.equal(`sendgrid:h${contentHash(prefix + tooLong)}`);
    // Two long ids that differ only past the limit stay two events.
    expect(idOf({ eventId: `${tooLong}1` })).to.not.equal(idOf({ eventId: `${tooLong}2` }));
  });
});
