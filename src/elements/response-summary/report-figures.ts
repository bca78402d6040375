/**
 * The report's figures, DOM-free: each is a set of recipients with the grid filter that shows
 * exactly those rows, and, for a rate, the set it is taken of (which holds it).
 */
import type { EmailReport, RateBase } from '../../core/report';
import { STAGES, type Stage } from '../../core/stages';
import type { AudienceEngagement, AudienceGroup } from '../../store/audience/audience-query';

/** What `grid.applyFilter` takes, with both lists present. */
export interface FigureFilter {
  responses: string[];
  groups: AudienceGroup[];
  engagement?: AudienceEngagement;
  /** Only these recipients, under a chip with this label (a link's clickers). */
  recipients?: { label: string; ids: readonly string[] };
}

export type HeadlineKey =
  | 'sent'
  | 'delivered'
  | 'unique-opens'
  | 'unique-clicks'
  | 'click-to-open'
  | 'unsubscribed'
  | 'spam-complaint'
  | 'not-delivered';

export type FigureKey =
  HeadlineKey | 'machine-opened' | 'opened-not-delivered' | `stage:${Stage}` | `response:${string}` | `link:${string}`;

/** What a rate is taken of: the core's bases, or every recipient (Sent's rate). */
export type FigureBase = RateBase | 'recipients';

export interface Figure {
  key: FigureKey;
  /** headline: a card; note: machine opens and opens before a bounce; stage and response: the breakdown. */
  kind: 'headline' | 'note' | 'stage' | 'response' | 'link';
  count: number;
  /** count / base.count, or null when there is no base or it is empty. */
  rate: number | null;
  base?: { of: FigureBase; count: number; filter: FigureFilter };
  /** Total opens or clicks beside the unique ones. */
  total?: number;
  /** The stage of a stage or response figure. */
  stage?: Stage;
  /** The response id of a response figure. */
  response?: string;
  /**
   * Not delivered's responses, each with its rate of Sent (spec: Summary figures): the hard and
   * soft bounces always, then any other of the stage's responses that has recipients, so the
   * lines add up to the figure.
   */
  split?: { response: string; count: number; rate: number | null }[];
  filter: FigureFilter;
}

/** The bounces told beneath Not delivered, as a marketer's report splits them. */
export const BOUNCES = ['hard-bounce', 'soft-bounce'] as const;

const all: FigureFilter = { responses: [], groups: [] };
const group = (g: AudienceGroup): FigureFilter => ({ responses: [], groups: [g] });
const engagement = (e: AudienceEngagement): FigureFilter => ({ responses: [], groups: [], engagement: e });
const response = (id: string): FigureFilter => ({ responses: [id], groups: [] });

/** The stages the breakdown lists, with their responses: the ones the cards do not already tell. */
export const BREAKDOWN_STAGES: readonly Stage[] = ['not-delivered', 'awaiting-provider', 'not-sent', 'scheduled'];

/**
 * The cards (Sent, Delivered, unique opens, unique clicks, click-to-open, unsubscribes, spam
 * complaints, Not delivered with its hard and soft bounces), the notes (machine opens; opens
 * before a bounce report), then the stages and their responses. Rates: Sent of all recipients;
 * Delivered, Not delivered and the bounces of Sent; opens, clicks, unsubscribes, complaints and
 * machine opens of Delivered; click-to-open of unique opens.
 */
export function reportFigures(report: EmailReport): Figure[] {
  const sent = { of: 'sent' as const, count: report.sent, filter: group('sent') };
  const delivered = { of: 'delivered' as const, count: report.delivered.count, filter: group('delivered') };
  const rate = (count: number, base: { count: number }) => (base.count > 0 ? count / base.count : null);
  const headline = (
    key: FigureKey,
    count: number,
    base: Figure['base'],
    filter: FigureFilter,
    total?: number,
  ): Figure => ({
    key,
    kind: 'headline',
    count,
    rate: base ? rate(count, base) : null,
    ...(base ? { base } : {}),
    ...(total === undefined ? {} : { total }),
    filter,
  });
  const figures: Figure[] = [
    headline('sent', report.sent, { of: 'recipients', count: report.recipients, filter: all }, group('sent')),
    headline('delivered', report.delivered.count, sent, group('delivered')),
    headline('unique-opens', report.uniqueOpens.count, delivered, engagement('opened'), report.totalOpens),
    headline('unique-clicks', report.uniqueClicks.count, delivered, engagement('clicked'), report.totalClicks),
    headline(
      'click-to-open',
      report.uniqueClicks.count,
      { of: 'unique-opens', count: report.uniqueOpens.count, filter: engagement('opened') },
      engagement('clicked'),
    ),
    headline('unsubscribed', report.unsubscribed.count, delivered, response('unsubscribed')),
    headline('spam-complaint', report.spamComplaint.count, delivered, response('spam-complaint')),
    {
      ...headline('not-delivered', report.stages['not-delivered'], sent, group('not-delivered')),
      split: [
        ...BOUNCES.map((id) => ({ id, count: report.byResponse[id] ?? 0 })),
        ...report.stageResponses['not-delivered'].filter(({ id }) => !(BOUNCES as readonly string[]).includes(id)),
      ].map(({ id, count }) => ({ response: id, count, rate: rate(count, sent) })),
    },
    {
      ...headline('machine-opened', report.machineOpened.count, delivered, engagement('machine-opened')),
      kind: 'note',
    },
    {
      key: 'opened-not-delivered',
      kind: 'note',
      count: report.openedNotDelivered,
      rate: null,
      filter: engagement('opened-not-delivered'),
    },
  ];
  for (const stage of STAGES) {
    figures.push({
      key: `stage:${stage}`,
      kind: 'stage',
      stage,
      count: report.stages[stage],
      rate: null,
      filter: group(stage),
    });
    for (const { id, count } of report.stageResponses[stage]) {
      figures.push({
        key: `response:${id}`,
        kind: 'response',
        stage,
        response: id,
        count,
        rate: null,
        filter: response(id),
      });
    }
  }
  return figures;
}
