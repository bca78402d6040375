import type { ResponseDefinition } from './catalogue';
import type { CompiledRules } from './rules';

/**
 * Where a recipient's email is, in a marketer's words (spec: "Stages"). Every view names
 * recipients by stage; the CRM's group (`sent` = reached the recipient) stays data only.
 */
export type Stage = 'scheduled' | 'not-sent' | 'awaiting-provider' | 'not-delivered' | 'delivered';

/** In the order of an email's life. */
export const STAGES: readonly Stage[] = ['scheduled', 'not-sent', 'awaiting-provider', 'not-delivered', 'delivered'];

/** Sent, the funnel's first step: handed to the provider, whatever came of it. */
export const SENT_STAGES: readonly Stage[] = ['awaiting-provider', 'not-delivered', 'delivered'];

/** The spec's stage of each default response; `DEFAULT_RULES` carries it as data. */
export const DEFAULT_STAGES: Readonly<Record<string, Stage>> = {
  planned: 'scheduled',
  'ready-to-send': 'scheduled',
  'sent-to-provider': 'awaiting-provider',
  'provider-queued': 'awaiting-provider',
  'provider-delayed': 'awaiting-provider',
  delivered: 'delivered',
  'opened-machine': 'delivered',
  opened: 'delivered',
  clicked: 'delivered',
  unsubscribed: 'delivered',
  'spam-complaint': 'delivered',
  unknown: 'not-delivered',
  'delivery-error': 'not-sent',
  'invalid-address': 'not-delivered',
  rejected: 'not-delivered',
  'soft-bounce': 'not-delivered',
  'hard-bounce': 'not-delivered',
  'limit-reached': 'not-sent',
  'canceled-do-not-use-email': 'not-sent',
  'canceled-invalid-email': 'not-sent',
  'canceled-incorrect-email': 'not-sent',
  'canceled-no-email': 'not-sent',
  'canceled-no-template': 'not-sent',
  'canceled-sender-domain': 'not-sent',
  'canceled-sender-name': 'not-sent',
  'canceled-duplicate': 'not-sent',
  'canceled-unsubscribed-type': 'not-sent',
  'stopped-manually': 'not-sent',
  'stopped-expired': 'not-sent',
};

/**
 * A response's stage: its `stage` when the rules name one, else what its group, final flag and
 * hand-over imply (rules written before stages existed keep working).
 */
export function definitionStage(
  response: Pick<ResponseDefinition, 'stage' | 'group' | 'final' | 'handedToProvider'>,
): Stage {
  if (response.stage !== undefined) return response.stage;
  if (response.group === 'sent') return 'delivered';
  if (response.handedToProvider) return response.final ? 'not-delivered' : 'awaiting-provider';
  return response.final ? 'not-sent' : 'scheduled';
}

export function isStage(value: unknown): value is Stage {
  // The typeof is for the type: `includes` finds no non-string among the stage names either.
  // Stryker disable next-line ConditionalExpression: equivalent, as said above
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** The stage of a response, by id, label, alias or catalogue index; undefined when unknown. */
export function stageOf(rules: CompiledRules, response: string | number): Stage | undefined {
  const index =
    typeof response === 'number' ? response : (rules.lookup.get(response) ?? rules.lookup.get(response.toLowerCase()));
  // The guard states the contract; without it an index out of range reads undefined from the
  // typed array, and STAGES[undefined] is undefined too.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, as said above
  return index === undefined || index < 0 || index >= rules.responses.length ? undefined : STAGES[rules.stage[index]!];
}

/** Whether a stage counts in Sent. */
export function isSent(stage: Stage): boolean {
  return SENT_STAGES.includes(stage);
}
