import type { AudienceEngagement, AudienceGroup } from '../../store/audience/audience-query';
import type { SummaryStep } from './summary-figures';

/**
 * Detail of `filter-request`: the recipients behind a figure, in the shape the grid's
 * `applyFilter` takes, so a host forwards it as it is: `grid.applyFilter(event.detail)`.
 */
export interface FilterRequestDetail {
  emailId: string;
  /** The figure chosen; null when the chosen one was chosen again (show every recipient). */
  step: SummaryStep | null;
  /** For a Not sent reason: its response id. */
  reason?: string;
  responses: readonly string[];
  groups: readonly AudienceGroup[];
  /** Opened, Clicked and machine-only opens are counts, not responses. */
  engagement?: AudienceEngagement;
}

export type FilterRequestEvent = CustomEvent<FilterRequestDetail>;

/** The summary's events, as `addEventListener` sees them. */
export interface ResponseSummaryEventMap extends HTMLElementEventMap {
  'filter-request': FilterRequestEvent;
}
