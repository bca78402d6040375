// What the seed says a support person should read on a contact's timeline: an unsubscribe from one
// email type named as such, the statistics update period, and Sent to provider's 48-hour wait.
import { expect } from 'chai';
import { DEFAULT_RULES } from '../../../src/core/index';
import { createResponseStore } from '../../../src/store/response-store';
import { emailItem, eventLines, mountTimeline, shadow, text } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';

const HOUR = 3_600_000;
const DAY_MINUTES = 24 * 60;

describe('<contact-response-timeline>: seed fidelity', () => {
  it('names the email type an unsubscribe scoped to it was from, and leaves Do not use email', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('delivered', 'e1', { at: 0, emailType: 'newsletter' }),
        tev('unsubscribed', 'e1', { at: 10, scope: 'type' }),
        tev('unsubscribed', 'e2', { at: 20, emailType: 'invoice', scope: 'all' }),
      ]),
    );
    expect(text(emailItem(el, 'e1').querySelector('[part="scope"]'))).to.equal('Unsubscribed from newsletter');
    expect(emailItem(el, 'e2').querySelector('[part="scope"]')).to.equal(null);
    expect(shadow(el).querySelector('[data-flag="unsubscribed-types"]')!.getAttribute('data-value')).to.equal(
      'newsletter',
    );
    // e2 was an unsubscribe from everything: that one sets Do not use email.
    expect(shadow(el).querySelector('[data-flag="do-not-use-email"]')!.getAttribute('data-value')).to.equal('yes');
  });

  it('says an event after the statistics update period was not applied, and why', async () => {
    const store = createResponseStore({ rules: { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 } });
    await store.ingest([
      tev('sent-to-provider', 'e1', { at: 0 }),
      tev('opened', 'e1', { at: 60 }),
      tev('clicked', 'e1', { at: 8 * DAY_MINUTES }),
    ]);
    store.flush();
    const el = await mountTimeline(store);
    const item = emailItem(el, 'e1');
    expect(eventLines(item)).to.deep.equal([
      ['sent-to-provider', 'changed', '', ''],
      ['opened', 'changed', '', '+1 open'],
      [
        'clicked',
        'after-period',
        'not applied: more than 7 days after the email was sent (statistics update period)',
        '',
      ],
    ]);
    expect(text(item.querySelector('[part~="response-label"]'))).to.equal('Opened');
  });

  it('shows how long Sent to provider has waited toward the 48-hour limit, and overdue past it', async () => {
    const now = Date.UTC(2031, 5, 1);
    const store = await storeWith([
      { ...tev('sent-to-provider', 'waiting'), at: now - 3 * HOUR - 60_000 },
      { ...tev('sent-to-provider', 'late'), at: now - 50 * HOUR },
    ]);
    // The store's clock, not the wall clock, is what the wait is measured against.
    store.setClock(() => now);
    const el = await mountTimeline(store);
    const waiting = emailItem(el, 'waiting').querySelector('[part~="wait"]')!;
    expect(text(waiting)).to.equal('waiting 3 h of 48 h');
    expect(waiting.getAttribute('part')).to.equal('wait');
    const late = emailItem(el, 'late').querySelector('[part~="wait"]')!;
    expect(text(late)).to.equal('overdue: waited 50 h of 48 h');
    expect(late.getAttribute('part')).to.equal('wait overdue');
  });
});
