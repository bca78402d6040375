// A reviewer's finding at 1440 px: every chip shows, wrapped, so a response seen for the first
// time (or a count a digit longer) could add a line of chips above the rows and push them down
// under a reader's eyes and pointer. While the user reads (as for the row moves the grid holds
// back), the chips keep their height, the new line a scroll away in them; the next update that
// comes while nobody reads shows every chip again.
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

/** Ten recipients, Delivered, in their names' order (a sort a new response moves no row in). */
const people = () =>
  [...'ABCDEFGHIJ'].map((letter, i) =>
    ev('delivered', `r${i}`, { contactName: `${letter} Person`, address: `p${i}@example.com`, at: i + 1 }),
  );
/** Responses the email has not seen yet, one for each recipient: chips enough for a line more. */
const NEW = [
  'opened',
  'clicked',
  'opened-machine',
  'soft-bounce',
  'hard-bounce',
  'spam-complaint',
  'unsubscribed',
  'rejected',
  'provider-delayed',
  'canceled-invalid-email',
];

describe('<audience-response-grid> chips while the user reads', () => {
  it('keeps the rows still while the user reads, a new line of chips a scroll away', async () => {
    const store = await storeWith(people());
    const box = await fixture<HTMLElement>(html`<div style="width:620px">
      <audience-response-grid email-id="e1" time-zone="UTC" sort-by="contact" .store=${store}></audience-response-grid>
    </div>`);
    const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
    await settled(grid);
    const area = grid.shadowRoot!.querySelector<HTMLElement>('[part~="chips"]')!;
    const lines = () =>
      new Set([...area.querySelectorAll('.chip')].map((c) => Math.round(c.getBoundingClientRect().top))).size;
    const row = () => rows(grid)[2]!.getBoundingClientRect();
    const [linesBefore, areaBefore, rowBefore] = [lines(), area.getBoundingClientRect(), row()];
    await sendMouse({ type: 'move', position: [Math.round(rowBefore.left + 20), Math.round(rowBefore.top + 10)] });
    try {
      await store.ingest(NEW.map((response, i) => ev(response, `r${i}`, { at: 20 + i })));
      store.flush();
      await settled(grid);
      // (The test means something: the chips need a line more, and no row moved in the sort.)
      expect(area.querySelectorAll('.chip').length).to.be.above(12);
      expect(grid.pendingUpdates).to.equal(0);
      expect(area.scrollHeight).to.be.above(area.clientHeight + 1);
      // The row under the pointer is where it was, and so is the chips area's edge.
      expect(row().top).to.equal(rowBefore.top);
      expect(area.getBoundingClientRect().bottom).to.equal(areaBefore.bottom);
      expect(lines(), 'the new line is a scroll away').to.be.above(linesBefore);
      // The pointer leaves the rows: nobody reads now, and the next update shows every chip.
      await sendMouse({ type: 'move', position: [Math.round(areaBefore.left + 5), Math.round(areaBefore.top - 20)] });
    } finally {
      await resetMouse();
    }
    await store.ingest([ev('opened', 'r0', { at: 40 })]);
    store.flush();
    await settled(grid);
    expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
    expect(area.getBoundingClientRect().bottom).to.be.above(areaBefore.bottom);
  });

  // The end-to-end run at 390 then 768 px, focus left in the rows: the two lines of a narrow
  // grid's chips were kept at 768 px, where they wrap to more, and most of them were out of sight.
  it('lays the chips out anew when the grid is resized while the user reads', async () => {
    const store = await storeWith(people());
    const box = await fixture<HTMLElement>(html`<div style="width:450px">
      <audience-response-grid email-id="e1" time-zone="UTC" sort-by="contact" .store=${store}></audience-response-grid>
    </div>`);
    const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
    await settled(grid);
    await store.ingest(NEW.map((response, i) => ev(response, `r${i}`, { at: 20 + i })));
    store.flush();
    await settled(grid);
    // Reading: focus in the rows.
    rows(grid)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
    await store.ingest([ev('opened', 'r0', { at: 40 })]);
    store.flush();
    await settled(grid);
    box.style.width = '620px';
    await settled(grid);
    await store.ingest([ev('opened', 'r1', { at: 41 })]);
    store.flush();
    await settled(grid);
    const area = grid.shadowRoot!.querySelector<HTMLElement>('[part~="chips"]')!;
    expect(grid.shadowRoot!.activeElement?.getAttribute('role')).to.equal('gridcell');
    expect(area.scrollHeight).to.be.at.most(area.clientHeight + 1);
  });
});
