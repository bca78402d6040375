import { ENGAGEMENTS, hasEngagement, type Engagement } from '../../core/engagement';
import type { CompiledRules } from '../../core/rules';
import { SENT_STAGES, STAGES, type Stage } from '../../core/stages';

/**
 * The groups the Audience view filters by, besides single responses: the five stages (spec:
 * "Stages"), Sent (the three stages after the hand-over to the provider), and final or still
 * able to change.
 */
export type AudienceGroup = 'sent' | Stage | 'final' | 'awaiting-final';

export const AUDIENCE_GROUPS: readonly AudienceGroup[] = ['sent', ...STAGES, 'final', 'awaiting-final'];

/**
 * Counts, not responses (see `Engagement`): `opened` and `clicked` are Delivered recipients with
 * a human open (or a click) or a click, `machine-opened` Delivered ones opened by machines only,
 * `opened-not-delivered` those who opened before a later bounce report. The same definitions as
 * the summary's figures.
 */
export type AudienceEngagement = Engagement;

export const AUDIENCE_ENGAGEMENTS: readonly AudienceEngagement[] = ENGAGEMENTS;

/**
 * The columns the view sorts by. `first-open`, `last-open`, `last-click` (times) and
 * `clicked-link` (the newest click's URL) are read from the email's events (see `RowEngagement`).
 */
export type SortColumn =
  | 'contact'
  | 'address'
  | 'response'
  | 'opens'
  | 'clicks'
  | 'last-response'
  | 'provider'
  | 'email-type'
  | 'first-open'
  | 'last-open'
  | 'last-click'
  | 'clicked-link';

export const SORT_COLUMNS: readonly SortColumn[] = [
  'contact',
  'address',
  'response',
  'opens',
  'clicks',
  'last-response',
  'provider',
  'email-type',
  'first-open',
  'last-open',
  'last-click',
  'clicked-link',
];

/** The same words `aria-sort` uses, so the element can pass them through. */
export type SortDirection = 'ascending' | 'descending';

export interface AudienceSort {
  column: SortColumn;
  direction: SortDirection;
}

/**
 * What the view shows. A row shows when it matches the search and, if any chip is chosen, at
 * least one chosen response or group (chips add up: Opened + Clicked shows both).
 */
export interface AudienceQuery {
  /** Catalogue ids; unknown ids match nothing. */
  responses?: readonly string[];
  groups?: readonly AudienceGroup[];
  /**
   * Only recipients with this engagement, whatever their response. Like the search it narrows
   * the rows the chips choose from, and the chip counts count within it.
   */
  engagement?: AudienceEngagement | null;
  /**
   * Only these recipients (ids), like the engagement a narrowing: the summary's link figures
   * (who clicked a URL) are sets the counters cannot say.
   */
  recipients?: readonly string[] | null;
  /** Matched case- and accent-insensitively inside the contact name or the address. */
  search?: string;
  /** No sort: the order recipients first appeared in. */
  sort?: AudienceSort | null;
}

/** A query with every part present, compared and stored by the view. */
export interface NormalizedQuery {
  readonly responses: readonly string[];
  readonly groups: readonly AudienceGroup[];
  readonly engagement: AudienceEngagement | null;
  readonly recipients: ReadonlySet<string> | null;
  readonly search: string;
  readonly sort: AudienceSort | null;
}

export function normalizeQuery(query: AudienceQuery = {}): NormalizedQuery {
  const groups = (query.groups ?? []).filter((group) => AUDIENCE_GROUPS.includes(group));
  const sort =
    query.sort && SORT_COLUMNS.includes(query.sort.column)
      ? ({
          column: query.sort.column,
          direction: query.sort.direction === 'descending' ? 'descending' : 'ascending',
        } as const)
      : null;
  const engagement = query.engagement && AUDIENCE_ENGAGEMENTS.includes(query.engagement) ? query.engagement : null;
  const recipients = query.recipients ? new Set(query.recipients) : null;
  return {
    responses: [...new Set(query.responses ?? [])],
    groups: [...new Set(groups)],
    engagement,
    recipients,
    search: query.search ?? '',
    sort,
  };
}

/** Whether a recipient shows this engagement (see `AudienceEngagement`); its stage comes from its response. */
export function engaged(
  r: { response: string; opens: number; clicks: number; machineOpens: number },
  engagement: AudienceEngagement,
  rules: CompiledRules,
): boolean {
  const response = rules.lookup.get(r.response);
  return response !== undefined && hasEngagement(rules.stage[response]!, r, engagement);
}

/**
 * The first direction a click on a header gives: names read A to Z and responses in the order
 * of an email's life, while counts and times are most useful biggest and newest first.
 */
export function firstDirection(column: SortColumn): SortDirection {
  return column === 'opens' ||
    column === 'clicks' ||
    column === 'last-response' ||
    column === 'first-open' ||
    column === 'last-open' ||
    column === 'last-click'
    ? 'descending'
    : 'ascending';
}

/** Whether a response (catalogue index) belongs to a group. */
export function inGroup(rules: CompiledRules, response: number, group: AudienceGroup): boolean {
  switch (group) {
    case 'sent':
      return SENT_STAGES.includes(STAGES[rules.stage[response]!]!);
    case 'final':
      return rules.final[response] === 1;
    case 'awaiting-final':
      return rules.final[response] === 0;
    default:
      return STAGES[rules.stage[response]!] === group;
  }
}

/** Per catalogue index, 1 when a row with that response passes the chips. */
export function allowedResponses(rules: CompiledRules, query: NormalizedQuery): Uint8Array {
  const allowed = new Uint8Array(rules.responses.length);
  const any = query.responses.length === 0 && query.groups.length === 0;
  rules.responses.forEach((response, index) => {
    if (any || query.responses.includes(response.id) || query.groups.some((group) => inGroup(rules, index, group)))
      allowed[index] = 1;
  });
  return allowed;
}

const NOT_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}/gu;

/**
 * Text as search and sort compare it: lower case, accents dropped ("Émile" sorts and matches as
 * "emile"). Plain ASCII, the common case, skips the Unicode normalization.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NOT_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/**
 * A test for "the folded search is in this text". A case-insensitive regular expression answers
 * for plain ASCII text without building a lower-case copy (four times faster over a million
 * names here); only text with other characters is folded, for the accents.
 */
export function textMatcher(needle: string): (text: string) => boolean {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (text) => pattern.test(text) || (NOT_ASCII.test(text) && foldText(text).includes(needle));
}
