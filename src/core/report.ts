import { hasEngagement } from './engagement';
import type { ResponseState } from './fold';
import { CLICKS, MACHINE_OPENS, OPENS, STRIDE } from './recipient-table';
import { STAGES, type Stage } from './stages';

/** What a rate is taken of: each is a set of recipients that holds its numerator. */
export type RateBase = 'sent' | 'delivered' | 'unique-opens';

/** A count of recipients and its rate. */
export interface RateFigure {
  count: number;
  /** count / denominator, 0 to 1; null when the denominator is 0. */
  rate: number | null;
  of: RateBase;
  denominator: number;
}

/** One response of a stage with its recipients. */
export interface StageResponse {
  id: string;
  count: number;
}

/**
 * One email's report (spec: "Stages", headline rates). Every count is a set of recipients the
 * grid can show: a stage, a response, or an engagement inside Delivered.
 */
export interface EmailReport {
  emailId: string;
  recipients: number;
  /** Recipients per stage. */
  stages: Record<Stage, number>;
  /** Per stage, its responses that have recipients, in catalogue order. */
  stageResponses: Record<Stage, StageResponse[]>;
  /** Awaiting provider + Not delivered + Delivered: handed to the provider. */
  sent: number;
  /** The Delivered stage, of Sent: the delivery rate. */
  delivered: RateFigure;
  /** The Not delivered stage, of Sent: the bounce rate. */
  bounced: RateFigure;
  /** Delivered recipients with a human open (a click implies one), of Delivered. */
  uniqueOpens: RateFigure;
  /** Every human open of those recipients. */
  totalOpens: number;
  /** Delivered recipients with a click, of Delivered. */
  uniqueClicks: RateFigure;
  totalClicks: number;
  /** Unique clicks of unique opens. */
  clickToOpen: RateFigure;
  unsubscribed: RateFigure;
  spamComplaint: RateFigure;
  /** Delivered recipients opened by machines only, of Delivered; not in the opens. */
  machineOpened: RateFigure;
  /** Opened or clicked, then reported not delivered (a late bounce): outside every rate. */
  openedNotDelivered: number;
  /** Recipients per response id, zeros included. */
  byResponse: Record<string, number>;
}

export function rateFigure(count: number, of: RateBase, denominator: number): RateFigure {
  return { count, rate: denominator > 0 ? count / denominator : null, of, denominator };
}

const DELIVERED = STAGES.indexOf('delivered');

/**
 * The report of one email, or undefined when no event for it has been applied. Reads each of the
 * email's rows once (about a millisecond per 100,000 rows); the views ask at most once a frame,
 * and only when the email changed.
 */
export function reportEmail(state: ResponseState, emailId: string): EmailReport | undefined {
  const entry = state.emails.get(emailId);
  if (entry === undefined) return undefined;
  const rules = state.rules;
  const table = state.recipients;
  const ints = table.ints;
  const perResponse = new Int32Array(rules.responses.length);
  let uniqueOpens = 0;
  let uniqueClicks = 0;
  let totalOpens = 0;
  let totalClicks = 0;
  let machineOpened = 0;
  let openedNotDelivered = 0;
  // Every field is set from the row before it is read; the zeros only give the object its shape.
  // Stryker disable next-line ObjectLiteral: equivalent, as said above
  const counters = { opens: 0, clicks: 0, machineOpens: 0 };
  for (const row of entry.order) {
    const response = table.response(row);
    perResponse[response]!++;
    const i = row * STRIDE * 2;
    const clicks = ints[i + CLICKS]!;
    counters.clicks = clicks;
    counters.opens = Math.max(ints[i + OPENS]!, clicks > 0 ? 1 : 0);
    counters.machineOpens = ints[i + MACHINE_OPENS]!;
    const stage = rules.stage[response]!;
    if (stage === DELIVERED) {
      totalOpens += counters.opens;
      totalClicks += clicks;
      if (hasEngagement(stage, counters, 'opened')) uniqueOpens++;
      if (hasEngagement(stage, counters, 'clicked')) uniqueClicks++;
      if (hasEngagement(stage, counters, 'machine-opened')) machineOpened++;
    } else if (hasEngagement(stage, counters, 'opened-not-delivered')) openedNotDelivered++;
  }
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const stageResponses = Object.fromEntries(STAGES.map((stage) => [stage, [] as StageResponse[]])) as Record<
    Stage,
    StageResponse[]
  >;
  const byResponse: Record<string, number> = {};
  let recipients = 0;
  rules.responses.forEach((response, index) => {
    const count = perResponse[index]!;
    byResponse[response.id] = count;
    recipients += count;
    const stage = STAGES[rules.stage[index]!]!;
    stages[stage] += count;
    if (count > 0) stageResponses[stage].push({ id: response.id, count });
  });
  const sent = stages['awaiting-provider'] + stages['not-delivered'] + stages.delivered;
  const delivered = stages.delivered;
  return {
    emailId,
    recipients,
    stages,
    stageResponses,
    sent,
    delivered: rateFigure(delivered, 'sent', sent),
    bounced: rateFigure(stages['not-delivered'], 'sent', sent),
    uniqueOpens: rateFigure(uniqueOpens, 'delivered', delivered),
    totalOpens,
    uniqueClicks: rateFigure(uniqueClicks, 'delivered', delivered),
    totalClicks,
    clickToOpen: rateFigure(uniqueClicks, 'unique-opens', uniqueOpens),
    unsubscribed: rateFigure(byResponse['unsubscribed'] ?? 0, 'delivered', delivered),
    spamComplaint: rateFigure(byResponse['spam-complaint'] ?? 0, 'delivered', delivered),
    machineOpened: rateFigure(machineOpened, 'delivered', delivered),
    openedNotDelivered,
    byResponse,
  };
}
