// Shared set-up for the summary's tests: an email with every kind of figure, a mounted summary,
// and readers for its cards and figure buttons.
import { fixture, html } from '@open-wc/testing';
import type { ResponseEvent } from '../../../src/core/index';
import '../../../src/elements/response-summary/define';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import type { ResponseStore } from '../../../src/store/response-store';
import { recipientEvent as ev } from '../../support/events';

/**
 * Email e1's recipients, one of each case that tells the figures apart: a click without an
 * open, a click then Unsubscribed (opened, clicked and unsubscribed at once), an open then Spam,
 * machine-only opens, a machine open beside a human one, a Hard Bounce with a later open (opened
 * but not delivered), soft and hard bounces, three reasons of Not sent, one still in flight.
 */
export function varied(): ResponseEvent[] {
  return [
    ev('delivered', 'plain'),
    ev('opened', 'reader', { at: 1 }),
    ev('opened', 'reader', { at: 2 }),
    ev('clicked', 'clicker', { at: 1 }),
    ev('clicked', 'leaver', { at: 1 }),
    ev('unsubscribed', 'leaver', { at: 2 }),
    ev('opened', 'angry', { at: 1 }),
    ev('spam-complaint', 'angry', { at: 2 }),
    ev('opened-machine', 'bot', { at: 1 }),
    ev('opened-machine', 'both', { at: 1 }),
    ev('opened', 'both', { at: 2 }),
    ev('hard-bounce', 'gone', { at: 1 }),
    ev('opened', 'gone', { at: 3 }),
    ev('hard-bounce', 'gone2', { at: 1 }),
    ev('soft-bounce', 'full', { at: 1 }),
    ev('canceled-duplicate', 'twin'),
    ev('canceled-duplicate', 'twin2'),
    ev('canceled-no-email', 'blank'),
    ev('sent-to-provider', 'waiting'),
    ev('opened', 'other-email', { emailId: 'e2' }),
  ];
}

export async function mountSummary(store: ResponseStore | undefined, emailId = 'e1'): Promise<ResponseSummaryElement> {
  const el = await fixture<ResponseSummaryElement>(
    html`<response-summary email-id=${emailId} .store=${store}></response-summary>`,
  );
  await el.updateComplete;
  return el;
}

export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A card's texts: [label, value, rate, of, total], '' for a part it does not show. */
export function cards(el: ResponseSummaryElement): Map<string, string[]> {
  const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card[data-figure]')];
  const part = (b: Element, name: string) => text(b.querySelector(`[part~="${name}"]`));
  return new Map(
    buttons.map((b) => [
      b.dataset['figure']!,
      [part(b, 'card-label'), part(b, 'card-value'), part(b, 'card-rate'), part(b, 'card-of'), part(b, 'card-total')],
    ]),
  );
}

/** Every figure button (cards, notes, stages, responses) by key, with its text. */
export function figureButtons(el: ResponseSummaryElement): Map<string, string> {
  return new Map(
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-figure]')].map((b) => [
      b.dataset['figure']!,
      text(b),
    ]),
  );
}

/** Opens every stage's list, so its buttons can be clicked. */
export async function openStages(el: ResponseSummaryElement): Promise<void> {
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  await el.updateComplete;
}

export function stepButton(el: ResponseSummaryElement, key: string): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-figure="${key}"]`)!;
}

export function notices(el: ResponseSummaryElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="status"] p')].map((p) => text(p));
}
