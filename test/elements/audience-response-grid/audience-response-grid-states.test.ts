// What a user meets besides rows: notices in a user's words, a retry that counts down and can be
// hurried, and chips that take one Tab stop with the arrows between them.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { ResponseStore } from '../../../src/store/response-store';
import type { ConnectionStatus, ResponseSource, SourceSink } from '../../../src/store/sources/source';
import { mountGrid, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const shadow = (grid: AudienceResponseGridElement) => grid.shadowRoot!;
const notices = (grid: AudienceResponseGridElement) =>
  [...shadow(grid).querySelectorAll('[role="status"] p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
const chips = (grid: AudienceResponseGridElement) => [
  ...shadow(grid).querySelectorAll<HTMLButtonElement>('[part~="chip"]'),
];
const active = (grid: AudienceResponseGridElement) => shadow(grid).activeElement as HTMLElement | null;

class ManualSource implements ResponseSource {
  readonly kind = 'manual';
  sink: SourceSink | undefined;
  starts = 0;
  status: ConnectionStatus = { state: 'idle', attempt: 0 };
  start(sink: SourceSink) {
    this.sink = sink;
    this.starts += 1;
  }
  stop() {}
}

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', at: 1 }),
  ev('opened', 'b', { contactName: 'Ann', at: 2 }),
  ev('clicked', 'c', { contactName: 'Bob', at: 3 }),
  ev('hard-bounce', 'd', { contactName: 'Dora', at: 5 }),
];

describe('<audience-response-grid> states', () => {
  it('speaks to users, not developers, when it has no store or no email', async () => {
    const lonely = await fixture<AudienceResponseGridElement>(
      html`<audience-response-grid email-id="e1"></audience-response-grid>`,
    );
    expect(notices(lonely)).to.deep.equal(['Loading responses…']);
    const grid = await mountGrid(await storeWith(people()));
    grid.emailId = '';
    await settled(grid);
    expect(notices(grid)).to.deep.equal(['No email to show yet.']);
    for (const text of [...notices(lonely), ...notices(grid)]) expect(text).to.not.match(/attribute|property|<|>/);
  });

  it('counts the retry down each second and retries now on "Retry now", through the store', async () => {
    const store = new ResponseStore();
    const grid = await mountGrid(store);
    const source = new ManualSource();
    store.connect(source);
    expect(source.starts).to.equal(1);
    source.sink!.status({ state: 'retrying', attempt: 2, retryInMs: 4000, error: 'the server closed the stream' });
    await settled(grid);
    expect(store.nextRetryAt).to.be.a('number');
    expect(store.nextRetryAt! - Date.now()).to.be.within(3000, 4000);
    expect(notices(grid)[0]).to.equal(
      'Live updates interrupted. Trying again in 4 seconds. The responses shown may be out of date. Retry now',
    );
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await settled(grid);
    expect(notices(grid)[0]).to.contain('Trying again in 3 seconds');
    shadow(grid).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await settled(grid);
    expect(source.starts).to.equal(2);
    expect(store.connection.state).to.equal('connecting');
    expect(store.nextRetryAt).to.equal(undefined);
    expect(shadow(grid).querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('makes the chips one Tab stop, with the arrows, Home and End between them', async () => {
    const grid = await mountGrid(await storeWith(people()));
    const all = chips(grid);
    expect(all.length).to.be.above(4);
    expect(all.filter((c) => c.tabIndex === 0)).to.have.length(1);
    shadow(grid).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    // Search, Columns, Export (Resend is disabled: no soft bounces), then one chip, then the grid.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(grid)!.dataset['chip']).to.equal('all');
    await sendKeys({ press: 'ArrowRight' });
    await settled(grid);
    expect(active(grid)).to.equal(chips(grid)[1]);
    await sendKeys({ press: 'End' });
    await settled(grid);
    expect(active(grid)).to.equal(chips(grid).at(-1));
    await sendKeys({ press: 'ArrowRight' });
    await settled(grid);
    expect(active(grid)).to.equal(chips(grid).at(-1));
    await sendKeys({ press: 'Home' });
    await settled(grid);
    expect(active(grid)).to.equal(chips(grid)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: ' ' }); // ' ', not 'Space': Firefox's driver knows only the former
    await settled(grid);
    expect(chips(grid)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(chips(grid).filter((c) => c.tabIndex === 0)).to.deep.equal([chips(grid)[1]]);
    await sendKeys({ press: 'Tab' });
    expect(active(grid)!.closest('[role="grid"]')).to.not.equal(null);
  });

  it('moves between chips the other way on a right-to-left page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const grid = await mountGrid(await storeWith(people()));
    wrapper.append(grid);
    await settled(grid);
    chips(grid)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settled(grid);
    expect(active(grid)).to.equal(chips(grid)[1]);
  });
});
