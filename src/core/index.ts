/**
 * `email-responses/core`: the response rules, the fold and validation, with no DOM. Runs in
 * Node, a worker or the page.
 */
export { DEFAULT_RULES } from './catalogue';
export type { ResponseCounter, ResponseDefinition, ResponseEffects, ResponseGroup, ResponseRules } from './catalogue';
export { DEFAULT_STAGES, SENT_STAGES, STAGES, definitionStage, isSent, isStage, stageOf } from './stages';
export type { Stage } from './stages';
export { checkRules, compileRules, responseIndex } from './rules';
export type { CompiledRules } from './rules';
export type { EmailKind, EventRejection, RejectionCode, ResponseEvent, UnsubscribeScope } from './event';
export { FIELD_LIMITS, checkEvent, validateEvents } from './validate';
export { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME, eventTime, parseIsoTime } from './time';
export { ResponseState } from './fold';
export { createResponseState, foldEvents } from './fold-events';
export type { FoldedResponses } from './fold-events';
export type { AppliedBatch, RecipientState, SavedRecipient } from './fold';
export {
  COLUMNAR_FORMAT,
  COLUMNAR_VERSION,
  EVENT_COLUMNS,
  MAX_COLUMNAR_ROWS,
  SNAPSHOT_COLUMNS,
  decodeColumns,
  isColumnarBatch,
} from './columnar-batch';
export type { ColumnSchema, ColumnarBatch, ColumnarRowRejection, DecodedColumns } from './columnar-batch';
export { applyItems, expandColumnar } from './columnar-apply';
export { encodeColumns } from './columnar-encode';
export type { EncodeOptions } from './columnar-encode';
export type { EmailEntry } from './email-table';
export { contactFlags } from './effects';
export { explainRecipientEvents } from './explain';
export type { ExplainedEvent, UnchangedBecause } from './explain';
export type { ContactState } from './effects';
export { failedHandOver, isWellFormedAddress, presendCascade } from './presend';
export type { AudienceRow, PresendDecision, PresendEmail } from './presend';
export { reportEmail, rateFigure } from './report';
export type { EmailReport, RateBase, RateFigure, StageResponse } from './report';
export { ENGAGEMENTS, hasEngagement } from './engagement';
export type { Engagement, EngagementCounters } from './engagement';
// The provider normalizers are in `email-responses/providers` (src/providers/index.ts): they read
// webhooks, a server's job, and the views load them only on demand.
