/**
 * `email-responses`: the ES module a host imports. It registers the custom elements and
 * re-exports the DOM-free core and the store, so one import gives everything.
 */
import './elements/email-responses/define';
import './elements/audience-response-grid/define';
import './elements/contact-response-timeline/define';
import './elements/response-summary/define';

export * from './core/index';
// The type `provider` takes; the normalizers themselves are in `email-responses/providers`.
export type { ProviderName } from './core/providers/provider-types';

export { ResponseStore, createResponseStore } from './store/response-store';
export type { ResponseStoreOptions } from './store/response-store';
export type {
  CacheStatus,
  IngestResult,
  ReconcileConflict,
  ResponseStoreEventMap,
  StoreChange,
  StoreTally,
} from './store/store-events';
export { storeContext } from './elements/controllers/store-context';
export {
  createSource,
  SseSource,
  WebSocketSource,
  PollSource,
  NdjsonSource,
  IterableSource,
} from './store/sources/index';
export type {
  ConnectionState,
  ConnectionStatus,
  ResponseSource,
  SourceSink,
  SourceSpec,
  SourceKind,
} from './store/sources/index';
export { checkEmailInfo, fetchEmailInfo } from './store/email-info';
export type { EmailInfo } from './store/email-info';
export { AudienceView } from './store/audience/audience-view';
export type {
  AudienceCounts,
  AudienceGroup,
  AudienceQuery,
  AudienceSort,
  SortColumn,
  SortDirection,
} from './store/audience/audience-view';
export type { EmailEngagement, EngagementSource, RowEngagement } from './store/email-engagement';

export { EmailResponsesElement } from './elements/email-responses/email-responses';
export type { EmailResponsesEventMap } from './elements/email-responses/email-responses';
export { AudienceResponseGridElement } from './elements/audience-response-grid/audience-response-grid';
export type { FilterRequest } from './elements/shared/filter-request';
export type {
  AudienceResponseGridEventMap,
  ColumnsChangeDetail,
  ColumnsChangeEvent,
  RecipientSelectDetail,
  RecipientSelectEvent,
} from './elements/audience-response-grid/grid-events';
export { StoreController } from './elements/controllers/store-controller';
export { ResponseViewElement } from './elements/shared/response-view-element';
export { defineEmailResponses } from './elements/define-email-responses';
export type { DefineOptions, ElementName } from './elements/define-email-responses';
export { registerMessages } from './elements/shared/messages';
export type { Messages, MessageOverrides } from './elements/shared/messages';
export { ContactResponseTimelineElement } from './elements/contact-response-timeline/define';
export type {
  ContactResponseTimelineEventMap,
  EmailSelectDetail,
  EmailSelectEvent,
} from './elements/contact-response-timeline/define';
export { ResponseSummaryElement } from './elements/response-summary/define';
export type {
  FilterRequestDetail,
  FilterRequestEvent,
  ResponseSummaryEventMap,
  SummaryStep,
} from './elements/response-summary/define';
export type { AudienceEngagement } from './store/audience/audience-query';
export type { EngagementMessages, SummaryMessages, TimelineMessages } from './elements/shared/messages';
