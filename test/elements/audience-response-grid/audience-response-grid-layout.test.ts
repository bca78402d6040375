// The grid stays inside its host at any width, height and row height, and the focused cell is
// always on screen with a visible focus ring (WCAG 2.4.7, 2.4.11).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

function people(count: number) {
  return Array.from({ length: count }, (_, i) =>
    ev(i % 3 ? 'delivered' : 'soft-bounce', `r${i}`, {
      contactName: `Person with a long name ${i}`,
      contactId: `c${i}`,
      address: `person.${i}@example.com`,
      provider: 'sendgrid',
      emailType: 'newsletter',
      at: i,
    }),
  );
}

/** A grid in a box of the given size; the host fills the box (as a page's layout would make it). */
async function boxedGrid(
  store: ResponseStore,
  width: number,
  height: number | undefined,
  rowHeight = 36,
  columns = '',
): Promise<AudienceResponseGridElement> {
  const box =
    await fixture<HTMLElement>(html`<div style=${`width:${width}px;${height ? `height:${height}px;display:flex;flex-direction:column` : ''}`}>
    <audience-response-grid style=${height ? 'flex:1;min-height:0' : ''} email-id="e1" time-zone="UTC" columns=${columns} row-height=${rowHeight} .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

function scrollingAncestor(el: HTMLElement): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
  return false;
}

/** Every element of the shadow tree that paints (not clipped by the scroller) lies inside the host. */
function outside(grid: AudienceResponseGridElement): string[] {
  const host = grid.getBoundingClientRect();
  const out: string[] = [];
  for (const el of grid.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    // Inside a scrolling box (the grid, the chip row) the box clips: that box itself is checked.
    if (scrollingAncestor(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (
      r.left < host.left - 0.5 ||
      r.right > host.right + 0.5 ||
      r.top < host.top - 0.5 ||
      r.bottom > host.bottom + 0.5
    ) {
      out.push(
        `${el.className || el.localName}: ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)} in ${Math.round(host.left)},${Math.round(host.top)}-${Math.round(host.right)},${Math.round(host.bottom)}`,
      );
    }
  }
  return out;
}

async function key(grid: AudienceResponseGridElement, press: string): Promise<void> {
  const keys = press.split('+');
  const last = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: last });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await settled(grid);
}

function focusedCell(grid: AudienceResponseGridElement): HTMLElement {
  return grid.shadowRoot!.activeElement as HTMLElement;
}

/** The focused cell lies inside the scroller's visible area, below the sticky header. */
function inView(grid: AudienceResponseGridElement): boolean {
  const s = scroller(grid);
  const box = s.getBoundingClientRect();
  const header = grid.shadowRoot!.querySelector('.header-group')!.getBoundingClientRect();
  const cell = focusedCell(grid).getBoundingClientRect();
  const isHeader = !!focusedCell(grid).closest('.header-group');
  const top = isHeader ? box.top : header.bottom;
  const left = box.left + s.clientLeft;
  const right = left + s.clientWidth;
  return (
    cell.left >= left - 1 &&
    cell.right <= right + 1 &&
    cell.top >= top - 1 &&
    cell.bottom <= box.top + s.clientTop + s.clientHeight + 1
  );
}

describe('<audience-response-grid> layout', () => {
  for (const [width, height, rowHeight] of [
    [390, 300, 36],
    [1440, 420, 36],
    [320, 330, 72],
    [768, undefined, 48],
  ] as const) {
    it(`draws nothing outside its host at ${width} px wide, ${height ?? 'auto'} high, rows of ${rowHeight} px`, async () => {
      const grid = await boxedGrid(await storeWith(people(60)), width, height, rowHeight, 'provider email-type');
      expect(outside(grid)).to.deep.equal([]);
      const host = grid.getBoundingClientRect();
      expect(host.width).to.be.at.most(width + 0.5);
      if (height) expect(host.height).to.be.at.most(height + 0.5);
      // And the grid itself still shows rows.
      expect(scroller(grid).clientHeight).to.be.above(rowHeight);
    });
  }

  it('scrolls the focused cell into view horizontally and vertically, and rings it', async () => {
    const grid = await boxedGrid(await storeWith(people(80)), 520, 360, 36, 'provider email-type');
    scroller(grid).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await key(grid, 'ArrowDown');
    for (const press of ['End', 'Control+End', 'Home', 'Control+Home', 'End', 'PageDown', 'ArrowUp']) {
      await key(grid, press);
      expect(inView(grid), `${press}: cell in view`).to.equal(true);
      const style = getComputedStyle(focusedCell(grid));
      expect(style.outlineStyle, `${press}: ring`).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    }
  });

  it('rings a cell focused after a click too, once keys move it', async () => {
    const grid = await boxedGrid(await storeWith(people(10)), 900, 360);
    const cell = scroller(grid).querySelector<HTMLElement>('.row [data-col="1"]')!;
    cell.click();
    cell.focus();
    await key(grid, 'ArrowRight');
    const style = getComputedStyle(focusedCell(grid));
    expect(style.outlineStyle).to.not.equal('none');
  });
});

describe('<audience-response-grid> truncated text', () => {
  it('gives every text cell its full text as a tooltip, and keeps it whole for screen readers', async () => {
    const reason =
      '550 5.1.1 <someone.with.a.long.address@example.com>: Recipient address rejected: User unknown in virtual mailbox table';
    const store = await storeWith([
      ev('hard-bounce', 'r1', {
        contactName: 'Maximiliane Annabella von Hohenzollern-Sigmaringen',
        address: 'someone.with.a.long.address@example.com',
        provider: 'sendgrid',
        reason,
        at: 1,
      }),
    ]);
    const grid = await boxedGrid(store, 1000, 400, 36, 'provider');
    const cells = [...scroller(grid).querySelectorAll<HTMLElement>('.row [role="gridcell"]')];
    const byColumn = (id: string) => cells.find((c) => c.dataset['column'] === id)!;
    expect(byColumn('contact').title).to.equal('Maximiliane Annabella von Hohenzollern-Sigmaringen');
    expect(byColumn('address').title).to.equal('someone.with.a.long.address@example.com');
    expect(byColumn('response').title).to.equal(`Hard Bounce final ${reason}`);
    expect(byColumn('provider').title).to.equal('SendGrid');
    expect(byColumn('response').textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Hard Bounce final ${reason}`);
  });
});
