// Columns (issue 13): chosen in the toolbar's chooser, resized by pointer and by keyboard, said by
// the `columns` attribute, and kept in the cache per grid.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { formatColumns, parseColumns, toggleColumn } from '../../../src/elements/audience-response-grid/grid-columns';
import { loadGridColumns, saveGridColumns } from '../../../src/store/cache/grid-columns';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import { cellTexts, mountGrid, openChooser, rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', address: 'cara@example.com', provider: 'ses', at: 1 }),
  ev('hard-bounce', 'b', { contactName: 'Ann', address: 'ann@example.com', reason: '550 5.1.1 user unknown', at: 2 }),
];

const headers = (grid: AudienceResponseGridElement) =>
  [...scroller(grid).querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset['column']);
const header = (grid: AudienceResponseGridElement, column: string) =>
  scroller(grid).querySelector<HTMLElement>(`[role="columnheader"][data-column="${column}"]`)!;
const width = (el: Element) => Math.round(el.getBoundingClientRect().width);

async function gridIn(
  store: ResponseStore,
  columns: string,
  dir: 'ltr' | 'rtl' = 'ltr',
  id = '',
): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style="width:1000px">
    <audience-response-grid id=${id} email-id="e1" time-zone="UTC" columns=${columns} .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

describe('<audience-response-grid> columns', () => {
  it('reads the columns value: names in order, widths in px, optional-only lists added to the default', () => {
    expect(parseColumns('contact:240, response,stage')).to.deep.equal([
      { id: 'contact', width: 240 },
      { id: 'response' },
      { id: 'stage' },
    ]);
    expect(parseColumns('provider email-type').map((c) => c.id)).to.deep.equal([
      'contact',
      'address',
      'response',
      'opens',
      'clicks',
      'last-response',
      'provider',
      'email-type',
    ]);
    // Unknown names and widths out of range are left out (and warned about), never a crash.
    expect(parseColumns('contact:5,nope,opens:abc')).to.deep.equal([{ id: 'contact' }, { id: 'opens' }]);
    expect(formatColumns(parseColumns('contact:240,response'))).to.equal('contact:240,response');
    expect(toggleColumn(parseColumns('contact,opens'), 'address').map((c) => c.id)).to.deep.equal([
      'contact',
      'address',
      'opens',
    ]);
  });

  it('shows the columns and widths the attribute names, stage and reason included', async () => {
    const grid = await gridIn(await storeWith(people()), 'contact:240,response,stage,reason');
    expect(headers(grid)).to.deep.equal(['contact', 'response', 'stage', 'reason']);
    expect(width(header(grid, 'contact'))).to.equal(240);
    expect(scroller(grid).getAttribute('aria-colcount')).to.equal('4');
    const ann = rows(grid).find((r) => cellTexts(r)[0] === 'Ann')!;
    expect(cellTexts(ann)).to.deep.equal([
      'Ann',
      'Hard Bounce final 550 5.1.1 user unknown',
      'Not delivered',
      '550 5.1.1 user unknown',
    ]);
    expect(ann.querySelector('[data-column="reason"]')!.getAttribute('title')).to.equal('550 5.1.1 user unknown');
  });

  // The chooser's panel loads on its first opening: this is the first in this file (each file has
  // its own page), so the click finds the code not yet there.
  it('says the chooser is open at once, shows it once its code has loaded, and keeps focus on the button', async () => {
    const grid = await gridIn(await storeWith(people()), '');
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="columns-button"]')!;
    button.focus();
    button.click();
    await grid.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(grid.shadowRoot!.querySelector('#column-chooser'), 'the panel before its code').to.equal(null);
    await waitUntil(() => grid.shadowRoot!.querySelector('#column-chooser'), 'the chooser never appeared');
    expect(grid.shadowRoot!.activeElement).to.equal(button);
    // From then on it opens in the next render, by keyboard as by pointer.
    await sendKeys({ press: 'Enter' });
    await grid.updateComplete;
    expect(grid.shadowRoot!.querySelector('#column-chooser')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await grid.updateComplete;
    expect(grid.shadowRoot!.querySelector('#column-chooser')).to.not.equal(null);
    expect(grid.shadowRoot!.activeElement).to.equal(button);
  });

  it('shows and hides columns from the chooser, and says so in columns and columns-change', async () => {
    const grid = await gridIn(await storeWith(people()), '');
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="columns-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const chooser = await openChooser(grid);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const boxes = [...chooser.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.dataset['column'])).to.include.members(['provider', 'email-type', 'stage', 'reason']);
    const changed = oneEvent(grid, 'columns-change');
    chooser.querySelector<HTMLInputElement>('[data-column="stage"]')!.click();
    const event = (await changed) as CustomEvent<{ columns: string }>;
    await settled(grid);
    expect(event.detail.columns).to.equal('contact,address,response,opens,clicks,last-response,stage');
    expect(grid.columns).to.equal(event.detail.columns);
    expect(headers(grid)).to.include('stage');
    chooser.querySelector<HTMLInputElement>('[data-column="address"]')!.click();
    await settled(grid);
    expect(headers(grid)).to.not.include('address');
    // Escape closes the chooser and gives focus back to its button.
    chooser.querySelector<HTMLInputElement>('[data-column="stage"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await settled(grid);
    expect(grid.shadowRoot!.querySelector('#column-chooser')).to.equal(null);
    expect(grid.shadowRoot!.activeElement).to.equal(button);
    await expect(grid).to.be.accessible();
  });

  it('never hides the last column', async () => {
    const grid = await gridIn(await storeWith(people()), 'contact');
    await openChooser(grid);
    const contact = grid.shadowRoot!.querySelector<HTMLInputElement>('#column-chooser [data-column="contact"]')!;
    expect(contact.checked).to.equal(true);
    expect(contact.disabled).to.equal(true);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`resizes the focused header with Alt+arrows and says the width (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 'contact:200,address,response', dir);
      scroller(grid).querySelector<HTMLElement>('[data-col="0"]')!.focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: dir === 'ltr' ? 'ArrowRight' : 'ArrowLeft' });
      await sendKeys({ up: 'Alt' });
      await settled(grid);
      expect(width(header(grid, 'contact'))).to.equal(210);
      expect(grid.columns).to.equal('contact:210,address,response');
      expect(grid.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('Contact: 210 px wide');
      // Focus stays on the header, and the page did not go Back.
      expect((grid.shadowRoot!.activeElement as HTMLElement).dataset['col']).to.equal('0');
      await sendKeys({ down: 'Alt' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: dir === 'ltr' ? 'ArrowLeft' : 'ArrowRight' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ up: 'Alt' });
      await settled(grid);
      expect(width(header(grid, 'contact'))).to.equal(160);
    });

    it(`resizes a column by dragging its header's edge (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 'contact:200,address,response', dir);
      const handle = header(grid, 'contact').querySelector<HTMLElement>('.resize-handle')!;
      const r = handle.getBoundingClientRect();
      const x = Math.round(r.left + r.width / 2);
      const y = Math.round(r.top + r.height / 2);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + (dir === 'ltr' ? 60 : -60), y] });
      await sendMouse({ type: 'up' });
      await settled(grid);
      expect(width(header(grid, 'contact'))).to.be.within(258, 262);
      expect(grid.columns).to.match(/^contact:2(5[89]|6[0-2]),address,response$/);
      // Every row's cell follows its header.
      expect(width(rows(grid)[0]!.querySelector('[data-column="contact"]')!)).to.equal(width(header(grid, 'contact')));
    });
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`gives each header a focusable resize separator that F2 reaches and arrows move (${dir})`, async () => {
      const cacheName = `grid-columns-test-${Math.random()}`;
      const id = `grid-${Math.random().toString(36).slice(2)}`;
      const store = await storeWith(people(), { cacheName });
      const grid = await gridIn(store, 'contact:200,address,response', dir, id);
      const separators = [...scroller(grid).querySelectorAll<HTMLElement>('[role="separator"]')];
      expect(separators.map((s) => s.getAttribute('aria-label'))).to.deep.equal([
        'Resize Contact',
        'Resize Email address',
        'Resize Response',
      ]);
      const contact = separators[0]!;
      expect(contact.getAttribute('aria-orientation')).to.equal('vertical');
      expect(contact.getAttribute('aria-valuenow')).to.equal('200');
      expect(contact.getAttribute('aria-valuemin')).to.equal('48');
      expect(contact.getAttribute('aria-valuemax')).to.equal('1600');
      expect(contact.getAttribute('aria-valuetext')).to.equal('Contact: 200 px wide');
      // A flexible column's value is its drawn width.
      expect(Number(separators[1]!.getAttribute('aria-valuenow'))).to.equal(width(header(grid, 'address')));
      // Never Tab stops: the grid stays one.
      expect(separators.every((s) => s.tabIndex === -1)).to.equal(true);
      // The header's name is its label, not also "Resize Contact".
      const contactHeader = header(grid, 'contact');
      expect(contactHeader.getAttribute('aria-labelledby')).to.equal('header-contact');
      expect(grid.shadowRoot!.getElementById('header-contact')!.textContent).to.equal('Contact');

      const button = contactHeader.querySelector<HTMLElement>('button')!;
      button.focus();
      expect(button.getAttribute('aria-keyshortcuts')).to.contain('F2');
      await sendKeys({ press: 'F2' });
      expect(grid.shadowRoot!.activeElement).to.equal(contact);
      // Left moves the edge left: narrower left to right, wider right to left.
      await sendKeys({ press: 'ArrowLeft' });
      await settled(grid);
      const moved = dir === 'ltr' ? 190 : 210;
      expect(width(header(grid, 'contact'))).to.equal(moved);
      expect(contact.getAttribute('aria-valuenow')).to.equal(String(moved));
      expect(contact.getAttribute('aria-valuetext')).to.equal(`Contact: ${moved} px wide`);
      expect(grid.columns).to.equal(`contact:${moved},address,response`);
      // The separator keeps focus (the grid's arrows wait), Shift takes larger steps, Home the narrowest.
      await sendKeys({ press: 'ArrowDown' });
      expect(grid.shadowRoot!.activeElement).to.equal(contact);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ up: 'Shift' });
      await settled(grid);
      expect(width(header(grid, 'contact'))).to.equal(dir === 'ltr' ? 240 : 160);
      await sendKeys({ press: 'Home' });
      await settled(grid);
      expect(contact.getAttribute('aria-valuenow')).to.equal('48');
      // Escape goes back to the header, whose button stays the grid's Tab stop.
      await sendKeys({ press: 'Escape' });
      expect(grid.shadowRoot!.activeElement).to.equal(button);
      expect(button.tabIndex).to.equal(0);
      // The width is kept in the cache, as a chooser's choice is.
      let saved: string | undefined;
      for (let i = 0; i < 50 && saved !== 'contact:48,address,response'; i++) {
        saved = await loadGridColumns(id);
        if (saved !== 'contact:48,address,response') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(saved).to.equal('contact:48,address,response');
      await expect(grid).to.be.accessible();
      store.close();
    });
  }

  it('has no separators in the two-line layout, and keeps the widths for a wider grid', async () => {
    const box = await fixture<HTMLElement>(html`<div style="width:500px">
      <audience-response-grid email-id="e1" time-zone="UTC" columns="contact:240,response" .store=${await storeWith(people())}></audience-response-grid>
    </div>`);
    const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
    await settled(grid);
    expect(scroller(grid).querySelectorAll('[role="separator"]').length).to.equal(0);
    expect(width(header(grid, 'contact'))).to.not.equal(240);
    box.style.width = '1000px';
    await settled(grid);
    await settled(grid);
    expect(width(header(grid, 'contact'))).to.equal(240);
    expect(scroller(grid).querySelectorAll('[role="separator"]').length).to.equal(2);
    expect(grid.columns).to.equal('contact:240,response');
  });

  for (const dir of ['ltr', 'rtl'] as const)
    it(`shows a response's reason with some room or not at all, never a letter or two (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 'contact,response:150', dir);
      const ann = rows(grid).find((r) => cellTexts(r)[0] === 'Ann')!;
      const cell = ann.querySelector<HTMLElement>('[data-column="response"]')!;
      const reason = cell.querySelector<HTMLElement>('[part~="reason"]')!;
      const visible = (el: HTMLElement, within = cell) => {
        const [a, b] = [el.getBoundingClientRect(), within.getBoundingClientRect()];
        return (
          Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
          (Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top) ? 1 : 0)
        );
      };
      const em = parseFloat(getComputedStyle(reason).fontSize);
      // 150 px: "Hard Bounce" and "final" leave too little: the reason is out of sight.
      expect(visible(reason)).to.equal(0);
      expect(visible(cell.querySelector<HTMLElement>('[part~="response-label"]')!)).to.be.above(0);
      // Still in the cell's tooltip and text.
      expect(cell.title).to.contain('550 5.1.1 user unknown');
      // "final" stays in sight, even beside a label cut short.
      for (const w of [150, 110]) {
        grid.columns = `contact,response:${w}`;
        await settled(grid);
        const r = rows(grid).find((x) => cellTexts(x)[0] === 'Ann')!;
        const final = r.querySelector<HTMLElement>('[part~="final-marker"]')!;
        expect(visible(final, r.querySelector<HTMLElement>('[data-column="response"]')!)).to.be.at.least(
          final.getBoundingClientRect().width - 1,
        );
      }
      grid.columns = 'contact,response:260';
      await settled(grid);
      const wide = rows(grid)
        .find((r) => cellTexts(r)[0] === 'Ann')!
        .querySelector<HTMLElement>('[part~="reason"]')!;
      expect(visible(wide)).to.be.at.least(4 * em - 1);
      // The label stays on the row's middle line.
      const label = rows(grid)
        .find((r) => cellTexts(r)[0] === 'Ann')!
        .querySelector<HTMLElement>('[part~="response-label"]')!;
      const row = label.closest<HTMLElement>('[role="row"]')!.getBoundingClientRect();
      const box = label.getBoundingClientRect();
      expect(Math.abs(box.top + box.height / 2 - (row.top + row.height / 2))).to.be.below(3);
    });

  it('keeps the choice in the cache per grid, over the attribute, on the next visit', async () => {
    const cacheName = `grid-columns-test-${Math.random()}`;
    const id = `grid-${Math.random().toString(36).slice(2)}`;
    const first = await storeWith(people(), { cacheName });
    const grid = await gridIn(first, '', 'ltr', id);
    await openChooser(grid);
    grid.shadowRoot!.querySelector<HTMLInputElement>('#column-chooser [data-column="reason"]')!.click();
    await settled(grid);
    // The write is on its way; read it back as the next visit would.
    let saved: string | undefined;
    for (let i = 0; i < 50 && saved === undefined; i++) {
      saved = await loadGridColumns(id);
      if (saved === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(saved).to.equal('contact,address,response,opens,clicks,last-response,reason');
    first.close();
    const second = createResponseStore({ cacheName });
    await second.ready;
    expect(second.cacheStatus.state).to.equal('ready');
    const again = await gridIn(second, 'contact,response', 'ltr', id);
    for (let i = 0; i < 50 && !headers(again).includes('reason'); i++) await settled(again);
    expect(headers(again)).to.deep.equal([
      'contact',
      'address',
      'response',
      'opens',
      'clicks',
      'last-response',
      'reason',
    ]);
    second.close();
  });

  it('keeps no choice for a closed store that had no cache', async () => {
    const store = await storeWith(people());
    await store.close();
    expect(store.cacheStatus.state).to.equal('closed');
    const id = `grid-${Math.random().toString(36).slice(2)}`;
    const grid = await gridIn(store, '', 'ltr', id);
    await openChooser(grid);
    grid.shadowRoot!.querySelector<HTMLInputElement>('#column-chooser [data-column="reason"]')!.click();
    await settled(grid);
    expect(grid.columns).to.equal('contact,address,response,opens,clicks,last-response,reason');
    // A save would have landed by now (the test above reads one back within a few frames).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await loadGridColumns(id)).to.equal(undefined);
  });

  it('keeps nothing without a cache, and reads back what it saved', async () => {
    const grid = await mountGrid(await storeWith(people()));
    expect(grid.columns).to.equal('');
    const key = `k-${Math.random()}`;
    expect(await loadGridColumns(key)).to.equal(undefined);
    expect(await saveGridColumns(key, 'contact:100,response')).to.equal(true);
    expect(await loadGridColumns(key)).to.equal('contact:100,response');
  });
});
