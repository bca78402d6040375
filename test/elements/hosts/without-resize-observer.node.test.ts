// Issue 14, defect 3: a host's unit tests run under jsdom or happy-dom, where ResizeObserver is
// not defined, and mounting the elements threw `ReferenceError: ResizeObserver is not defined`.
// Here under Node with happy-dom's window as the globals and ResizeObserver taken away: the three
// views and <email-responses> mount, take events through `ingest`, and render what they hold.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

const window = new Window({ url: 'https://crm.example/' });
/** Node's own events would not reach happy-dom's nodes: the test environment replaces them. */
const REPLACED = ['Event', 'CustomEvent', 'EventTarget'];
const saved = new Map<string, PropertyDescriptor | undefined>();

before(() => {
  // What a test environment (Vitest's happy-dom or jsdom) puts on globalThis, less ResizeObserver.
  for (const key of Object.getOwnPropertyNames(window)) {
    if ((key in globalThis && !REPLACED.includes(key)) || key === 'ResizeObserver') continue;
    saved.set(key, Object.getOwnPropertyDescriptor(globalThis, key));
    Object.defineProperty(globalThis, key, {
      configurable: true,
      writable: true,
      value: (window as unknown as Record<string, unknown>)[key],
    });
  }
  assert.equal(typeof (globalThis as { ResizeObserver?: unknown }).ResizeObserver, 'undefined');
});

after(async () => {
  for (const [key, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, key, descriptor);
    else delete (globalThis as Record<string, unknown>)[key];
  }
  await window.happyDOM.abort();
  await window.happyDOM.close();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

const EVENTS = [
  {
    id: 'd1',
    emailId: 'e1',
    recipientId: 'r1',
    response: 'delivered',
    at: 1_750_000_000_000,
    address: 'ana@example.com',
    contactId: 'c1',
  },
  { id: 'o1', emailId: 'e1', recipientId: 'r1', response: 'opened', at: 1_750_000_060_000 },
  {
    id: 'b2',
    emailId: 'e1',
    recipientId: 'r2',
    response: 'hard-bounce',
    at: 1_750_000_120_000,
    address: 'bo@example.com',
  },
];

describe('the elements without ResizeObserver (a host unit test under happy-dom)', () => {
  it('mounts <email-responses> with the grid, summary and timeline, ingests events and renders them', async () => {
    await import('../../../src/index');
    const { document } = globalThis as unknown as { document: Document };
    const root = document.createElement('email-responses') as HTMLElement & {
      ingest(events: unknown[]): Promise<{ accepted: number }>;
      updateComplete: Promise<boolean>;
    };
    root.innerHTML = `
      <audience-response-grid email-id="e1"></audience-response-grid>
      <response-summary email-id="e1"></response-summary>
      <contact-response-timeline contact-id="c1"></contact-response-timeline>`;
    const errors: unknown[] = [];
    const onError = (event: { error?: unknown; message?: unknown }) => errors.push(event.error ?? event.message);
    window.addEventListener('error', onError as never);
    document.body.append(root);
    await root.updateComplete;

    const result = await root.ingest(EVENTS);
    assert.equal(result.accepted, 3);
    for (let i = 0; i < 5; i++) await tick();

    const shadowText = (tag: string) => {
      const el = root.querySelector(tag) as HTMLElement;
      return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
    };
    const grid = root.querySelector('audience-response-grid') as HTMLElement & { rowCount: number };
    assert.equal(grid.rowCount, 2, 'the grid has both recipients');
    assert.match(shadowText('audience-response-grid'), /ana@example\.com/);
    assert.match(shadowText('audience-response-grid'), /bo@example\.com/);
    assert.match(shadowText('response-summary'), /2/);
    assert.match(shadowText('contact-response-timeline'), /Opened/);
    assert.deepEqual(errors, []);
    root.remove();
  });
});
