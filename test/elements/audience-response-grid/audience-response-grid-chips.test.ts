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
        for (const group of groups) {
          const box = label(group).getBoundingClientRect();
          expect(box.width).to.be.above(0);
          expect(getComputedStyle(label(group)).visibility).to.equal('visible');
        }
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
          const clip = el.parentElement?.closest<HTMLElement>('.chip-group');
          if (r.width === 0 || (clip && getComputedStyle(clip).overflowX !== 'visible')) continue;
          expect(r.left).to.be.at.least(host.left - 0.5);
          expect(r.right).to.be.at.most(host.right + 0.5);
        }
        // A label and its first chip share a line.
        for (const group of groups) {
          const first = group.querySelector('.chip')!.getBoundingClientRect();
          const box = label(group).getBoundingClientRect();
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
          const style = getComputedStyle(group);
          expect(style.overflowX).to.equal('auto');
          // More chips than the line holds: they are a scroll away, and the shade at the edge says so.
          expect(group.scrollWidth).to.be.above(group.clientWidth);
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
        const group = groups[groups.length - 1]!.getBoundingClientRect();
        expect(last.left).to.be.at.least(group.left - 0.5);
        expect(last.right).to.be.at.most(group.right + 0.5);
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
