// The summary's chart follows the page's direction when it changes after load: SVG does not
// mirror by itself, so a `dir` set or changed on the document, on an ancestor, or inside the
// shadow tree the summary sits in must render the chart again, time running from the right.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { mountSummary, varied } from './summary-fixtures';
import { storeWith } from '../../support/store';

/** Which way time runs in the chart, as a user sees it: where its first hour is drawn. */
function layout(el: ResponseSummaryElement) {
  const chart = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
  const box = chart.getBoundingClientRect();
  const line = chart.querySelector<SVGPolylineElement>('polyline.opens')!;
  const first = line.points.getItem(0);
  const last = line.points.getItem(line.points.numberOfItems - 1);
  // The viewBox is as wide as the chart: the first hour sits near one edge, the last near the other.
  const middle = chart.viewBox.baseVal.width / 2;
  if (first.x < middle && last.x > middle && box.width > 0) return 'left-to-right';
  if (first.x > middle && last.x < middle && box.width > 0) return 'right-to-left';
  return `mixed: first hour at ${first.x}, last at ${last.x}`;
}

/** The mutation is seen in a microtask and the render follows: wait for both. */
async function rendered(el: ResponseSummaryElement): Promise<void> {
  await nextFrame();
  await el.updateComplete;
}

describe('<response-summary> direction changes after load', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('mirrors its charts when the document switches to right-to-left, and back', async () => {
    const el = await mountSummary(await storeWith(varied()));
    expect(layout(el)).to.equal('left-to-right');
    document.documentElement.dir = 'rtl';
    await rendered(el);
    expect(layout(el)).to.equal('right-to-left');
    document.documentElement.dir = 'ltr';
    await rendered(el);
    expect(layout(el)).to.equal('left-to-right');
  });

  it('follows a dir set, changed or removed on an ancestor', async () => {
    const wrapper = await fixture<HTMLElement>(html`<section><div></div></section>`);
    const el = await mountSummary(await storeWith(varied()));
    wrapper.firstElementChild!.append(el);
    await rendered(el);
    expect(layout(el)).to.equal('left-to-right');
    wrapper.dir = 'rtl';
    await rendered(el);
    expect(layout(el)).to.equal('right-to-left');
    (wrapper.firstElementChild as HTMLElement).dir = 'ltr';
    await rendered(el);
    expect(layout(el)).to.equal('left-to-right');
    wrapper.firstElementChild!.removeAttribute('dir');
    await rendered(el);
    expect(layout(el)).to.equal('right-to-left');
  });

  it('follows a dir change inside a shadow tree it is nested in, and above that tree', async () => {
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    root.append(inner);
    const el = await mountSummary(await storeWith(varied()));
    inner.append(el);
    await rendered(el);
    expect(layout(el)).to.equal('left-to-right');
    inner.dir = 'rtl';
    await rendered(el);
    expect(layout(el)).to.equal('right-to-left');
    inner.removeAttribute('dir');
    await rendered(el);
    expect(layout(el)).to.equal('left-to-right');
    outer.dir = 'rtl';
    await rendered(el);
    expect(layout(el)).to.equal('right-to-left');
  });
});
