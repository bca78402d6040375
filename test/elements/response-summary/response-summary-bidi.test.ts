// The report on a right-to-left page keeps each sentence, number and unit in its own order: the
// English words stay "2 clickers of 5 openers", not "clickers of 5 openers 2"; a note's full
// stop ends it rather than leading it; an axis label reads "0 h", not "h 0". Each text is one
// isolated element, and the order is read from where the browser draws the characters.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { mountSummary, stepButton, varied } from './summary-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

async function inRtl(): Promise<ResponseSummaryElement> {
  const box = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
  box.style.setProperty('inline-size', '1000px');
  const el = await mountSummary(
    await storeWith([
      ...varied(),
      ev('opened', 'late', { at: 200 }),
      ev('clicked', 'late', { at: 201, url: 'https://shop.example.com/sale?from=mail' }),
    ]),
  );
  box.append(el);
  await nextFrame();
  await el.updateComplete;
  return el;
}

/** The element's one text node holding `text`, and that text's isolating element. */
function textNode(root: Element, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node.textContent ?? '').includes(text)) return node as Text;
  throw new Error(`no text node holds "${text}" in ${root.textContent}`);
}

/** Where the browser draws `part` (its first occurrence at or after `from`) in a text node. */
function leftOf(node: Text, part: string, from = 0): number {
  const start = node.data.indexOf(part, from);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + part.length);
  return range.getBoundingClientRect().left;
}

/** The text node is the whole content of an isolating element (bdi, or dir set). */
function isolatedWhole(node: Text): boolean {
  const parent = node.parentElement!;
  return (parent.localName === 'bdi' || parent.hasAttribute('dir')) && parent.textContent === node.data;
}

describe('<response-summary> on a right-to-left page', () => {
  it('keeps a card rate’s numbers beside their words, in one isolated text', async () => {
    const el = await inRtl();
    const rate = stepButton(el, 'click-to-open').querySelector('[part~="card-rate"]')!;
    const node = textNode(rate, 'clickers of');
    expect(node.data).to.equal('3 clickers of 6 openers');
    expect(isolatedWhole(node)).to.equal(true);
    expect(leftOf(node, '3')).to.be.below(leftOf(node, 'clickers'));
    expect(leftOf(node, 'of')).to.be.below(leftOf(node, '6'));
    expect(leftOf(node, '6')).to.be.below(leftOf(node, 'openers'));
  });

  it('keeps a card’s count before its base, and the rate above its name, both at the start', async () => {
    const el = await inRtl();
    const card = stepButton(el, 'unique-opens');
    const count = textNode(card.querySelector('[part~="card-value"]')!, '6');
    const base = textNode(card.querySelector('[part~="card-of"]')!, 'of 8 delivered');
    const where = (node: Text, part: string) => leftOf(node, part);
    // "6 of 8 delivered", read left to right, not "of 8 delivered 6".
    expect(where(count, '6')).to.be.below(where(base, 'of'));
    // The rate large on its own line, its name beneath.
    const rate = card.querySelector('[part~="card-rate"] .big')!.getBoundingClientRect();
    const name = textNode(card.querySelector('[part~="card-rate"]')!, 'open rate');
    const range = document.createRange();
    range.selectNodeContents(name);
    expect(rate.bottom).to.be.at.most(range.getBoundingClientRect().top + 1);
    // Both lines start at the card's start, its right edge on this page, the short rate above a
    // longer name too ("14.3%" over "unsubscribe rate").
    const unsubscribed = stepButton(el, 'unsubscribed').querySelector('[part~="card-rate"]')!;
    // Where the characters are drawn, not the boxes (a block's box is the line's whole width).
    const drawnRight = (node: Node) => {
      const drawn = document.createRange();
      drawn.selectNodeContents(node);
      return drawn.getBoundingClientRect().right;
    };
    const big = drawnRight(unsubscribed.querySelector('.big')!);
    expect(Math.abs(big - drawnRight(textNode(unsubscribed, 'unsubscribe rate')))).to.be.below(2);
  });

  it('ends the note on opens with its full stop', async () => {
    const el = await inRtl();
    const node = textNode(el.shadowRoot!.querySelector('#opens-note')!, 'Opens are estimates');
    expect(isolatedWhole(node)).to.equal(true);
    const last = node.data.lastIndexOf('click.');
    expect(leftOf(node, 'click', last)).to.be.below(leftOf(node, '.', last));
  });

  it('ends the machine-opens note with its full stop', async () => {
    const el = await inRtl();
    const node = textNode(stepButton(el, 'machine-opened'), 'Machine opens only');
    expect(isolatedWhole(node)).to.equal(true);
    const last = node.data.lastIndexOf('opens.');
    expect(leftOf(node, 'opens', last)).to.be.below(leftOf(node, '.', last));
    expect(leftOf(node, '1 (')).to.be.below(leftOf(node, '%'));
  });

  it('draws the chart’s hour labels as number then unit', async () => {
    const el = await inRtl();
    const ticks = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('svg[part="chart"] text.tick.hour')];
    expect(ticks.length).to.be.greaterThan(1);
    for (const tick of ticks) {
      const label = tick.textContent!;
      expect(label).to.match(/^\d+ h$/);
      // The number's first digit is drawn left of the unit.
      expect(tick.getStartPositionOfChar(0).x, label).to.be.below(tick.getStartPositionOfChar(label.length - 1).x);
    }
  });

  it('keeps the chart table’s hour ranges and the median in their order', async () => {
    const el = await inRtl();
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="over-time-table"]')!.open = true;
    await nextFrame();
    const hour = el.shadowRoot!.querySelector('[part="over-time-table"] tbody th')!;
    const node = textNode(hour, '–');
    expect(node.data).to.match(/^\d+–\d+ h$/);
    expect(isolatedWhole(node)).to.equal(true);
    const [from, to] = node.data.split(/[– ]/);
    expect(leftOf(node, from!)).to.be.below(leftOf(node, '–'));
    expect(leftOf(node, '–')).to.be.below(leftOf(node, to!, node.data.indexOf('–')));
    expect(leftOf(node, to!, node.data.indexOf('–'))).to.be.below(leftOf(node, 'h'));
    const median = textNode(el.shadowRoot!.querySelector('[part="median"]')!, 'Median');
    expect(isolatedWhole(median)).to.equal(true);
    expect(leftOf(median, 'Median')).to.be.below(leftOf(median, ':'));
  });

  it('points a closed list’s mark the way the text runs, and down when open', async () => {
    const el = await inRtl();
    const mark = (summary: Element) => getComputedStyle(summary, '::before').content;
    const summaries = [...el.shadowRoot!.querySelectorAll('details > summary')];
    expect(summaries.map(mark)).to.deep.equal(summaries.map(() => '"◂"'));
    const table = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="over-time-table"]')!;
    table.open = true;
    expect(mark(table.querySelector('summary')!)).to.equal('"▾"');
  });

  it('shows a clicked URL left to right', async () => {
    const el = await inRtl();
    const url = el.shadowRoot!.querySelector('[part="links-table"] button')!;
    expect(url.querySelector('[dir="ltr"]')).to.not.equal(null);
  });
});
