// The report as Mailchimp's and HubSpot's users read one: the rate leads where it is the figure
// that matters, with its count beside it in plain type; Not delivered splits into hard and soft
// bounces; click-to-open is named as the others name it; and a note says opens are estimates.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { storeWith } from '../../support/store';
import { mountSummary, stepButton, text, varied } from './summary-fixtures';

/** What a screen reader reads of a card: its text in document order. */
const read = (el: ResponseSummaryElement, key: string) => text(stepButton(el, key));

function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('<response-summary> rates first', () => {
  it('leads with the rate, large, then the count and its base, in reading order', async () => {
    const el = await mountSummary(await storeWith(varied()));
    expect(read(el, 'unique-opens')).to.equal('Unique opens 71.4% open rate 5 of 7 delivered 6 total opens');
    expect(read(el, 'delivered')).to.equal('Delivered 63.6% delivery rate 7 of 11 sent');
    expect(read(el, 'not-delivered')).to.match(/^Not delivered 27\.3% bounce rate 3 of 11 sent/);
    const card = stepButton(el, 'unique-opens');
    const big = card.querySelector('.big')!;
    expect(text(big)).to.equal('71.4%');
    const value = card.querySelector<HTMLElement>('[part~="card-value"]')!;
    expect(parseFloat(getComputedStyle(big).fontSize)).to.be.above(1.5 * parseFloat(getComputedStyle(value).fontSize));
    // Sent's figure is its count, click-to-open's its rate: both lead large.
    expect(text(stepButton(el, 'sent').querySelector('.big'))).to.equal('11');
    expect(text(stepButton(el, 'click-to-open').querySelector('.big'))).to.equal('40.0%');
  });

  it('shows the count beside a rate in the text’s own colour, AA in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme });
      document.documentElement.style.colorScheme = 'light dark';
      try {
        const el = await mountSummary(await storeWith(varied()));
        const card = stepButton(el, 'unique-opens');
        const label = getComputedStyle(card.querySelector('[part~="card-label"]')!).color;
        for (const part of ['card-rate', 'card-value', 'card-of'])
          expect(getComputedStyle(card.querySelector(`[part~="${part}"]`)!).color, `${colorScheme} ${part}`).to.equal(
            label,
          );
        const background = getComputedStyle(card).backgroundColor;
        for (const part of card.querySelectorAll<HTMLElement>('[part]'))
          expect(
            contrast(getComputedStyle(part).color, background),
            `${colorScheme} ${part.getAttribute('part')}`,
          ).to.be.at.least(4.5);
      } finally {
        document.documentElement.style.colorScheme = '';
        await emulateMedia({ colorScheme: 'light' });
      }
    }
  });

  it('splits Not delivered into hard and soft bounces, with their rates of Sent', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const lines = [...stepButton(el, 'not-delivered').querySelectorAll('.card-split')].map((line) => text(line));
    // 11 sent: 2 hard bounces, 1 soft bounce.
    expect(lines).to.deep.equal(['Hard Bounce: 2 (18.2%)', 'Soft Bounce: 1 (9.1%)']);
    expect(stepButton(el, 'not-delivered').title).to.contain('hard and soft bounces');
  });

  it('names click-to-open as HubSpot and Mailchimp do, and the click rate as theirs', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const clickToOpen = stepButton(el, 'click-to-open');
    expect(read(el, 'click-to-open')).to.equal(
      'Click-to-open 40.0% 2 clickers of 5 openers also called click-through rate',
    );
    expect(clickToOpen.title).to.contain('click-through rate').and.to.contain('clicks per unique opens');
    // The click rate is of Delivered (2 of 7), not of the openers.
    expect(read(el, 'unique-clicks')).to.match(/^Unique clicks 28\.6% click rate 2 of 7 delivered/);
    expect(stepButton(el, 'unique-clicks').title).to.contain('clicks of opens is Click-to-open');
  });

  it('says opens are estimates, in text every reader reaches, and describes the open figures with it', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const note = el.shadowRoot!.querySelector<HTMLElement>('#opens-note')!;
    expect(text(note)).to.contain('Opens are estimates').and.to.contain('Apple Mail Privacy Protection');
    expect(text(note)).to.contain('block images');
    expect(note.offsetHeight).to.be.above(0);
    expect(note.getAttribute('aria-hidden')).to.equal(null);
    for (const key of ['unique-opens', 'click-to-open'])
      expect(stepButton(el, key).getAttribute('aria-describedby')!.split(' '), key).to.include('opens-note');
    expect(stepButton(el, 'delivered').getAttribute('aria-describedby')).to.equal('choose-hint');
  });
});
