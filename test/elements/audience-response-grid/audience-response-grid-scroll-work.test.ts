// What a scroll frame costs: the rows coming into view, not the rows kept in view, and nothing
// more when the scroll stops where the rows already stand. At a million recipients the bench's
// first scroll frames after mount ran over 50 ms rebuilding every kept row twice a frame.
import { expect } from '@open-wc/testing';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { bigStore, cellTexts, mountGrid, scroller, settled, visibleRows } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';

const ROW = 36;

describe('<audience-response-grid> scroll frames', function () {
  this.timeout(30_000);
  let store: ResponseStore;
  let grid: AudienceResponseGridElement;

  before(() => {
    store = bigStore(10_000);
  });

  // Times show to the second, so a new second redraws every row by design: the store's clock
  // stands still from before the grid mounts to the test's end. Frozen only while a step was
  // measured, the second could differ from the one the grid last drew in (more often in Firefox,
  // slower), and every kept row was counted (16).
  beforeEach(async () => {
    const at = store.now();
    store.now = () => at;
    grid = await mountGrid(store, 'big');
  });

  afterEach(() => {
    delete (store as Partial<ResponseStore>).now;
  });

  /** Counts the recipients the grid reads from the store while `work` runs. */
  async function recipientsRead(work: () => Promise<void>): Promise<number> {
    const state = store.state;
    const read = state.recipientAt.bind(state);
    let count = 0;
    state.recipientAt = (row) => {
      count++;
      return read(row);
    };
    try {
      await work();
    } finally {
      delete (state as Partial<typeof state>).recipientAt;
    }
    return count;
  }

  it('reads only the recipients coming into view when a wheel step scrolls two rows', async () => {
    const shown = visibleRows(grid).length;
    expect(shown).to.be.greaterThan(6);
    const read = await recipientsRead(async () => {
      scroller(grid).scrollTop += 2 * ROW;
      await settled(grid);
    });
    expect(read).to.be.within(1, 4);
  });

  it('reads only the rows a taller panel adds, not the rows it keeps', async () => {
    const read = await recipientsRead(async () => {
      grid.style.setProperty('--email-responses-height', `${400 + 2 * ROW}px`);
      await settled(grid);
    });
    expect(read).to.be.within(1, 4);
  });

  it('still shows a kept row’s new response once the store changes', async () => {
    scroller(grid).scrollTop += 2 * ROW;
    await settled(grid);
    const kept = visibleRows(grid).find((row) => cellTexts(row)[0] === 'Person 5')!;
    expect(cellTexts(kept).slice(2, 5)).to.deep.equal(['Delivered', '0', '0']);
    await store.ingest([ev('clicked', 'r5', { emailId: 'big', at: 2_000_000 })]);
    store.flush();
    await settled(grid);
    const row = visibleRows(grid).find((r) => cellTexts(r)[0] === 'Person 5')!;
    expect(cellTexts(row).slice(2, 5)).to.deep.equal(['Clicked', '1', '1']);
  });

  it('renders nothing more when a scroll stops where the rows already stand', async () => {
    scroller(grid).scrollTop += 3 * ROW;
    await settled(grid);
    scroller(grid).dispatchEvent(new Event('scrollend'));
    expect(grid.isUpdatePending).to.equal(false);
  });
});
