// The shapes of a Mailgun body (a webhook's event-data, an Events API page, a bare event), the
// recipients of a rejected send (the To header's addresses), and the event id: event-data.id
// plus its time (the id is unique only within a day), `:<n>` for each of several recipients
// (docs/providers.md, "Identity and time").
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BOB = 'bob@example.com';
const AT = 1727093702.626;
const MESSAGE = { headers: { 'message-id': '<20240923121500.5f4e@mg.example.org>' } };
const DELIVERED = { event: 'delivered', id: 'ev-1', timestamp: AT, recipient: JANE, message: MESSAGE };

const reasons = (body: unknown) => normalizeProviderEvents('mailgun', body).skipped.map((s) => s.reason);

function rejectedBody(to: string | undefined, fields: Record<string, unknown> = {}) {
  return {
    'event-data': {
      event: 'rejected',
      id: 'ev-2',
      timestamp: AT,
      message: { headers: { ...MESSAGE.headers, to } },
      reject: { reason: 'Sandbox subdomains are for test purposes only' },
      ...fields,
    },
  };
}

const rejected = (to: string | undefined, fields: Record<string, unknown> = {}) =>
  normalizeProviderEvents('mailgun', rejectedBody(to, fields));

describe('Mailgun bodies', () => {
  it('reads a webhook’s event-data, a bare event and each item of an Events API page', () => {
    expect(normalizeProviderEvents('mailgun', { signature: {}, 'event-data': DELIVERED }).events).to.have.length(1);
    expect(normalizeProviderEvents('mailgun', DELIVERED).events).to.have.length(1);
    const page = { items: [DELIVERED, { ...DELIVERED, id: 'ev-9', event: 'opened' }, 'junk'], paging: {} };
    const { events, skipped } = normalizeProviderEvents('mailgun', page);
    expect(events.map((e) => e.response)).to.deep.equal(['delivered', 'opened']);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a Mailgun event must be an object, not text "junk"']);
  });

  it('does not read a signed body without event-data as an event', () => {
    const wrong = 'a Mailgun webhook body has `event-data` (or, from the Events API, `items`)';
    expect(reasons({ ...DELIVERED, signature: {} })).to.deep.equal([wrong]);
    expect(reasons({ 'event-data': 'text', hello: 1 })).to.deep.equal([wrong]);
  });

  it('skips what is not an object in a batch, naming it', () => {
    expect(reasons([DELIVERED, 1])).to.deep.equal(['a Mailgun webhook must be an object, not number 1']);
  });

  it('refuses the legacy form-encoded webhooks, saying what to configure', () => {
    expect(reasons('event=delivered&recipient=jane.doe%40example.com')).to.deep.equal([
      'Mailgun form-encoded (legacy) webhooks are not read; configure the JSON webhooks',
    ]);
  });
});

describe('Mailgun event ids', () => {
  it('is event-data.id and the event’s time in milliseconds', () => {
    expect(normalizeProviderEvents('mailgun', DELIVERED).events[0]!.id).to.equal('mailgun:ev-1:1727093702626');
  });

  it('without event-data.id is a hash of the content', () => {
    const { id: _id, ...unnamed } = DELIVERED;
    expect(normalizeProviderEvents('mailgun', unnamed).events[0]!.id).to.match(/^mailgun:h[0-9a-f]{16}$/);
  });
});

describe('the recipients of a rejected Mailgun send', () => {
  it('are the To header’s addresses, lower-cased, once each, in order, with the place in the id', () => {
    const { events } = rejected(`"Doe, Jane" <Jane.Doe@Example.com>, ${BOB}; jane.doe@example.com`);
    expect(events.map((e) => [e.address, e.id, e.response, e.reason])).to.deep.equal([
      [JANE, 'mailgun:ev-2:1727093702626:0', 'rejected', 'Sandbox subdomains are for test purposes only'],
      [BOB, 'mailgun:ev-2:1727093702626:1', 'rejected', 'Sandbox subdomains are for test purposes only'],
    ]);
  });

  it('without event-data.id, each To address gets its own content hash', () => {
    const { events } = rejected(`${JANE}, ${BOB}`, { id: undefined });
    expect(events.map((e) => e.address)).to.deep.equal([JANE, BOB]);
    for (const event of events) expect(event.id).to.match(/^mailgun:h[0-9a-f]{16}$/);
    expect(events[0]!.id).to.not.equal(events[1]!.id);
  });

  it('one To address gives the plain id', () => {
    expect(rejected(`Jane <${JANE}>`).events.map((e) => [e.address, e.id])).to.deep.equal([
      [JANE, 'mailgun:ev-2:1727093702626'],
    ]);
  });

  it('reads addresses separated by tabs, colons or quotes, not the words around them', () => {
    const { events } = rejected(`undisclosed:${JANE}\t"x"${BOB}`);
    expect(events.map((e) => e.address)).to.deep.equal([JANE, BOB]);
  });

  it('falls back to the envelope targets when there is no To header', () => {
    const { events } = rejected(undefined, { envelope: { targets: BOB } });
    expect(events.map((e) => e.address)).to.deep.equal([BOB]);
  });

  it('an event naming no address is still read, for options.recipientId to identify', () => {
    const { events } = normalizeProviderEvents('mailgun', rejectedBody(undefined), { recipientId: () => 'contact-9' });
    expect(events.map((e) => [e.recipientId, e.address])).to.deep.equal([['contact-9', undefined]]);
    const noRecipientId =
      'mailgun rejected: no recipient id (no address and no recipientId/recipient_id metadata); options.recipientId can find it';
    expect(rejected(undefined).skipped.map((s) => s.reason)).to.deep.equal([noRecipientId]);
    // A To header with no address in it names no one either.
    expect(rejected('undisclosed-recipients:;').skipped.map((s) => s.reason)).to.deep.equal([noRecipientId]);
  });

  it('looks no further than the first 10,000 characters of the header', () => {
    const far = `${' '.repeat(10_000)}${BOB}`;
    expect(rejected(`${JANE},${far}`).events.map((e) => e.address)).to.deep.equal([JANE]);
    expect(rejected(`${' '.repeat(9_980)}${BOB}`).events.map((e) => e.address)).to.deep.equal([BOB]);
  });

  it('a named recipient wins over the header', () => {
    expect(rejected(BOB, { recipient: JANE }).events.map((e) => e.address)).to.deep.equal([JANE]);
  });
});

describe('what the Mailgun id finders are told', () => {
  it('the message id without brackets, the user variables, the tags and the list scope', () => {
    const infos: ProviderEventInfo[] = [];
    const { events } = normalizeProviderEvents(
      'mailgun',
      {
        ...DELIVERED,
        event: 'unsubscribed',
        'user-variables': { email_id: 'newsletter-42', nested: { a: 1 } },
        tags: ['autumn', 'sale'],
        'mailing-list': { address: 'news@lists.example.org' },
      },
      {
        emailId: (_raw, info) => {
          infos.push(info);
          return undefined;
        },
      },
    );
    expect(infos[0]).to.deep.include({
      type: 'unsubscribed',
      messageId: '20240923121500.5f4e@mg.example.org',
      metadata: { email_id: 'newsletter-42' },
      tags: ['autumn', 'sale'],
    });
    expect(events[0]).to.include({ emailId: 'newsletter-42', scope: 'type', at: 1727093702626 });
  });

  it('the clicked link', () => {
    const click = { ...DELIVERED, event: 'clicked', url: 'https://shop.example.com/sale' };
    expect(normalizeProviderEvents('mailgun', click).events[0]!.url).to.equal('https://shop.example.com/sale');
  });
});
