import { html, nothing, type TemplateResult } from 'lit';
import type { ContactState } from '../../core/effects';
import type { CompiledRules } from '../../core/rules';
import { isolated, ltrAddress } from '../shared/bidi-text';
import type { Messages } from '../shared/messages';
import type { TimeFormatter } from '../shared/time-format';
import type { TimelineEmail } from './timeline-model';

/** Causes listed beside a flag; more are summed up as "…". */
const MAX_CAUSES = 3;

/**
 * The contact's flags: what its responses across emails mean for the next send. Each flag that
 * is set says which response in which email set it, so nobody has to hunt for it.
 */
export function renderFlags(
  contact: ContactState,
  rules: CompiledRules,
  messages: Messages,
  labels: ReadonlyMap<string, string>,
  emails: readonly TimelineEmail[],
  time: TimeFormatter,
  now: number,
): TemplateResult {
  const t = messages.timeline;
  const effectsOf = (response: string) => rules.responses[rules.lookup.get(response) ?? -1]?.effects;
  const when = (cause: { emailId: string; recipientId: string }) => causeTime(emails, cause);
  const causes = (test: (response: string) => boolean) => {
    const list = contact.causes.filter((cause) => test(cause.response));
    if (list.length === 0) return nothing;
    const shown = list.slice(0, MAX_CAUSES).map((cause) => {
      const at = when(cause);
      const by = t.causedBy(labels.get(cause.response) ?? cause.response, cause.emailId);
      return at === undefined ? by : `${by}, ${time.format(at, now).text}`;
    });
    return html` <span class="muted" part="flag-cause">(${shown.join(', ')}${list.length > MAX_CAUSES ? ', …' : ''})</span>`;
  };
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const types = contact.unsubscribedEmailTypes;
  // A send canceled because the contact is Do not use email says the flag was set before it,
  // even when the response that set it is not in this store.
  const canceled = doNotUseEmailCancels(emails);
  const doNotUse = contact.doNotUseEmail || canceled.length > 0;
  const recipient = emails
    .flatMap((e) => e.recipients)
    .find((r) => r.contactName !== undefined || r.address !== undefined);
  const address = contact.address ?? recipient?.address;
  return html`<div class="contact-header" part="contact-header">
      ${recipient?.contactName !== undefined ? html`<p class="contact-name" part="contact-name">${isolated(recipient.contactName)}</p>` : nothing}
      ${address !== undefined ? html`<p class="contact-address">${ltrAddress(address, 'contact-address')}</p>` : nothing}
    </div>
    <div class="flags" part="flags" role="group" aria-label=${t.flagsLabel}>
      <dl>
        <div part="flag" data-flag="do-not-use-email" data-value=${yesNo(doNotUse)}>
          <dt>${t.doNotUseEmail}</dt>
          <dd class=${doNotUse ? 'set' : ''}>${yesNo(doNotUse)}${
            contact.doNotUseEmail
              ? causes((r) => !!effectsOf(r)?.doNotUseEmail)
              : canceled.length > 0
                ? `, ${t.setBefore(canceled.join(', '))}`
                : nothing
          }</dd>
        </div>
        <div part="flag" data-flag="valid" data-value=${yesNo(contact.valid)}>
          <dt>${t.valid}</dt>
          <dd class=${contact.valid ? '' : 'set'}>${yesNo(contact.valid)}${contact.valid ? nothing : causes((r) => !!effectsOf(r)?.invalidatesAddress)}</dd>
        </div>
        <div part="flag" data-flag="unsubscribed-types" data-value=${types.join(' ')}>
          <dt>${t.unsubscribedTypes}</dt>
          <dd>${types.length > 0 ? types.join(', ') : t.none}</dd>
        </div>
      </dl>
      ${
        contact.softBounceWarning
          ? html`<p class="warning" part="warning">${t.softBounceWarning(contact.softBounceStreak, contact.softBounceAddress)}</p>`
          : nothing
      }
    </div>`;
}

/** The response time of a flag's cause, from the contact's emails. */
function causeTime(
  emails: readonly TimelineEmail[],
  cause: { emailId: string; recipientId: string },
): number | undefined {
  return emails.find((e) => e.emailId === cause.emailId)?.recipients.find((r) => r.recipientId === cause.recipientId)
    ?.at;
}

/** Emails canceled because the contact was Do not use email, oldest first. */
function doNotUseEmailCancels(emails: readonly TimelineEmail[]): string[] {
  return emails
    .filter((e) => e.recipients.some((r) => r.response === 'canceled-do-not-use-email'))
    .map((e) => e.emailId)
    .reverse();
}

/**
 * Why an email should not have gone out, when it did: its recipient was sent or delivered after
 * a response of another recipient (in an earlier email, or earlier in this one when the audience
 * held the contact twice) marked the address invalid or the contact Do not use email.
 */
export function sentAfterFlag(
  email: TimelineEmail,
  contact: ContactState,
  rules: CompiledRules,
  emails: readonly TimelineEmail[],
):
  | { response: string; address: string | undefined; cause: { emailId: string; response: string }; causeAt: number }
  | undefined {
  for (const r of email.recipients) {
    const index = rules.lookup.get(r.response);
    const definition = index === undefined ? undefined : rules.responses[index];
    if (!definition || definition.group !== 'sent') continue;
    for (const cause of contact.causes) {
      if (cause.emailId === email.emailId && cause.recipientId === r.recipientId) continue;
      const at = causeTime(emails, cause);
      if (at !== undefined && at < r.at)
        return { response: r.response, address: r.address ?? contact.address, cause, causeAt: at };
    }
  }
  return undefined;
}
