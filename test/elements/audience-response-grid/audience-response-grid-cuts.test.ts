// What the screenshots of issue 13 showed cut: a chip line half hidden above the header, the
// response's name squeezed by its details, times cut at their start right to left, and headers
// cut to a letter or two. Geometry in fixed-size hosts, ltr and rtl.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

async function gridIn(
  store: ResponseStore,
  width: number,
  dir: string,
  sort = '',
  now = Date.UTC(2026, 5, 1),
): Promise<AudienceResponseGridElement> {
  store.setClock(() => now);
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid
      email-id="e1"
      time-zone="UTC"
      sort-by=${sort.split(':')[0] ?? ''}
      sort-direction=${sort.endsWith(':desc') ? 'descending' : 'ascending'}
      style="--email-responses-height: 500px"
      .store=${store}
    ></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

/** Many responses, so the narrow grid's chips take more than two lines; times a day and more old. */
const many = () => [
  ev('delivered', 'a', { contactName: 'Cara Lindqvist', address: 'cara.lindqvist@example.com', at: 1 }),
  ev('hard-bounce', 'b', {
    contactName: 'Ben Haddad',
    address: 'ben.haddad.2@example.com',
    reason: '550 5.1.1 The email account that you tried to reach does not exist',
    at: 2,
  }),
  ev('sent-to-provider', 'c', { contactName: 'Noor Fischer', address: 'noor.fischer@example.com', at: 3 }),
  ev('opened', 'd', { contactName: 'Dara', address: 'dara@example.com', at: 4 }),
  ev('clicked', 'e', { contactName: 'Eve', address: 'eve@example.com', at: 5 }),
  ev('soft-bounce', 'f', { contactName: 'Finn', address: 'finn@example.com', reason: '452 4.2.2 Mailbox full', at: 6 }),
];

function shadow(grid: AudienceResponseGridElement): ShadowRoot {
  return grid.shadowRoot!;
}

const cut = (el: Element) => el.scrollWidth > el.clientWidth + 0.5;

describe('<audience-response-grid> nothing cut that should be read', () => {
  for (const dir of ['ltr', 'rtl']) {
    for (const width of [320, 390]) {
      it(`shows no chip line cut or covered at ${width} px, ${dir}`, async () => {
        const grid = await gridIn(await storeWith(many()), width, dir);
        const chips = shadow(grid).querySelector<HTMLElement>('.chips')!;
        const area = chips.getBoundingClientRect();
        const header = shadow(grid).querySelector('.header-group')!.getBoundingClientRect();
        // The header starts below the chip area…
        expect(header.top).to.be.at.least(area.bottom - 0.5);
        const lines = new Set<number>();
        for (const chip of chips.querySelectorAll<HTMLElement>('.chip')) {
          const r = chip.getBoundingClientRect();
          lines.add(Math.round(r.top));
          const seen = r.bottom > area.top + 0.5 && r.top < area.bottom - 0.5;
          // …and a chip is either whole in the chip area or not in it at all: never half a line.
          if (seen) {
            expect(r.top, chip.textContent!).to.be.at.least(area.top - 0.5);
            expect(r.bottom, `${chip.textContent!} ${r.top}-${r.bottom} area ${area.top}-${area.bottom}`).to.be.at.most(
              area.bottom + 0.5,
            );
          }
        }
        // The test means something only if the chips take more room than is shown: more lines, or
        // (a narrow grid's line per group) a line that scrolls sideways.
        const sideways = [...chips.querySelectorAll('.chip-line')].some((g) => g.scrollWidth > g.clientWidth + 1);
        expect(lines.size > 2 || sideways).to.equal(true);
      });
    }
  }

  for (const dir of ['ltr', 'rtl']) {
    it(`shows the response's name whole before its details, ${dir}`, async () => {
      const grid = await gridIn(await storeWith(many()), 1000, dir);
      for (const row of rows(grid)) {
        const label = row.querySelector<HTMLElement>('[data-column="response"] .label')!;
        expect(cut(label), label.textContent!).to.equal(false);
        const cell = row.querySelector<HTMLElement>('[data-column="response"]')!.getBoundingClientRect();
        const l = label.getBoundingClientRect();
        expect(l.left).to.be.at.least(cell.left - 0.5);
        expect(l.right).to.be.at.most(cell.right + 0.5);
      }
    });
  }

  for (const dir of ['ltr', 'rtl']) {
    for (const width of [320, 390, 845, 1000]) {
      it(`cuts a time at its end, or not at all, at ${width} px, ${dir}`, async () => {
        const grid = await gridIn(await storeWith(many()), width, dir);
        // The embed page gives the grid about 845 px at 1440: its default columns fit, so the
        // time, last on a right-to-left row, is not pushed past the grid's edge and cut at its start.
        const grid_ = shadow(grid).querySelector<HTMLElement>('[role="grid"]')!;
        expect(grid_.scrollWidth).to.be.at.most(grid_.clientWidth);
        for (const row of rows(grid)) {
          const cell = row.querySelector<HTMLElement>('[data-column="last-response"]')!;
          const box = grid_.getBoundingClientRect();
          expect(cell.getBoundingClientRect().left).to.be.at.least(box.left - 0.5);
          expect(cell.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
          const time = cell.querySelector<HTMLElement>('time')!;
          const c = cell.getBoundingClientRect();
          const t = time.getBoundingClientRect();
          // The time's box stays inside its cell, so the cell never clips its start…
          expect(t.left, time.textContent!).to.be.at.least(c.left - 0.5);
          expect(t.right, time.textContent!).to.be.at.most(c.right + 0.5);
          // …and a cut, if any, is the time's own, which ends in an ellipsis.
          if (cut(time)) expect(getComputedStyle(time).textOverflow).to.equal('ellipsis');
          // From 390 px the whole date and time fit.
          if (width >= 390)
            expect(cut(time), `${time.textContent!} ${time.scrollWidth}/${time.clientWidth}`).to.equal(false);
        }
      });
    }
  }

  for (const dir of ['ltr', 'rtl']) {
    for (const width of [320, 390, 845, 1000]) {
      for (const sort of ['opens:desc', 'clicks:asc', 'last-response:desc']) {
        it(`shows the Opens, Clicks and Last response headers whole at ${width} px, sorted by ${sort}, ${dir}`, async () => {
          const grid = await gridIn(await storeWith(many()), width, dir, sort);
          // A narrow grid's time column is for the time, not the whole "Last response" (its tooltip).
          for (const column of width < 600 ? ['opens', 'clicks'] : ['opens', 'clicks', 'last-response']) {
            const header = shadow(grid).querySelector<HTMLElement>(`[role="columnheader"][data-column="${column}"]`)!;
            const label = header.querySelector<HTMLElement>('.header-label')!;
            expect(
              cut(label),
              `${column}: ${label.textContent!} ${label.scrollWidth}/${label.clientWidth} header ${header.getBoundingClientRect().width}`,
            ).to.equal(false);
            const h = header.getBoundingClientRect();
            const l = label.getBoundingClientRect();
            expect(l.left).to.be.at.least(h.left - 0.5);
            expect(l.right).to.be.at.most(h.right + 0.5);
          }
          for (const row of rows(grid))
            for (const column of ['opens', 'clicks']) {
              const cell = row.querySelector<HTMLElement>(`[data-column="${column}"]`)!;
              expect(cut(cell)).to.equal(false);
            }
        });
      }
    }
  }

  it("shows a narrow grid's times without the current year, and with any other", async () => {
    const store = await storeWith(many());
    const grid = await gridIn(store, 390, 'ltr', 'contact:asc');
    const time = (g: AudienceResponseGridElement) => rows(g)[0]!.querySelector('time')!;
    expect(time(grid).textContent).to.equal('Jan 1, 12:02 AM');
    // The exact time stays in the tooltip.
    expect(time(grid).title).to.equal('2026-01-01 00:02:00 UTC');
    const later = await gridIn(await storeWith(many()), 390, 'ltr', 'contact:asc', Date.UTC(2027, 1, 1));
    expect(time(later).textContent).to.equal('1/1/26, 12:02 AM');
    const wide = await gridIn(await storeWith(many()), 1000, 'ltr', 'contact:asc');
    expect(time(wide).textContent).to.equal('Jan 1, 2026, 12:02 AM');
  });
});
