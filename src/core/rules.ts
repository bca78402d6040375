import { ResponseNames } from './response-names';
import { definitionStage, isStage, STAGES } from './stages';
import { DEFAULT_RULES, type ResponseCounter, type ResponseDefinition, type ResponseRules } from './catalogue';

/**
 * Rules compiled for the hot path: responses become small integers (their catalogue index) and
 * every comparison the fold makes is a lookup in a typed array.
 */
export interface CompiledRules {
  readonly source: ResponseRules;
  readonly version: string;
  readonly responses: readonly ResponseDefinition[];
  /** id, label and alias (case-insensitive) to catalogue index. */
  readonly lookup: ReadonlyMap<string, number>;
  /** The names `responseIndex` looked up last, to answer again without hashing them. */
  readonly names: ResponseNames;
  readonly final: Uint8Array;
  readonly priority: Int32Array;
  /**
   * Order among non-final responses: higher replaces lower. Priority first, then catalogue
   * order, which is the natural order of the priority-0 in-flight states.
   */
  readonly rank: Int32Array;
  /** 0 none, 1 opens, 2 clicks, 3 machine opens. */
  readonly counter: Uint8Array;
  readonly handedToProvider: Uint8Array;
  readonly delivered: Uint8Array;
  /** Index in `STAGES` of each response's stage (see `stageOf`). */
  readonly stage: Uint8Array;
  /** The statistics update period in milliseconds; 0 when it is off. */
  readonly statisticsPeriodMs: number;
  /** Catalogue index of Sent to provider (where the period starts), -1 when there is none. */
  readonly sentToProvider: number;
}

export const COUNTER_NONE = 0;
export const COUNTER_OPENS = 1;
export const COUNTER_CLICKS = 2;
export const COUNTER_MACHINE_OPENS = 3;

const COUNTER_CODES: Record<ResponseCounter, number> = {
  opens: COUNTER_OPENS,
  clicks: COUNTER_CLICKS,
  machineOpens: COUNTER_MACHINE_OPENS,
};

const compiledCache = new WeakMap<ResponseRules, CompiledRules>();

/** Compiles (once per rules object) the lookups the fold needs. Throws on invalid rules. */
export function compileRules(rules: ResponseRules = DEFAULT_RULES): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const problems = checkRules(rules);
  if (problems.length > 0) {
    throw new TypeError(`email-responses: the rules are not usable: ${problems.join('; ')}`);
  }
  const n = rules.responses.length;
  const lookup = new Map<string, number>();
  const final = new Uint8Array(n);
  const priority = new Int32Array(n);
  const rank = new Int32Array(n);
  const counter = new Uint8Array(n);
  const handedToProvider = new Uint8Array(n);
  const delivered = new Uint8Array(n);
  const stage = new Uint8Array(n);
  rules.responses.forEach((response, index) => {
    for (const name of [response.id, response.label, ...response.aliases]) {
      const key = name.toLowerCase();
      if (!lookup.has(key)) lookup.set(key, index);
    }
    final[index] = response.final ? 1 : 0;
    priority[index] = response.priority;
    counter[index] = response.counter ? COUNTER_CODES[response.counter] : COUNTER_NONE;
    handedToProvider[index] = response.handedToProvider ? 1 : 0;
    delivered[index] = response.group === 'sent' ? 1 : 0;
    stage[index] = STAGES.indexOf(definitionStage(response));
  });
  // Exact ids win over a label or alias that happens to spell another response's id.
  rules.responses.forEach((response, index) => lookup.set(response.id, index));
  const byOrder = rules.responses
    .map((response, index) => ({ priority: response.priority, index }))
    // Sort is stable: ties keep catalogue order even with the index sum (positive for any tie).
    .sort((a, b) => a.priority - b.priority || a.index - b.index);
  byOrder.forEach(({ index }, position) => {
    rank[index] = position + 1;
  });
  const compiled: CompiledRules = {
    source: rules,
    version: rules.version,
    responses: rules.responses,
    lookup,
    names: new ResponseNames(),
    final,
    priority,
    rank,
    counter,
    handedToProvider,
    delivered,
    stage,
    statisticsPeriodMs: rules.statisticsPeriodDays == null ? 0 : rules.statisticsPeriodDays * 86_400_000,
    sentToProvider: rules.responses.findIndex((response) => response.id === 'sent-to-provider'),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

/** Looks a response up by id, label or alias; -1 when the catalogue has no such response. */
export function responseIndex(rules: CompiledRules, name: string): number {
  return rules.names.index(name, rules.lookup);
}

/**
 * Says what is wrong with a rules object (from a backend, say), one reason per problem.
 * An empty list means the rules can be compiled.
 */
export function checkRules(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['rules must be an object'];
  const rules = value as Partial<ResponseRules>;
  if (typeof rules.version !== 'string' || rules.version.length === 0)
    problems.push('version must be a non-empty string');
  if (!Number.isInteger(rules.softBounceWarningThreshold) || (rules.softBounceWarningThreshold ?? 0) < 1) {
    problems.push('softBounceWarningThreshold must be a whole number of at least 1');
  }
  if (typeof rules.sentToProviderLimitHours !== 'number' || !(rules.sentToProviderLimitHours > 0)) {
    problems.push('sentToProviderLimitHours must be a positive number');
  }
  const period = rules.statisticsPeriodDays;
  // null as well as absent: a backend's JSON has no undefined.
  if (period !== undefined && period !== null && (typeof period !== 'number' || !(period > 0) || period === Infinity)) {
    problems.push('statisticsPeriodDays must be a positive number of days, or left out (off)');
  }
  if (!Array.isArray(rules.responses) || rules.responses.length === 0) {
    problems.push('responses must be a non-empty array');
    return problems;
  }
  const ids = new Set<string>();
  rules.responses.forEach((response: Partial<ResponseDefinition>, index) => {
    const where = `responses[${index}]`;
    if (typeof response !== 'object' || response === null) {
      problems.push(`${where} must be an object`);
      return;
    }
    if (typeof response.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(response.id)) {
      problems.push(`${where}.id must be a kebab-case string`);
    } else if (ids.has(response.id)) {
      problems.push(`${where}.id "${response.id}" appears twice`);
    } else {
      ids.add(response.id);
    }
    if (typeof response.label !== 'string' || response.label.length === 0)
      problems.push(`${where}.label must be a non-empty string`);
    if (!Array.isArray(response.aliases) || response.aliases.some((alias) => typeof alias !== 'string')) {
      problems.push(`${where}.aliases must be an array of strings`);
    }
    if (!Number.isInteger(response.code)) problems.push(`${where}.code must be a whole number`);
    if (response.group !== 'sent' && response.group !== 'not-sent')
      problems.push(`${where}.group must be "sent" or "not-sent"`);
    if (typeof response.final !== 'boolean') problems.push(`${where}.final must be true or false`);
    if (!Number.isInteger(response.priority)) problems.push(`${where}.priority must be a whole number`);
    if (typeof response.handedToProvider !== 'boolean')
      problems.push(`${where}.handedToProvider must be true or false`);
    if (response.stage !== undefined && !isStage(response.stage))
      problems.push(`${where}.stage must be one of ${STAGES.join(', ')}`);
    // Own properties only: `in` would accept "toString" or "constructor" through the prototype.
    if (
      response.counter !== undefined &&
      !(typeof response.counter === 'string' && Object.hasOwn(COUNTER_CODES, response.counter))
    ) {
      problems.push(`${where}.counter must be opens, clicks or machineOpens`);
    }
  });
  return problems;
}
