// Themes: `theme="light|dark|auto"`; without it the grid follows the host page's color-scheme
// (not the OS alone); every text, chosen chips included, has at least 4.5:1 contrast in both.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

type Rgba = [number, number, number, number];

function parse(color: string): Rgba {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`unparsed colour ${color}`);
  const parts = m[1]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

function luminance([r, g, b]: Rgba): number {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/** The first opaque background behind an element, through the shadow boundary. */
function backgroundOf(el: Element): Rgba {
  for (
    let node: Element | null = el;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0.5) return bg;
  }
  return [255, 255, 255, 1];
}

function contrast(el: Element): number {
  const a = luminance(parse(getComputedStyle(el).color));
  const b = luminance(backgroundOf(el));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Elements with text of their own (not only their children's). */
function texts(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].filter(
    (el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') &&
      !el.closest('.visually-hidden'),
  );
}

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', at: 1 }),
  ev('soft-bounce', 'b', { contactName: 'Ann', reason: '452 mailbox full', at: 2 }),
  ev('sent-to-provider', 'c', { contactName: 'Bob', at: 3 }),
  ev('hard-bounce', 'd', { contactName: 'Dora', reason: '550 5.1.1', at: 5 }),
];

async function gridIn(
  store: ResponseStore,
  pageScheme: string,
  theme?: string,
  accent?: string,
): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div style=${`color-scheme:${pageScheme};width:900px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" theme=${theme ?? ''} style=${accent ? `--email-responses-accent:${accent}` : ''} .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  if (!theme) grid.removeAttribute('theme');
  await settled(grid);
  return grid;
}

const isDark = (grid: Element) => luminance(parse(getComputedStyle(grid).backgroundColor)) < 0.2;

describe('<audience-response-grid> themes', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it("follows the host page's color-scheme by default, not the OS alone", async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const store = await storeWith(people());
    expect(isDark(await gridIn(store, 'light'))).to.equal(false);
    expect(isDark(await gridIn(store, 'light dark'))).to.equal(true);
    expect(isDark(await gridIn(store, 'dark'))).to.equal(true);
    await emulateMedia({ colorScheme: 'light' });
    expect(isDark(await gridIn(store, 'light dark'))).to.equal(false);
  });

  // The shared theme's rules, which the grid's own styles no longer repeat.
  it('hides with the hidden attribute, and rings the focused search field and button in the accent', async () => {
    const grid = await gridIn(await storeWith(people()), 'light', 'light', 'rgb(200, 0, 100)');
    const search = grid.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ press: 'Tab' });
    const button = grid.shadowRoot!.activeElement as HTMLElement;
    expect(button.localName).to.equal('button');
    for (const el of [button, search]) {
      el.focus();
      const style = getComputedStyle(el);
      expect([style.outlineStyle, style.outlineWidth, style.outlineColor, style.outlineOffset]).to.deep.equal([
        'solid',
        '2px',
        'rgb(200, 0, 100)',
        '1px',
      ]);
    }
    grid.hidden = true;
    expect(getComputedStyle(grid).display).to.equal('none');
  });

  it('takes theme="light", "dark" and "auto" over the page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const store = await storeWith(people());
    expect(isDark(await gridIn(store, 'light', 'dark'))).to.equal(true);
    expect(isDark(await gridIn(store, 'dark', 'light'))).to.equal(false);
    expect(isDark(await gridIn(store, 'light', 'auto'))).to.equal(true);
    const grid = await gridIn(store, 'light', 'auto');
    expect(grid.theme).to.equal('auto');
  });

  for (const theme of ['light', 'dark']) {
    it(`gives every text and chosen chip at least 4.5:1 in the ${theme} theme, with a host's accent`, async () => {
      const grid = await gridIn(await storeWith(people()), 'light', theme, '#1d4ed8');
      grid.applyFilter({ groups: ['sent'] });
      await settled(grid);
      const low = texts(grid.shadowRoot!)
        .map((el) => ({
          what: `${el.localName}.${el.className} "${el.textContent!.trim().slice(0, 20)}"`,
          ratio: Math.round(contrast(el) * 100) / 100,
        }))
        .filter((t) => t.ratio < 4.5);
      expect(low).to.deep.equal([]);
    });
  }
});
