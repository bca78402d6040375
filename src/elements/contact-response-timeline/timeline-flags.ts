import { html, nothing, type TemplateResult } from 'lit';
import type { ContactState } from '../../core/effects';
import type { CompiledRules } from '../../core/rules';
import type { Messages } from '../shared/messages';

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
): TemplateResult {
  const t = messages.timeline;
  const effectsOf = (response: string) => rules.responses[rules.lookup.get(response) ?? -1]?.effects;
  const causes = (test: (response: string) => boolean) => {
    const list = contact.causes.filter((cause) => test(cause.response));
    if (list.length === 0) return nothing;
    const shown = list
      .slice(0, MAX_CAUSES)
      .map((cause) => t.causedBy(labels.get(cause.response) ?? cause.response, cause.emailId));
    return html` <span class="muted" part="flag-cause">(${shown.join(', ')}${list.length > MAX_CAUSES ? ', …' : ''})</span>`;
  };
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const types = contact.unsubscribedEmailTypes;
  return html`<div class="flags" part="flags" role="group" aria-label=${t.flagsLabel}>
      <dl>
        <div part="flag" data-flag="do-not-use-email" data-value=${yesNo(contact.doNotUseEmail)}>
          <dt>${t.doNotUseEmail}</dt>
          <dd class=${contact.doNotUseEmail ? 'set' : ''}>${yesNo(contact.doNotUseEmail)}${contact.doNotUseEmail ? causes((r) => !!effectsOf(r)?.doNotUseEmail) : nothing}</dd>
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
