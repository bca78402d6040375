// The grid's count-based filter: recipients who opened, clicked, or were opened by machines
// only, whatever their response; its chip, and how it combines with the other chips.
import { expect } from '@open-wc/testing';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { AudienceEngagement } from '../../../src/store/audience/audience-query';
import { cellTexts, mountGrid, rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const people = () => [
  ev('delivered', 'a', { contactName: 'Plain' }),
  ev('opened', 'b', { contactName: 'Reader' }),
  ev('clicked', 'c', { contactName: 'Clicker', at: 1 }),
  ev('unsubscribed', 'c', { at: 2 }),
  ev('opened-machine', 'd', { contactName: 'Bot' }),
  ev('hard-bounce', 'e', { contactName: 'Gone', at: 1 }),
  ev('opened', 'e', { at: 2 }),
];

const names = (grid: AudienceResponseGridElement) => rows(grid).map((row) => cellTexts(row)[0]);
const chip = (grid: AudienceResponseGridElement, name: string) =>
  grid.shadowRoot!.querySelector<HTMLButtonElement>(`[data-chip="${name}"]`);
const count = (grid: AudienceResponseGridElement, name: string) =>
  Number(chip(grid, name)!.querySelector('.chip-count')!.textContent);

describe('<audience-response-grid> engagement filter', () => {
  it('shows Delivered recipients by what they did, whatever their response, and opens before a bounce apart', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.applyFilter({ engagement: 'opened' });
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Reader', 'Clicker']);
    grid.applyFilter({ engagement: 'opened-not-delivered' });
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Gone']);
    grid.applyFilter({ engagement: 'clicked' });
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Clicker']);
    grid.applyFilter({ engagement: 'machine-opened' });
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Bot']);
    grid.applyFilter({});
    await settled(grid);
    expect(grid.rowCount).to.equal(5);
    expect(chip(grid, 'engagement')).to.equal(null);
  });

  it('shows a pressed chip while set, narrows the other chips, keeps it on All and drops it on its own chip', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.applyFilter({ engagement: 'opened' });
    await settled(grid);
    expect(chip(grid, 'engagement')!.getAttribute('aria-pressed')).to.equal('true');
    expect(chip(grid, 'engagement')!.textContent).to.contain('Unique opens');
    expect([
      count(grid, 'engagement'),
      count(grid, 'all'),
      count(grid, 'sent'),
      count(grid, 'delivered'),
      count(grid, 'not-delivered'),
    ]).to.deep.equal([2, 2, 2, 2, 0]);
    chip(grid, 'final')!.click();
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Clicker']);
    chip(grid, 'all')!.click();
    await settled(grid);
    expect(grid.filter).to.deep.equal({ engagement: 'opened' });
    expect(grid.rowCount).to.equal(2);
    chip(grid, 'engagement')!.click();
    await settled(grid);
    expect(grid.filter.engagement).to.equal(undefined);
    expect(grid.rowCount).to.equal(5);
  });

  it('moves a row in when only its counters change', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    grid.applyFilter({ engagement: 'opened-not-delivered' });
    await settled(grid);
    // Bot's final Hard Bounce comes after its machine open; then a human open moves it in.
    await store.ingest([ev('hard-bounce', 'd', { at: 5 }), ev('opened', 'd', { at: 6 })]);
    store.flush();
    await settled(grid);
    expect(names(grid)).to.deep.equal(['Bot', 'Gone']);
    expect(cellTexts(rows(grid)[0]!)[2]).to.contain('Hard Bounce');
  });

  it('warns once about an engagement it does not know and ignores it', async () => {
    const grid = await mountGrid(await storeWith(people()));
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      grid.applyFilter({ engagement: 'bounced' as AudienceEngagement });
      await settled(grid);
    } finally {
      console.warn = original;
    }
    expect(grid.rowCount).to.equal(5);
    expect(warnings).to.deep.equal([
      'email-responses: <audience-response-grid> filter has no engagement "bounced"; use opened, clicked, machine-opened, opened-not-delivered.',
    ]);
  });
});
