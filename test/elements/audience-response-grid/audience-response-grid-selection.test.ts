// The selected recipient: what click and Enter choose, what a host sets, and how the rows show it
// (aria-selected on every row, a mark unlike the flash of a changed row), whatever the view does.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { bigStore, cellTexts, mountGrid, rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', address: 'cara@example.com', at: 1 }),
  ev('opened', 'b', { contactName: 'Ann', address: 'ann@example.com', at: 2 }),
  ev('clicked', 'c', { contactName: 'Bob', address: 'bob@example.org', at: 3 }),
  ev('hard-bounce', 'd', { contactName: 'Dora', reason: '550 user unknown', at: 5 }),
];

/** The name in each rendered row whose aria-selected is "true". */
const selectedNames = (grid: AudienceResponseGridElement) =>
  rows(grid)
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map((row) => cellTexts(row)[0]);

const rowOf = (grid: AudienceResponseGridElement, name: string) =>
  rows(grid).find((row) => cellTexts(row)[0] === name)!;

describe('<audience-response-grid> selection', () => {
  it('selects the clicked row: aria-selected true on it alone, false on every other row', async () => {
    const grid = await mountGrid(await storeWith(people()));
    expect(rows(grid).map((row) => row.getAttribute('aria-selected'))).to.deep.equal([
      'false',
      'false',
      'false',
      'false',
    ]);
    rowOf(grid, 'Bob').querySelector<HTMLElement>('[role="gridcell"]')!.click();
    await settled(grid);
    expect(grid.selectedRecipientId).to.equal('c');
    expect(grid.getAttribute('selected-recipient-id')).to.equal('c');
    expect(rows(grid).map((row) => row.getAttribute('aria-selected'))).to.deep.equal([
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(rowOf(grid, 'Bob').getAttribute('part')!.split(' ')).to.include('selected-row');
    expect(rowOf(grid, 'Ann').getAttribute('part')!.split(' ')).not.to.include('selected-row');
    // Single selection: a grid that says so, or says nothing (the default is false).
    expect(scroller(grid).getAttribute('aria-multiselectable') ?? 'false').to.equal('false');
  });

  it('selects with Enter on a focused row', async () => {
    const grid = await mountGrid(await storeWith(people()));
    rowOf(grid, 'Ann').querySelector<HTMLElement>('[role="gridcell"]')!.focus();
    await settled(grid);
    await sendKeys({ press: 'ArrowDown' });
    await settled(grid);
    await sendKeys({ press: 'Enter' });
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Bob']);
    expect(grid.selectedRecipientId).to.equal('c');
  });

  it('lets a recipient-select listener choose another recipient: the host has the last word', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.addEventListener('recipient-select', () => (grid.selectedRecipientId = 'a'));
    rowOf(grid, 'Bob').querySelector<HTMLElement>('[role="gridcell"]')!.click();
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Cara']);
  });

  it('keeps the mark on the recipient after a sort', async () => {
    const grid = await mountGrid(await storeWith(people()));
    rowOf(grid, 'Cara').querySelector<HTMLElement>('[role="gridcell"]')!.click();
    await settled(grid);
    grid.sortBy = 'contact';
    await settled(grid);
    expect(rows(grid).map((row) => cellTexts(row)[0])).to.deep.equal(['Ann', 'Bob', 'Cara', 'Dora']);
    expect(selectedNames(grid)).to.deep.equal(['Cara']);
    grid.search = 'ann';
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal([]);
    grid.search = '';
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Cara']);
  });

  it('keeps the mark on the recipient when it scrolls away and back', async () => {
    const grid = await mountGrid(bigStore(2000), 'big');
    grid.selectedRecipientId = 'r3';
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Person 3']);
    scroller(grid).scrollTop = 20_000;
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal([]);
    expect(rows(grid).every((row) => row.getAttribute('aria-selected') === 'false')).to.equal(true);
    scroller(grid).scrollTop = 0;
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Person 3']);
  });

  it('keeps the mark through a live change of the selected recipient', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    grid.selectedRecipientId = 'b';
    await settled(grid);
    await store.ingest([ev('clicked', 'b', { at: 9 })]);
    store.flush();
    await settled(grid);
    expect(cellTexts(rowOf(grid, 'Ann'))[2]).to.equal('Clicked');
    expect(selectedNames(grid)).to.deep.equal(['Ann']);
  });

  it('fades a changed selected row’s flash into the selection’s tint, not the plain background', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    grid.style.setProperty('--email-responses-pressed-background', 'rgb(1, 2, 3)');
    grid.selectedRecipientId = 'b';
    await settled(grid);
    await store.ingest([ev('clicked', 'b', { at: 9 })]);
    store.flush();
    await settled(grid);
    const row = rowOf(grid, 'Ann');
    expect(row.hasAttribute('data-flash')).to.equal(true);
    const flash = row.getAnimations()[0]!;
    flash.pause();
    flash.currentTime = Number(flash.effect!.getComputedTiming().duration) - 1;
    const [r, g, b] = getComputedStyle(row).backgroundColor.match(/\d+/g)!.map(Number);
    expect(Math.max(r!, g!, b!)).to.be.below(10);
  });

  it('marks the row a host names, by property or attribute, and reflects the property', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.selectedRecipientId = 'd';
    await settled(grid);
    expect(grid.getAttribute('selected-recipient-id')).to.equal('d');
    expect(selectedNames(grid)).to.deep.equal(['Dora']);
    grid.setAttribute('selected-recipient-id', 'a');
    await settled(grid);
    expect(grid.selectedRecipientId).to.equal('a');
    expect(selectedNames(grid)).to.deep.equal(['Cara']);
    grid.selectedRecipientId = undefined;
    await settled(grid);
    expect(grid.hasAttribute('selected-recipient-id')).to.equal(false);
    expect(selectedNames(grid)).to.deep.equal([]);
  });

  it('keeps a selection set in markup beside the email', async () => {
    const store = await storeWith(people());
    const grid = await fixture<AudienceResponseGridElement>(
      html`<audience-response-grid email-id="e1" selected-recipient-id="b" .store=${store}></audience-response-grid>`,
    );
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Ann']);
  });

  it('clears the selection when the email changes', async () => {
    const store = await storeWith([...people(), ev('opened', 'a', { emailId: 'e2', contactName: 'Cara' })]);
    const grid = await mountGrid(store);
    rowOf(grid, 'Cara').querySelector<HTMLElement>('[role="gridcell"]')!.click();
    await settled(grid);
    grid.emailId = 'e2';
    await settled(grid);
    expect(grid.selectedRecipientId).to.equal(undefined);
    expect(grid.hasAttribute('selected-recipient-id')).to.equal(false);
    expect(selectedNames(grid)).to.deep.equal([]);
    // A host that sets both at once keeps its choice.
    grid.emailId = 'e1';
    grid.selectedRecipientId = 'a';
    await settled(grid);
    expect(selectedNames(grid)).to.deep.equal(['Cara']);
  });

  it('marks the selected row with the pressed background and an accent bar at its start edge', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const grid = await mountGrid(await storeWith(people()));
    wrapper.append(grid);
    grid.style.setProperty('--email-responses-pressed-background', 'rgb(1, 2, 3)');
    grid.style.setProperty('--email-responses-accent', 'rgb(200, 0, 0)');
    grid.selectedRecipientId = 'b';
    await settled(grid);
    const row = rowOf(grid, 'Ann');
    expect(getComputedStyle(row).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(rowOf(grid, 'Bob')).backgroundColor).not.to.equal('rgb(1, 2, 3)');
    const bar = getComputedStyle(row, '::before');
    expect(bar.backgroundColor).to.equal('rgb(200, 0, 0)');
    expect(parseFloat(bar.width)).to.be.within(3, 4);
    // Right to left: the bar is on the row's right, its start.
    const box = row.getBoundingClientRect();
    expect(parseFloat(bar.right)).to.equal(0);
    expect(box.width).to.be.greaterThan(0);
  });

  it('keeps the bar in forced colours, drawn in the system’s Highlight', async () => {
    // The test browsers' media emulation has no forced colours: the grid's own rule is read instead.
    const grid = await mountGrid(await storeWith(people()));
    const rules = grid.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const forced = rules.filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'),
    );
    const bar = forced
      .flatMap((rule) => [...rule.cssRules] as CSSStyleRule[])
      .find(
        (rule) =>
          rule.selectorText.includes("aria-selected='true']::before") ||
          rule.selectorText.includes('aria-selected="true"]::before'),
      );
    expect(bar?.style.backgroundColor.toLowerCase()).to.equal('highlight');
  });

  it('has no axe violations with a selected row, light and dark (contrast included)', async () => {
    const light = await mountGrid(await storeWith(people()));
    light.selectedRecipientId = 'd';
    await settled(light);
    await expect(light).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const dark = await mountGrid(await storeWith(people()));
      dark.theme = 'dark';
      dark.selectedRecipientId = 'd';
      await settled(dark);
      await expect(dark).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
