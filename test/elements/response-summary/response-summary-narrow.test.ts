// The report inside a narrow host (a 320 px phone leaves the embed page's summary 230 px): no
// box of its shadow tree lies outside the host, with its lists closed or open, in either
// direction. Chromium lays out the hidden content of a closed <details> where it would go, so a
// closed stage list or chart table counts too: it must have no box at all.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { mountSummary, openStages, varied } from './summary-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

/**
 * Email e1 has every kind of figure, a long link a phone must wrap and more stage lists; e3 has
 * only mail not sent, so its stage lists end the report (as on a page still loading).
 */
function events() {
  const notSent = ['canceled-no-email', 'canceled-duplicate', 'canceled-invalid-email', 'stopped-manually'];
  return [
    ...notSent.map((response, i) => ev(response, `n${i}`, { emailId: 'e3' })),
    ...varied(),
    ev('clicked', 'reader', {
      at: 3,
      url: 'https://shop.example.com/campaigns/spring-sale/landing?utm_source=newsletter',
    }),
    ev('rejected', 'rejected'),
    ev('invalid-address', 'invalid'),
    ev('canceled-sender-domain', 'domain'),
  ];
}

/** Boxes of the summary's shadow tree outside its host, as the e2e check reads them. */
function outside(el: ResponseSummaryElement): string[] {
  const host = el.getBoundingClientRect();
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<Element>('*')) {
    let clipped = false;
    for (let p = node.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipped = true;
    }
    if (clipped) continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < host.left - 1 || r.right > host.right + 1 || r.top < host.top - 1 || r.bottom > host.bottom + 1)
      out.push(
        `${node.localName}.${node.getAttribute('class') ?? ''}: ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} in ${Math.round(host.left)},${Math.round(host.top)}..${Math.round(host.right)},${Math.round(host.bottom)}`,
      );
  }
  return out;
}

async function inBox(width: number, dir: 'ltr' | 'rtl', emailId: string): Promise<ResponseSummaryElement> {
  const box = await fixture<HTMLElement>(html`<div></div>`);
  box.style.setProperty('inline-size', `${width}px`);
  box.dir = dir;
  const el = await mountSummary(await storeWith(events()), emailId);
  box.append(el);
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
  return el;
}

describe('<response-summary> in a narrow host', () => {
  for (const [emailId, what] of [
    ['e1', 'the whole report'],
    ['e3', 'a report that ends in its stage lists'],
  ]) {
    for (const width of [230, 320]) {
      for (const dir of ['ltr', 'rtl'] as const) {
        it(`keeps every box of ${what} inside a ${width} px host, ${dir}, lists closed and open`, async () => {
          const el = await inBox(width, dir, emailId!);
          expect(outside(el), 'closed').to.deep.equal([]);
          await openStages(el);
          await nextFrame();
          expect(el.shadowRoot!.querySelectorAll('details[open] ul.responses').length).to.be.greaterThan(0);
          expect(outside(el), 'open').to.deep.equal([]);
          expect(el.scrollWidth, 'no sideways scroll').to.be.at.most(el.clientWidth);
          const links = el.shadowRoot!.querySelector('[part="links-table"]');
          if (links) {
            // The URLs keep most of the table, so a link wraps in a few lines, not every few letters.
            const url = links.querySelector('thead th')!.getBoundingClientRect().width;
            expect(url / links.getBoundingClientRect().width).to.be.at.least(0.5);
          }
        });
      }
    }
  }
});

describe('<response-summary> headline cards', () => {
  // The embed page's report at 320, 390, 768 and 1440 px, and the demo's at 1440 px.
  for (const [width, perRow] of [
    [230, 1],
    [300, 2],
    [358, 2],
    [470, 2],
    [1142, 4],
    [1408, 8],
  ] as const) {
    it(`lays the eight cards out in full rows of ${perRow} in a ${width} px host`, async () => {
      const el = await inBox(width, 'ltr', 'e1');
      const tops = [...el.shadowRoot!.querySelectorAll('.card')].map((c) => Math.round(c.getBoundingClientRect().top));
      const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
      expect(rows).to.deep.equal(Array<number>(8 / perRow).fill(perRow));
    });
  }
});
