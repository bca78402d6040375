// The parts the browser draws itself (the grid's scrollbars and search field, the timeline's
// select and checkbox, every button) follow the theme in use: each element declares
// `color-scheme` for it: the page's, inherited (issue 13: the host page's scheme, not the OS
// alone), or the theme attribute's, and a host page can force one.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { mountGrid, settled } from '../audience-response-grid/grid-fixtures';
import { mountTimeline } from '../contact-response-timeline/timeline-fixtures';
import { mountSummary, varied } from '../response-summary/summary-fixtures';
import { contactEvent, recipientEvent } from '../../support/events';
import { storeWith } from '../../support/store';

/** Each element, and the native parts inside it, by a name for the failure message. */
async function mountAll(): Promise<Map<string, Element>> {
  const grid = await mountGrid(await storeWith([recipientEvent('delivered', 'ann', { contactName: 'Ann' })]));
  await settled(grid);
  const timeline = await mountTimeline(await storeWith([contactEvent('delivered', 'e1')]));
  const summary = await mountSummary(await storeWith(varied()));
  const inside = (host: Element, selector: string) => {
    const found = host.shadowRoot!.querySelector(selector);
    if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
    return found;
  };
  return new Map([
    ['grid', grid],
    ['grid scroller', inside(grid, '.scroller')],
    ['grid search field', inside(grid, 'input')],
    ['timeline', timeline],
    ['timeline select', inside(timeline, 'select')],
    ['timeline checkbox', inside(timeline, 'input[type="checkbox"]')],
    ['summary', summary],
    ['summary button', inside(summary, 'button')],
  ]);
}

const schemes = (parts: Map<string, Element>) =>
  [...parts].map(([name, part]) => `${name}: ${getComputedStyle(part).colorScheme}`);
const all = (parts: Map<string, Element>, scheme: string) => [...parts.keys()].map((name) => `${name}: ${scheme}`);

describe('the shared theme', () => {
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
  });

  it('declares the light colour scheme in light mode, for the elements and their native parts', async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = 'light';
    const parts = await mountAll();
    expect(schemes(parts)).to.deep.equal(all(parts, 'light'));
  });

  it('declares the dark colour scheme in dark mode, for the elements and their native parts', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    // A page that follows the OS says so; the elements and their native parts follow the page.
    document.documentElement.style.colorScheme = 'light dark';
    try {
      const parts = await mountAll();
      expect(schemes(parts)).to.deep.equal(all(parts, 'light dark'));
      expect(getComputedStyle(parts.get('grid')!).backgroundColor).to.equal('rgb(29, 31, 35)');
      for (const part of parts.values()) part.setAttribute('theme', 'dark');
      expect(schemes(new Map([...parts].filter(([name]) => !name.includes(' '))))).to.deep.equal([
        'grid: dark',
        'timeline: dark',
        'summary: dark',
      ]);
      expect(getComputedStyle(parts.get('timeline checkbox')!).colorScheme).to.equal('dark');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('lets a host page that themes an element dark on a light system say so with color-scheme', async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = 'light';
    const parts = await mountAll();
    const timeline = parts.get('timeline') as HTMLElement;
    timeline.style.colorScheme = 'dark';
    expect(getComputedStyle(parts.get('timeline checkbox')!).colorScheme).to.equal('dark');
    expect(getComputedStyle(parts.get('grid search field')!).colorScheme).to.equal('light');
  });
});
