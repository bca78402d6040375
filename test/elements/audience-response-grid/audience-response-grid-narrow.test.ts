// Narrow hosts (a phone, a side panel): each row is two lines and stays an ARIA grid; nothing
// scrolls sideways. Right-to-left: left-to-right data is isolated, bidi controls are shown and found.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { cellTexts, rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

async function gridIn(store: ResponseStore, width: number, dir = 'ltr'): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" columns="provider email-type" .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

const people = () => [
  ev('delivered', 'a', {
    contactName: 'Cara Lindqvist',
    address: 'cara.lindqvist@example.com',
    provider: 'ses',
    at: 1,
  }),
  ev('hard-bounce', 'b', {
    contactName: 'Ann',
    address: 'emil.tanaka.7@example.com',
    reason: '550 5.1.1 <emil.tanaka.7@example.com>: user unknown',
    at: 2,
  }),
  ev('delivered', 'c', { contactName: 'Eve', address: '\u202Emoc.elpmaxe@eve', at: 3 }),
];

describe('<audience-response-grid> narrow and right-to-left', () => {
  for (const [width, lines] of [
    [270, 3],
    [320, 3],
    [390, 3],
    [500, 2],
  ] as const) {
    it(`shows each row as ${lines} lines at ${width} px, all cells in the grid, nothing sideways`, async () => {
      const store = await storeWith(people());
      // The store's clock in the data's year: a narrow grid leaves the current year out of its times.
      store.setClock(() => Date.UTC(2026, 5, 1));
      const grid = await gridIn(store, width);
      const s = scroller(grid);
      expect(s.getAttribute('role')).to.equal('grid');
      expect(s.scrollWidth).to.be.at.most(s.clientWidth);
      const row = rows(grid)[0]!;
      const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
      // Reading order is the order on screen: contact and response, then address, opens, clicks,
      // time, then the chosen columns past those (here Provider and Email type) on a line after.
      expect(cellTexts(row)).to.deep.equal([
        'Cara Lindqvist',
        'Delivered',
        'cara.lindqvist@example.com',
        '0',
        '0',
        'Jan 1, 12:01 AM',
        'Amazon SES',
        '',
      ]);
      const tops = cells.map((c) => Math.round(c.getBoundingClientRect().top));
      // Contact and response share the first line, and the rest the second; or under 420 px the
      // address has the second line (a long response name goes on beside it), and opens, clicks
      // and time share the third.
      expect(tops[0]).to.equal(tops[1]);
      expect(tops[2]).to.be.above(tops[1]!);
      if (lines === 2) {
        expect(new Set(tops.slice(2, 6)).size).to.equal(1);
      } else {
        expect(new Set(tops.slice(3, 6)).size).to.equal(1);
        expect(tops[3]).to.be.above(tops[2]!);
      }
      // Provider and Email type follow on one more line, inside the row, which is taller for them.
      expect(tops[6]).to.be.above(tops[5]!);
      expect(tops[7]).to.equal(tops[6]);
      const rowBox = row.getBoundingClientRect();
      for (const cell of cells) expect(cell.getBoundingClientRect().bottom).to.be.at.most(rowBox.bottom + 0.5);
      const box = s.getBoundingClientRect();
      for (const cell of cells) {
        const r = cell.getBoundingClientRect();
        expect(r.left).to.be.at.least(box.left - 0.5);
        expect(r.right).to.be.at.most(box.right + 0.5);
      }
      expect(s.getAttribute('aria-colcount')).to.equal('8');
      cells[0]!.focus();
      await sendKeys({ press: 'End' });
      await settled(grid);
      expect((grid.shadowRoot!.activeElement as HTMLElement).getAttribute('data-column')).to.equal('email-type');
    });
  }

  const cut = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 0.5;
  for (const dir of ['ltr', 'rtl'] as const)
    for (const width of [270, 320, 390, 420, 500, 599]) {
      it(`reads every header and time in full at ${width} px, and a cut address in its tooltip (${dir})`, async () => {
        const store = await storeWith(people());
        store.setClock(() => Date.UTC(2026, 11, 20));
        const grid = await gridIn(store, width, dir);
        const s = scroller(grid);
        const labels = [...s.querySelectorAll<HTMLElement>('[role="columnheader"] .header-label')];
        expect(labels.map((l) => l.textContent)).to.deep.equal([
          'Contact',
          'Response',
          'Email address',
          'Opens',
          'Clicks',
          'Last response',
          'Provider',
          'Email type',
        ]);
        for (const label of labels) {
          expect(cut(label), `${label.textContent} is cut`).to.equal(false);
          expect(cut(label.closest<HTMLElement>('[role="columnheader"]')!)).to.equal(false);
        }
        // Labels on one line keep apart: "Clicks" never runs into "Last response".
        for (const a of labels)
          for (const b of labels) {
            const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            if (a === b || Math.abs(ra.top - rb.top) > 2 || ra.left > rb.left) continue;
            expect(rb.left - ra.right, `${a.textContent} and ${b.textContent}`).to.be.at.least(12);
          }
        for (const row of rows(grid)) {
          const time = row.querySelector<HTMLElement>('[data-column="last-response"]')!;
          expect(cut(time), `${time.textContent} is cut`).to.equal(false);
          for (const count of row.querySelectorAll<HTMLElement>('[data-column="opens"], [data-column="clicks"]'))
            expect(cut(count)).to.equal(false);
          const address = row.querySelector<HTMLElement>('[data-column="address"]')!;
          // Under 420 px the address has a line of its own (but for a long response's second line
          // at its end); a cut one shows whole as its tooltip.
          if (width < 420) expect(cut(address), address.textContent!).to.equal(false);
          expect(address.title).to.equal(address.textContent);
        }
      });
    }

  it('keeps one line per row, with the optional columns, from 600 px', async () => {
    const grid = await gridIn(await storeWith(people()), 1100);
    const cells = [...rows(grid)[0]!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    expect(cells).to.have.length(8);
    expect(new Set(cells.map((c) => Math.round(c.getBoundingClientRect().top))).size).to.equal(1);
  });

  it('isolates addresses and SMTP text as left-to-right, shows bidi controls visibly and finds them by search', async () => {
    const grid = await gridIn(await storeWith(people()), 1100, 'rtl');
    const address = rows(grid)[1]!.querySelector<HTMLElement>('[data-col="1"] [dir="ltr"]')!;
    expect(address.textContent).to.equal('emil.tanaka.7@example.com');
    expect(getComputedStyle(address).unicodeBidi).to.match(/isolate/);
    const reason = rows(grid)[1]!.querySelector<HTMLElement>('[part~="reason"]')!;
    expect(reason.getAttribute('dir')).to.equal('ltr');
    const eve = rows(grid)[2]!.querySelector<HTMLElement>('[data-col="1"] [dir="ltr"]')!;
    // The override is shown as a visible mark, not obeyed.
    expect(eve.textContent).to.not.contain('\u202E');
    expect(eve.textContent).to.contain('U+202E');
    grid.search = 'moc.elpmaxe@eve';
    await settled(grid);
    expect(rows(grid).map((r) => cellTexts(r)[0])).to.deep.equal(['Eve']);
  });

  it('keeps a chip label and its count apart', async () => {
    const grid = await gridIn(await storeWith(people()), 1100, 'rtl');
    const chip = grid.shadowRoot!.querySelector<HTMLElement>('[data-chip="sent"]')!;
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Sent 3');
    expect(chip.querySelector('.chip-count')!.tagName).to.equal('BDI');
  });
});
