// What a provider event carries besides its ids: the address, the clicked link (only a safe one,
// only on a click), the reason, the unsubscribe scope; and the reasons an event is refused.
import { expect } from 'chai';
import { Collector, type Draft } from '../../../src/core/providers/collector';
import { DEFAULT_RULES } from '../../../src/core/catalogue';
import type { ResponseEvent } from '../../../src/core/event';
import { compileRules } from '../../../src/core/rules';

const AT = Date.UTC(2024, 8, 23, 12, 15, 3);
const JANE = 'jane@example.com';

function draft(extra: Partial<Draft> = {}): Draft {
  return {
    response: 'clicked',
    type: 'click',
    raw: {},
    input: 'the item',
    eventId: 'ev-1',
    address: JANE,
    messageId: 'm-1',
    at: AT,
    ...extra,
  };
}

function emitted(extra: Partial<Draft>): ResponseEvent {
  const out = new Collector('sendgrid', {});
  out.emit(draft(extra));
  expect(out.skipped).to.deep.equal([]);
  return out.events[0]!;
}

function refusal(extra: Partial<Draft>): string {
  const out = new Collector('sendgrid', {});
  out.emit(draft(extra));
  expect(out.events).to.deep.equal([]);
  expect(out.skipped.map((skip) => skip.input)).to.deep.equal(['the item']);
  return out.skipped[0]!.reason;
}

const urlOf = (url: string, response: Draft['response'] = 'clicked'): string | undefined =>
  emitted({ url, response }).url;

describe('provider event fields', () => {
  it('is exactly the ids, the response, the time and the provider when the reader found nothing else', () => {
    expect(
      emitted({ response: 'delivered', type: 'delivered', address: undefined, metadata: { recipientId: 'r-1' } }),
    ).to.deep.equal({
      id: 'sendgrid:ev-1',
      emailId: 'm-1',
      recipientId: 'r-1',
      response: 'delivered',
      at: AT,
      provider: 'sendgrid',
    });
  });

  it('carries the address the provider named', () => {
    expect(emitted({ response: 'delivered', type: 'delivered' })).to.deep.equal({
      id: 'sendgrid:ev-1',
      emailId: 'm-1',
      recipientId: JANE,
      response: 'delivered',
      at: AT,
      provider: 'sendgrid',
      address: JANE,
    });
  });

  it('keeps the link of a click when it is http, https or mailto, in any case', () => {
    for (const url of [
      'http://example.com/a',
      'https://example.com/a',
      'HTTPS://EXAMPLE.COM/',
      'mailto:help@example.com',
    ])
      expect(urlOf(url), url).to.equal(url);
  });

  it('drops any other link, even one that names http further on', () => {
    for (const url of [
      'javascript:alert(1)//https://example.com',
      'ftp://example.com/f',
      'data:text/html,x',
      '//example.com',
    ])
      expect(urlOf(url), url).to.equal(undefined);
  });

  it('keeps a link of 4096 characters and drops a longer one', () => {
    const base = 'https://example.com/';
    const longest = base + 'a'.repeat(4096 - base.length);
    expect(urlOf(longest)).to.equal(longest);
    expect(urlOf(`${longest}a`)).to.equal(undefined);
  });

  it('leaves out the links of events other than clicks (unsubscribe pages, opened images)', () => {
    expect(urlOf('https://example.com/unsubscribe', 'unsubscribed')).to.equal(undefined);
    expect(urlOf('https://example.com/pixel', 'opened')).to.equal(undefined);
  });

  it('carries the reason, on one line', () => {
    expect(emitted({ response: 'soft-bounce', reason: '421\n  mailbox   busy' }).reason).to.equal('421 mailbox busy');
    expect(emitted({ response: 'soft-bounce' })).to.not.have.property('reason');
    expect(emitted({ response: 'soft-bounce', reason: '   ' })).to.not.have.property('reason');
  });

  it('scopes an unsubscribe to the email type only when the provider said so, and only an unsubscribe', () => {
    expect(emitted({ response: 'unsubscribed', scope: 'type' }).scope).to.equal('type');
    expect(emitted({ response: 'unsubscribed' })).to.not.have.property('scope');
    expect(emitted({ response: 'spam-complaint', scope: 'type' })).to.not.have.property('scope');
  });
});

describe('provider event refusals', () => {
  it('refuses an event without a readable time', () => {
    expect(refusal({ at: NaN, type: 'open' })).to.equal('sendgrid open: the event has no readable time');
  });

  it("refuses what the events check refuses, with that check's reason", () => {
    expect(refusal({ at: Date.UTC(1999, 11, 31) })).to.equal('sendgrid click: at lies before 2000 or after 2099');
    expect(refusal({ address: `${'x'.repeat(245)}@example.com` })).to.equal(
      'sendgrid click: recipientId is 257 characters; at most 256 are allowed',
    );
  });

  it('checks against the rules the host gave, not the default catalogue', () => {
    const responses = DEFAULT_RULES.responses.filter((response) => response.id !== 'clicked');
    const rules = compileRules({ ...DEFAULT_RULES, version: 'no-clicks', responses });
    const out = new Collector('sendgrid', { rules });
    out.emit(draft());
    expect(out.skipped.map((skip) => skip.reason)).to.deep.equal([
      'sendgrid click: "clicked" is not a response in rules no-clicks',
    ]);
  });
});
