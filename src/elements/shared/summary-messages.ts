import { addViewMessages } from './messages';

// The engagement chip's and the stages' words, which the grid shows too, live in
// engagement-messages.ts: this file loads only with <response-summary>.
export type { EngagementMessages } from './engagement-messages';
export { ENGLISH_ENGAGEMENT, ENGLISH_STAGES } from './engagement-messages';

/**
 * The words of `<response-summary>` (the `summary` section of the message table). Numbers and times come formatted
 * for the element's locale, so a language only places them; where a word's form depends on a
 * count, the count comes too, as a number, for the language's plural rules (`Intl.PluralRules`).
 */
export interface SummaryMessages {
  /** The report's title when the host gives no name or subject: "Email spring-sale". */
  title: (emailId: string) => string;
  subject: (subject: string) => string;
  sender: (sender: string) => string;
  sentAt: (time: string) => string;
  /** The live line: the connection, and how fresh or complete the figures are. */
  live: {
    /** "live · updated 3 s ago"; `ago` is from Intl.RelativeTimeFormat. */
    live: (ago: string) => string;
    connecting: string;
    offline: (since: string) => string;
    retrying: string;
    /** No live stream: "updated 3 s ago". */
    updated: (ago: string) => string;
    /** "loading 2,400 of 100,000". */
    loading: (loaded: string, audience: string) => string;
    /**
     * The store was closed (its `close()`): "last updated 10:42", when this email's figures last
     * changed; the date comes too when that was another day. A time, not "3 min. ago": nothing
     * updates the figures any more, so the line is not to tick on.
     */
    lastUpdated: (time: string) => string;
  };
  /** The cards' and notes' names; the grid's chips say the same words. */
  figures: {
    clickToOpen: string;
  };
  /** What each card's rate is called, and what it is taken of. */
  rates: {
    sent: (rate: string, recipients: string, recipientCount: number) => string;
    /**
     * While the audience is still loading (see `live.loading`): "86.9 % of the 2,000 loaded", as
     * the rest of the audience may have been sent too.
     */
    sentOfLoaded: (rate: string, loaded: string, loadedCount: number) => string;
    delivery: (rate: string) => string;
    open: (rate: string) => string;
    click: (rate: string) => string;
    clickToOpen: (clicks: string, opens: string, clickCount: number, openCount: number) => string;
    unsubscribe: (rate: string) => string;
    spam: (rate: string) => string;
    bounce: (rate: string) => string;
    /** "of 961 sent", "of 873 delivered". */
    ofSent: (count: string) => string;
    ofDelivered: (count: string) => string;
  };
  /** Beneath Not delivered: "Hard Bounce: 12 (1.2 % of sent)"; `label` is the response's. */
  bounce: (label: string, count: string, rate: string) => string;
  /** Beneath Click-to-open: the names other reports give the same rate. */
  clickToOpenAlias: string;
  /** Why opens are estimates that arrive late; beside the cards, and each open figure's description. */
  opensNote: string;
  totalOpens: (count: string, n: number) => string;
  totalClicks: (count: string, n: number) => string;
  /** A figure's help: which recipients it counts. */
  help: {
    sent: string;
    delivered: string;
    uniqueOpens: string;
    uniqueClicks: string;
    clickToOpen: string;
    unsubscribed: string;
    spamComplaint: string;
    notDelivered: string;
    machineOpened: string;
    openedNotDelivered: string;
  };
  /** "45 Machine opens only (5.2 % of delivered): mostly mail-privacy proxies and security scanners…". */
  machineNote: (count: string, rate: string) => string;
  openedNotDeliveredNote: (count: string, n: number) => string;
  /** The breakdown of the stages the cards do not tell. */
  breakdown: string;
  /** The button that shows a whole stage in the grid. */
  showStage: (stage: string, count: string) => string;
  /** A rate whose base is 0. */
  noRate: string;
  /** How a figure's button tells what it does. */
  chooseHint: string;
  /** The cards' list, for assistive technology. */
  headline: string;
  /** The clicked links. */
  links: {
    title: string;
    download: (count: string) => string;
    more: (count: string) => string;
    /** The grid's chip for a link's clickers. */
    chip: (url: string) => string;
    headers: { url: string; unique: string; total: string };
  };
  /** Opens and clicks over time. */
  overTime: {
    title: string;
    rangeLabel: string;
    ranges: { '24': string; '72': string; all: string };
    /** The chart's name: its range and totals. */
    chartLabel: (range: string, opens: string, clicks: string) => string;
    median: (duration: string) => string;
    noOpens: string;
    duration: (hours: number, minutes: number) => string;
    /** An axis tick: hours since the send. */
    tick: (hour: number) => string;
    /** A table row: "hour 3 (3–4 h)". */
    hour: (hour: number) => string;
    table: string;
    headers: { hour: string; opens: string; clicks: string };
  };
}

const englishPlural = new Intl.PluralRules('en');
/** "1 total open", "2 total opens": English has two forms. */
const en = (n: number, one: string, other: string) => (englishPlural.select(n) === 'one' ? one : other);

export const ENGLISH_SUMMARY: SummaryMessages = {
  title: (emailId) => `Email ${emailId}`,
  subject: (subject) => `Subject: ${subject}`,
  sender: (sender) => `From ${sender}`,
  sentAt: (time) => `Sent ${time}`,
  live: {
    live: (ago) => `live · updated ${ago}`,
    connecting: 'connecting…',
    offline: (since) => `offline since ${since}`,
    retrying: 'reconnecting…',
    updated: (ago) => `updated ${ago}`,
    loading: (loaded, audience) => `loading ${loaded} of ${audience}`,
    lastUpdated: (time) => `last updated ${time}`,
  },
  figures: { clickToOpen: 'Click-to-open' },
  rates: {
    sent: (rate, recipients, n) => `${rate} of ${recipients} ${en(n, 'recipient', 'recipients')}`,
    sentOfLoaded: (rate, loaded) => `${rate} of the ${loaded} loaded so far`,
    delivery: (rate) => `${rate} delivery rate`,
    open: (rate) => `${rate} open rate`,
    click: (rate) => `${rate} click rate`,
    clickToOpen: (clicks, opens, clickCount, openCount) =>
      `${clicks} ${en(clickCount, 'clicker', 'clickers')} of ${opens} ${en(openCount, 'opener', 'openers')}`,
    unsubscribe: (rate) => `${rate} unsubscribe rate`,
    spam: (rate) => `${rate} complaint rate`,
    bounce: (rate) => `${rate} bounce rate`,
    ofSent: (count) => `of ${count} sent`,
    ofDelivered: (count) => `of ${count} delivered`,
  },
  bounce: (label, count, rate) => `${label}: ${count} (${rate})`,
  clickToOpenAlias: 'also called click-through rate',
  opensNote:
    'Opens are estimates and keep arriving for days: Apple Mail Privacy Protection and security scanners open some emails for the reader (counted as machine opens where the provider tells them apart), and mail apps that block images hide real opens until a click.',
  totalOpens: (count, n) => `${count} total ${en(n, 'open', 'opens')}`,
  totalClicks: (count, n) => `${count} total ${en(n, 'click', 'clicks')}`,
  help: {
    sent: 'Handed to the email provider: Awaiting provider, Not delivered and Delivered.',
    delivered: 'Reached the recipient’s mail server. Delivery rate: Delivered of Sent.',
    uniqueOpens:
      'Delivered recipients who opened at least once (a click counts as an open; machine opens do not). Open rate: of Delivered. Opens before a later bounce report are not counted here; they are shown apart.',
    uniqueClicks:
      'Delivered recipients who clicked a link at least once (not the unsubscribe link). Click rate: of Delivered, as Mailchimp and HubSpot count it; clicks of opens is Click-to-open.',
    clickToOpen:
      'Unique clicks of unique opens: how many who opened also clicked. HubSpot calls it the click-through rate, Mailchimp clicks per unique opens. Shows the recipients who clicked.',
    unsubscribed: 'Recipients who clicked the unsubscribe link, of Delivered.',
    spamComplaint: 'Recipients who marked the email as spam, of Delivered.',
    notDelivered:
      'Handed to the provider but did not arrive: hard and soft bounces, rejections, invalid addresses, unknown responses. Bounce rate, and each response’s rate: of Sent.',
    machineOpened:
      'Opened only by machines: mostly mail-privacy proxies and security scanners, not people. Not in the opens.',
    openedNotDelivered: 'Opened or clicked, then reported not delivered (a late bounce). Outside every rate.',
  },
  machineNote: (count, rate) =>
    `Machine opens only: ${count} (${rate} of delivered), mostly mail-privacy proxies and security scanners, not counted as opens.`,
  openedNotDeliveredNote: (count) => `${count} opened before a bounce report, not counted as opens.`,
  breakdown: 'Not delivered, in flight and not sent',
  showStage: (stage, count) => `All ${count} ${stage}`,
  noRate: '—',
  chooseHint: 'Shows these recipients in the grid',
  headline: 'Headline figures',
  links: {
    title: 'Links clicked',
    download: (count) => `Download all ${count} (CSV)`,
    more: (count) => `${count} more in the CSV.`,
    chip: (url) => `Clicked ${url}`,
    headers: { url: 'Link', unique: 'Unique clicks', total: 'Total clicks' },
  },
  overTime: {
    title: 'Opens and clicks over time',
    rangeLabel: 'Time range',
    ranges: { '24': 'First 24 h', '72': 'First 72 h', all: 'All' },
    chartLabel: (range, opens, clicks) =>
      `Unique opens and clicks per hour since the send, ${range}: ${opens} opens, ${clicks} clicks`,
    median: (duration) => `Median time to first open: ${duration}`,
    noOpens: 'No opens yet.',
    duration: (hours, minutes) => (hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`),
    tick: (hour) => `${hour} h`,
    hour: (hour) => `${hour}–${hour + 1} h`,
    table: 'Show as a table',
    headers: { hour: 'Hours after the send', opens: 'Unique opens', clicks: 'Unique clicks' },
  },
};

// The summary's section joins the one table when this view's code loads (a host's overrides for it,
// registered before, apply from then on).
addViewMessages('summary', ENGLISH_SUMMARY);
