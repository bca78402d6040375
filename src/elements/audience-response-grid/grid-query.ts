import type { CompiledRules } from '../../core/rules';
import {
  AUDIENCE_ENGAGEMENTS,
  AUDIENCE_GROUPS,
  SORT_COLUMNS,
  type AudienceEngagement,
  type AudienceQuery,
  type SortColumn,
  type SortDirection,
} from '../../store/audience/audience-query';
import type { FilterRequest } from '../shared/filter-request';
import { warnOnce } from '../shared/warn';

/** What the grid's properties ask for, before they are checked. */
export interface GridQueryInput {
  sortBy: SortColumn | '';
  sortDirection: SortDirection;
  filter: FilterRequest;
  search: string;
}

/**
 * The filter `applyFilter` sets for a request: groups and an engagement the grid does not know
 * are warned about once (`tag` names the element) and left out.
 */
export function checkedFilter(request: FilterRequest, tag: string): FilterRequest {
  if (Object.hasOwn(request, 'group')) {
    warnOnce('filter-group', `<${tag}> filter: no field "group"; use groups: ['sent'].`);
  }
  const groups = (request.groups ?? []).filter((group) => {
    if (AUDIENCE_GROUPS.includes(group)) return true;
    warnOnce(`group:${String(group)}`, `<${tag}> has no group "${String(group)}"; use ${AUDIENCE_GROUPS.join(', ')}.`);
    return false;
  });
  const engagement = knownEngagement(request.engagement, tag);
  const recipients =
    request.recipients && typeof request.recipients.label === 'string' && Array.isArray(request.recipients.ids)
      ? request.recipients
      : undefined;
  return {
    responses: [...(request.responses ?? [])],
    groups,
    ...(engagement ? { engagement } : {}),
    ...(recipients ? { recipients } : {}),
  };
}

/**
 * Warns once about a sort column, a direction, an engagement or a response id the grid does not
 * know; `gridQuery` then ignores each of them.
 */
export function checkQuery(input: GridQueryInput, rules: CompiledRules | undefined, tag: string): void {
  const { sortBy, sortDirection, filter } = input;
  if (sortBy !== '' && !SORT_COLUMNS.includes(sortBy)) {
    warnOnce(`sort:${sortBy}`, `<${tag} sort-by="${sortBy}">: not a column; use ${SORT_COLUMNS.join(', ')}.`);
  }
  if (sortDirection !== 'ascending' && sortDirection !== 'descending') {
    warnOnce(
      `direction:${String(sortDirection)}`,
      `<${tag} sort-direction="${String(sortDirection)}">: use ascending or descending; sorting ascending.`,
    );
  }
  knownEngagement(filter.engagement, tag);
  for (const id of filter.responses ?? []) {
    if (rules && !rules.lookup.has(id))
      warnOnce(
        `response:${id}`,
        `<${tag}> filter: "${id}" is no response id in rules ${rules.version}; it matches no row.`,
      );
  }
}

/** The view's query for the grid's properties; what `checkQuery` warns about is left out. */
export function gridQuery(input: GridQueryInput): AudienceQuery {
  const { sortBy, filter } = input;
  const direction: SortDirection = input.sortDirection === 'descending' ? 'descending' : 'ascending';
  const sort = sortBy && SORT_COLUMNS.includes(sortBy) ? { column: sortBy, direction } : null;
  return {
    responses: filter.responses ?? [],
    groups: filter.groups ?? [],
    engagement: filter.engagement ?? null,
    recipients: filter.recipients?.ids ?? null,
    search: input.search,
    sort,
  };
}

function knownEngagement(engagement: AudienceEngagement | undefined, tag: string): AudienceEngagement | undefined {
  if (engagement === undefined || AUDIENCE_ENGAGEMENTS.includes(engagement)) return engagement;
  warnOnce(
    `engagement:${String(engagement)}`,
    `<${tag}> filter has no engagement "${String(engagement)}"; use ${AUDIENCE_ENGAGEMENTS.join(', ')}.`,
  );
  return undefined;
}
