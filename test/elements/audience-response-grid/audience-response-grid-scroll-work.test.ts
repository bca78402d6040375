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

  beforeEach(async () => {
    grid = await mountGrid(store, 'big');
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
    // Times show to the second, so a new second redraws every row by design: the clock stands
    // still here, or a step across a second's boundary would count every kept row too.
    const at = store.now();
    store.now = () => at;
    try {
      await work();
    } finally {
      delete (state as Partial<typeof state>).recipientAt;
      delete (store as Partial<ResponseStore>).now;
    }
    return count;
  }

  /**
   * Waits until the grid reads nothing on its own: on a loaded machine a mount's late work (a
   * size measured a frame later, a font) can land inside the step measured, which is not what
   * a scroll costs. A grid that never comes to rest fails here.
   */
  async function atRest(): Promise<void> {
    let read = -1;
    for (let tries = 0; tries < 20 && read !== 0; tries++) read = await recipientsRead(() => settled(grid));
    expect(read, 'a grid left alone reads no recipient').to.equal(0);
  }

  it('reads only the recipients coming into view when a wheel step scrolls two rows', async () => {
    await atRest();
    const shown = visibleRows(grid).length;
    expect(shown).to.be.greaterThan(6);
    const read = await recipientsRead(async () => {
      scroller(grid).scrollTop += 2 * ROW;
      await settled(grid);
    });
    expect(read).to.be.within(1, 4);
  });

  it('reads only the rows a taller panel adds, not the rows it keeps', async () => {
    await atRest();
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
