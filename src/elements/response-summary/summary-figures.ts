/**
 * The summary's rows, DOM-free: each figure with its count, its rate on the spec's denominator,
 * and the filter that makes the grid show exactly the recipients it counts.
 */
import type { ResponseDefinition } from '../../core/catalogue';
import type { EmailSummary, SummaryFigure } from '../../core/summary';
import type { AudienceEngagement } from '../../store/audience/audience-query';
import type { FilterRequest } from '../shared/filter-request';

/** A figure a user can choose. Not sent's reasons are `not-sent` with a `reason`. */
export type SummaryStep =
  | 'delivered'
  | 'opened'
  | 'clicked'
  | 'machine-opened'
  | 'unsubscribed'
  | 'spam-complaint'
  | 'soft-bounce'
  | 'hard-bounce'
  | 'not-sent';

/** The grid's filter for a figure (what `grid.applyFilter` takes), with both lists present. */
export type StepFilter = FilterRequest & Required<Pick<FilterRequest, 'responses' | 'groups'>>;

export type SummarySection = 'funnel' | 'machine' | 'outcomes' | 'reasons';

export interface SummaryRow {
  step: SummaryStep;
  /** For a Not sent reason: its response id. */
  reason?: string;
  /** Stable id of the row (`opened`, `not-sent:canceled-duplicate`). */
  key: string;
  section: SummarySection;
  count: number;
  /** null when the denominator is 0, or the spec gives the figure no rate (Not sent). */
  rate: number | null;
  of: 'sent' | 'delivered' | null;
  denominator: number;
  /** How long the chart's bar is, 0 to 1: the rate, or Not sent's share of all recipients. */
  share: number;
  filter: StepFilter;
}

/** Message keys of the figures, in the order they show. */
export const FIGURE_KEYS = {
  delivered: 'delivered',
  opened: 'opened',
  clicked: 'clicked',
  'machine-opened': 'machineOpened',
  unsubscribed: 'unsubscribed',
  'spam-complaint': 'spamComplaint',
  'soft-bounce': 'softBounce',
  'hard-bounce': 'hardBounce',
  'not-sent': 'notSent',
} as const satisfies Record<SummaryStep, string>;

function fromFigure(step: SummaryStep, section: SummarySection, figure: SummaryFigure, filter: StepFilter): SummaryRow {
  return {
    step,
    key: step,
    section,
    count: figure.count,
    rate: figure.rate,
    of: figure.of,
    denominator: figure.denominator,
    share: figure.rate ?? 0,
    filter,
  };
}

const byResponse = (id: string): StepFilter => ({ responses: [id], groups: [] });
const byEngagement = (engagement: AudienceEngagement): StepFilter => ({ responses: [], groups: [], engagement });

/**
 * The funnel (Delivered, Opened, Clicked), machine-only opens apart, the outcomes (Unsubscribed,
 * Spam complaint, Soft and Hard Bounce, Not sent) and Not sent by reason in catalogue order.
 * Opened and Clicked count recipients, not responses (a recipient who clicked and then
 * unsubscribed counts in both), so their filter is an engagement, not a response chip.
 */
export function summaryRows(summary: EmailSummary, responses: readonly ResponseDefinition[]): SummaryRow[] {
  const rows: SummaryRow[] = [
    fromFigure('delivered', 'funnel', summary.delivered, { responses: [], groups: ['sent'] }),
    fromFigure('opened', 'funnel', summary.opened, byEngagement('opened')),
    fromFigure('clicked', 'funnel', summary.clicked, byEngagement('clicked')),
    fromFigure('machine-opened', 'machine', summary.machineOpened, byEngagement('machine-opened')),
    fromFigure('unsubscribed', 'outcomes', summary.unsubscribed, byResponse('unsubscribed')),
    fromFigure('spam-complaint', 'outcomes', summary.spamComplaint, byResponse('spam-complaint')),
    fromFigure('soft-bounce', 'outcomes', summary.softBounce, byResponse('soft-bounce')),
    fromFigure('hard-bounce', 'outcomes', summary.hardBounce, byResponse('hard-bounce')),
  ];
  const notSent = summary.notSent;
  const share = (count: number) => (summary.recipients > 0 ? count / summary.recipients : 0);
  rows.push({
    step: 'not-sent',
    key: 'not-sent',
    section: 'outcomes',
    count: notSent.count,
    rate: null,
    of: null,
    denominator: summary.recipients,
    share: share(notSent.count),
    filter: { responses: [], groups: ['not-sent'] },
  });
  for (const response of responses) {
    const count = notSent.byResponse[response.id];
    if (!count) continue;
    rows.push({
      step: 'not-sent',
      reason: response.id,
      key: `not-sent:${response.id}`,
      section: 'reasons',
      count,
      rate: null,
      of: null,
      denominator: summary.recipients,
      share: share(count),
      filter: byResponse(response.id),
    });
  }
  return rows;
}
