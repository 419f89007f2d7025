// Apply configured rules to facts: presets, severities and options resolved to a plan, then run.
import type { Finding, ResponseFact, Severity } from './facts.js';
import type { FrontEnd, PresetName, Rule } from './rule.js';
import { matchOperations, type DriftFacts, type DriftResult } from './drift.js';
import { rules as allRules, findRule, isDriftRule, isResponseRule, type AnyRule } from './rules/index.js';

/** A rule's setting as users write it: `"warn"`, or `["error", { businessRuleStatus: 400 }]`. */
export type RuleSetting = Severity | readonly [Severity] | readonly [Severity, Record<string, unknown>];

export interface RulesConfig {
  readonly extends?: readonly PresetName[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

export interface PlannedRule {
  readonly rule: AnyRule;
  readonly severity: Exclude<Severity, 'off'>;
  readonly options: Record<string, unknown>;
}

export interface RuleResult {
  readonly fact: ResponseFact;
  readonly finding: Finding;
  readonly severity: Exclude<Severity, 'off'>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const presetNames: readonly PresetName[] = ['recommended', 'all'];

/** The rules of a preset with their default severities; only those a front end runs, when it is named. */
export function presetRules(preset: PresetName, frontEnd?: FrontEnd): Record<string, Severity> {
  const entries = allRules.filter((rule) => rule.meta.presets.includes(preset) && (!frontEnd || rule.meta.frontEnds.includes(frontEnd))).map((rule) => [rule.meta.id, rule.meta.defaultSeverity] as const);
  return Object.fromEntries(entries);
}

function settingParts(ruleId: string, setting: RuleSetting): { severity: Severity; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting) && typeof setting[0] === 'string') {
    const options = setting[1];
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      throw new ConfigError(`rule "${ruleId}": options must be an object`);
    }
    return { severity: setting[0] as Severity, options: options as Record<string, unknown> | undefined };
  }
  throw new ConfigError(`rule "${ruleId}": expected "off", "warn", "error" or [severity, options]`);
}

/** Check options against the rule's schema (the small subset our schemas use: enum, type, items). */
export function validateRuleOptions(ruleId: string, options: Record<string, unknown>): void {
  const rule = findRule(ruleId);
  if (!rule) throw new ConfigError(`unknown rule "${ruleId}"`);
  const properties = rule.meta.optionsSchema.properties as Record<string, { enum?: unknown[]; type?: string; items?: { type?: string } }>;
  for (const [name, value] of Object.entries(options)) {
    const schema = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (!schema) {
      const known = Object.keys(properties);
      throw new ConfigError(`rule "${ruleId}": unknown option "${name}"${known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}`);
    }
    if (schema.enum && !schema.enum.includes(value)) {
      throw new ConfigError(`rule "${ruleId}": option "${name}" must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`);
    }
    if (schema.type === 'boolean' && typeof value !== 'boolean') throw new ConfigError(`rule "${ruleId}": option "${name}" must be true or false`);
    if (schema.type === 'array' && (!Array.isArray(value) || (schema.items?.type === 'string' && !value.every((item) => typeof item === 'string')))) {
      throw new ConfigError(`rule "${ruleId}": option "${name}" must be an array of strings`);
    }
  }
}

/** Resolve presets and rule settings into the list of rules to run. Later settings win. */
export function planRules(config: RulesConfig, frontEnd?: FrontEnd): PlannedRule[] {
  const severities = new Map<string, Severity>();
  const options = new Map<string, Record<string, unknown>>();
  for (const preset of config.extends ?? ['recommended']) {
    if (!presetNames.includes(preset)) throw new ConfigError(`unknown preset "${preset}" (known: ${presetNames.join(', ')})`);
    for (const [id, severity] of Object.entries(presetRules(preset))) severities.set(id, severity);
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!findRule(id)) throw new ConfigError(`unknown rule "${id}" (known: ${allRules.map((rule) => rule.meta.id).join(', ')})`);
    const parts = settingParts(id, setting);
    if (!['off', 'warn', 'error'].includes(parts.severity)) throw new ConfigError(`rule "${id}": severity must be "off", "warn" or "error"`);
    severities.set(id, parts.severity);
    if (parts.options) {
      validateRuleOptions(id, parts.options);
      options.set(id, { ...options.get(id), ...parts.options });
    }
  }
  const planned: PlannedRule[] = [];
  for (const rule of allRules) {
    const severity = severities.get(rule.meta.id);
    if (!severity || severity === 'off') continue;
    if (frontEnd && !rule.meta.frontEnds.includes(frontEnd)) continue;
    planned.push({ rule, severity, options: { ...(rule.meta.defaultOptions as Record<string, unknown>), ...options.get(rule.meta.id) } });
  }
  return planned;
}

/** Run the planned response rules on facts (drift rules in the plan are left to `runDriftRules`). */
export function runRules(facts: readonly ResponseFact[], plan: readonly PlannedRule[]): RuleResult[] {
  const results: RuleResult[] = [];
  for (const fact of facts) {
    for (const { rule, severity, options } of plan) {
      if (!isResponseRule(rule)) continue;
      const finding = checkFact(rule, fact, options);
      if (finding) results.push({ fact, finding, severity });
    }
  }
  return results;
}

/** One rule on one fact; a status decided away from the call names where ("401 from `unauthorized()` (src/lib/http.ts:12)"). */
export function checkFact<Options>(rule: Rule<Options>, fact: ResponseFact, options: Options): Finding | undefined {
  const finding = rule.check(fact, options);
  if (!finding || !fact.statusOrigin || fact.status === undefined) return finding;
  const origin = fact.statusOrigin;
  return { ...finding, message: `${finding.message} (${fact.status} from \`${origin.callee}\`${origin.how ? `, ${origin.how}` : ''}, ${origin.file}:${origin.line})` };
}

/** Run the planned drift rules on the routes of a project and the operations of its specs. */
export function runDriftRules(facts: DriftFacts, plan: readonly PlannedRule[]): DriftResult[] {
  const matches = matchOperations(facts);
  const results: DriftResult[] = [];
  for (const { rule, severity, options } of plan) {
    if (!isDriftRule(rule)) continue;
    for (const finding of rule.checkDrift(facts, matches, options)) results.push({ finding, severity });
  }
  return results;
}
