// The grid's view of the store (AudienceView, with its sort, its query and the engagement columns
// read from the store's events) loads when a grid first has a store and an email to show, beside
// the store's own cache or ingest code: the entry and the grid's shell do without it (issue 14),
// and no row could show before those arrive anyway. The <script> build's grid part holds it.
import type { AudienceView } from '../../store/audience/audience-view';
import { loadOnce } from '../shared/load-once';

/** AudienceView's class (a failed load is asked for again next time). */
export const loadAudienceView: () => Promise<typeof AudienceView> = loadOnce(() =>
  import('../../store/audience/audience-view').then((module) => module.AudienceView),
);
