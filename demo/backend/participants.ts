// The trigger email's participants: a campaign adds a few every five minutes (a "launch"), each
// sent after a delay, and the pre-send cascade runs per launch, so PreventDuplicatesSending only
// compares rows of the same launch. A participant not sent before the email expires, or added
// after it, gets Stopped (time to send expired).
import { presendCascade, type AudienceRow, type PresendEmail } from '../../src/core/index';
import type { ContactBook } from './contacts';
import { Rng, hash32 } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const LAUNCH_INTERVAL = 5 * MINUTE;
/** Launches stop after about ten days, which bounds memory in a page left open. */
export const MAX_LAUNCHES = 3000;
const LAUNCH_SALT = 0x4c41554e;

export class Participants {
  readonly #book: ContactBook;
  readonly #email: PresendEmail;
  readonly #firstLaunchAt: number;
  readonly #expiresAt: number;
  readonly #maxPerLaunch: number;
  readonly contact: number[] = [];
  readonly joinAt: number[] = [];
  readonly sendAt: number[] = [];
  readonly decision: string[] = [];
  #launches = 0;

  constructor(book: ContactBook, email: PresendEmail, firstLaunchAt: number, expiresAt: number) {
    this.#book = book;
    this.#email = email;
    this.#firstLaunchAt = firstLaunchAt;
    this.#expiresAt = expiresAt;
    this.#maxPerLaunch = 2 + Math.floor(book.size / 4000);
  }

  get count(): number {
    return this.contact.length;
  }

  get launches(): number {
    return this.#launches;
  }

  /** When the next launch happens, or Infinity after the last. */
  get nextLaunchAt(): number {
    return this.#launches >= MAX_LAUNCHES ? Infinity : this.#firstLaunchAt + this.#launches * LAUNCH_INTERVAL;
  }

  /** Runs the next launch; returns the index of its first participant and how many joined. */
  launch(): { first: number; size: number } {
    const n = this.#launches++;
    const at = this.#firstLaunchAt + n * LAUNCH_INTERVAL;
    const rng = new Rng(hash32(this.#book.seed, n, LAUNCH_SALT));
    const size = 1 + rng.int(this.#maxPerLaunch);
    const first = this.count;
    const launchId = `launch-${n}`;
    const rows: AudienceRow[] = [];
    const late: AudienceRow[] = [];
    for (let k = 0; k < size; k++) {
      const p = first + k;
      // Some sign-up forms fire twice: the same contact again within one launch.
      const contact = k > 0 && rng.chance(0.1) ? this.contact[first + rng.int(k)]! : rng.int(this.#book.size);
      const delay = rng.chance(0.5) ? rng.between(0, 60_000) : rng.chance(0.6) ? HOUR : 24 * HOUR;
      const sendAt = Math.round((at + delay) / 1000) * 1000;
      this.contact.push(contact);
      this.joinAt.push(at);
      this.sendAt.push(sendAt);
      this.decision.push('');
      (sendAt >= this.#expiresAt ? late : rows).push(this.#book.row(contact, participantId(p), launchId));
    }
    const decided = [...presendCascade(rows, this.#email), ...presendCascade(late, { ...this.#email, expired: true })];
    for (const { recipientId, response } of decided) this.decision[participantNumber(recipientId)] = response;
    return { first, size };
  }
}

export function participantId(p: number): string {
  return `p-${p}`;
}

function participantNumber(id: string): number {
  return Number(id.slice(2));
}
