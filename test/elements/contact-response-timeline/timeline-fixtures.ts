// Shared set-up for the timeline's tests: big histories of one contact across emails, a mounted
// timeline, and helpers that read what a user sees.
import { fixture, html } from '@open-wc/testing';
import type { ResponseEvent } from '../../../src/core/index';
import '../../../src/elements/contact-response-timeline/define';
import type { ContactResponseTimelineElement } from '../../../src/elements/contact-response-timeline/contact-response-timeline';
import type { ResponseStore } from '../../../src/store/response-store';
import { BASE_TIME } from '../../support/events';

/**
 * Contact `contactId` in `count` bulk emails `m0`…: email `mi` first reached it `i` minutes after
 * BASE_TIME (so m<count-1> is the newest), was delivered, and every fifth one hard-bounced instead.
 */
export function history(count: number, contactId = 'big'): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  for (let i = 0; i < count; i++) {
    const at = BASE_TIME + i * 60_000;
    const base = { emailId: `m${i}`, recipientId: `m${i}-${contactId}`, contactId, emailKind: 'bulk' as const };
    events.push({ ...base, id: `h${i}a`, response: i % 5 === 0 ? 'hard-bounce' : 'delivered', at });
    if (i % 5 !== 0) events.push({ ...base, id: `h${i}b`, response: 'opened', at: at + 30_000 });
  }
  return events;
}

export async function mountTimeline(
  store: ResponseStore | undefined,
  contactId = 'c1',
  attributes: { pageSize?: number } = {},
): Promise<ContactResponseTimelineElement> {
  const el = await fixture<ContactResponseTimelineElement>(
    html`<contact-response-timeline contact-id=${contactId} time-zone="UTC" page-size=${attributes.pageSize ?? 50} .store=${store}></contact-response-timeline>`,
  );
  await el.updateComplete;
  return el;
}

export const shadow = (el: ContactResponseTimelineElement) => el.shadowRoot!;

/** Email ids in the DOM, top to bottom. */
export function emailIds(el: ContactResponseTimelineElement): string[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('li.email')].map((li) => li.dataset['emailId']!);
}

export function emailItem(el: ContactResponseTimelineElement, emailId: string): HTMLElement {
  const item = [...shadow(el).querySelectorAll<HTMLElement>('li.email')].find(
    (li) => li.dataset['emailId'] === emailId,
  );
  if (!item) throw new Error(`${emailId} is not rendered`);
  return item;
}

export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Each event line of an email: [response id, why (or 'changed'), explanation, counted]. */
export function eventLines(item: HTMLElement): string[][] {
  return [...item.querySelectorAll<HTMLElement>('li.event')].map((li) => [
    li.dataset['response']!,
    li.dataset['because']!,
    text(li.querySelector('[part="explanation"]')),
    text(li.querySelector('[part="counted"]')),
  ]);
}

export function notices(el: ContactResponseTimelineElement): string[] {
  return [...shadow(el).querySelectorAll('[role="status"] p')].map((p) => text(p));
}

export function button(
  el: ContactResponseTimelineElement,
  part: 'more-button' | 'newer-button',
): HTMLButtonElement | null {
  return shadow(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`);
}
