// @status-lint/eslint-plugin: the flat-config plugin object with its rules and presets.
import type { ESLint, Linter, Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { presetRules, rules as coreRules } from '@status-lint/core';
import no400ForSemanticError from './rules/no-400-for-semantic-error.js';
import no401ForForbidden from './rules/no-401-for-forbidden.js';
import no500ForUpstreamError from './rules/no-500-for-upstream-error.js';
import noErrorBodyOnSuccess from './rules/no-error-body-on-success.js';
import requireRetryAfterOn429 from './rules/require-retry-after-on-429.js';

export const namespace = '@status-lint';

export type RuleId = 'no-error-body-on-success' | 'no-401-for-forbidden' | 'no-400-for-semantic-error' | 'no-500-for-upstream-error' | 'require-retry-after-on-429';

// Typed apart from what is exported: the published types name only ESLint's own (no typescript-eslint types needed).
const ruleModules: Record<RuleId, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-error-body-on-success': noErrorBodyOnSuccess,
  'no-401-for-forbidden': no401ForForbidden,
  'no-400-for-semantic-error': no400ForSemanticError,
  'no-500-for-upstream-error': no500ForUpstreamError,
  'require-retry-after-on-429': requireRetryAfterOn429,
};

/** The rules, typed as ESLint's own (`Rule.RuleModule`): what a config written in TypeScript checks against. */
export const rules = ruleModules as unknown as Record<RuleId, Rule.RuleModule>;

// The rule set follows the core registry: a rule added there without a wrapper here is a build-time surprise, not a silent gap.
const missing = coreRules.filter((rule) => rule.meta.frontEnds.includes('eslint')).map((rule) => rule.meta.id).filter((id) => !(id in rules));
if (missing.length > 0) throw new Error(`@status-lint/eslint-plugin: no ESLint wrapper for ${missing.join(', ')}`);

/** A flat config object of the plugin: usable as is in `defineConfig([...])` or an `eslint.config` array. */
export interface PresetConfig extends Linter.Config {
  name: string;
  plugins: Record<string, ESLint.Plugin>;
  rules: Linter.RulesRecord;
}

export interface StatusLintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleId, Rule.RuleModule>;
  configs: Record<'recommended' | 'all', PresetConfig>;
}

/**
 * `recommended`: every rule at the severity the core gives it. `all`: every rule as an error, with the strictest
 * options (partial success, data beside an `errors` list, is reported too).
 */
function preset(name: 'recommended' | 'all'): Linter.RulesRecord {
  const entries = Object.entries(presetRules(name, 'eslint')).map(([id, severity]): [string, Linter.RuleEntry] => {
    if (name === 'recommended') return [`${namespace}/${id}`, severity as Linter.RuleSeverity];
    return [`${namespace}/${id}`, id === 'no-error-body-on-success' ? ['error', { reportPartialSuccess: true }] : 'error'];
  });
  return Object.fromEntries(entries);
}

const plugin: StatusLintPlugin = {
  meta: { name: '@status-lint/eslint-plugin', version: '0.1.0', namespace },
  rules,
  configs: {} as StatusLintPlugin['configs'],
};

plugin.configs.recommended = { name: '@status-lint/recommended', plugins: { [namespace]: plugin }, rules: preset('recommended') };
plugin.configs.all = { name: '@status-lint/all', plugins: { [namespace]: plugin }, rules: preset('all') };

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;
