// A new user's review (issue 14/16): at the embed page's width (about 845 px at 1440) the Response
// column cut the long names ("Canceled (…", "Received by provide…") and showed them whole only as
// a tooltip, which a keyboard user never sees. Every name of the catalogue now shows whole there,
// on one line or two, and the cell's text (what a screen reader reads) has the whole name.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { DEFAULT_RULES } from '../../../src/core/index';
import { rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

/** One recipient per response of the catalogue, named after it. */
const everyResponse = () =>
  DEFAULT_RULES.responses.map((r, i) =>
    ev(r.id, `r${i}`, { contactName: `Person ${i}`, address: `person.${i}@example.com`, at: i + 1 }),
  );

async function gridAt(width: number, dir: string, height = 1400): Promise<AudienceResponseGridElement> {
  const store = await storeWith(everyResponse());
  store.setClock(() => Date.UTC(2026, 5, 1));
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" style=${`--email-responses-height: ${height}px`} .store=${store}>
    </audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<audience-response-grid> response names at the embed page’s width', () => {
  for (const dir of ['ltr', 'rtl']) {
    it(`shows every response's name whole at 845 px, the final marker in sight (${dir})`, async () => {
      const grid = await gridAt(845, dir);
      const shown = rows(grid);
      expect(shown.length).to.equal(DEFAULT_RULES.responses.length);
      const cutNames: string[] = [];
      for (const row of shown) {
        const cell = row.querySelector<HTMLElement>('[data-column="response"]')!;
        const label = cell.querySelector<HTMLElement>('[part~="response-label"]')!;
        const c = cell.getBoundingClientRect();
        const l = label.getBoundingClientRect();
        const whole =
          label.scrollWidth <= label.clientWidth + 0.5 &&
          label.scrollHeight <= label.clientHeight + 0.5 &&
          l.left >= c.left - 0.5 &&
          l.right <= c.right + 0.5 &&
          l.top >= c.top - 0.5 &&
          l.bottom <= c.bottom + 0.5;
        if (!whole) cutNames.push(`${text(label)} (${Math.round(l.width)}×${Math.round(l.height)} px)`);
        // A name on two lines starts them where the row's text starts: the right, right to left.
        const glyphs = document.createRange();
        glyphs.selectNodeContents(label);
        const g = glyphs.getBoundingClientRect();
        if (dir === 'rtl') expect(l.right - g.right, text(label)).to.be.below(1);
        else expect(g.left - l.left, text(label)).to.be.below(1);
        const final = cell.querySelector<HTMLElement>('[part~="final-marker"]');
        if (final) {
          const f = final.getBoundingClientRect();
          expect(f.width, text(label)).to.be.above(0);
          expect(f.left >= c.left - 0.5 && f.right <= c.right + 0.5 && f.top >= c.top && f.bottom <= c.bottom).to.equal(
            true,
            `${text(label)}: final marker in its cell`,
          );
        }
      }
      expect(cutNames).to.deep.equal([]);
    });
  }

  it("has the whole name, and 'final', in the cell's text and tooltip", async () => {
    const grid = await gridAt(845, 'ltr');
    const byLabel = new Map(DEFAULT_RULES.responses.map((r) => [r.label, r]));
    for (const row of rows(grid)) {
      const cell = row.querySelector<HTMLElement>('[data-column="response"]')!;
      const name = text(cell.querySelector('[part~="response-label"]')!);
      const response = byLabel.get(name)!;
      expect(response, name).to.not.equal(undefined);
      const expected = response.final ? `${name} final` : name;
      expect(text(cell).startsWith(expected), text(cell)).to.equal(true);
      expect(cell.title.startsWith(expected), cell.title).to.equal(true);
    }
  });

  it('shows the final marker on the Final chip too, as its legend', async () => {
    const grid = await gridAt(845, 'ltr');
    const marker = rows(grid)
      .map((row) => row.querySelector<HTMLElement>('[part~="final-marker"]'))
      .find((m) => m !== null)!;
    const legend = getComputedStyle(grid.shadowRoot!.querySelector('[data-chip="final"] .chip-label')!, '::before');
    const look = (s: CSSStyleDeclaration) => [s.width, s.height, s.backgroundColor];
    expect(look(legend)).to.deep.equal(look(getComputedStyle(marker)));
    expect(marker.getBoundingClientRect().width).to.be.above(4);
  });

  it('keeps a one-line name on the row’s middle line', async () => {
    const grid = await gridAt(845, 'ltr');
    for (const row of rows(grid)) {
      const label = row.querySelector<HTMLElement>('[part~="response-label"]')!;
      const r = row.getBoundingClientRect();
      const l = label.getBoundingClientRect();
      expect(Math.abs(l.top + l.height / 2 - (r.top + r.height / 2)), text(label)).to.be.below(2.5);
    }
  });
});

// The reviewer's 320 and 390 px screenshots: in a slim row (three short lines) the response had one
// line beside the contact, at most 55 % of it, and "Canceled (unsubscribed from all emails)" and
// "Received by provider (delayed)" lost their ends. A long name now goes on over the address's line.
// A name that just filled its line left the final square alone on the next ("Canceled (invalid
// email)" at 320 px), or on a third line, out of sight: it now stays after the name's last word.
// At 280 px (the embed page on a 320 px phone) the three longest names lost their ends after two
// lines ("Canceled (unsubscribed…"): they now take a step smaller type there, the row its height.
describe('<audience-response-grid> response names in slim rows', () => {
  for (const dir of ['ltr', 'rtl'])
    for (const width of [280, 320, 390])
      it(`shows every response's name whole, the contact beside it (${width} px, ${dir})`, async () => {
        const grid = await gridAt(width, dir, 2000);
        expect(grid.shadowRoot!.querySelector('.scroller')!.classList.contains('slim')).to.equal(true);
        const shown = rows(grid);
        expect(shown.length).to.equal(DEFAULT_RULES.responses.length);
        const cutNames: string[] = [];
        for (const row of shown) {
          const cell = row.querySelector<HTMLElement>('[data-column="response"]')!;
          const label = cell.querySelector<HTMLElement>('[part~="response-label"]')!;
          const c = cell.getBoundingClientRect();
          // Every glyph of the name is drawn inside its cell: none cut off, none on a hidden line.
          const glyphs = document.createRange();
          glyphs.selectNodeContents(label);
          const lines = new Set<number>();
          for (const g of glyphs.getClientRects()) {
            if (g.width === 0) continue;
            lines.add(Math.round(g.top));
            if (g.left < c.left - 0.5 || g.right > c.right + 0.5 || g.top < c.top - 0.5 || g.bottom > c.bottom + 0.5)
              cutNames.push(
                `${text(label)}: ${Math.round(g.left)}-${Math.round(g.right)} in ${Math.round(c.left)}-${Math.round(c.right)}`,
              );
          }
          const final = cell.querySelector<HTMLElement>('[part~="final-marker"]');
          if (final) {
            const f = final.getBoundingClientRect();
            expect(f.width, text(label)).to.be.above(0);
            expect(
              f.left >= c.left - 0.5 && f.right <= c.right + 0.5 && f.top >= c.top && f.bottom <= c.bottom,
            ).to.equal(true, `${text(label)}: final marker in its cell ${JSON.stringify([f, c])}`);
            // On the line of the name's last word, a little apart after it in the reading direction.
            const last = [...glyphs.getClientRects()].filter((g) => g.width > 0).at(-1)!;
            const middle = (r: DOMRect) => (r.top + r.bottom) / 2;
            expect(Math.abs(middle(f) - middle(last)), `${text(label)}: final marker on its last line`).to.be.below(
              last.height / 2,
            );
            const gap = dir === 'rtl' ? last.left - f.right : f.left - last.right;
            expect(gap, `${text(label)}: space before the final marker`).to.be.within(2, 8);
          }
          // Two lines at most, the first the contact's; the contact keeps a few letters; the counts
          // and the time keep their line.
          expect(lines.size, text(label)).to.be.at.most(2);
          const contact = row.querySelector<HTMLElement>('[data-column="contact"]')!;
          const name = document.createRange();
          name.selectNodeContents(contact);
          expect(Math.abs(Math.min(...lines) - Math.round(name.getBoundingClientRect().top)), text(label)).to.be.below(
            3,
          );
          expect(contact.getBoundingClientRect().width, text(label)).to.be.above(60);
          const opens = row.querySelector<HTMLElement>('[data-column="opens"]')!.getBoundingClientRect();
          expect(c.bottom, text(label)).to.be.at.most(opens.top + 0.5);
        }
        expect(cutNames).to.deep.equal([]);
      });
});
