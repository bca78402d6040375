// What the demo's screenshots showed wrong in the timeline: flag names and values broken inside a
// word ("Vali/d") at every width, a second recipient of one email headed by a bare address that
// read like another email's name, and a warning that did not say which address or when.
import { expect } from '@open-wc/testing';
import { emailItem, mountTimeline, shadow, text } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';
import type { ContactResponseTimelineElement } from '../../../src/elements/contact-response-timeline/contact-response-timeline';

/** Words (between spaces and hyphens) of `root` whose glyphs sit on more than one line. */
function brokenWords(root: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}

/** Distinct line tops of an element's text. */
function lines(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}

async function inBox(width: number, dir: string, el: () => Promise<ContactResponseTimelineElement>) {
  const box = document.createElement('div');
  box.dir = dir;
  box.style.width = `${width}px`;
  document.body.append(box);
  const timeline = await el();
  box.append(timeline);
  await timeline.updateComplete;
  return { timeline, remove: () => box.remove() };
}

const bounced = () =>
  storeWith([
    tev('delivered', 'welcome-series', { contactName: 'Mateo Fischer', address: 'mateo.fischer.0@example.com', at: 1 }),
    tev('hard-bounce', 'spring-sale', {
      address: 'mateo.fischer.0@example.com',
      reason: '550 5.1.1 The email account that you tried to reach does not exist',
      at: 10,
    }),
  ]);

describe('<contact-response-timeline> layout of the contact header', () => {
  for (const width of [240, 300, 340, 700]) {
    for (const dir of ['ltr', 'rtl']) {
      it(`breaks no flag name or value inside a word at ${width} px (${dir})`, async () => {
        const { timeline, remove } = await inBox(width, dir, async () => mountTimeline(await bounced()));
        try {
          const flags = [...shadow(timeline).querySelectorAll('[part~="flag"]')];
          expect(flags.length).to.equal(3);
          for (const flag of flags) expect(brokenWords(flag), text(flag)).to.deep.equal([]);
          // A flag's name is short: it stays on one line.
          for (const dt of shadow(timeline).querySelectorAll('[part~="flag"] dt'))
            expect(lines(dt), text(dt)).to.equal(1);
        } finally {
          remove();
        }
      });
    }
  }
});

describe('<contact-response-timeline> a contact twice in one email', () => {
  it("heads a later recipient with the email's id and the send's number, the address beside it", async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('delivered', 'welcome-series', { address: 'mateo.fischer.0@example.com', at: 1 }),
        tev('hard-bounce', 'welcome-series', {
          recipientId: 'welcome-series-c1-2',
          address: 'mateo.fischer.0@example.com',
          at: 10,
        }),
      ]),
    );
    const item = emailItem(el, 'welcome-series');
    const recipients = [...item.querySelectorAll('[part~="recipient"]')];
    expect(recipients.length).to.equal(2);
    const second = recipients[1]!.querySelector('button')!;
    expect(text(second)).to.equal('welcome-series, send 2');
    expect(text(recipients[1]!.querySelector('[part~="address"]'))).to.equal('mateo.fischer.0@example.com');
    expect(recipients[1]!.querySelector('[part~="address"] [dir="ltr"]')).not.to.equal(null);
  });
});

describe('<contact-response-timeline> warning on an email sent after the address was marked', () => {
  it('reads as a sentence naming the address, the flag, its cause and when', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('hard-bounce', 'welcome', { address: 'old@example.com', at: 10 }),
        tev('delivered', 'trigger-1', { address: 'old@example.com', emailKind: 'trigger', at: 60 * 24 }),
      ]),
    );
    const warning = emailItem(el, 'trigger-1').querySelector('[part~="sent-after-flag"]')!;
    expect(text(warning)).to.equal(
      'Delivered after old@example.com was marked invalid by Hard Bounce in welcome, Jan 1, 2026, 12:10 AM.',
    );
    expect(warning.getAttribute('role')).to.equal('note');
  });

  it('warns on a later recipient of the same email delivered after an earlier one hard-bounced', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('hard-bounce', 'welcome-series', { address: 'old@example.com', at: 10 }),
        tev('delivered', 'welcome-series', { recipientId: 'welcome-series-c1-2', address: 'old@example.com', at: 60 }),
      ]),
    );
    const warning = emailItem(el, 'welcome-series').querySelector('[part~="sent-after-flag"]');
    expect(text(warning)).to.equal(
      'Delivered after old@example.com was marked invalid by Hard Bounce in welcome-series, Jan 1, 2026, 12:10 AM.',
    );
  });
});

describe('<contact-response-timeline> event lines', () => {
  const sent = () =>
    storeWith([
      tev('planned', 'welcome-series', { at: 1 }),
      tev('sent-to-provider', 'welcome-series', { at: 2 }),
      tev('provider-queued', 'welcome-series', { at: 3 }),
      tev('delivered', 'welcome-series', { at: 4 }),
    ]);
  /** For each event: is its response on a line below its time? */
  const stacked = (el: ContactResponseTimelineElement) =>
    [...shadow(el).querySelectorAll('li.event')].map((li) => {
      const time = li.querySelector('time')!.getBoundingClientRect();
      const response = li.querySelector('[part~="event-response"]')!.getBoundingClientRect();
      return response.top >= time.bottom - 1;
    });

  it('puts every time above its response in a narrow panel, not only the long ones (320 px)', async () => {
    const { timeline, remove } = await inBox(280, 'ltr', async () => mountTimeline(await sent()));
    try {
      expect(stacked(timeline)).to.deep.equal([true, true, true, true]);
    } finally {
      remove();
    }
  });

  it('keeps time and response on one line when there is room', async () => {
    const { timeline, remove } = await inBox(700, 'ltr', async () => mountTimeline(await sent()));
    try {
      expect(stacked(timeline)).to.deep.equal([false, false, false, false]);
    } finally {
      remove();
    }
  });
});

describe('<contact-response-timeline> right-to-left', () => {
  it("puts an event's time, above its response in a narrow panel, at the line's start (the right)", async () => {
    const { timeline, remove } = await inBox(300, 'rtl', async () => mountTimeline(await bounced()));
    try {
      await timeline.updateComplete;
      const time = shadow(timeline).querySelector<HTMLElement>('.event time')!;
      const box = time.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(time);
      const glyphs = range.getBoundingClientRect();
      // The time's box is the line's width; its glyphs sit at the right end, not the left.
      expect(box.width - glyphs.width).to.be.above(20);
      expect(box.right - glyphs.right).to.be.below(2);
    } finally {
      remove();
    }
  });

  // A review saw the dot on the timeline's line half cut at 390 px right to left; not seen since
  // (measured in Chromium and Firefox, 2.4 px inside the host): this pins where it is.
  for (const dir of ['ltr', 'rtl'])
    for (const width of [340, 390])
      it(`centres each event's dot on the line, wholly inside the host, at ${width} px (${dir})`, async () => {
        const { timeline, remove } = await inBox(width, dir, async () => mountTimeline(await bounced()));
        try {
          const host = timeline.getBoundingClientRect();
          const line = shadow(timeline).querySelector('.events')!;
          const border = parseFloat(getComputedStyle(line).borderInlineStartWidth);
          const l = line.getBoundingClientRect();
          const lineMiddle = dir === 'rtl' ? l.right - border / 2 : l.left + border / 2;
          const events = [...shadow(timeline).querySelectorAll('.event')];
          expect(events.length).to.be.above(0);
          for (const event of events) {
            const e = event.getBoundingClientRect();
            const dot = getComputedStyle(event, '::before');
            const left = e.left + parseFloat(dot.left);
            const right = left + parseFloat(dot.width);
            expect(left).to.be.at.least(host.left);
            expect(right).to.be.at.most(host.right);
            expect(Math.abs((left + right) / 2 - lineMiddle)).to.be.below(1.5);
          }
        } finally {
          remove();
        }
      });

  it("isolates the email's id left-to-right, so an id like 2026-spring keeps its order", async () => {
    const { timeline, remove } = await inBox(340, 'rtl', async () =>
      mountTimeline(await storeWith([tev('delivered', '2026-spring', { at: 1 })])),
    );
    try {
      const id = emailItem(timeline, '2026-spring').querySelector('[part~="email-button"] [dir="ltr"]');
      expect(text(id)).to.equal('2026-spring');
    } finally {
      remove();
    }
  });
});
