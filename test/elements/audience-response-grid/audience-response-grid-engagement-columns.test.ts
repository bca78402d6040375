// The engagement columns of issue 13 (first open, last open, last click, clicked link): hidden by
// default, chosen in the chooser, said by `columns` and kept in the cache; times in the grid's zone
// and language, the link isolated left-to-right with its whole text as tooltip; sortable, live,
// and in the CSV with the zone in the time columns' names.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { formatColumns, parseColumns } from '../../../src/elements/audience-response-grid/grid-columns';
import { TimeFormatter } from '../../../src/elements/shared/time-format';
import { loadGridColumns } from '../../../src/store/cache/grid-columns';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import { cellTexts, openChooser, rows, scroller, settled } from './grid-fixtures';
import { minutes, recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const LONG = 'https://shop.example/spring-sale/very/long/path/to/the/landing-page?utm_source=email&utm_campaign=spring';

const people = () => [
  ev('delivered', 'a', { contactName: 'Ann', at: 0 }),
  ev('opened', 'a', { at: 10 }),
  ev('opened', 'a', { at: 70 }),
  ev('clicked', 'b', { contactName: 'Bob', at: 20, url: 'https://shop.example/b' }),
  ev('clicked', 'b', { at: 40, url: LONG }),
  ev('opened-machine', 'c', { contactName: 'Cy', at: 5 }),
];

const ENGAGEMENT = 'contact,first-open,last-open,last-click,clicked-link';
const headers = (grid: AudienceResponseGridElement) =>
  [...scroller(grid).querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset['column']);
const rowOf = (grid: AudienceResponseGridElement, name: string) => rows(grid).find((r) => cellTexts(r)[0] === name)!;
const cell = (row: HTMLElement, column: string) => row.querySelector<HTMLElement>(`[data-column="${column}"]`)!;
const names = (grid: AudienceResponseGridElement) => rows(grid).map((r) => cellTexts(r)[0]);

async function gridIn(
  store: ResponseStore,
  columns: string,
  options: { dir?: 'ltr' | 'rtl'; id?: string; timeZone?: string } = {},
): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${options.dir ?? 'ltr'} style="width:1200px">
    <audience-response-grid
      id=${options.id ?? ''}
      email-id="e1"
      time-zone=${options.timeZone ?? 'UTC'}
      columns=${columns}
      .store=${store}
    ></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

describe('<audience-response-grid> engagement columns', () => {
  it('hides them by default and offers them in the chooser; choosing one shows it and says so in columns', async () => {
    const grid = await gridIn(await storeWith(people()), '');
    expect(headers(grid)).to.deep.equal(['contact', 'address', 'response', 'opens', 'clicks', 'last-response']);
    await openChooser(grid);
    const chooser = grid.shadowRoot!.querySelector<HTMLElement>('#column-chooser')!;
    const options = [...chooser.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(options.map((b) => b.dataset['column'])).to.include.members([
      'first-open',
      'last-open',
      'last-click',
      'clicked-link',
    ]);
    expect(chooser.querySelector('[data-column="first-open"]')!.closest('label')!.textContent!.trim()).to.equal(
      'First open',
    );
    const changed = oneEvent(grid, 'columns-change');
    chooser.querySelector<HTMLInputElement>('[data-column="clicked-link"]')!.click();
    const event = (await changed) as CustomEvent<{ columns: string }>;
    await settled(grid);
    expect(event.detail.columns).to.equal('contact,address,response,opens,clicks,last-response,clicked-link');
    expect(headers(grid)).to.include('clicked-link');
    expect(cell(rowOf(grid, 'Bob'), 'clicked-link').textContent!.trim()).to.equal(LONG);
    await expect(grid).to.be.accessible();
  });

  it('reads no events while no engagement column is shown or sorted by', async () => {
    const store = await storeWith(people());
    let reads = 0;
    const appliedEvents = store.appliedEvents.bind(store);
    store.appliedEvents = () => (reads++, appliedEvents());
    const grid = await gridIn(store, '');
    grid.sortBy = 'opens';
    await store.ingest([ev('opened', 'c', { at: 80 })]);
    store.flush();
    await settled(grid);
    await grid.csv();
    expect(reads).to.equal(0);
    grid.columns = 'contact,last-open';
    await settled(grid);
    expect(reads).to.be.above(0);
  });

  it('shows times in the grid’s zone and language, and nothing for a recipient without opens', async () => {
    const grid = await gridIn(await storeWith(people()), ENGAGEMENT, { timeZone: 'Asia/Tokyo' });
    const time = new TimeFormatter(undefined, 'Asia/Tokyo');
    const text = (at: number) => time.format(at, Date.now()).text;
    expect(cellTexts(rowOf(grid, 'Ann'))).to.deep.equal(['Ann', text(minutes(10)), text(minutes(70)), '', '']);
    expect(cellTexts(rowOf(grid, 'Bob'))).to.deep.equal([
      'Bob',
      text(minutes(20)),
      text(minutes(40)),
      text(minutes(40)),
      LONG,
    ]);
    // A machine open is not a person opening: empty, like a recipient with no event at all.
    expect(cellTexts(rowOf(grid, 'Cy'))).to.deep.equal(['Cy', '', '', '', '']);
    const first = cell(rowOf(grid, 'Ann'), 'first-open').querySelector('time')!;
    expect(first.getAttribute('datetime')).to.equal(new Date(minutes(10)).toISOString());
    expect(first.getAttribute('title')).to.equal('2026-01-01 00:10:00 UTC');
    expect(headers(grid)).to.deep.equal(ENGAGEMENT.split(','));
    expect(
      [...scroller(grid).querySelectorAll('[role="columnheader"]')].map((h) =>
        h.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    ).to.deep.equal(['Contact', 'First open', 'Last open', 'Last click', 'Clicked link']);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`shows the link isolated left to right, its whole text the tooltip and the accessible name (${dir})`, async () => {
      const store = await storeWith([
        ...people(),
        ev('clicked', 'd', { contactName: 'Dee', at: 50, url: 'https://evil.example/\u202Egpj.exe' }),
      ]);
      const grid = await gridIn(store, 'contact:120,clicked-link:160', { dir });
      const link = cell(rowOf(grid, 'Bob'), 'clicked-link');
      expect(link.getAttribute('title')).to.equal(LONG);
      const span = link.querySelector<HTMLElement>('[dir="ltr"]')!;
      expect(span.textContent).to.equal(LONG);
      expect(getComputedStyle(span).direction).to.equal('ltr');
      // Cut to fit its 160 px, the cell still holds the whole URL for screen readers.
      expect(span.scrollWidth).to.be.above(span.clientWidth);
      expect(link.getBoundingClientRect().width).to.be.within(159, 161);
      // A bidi override in the data is shown, not obeyed.
      expect(cell(rowOf(grid, 'Dee'), 'clicked-link').textContent!.trim()).to.equal(
        'https://evil.example/⟨U+202E⟩gpj.exe',
      );
      await expect(grid).to.be.accessible();
    });
  }

  it('sorts by the times (newest first on the first click) and by the link’s text, rows without a value last', async () => {
    const store = await storeWith([
      ...people(),
      ev('clicked', 'e', { contactName: 'Eve', at: 30, url: 'https://A.example/' }),
    ]);
    const grid = await gridIn(store, ENGAGEMENT);
    const sortButton = (column: string) =>
      scroller(grid).querySelector<HTMLButtonElement>(`[role="columnheader"][data-column="${column}"] button`)!;
    sortButton('last-open').click();
    await settled(grid);
    expect(grid.sortBy).to.equal('last-open');
    expect(grid.sortDirection).to.equal('descending');
    expect(names(grid)).to.deep.equal(['Ann', 'Bob', 'Eve', 'Cy']);
    sortButton('last-open').click();
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Eve', 'Bob', 'Ann', 'Cy']);
    sortButton('clicked-link').click();
    await settled(grid);
    expect(grid.sortDirection).to.equal('ascending');
    // Folded text: "https://a.example/" before "https://shop…"; no link last.
    expect(names(grid)).to.deep.equal(['Eve', 'Bob', 'Ann', 'Cy']);
    expect(
      scroller(grid).querySelector('[role="columnheader"][data-column="clicked-link"]')!.getAttribute('aria-sort'),
    ).to.equal('ascending');
    grid.setAttribute('sort-by', 'first-open');
    grid.setAttribute('sort-direction', 'ascending');
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Ann', 'Bob', 'Eve', 'Cy']);
  });

  it('updates the cells live as opens and clicks arrive', async () => {
    const store = await storeWith(people());
    const grid = await gridIn(store, ENGAGEMENT);
    expect(cellTexts(rowOf(grid, 'Cy')).slice(1)).to.deep.equal(['', '', '', '']);
    await store.ingest([ev('clicked', 'c', { at: 90, url: 'https://shop.example/c' })]);
    store.flush();
    await settled(grid);
    const time = new TimeFormatter(undefined, 'UTC');
    const at = time.format(minutes(90), Date.now()).text;
    expect(cellTexts(rowOf(grid, 'Cy')).slice(1)).to.deep.equal([at, at, at, 'https://shop.example/c']);
  });

  it('reads and writes the ids in the columns attribute, widths included', async () => {
    const choices = parseColumns('contact, first-open:200 last-open,last-click:150,clicked-link:300');
    expect(choices).to.deep.equal([
      { id: 'contact' },
      { id: 'first-open', width: 200 },
      { id: 'last-open' },
      { id: 'last-click', width: 150 },
      { id: 'clicked-link', width: 300 },
    ]);
    expect(formatColumns(choices)).to.equal('contact,first-open:200,last-open,last-click:150,clicked-link:300');
    // Only the two columns older pages named are added to the default six: a chosen
    // "contact and first open" reads back as just those.
    expect(parseColumns('first-open').map((c) => c.id)).to.deep.equal(['first-open']);
    const grid = await gridIn(await storeWith(people()), formatColumns(choices));
    expect(headers(grid)).to.deep.equal(ENGAGEMENT.split(','));
    const width = (id: string) =>
      Math.round(
        scroller(grid).querySelector(`[role="columnheader"][data-column="${id}"]`)!.getBoundingClientRect().width,
      );
    expect([width('first-open'), width('last-click'), width('clicked-link')]).to.deep.equal([200, 150, 300]);
  });

  it('keeps a chosen engagement column in the cache for the next visit', async () => {
    const cacheName = `engagement-columns-${Math.random()}`;
    const id = `grid-${Math.random().toString(36).slice(2)}`;
    const first = await storeWith(people(), { cacheName });
    const grid = await gridIn(first, '', { id });
    await openChooser(grid);
    grid.shadowRoot!.querySelector<HTMLInputElement>('#column-chooser [data-column="last-click"]')!.click();
    await settled(grid);
    let saved: string | undefined;
    for (let i = 0; i < 50 && saved === undefined; i++) {
      saved = await loadGridColumns(id);
      if (saved === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(saved).to.equal('contact,address,response,opens,clicks,last-response,last-click');
    first.close();
    const second = createResponseStore({ cacheName });
    await second.ready;
    const again = await gridIn(second, 'contact', { id });
    for (let i = 0; i < 50 && !headers(again).includes('last-click'); i++) await settled(again);
    expect(headers(again)).to.include('last-click');
    // The events came back from the cache with the rows: the time is there too.
    const bob = rowOf(again, 'Bob');
    expect(cell(bob, 'last-click').querySelector('time')!.getAttribute('datetime')).to.equal(
      new Date(minutes(40)).toISOString(),
    );
    second.close();
  });

  it('writes the shown engagement columns in the CSV, the zone in the time columns’ names, header on line 1', async () => {
    const grid = await gridIn(await storeWith(people()), `address,${ENGAGEMENT}`, { timeZone: 'America/New_York' });
    grid.sortBy = 'contact';
    await settled(grid);
    const lines = (await grid.csv()).split('\r\n');
    expect(lines[0]).to.equal(
      'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (America/New_York),' +
        'First open (America/New_York),Last open (America/New_York),Last click (America/New_York),Clicked link,' +
        'Recipient id,Contact id',
    );
    expect(lines[1]).to.equal(
      'Ann,,Delivered,Opened,no,,2,0,2025-12-31 20:10:00,2025-12-31 19:10:00,2025-12-31 20:10:00,,,a,',
    );
    expect(lines[2]).to.equal(
      `Bob,,Delivered,Clicked,no,,1,2,2025-12-31 19:40:00,2025-12-31 19:20:00,2025-12-31 19:40:00,2025-12-31 19:40:00,${LONG},b,`,
    );
    expect(lines[3]).to.equal('Cy,,Delivered,Opened (machine),no,,0,0,2025-12-31 19:05:00,,,,,c,');
    // Hidden columns stay out of the CSV.
    grid.columns = 'contact,first-open';
    await settled(grid);
    expect((await grid.csv()).split('\r\n')[0]).to.equal(
      'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (America/New_York),' +
        'First open (America/New_York),Recipient id,Contact id',
    );
  });
});
