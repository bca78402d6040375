// The over-time chart's text stays readable on a phone: the chart draws in CSS pixels at the
// width it is given, rather than scaling a wide drawing down (which shrank its 11 px labels to
// about 5 px at 390 px wide), and puts fewer hour ticks on a narrow chart so they do not collide.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { mountSummary, varied } from './summary-fixtures';
import { storeWith } from '../../support/store';

/** The size its tick labels are drawn at on screen: the CSS size times the SVG's scale. */
function tickSizes(el: ResponseSummaryElement): { px: number; heights: number[]; count: number } {
  const chart = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
  const ticks = [...chart.querySelectorAll<SVGTextElement>('text.tick')];
  const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
  return {
    px: parseFloat(getComputedStyle(ticks[0]!).fontSize) * scale,
    heights: ticks.map((t) => t.getBoundingClientRect().height),
    count: ticks.length,
  };
}

/** Ticks whose boxes overlap along the axis (the hour ticks share one baseline). */
function overlapping(el: ResponseSummaryElement): number {
  const chart = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
  const boxes = [...chart.querySelectorAll<SVGTextElement>('text.tick.hour')]
    .map((t) => t.getBoundingClientRect())
    .sort((a, b) => a.left - b.left);
  let overlaps = 0;
  for (let i = 1; i < boxes.length; i++) if (boxes[i]!.left < boxes[i - 1]!.right) overlaps++;
  return overlaps;
}

async function inBox(width: number): Promise<ResponseSummaryElement> {
  const box = await fixture<HTMLElement>(html`<div></div>`);
  box.style.setProperty('inline-size', `${width}px`);
  const el = await mountSummary(await storeWith(varied()));
  box.append(el);
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
  return el;
}

describe('<response-summary> chart text size', () => {
  for (const width of [320, 390, 1440]) {
    it(`keeps its tick labels at 11 px or more in a ${width} px wide page`, async () => {
      const el = await inBox(width);
      const { px, heights, count } = tickSizes(el);
      expect(count).to.be.greaterThan(2);
      expect(px).to.be.at.least(10.9);
      for (const height of heights) expect(height).to.be.at.least(11);
      expect(overlapping(el)).to.equal(0);
    });
  }

  it('follows a change of width after load', async () => {
    const el = await inBox(1000);
    const wide = tickSizes(el).count;
    (el.parentElement as HTMLElement).style.setProperty('inline-size', '320px');
    await nextFrame();
    await nextFrame();
    await el.updateComplete;
    const narrow = tickSizes(el);
    expect(narrow.px).to.be.at.least(10.9);
    expect(narrow.count).to.be.lessThan(wide);
  });
});
