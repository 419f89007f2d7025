// The registry of rules, in the order they are documented.
import type { Rule } from '../rule.js';
import { noErrorBodyOnSuccess } from './no-error-body-on-success.js';
import { no401ForForbidden } from './no-401-for-forbidden.js';
import { no400ForSemanticError } from './no-400-for-semantic-error.js';
import { no500ForUpstreamError } from './no-500-for-upstream-error.js';
import { requireRetryAfterOn429 } from './require-retry-after-on-429.js';
import { undocumentedStatus } from './undocumented-status.js';
import { unreachableDocumentedStatus } from './unreachable-documented-status.js';
import { undocumentedRoute } from './undocumented-route.js';
import { unimplementedOperation } from './unimplemented-operation.js';
import type { DriftRule } from '../drift.js';

export { noErrorBodyOnSuccess, no401ForForbidden, no400ForSemanticError, no500ForUpstreamError, requireRetryAfterOn429 };
export { undocumentedStatus, unreachableDocumentedStatus, undocumentedRoute, unimplementedOperation };

/** A rule of either kind: one that decides on a response, or one that compares code with a spec. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any> | DriftRule<any>;

/** Is this a rule that decides on one response (rather than a drift rule)? */
export function isResponseRule(rule: AnyRule): rule is Rule<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return rule.kind !== 'drift';
}

export function isDriftRule(rule: AnyRule): rule is DriftRule<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return rule.kind === 'drift';
}

export const rules: readonly AnyRule[] = [
  noErrorBodyOnSuccess,
  no401ForForbidden,
  no400ForSemanticError,
  no500ForUpstreamError,
  requireRetryAfterOn429,
  undocumentedStatus,
  unreachableDocumentedStatus,
  undocumentedRoute,
  unimplementedOperation,
];

export function findRule(id: string): AnyRule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

export const ruleIds: readonly string[] = rules.map((rule) => rule.meta.id);
