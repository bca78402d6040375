import { addViewMessages } from './messages';

/**
 * The words of `<contact-response-timeline>`: the `timeline` section of the message table
 * (`registerMessages('de', { timeline: { ... } })`). Kept apart from messages.ts so that file
 * stays readable; the table is still one.
 */
export interface TimelineMessages {
  /** The list of emails, for screen readers. */
  listLabel: string;
  flagsLabel: string;
  doNotUseEmail: string;
  valid: string;
  unsubscribedTypes: string;
  yes: string;
  no: string;
  none: string;
  /** "soft-bounced in 3 emails in a row": the address may no longer be used. */
  softBounceWarning: (emails: number, address: string | undefined) => string;
  /** Why a flag is set: "Hard Bounce in spring-sale". */
  causedBy: (response: string, emailId: string) => string;
  /** Do not use email known from a send canceled for it: "before spring-sale". */
  setBefore: (emails: string) => string;
  /**
   * "Delivered after old@example.com was marked invalid by Hard Bounce in welcome, Jan 1, 2026,
   * 12:10 AM.": `address` is undefined when no event carried one, `cause` is causedBy's text and
   * `time` the cause's formatted time (undefined when not known).
   */
  sentAfterFlag: (
    response: string,
    address: string | undefined,
    flag: string,
    cause: string,
    time: string | undefined,
  ) => string;
  /** The button of a later recipient of one email (the audience held the contact twice): "welcome, send 2". */
  sendNumber: (emailId: string, send: number) => string;
  /** The flag word in sentAfterFlag for an address marked invalid. */
  invalidFlag: string;
  filterLabel: string;
  allResponses: string;
  responseOption: (label: string, count: number) => string;
  showMachineOpens: string;
  kinds: { bulk: string; trigger: string; unknown: string };
  emailType: (type: string) => string;
  opens: (count: number) => string;
  clicks: (count: number) => string;
  machineOpens: (count: number) => string;
  eventsLabel: (emailId: string) => string;
  /** Beside the event that made the response what it became (empty: only unchanged ones are marked). */
  changed: string;
  lowerPriority: (current: string) => string;
  afterFinal: (final: string) => string;
  sameResponse: (current: string) => string;
  duplicate: string;
  /** An event after the rules' statistics update period: not applied. */
  afterPeriod: (days: number) => string;
  counted: { opens: string; clicks: string; machineOpens: string };
  machineOpensHidden: (count: number) => string;
  /** A recipient restored from the cache has its state but not its events. */
  noEvents: string;
  showMore: (count: number) => string;
  showNewer: (count: number) => string;
  range: (first: number, last: number, total: number) => string;
  noContactId: string;
  noEmails: string;
  noMatch: string;
}

const n = (count: number) => count.toLocaleString('en');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const ENGLISH_TIMELINE: TimelineMessages = {
  listLabel: 'Emails to this contact, newest first',
  flagsLabel: 'Contact',
  doNotUseEmail: 'Do not use email',
  valid: 'Valid',
  unsubscribedTypes: 'Unsubscribed from',
  yes: 'yes',
  no: 'no',
  none: 'none',
  softBounceWarning: (emails, address) =>
    `${address ?? 'The address'} soft-bounced in ${n(emails)} emails in a row: it may no longer be in use.`,
  causedBy: (response, emailId) => `${response} in ${emailId}`,
  setBefore: (emails) => `before ${emails}`,
  sentAfterFlag: (response, address, flag, cause, time) =>
    `${response} after ${address ?? 'the address'} was marked ${flag} by ${cause}${time === undefined ? '' : `, ${time}`}.`,
  sendNumber: (emailId, send) => `${emailId}, send ${n(send)}`,
  invalidFlag: 'invalid',
  filterLabel: 'Response',
  allResponses: 'All responses',
  responseOption: (label, count) => `${label} (${n(count)})`,
  showMachineOpens: 'Show machine opens',
  kinds: { bulk: 'Bulk email', trigger: 'Trigger email', unknown: 'Email' },
  emailType: (type) => `type: ${type}`,
  opens: (count) => plural(count, 'open', 'opens'),
  clicks: (count) => plural(count, 'click', 'clicks'),
  machineOpens: (count) => plural(count, 'machine open', 'machine opens'),
  eventsLabel: (emailId) => `Events of ${emailId}`,
  changed: '',
  lowerPriority: (current) => `no change: lower priority than ${current}`,
  afterFinal: (final) => `no change: ${final} is final`,
  sameResponse: (current) => `no change: already ${current}`,
  duplicate: 'duplicate delivery, counted once',
  afterPeriod: (days) =>
    `not applied: more than ${plural(days, 'day', 'days')} after the email was sent (statistics update period)`,
  counted: { opens: '+1 open', clicks: '+1 click', machineOpens: '+1 machine open' },
  machineOpensHidden: (count) => `${plural(count, 'machine open', 'machine opens')} hidden`,
  noEvents: 'The events are not kept in this page (restored from the saved responses).',
  showMore: (count) => `Show ${plural(count, 'older email', 'older emails')}`,
  showNewer: (count) => `Show ${plural(count, 'newer email', 'newer emails')}`,
  // "Emails 1–1 of 1" read as a glitch.
  range: (first, last, total) =>
    total === 1
      ? '1 email'
      : first === last
        ? `Email ${n(first)} of ${n(total)}`
        : `Emails ${n(first)}–${n(last)} of ${n(total)}`,
  noContactId: 'Choose a recipient to see their responses.',
  noEmails: 'No emails for this contact yet.',
  noMatch: 'No email of this contact has this response.',
};

// The timeline's section joins the one table when this view's code loads (a host's overrides for
// it, registered before, apply from then on).
addViewMessages('timeline', ENGLISH_TIMELINE);
