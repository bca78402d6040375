// axe-core in the states a user meets, the figures' names and descriptions, the keyboard path
// through the cards, the stage lists, the theme properties and dark mode.
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { mountSummary, openStages, varied } from './summary-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

describe('<response-summary> accessibility', () => {
  it('has no axe violations with every figure, with a figure chosen, stages open, and in every empty state', async () => {
    const el = await mountSummary(await storeWith(varied()));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-figure="unique-opens"]')!.click();
    await openStages(el);
    await expect(el).to.be.accessible();
    await expect(await mountSummary(undefined)).to.be.accessible();
    await expect(await mountSummary(await storeWith([]), 'e1')).to.be.accessible();
    await expect(await mountSummary(await storeWith([ev('canceled-no-email', 'a')]))).to.be.accessible();
  });

  it('has no axe violations in dark mode (contrast included)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    // A page that follows the OS says so; the element follows the page's color-scheme.
    document.documentElement.style.colorScheme = 'light dark';
    try {
      const el = await mountSummary(await storeWith(varied()));
      await openStages(el);
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
    } finally {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('gives the cards a named list, and every figure button a description and its help', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const root = el.shadowRoot!;
    expect(root.querySelector('ul.cards')!.getAttribute('aria-label')).to.equal('Headline figures');
    expect(root.querySelector('h2')!.textContent).to.equal('Email e1');
    const button = root.querySelector<HTMLButtonElement>('[data-figure="delivered"]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(root.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Shows these recipients in the grid',
    );
    for (const card of root.querySelectorAll<HTMLButtonElement>('.card'))
      expect(card.title, card.dataset['figure']).to.match(/^.{20,}$/);
  });

  it('reaches every card with Tab, in reading order', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('.card')!;
    first.focus();
    const order = [first.dataset['figure']];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      order.push((el.shadowRoot!.activeElement as HTMLElement).dataset['figure']);
    }
    expect(order).to.deep.equal(['sent', 'delivered', 'unique-opens', 'unique-clicks']);
  });

  it('opens a stage list from the keyboard', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const summary = el.shadowRoot!.querySelector<HTMLElement>('details[data-stage="not-delivered"] summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(summary.parentElement!.hasAttribute('open')).to.equal(true);
    expect(
      el.shadowRoot!.querySelector<HTMLElement>('[data-figure="response:hard-bounce"]')!.offsetHeight,
    ).to.be.greaterThan(0);
  });

  it('follows the theme properties: colours and the stage marks', async () => {
    const el = await mountSummary(await storeWith(varied()));
    el.style.setProperty('--email-responses-bar-outcome', 'rgb(4, 5, 6)');
    el.style.setProperty('--email-responses-bar-machine', 'rgb(1, 2, 3)');
    el.style.setProperty('--email-responses-text', 'rgb(7, 8, 9)');
    const mark = (stage: string) =>
      getComputedStyle(el.shadowRoot!.querySelector(`details[data-stage="${stage}"]`)!).borderInlineStartColor;
    expect([mark('not-delivered'), mark('awaiting-provider')]).to.deep.equal(['rgb(4, 5, 6)', 'rgb(1, 2, 3)']);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.card-label')!).color).to.equal('rgb(7, 8, 9)');
  });
});
