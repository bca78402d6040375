// The views-anywhere checks (issue 13's proof), shared by the embed page's matrix
// (views-anywhere.e2e.test.ts) and the QA demo's (pages.e2e.test.ts): no element paints outside its
// host, the page never scrolls sideways, the grid's chips and five of its rows are in sight, the
// keyboard reaches every column's last cell with the cell on screen, axe-core finds nothing, the
// host page's own cards are in the views' theme, and a screenshot of each combination goes to
// test-results/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export const WIDTHS = [320, 390, 768, 1440];
export const SCHEMES = ['light', 'dark'] as const;
export const DIRS = ['ltr', 'rtl'] as const;
export const VIEWS = ['response-summary', 'audience-response-grid', 'contact-response-timeline'];

/**
 * Boxes of each view's shadow tree that lie outside its host. A box inside a scroller is clipped
 * by it, and a visually hidden one (clipped to nothing, for screen readers) paints nothing.
 */
export async function outsideHosts(page: Page, views: readonly string[] = VIEWS): Promise<string[]> {
  return await page.evaluate((views) => {
    const out: string[] = [];
    for (const tag of views) {
      for (const host of document.querySelectorAll(tag)) {
        const box = host.getBoundingClientRect();
        // A host the page made a scroller (the demo's timeline) clips its whole tree itself.
        const hostStyle = getComputedStyle(host);
        if (hostStyle.overflowX !== 'visible' && hostStyle.overflowY !== 'visible') continue;
        for (const el of host.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? []) {
          let clipped = false;
          for (let p = el.parentElement; p && !clipped; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.clipPath !== 'none')
              clipped = true;
          }
          if (clipped) continue;
          const own = getComputedStyle(el);
          if (own.clipPath !== 'none' || own.clip.startsWith('rect')) continue;
          // Not rendered: display none, or in a closed <details> (content-visibility: hidden).
          if (!el.checkVisibility({ visibilityProperty: true })) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            out.push(
              `${tag} ${el.localName}.${el.className}: ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} host ${Math.round(box.left)},${Math.round(box.top)}..${Math.round(box.right)},${Math.round(box.bottom)}`,
            );
          }
        }
      }
    }
    return out.slice(0, 10);
  }, views);
}

/** The document's width against the viewport's, and which hosts (or the page) stick out, outside any scroller. */
export async function pageWidth(page: Page): Promise<{ doc: number; view: number; by: string[] }> {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  return (await page.evaluate(`(() => {
    const all = [];
    const stack = [document];
    while (stack.length) { const root = stack.pop(); for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) stack.push(el.shadowRoot); } }
    const parentOf = (e) => e.parentElement || (e.getRootNode().host ?? null);
    const clipped = (e) => { for (let p = parentOf(e); p; p = parentOf(p)) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
    const where = (e) => (e.getRootNode().host ? e.getRootNode().host.localName : e.localName + (e.id ? '#' + e.id : e.className ? '.' + e.className : ''));
    return { doc: document.documentElement.scrollWidth, view: innerWidth,
      by: [...new Set(all.filter((e) => (e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1) && !clipped(e)).map(where))].slice(0, 8) };
  })()`)) as { doc: number; view: number; by: string[] };
}

/**
 * The focused grid cell's box against the viewport and the grid's scroller, and where the grid
 * sits in the document (its top plus the page's scroll: a page scroll leaves it, only a change
 * in the layout above the grid moves it).
 */
async function focusedCell(
  page: Page,
  shift = 0,
): Promise<{ text: string; col: number; inViewport: boolean; inGrid: boolean; gridTop: number }> {
  return await page.evaluate((shift) => {
    const grid = document.querySelector('audience-response-grid')!;
    const cell = grid.shadowRoot!.activeElement as HTMLElement;
    const scroller = grid.shadowRoot!.querySelector<HTMLElement>('[role=grid]')!;
    const r = cell.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    const top = r.top - shift;
    const bottom = r.bottom - shift;
    return {
      text: (cell.textContent ?? '').trim().slice(0, 40),
      col: Number(cell.closest<HTMLElement>('[data-col]')?.dataset['col'] ?? -1),
      inViewport: r.left >= -1 && r.right <= innerWidth + 1 && top >= -1 && bottom <= innerHeight + 1,
      inGrid: r.left >= s.left - 1 && r.right <= s.left + scroller.clientLeft + scroller.clientWidth + 1,
      gridTop: Math.round(grid.getBoundingClientRect().top + scrollY),
    };
  }, shift);
}

/**
 * Into the grid, to the last row, then along it: every column's last cell gets focus, on screen.
 * The page's other views stay live meanwhile: a summary that grows above the grid in the middle
 * of a step (a newly clicked link, say) pushes the revealed cell down by as much, which is the
 * page's layout and not the grid's reveal; the check then takes the cell where the reveal left it.
 */
export async function keyboardPath(page: Page, dir: 'ltr' | 'rtl'): Promise<void> {
  await page.locator('audience-response-grid').evaluate((grid) => grid.scrollIntoView({ block: 'start' }));
  await page.locator('audience-response-grid [role=grid] [tabindex="0"]').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Home');
  await delay(200);
  const columns = Number(await page.locator('audience-response-grid [role=grid]').getAttribute('aria-colcount'));
  assert.ok(columns >= 6, `the grid has its columns: ${columns}`);
  let gridTop = (await focusedCell(page)).gridTop;
  for (let col = 0; col < columns; col++) {
    if (col > 0) await page.keyboard.press(dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight');
    // The focus moves after the grid's update: on a busy machine that can take more than a frame.
    let cell = await focusedCell(page);
    for (let waited = 0; cell.col !== col && waited < 5_000; waited += 100) {
      await delay(100);
      cell = await focusedCell(page);
    }
    assert.equal(cell.col, col, `column ${col} has focus`);
    const shifted = cell.gridTop - gridTop;
    if (!cell.inViewport && shifted !== 0) cell = { ...(await focusedCell(page, shifted)), gridTop: cell.gridTop };
    assert.ok(
      cell.inGrid && cell.inViewport,
      `column ${col}'s last cell is on screen: ${JSON.stringify({ ...cell, shifted })}`,
    );
    gridTop = cell.gridTop;
  }
}

/**
 * What of the grid's chips and rows is out of sight. The chips: wherever the grid is wider than
 * 480 px, all of them (at 1440 px a box bounded to three lines hid the Response chips behind a
 * scroll bar; only while the user reads the rows may a new line wait a scroll away, and a resize
 * ends that); narrower, each group is one line beside its label, and a line with chips past its
 * edge shows a shade there. The rows: at least five whole ones at the top of the grid (at 390 px the demo's slim
 * rows, six lines each, left two).
 */
export async function gridInSight(page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    const out: string[] = [];
    const grid = document.querySelector('audience-response-grid')!;
    const root = grid.shadowRoot!;
    const area = root.querySelector<HTMLElement>('[part~="chips"]');
    if (!area) out.push('no chips');
    else if (grid.clientWidth > 480) {
      if (area.scrollHeight > area.clientHeight + 1)
        out.push(`chips out of sight at ${grid.clientWidth} px: ${area.scrollHeight} px in ${area.clientHeight}`);
    } else {
      for (const group of area.querySelectorAll<HTMLElement>('.chip-group')) {
        const tops = new Set(
          [...group.querySelectorAll('.chip')].map((c) => Math.round(c.getBoundingClientRect().top)),
        );
        if (tops.size !== 1) out.push(`a chip group on ${tops.size} lines at ${grid.clientWidth} px`);
        const line = group.querySelector<HTMLElement>('.chip-line')!;
        if (line.scrollWidth > line.clientWidth + 1 && !getComputedStyle(line).backgroundImage.includes('radial'))
          out.push('a chip group with chips past its edge and no shade');
        // Its label stands beside the line, out of its scroll: inside, it scrolled away with the chips.
        const label = [...group.querySelectorAll('[part~="chip-group-label"]')].find(
          (l) => l.getBoundingClientRect().width > 0,
        );
        if (!label || line.contains(label))
          out.push(`a chip group's label in its scrolling line at ${grid.clientWidth} px`);
      }
    }
    const scroller = root.querySelector<HTMLElement>('[role=grid]')!;
    const bottom = scroller.getBoundingClientRect().top + scroller.clientTop + scroller.clientHeight;
    const headerBottom = root.querySelector('.header-group')!.getBoundingClientRect().bottom;
    let whole = 0;
    for (const row of root.querySelectorAll('[role=row][data-index]')) {
      const r = row.getBoundingClientRect();
      if (r.top >= headerBottom - 0.5 && r.bottom <= bottom + 0.5) whole++;
    }
    if (whole < 5)
      out.push(
        `${whole} whole rows in sight, not 5 (rows ${Math.round(scroller.querySelector('.row')?.getBoundingClientRect().height ?? 0)} px, grid ${scroller.clientHeight} px)`,
      );
    return out;
  });
}

/** axe-core over the views; injected as a script (the context bypasses a strict CSP for it). */
export async function axeViolations(page: Page, views: readonly string[] = VIEWS): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return await page.evaluate(async (views) => {
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({ include: views.map((v) => [v]) }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`);
  }, views);
}

/**
 * Whether each view, and the host card around it, paints a dark background: a dark view in a
 * white card (or the other way round) is the slab issue 13 saw.
 */
export async function backgrounds(page: Page, card: string): Promise<Record<string, boolean>> {
  // A string, not a function: tsx would wrap the named helper in one the page does not have.
  return (await page.evaluate(`(() => {
    const dark = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const m = /rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)/.exec(getComputedStyle(e).backgroundColor);
        if (!m || (m[4] !== undefined && Number(m[4]) === 0)) continue;
        return 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) < 128;
      }
      return getComputedStyle(document.documentElement).colorScheme === 'dark';
    };
    const out = { page: dark(document.body), card: dark(document.querySelector(${JSON.stringify(card)})) };
    for (const tag of ${JSON.stringify(VIEWS)}) out[tag] = dark(document.querySelector(tag));
    return out;
  })()`)) as Record<string, boolean>;
}

/** Two animation frames: whatever the page had queued has rendered. */
export async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Runs a check; a failure is written down rather than thrown, so one run tells every defect. */
async function note(problems: string[], what: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/**
 * Every check for one combination of width, scheme and direction, on a page already showing it;
 * screenshots `${name}.png` (the full page) and `${name}-keys.png` (after the keyboard path).
 * Fails with every check that failed, not only the first.
 */
export async function checkCombination(
  page: Page,
  name: string,
  { scheme, dir, card }: { scheme: 'light' | 'dark'; dir: 'ltr' | 'rtl'; card: string },
): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await frames(page);
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true, timeout: 20_000 });
  const problems: string[] = [];
  await note(problems, 'direction', async () => {
    const directions = await page.evaluate(
      (views) => views.map((tag) => getComputedStyle(document.querySelector(tag)!).direction),
      VIEWS,
    );
    assert.deepEqual(directions, [dir, dir, dir], 'the views run in the page’s direction');
  });
  await note(problems, 'theme', async () => {
    const dark = await backgrounds(page, card);
    const want = Object.fromEntries(Object.keys(dark).map((key) => [key, scheme === 'dark']));
    assert.deepEqual(dark, want, `every view, its card and the page are ${scheme}: ${JSON.stringify(dark)}`);
  });
  await note(problems, 'inside the host', async () => {
    const out = await outsideHosts(page);
    assert.deepEqual(out, [], `no element paints outside its host: ${out.join('; ')}`);
  });
  await note(problems, 'page width', async () => {
    const wide = await pageWidth(page);
    assert.ok(
      wide.doc <= wide.view,
      `no horizontal page scroll: document ${wide.doc} px in ${wide.view} px, by ${wide.by.join(', ')}`,
    );
  });
  await note(problems, 'chips and rows in sight', async () => {
    const hidden = await gridInSight(page);
    assert.deepEqual(hidden, [], `the grid shows its chips and rows: ${hidden.join('; ')}`);
  });
  await note(problems, 'keyboard', () => keyboardPath(page, dir));
  await page.screenshot({ path: join(RESULTS, `${name}-keys.png`), timeout: 20_000 });
  await note(problems, 'axe', async () => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe-core finds no violation: ${violations.join('; ')}`);
  });
  assert.deepEqual(problems, [], `${name}: every check passes`);
}

/**
 * Shows a combination through the page's own display switches. Left to right follows the system
 * (theme "As the system", the OS in the scheme); right to left asks for the scheme by the theme
 * switch on a system in the other one, so both ways a host can get a theme are covered.
 */
export async function showCombination(
  page: Page,
  { width, scheme, dir }: { width: number; scheme: 'light' | 'dark'; dir: 'ltr' | 'rtl' },
): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const followSystem = dir === 'ltr';
  await page.emulateMedia({ colorScheme: followSystem ? scheme : scheme === 'dark' ? 'light' : 'dark' });
  await page.locator('#view-settings select[name=theme]').selectOption(followSystem ? 'auto' : scheme);
  await page.locator('#view-settings select[name=dir]').selectOption(dir);
  // As a visitor would first see it: the last combination's focus and scroll positions gone.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const scroller = document.querySelector('audience-response-grid')?.shadowRoot?.querySelector('[role=grid]');
    scroller?.scrollTo(0, 0);
    scrollTo(0, 0);
  });
  await frames(page);
}
