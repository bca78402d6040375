// Postmark records other than bounces, and what every record carries: the record types of
// docs/providers.md ("Mapping", "Postmark"), the SubscriptionChange rules (an unsubscribe only
// when the recipient asked for it), the event id (`bounce-<ID>` for bounce and complaint records
// only), the address, the time and the link.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const MESSAGE_ID = '883953f4-6105-42a2-a16a-77a8eac79483';

function read(record: Record<string, unknown>) {
  const infos: ProviderEventInfo[] = [];
  const result = normalizeProviderEvents(
    'postmark',
    { MessageID: MESSAGE_ID, ...record },
    {
      emailId: (_raw, info) => {
        infos.push(info);
        return undefined;
      },
    },
  );
  return { ...result, event: result.events[0], info: infos[0], reasons: result.skipped.map((s) => s.reason) };
}

const change = (fields: Record<string, unknown>) =>
  read({
    RecordType: 'SubscriptionChange',
    Recipient: JANE,
    ChangedAt: '2024-09-23T14:00:32Z',
    Origin: 'Recipient',
    SuppressSending: true,
    SuppressionReason: 'ManualSuppression',
    ...fields,
  });

describe('Postmark record types', () => {
  it('maps each record type, in any case, to its response', () => {
    const at = { ReceivedAt: '2024-09-23T13:01:19Z', Recipient: JANE };
    expect(read({ RecordType: 'Delivery', DeliveredAt: '2024-09-23T12:15:01Z', Recipient: JANE }).event).to.include({
      response: 'delivered',
      at: Date.parse('2024-09-23T12:15:01Z'),
    });
    expect(read({ RecordType: 'Open', ...at }).event!.response).to.equal('opened');
    expect(read({ RecordType: 'OPEN', ...at }).event!.response).to.equal('opened');
    expect(read({ RecordType: 'Click', OriginalLink: 'https://shop.example.com/', ...at }).event).to.include({
      response: 'clicked',
      url: 'https://shop.example.com/',
    });
    const complaint = read({ RecordType: 'SpamComplaint', ID: 77, Email: JANE, BouncedAt: '2024-09-23T12:15:03Z' });
    expect(complaint.event).to.include({ response: 'spam-complaint', id: 'postmark:bounce-77', address: JANE });
  });

  it('skips other record types, saying why', () => {
    expect(read({ RecordType: 'Inbound', Recipient: JANE }).reasons).to.deep.equal([
      'Postmark record type "Inbound" says nothing about a recipient\'s response',
    ]);
    expect(read({ Recipient: JANE }).reasons).to.deep.equal(['the record has no RecordType']);
  });
});

describe('Postmark bodies', () => {
  it('reads each record of a batch and skips what is not an object, naming it', () => {
    const open = { RecordType: 'Open', MessageID: MESSAGE_ID, Recipient: JANE, ReceivedAt: '2024-09-23T13:01:19Z' };
    const { events, skipped } = normalizeProviderEvents('postmark', [open, true]);
    expect(events.map((e) => e.response)).to.deep.equal(['opened']);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a Postmark record must be an object, not boolean true']);
  });
});

describe('Postmark event ids', () => {
  it('bounce and complaint records are named by their ID; others by a hash of their content', () => {
    const bounce = read({
      RecordType: 'bounce',
      Type: 'HardBounce',
      ID: 12,
      Email: JANE,
      BouncedAt: '2024-09-23T12:15:03Z',
    });
    expect(bounce.event!.id).to.equal('postmark:bounce-12');
    const delivery = read({ RecordType: 'Delivery', ID: 12, Recipient: JANE, DeliveredAt: '2024-09-23T12:15:01Z' });
    expect(delivery.event!.id).to.match(/^postmark:h[0-9a-f]{16}$/);
    const unnamed = read({ RecordType: 'Bounce', Type: 'HardBounce', Email: JANE, BouncedAt: '2024-09-23T12:15:03Z' });
    expect(unnamed.event!.id).to.match(/^postmark:h[0-9a-f]{16}$/);
  });
});

describe('what a Postmark record carries', () => {
  it('gives the id finders the message id, the Metadata, the Tag and the record type', () => {
    const { info, event } = read({
      RecordType: 'Open',
      Recipient: 'Jane.Doe@Example.com',
      ReceivedAt: '2024-09-23T13:01:19Z',
      Tag: 'autumn-sale',
      Metadata: { recipient_id: '48213', nested: { a: 1 } },
    });
    expect(info).to.deep.include({
      type: 'Open',
      address: JANE,
      messageId: MESSAGE_ID,
      metadata: { recipient_id: '48213' },
      tags: ['autumn-sale'],
    });
    expect(event).to.include({ recipientId: '48213', emailId: MESSAGE_ID });
  });

  it('takes the address from Recipient, else from Email', () => {
    const both = read({
      RecordType: 'Open',
      Recipient: JANE,
      Email: 'old@example.com',
      ReceivedAt: '2024-09-23T13:01:19Z',
    });
    expect(both.event!.address).to.equal(JANE);
  });

  it('takes the first of DeliveredAt, BouncedAt, ReceivedAt and ChangedAt', () => {
    const times = {
      DeliveredAt: '2024-09-23T12:00:01Z',
      BouncedAt: '2024-09-23T12:00:02Z',
      ReceivedAt: '2024-09-23T12:00:03Z',
      ChangedAt: '2024-09-23T12:00:04Z',
    };
    const at = (fields: Record<string, unknown>) => read({ RecordType: 'Open', Recipient: JANE, ...fields }).event!.at;
    expect(at(times)).to.equal(Date.parse(times.DeliveredAt));
    const { DeliveredAt: _d, ...fromBounce } = times;
    expect(at(fromBounce)).to.equal(Date.parse(times.BouncedAt));
    const { BouncedAt: _b, ...fromReceived } = fromBounce;
    expect(at(fromReceived)).to.equal(Date.parse(times.ReceivedAt));
    expect(at({ ChangedAt: times.ChangedAt })).to.equal(Date.parse(times.ChangedAt));
  });

  it('gives a reason only to bounce and complaint records', () => {
    const open = read({ RecordType: 'Open', Recipient: JANE, ReceivedAt: '2024-09-23T13:01:19Z', Details: 'x' });
    expect(open.event!.reason).to.equal(undefined);
    const complaint = read({
      RecordType: 'SpamComplaint',
      Type: 'SpamComplaint',
      Email: JANE,
      BouncedAt: '2024-09-23T12:15:03Z',
      Details: 'Reported by the recipient',
    });
    expect(complaint.event!.reason).to.equal('SpamComplaint; Reported by the recipient');
  });
});

describe('Postmark subscription changes', () => {
  it('a suppression the recipient asked for is Unsubscribed', () => {
    expect(change({}).event).to.include({
      response: 'unsubscribed',
      address: JANE,
      at: Date.parse('2024-09-23T14:00:32Z'),
    });
    expect(change({ SuppressSending: 'true', Origin: 'recipient' }).event!.response).to.equal('unsubscribed');
    // Postmark names only ManualSuppression here; any other reason from the recipient counts too.
    expect(change({ SuppressionReason: undefined }).event!.response).to.equal('unsubscribed');
  });

  it('a reactivation is a resubscribe: skipped', () => {
    for (const SuppressSending of [false, 'false', undefined]) {
      expect(change({ SuppressSending }).reasons).to.deep.equal([
        'a Postmark reactivation (SuppressSending false) is a resubscribe, not a response',
      ]);
    }
  });

  it('a suppression after a hard bounce or a spam complaint repeats that event: skipped', () => {
    expect(change({ SuppressionReason: 'HardBounce' }).reasons).to.deep.equal([
      'a Postmark suppression after a hard bounce repeats that event',
    ]);
    expect(change({ SuppressionReason: 'SpamComplaint', Origin: 'Customer' }).reasons).to.deep.equal([
      'a Postmark suppression after a spam complaint repeats that event',
    ]);
  });

  it('a suppression made by the sender is no response to this email', () => {
    for (const Origin of ['Customer', 'Admin', undefined]) {
      expect(change({ Origin }).reasons).to.deep.equal([
        'a suppression made by the sender, not the recipient, is no response to this email',
      ]);
    }
  });
});
