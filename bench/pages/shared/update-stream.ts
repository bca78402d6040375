// The update stream every grid takes: random recipients open or click, generated before the
// measuring window (as a network would hand them over, ready-made), then applied in one batch
// per frame at the target rate.
import type { ResponseEvent } from '../../../src/core/index';
import { BASE_TIME, EMAIL_ID, PROBE_INDEX, recipientId, type AudienceRow } from './audience';

export interface Update {
  /** The recipient's row (first-appearance order, the same in every grid). */
  index: number;
  kind: 'opened' | 'clicked';
  at: number;
}

/** Same seed, same stream: the three grids get identical updates. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` updates over `rows` recipients (never the probe row, whose expected value must stay
 * exact), 80 % opens and 20 % clicks, each a little later than the one before.
 */
export function makeUpdates(count: number, rows: number, seed: number): Update[] {
  const next = random(seed);
  const start = BASE_TIME + 2 * 3_600_000;
  const out: Update[] = new Array(count);
  for (let k = 0; k < count; k++) {
    let index = Math.floor(next() * rows);
    if (index === PROBE_INDEX) index = (index + 1) % rows;
    out[k] = { index, kind: next() < 0.8 ? 'opened' : 'clicked', at: start + k * 10 };
  }
  return out;
}

/** The probe's updates: one opened per batch, so its Opens cell shows how far the grid has got. */
export function makeProbes(count: number): Update[] {
  const start = BASE_TIME + 3 * 3_600_000;
  return Array.from({ length: count }, (_, k) => ({ index: PROBE_INDEX, kind: 'opened' as const, at: start + k * 10 }));
}

/** Our store takes events, as a source would deliver them. */
export function toEvents(updates: readonly Update[], idPrefix: string): ResponseEvent[] {
  return updates.map((u, k) => ({
    id: `${idPrefix}${k}`,
    emailId: EMAIL_ID,
    recipientId: recipientId(u.index),
    response: u.kind,
    at: u.at,
  }));
}

const PRIORITY: Record<string, number> = { 'sent-to-provider': 0, delivered: 5, opened: 7, clicked: 8 };
const LABEL: Record<Update['kind'], string> = { opened: 'Opened', clicked: 'Clicked' };

/**
 * The peers take rows with the new values: worked out here, before the window, by the same rules
 * our core applies to these responses (opens and clicks count; a higher non-final response
 * replaces a lower one; a final one stays; opens show at least 1 once there is a click). The
 * peers therefore do none of the rules work our store does inside the window.
 * Returns one new row object per update (`rows` itself is left as it is).
 */
export function simulate(rows: readonly AudienceRow[], updates: readonly Update[]): AudienceRow[] {
  const current = new Map<number, AudienceRow>();
  return updates.map((u) => {
    const before = current.get(u.index) ?? rows[u.index]!;
    const after: AudienceRow = { ...before, lastAt: Math.max(before.lastAt, u.at) };
    if (u.kind === 'opened') after.opens = before.opens + 1;
    else {
      after.clicks = before.clicks + 1;
      after.opens = Math.max(1, before.opens);
    }
    if (!before.final && (PRIORITY[u.kind] ?? 0) > (PRIORITY[before.responseId] ?? 0)) {
      after.responseId = u.kind;
      after.response = LABEL[u.kind];
    }
    current.set(u.index, after);
    return after;
  });
}
