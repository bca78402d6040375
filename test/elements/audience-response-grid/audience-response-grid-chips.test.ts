// The filter chips (issue 13): a stage chip "Delivered 865" sat beside the response chip
// "Delivered 654" with nothing to tell them apart. Each kind is a group with a visible label,
// and all the chips stay one Tab stop with the arrows between them.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', address: 'cara@example.com', at: 1 }),
  ev('delivered', 'b', { contactName: 'Ann', address: 'ann@example.com', at: 2 }),
  ev('hard-bounce', 'c', { contactName: 'Bo', address: 'bo@example.com', at: 3 }),
];

/** Responses enough for five lines of chips at 620 px. */
const MANY = [
  'delivered',
  'opened',
  'opened-machine',
  'clicked',
  'hard-bounce',
  'soft-bounce',
  'unsubscribed',
  'spam-complaint',
  'rejected',
  'provider-delayed',
  'canceled-do-not-use-email',
  'canceled-invalid-email',
];
const manyResponses = () =>
  MANY.map((response, i) => ev(response, `r${i}`, { contactName: `P${i}`, address: `p${i}@example.com`, at: i + 1 }));

async function gridIn(width: number, dir: 'ltr' | 'rtl', events = people()): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" .store=${await storeWith(events)}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

/** The focused element's part when it is the chips area or inside it, else ''. */
const inChips = (root: ShadowRoot) =>
  root.activeElement?.closest('[part~="chips"]')
    ? root.activeElement.getAttribute('part') || root.activeElement.className
    : '';

const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

/**
 * A group's label as the eye finds it: the one of its labels that is drawn (a narrow grid's
 * stands before the chips' line, a wide grid's beside the first chip), with the text of the
 * label that names the group.
 */
function shownLabel(group: HTMLElement): HTMLElement {
  const drawn = [...group.querySelectorAll<HTMLElement>('[part~="chip-group-label"]')].filter(
    (label) => label.getBoundingClientRect().width > 0,
  );
  expect(drawn, 'one label drawn').to.have.length(1);
  const named = group.getRootNode() as ShadowRoot;
  expect(drawn[0]!.textContent).to.equal(named.getElementById(group.getAttribute('aria-labelledby')!)!.textContent);
  return drawn[0]!;
}

/** The box that scrolls a narrow grid's line of chips sideways. */
const lineOf = (group: HTMLElement) =>
  [group, ...group.querySelectorAll<HTMLElement>('*')].find((el) => getComputedStyle(el).overflowX === 'auto')!;

describe('<audience-response-grid> chip groups', () => {
  for (const dir of ['ltr', 'rtl'] as const)
    for (const width of [320, 1000]) {
      it(`labels the stage chips and the response chips as groups, one Tab stop (${width} px, ${dir})`, async () => {
        const grid = await gridIn(width, dir);
        const root = grid.shadowRoot!;
        const groups = [...root.querySelectorAll<HTMLElement>('[part~="chips"] [role="group"]')];
        const label = (group: HTMLElement) => root.getElementById(group.getAttribute('aria-labelledby')!)!;
        expect(groups.map((g) => label(g).textContent)).to.deep.equal(['Stage', 'Response']);
        // The labels are seen, not only heard.
        for (const group of groups) expect(getComputedStyle(shownLabel(group)).visibility).to.equal('visible');
        const [stage, response] = groups as [HTMLElement, HTMLElement];
        expect(words(stage.querySelector('[data-chip="delivered"]')!)).to.equal('Delivered 2');
        expect(words(response.querySelector('[data-chip="delivered"]')!)).to.equal('Delivered 2');
        expect(response.querySelector('[data-chip="hard-bounce"]')).to.not.equal(null);
        // The label is not a chip: the arrows skip it, and every chip but one is out of the Tab order.
        const chips = [...root.querySelectorAll<HTMLButtonElement>('.chip')];
        expect(chips.filter((c) => c.tabIndex === 0).map((c) => c.dataset['chip'])).to.deep.equal(['all']);
        chips[0]!.focus();
        await sendKeys({ press: 'End' });
        expect(root.activeElement).to.equal(chips[chips.length - 1]);
        await sendKeys({ press: 'Home' });
        await sendKeys({ press: dir === 'ltr' ? 'ArrowRight' : 'ArrowLeft' });
        expect((root.activeElement as HTMLElement).dataset['chip']).to.equal('sent');
        await settled(grid);
        expect(chips.filter((c) => c.tabIndex === 0).map((c) => c.dataset['chip'])).to.deep.equal(['sent']);
        // Tab leaves the chips, either way: a group that scrolls sideways is no Tab stop of its
        // own (browsers make a scroller whose children are out of the Tab order focusable).
        await sendKeys({ press: 'Tab' });
        expect(inChips(root)).to.equal('');
        root.querySelector<HTMLElement>('[data-chip="sent"]')!.focus();
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        expect(inChips(root)).to.equal('');
        // Nothing of the chips paints outside the host (a narrow grid's group, which scrolls
        // sideways, clips the chips past its edges, and is itself inside the host).
        const host = grid.getBoundingClientRect();
        for (const el of root.querySelectorAll<HTMLElement>('[part~="chips"] *')) {
          const r = el.getBoundingClientRect();
          const clip = el.parentElement?.closest<HTMLElement>('.chip-line');
          if (r.width === 0 || (clip && getComputedStyle(clip).overflowX !== 'visible')) continue;
          expect(r.left).to.be.at.least(host.left - 0.5);
          expect(r.right).to.be.at.most(host.right + 0.5);
        }
        // A label and its first chip share a line.
        for (const group of groups) {
          const first = group.querySelector('.chip')!.getBoundingClientRect();
          const box = shownLabel(group).getBoundingClientRect();
          expect(Math.abs(box.top + box.height / 2 - (first.top + first.height / 2))).to.be.below(2);
        }
        await expect(grid).to.be.accessible();
      });
    }

  // The screenshots at 1440 px: the Response chips past a third line were out of sight in a box
  // that scrolled, where the grid had all the room to show them.
  for (const width of [620, 1000])
    it(`shows every chip, wrapped, where the grid has the room (${width} px)`, async () => {
      const grid = await gridIn(width, 'ltr', manyResponses());
      const area = grid.shadowRoot!.querySelector<HTMLElement>('[part~="chips"]')!;
      const box = area.getBoundingClientRect();
      const chips = [...area.querySelectorAll<HTMLElement>('.chip')];
      expect(chips).to.have.length(1 + 8 + MANY.length);
      expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
      for (const chip of chips) {
        const r = chip.getBoundingClientRect();
        expect(r.top, words(chip)).to.be.at.least(box.top - 0.5);
        expect(r.bottom, words(chip)).to.be.at.most(box.bottom + 0.5);
        expect(r.left, words(chip)).to.be.at.least(box.left - 0.5);
        expect(r.right, words(chip)).to.be.at.most(box.right + 0.5);
      }
      // It means something only with more lines than the three the area used to stop at.
      expect(new Set(chips.map((c) => Math.round(c.getBoundingClientRect().top))).size).to.be.above(3);
    });

  // At 320 px two wrapped lines held All and a few Stage chips, the Response chips out of sight.
  for (const dir of ['ltr', 'rtl'] as const)
    for (const width of [320, 390])
      it(`gives each group a line that scrolls sideways, with a shade at the edge, in a narrow grid (${width} px, ${dir})`, async () => {
        const grid = await gridIn(width, dir, manyResponses());
        const root = grid.shadowRoot!;
        const area = root.querySelector<HTMLElement>('[part~="chips"]')!;
        const groups = [...area.querySelectorAll<HTMLElement>('.chip-group')];
        const host = grid.getBoundingClientRect();
        const lines = new Set<number>();
        for (const group of groups) {
          const tops = [...group.querySelectorAll('.chip')].map((c) => Math.round(c.getBoundingClientRect().top));
          expect(new Set(tops).size, 'one line a group').to.equal(1);
          lines.add(tops[0]!);
          const line = lineOf(group);
          const style = getComputedStyle(line);
          expect(style.overflowX).to.equal('auto');
          // More chips than the line holds: they are a scroll away, and the shade at the edge says so.
          expect(line.scrollWidth).to.be.above(line.clientWidth);
          expect(style.backgroundAttachment).to.equal('local, local, scroll, scroll');
          expect(style.backgroundImage).to.contain('radial-gradient');
          // The chips let the shade through: a chip's own background would hide it.
          const chip = group.querySelector<HTMLElement>('.chip[aria-pressed="false"]')!;
          expect(getComputedStyle(chip).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
          const r = group.getBoundingClientRect();
          expect(r.left).to.be.at.least(host.left - 0.5);
          expect(r.right).to.be.at.most(host.right + 0.5);
        }
        // Both groups are in sight, All on the Stage line, and the chips area does not scroll.
        expect(lines.size).to.equal(2);
        const all = root.querySelector<HTMLElement>('[data-chip="all"]')!.getBoundingClientRect();
        // (within a few px: a scroll bar under the Stage chips, where one shows, centres them higher)
        expect(Math.abs(all.top - [...lines][0]!)).to.be.below(all.height / 2);
        expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
        // The keys bring a chip past the edge into sight.
        const chips = [...area.querySelectorAll<HTMLElement>('.chip')];
        chips[0]!.focus();
        await sendKeys({ press: 'End' });
        const last = chips[chips.length - 1]!.getBoundingClientRect();
        const group = lineOf(groups[groups.length - 1]!).getBoundingClientRect();
        expect(last.left).to.be.at.least(group.left - 0.5);
        expect(last.right).to.be.at.most(group.right + 0.5);
      });

  // The reviewer's 320 px screenshots: scrolled to its end, the Response line had lost its
  // "Response" label with the chips it had scrolled past; it now stands before the line.
  for (const dir of ['ltr', 'rtl'] as const)
    for (const width of [320, 390])
      it(`keeps each group's label in place while its chips scroll (${width} px, ${dir})`, async () => {
        const grid = await gridIn(width, dir, manyResponses());
        const root = grid.shadowRoot!;
        const host = grid.getBoundingClientRect();
        for (const group of root.querySelectorAll<HTMLElement>('.chip-group')) {
          const label = shownLabel(group);
          const before = label.getBoundingClientRect();
          const line = lineOf(group);
          // To the end of the line, then halfway back: a shade at each edge with chips past it.
          for (const to of [line.scrollWidth, line.scrollWidth / 2]) {
            line.scrollLeft = dir === 'rtl' ? -to : to;
            await settled(grid);
            expect(Math.abs(line.scrollLeft), 'the line scrolled').to.be.above(0);
            const after = shownLabel(group).getBoundingClientRect();
            expect([after.left, after.top, after.width]).to.deep.equal([before.left, before.top, before.width]);
            // No chip draws over it: the line that clips them is beside it, not under it.
            const box = line.getBoundingClientRect();
            if (dir === 'ltr') expect(box.left).to.be.at.least(after.right - 0.5);
            else expect(box.right).to.be.at.most(after.left + 0.5);
            expect(after.left).to.be.at.least(host.left - 0.5);
            expect(after.right).to.be.at.most(host.right + 0.5);
          }
          expect(getComputedStyle(line).backgroundAttachment).to.equal('local, local, scroll, scroll');
        }
        // Still one Tab stop: Tab from the chips leaves them, the lines are no stops of their own.
        root.querySelector<HTMLElement>('[data-chip="all"]')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(inChips(root)).to.equal('');
        await expect(grid).to.be.accessible();
      });

  it('marks the chosen chip with a check, not a ring that reads as a second focus', async () => {
    const grid = await gridIn(1000, 'ltr');
    const root = grid.shadowRoot!;
    const chip = (name: string) => root.querySelector<HTMLButtonElement>(`[part~="chips"] [data-chip="${name}"]`)!;
    const check = (name: string) => getComputedStyle(chip(name), '::before').content;
    expect([check('all'), check('sent')]).to.deep.equal(['"✓" / ""', 'none']);
    expect(getComputedStyle(chip('all')).boxShadow).to.equal('none');
    expect(words(chip('all')), 'the check is not in its name').to.equal('All 3');
    chip('sent').click();
    await settled(grid);
    expect([check('all'), check('sent')]).to.deep.equal(['none', '"✓" / ""']);
  });
});
