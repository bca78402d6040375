import type { Stage } from '../../core/stages';

/**
 * The words of `<response-summary>` (the `summary` section of the message table) and of the
 * grid's engagement chip (the `engagement` section). Numbers come formatted for the element's
 * locale, so a language only places them.
 */
export interface SummaryMessages {
  /** The chart's caption and the table's: "Responses to spring-sale". */
  label: (emailId: string) => string;
  /** "120 recipients, 100 sent". */
  totals: (recipients: string, sent: string) => string;
  funnel: string;
  outcomes: string;
  notSentReasons: string;
  figures: {
    delivered: string;
    opened: string;
    clicked: string;
    machineOpened: string;
    unsubscribed: string;
    spamComplaint: string;
    softBounce: string;
    hardBounce: string;
    notSent: string;
  };
  headers: { figure: string; count: string; rate: string; of: string };
  of: { sent: (count: string) => string; delivered: (count: string) => string };
  /** A rate whose denominator is 0, or a figure the spec gives no rate. */
  noRate: string;
  /** One bar's title and one line of the chart's text alternative; `rate` and `of` may be ''. */
  figureText: (label: string, count: string, rate: string, of: string) => string;
  /** How a figure's button tells what it does. */
  chooseHint: string;
}

/** The grid's chip for a count-based filter: the same words as the summary's figure. */
export interface EngagementMessages {
  opened: string;
  clicked: string;
  machineOpened: string;
  openedNotDelivered: string;
}

export const ENGLISH_SUMMARY: SummaryMessages = {
  label: (emailId) => `Responses to ${emailId}`,
  totals: (recipients, sent) => `${recipients} recipients, ${sent} sent`,
  funnel: 'Funnel',
  outcomes: 'Unsubscribes, complaints and bounces',
  notSentReasons: 'Not sent, by reason',
  figures: {
    delivered: 'Delivered',
    opened: 'Opened',
    clicked: 'Clicked',
    machineOpened: 'Opened by machines only',
    unsubscribed: 'Unsubscribed',
    spamComplaint: 'Spam complaint',
    softBounce: 'Soft Bounce',
    hardBounce: 'Hard Bounce',
    notSent: 'Not sent',
  },
  headers: { figure: 'Figure', count: 'Recipients', rate: 'Rate', of: 'Of' },
  of: { sent: (count) => `of ${count} sent`, delivered: (count) => `of ${count} delivered` },
  noRate: '—',
  figureText: (label, count, rate, of) => `${label}: ${count}${rate ? `, ${rate}` : ''}${of ? ` ${of}` : ''}`,
  chooseHint: 'Shows these recipients in the grid',
};

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
