// One audience, the same for the three grids: events for our store, and the rows our core folds
// from those very events for the peers, so every grid shows the same values in the same order.
import { foldEvents, type ResponseEvent } from '../../../src/core/index';

export const EMAIL_ID = 'bench-email';
export const BASE_TIME = Date.UTC(2026, 2, 1, 9, 0, 0);
/** The row whose Opens cell the update benchmark watches: third from the top, always on screen. */
export const PROBE_INDEX = 2;

/** The columns every grid shows, in this order. */
export interface AudienceRow {
  id: string;
  contact: string;
  address: string;
  response: string;
  /** Catalogue id, for the peers' copy of the rule "a final response is never replaced". */
  responseId: string;
  final: boolean;
  opens: number;
  clicks: number;
  lastAt: number;
}

const FIRST = [
  'Ada',
  'Ben',
  'Cara',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Luca',
  'Mara',
  'Nils',
  'Olga',
  'Paulo',
  'Qing',
  'Rosa',
  'Sven',
  'Tara',
];
const LAST = [
  'Andersen',
  'Brown',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'López',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Smith',
  'Tanaka',
];

/** A hash of the recipient index, so each row's values do not depend on how many rows there are. */
function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ salt, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4_294_967_296;
}

export function recipientId(index: number): string {
  return `r${index}`;
}

/**
 * About 1.5 events per recipient: everyone delivered or bounced, some opened, fewer clicked, a
 * few unsubscribed; names and addresses on every recipient's first event.
 */
export function audienceEvents(rows: number): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[Math.floor(mix(i, 1) * FIRST.length)]!;
    const last = LAST[Math.floor(mix(i, 2) * LAST.length)]!;
    const at = BASE_TIME + Math.floor(mix(i, 3) * 3_600_000);
    const roll = i === PROBE_INDEX ? 0.1 : mix(i, 4);
    const base = { emailId: EMAIL_ID, recipientId: recipientId(i), contactId: `c${i}` };
    const firstResponse =
      roll > 0.97 ? 'hard-bounce' : roll > 0.94 ? 'soft-bounce' : roll > 0.93 ? 'sent-to-provider' : 'delivered';
    events.push({
      ...base,
      id: `a${i}`,
      response: firstResponse,
      at,
      contactName: `${first} ${last}`,
      address: `${first}.${last}.${i}@example.com`.toLowerCase(),
    });
    if (roll < 0.4) events.push({ ...base, id: `b${i}`, response: 'opened', at: at + 60_000 });
    if (roll < 0.1) events.push({ ...base, id: `c${i}`, response: 'clicked', at: at + 120_000 });
    if (roll > 0.9 && roll <= 0.93) events.push({ ...base, id: `d${i}`, response: 'unsubscribed', at: at + 180_000 });
  }
  return events;
}

/** The rows our core folds from `audienceEvents(rows)`, in first-appearance order (the grids' order). */
export function audienceRows(rows: number): AudienceRow[] {
  const state = foldEvents(audienceEvents(rows));
  const entry = state.emails.get(EMAIL_ID);
  const out: AudienceRow[] = new Array(entry?.order.length ?? 0);
  entry?.order.forEach((row, i) => {
    const r = state.recipientAt(row);
    out[i] = {
      id: r.recipientId,
      contact: r.contactName ?? '',
      address: r.address ?? '',
      response: r.label,
      responseId: r.response,
      final: r.final,
      opens: r.opens,
      clicks: r.clicks,
      lastAt: r.lastAt,
    };
  });
  return out;
}

/** One column's header text, shared so the three grids are labelled alike. */
export const COLUMNS: readonly {
  field: 'contact' | 'address' | 'response' | 'opens' | 'clicks' | 'lastAt';
  header: string;
}[] = [
  { field: 'contact', header: 'Contact' },
  { field: 'address', header: 'Email address' },
  { field: 'response', header: 'Response' },
  { field: 'opens', header: 'Opens' },
  { field: 'clicks', header: 'Clicks' },
  { field: 'lastAt', header: 'Last response' },
];

/** How the peers show a time: one formatter, built once (our grid formats its own way). */
export const TIME_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
