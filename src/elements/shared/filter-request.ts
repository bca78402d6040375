import type { AudienceEngagement, AudienceGroup } from '../../store/audience/audience-query';

/**
 * Which recipients the grid shows: its chosen chips. The grid's `filter` property and
 * `applyFilter` take it; the summary's `filter-request` detail is one, so a host forwards it as it
 * is. A row shows when it has one of the chosen responses or is in one of the chosen groups (no
 * choice shows every row), and, when `engagement` is set, has that engagement.
 */
export interface FilterRequest {
  /** Catalogue response ids (`hard-bounce`); an id the rules do not know matches no row. */
  responses?: readonly string[];
  /**
   * A stage (`delivered`, `not-delivered`…), `sent` (the three stages after the hand-over), `final`,
   * `awaiting-final`.
   */
  groups?: readonly AudienceGroup[];
  /** Opened and Clicked are counts, not responses: only the recipients with this engagement. */
  engagement?: AudienceEngagement;
  /**
   * Only these recipients, under a chip with this label: a set the other fields cannot say (the
   * summary's "clicked this link"). Narrows like the engagement.
   */
  recipients?: { label: string; ids: readonly string[] };
}
