// One sent recipient's life after the hand-over to the provider: what the provider and the
// recipient do, and when. Shares are rough figures of a healthy marketing list; times are whole
// seconds, as providers report them.
import type { Rng } from './random';

export interface Step {
  /** A catalogue id. */
  response: string;
  /** Epoch ms, a whole second. */
  at: number;
  reason?: string;
  url?: string;
  /** Reported by the provider (and so also sendable in its webhook format), not by the CRM. */
  fromProvider: boolean;
}

/** How a delivery ends; the showcase recipients pin one so small audiences show each. */
export type Outcome =
  | 'stuck'
  | 'rejected'
  | 'invalid'
  | 'hard-bounce'
  | 'soft-bounce'
  | 'delayed'
  | 'delivered'
  | 'machine-only'
  | 'unsubscribe'
  | 'spam-after-click';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** The spec's limit for Sent to provider, and the provider's retry window. */
export const SENT_TO_PROVIDER_LIMIT = 48 * HOUR;

export const CLICK_URLS = [
  'https://shop.example.com/spring-sale?utm_source=newsletter',
  'https://shop.example.com/new-arrivals',
  'http://blog.example.org/how-we-ship',
  'https://shop.example.com/account/orders',
  'https://help.example.com/returns?lang=en&ref=mail',
];

const whole = (ms: number) => Math.round(ms / SECOND) * SECOND;

/** Draws the outcome for an ordinary recipient. */
export function drawOutcome(rng: Rng): Outcome {
  const r = rng.next();
  if (r < 0.01) return 'stuck';
  if (r < 0.015) return 'rejected';
  if (r < 0.023) return 'invalid';
  if (r < 0.038) return 'hard-bounce';
  if (r < 0.053) return 'soft-bounce';
  if (r < 0.113) return 'delayed';
  return 'delivered';
}

/** Every step from Sent to provider on, sorted by time. */
export function deliveryTimeline(rng: Rng, sentAt: number, outcome: Outcome): Step[] {
  const steps: Step[] = [{ response: 'sent-to-provider', at: sentAt, fromProvider: false }];
  const add = (response: string, at: number, extra: { reason?: string; url?: string } = {}) =>
    steps.push({ response, at: whole(at), fromProvider: true, ...extra });
  if (outcome === 'stuck') {
    // The provider never answers; the CRM's own sweep closes the row once the limit has passed.
    steps.push({
      response: 'unknown',
      at: whole(sentAt + SENT_TO_PROVIDER_LIMIT + rng.between(0, 30 * MINUTE)),
      reason: 'no answer from the provider within 48 hours',
      fromProvider: false,
    });
    return steps;
  }
  const queuedAt = sentAt + rng.between(1, 20) * SECOND;
  add('provider-queued', queuedAt);
  switch (outcome) {
    case 'rejected':
      add('rejected', queuedAt + rng.between(1, 5) * SECOND, {
        reason: '554 5.7.1 Message rejected: spam content detected',
      });
      return steps;
    case 'invalid':
      add('invalid-address', queuedAt + rng.between(1, 10) * SECOND, {
        reason: 'dropped: Invalid (the mailbox does not exist)',
      });
      return steps;
    case 'hard-bounce':
      add('hard-bounce', queuedAt + rng.between(2, 90) * SECOND, {
        reason: '550 5.1.1 The email account that you tried to reach does not exist',
      });
      return steps;
    case 'soft-bounce': {
      add('provider-delayed', queuedAt + rng.between(1, 15) * MINUTE, {
        reason: '452 4.2.2 Mailbox full, try again later; attempt 1',
      });
      add('provider-delayed', queuedAt + rng.between(3, 8) * HOUR, {
        reason: '452 4.2.2 Mailbox full, try again later; attempt 5',
      });
      // Soft Bounce comes after the provider's 48-hour retry window.
      add('soft-bounce', queuedAt + SENT_TO_PROVIDER_LIMIT + rng.between(1, 20) * MINUTE, {
        reason: 'expired: 452 4.2.2 mailbox full; gave up after 48 hours',
      });
      return steps;
    }
    default:
      return delivered(rng, queuedAt, outcome, steps, add);
  }
}

function delivered(
  rng: Rng,
  queuedAt: number,
  outcome: Outcome,
  steps: Step[],
  add: (response: string, at: number, extra?: { reason?: string; url?: string }) => void,
): Step[] {
  let deliveredAt = queuedAt + rng.between(1, 60) * SECOND;
  if (outcome === 'delayed') {
    add('provider-delayed', queuedAt + rng.between(10, 90) * SECOND, {
      reason: '421 4.7.0 Try again later, closing connection',
    });
    deliveredAt = queuedAt + rng.between(5, 120) * MINUTE;
  }
  add('delivered', deliveredAt);
  // Mail privacy protection and link scanners open within seconds of delivery.
  if (outcome === 'machine-only' || rng.chance(0.12)) add('opened-machine', deliveredAt + rng.between(2, 40) * SECOND);
  if (outcome === 'machine-only') return steps;
  const opener = outcome === 'unsubscribe' || outcome === 'spam-after-click' || rng.chance(0.38);
  let engagedAt = deliveredAt;
  if (opener) {
    const firstOpen = deliveredAt + Math.min(rng.exp(2 * HOUR), 40 * HOUR) + 30 * SECOND;
    add('opened', firstOpen);
    engagedAt = firstOpen;
    let openAt = firstOpen;
    while (rng.chance(0.3)) add('opened', (openAt += rng.exp(6 * HOUR) + MINUTE));
    if (outcome === 'spam-after-click' || rng.chance(0.3)) {
      engagedAt = firstOpen + rng.between(5, 600) * SECOND;
      add('clicked', engagedAt, { url: rng.pick(CLICK_URLS) });
      if (rng.chance(0.25)) add('clicked', engagedAt + rng.between(10, 900) * SECOND, { url: rng.pick(CLICK_URLS) });
    }
    if (outcome === 'unsubscribe' || rng.chance(0.012)) {
      add('unsubscribed', engagedAt + rng.between(10, 300) * SECOND, { reason: 'unsubscribe link in the footer' });
    } else if (outcome === 'spam-after-click' || rng.chance(0.003)) {
      add('spam-complaint', engagedAt + rng.between(1, 120) * MINUTE, { reason: 'feedback loop report' });
    }
  } else if (rng.chance(0.002)) {
    add('spam-complaint', deliveredAt + rng.between(1, 24) * HOUR, { reason: 'feedback loop report' });
  }
  // Sorted for the scheduler; stable, so same-second steps keep their causal order.
  return steps.sort((a, b) => a.at - b.at);
}

/** When a bounce that arrives long after delivery happened: hours later, after any early opens. */
export function lateBounceDelay(rng: Rng): number {
  return whole(rng.between(2, 12) * HOUR);
}
