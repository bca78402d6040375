// A new user's review (issue 14/16): in a narrow panel the timeline wrapped the contact's address
// in the middle of its domain ("viktor.nakamura.1@post.example.o" / "rg"). An address now wraps
// after its @, and a part wider than the line alone is all that may break elsewhere.
import { expect } from '@open-wc/testing';
import { mountTimeline, shadow } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';
import type { ContactResponseTimelineElement } from '../../../src/elements/contact-response-timeline/contact-response-timeline';

const ADDRESS = 'viktor.nakamura.1@post.example.org';

async function inBox(width: number, dir: string, address = ADDRESS): Promise<ContactResponseTimelineElement> {
  const box = document.createElement('div');
  box.dir = dir;
  box.style.width = `${width}px`;
  document.body.append(box);
  const el = await mountTimeline(await storeWith([tev('delivered', 'spring-sale', { address, at: 1 })]));
  box.append(el);
  await el.updateComplete;
  return el;
}

/** The text of each line an element's glyphs sit on, top to bottom. */
function lineTexts(el: Element): string[] {
  const lines = new Map<number, string>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (!rect) continue;
      const top = [...lines.keys()].find((t) => Math.abs(t - rect.top) < 4) ?? rect.top;
      lines.set(top, (lines.get(top) ?? '') + text[i]);
    }
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

describe('<contact-response-timeline> addresses in a narrow panel', () => {
  for (const dir of ['ltr', 'rtl']) {
    it(`wraps the contact's address after its @, not in the middle of the domain (${dir})`, async () => {
      const el = await inBox(200, dir);
      const address = shadow(el).querySelector('[part~="contact-address"]')!;
      expect(lineTexts(address)).to.deep.equal(['viktor.nakamura.1@', 'post.example.org']);
      // The whole address stays the text (copy and paste, screen readers) and the tooltip.
      expect(address.textContent).to.equal(ADDRESS);
      expect(address.getAttribute('title')).to.equal(ADDRESS);
      el.parentElement!.remove();
    });

    it(`wraps an email's address after its @ too (${dir})`, async () => {
      const el = await inBox(200, dir);
      const address = shadow(el).querySelector('.recipient [part~="address"] [dir="ltr"]')!;
      expect(lineTexts(address)).to.deep.equal(['viktor.nakamura.1@', 'post.example.org']);
      el.parentElement!.remove();
    });
  }

  it('keeps an address that fits on one line', async () => {
    const el = await inBox(400, 'ltr');
    expect(lineTexts(shadow(el).querySelector('[part~="contact-address"]')!)).to.deep.equal([ADDRESS]);
    el.parentElement!.remove();
  });

  it('still breaks a part wider than the panel, inside the panel', async () => {
    const long = 'a.very.long.local.part.of.an.address.that.never.ends@example.org';
    const el = await inBox(200, 'ltr', long);
    const address = shadow(el).querySelector<HTMLElement>('[part~="contact-address"]')!;
    const lines = lineTexts(address);
    expect(lines.length).to.be.above(2);
    expect(lines.join('')).to.equal(long);
    expect(lines.at(-1)).to.equal('example.org');
    expect(address.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    el.parentElement!.remove();
  });
});
