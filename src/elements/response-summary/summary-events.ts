import type { AudienceGroup } from '../../store/audience/audience-query';
import type { FilterRequest } from '../shared/filter-request';
import type { FigureKey } from './report-figures';

/**
 * A figure a user can choose: a card (`unique-opens`), a note, a stage (`stage:not-delivered`) or a response
 * (`response:hard-bounce`).
 */
export type SummaryStep = FigureKey;

/**
 * Detail of `filter-request`: the recipients behind a figure, a `FilterRequest` with every list
 * present, so a host forwards it to the grid as it is: `grid.applyFilter(event.detail)`.
 */
export interface FilterRequestDetail extends FilterRequest {
  emailId: string;
  /** The figure chosen; null when the chosen one was chosen again (show every recipient). */
  step: SummaryStep | null;
  responses: readonly string[];
  groups: readonly AudienceGroup[];
}

export type FilterRequestEvent = CustomEvent<FilterRequestDetail>;

/** The summary's events, as `addEventListener` sees them. */
export interface ResponseSummaryEventMap extends HTMLElementEventMap {
  'filter-request': FilterRequestEvent;
}

declare global {
  // Bubbling and composed: a listener on any ancestor, or on the document, gets the typed event.
  interface GlobalEventHandlersEventMap {
    'filter-request': FilterRequestEvent;
  }
}
