// Shared set-up for the grid's tests: big stores built fast, and a fixture that waits until the
// grid has measured itself and rendered its rows.
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import * as recipientRows from '../../../src/core/recipient-rows';
import { provideRowCode } from '../../../src/core/row-code';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import { BASE_TIME } from '../../support/events';

/**
 * A store with `count` recipients of email `big`, restored row by row (several times faster
 * than validating a million events): names `Person <i>`, addresses `p<i>@example.com`,
 * Delivered, with `i` minutes after BASE_TIME as the response time.
 */
export function bigStore(count: number): ResponseStore {
  // Rows are restored here at once, before the store's own load of the rows' code has landed.
  provideRowCode(recipientRows);
  const store = createResponseStore();
  const state = store.state;
  for (let i = 0; i < count; i++) {
    const at = BASE_TIME + i * 60_000;
    state.restoreRecipient({
      emailId: 'big',
      recipientId: `r${i}`,
      nonFinal: 'delivered',
      nonFinalAt: at,
      nonFinalReason: null,
      final: null,
      finalAt: Infinity,
      finalReason: null,
      opens: 0,
      clicks: 0,
      machineOpens: 0,
      firstAt: at,
      lastAt: at,
      meta: { contactName: [`Person ${i}`, at], address: [`p${i}@example.com`, at] },
    });
  }
  return store;
}

/** Lets the grid measure (ResizeObserver), render, and handle any scroll it caused. */
export async function settled(grid: AudienceResponseGridElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await grid.updateComplete;
    await nextFrame();
  }
  await grid.updateComplete;
}

export async function mountGrid(
  store: ResponseStore,
  emailId = 'e1',
  attributes: { columns?: string; timeZone?: string; height?: string } = {},
): Promise<AudienceResponseGridElement> {
  const grid = await fixture<AudienceResponseGridElement>(
    html`<audience-response-grid
      email-id=${emailId}
      columns=${attributes.columns ?? ''}
      time-zone=${attributes.timeZone ?? 'UTC'}
      style=${`--email-responses-height: ${attributes.height ?? '400px'}`}
      .store=${store}
    ></audience-response-grid>`,
  );
  await settled(grid);
  return grid;
}

/**
 * Clicks the Columns button and waits for the chooser: its panel's code loads on the first open,
 * so it appears a moment after the click.
 */
export async function openChooser(grid: AudienceResponseGridElement): Promise<HTMLElement> {
  grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="columns-button"]')!.click();
  await waitUntil(() => grid.shadowRoot!.querySelector('#column-chooser'), 'the column chooser did not open');
  await settled(grid);
  return grid.shadowRoot!.querySelector<HTMLElement>('#column-chooser')!;
}

export function scroller(grid: AudienceResponseGridElement): HTMLElement {
  return grid.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
}

/** Rendered data rows, top to bottom on screen. */
export function rows(grid: AudienceResponseGridElement): HTMLElement[] {
  return [...grid.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][data-index]')].sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  );
}

/** Rows whose whole box is inside the scroller's area below the header. */
export function visibleRows(grid: AudienceResponseGridElement): HTMLElement[] {
  const box = scroller(grid).getBoundingClientRect();
  const header = grid.shadowRoot!.querySelector('.header-group')!.getBoundingClientRect();
  return rows(grid).filter((row) => {
    const r = row.getBoundingClientRect();
    return r.top >= header.bottom - 0.5 && r.bottom <= box.bottom + 0.5;
  });
}

export function cellTexts(row: HTMLElement): string[] {
  return [...row.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
}

export function rowIndexes(list: HTMLElement[]): number[] {
  return list.map((row) => Number(row.getAttribute('aria-rowindex')));
}

/** Presses a key on the element holding focus inside the grid, the way a keyboard would. */
export function press(grid: AudienceResponseGridElement, key: string, options: KeyboardEventInit = {}): void {
  const target = (grid.shadowRoot!.activeElement as HTMLElement | null) ?? scroller(grid);
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...options }),
  );
}
