// What a user reads at 320 px and right to left (issue 13): the contact and the response both
// readable in two-line rows, every chip within the host, a cut response ending in an ellipsis in
// its own reading direction, and the columns filling their rows in either direction.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

async function gridIn(
  store: ResponseStore,
  width: number,
  dir: 'ltr' | 'rtl' = 'ltr',
  columns = '',
): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" columns=${columns} .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

const people = () => [
  ev('canceled-duplicate', 'a', { contactName: 'Nora Lindqvist', address: 'nora.lindqvist@example.com', at: 1 }),
  ev('provider-delayed', 'b', { contactName: 'Viktor Nakamura', address: 'viktor.nakamura@example.com', at: 2 }),
  ev('delivered', 'c', { contactName: 'Ann', address: 'ann@example.com', at: 3 }),
];

const box = (el: Element | Range) => el.getBoundingClientRect();
const cell = (row: HTMLElement, column: string) => row.querySelector<HTMLElement>(`[data-column="${column}"]`)!;

describe('<audience-response-grid> fits what it shows', () => {
  for (const dir of ['ltr', 'rtl'] as const) {
    it(`shows contact and response readable in narrow rows at 320 px (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 320, dir);
      const row = rows(grid)[0]!;
      const contact = cell(row, 'contact');
      const response = cell(row, 'response');
      const rowBox = box(row);
      // They share the first line (a line each made a phone's rows too tall for five in sight), the
      // response taking no more than it needs, up to 60 % (a long name goes on over the next line,
      // two at most: "Canceled (unsubscribed by email type)" needs 60 % for that at 320 px): the
      // name keeps the rest (it once got a letter).
      expect(Math.round(box(contact).top)).to.equal(Math.round(box(response).top));
      expect(box(contact).width).to.be.above(rowBox.width * 0.4 - 1);
      expect(box(response).width).to.be.at.most(rowBox.width * 0.6 + 1);
      // "Nora Lindqvist" and "Canceled (duplicated email)" are there to read, from their first letter.
      const name = contact.querySelector('bdi')!;
      expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
      const label = response.querySelector<HTMLElement>('[part~="response-label"]')!;
      expect(box(label).left).to.be.at.least(box(response).left - 0.5);
      expect(box(label).right).to.be.at.most(box(response).right + 0.5);
      expect(getComputedStyle(label).direction).to.equal('ltr');
    });

    it(`keeps every chip and every cell within the host at 320 px (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 320, dir);
      const host = box(grid);
      const chips = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('.chip')];
      expect(chips.length).to.be.above(5);
      // A chip past the edge of its group's line is scrolled away inside it; the line is in the host.
      for (const chip of chips) {
        const r = box(chip.closest('.chip-line') ?? chip);
        expect(r.left, chip.textContent!).to.be.at.least(host.left - 0.5);
        expect(r.right, chip.textContent!).to.be.at.most(host.right + 0.5);
      }
      const chipsBox = grid.shadowRoot!.querySelector<HTMLElement>('.chips')!;
      expect(chipsBox.scrollWidth).to.be.at.most(chipsBox.clientWidth + 1);
      for (const c of grid.shadowRoot!.querySelectorAll('[role="gridcell"], [role="columnheader"]')) {
        const r = box(c);
        expect(r.left).to.be.at.least(host.left - 0.5);
        expect(r.right).to.be.at.most(host.right + 0.5);
      }
    });
  }

  // A new user's review: at 1440 px the header cells were 43 px in a 36 px header row (the
  // Response cells' two-line layout reached its header too), the Response label sat lower than the
  // others and the resize separators hung into the first row.
  for (const width of [845, 1200])
    it(`keeps every header cell within the header row, labels on one line, at ${width} px`, async () => {
      const grid = await gridIn(await storeWith(people()), width);
      const header = scroller(grid).querySelector<HTMLElement>('.header')!.getBoundingClientRect();
      const tops = new Set<number>();
      for (const cell of scroller(grid).querySelectorAll<HTMLElement>('[role="columnheader"]')) {
        const r = cell.getBoundingClientRect();
        expect(r.height, cell.textContent!).to.be.at.most(header.height + 0.5);
        expect(r.bottom, cell.textContent!).to.be.at.most(header.bottom + 0.5);
        tops.add(Math.round(cell.querySelector<HTMLElement>('.header-label')!.getBoundingClientRect().top));
      }
      expect([...tops], 'every label on one line').to.have.length(1);
    });

  it('cuts a response at the end of its words on a right-to-left page, not at their start', async () => {
    const grid = await gridIn(await storeWith(people()), 1100, 'rtl', 'contact,response:120,opens');
    const response = cell(rows(grid)[1]!, 'response');
    const label = response.querySelector<HTMLElement>('[part~="response-label"]')!;
    expect(label.textContent).to.equal('Received by provider (delayed)');
    // Cut (past its two lines, in 120 px), with the ellipsis after "Received by / provider…", so
    // the start is inside the cell.
    expect(label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight).to.equal(true);
    expect(getComputedStyle(label).direction).to.equal('ltr');
    expect(box(label).left).to.be.at.least(box(response).left - 0.5);
    expect(box(label).right).to.be.at.most(box(response).right + 0.5);
    const text = document.createTreeWalker(label, NodeFilter.SHOW_TEXT).nextNode()!;
    const start = document.createRange();
    start.setStart(text, 0);
    start.setEnd(text, 'Received'.length);
    expect(start.toString()).to.equal('Received');
    expect(box(start).left).to.be.at.least(box(response).left - 0.5);
    expect(box(start).top).to.be.at.least(box(response).top - 0.5);
    // The whole text stays the cell's name and tooltip.
    expect(response.getAttribute('title')).to.equal('Received by provider (delayed)');
  });

  it('cuts a long time at its end on a right-to-left page, and keeps short headers whole', async () => {
    const grid = await gridIn(await storeWith(people()), 1100, 'rtl', 'contact,opens:80,last-response:100');
    const time = cell(rows(grid)[0]!, 'last-response');
    const text = time.querySelector('time')!;
    expect(text.scrollWidth).to.be.above(text.clientWidth);
    expect(box(text).left).to.be.at.least(box(time).left - 0.5);
    expect(box(text).right).to.be.at.most(box(time).right + 0.5);
    const opens = scroller(grid).querySelector<HTMLElement>('[data-column="opens"] .header-label')!;
    expect(opens.scrollWidth).to.be.at.most(opens.clientWidth);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`fills each row with its columns when they need more room than the grid has (${dir})`, async () => {
      const grid = await gridIn(await storeWith(people()), 760, dir);
      const s = scroller(grid);
      expect(s.scrollWidth).to.be.above(s.clientWidth);
      for (const row of [grid.shadowRoot!.querySelector<HTMLElement>('.header')!, rows(grid)[0]!]) {
        const r = box(row);
        const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"], [role="columnheader"]')].map(box);
        const first = dir === 'ltr' ? cells[0]!.left : cells[0]!.right;
        const last = dir === 'ltr' ? cells.at(-1)!.right : cells.at(-1)!.left;
        // The row's box (its background and its line) spans every column, and no more.
        expect(Math.abs(first - (dir === 'ltr' ? r.left : r.right))).to.be.below(1);
        expect(Math.abs(last - (dir === 'ltr' ? r.right : r.left))).to.be.below(1);
      }
    });
  }

  it('moves the page to a focused cell below the window, when the grid is taller than the window', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ev('delivered', `r${i}`, { contactName: `Person ${i}`, at: i }));
    const grid = await gridIn(await storeWith(many), 320);
    grid.style.setProperty('--email-responses-height', `${innerHeight + 400}px`);
    await settled(grid);
    window.scrollTo(0, 0);
    scroller(grid).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settled(grid);
    const focused = grid.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset['column']).to.equal('address');
    const r = box(focused);
    expect(r.top).to.be.at.least(-0.5);
    expect(r.bottom).to.be.at.most(innerHeight + 0.5);
  });
});
