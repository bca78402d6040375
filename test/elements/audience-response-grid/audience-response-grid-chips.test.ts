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

async function gridIn(width: number, dir: 'ltr' | 'rtl'): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div dir=${dir} style=${`width:${width}px`}>
    <audience-response-grid email-id="e1" time-zone="UTC" .store=${await storeWith(people())}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

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
        // Nothing of the chips paints outside the host.
        const host = grid.getBoundingClientRect();
        for (const el of root.querySelectorAll<HTMLElement>('[part~="chips"] *')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
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

  it('shows at most three lines of chips on a wide grid, the rest a scroll away, so the rows keep their room', async () => {
    const many = [
      'delivered',
      'opened',
      'clicked',
      'hard-bounce',
      'soft-bounce',
      'unsubscribed',
      'spam-complaint',
      'rejected',
    ];
    const store = await storeWith(
      many.map((response, i) =>
        ev(response, `r${i}`, { contactName: `P${i}`, address: `p${i}@example.com`, at: i + 1 }),
      ),
    );
    const box = await fixture<HTMLElement>(html`<div style="width:620px">
      <audience-response-grid email-id="e1" time-zone="UTC" .store=${store}></audience-response-grid>
    </div>`);
    const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
    await settled(grid);
    const area = grid.shadowRoot!.querySelector<HTMLElement>('[part~="chips"]')!;
    const line = area.querySelector<HTMLElement>('.chip')!.getBoundingClientRect().height;
    expect(area.scrollHeight).to.be.above(area.clientHeight);
    expect(area.clientHeight).to.be.at.most(3 * line + 2 * 8 + 3 + 8 + 1);
    expect(getComputedStyle(area).overflowY).to.equal('auto');
    // And says so where no scroll bar shows (a phone's): shades fixed to the box, covers that scroll away.
    expect(getComputedStyle(area).backgroundAttachment).to.equal('local, local, scroll, scroll');
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
