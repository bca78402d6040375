// Readable event literals for tests, with no DOM so the Node tests can use them too:
// `event('opened', { at: 2 })`, `recipientEvent('clicked', 'r7')`, `contactEvent('delivered', 'm1')`.
// Every `at` is in minutes after BASE_TIME, so a test reads in small numbers.
import type { ResponseEvent } from '../../src/core/index';

/** The one base time of the tests' events: 2026-01-01T00:00:00Z, inside the accepted window. */
export const BASE_TIME = Date.UTC(2026, 0, 1);

/** The time `n` minutes after BASE_TIME, in epoch milliseconds. */
export const minutes = (n: number): number => BASE_TIME + n * 60_000;

/** The fields a builder takes: any of the event's, with `at` in minutes after BASE_TIME. */
export type EventFields = Partial<Omit<ResponseEvent, 'at'>> & { at?: number };

// One counter per builder, each with its own id prefix, so that ids stay unique within a test
// file and a builder's ids do not depend on which other builders the file uses.
let nextEvent = 0;
let nextRecipientEvent = 0;
let nextContactEvent = 0;

/** An event for recipient r1 of email e1 unless told otherwise; ids `ev-1`, `ev-2`… */
export function event(response: string, fields: EventFields = {}): ResponseEvent {
  const { at = 0, ...rest } = fields;
  return { id: `ev-${++nextEvent}`, emailId: 'e1', recipientId: 'r1', response, at: minutes(at), ...rest };
}

/** An event of `recipientId` in email e1 unless told otherwise (the grid's rows); ids `g1`, `g2`… */
export function recipientEvent(response: string, recipientId: string, fields: EventFields = {}): ResponseEvent {
  const { at = 0, ...rest } = fields;
  return { id: `g${++nextRecipientEvent}`, emailId: 'e1', recipientId, response, at: minutes(at), ...rest };
}

/**
 * An event of contact c1 (or `fields.contactId`) in `emailId`, through its recipient
 * `<emailId>-<contactId>` (a contact's history across emails); ids `t1`, `t2`…
 */
export function contactEvent(response: string, emailId: string, fields: EventFields = {}): ResponseEvent {
  const { at = 0, ...rest } = fields;
  const contactId = rest.contactId ?? 'c1';
  return {
    id: `t${++nextContactEvent}`,
    emailId,
    recipientId: `${emailId}-${contactId}`,
    contactId,
    response,
    at: minutes(at),
    ...rest,
  };
}
