import type { EmailEntry } from './email-table';
import type { ResponseState } from './fold';
import type { CompiledRules } from './rules';

/** A count with its rate on the spec's denominator. */
export interface SummaryFigure {
  count: number;
  /** count / denominator, 0 to 1; null when the denominator is 0. */
  rate: number | null;
  /** What the rate is taken of. */
  of: 'sent' | 'delivered';
  denominator: number;
}

/** One email's figures, with the CRM's definitions (spec: "Summary figures"). */
export interface EmailSummary {
  emailId: string;
  recipients: number;
  /** Recipients the email was handed to the provider for: the "sent" denominator. */
  sent: number;
  /** Delivered, % of sent: the email reached the recipient (Delivered or any later response). */
  delivered: SummaryFigure;
  /** Unique human opens (a click implies one), % of delivered. */
  opened: SummaryFigure;
  /** Opened by machines only, % of delivered; kept apart from human opens. */
  machineOpened: SummaryFigure;
  /** Unique clicks, % of delivered. */
  clicked: SummaryFigure;
  unsubscribed: SummaryFigure;
  spamComplaint: SummaryFigure;
  softBounce: SummaryFigure;
  hardBounce: SummaryFigure;
  /** Recipients the email did not reach, by response id. */
  notSent: { count: number; byResponse: Record<string, number> };
  /** Recipients per response id (every response of the rules, zeros included). */
  byResponse: Record<string, number>;
  /** The grid's group chips: reached or not, final or still changing. */
  groups: { sent: number; notSent: number; final: number; awaitingFinal: number };
}

function figure(count: number, of: 'sent' | 'delivered', denominator: number): SummaryFigure {
  return { count, rate: denominator > 0 ? count / denominator : null, of, denominator };
}

/** Figures from an email's counts (see `ResponseState.emails`). */
export function summarizeCounts(entry: EmailEntry, rules: CompiledRules): EmailSummary {
  const byResponse: Record<string, number> = {};
  const notSentBy: Record<string, number> = {};
  let recipients = 0;
  let sent = 0;
  let delivered = 0;
  let final = 0;
  let notSent = 0;
  rules.responses.forEach((response, index) => {
    const count = entry.byResponse[index]!;
    byResponse[response.id] = count;
    recipients += count;
    if (rules.handedToProvider[index]) sent += count;
    if (rules.delivered[index]) delivered += count;
    else {
      notSent += count;
      if (count > 0) notSentBy[response.id] = count;
    }
    if (rules.final[index]) final += count;
  });
  const of = (id: string) => byResponse[id] ?? 0;
  return {
    emailId: entry.id,
    recipients,
    sent,
    delivered: figure(delivered, 'sent', sent),
    opened: figure(entry.opened, 'delivered', delivered),
    machineOpened: figure(entry.machineOnly, 'delivered', delivered),
    clicked: figure(entry.clicked, 'delivered', delivered),
    unsubscribed: figure(of('unsubscribed'), 'delivered', delivered),
    spamComplaint: figure(of('spam-complaint'), 'delivered', delivered),
    softBounce: figure(of('soft-bounce'), 'sent', sent),
    hardBounce: figure(of('hard-bounce'), 'sent', sent),
    notSent: { count: notSent, byResponse: notSentBy },
    byResponse,
    groups: { sent: delivered, notSent, final, awaitingFinal: recipients - final },
  };
}

/** One email's summary figures, or undefined when no event for it has been applied. */
export function summarizeEmail(state: ResponseState, emailId: string): EmailSummary | undefined {
  const entry = state.emails.get(emailId);
  return entry === undefined ? undefined : summarizeCounts(entry, state.rules);
}
