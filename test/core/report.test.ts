import { expect } from 'chai';
import { foldEvents, reportEmail } from '../../src/core/index';
import { event } from '../support/events';

describe('the email report', () => {
  // Twelve recipients: 2 canceled, 1 scheduled, 1 queued, 2 bounced (one opened first), 6 delivered.
  const responses = [
    'canceled-duplicate',
    'delivery-error',
    'planned',
    'provider-queued',
    'soft-bounce',
    'hard-bounce',
    'delivered',
    'opened',
    'clicked',
    'unsubscribed',
    'opened-machine',
    'spam-complaint',
  ];
  const events = responses.map((response, i) => event(response, { recipientId: `r${i}`, at: 10 }));
  // r5 opened and clicked before its hard bounce was reported; r7 opened three times, r8 clicked twice.
  events.push(event('opened', { recipientId: 'r5', at: 1 }), event('clicked', { recipientId: 'r5', at: 2 }));
  events.push(event('opened', { recipientId: 'r7', at: 11 }), event('opened', { recipientId: 'r7', at: 12 }));
  events.push(event('clicked', { recipientId: 'r8', at: 11 }));
  events.push(event('clicked', { recipientId: 'r9', at: 1 }));
  const report = reportEmail(foldEvents(events), 'e1')!;

  it('counts recipients by stage, and Sent as the three stages after the hand-over', () => {
    expect(report.stages).to.deep.equal({
      scheduled: 1,
      'not-sent': 2,
      'awaiting-provider': 1,
      'not-delivered': 2,
      delivered: 6,
    });
    expect(report.sent).to.equal(9);
    expect(report.stageResponses['not-sent']).to.deep.equal([
      { id: 'delivery-error', count: 1 },
      { id: 'canceled-duplicate', count: 1 },
    ]);
  });

  it('takes the delivery and bounce rates of Sent', () => {
    expect(report.delivered).to.deep.equal({ count: 6, rate: 6 / 9, of: 'sent', denominator: 9 });
    expect(report.bounced).to.deep.equal({ count: 2, rate: 2 / 9, of: 'sent', denominator: 9 });
  });

  it('counts opens and clicks inside Delivered only, and the late bounce apart', () => {
    // Openers: r7 (opened), r8 (clicked), r9 (unsubscribed after a click); not r5 (hard bounce), not r10 (machine).
    expect(report.uniqueOpens).to.deep.equal({ count: 3, rate: 3 / 6, of: 'delivered', denominator: 6 });
    expect(report.uniqueClicks).to.deep.equal({ count: 2, rate: 2 / 6, of: 'delivered', denominator: 6 });
    expect(report.clickToOpen).to.deep.equal({ count: 2, rate: 2 / 3, of: 'unique-opens', denominator: 3 });
    expect(report.totalOpens).to.equal(3 + 1 + 1);
    expect(report.totalClicks).to.equal(1 + 1 + 1);
    expect(report.machineOpened.count).to.equal(1);
    expect(report.openedNotDelivered).to.equal(1);
    expect(report.unsubscribed.count).to.equal(1);
    expect(report.spamComplaint.count).to.equal(1);
  });

  it('lists Not delivered by response, soft and hard bounces apart, and mail in flight outside it', () => {
    expect(report.stageResponses['not-delivered']).to.deep.equal([
      { id: 'soft-bounce', count: 1 },
      { id: 'hard-bounce', count: 1 },
    ]);
    expect(report.stageResponses['awaiting-provider']).to.deep.equal([{ id: 'provider-queued', count: 1 }]);
    expect(report.byResponse['soft-bounce']).to.equal(1);
  });

  it('has no rate where its base is empty', () => {
    const empty = reportEmail(foldEvents([event('canceled-no-email')]), 'e1')!;
    expect(empty.sent).to.equal(0);
    expect(empty.delivered).to.deep.equal({ count: 0, rate: null, of: 'sent', denominator: 0 });
    expect(empty.uniqueOpens).to.deep.equal({ count: 0, rate: null, of: 'delivered', denominator: 0 });
    expect(empty.clickToOpen).to.deep.equal({ count: 0, rate: null, of: 'unique-opens', denominator: 0 });
  });

  it('takes each rate of the base the spec gives it: of Sent, of Delivered, of unique opens', () => {
    const bases = Object.fromEntries(
      (
        [
          'delivered',
          'bounced',
          'uniqueOpens',
          'uniqueClicks',
          'clickToOpen',
          'unsubscribed',
          'spamComplaint',
          'machineOpened',
        ] as const
      ).map((name) => [name, `${report[name].of} ${report[name].denominator}`]),
    );
    expect(bases).to.deep.equal({
      delivered: 'sent 9',
      bounced: 'sent 9',
      uniqueOpens: 'delivered 6',
      uniqueClicks: 'delivered 6',
      clickToOpen: 'unique-opens 3',
      unsubscribed: 'delivered 6',
      spamComplaint: 'delivered 6',
      machineOpened: 'delivered 6',
    });
  });

  it('is undefined for an email with no events', () => {
    expect(reportEmail(foldEvents([]), 'e1')).to.equal(undefined);
  });
});
