// What every view of the store must do, whatever it shows (as Shoelace's form-control tests are
// for its form controls): take a store set before the element was defined, as a page does whose
// script tag loads after the markup and its own script; follow its locale; say what the store's
// connection is doing; and let go of the store when it leaves the document. Each view's tests
// call runViewConformance with what is particular to it.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import type { ResponseEvent } from '../../src/core/index';
import type { ResponseViewElement } from '../../src/elements/shared/response-view-element';
import { registerMessages } from '../../src/elements/shared/messages';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { ManualSource } from '../support/manual-source';

export interface ViewConformance<E extends ResponseViewElement> {
  /** The element's own tag, for the test names. */
  tag: string;
  /** Its class: the tests define subclasses of it under fresh names. */
  element: new () => E;
  /** Attributes that point it at email `e-conf` or contact `c-conf`. */
  attributes: Record<string, string>;
  /** Whether it shows `count` recipients or emails (1, then 2 after more events), by its public API. */
  showsEvents(element: E, count: number): boolean;
}

const AT = Date.UTC(2026, 0, 1);
let made = 0;

function event(emailId: string, recipientId: string, contactId: string, minutes: number): ResponseEvent {
  return {
    id: `conf-${++made}`,
    emailId,
    recipientId,
    contactId,
    contactName: 'Zelda Conformance',
    response: 'delivered',
    at: AT + minutes * 60_000,
  };
}

/**
 * What the views' attributes point at (email `e-conf`, contact `c-conf`): one recipient of the
 * email, the contact's; `later` adds one more of each (a second recipient of the email, for
 * another contact, and the contact in a second email), so every view then shows 2.
 */
function conformanceEvents(): ResponseEvent[] {
  return [event('e-conf', 'r-conf-0', 'c-conf', 0)];
}

function laterEvents(): ResponseEvent[] {
  return [event('e-conf', 'r-conf-1', 'c-conf-other', 1), event('e-conf-2', 'r-conf-2', 'c-conf', 2)];
}

/** Counts the element's updates (Lit calls every controller's hostUpdated after each one). */
class UpdateCounter implements ReactiveController {
  count = 0;
  hostUpdated(): void {
    this.count++;
  }
}

const notices = (element: HTMLElement) =>
  [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="status"]')].map((p) => ({
    kind: p.dataset['kind'],
    text: p.textContent!.trim(),
  }));

async function settle(element: ResponseViewElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await element.updateComplete;
    await nextFrame();
  }
  await element.updateComplete;
}

async function storeOf(events: ResponseEvent[]): Promise<ResponseStore> {
  const store = createResponseStore();
  const result = await store.ingest(events);
  expect(result.rejected, 'the conformance events are valid').to.deep.equal([]);
  store.flush();
  return store;
}

export function runViewConformance<E extends ResponseViewElement>(spec: ViewConformance<E>): void {
  let defined = 0;
  /** A fresh tag for a subclass, so a test can create the element before it is defined. */
  const freshTag = () => `conformance-${++defined}-${spec.tag}`;
  const mount = async (store: ResponseStore | undefined): Promise<E> => {
    const tag = freshTag();
    customElements.define(tag, class extends (spec.element as CustomElementConstructor) {});
    const element = document.createElement(tag) as E;
    for (const [name, value] of Object.entries(spec.attributes)) element.setAttribute(name, value);
    if (store) element.store = store;
    (await fixture<HTMLElement>(html`<div></div>`)).append(element);
    await settle(element);
    return element;
  };

  describe(`<${spec.tag}> as a view of the store (conformance)`, () => {
    it('takes a store set before the element was defined, as a script-tag host sets it', async () => {
      const store = await storeOf(conformanceEvents());
      const tag = freshTag();
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(spec.attributes)) element.setAttribute(name, value);
      host.append(element);
      // Not defined yet: the host's value lands on the plain HTMLElement as an own property.
      (element as unknown as { store: ResponseStore }).store = store;
      customElements.define(tag, class extends (spec.element as CustomElementConstructor) {});
      const view = element as unknown as E;
      await settle(view);
      expect(
        Object.prototype.hasOwnProperty.call(view, 'store'),
        'the own property was moved onto the accessor',
      ).to.equal(false);
      expect(view.store).to.equal(store);
      expect(spec.showsEvents(view, 1)).to.equal(true);
    });

    it('says it waits for a store in the words of its locale, and back in English without one', async () => {
      registerMessages('eo', { noStore: 'Atendante datumojn.' });
      const element = await mount(undefined);
      expect(notices(element)).to.deep.equal([{ kind: 'loading', text: 'Loading responses…' }]);
      element.locale = 'eo';
      await settle(element);
      expect(notices(element)).to.deep.equal([{ kind: 'loading', text: 'Atendante datumojn.' }]);
      element.locale = undefined;
      await settle(element);
      expect(notices(element)[0]!.text).to.equal('Loading responses…');
    });

    it("shows the store's connection in its notices as it changes, with no change of data", async () => {
      const store = await storeOf(conformanceEvents());
      const source = new ManualSource();
      store.connect(source);
      const element = await mount(store);
      expect(notices(element)).to.deep.equal([]);
      source.sink!.status({ state: 'offline', attempt: 0 });
      await settle(element);
      expect(notices(element).map((n) => n.kind)).to.deep.equal(['offline']);
      source.sink!.status({ state: 'live', attempt: 0 });
      await settle(element);
      expect(notices(element)).to.deep.equal([]);
    });

    it('says the store was closed once it is, in the words of its locale', async () => {
      registerMessages('eo-closed', { storeClosed: 'Fermita.' });
      const store = await storeOf(conformanceEvents());
      const source = new ManualSource();
      store.connect(source);
      source.sink!.status({ state: 'live', attempt: 0 });
      const element = await mount(store);
      expect(notices(element)).to.deep.equal([]);
      await store.close();
      await settle(element);
      expect(notices(element)).to.deep.equal([
        {
          kind: 'info',
          text: 'Closed: no new responses arrive here. The responses shown are the ones received before it closed.',
        },
      ]);
      element.locale = 'eo-closed';
      await settle(element);
      expect(notices(element)).to.deep.equal([{ kind: 'info', text: 'Fermita.' }]);
    });

    it('lets go of the store when removed from the document, and catches up when put back', async () => {
      const store = await storeOf(conformanceEvents());
      const source = new ManualSource();
      store.connect(source);
      const element = await mount(store);
      const parent = element.parentElement!;
      const updates = new UpdateCounter();
      element.addController(updates);
      element.remove();
      await settle(element);
      const before = updates.count;
      source.sink!.status({ state: 'offline', attempt: 0 });
      expect((await store.ingest(laterEvents())).accepted).to.equal(2);
      store.flush();
      await settle(element);
      expect(updates.count, 'no update while out of the document').to.equal(before);
      parent.append(element);
      await settle(element);
      expect(notices(element).map((n) => n.kind)).to.deep.equal(['offline']);
      expect(spec.showsEvents(element, 2)).to.equal(true);
    });
  });
}
