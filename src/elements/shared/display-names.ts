import type { Messages } from './messages';

/**
 * The readers' providers (core/providers) by id: brand names, the same in every language. Apart
 * from the messages table (whose `providers` a host fills for its own providers or to rename
 * these) so that the script tag's core, which every page loads, does not carry them: only the
 * views that show a provider do.
 */
const BRANDS: Readonly<Record<string, string>> = {
  sendgrid: 'SendGrid',
  mailgun: 'Mailgun',
  ses: 'Amazon SES',
  postmark: 'Postmark',
  'elastic-email': 'Elastic Email',
  sparkpost: 'SparkPost',
  brevo: 'Brevo',
  mailjet: 'Mailjet',
  resend: 'Resend',
};

/** A table's own entry, if a text: an id such as `constructor` must not find Object.prototype's. */
function own(table: Readonly<Record<string, string>>, id: string): string | undefined {
  const value = Object.hasOwn(table, id) ? table[id] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A provider's name: the messages' (a host's), else the brand's ("SendGrid"), else its id. */
export function providerName(messages: Messages, id: string): string {
  return own(messages.providers, id) ?? own(BRANDS, id) ?? id;
}

/**
 * An email type's name in these messages, else the type with its first letter a capital in the
 * locale's way ("newsletter": "Newsletter"; Turkish writes "iş" as "İş").
 */
export function emailTypeName(messages: Messages, type: string, locale?: string): string {
  return own(messages.emailTypes, type) ?? type.charAt(0).toLocaleUpperCase(locale) + type.slice(1);
}
