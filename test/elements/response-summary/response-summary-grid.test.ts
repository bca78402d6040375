// The summary and the grid on one store agree exactly: every figure's filter-request, applied
// to the grid, shows as many rows as the figure counts, before and after live changes, and a
// host wires the two with one line.
import { expect, fixture, html } from '@open-wc/testing';
import type { ResponseEvent } from '../../../src/core/index';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import '../../../src/elements/email-responses/define';
import type { FilterRequestEvent } from '../../../src/elements/response-summary/define';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import type { ResponseStore } from '../../../src/store/response-store';
import { mountGrid, settled } from '../audience-response-grid/grid-fixtures';
import { reportFigures } from '../../../src/elements/response-summary/report-figures';
import { cards, figureButtons, mountSummary, openStages, stepButton, text, varied } from './summary-fixtures';
import { BASE_TIME, recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';
import { random } from '../../support/random';

const PICKS = [
  'delivered',
  'opened',
  'clicked',
  'opened-machine',
  'unsubscribed',
  'spam-complaint',
  'soft-bounce',
  'hard-bounce',
  'canceled-duplicate',
  'canceled-no-email',
  'sent-to-provider',
  'provider-delayed',
  'rejected',
  'invalid-address',
  'limit-reached',
];

/** `count` recipients of e1, each with one to four events drawn from the picks, in any order. */
function mixed(count: number, seed: number, prefix = 'x'): ResponseEvent[] {
  const next = random(seed);
  const events: ResponseEvent[] = [];
  let id = 0;
  for (let r = 0; r < count; r++) {
    const n = 1 + Math.floor(next() * 4);
    for (let k = 0; k < n; k++) {
      const response = PICKS[Math.floor(next() * PICKS.length)]!;
      events.push({
        id: `${prefix}${id++}`,
        emailId: 'e1',
        recipientId: `${prefix}r${r}`,
        response,
        at: BASE_TIME + Math.floor(next() * 1000) * 60_000,
        contactName: `P${r}`,
      });
    }
  }
  return events;
}

/** The chip a figure's filter presses in the grid. */
function pressedChip(grid: AudienceResponseGridElement, detail: FilterRequestEvent['detail']): Element {
  const name = detail.recipients
    ? 'recipients'
    : detail.engagement
      ? 'engagement'
      : (detail.groups[0] ?? detail.responses[0]!);
  return grid.shadowRoot!.querySelector(`[data-chip="${name}"]`)!;
}

/**
 * Chooses every figure of the summary in turn (cards, notes, stages, responses) and checks the
 * grid shows exactly its count, and its pressed chip says the figure's words and that number.
 */
async function expectEveryStepMatches(
  summary: ResponseSummaryElement,
  grid: AudienceResponseGridElement,
): Promise<number> {
  const requests: FilterRequestEvent['detail'][] = [];
  const listener = (event: Event) => requests.push((event as FilterRequestEvent).detail);
  summary.addEventListener('filter-request', listener);
  let checked = 0;
  try {
    await openStages(summary);
    const figures = new Map(reportFigures(summary.summary!).map((f) => [f.key as string, f]));
    for (const key of figureButtons(summary).keys()) {
      // Choosing a figure twice clears it: start each from nothing chosen.
      if (summary.selected === key) stepButton(summary, key).click();
      await summary.updateComplete;
      stepButton(summary, key).click();
      const detail = requests.at(-1)!;
      grid.applyFilter(detail);
      await settled(grid);
      // A link's figure is its row of the links table: its unique clickers.
      const link = key.startsWith('link:') ? stepButton(summary, key).closest('tr')! : undefined;
      const figure = figures.get(key) ?? { count: Number(text(link!.children[1]!)) };
      expect(grid.rowCount, key).to.equal(figure.count);
      if (link) expect(text(pressedChip(grid, detail)), key).to.contain(`Clicked ${text(link.children[0]!)}`);
      expect(grid.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-rowcount'), key).to.equal(
        String(grid.rowCount + 1),
      );
      const chip = pressedChip(grid, detail);
      expect(chip.getAttribute('aria-pressed'), key).to.equal('true');
      expect(Number(text(chip.querySelector('.chip-count')).replace(/,/g, '')), key).to.equal(figure.count);
      const card = cards(summary).get(key);
      // Click-to-open's rows are its clickers: the chip names them.
      if (card && key !== 'click-to-open') {
        expect(text(chip), key).to.contain(card[0]!);
        expect(Number(card[1]!.replace(/,/g, '')), key).to.equal(grid.rowCount);
      }
      checked++;
    }
  } finally {
    summary.removeEventListener('filter-request', listener);
  }
  return checked;
}

describe('<response-summary> with <audience-response-grid>', () => {
  it('matches the grid exactly for every figure of an email with every kind of recipient', async () => {
    const store = await storeWith(varied());
    const [summary, grid] = [await mountSummary(store), await mountGrid(store)];
    // 8 cards, 2 notes, 3 stages and their 5 responses.
    expect(await expectEveryStepMatches(summary, grid)).to.equal(18);
  });

  it('matches the grid exactly over 600 generated recipients, and still after live changes', async () => {
    const store = await storeWith(mixed(600, 7));
    const [summary, grid] = [await mountSummary(store), await mountGrid(store)];
    const first = await expectEveryStepMatches(summary, grid);
    expect(first).to.be.greaterThan(15);
    // Unique opens count recipients whose response is not Opened at all.
    const opened = summary.summary!.uniqueOpens.count;
    expect(opened).to.be.greaterThan(summary.summary!.byResponse['opened']! + summary.summary!.byResponse['clicked']!);
    await store.ingest(
      mixed(200, 11, 'y').concat(
        mixed(600, 13, 'z').map((e) => ({ ...e, recipientId: e.recipientId.replace('zr', 'xr') })),
      ),
    );
    store.flush();
    await settled(grid);
    await summary.updateComplete;
    await expectEveryStepMatches(summary, grid);
  });

  it('matches the grid exactly for every link, late bounces after clicks included', async () => {
    const url = (n: number) => `https://shop.example/p${n}`;
    const events = [...mixed(200, 5)];
    for (let r = 0; r < 200; r += 3) events.push(ev('clicked', `xr${r}`, { at: 2000 + r, url: url(r % 4) }));
    for (let r = 0; r < 200; r += 9) events.push(ev('hard-bounce', `xr${r}`, { at: 1 }));
    const store = await storeWith(events);
    const [summary, grid] = [await mountSummary(store), await mountGrid(store)];
    const links = [...figureButtons(summary).keys()].filter((key) => key.startsWith('link:'));
    expect(links).to.have.length(4);
    expect(await expectEveryStepMatches(summary, grid)).to.be.greaterThan(20);
  });

  it('shows the grid count of a chosen engagement in its pressed chip', async () => {
    const store = await storeWith(varied());
    const [summary, grid] = [await mountSummary(store), await mountGrid(store)];
    summary.addEventListener('filter-request', (event) => grid.applyFilter(event.detail));
    stepButton(summary, 'unique-clicks').click();
    await settled(grid);
    const chip = grid.shadowRoot!.querySelector('[data-chip="engagement"]')!;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    expect(chip.textContent).to.contain('Unique clicks');
    expect(Number(chip.querySelector('.chip-count')!.textContent)).to.equal(summary.summary!.uniqueClicks.count);
    expect(grid.rowCount).to.equal(summary.summary!.uniqueClicks.count);
  });

  it('is wired by a host in one line: a figure chosen in the summary filters the grid, chosen again shows all', async () => {
    const root = await fixture<HTMLElement & { store: ResponseStore }>(html`<email-responses>
      <response-summary email-id="e1"></response-summary>
      <audience-response-grid email-id="e1" time-zone="UTC" style="--email-responses-height: 400px"></audience-response-grid>
    </email-responses>`);
    const summary = root.querySelector('response-summary')!;
    const grid = root.querySelector('audience-response-grid')!;
    root.addEventListener('filter-request', (event) => grid.applyFilter((event as FilterRequestEvent).detail));
    await root.store.ingest(varied());
    root.store.flush();
    await summary.updateComplete;
    await settled(grid);
    stepButton(summary, 'not-delivered').click();
    await settled(grid);
    expect(grid.rowCount).to.equal(3);
    stepButton(summary, 'not-delivered').click();
    await settled(grid);
    expect(grid.rowCount).to.equal(14);
  });
});
