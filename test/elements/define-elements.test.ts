// Registration: a tag someone else holds is left to them with one warning that says what to do,
// and a host can register this copy under a prefix, so two builds can share a page.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/index';
import { AudienceResponseGridElement } from '../../src/elements/audience-response-grid/audience-response-grid';
import { defineEmailResponses } from '../../src/elements/define-email-responses';
import { EmailResponsesElement } from '../../src/elements/email-responses/email-responses';
import { defineElement } from '../../src/elements/shared/define-element';
import { createResponseStore } from '../../src/store/response-store';

/** Runs `action` and returns what it warned. */
function warnings(action: () => void): string[] {
  const heard: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => heard.push(args.map(String).join(' '));
  try {
    action();
  } finally {
    console.warn = original;
  }
  return heard;
}

class SomeoneElsesElement extends HTMLElement {}

describe('registering the elements', () => {
  it('registers the four plain names on import, and again does nothing and says nothing', () => {
    let names: ReturnType<typeof defineEmailResponses> = {};
    expect(warnings(() => (names = defineEmailResponses()))).to.deep.equal([]);
    expect(names).to.deep.equal({
      'email-responses': 'email-responses',
      'audience-response-grid': 'audience-response-grid',
      'contact-response-timeline': 'contact-response-timeline',
      'response-summary': 'response-summary',
    });
    expect(customElements.get('audience-response-grid')).to.equal(AudienceResponseGridElement);
  });

  it("warns once when a tag is someone else's, with what to do, and keeps theirs", () => {
    customElements.define('taken-grid', SomeoneElsesElement);
    let results: boolean[] = [];
    const heard = warnings(
      () =>
        (results = [
          defineElement('taken-grid', class extends AudienceResponseGridElement {}),
          defineElement('taken-grid', class extends AudienceResponseGridElement {}),
        ]),
    );
    expect(results).to.deep.equal([false, false]);
    expect(heard).to.have.length(1);
    expect(heard[0]).to.match(/^email-responses: <taken-grid> is already defined by another script/);
    expect(heard[0]).to.contain("defineEmailResponses({ prefix: 'acme' })");
    expect(customElements.get('taken-grid')).to.equal(SomeoneElsesElement);
  });

  it('registers every element under a prefix; a name already taken is left out of the answer', () => {
    customElements.define('beta-response-summary', class extends HTMLElement {});
    let names: ReturnType<typeof defineEmailResponses> = {};
    const heard = warnings(() => (names = defineEmailResponses({ prefix: 'beta' })));
    expect(names).to.deep.equal({
      'email-responses': 'beta-email-responses',
      'audience-response-grid': 'beta-audience-response-grid',
      'contact-response-timeline': 'beta-contact-response-timeline',
    });
    expect(heard).to.have.length(1);
    expect(heard[0]).to.contain('<beta-response-summary> is already defined');
    expect(new (customElements.get('beta-audience-response-grid')!)()).to.be.instanceOf(AudienceResponseGridElement);
    // Registering the same prefix again is not "someone else".
    expect(warnings(() => defineEmailResponses({ prefix: 'beta' }))).to.deep.equal([]);
  });

  it('refuses a prefix that would make invalid tag names, with a warning, and registers nothing', () => {
    let names: ReturnType<typeof defineEmailResponses> = {};
    const heard = warnings(() => (names = defineEmailResponses({ prefix: 'Bad Prefix' })));
    expect(names).to.deep.equal({});
    expect(heard).to.have.length(1);
    expect(heard[0]).to.contain('the prefix "Bad Prefix" would make invalid tag names');
  });

  it('lets a prefixed copy and the plain names share one page, each working', async () => {
    defineEmailResponses({ prefix: 'acme' });
    const store = createResponseStore();
    await store.ingest([{ id: 'x1', emailId: 'e1', recipientId: 'r1', response: 'opened', at: Date.UTC(2026, 0, 1) }]);
    const page = await fixture<HTMLElement>(html`<div>
      <acme-email-responses .store=${store}><acme-audience-response-grid email-id="e1" time-zone="UTC"></acme-audience-response-grid></acme-email-responses>
      <email-responses .store=${store}><audience-response-grid email-id="e1" time-zone="UTC"></audience-response-grid></email-responses>
    </div>`);
    store.flush();
    const root = page.querySelector('acme-email-responses')!;
    const acme = page.querySelector('acme-audience-response-grid') as AudienceResponseGridElement;
    const plain = page.querySelector('audience-response-grid')!;
    for (let i = 0; i < 3; i++) {
      await Promise.all([acme.updateComplete, plain.updateComplete]);
      await nextFrame();
    }
    expect(root).to.be.instanceOf(EmailResponsesElement);
    expect(acme.constructor).to.not.equal(AudienceResponseGridElement);
    expect([acme.store, plain.store]).to.deep.equal([store, store]);
    expect([acme.rowCount, plain.rowCount]).to.deep.equal([1, 1]);
  });
});
