import { expect } from 'chai';
import { foldEvents, summarizeEmail } from '../../src/core/index';
import { event } from '../support/events';

describe('summary figures', () => {
  // Ten recipients: 2 canceled before sending, 8 handed over; of those 5 delivered, 1 soft and
  // 1 hard bounce, 1 still queued.
  const responses = [
    'canceled-duplicate',
    'canceled-no-email',
    'delivered',
    'opened',
    'clicked',
    'unsubscribed',
    'opened-machine',
    'soft-bounce',
    'hard-bounce',
    'provider-queued',
  ];
  const state = foldEvents(responses.map((response, i) => event(response, { recipientId: `r${i}` })));
  const summary = summarizeEmail(state, 'e1')!;

  it('takes Delivered, Soft and Hard Bounce as % of sent', () => {
    expect(summary.sent).to.equal(8);
    expect(summary.delivered).to.deep.equal({ count: 5, rate: 5 / 8, of: 'sent', denominator: 8 });
    expect(summary.softBounce).to.include({ count: 1, rate: 1 / 8 });
    expect(summary.hardBounce).to.include({ count: 1, rate: 1 / 8 });
  });

  it('takes unique opens, clicks, unsubscribes and spam as % of delivered, machine opens apart', () => {
    // The click implies an open: opened and clicked recipients both count as opened.
    expect(summary.opened).to.deep.equal({ count: 2, rate: 2 / 5, of: 'delivered', denominator: 5 });
    expect(summary.clicked).to.include({ count: 1, rate: 1 / 5 });
    expect(summary.unsubscribed).to.include({ count: 1, rate: 1 / 5 });
    expect(summary.spamComplaint).to.include({ count: 0, rate: 0 });
    expect(summary.machineOpened).to.include({ count: 1, rate: 1 / 5 });
  });

  it('lists not-sent recipients by reason and counts the groups', () => {
    expect(summary.notSent.byResponse).to.deep.equal({
      'canceled-duplicate': 1,
      'canceled-no-email': 1,
      'soft-bounce': 1,
      'hard-bounce': 1,
      'provider-queued': 1,
    });
    expect(summary.groups).to.deep.equal({ sent: 5, notSent: 5, final: 5, awaitingFinal: 5 });
  });

  it('reads as a whole: each figure with what its rate is of, and every response counted, zeros too', () => {
    const ofSent = (count: number) => ({ count, rate: count / 8, of: 'sent', denominator: 8 });
    const ofDelivered = (count: number) => ({ count, rate: count / 5, of: 'delivered', denominator: 5 });
    const counted = ['provider-queued', 'delivered', 'opened-machine', 'opened', 'clicked', 'unsubscribed'];
    const byResponse = Object.fromEntries(
      state.rules.responses.map(({ id }) => [id, counted.includes(id) || responses.includes(id) ? 1 : 0]),
    );
    expect(summary).to.deep.equal({
      emailId: 'e1',
      recipients: 10,
      sent: 8,
      delivered: ofSent(5),
      opened: ofDelivered(2),
      machineOpened: ofDelivered(1),
      clicked: ofDelivered(1),
      unsubscribed: ofDelivered(1),
      spamComplaint: ofDelivered(0),
      softBounce: ofSent(1),
      hardBounce: ofSent(1),
      notSent: { count: 5, byResponse: summary.notSent.byResponse },
      byResponse,
      groups: { sent: 5, notSent: 5, final: 5, awaitingFinal: 5 },
    });
    expect(Object.keys(byResponse)).to.have.length(29);
  });

  it('has no rate where nothing was delivered', () => {
    const empty = summarizeEmail(foldEvents([event('canceled-no-email')]), 'e1')!;
    expect(empty.opened).to.deep.equal({ count: 0, rate: null, of: 'delivered', denominator: 0 });
    expect(summarizeEmail(foldEvents([]), 'e1')).to.equal(undefined);
  });
});
