// The registry of rules, in the order they are documented.
import type { Rule } from '../rule.js';
import { noErrorBodyOnSuccess } from './no-error-body-on-success.js';
import { no401ForForbidden } from './no-401-for-forbidden.js';
import { no400ForSemanticError } from './no-400-for-semantic-error.js';
import { no500ForUpstreamError } from './no-500-for-upstream-error.js';
import { requireRetryAfterOn429 } from './require-retry-after-on-429.js';

export { noErrorBodyOnSuccess, no401ForForbidden, no400ForSemanticError, no500ForUpstreamError, requireRetryAfterOn429 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: readonly Rule<any>[] = [
  noErrorBodyOnSuccess,
  no401ForForbidden,
  no400ForSemanticError,
  no500ForUpstreamError,
  requireRetryAfterOn429,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function findRule(id: string): Rule<any> | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id);
