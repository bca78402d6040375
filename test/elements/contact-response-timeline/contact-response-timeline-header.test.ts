// The timeline says whose it is, why each flag is set and when, warns of an email sent to an
// address that should not have been used, and marks quietly only the events that changed nothing.
import { expect } from '@open-wc/testing';
import { emailItem, mountTimeline, shadow } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<contact-response-timeline> header and warnings', () => {
  it("shows the contact's name and address, isolated left-to-right, in a header", async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('delivered', 'spring-sale', { contactName: 'Emil Tanaka', address: 'emil.tanaka.7@example.com', at: 1 }),
      ]),
    );
    const header = shadow(el).querySelector('[part~="contact-header"]')!;
    expect(text(header.querySelector('[part~="contact-name"]'))).to.equal('Emil Tanaka');
    const address = header.querySelector<HTMLElement>('[part~="contact-address"]')!;
    expect(address.textContent).to.equal('emil.tanaka.7@example.com');
    expect(address.getAttribute('dir')).to.equal('ltr');
  });

  it('knows Do not use email from a Canceled (unsubscribed from all emails) response: "yes, before spring-sale"', async () => {
    const el = await mountTimeline(await storeWith([tev('canceled-do-not-use-email', 'spring-sale', { at: 5 })]));
    const flag = shadow(el).querySelector('[data-flag="do-not-use-email"]')!;
    expect(flag.getAttribute('data-value')).to.equal('yes');
    expect(text(flag.querySelector('dd'))).to.equal('yes, before spring-sale');
  });

  it('gives each cause its time, and warns on an email delivered after the address was marked', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('hard-bounce', 'welcome', { address: 'old@example.com', at: 10 }),
        tev('delivered', 'trigger-1', { address: 'old@example.com', emailKind: 'trigger', at: 60 * 24 }),
        tev('delivered', 'before', { address: 'old@example.com', at: 1 }),
      ]),
    );
    expect(text(shadow(el).querySelector('[data-flag="valid"] dd'))).to.equal(
      'no (Hard Bounce in welcome, Jan 1, 2026, 12:10 AM)',
    );
    const warning = emailItem(el, 'trigger-1').querySelector('[part~="sent-after-flag"]')!;
    expect(text(warning)).to.equal(
      'Delivered after old@example.com was marked invalid by Hard Bounce in welcome, Jan 1, 2026, 12:10 AM.',
    );
    expect(emailItem(el, 'before').querySelector('[part~="sent-after-flag"]')).to.equal(null);
    expect(emailItem(el, 'welcome').querySelector('[part~="sent-after-flag"]')).to.equal(null);
  });

  it('marks only the events that did not change the response, quietly', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('delivered', 'e1', { at: 1 }),
        tev('opened', 'e1', { at: 2 }),
        tev('delivered', 'e1', { at: 3 }),
      ]),
    );
    const events = [...emailItem(el, 'e1').querySelectorAll('li.event')];
    expect(events.map((e) => text(e.querySelector('[part~="explanation"]')))).to.deep.equal([
      '',
      '',
      'no change: lower priority than Opened',
    ]);
    const quiet = events[2]!.querySelector('[part~="explanation"]')!;
    expect(getComputedStyle(quiet).fontWeight).to.equal('400');
  });
});

describe('<contact-response-timeline> in a narrow side panel', () => {
  it('draws nothing outside its host at 230 px, long addresses included, in both directions', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const box = document.createElement('div');
      box.dir = dir;
      box.style.width = '230px';
      document.body.append(box);
      try {
        const el = await mountTimeline(
          await storeWith([
            tev('delivered', 'spring-sale-newsletter-2026', {
              contactName: 'Emil Tanaka',
              address: 'someone.with.a.long.address@example-company.com',
              at: 1,
            }),
            tev('soft-bounce', 'spring-sale-newsletter-2026', {
              reason: '452 4.2.2 <someone.with.a.long.address@example-company.com>: mailbox full',
              at: 2,
            }),
          ]),
        );
        box.append(el);
        await el.updateComplete;
        const host = el.getBoundingClientRect();
        const out = [...shadow(el).querySelectorAll<HTMLElement>('*')]
          .map((node) => ({ node, r: node.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < host.left - 1 || r.right > host.right + 1))
          .map(
            ({ node, r }) =>
              `${dir} ${node.localName}.${node.className} ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(host.left)}..${Math.round(host.right)}`,
          );
        expect(out).to.deep.equal([]);
      } finally {
        box.remove();
      }
    }
  });
});
