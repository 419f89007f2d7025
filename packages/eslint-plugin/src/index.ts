// @status-lint/eslint-plugin: the flat-config plugin object with its rules and presets.
import type { TSESLint } from '@typescript-eslint/utils';
import { presetRules, rules as coreRules } from '@status-lint/core';
import no400ForSemanticError from './rules/no-400-for-semantic-error.js';
import no401ForForbidden from './rules/no-401-for-forbidden.js';
import no500ForUpstreamError from './rules/no-500-for-upstream-error.js';
import noErrorBodyOnSuccess from './rules/no-error-body-on-success.js';
import requireRetryAfterOn429 from './rules/require-retry-after-on-429.js';

export const namespace = '@status-lint';

export const rules = {
  'no-error-body-on-success': noErrorBodyOnSuccess,
  'no-401-for-forbidden': no401ForForbidden,
  'no-400-for-semantic-error': no400ForSemanticError,
  'no-500-for-upstream-error': no500ForUpstreamError,
  'require-retry-after-on-429': requireRetryAfterOn429,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

// The rule set follows the core registry: a rule added there without a wrapper here is a build-time surprise, not a silent gap.
const missing = coreRules.filter((rule) => rule.meta.frontEnds.includes('eslint')).map((rule) => rule.meta.id).filter((id) => !(id in rules));
if (missing.length > 0) throw new Error(`@status-lint/eslint-plugin: no ESLint wrapper for ${missing.join(', ')}`);

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'all', { name: string; plugins: Record<string, unknown>; rules: Record<string, TSESLint.SharedConfig.RuleEntry> }>;
}

function preset(name: 'recommended' | 'all'): Record<string, TSESLint.SharedConfig.RuleEntry> {
  const entries = Object.entries(presetRules(name, 'eslint')).map(([id, severity]) => [`${namespace}/${id}`, severity as TSESLint.SharedConfig.RuleEntry] as const);
  return Object.fromEntries(entries);
}

const plugin: Plugin = {
  meta: { name: '@status-lint/eslint-plugin', version: '0.1.0', namespace },
  rules,
  configs: {} as Plugin['configs'],
};

plugin.configs.recommended = { name: '@status-lint/recommended', plugins: { [namespace]: plugin }, rules: preset('recommended') };
plugin.configs.all = { name: '@status-lint/all', plugins: { [namespace]: plugin }, rules: preset('all') };

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;
