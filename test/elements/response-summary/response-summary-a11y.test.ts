// axe-core in the states a user meets, the chart's text alternative and titles, the keyboard
// path through the figures, right-to-left pages, the theme properties and dark mode.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { mountSummary, varied } from './summary-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

describe('<response-summary> accessibility', () => {
  it('has no axe violations with every figure, with a figure chosen, and in every empty state', async () => {
    const el = await mountSummary(await storeWith(varied()));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-key="opened"] button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await expect(await mountSummary(undefined)).to.be.accessible();
    await expect(await mountSummary(await storeWith([]), 'e1')).to.be.accessible();
    await expect(await mountSummary(await storeWith([ev('canceled-no-email', 'a')]))).to.be.accessible();
  });

  it('has no axe violations in dark mode (contrast included)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mountSummary(await storeWith(varied()));
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('gives each chart a role, a name that holds its figures, and a title on every bar; the table a caption and headers', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const root = el.shadowRoot!;
    const charts = [...root.querySelectorAll('svg')];
    expect(charts.map((svg) => svg.getAttribute('role'))).to.deep.equal(['img', 'img']);
    expect(charts[0]!.getAttribute('aria-label')).to.equal(
      'Funnel: Delivered: 7, 63.6% of 11 sent; Opened: 6, 85.7% of 7 delivered; Clicked: 2, 28.6% of 7 delivered; Opened by machines only: 1, 14.3% of 7 delivered',
    );
    expect(charts[0]!.closest('figure')!.querySelector('figcaption')!.textContent).to.equal('Responses to e1');
    for (const bar of root.querySelectorAll('svg g[data-key]'))
      expect(bar.querySelector(':scope > title')!.textContent).to.match(/^.+: \d+/);
    expect(
      [...root.querySelectorAll('thead th')].map((th) => [th.textContent!.trim(), th.getAttribute('scope')]),
    ).to.deep.equal([
      ['Figure', 'col'],
      ['Recipients', 'col'],
      ['Rate', 'col'],
      ['Of', 'col'],
    ]);
    const button = root.querySelector<HTMLButtonElement>('tr[data-key="delivered"] button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(root.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Shows these recipients in the grid',
    );
  });

  it('reaches every figure with Tab, in table order', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('tbody button')!;
    first.focus();
    const order = [first.textContent!.trim()];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      order.push((el.shadowRoot!.activeElement as HTMLElement).textContent!.trim());
    }
    expect(order).to.deep.equal(['Delivered', 'Opened', 'Clicked', 'Opened by machines only']);
  });

  it('mirrors its bars and labels in right-to-left pages', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const el = await mountSummary(await storeWith(varied()));
    const bar = () => el.shadowRoot!.querySelector('g[data-key="opened"]')!;
    expect(bar().querySelector('rect.bar')!.getAttribute('x')).to.equal('0');
    expect(bar().querySelector('.bar-label')!.getAttribute('x')).to.equal('0');
    wrapper.append(el);
    await el.updateComplete;
    const width = Number(bar().querySelector('rect.bar')!.getAttribute('width'));
    expect(Number(bar().querySelector('rect.bar')!.getAttribute('x'))).to.be.closeTo(400 - width, 1e-9);
    expect(bar().querySelector('.bar-label')!.getAttribute('x')).to.equal('400');
    const label = bar().querySelector('.bar-label')!.getBoundingClientRect();
    const value = bar().querySelector('.bar-value')!.getBoundingClientRect();
    expect(label.left).to.be.greaterThan(value.left);
  });

  it('follows the theme properties: colours, bar colours', async () => {
    const el = await mountSummary(await storeWith(varied()));
    el.style.setProperty('--email-responses-bar', 'rgb(1, 2, 3)');
    el.style.setProperty('--email-responses-bar-outcome', 'rgb(4, 5, 6)');
    el.style.setProperty('--email-responses-text', 'rgb(7, 8, 9)');
    const fill = (key: string) => getComputedStyle(el.shadowRoot!.querySelector(`g[data-key="${key}"] rect.bar`)!).fill;
    expect([fill('delivered'), fill('hard-bounce')]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    expect(getComputedStyle(el.shadowRoot!.querySelector('td')!).color).to.equal('rgb(7, 8, 9)');
  });
});
