// Readable event literals for tests: `event('opened', { at: 2 })`.
import type { ResponseEvent } from '../../src/core/index';

let next = 0;
const BASE = Date.UTC(2026, 0, 1);

/** An event for recipient r1 of email e1 unless told otherwise; `at` in minutes after a base. */
export function event(response: string, fields: Partial<Omit<ResponseEvent, 'at'>> & { at?: number } = {}): ResponseEvent {
  const { at = 0, ...rest } = fields;
  return {
    id: `ev-${++next}`,
    emailId: 'e1',
    recipientId: 'r1',
    response,
    at: BASE + at * 60_000,
    ...rest,
  };
}

export const minutes = (n: number) => BASE + n * 60_000;
