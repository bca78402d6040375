// An SES Subscription event is an Unsubscribed only for a new opt-out: one the old preferences
// did not have (docs/providers.md, "Amazon SES"). An opt-out of everything (unsubscribeAll) is a
// full unsubscribe; an opt-out of topics only is one email type (scope "type"). Resubscribes and
// preferences that were already opted out say nothing about this email.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const MAIL = { timestamp: '2024-09-23T12:15:00.012Z', messageId: 'ses-message-1', destination: [JANE] };
const AT = '2024-09-23T14:00:17.910Z';
const NO_NEW_OPT_OUT = 'an SES subscription change without a new opt-out (a resubscribe) says nothing about a response';

interface Preferences {
  unsubscribeAll?: unknown;
  topicSubscriptionStatus?: { topicName?: unknown; subscriptionStatus?: unknown }[];
}

function change(newer: Preferences, older: Preferences, fields: Record<string, unknown> = {}) {
  return normalizeProviderEvents('ses', {
    eventType: 'Subscription',
    mail: MAIL,
    subscription: {
      contactList: 'Newsletter',
      source: 'UnsubscribeHeader',
      timestamp: AT,
      newTopicPreferences: newer,
      oldTopicPreferences: older,
      ...fields,
    },
  });
}

const topics = (...pairs: [string, string][]): Preferences => ({
  unsubscribeAll: false,
  topicSubscriptionStatus: pairs.map(([topicName, subscriptionStatus]) => ({ topicName, subscriptionStatus })),
});

describe('SES subscription changes', () => {
  it('a new opt-out of everything is a full Unsubscribed, explained by the list and the source', () => {
    const { events } = change({ unsubscribeAll: true }, topics(['promotions', 'OptIn']));
    expect(events).to.have.length(1);
    expect(events[0]).to.include({
      response: 'unsubscribed',
      address: JANE,
      at: Date.parse(AT),
      reason: 'Newsletter; UnsubscribeHeader',
    });
    expect(events[0]!.scope).to.equal(undefined);
  });

  it('an opt-out of everything already in the old preferences is no news', () => {
    const { events, skipped } = change({ unsubscribeAll: true }, { unsubscribeAll: true });
    expect(events).to.deep.equal([]);
    expect(skipped.map((s) => s.reason)).to.deep.equal([NO_NEW_OPT_OUT]);
  });

  it('a newly opted-out topic is an Unsubscribed from one email type', () => {
    const { events } = change(topics(['promotions', 'OptOut']), topics(['promotions', 'OptIn']));
    expect(events[0]).to.include({ response: 'unsubscribed', scope: 'type' });
  });

  it('a topic opted out before, or opted in now, is no news', () => {
    for (const [newer, older] of [
      [topics(['promotions', 'OptOut']), topics(['promotions', 'OptOut'])],
      [topics(['promotions', 'OptIn']), topics(['promotions', 'OptOut'])],
      [topics(['promotions', 'OptIn']), topics()],
      [topics(), topics()],
    ] as const) {
      expect(change(newer, older).skipped.map((s) => s.reason)).to.deep.equal([NO_NEW_OPT_OUT]);
    }
  });

  it('compares topics by name and status in any case', () => {
    const already = change(topics(['Promotions', 'OPTOUT']), topics(['promotions', 'optout']));
    expect(already.events).to.deep.equal([]);
    const fresh = change(topics(['Promotions', 'OPTOUT']), topics(['promotions', 'OptIn']));
    expect(fresh.events.map((e) => e.response)).to.deep.equal(['unsubscribed']);
  });

  it('one new opt-out among several topics is enough, whichever place it has', () => {
    const older = topics(['promotions', 'OptOut'], ['news', 'OptIn']);
    expect(change(topics(['promotions', 'OptOut'], ['news', 'OptOut']), older).events).to.have.length(1);
    expect(change(topics(['news', 'OptOut'], ['promotions', 'OptIn']), older).events).to.have.length(1);
    // A topic the old preferences did not list was not opted out.
    expect(change(topics(['offers', 'OptOut']), older).events).to.have.length(1);
  });

  it('an opted-out topic of another name in the old preferences does not hide a new one', () => {
    const { events } = change(topics(['news', 'OptOut']), topics(['promotions', 'OptOut']));
    expect(events).to.have.length(1);
  });

  it('skips a change without a subscription object', () => {
    const { skipped } = normalizeProviderEvents('ses', { eventType: 'Subscription', mail: MAIL });
    expect(skipped.map((s) => s.reason)).to.deep.equal([NO_NEW_OPT_OUT]);
  });

  it('does not unsubscribe every recipient of an email to several for what one of them did', () => {
    const { events, skipped } = normalizeProviderEvents('ses', {
      eventType: 'Subscription',
      mail: { ...MAIL, destination: [JANE, 'bob@example.com'] },
      subscription: { newTopicPreferences: { unsubscribeAll: true }, timestamp: AT },
    });
    expect(events).to.deep.equal([]);
    expect(skipped.map((s) => s.reason)).to.deep.equal([
      'an SES subscription opt-out names no recipient and the email went to 2 recipients: skipped rather than unsubscribe them all',
    ]);
  });
});
