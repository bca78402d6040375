import type { Stage } from '../../core/stages';

// The words the grid shares with <response-summary>: the engagement chip (the summary's figure
// names) and the stages. Apart from summary-messages.ts so the grid loads without the summary's.

/** The grid's chip for a count-based filter: the same words as the summary's figure. */
export interface EngagementMessages {
  opened: string;
  clicked: string;
  machineOpened: string;
  openedNotDelivered: string;
}

export const ENGLISH_ENGAGEMENT: EngagementMessages = {
  opened: 'Unique opens',
  clicked: 'Unique clicks',
  machineOpened: 'Machine opens only',
  openedNotDelivered: 'Opened, then not delivered',
};

/** The stages' names (spec: "Stages"). */
export const ENGLISH_STAGES: Record<Stage, string> = {
  scheduled: 'Scheduled',
  'not-sent': 'Not sent',
  'awaiting-provider': 'Awaiting provider',
  'not-delivered': 'Not delivered',
  delivered: 'Delivered',
};
