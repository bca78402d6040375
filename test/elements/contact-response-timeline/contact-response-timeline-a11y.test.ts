// axe-core in the states a user meets, the keyboard path through the pages, right-to-left
// pages, the theme properties and dark mode.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { button, emailItem, history, mountTimeline, shadow } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';

const story = () => [
  tev('delivered', 'e1', { at: 0, emailKind: 'bulk', emailType: 'newsletter', address: 'ann@example.com' }),
  tev('clicked', 'e1', { at: 20, url: 'https://example.com/offer' }),
  tev('opened', 'e1', { at: 30 }),
  tev('unsubscribed', 'e1', { at: 40 }),
  tev('soft-bounce', 's1', { at: 100, address: 'ann@example.com', reason: 'mailbox full' }),
  tev('soft-bounce', 's2', { at: 200, address: 'ann@example.com' }),
  tev('soft-bounce', 's3', { at: 300, address: 'ann@example.com' }),
  tev('opened-machine', 'e4', { at: 400, emailKind: 'trigger' }),
];

describe('<contact-response-timeline> accessibility', () => {
  it('has no axe violations with flags, a warning, explanations and machine opens shown', async () => {
    const el = await mountTimeline(await storeWith(story()));
    expect(shadow(el).querySelector('[part="warning"]')).to.not.equal(null);
    el.showMachineOpens = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('has no axe violations without a store, without emails, with no match, and between pages', async () => {
    await expect(await mountTimeline(undefined)).to.be.accessible();
    await expect(await mountTimeline(await storeWith([]), 'c1')).to.be.accessible();
    const filtered = await mountTimeline(await storeWith(story()));
    filtered.response = 'hard-bounce';
    await filtered.updateComplete;
    await expect(filtered).to.be.accessible();
    const paged = await mountTimeline(await storeWith(history(120)), 'big', { pageSize: 20 });
    for (let i = 0; i < 5; i++) paged.showMore();
    await paged.updateComplete;
    expect(button(paged, 'newer-button')).to.not.equal(null);
    await expect(paged).to.be.accessible();
  });

  it('has no axe violations in dark mode (contrast included)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    // A page that follows the OS says so; the element follows the page's color-scheme.
    document.documentElement.style.colorScheme = 'light dark';
    try {
      const el = await mountTimeline(await storeWith(story()));
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
    } finally {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('names its regions: the flags group, the list of emails, each list of events, the controls', async () => {
    const el = await mountTimeline(await storeWith(story()));
    const root = shadow(el);
    expect(root.querySelector('[part="flags"]')!.getAttribute('role')).to.equal('group');
    expect(root.querySelector('[part="flags"]')!.getAttribute('aria-label')).to.equal('Contact');
    expect(root.querySelector('ol[part="emails"]')!.getAttribute('aria-label')).to.equal(
      'Emails to this contact, newest first',
    );
    expect(root.querySelector('select')!.closest('label')!.textContent).to.contain('Response');
    expect(root.querySelector('input[type="checkbox"]')!.closest('label')!.textContent).to.contain(
      'Show machine opens',
    );
    expect(root.querySelector('[role="status"]')).to.not.equal(null);
  });

  it('pages with the keyboard alone: Enter on "show older emails" moves focus to the first new email', async () => {
    const el = await mountTimeline(await storeWith(history(30)), 'big', { pageSize: 10 });
    button(el, 'more-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.renderedCount).to.equal(20);
    const active = shadow(el).activeElement as HTMLElement;
    expect(active.getAttribute('part')).to.equal('email-button');
    expect(active.textContent).to.equal('m19');
    await sendKeys({ press: 'Tab' });
    expect((shadow(el).activeElement as HTMLElement).textContent).to.equal('m18');
  });

  it('mirrors in right-to-left pages and follows the theme properties', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const el = await mountTimeline(await storeWith(story()));
    wrapper.append(el);
    await el.updateComplete;
    const head = emailItem(el, 'e1').querySelector('.email-head')!;
    const [name, kind] = [head.children[0]!, head.children[1]!].map((child) => child.getBoundingClientRect());
    expect(name!.left).to.be.greaterThan(kind!.left);
    const events = emailItem(el, 'e1').querySelector('ol[part="events"]')!;
    expect(getComputedStyle(events).borderRightWidth).to.equal('2px');
    el.style.setProperty('--email-responses-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--email-responses-accent', 'rgb(4, 5, 6)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    const changed = emailItem(el, 'e1').querySelector('li.event.changed')!;
    expect(getComputedStyle(changed, '::before').backgroundColor).to.equal('rgb(4, 5, 6)');
  });
});
