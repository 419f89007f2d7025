// What a rule is: its metadata (shared by every front end) and its decision on one fact.
import { CORE_VERSION } from './version.js';
import type { Finding, ResponseFact, Severity } from './facts.js';

/** The rule pages of the release this core belongs to: a link never points at pages of another version. */
export const DOCS_BASE_URL = `https://github.com/status-lint/status-lint/blob/v${CORE_VERSION}/docs/rules/`;

export type PresetName = 'recommended' | 'all';
/** Where facts come from: code files through ESLint, specs through the CLI, or a TypeScript project through the CLI's `--project`. */
export type FrontEnd = 'eslint' | 'cli' | 'project';

/** A JSON Schema for a rule's options object (the subset ESLint and our config loader both read). */
export interface OptionsSchema {
  readonly type: 'object';
  readonly properties: Record<string, unknown>;
  readonly additionalProperties: false;
}

export interface RuleMeta<Options> {
  readonly id: string;
  /** One line: what the rule reports. */
  readonly description: string;
  readonly docsUrl: string;
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  readonly presets: readonly PresetName[];
  readonly frontEnds: readonly FrontEnd[];
  readonly optionsSchema: OptionsSchema;
  readonly defaultOptions: Options;
  /**
   * The responses the rule can report on, by status (`401`) or class (`2` for 2xx). Front ends use it to skip
   * building what no rule will read; a rule without it sees every response.
   */
  readonly appliesTo?: { readonly statuses?: readonly number[]; readonly classes?: readonly number[] };
}

/** Could a rule with this `appliesTo` report on a response with this status or class? */
export function ruleAppliesTo(meta: Pick<RuleMeta<unknown>, 'appliesTo'>, status: number | undefined, statusClass: number | undefined): boolean {
  const scope = meta.appliesTo;
  if (!scope) return true;
  return (status !== undefined && (scope.statuses ?? []).includes(status)) || (statusClass !== undefined && (scope.classes ?? []).includes(statusClass));
}

/** A rule that decides on one response at a time. */
export interface Rule<Options = Record<string, unknown>> {
  readonly kind?: 'response';
  readonly meta: RuleMeta<Options>;
  /** The decision: a finding, or nothing. Pure. */
  check(fact: ResponseFact, options: Options): Finding | undefined;
}

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** Build a rule, filling in what every rule shares, so that all rules look alike. */
export function defineRule<Options>(
  meta: Omit<RuleMeta<Options>, 'docsUrl' | 'frontEnds'> & { frontEnds?: readonly FrontEnd[] },
  check: (fact: ResponseFact, options: Options) => Finding | undefined,
): Rule<Options> {
  return {
    meta: { ...meta, docsUrl: docsUrlFor(meta.id), frontEnds: meta.frontEnds ?? ['eslint', 'cli', 'project'] },
    check,
  };
}
