// Issue 15, item 15: a locale the browser cannot parse (`en_US`, `!!!`) must not blank the
// elements with a RangeError: they fall back to the default locale and say so once.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import '../../../src/elements/contact-response-timeline/define';
import '../../../src/elements/response-summary/define';
import type { LitElement } from 'lit';
import { localeContext } from '../../../src/elements/shared/locale-context';
import { recipientEvent } from '../../support/events';
import { storeWith } from '../../support/store';

function capturingWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

async function settle(element: LitElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await element.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('a locale the browser cannot parse', () => {
  it('falls back to the default locale and warns once per bad locale', () => {
    const warnings = capturingWarnings();
    try {
      for (const locale of ['en_US', '!!!', 'en_US']) {
        const context = localeContext(locale, 'UTC', 'audience-response-grid');
        expect(context.messages.headers.contact).to.be.a('string');
        expect(context.numbers.format(1234)).to.be.a('string');
        expect(context.time.locale).to.equal(undefined);
      }
    } finally {
      warnings.restore();
    }
    const about = warnings.messages.filter((m) => /locale/.test(m));
    expect(about).to.have.length(2);
    expect(about[0]).to.match(/^email-responses: .*locale="en_US".*default/);
  });

  for (const locale of ['en_US', '!!!']) {
    it(`keeps all three elements showing their data with locale="${locale}"`, async () => {
      const store = await storeWith([
        recipientEvent('opened', 'r1', { at: 5, contactId: 'c1', contactName: 'Ada Lovelace' }),
      ]);
      const warnings = capturingWarnings();
      try {
        const grid = await fixture<LitElement>(
          html`<audience-response-grid email-id="e1" locale=${locale} time-zone="UTC" .store=${store}></audience-response-grid>`,
        );
        const summary = await fixture<LitElement>(
          html`<response-summary email-id="e1" locale=${locale} .store=${store}></response-summary>`,
        );
        const timeline = await fixture<LitElement>(
          html`<contact-response-timeline
            contact-id="c1"
            locale=${locale}
            .store=${store}
          ></contact-response-timeline>`,
        );
        await settle(grid);
        await settle(summary);
        await settle(timeline);
        expect(grid.shadowRoot!.querySelectorAll('[role="row"][data-index]').length).to.equal(1);
        expect(grid.shadowRoot!.textContent).to.include('Ada Lovelace');
        expect(summary.shadowRoot!.textContent!.trim()).to.not.equal('');
        expect(timeline.shadowRoot!.textContent).to.include('Opened');
      } finally {
        warnings.restore();
      }
    });
  }
});
