// unreachable-documented-status: the spec declares a status that no code on the operation's route sends.
import { defineDriftRule, operationLabel, statusPatternMatches, type DriftFinding } from '../drift.js';

export interface UnreachableDocumentedStatusOptions {
  /** Leave 5xx responses alone: any server answers 500 when something it did not expect goes wrong. */
  readonly ignoreServerErrors: boolean;
  /** Declared statuses never reported, as `401` or `4XX`. */
  readonly ignoreStatuses: readonly string[];
}

export const unreachableDocumentedStatus = defineDriftRule<UnreachableDocumentedStatusOptions>(
  {
    id: 'unreachable-documented-status',
    description: 'Disallow declaring a response status that the route implementing the operation never sends.',
    defaultSeverity: 'warn',
    presets: ['recommended', 'all'],
    optionsSchema: {
      type: 'object',
      properties: {
        ignoreServerErrors: { type: 'boolean' },
        ignoreStatuses: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
    defaultOptions: { ignoreServerErrors: true, ignoreStatuses: [] },
  },
  (_facts, matches, options) => {
    const findings: DriftFinding[] = [];
    for (const { operation, routes } of matches) {
      // Only where every route is fully read: a status we could not read might be the one declared.
      if (routes.length === 0 || routes.some((route) => !route.complete)) continue;
      const sent = new Set(routes.flatMap((route) => route.sends.map((item) => item.status)));
      for (const key of operation.responses) {
        if (!/^[1-5]\d\d$/.test(key)) continue;
        const status = Number(key);
        if (sent.has(status)) continue;
        if (options.ignoreServerErrors && status >= 500) continue;
        if (options.ignoreStatuses.some((pattern) => statusPatternMatches(pattern, status))) continue;
        const sends = [...sent].sort((a, b) => a - b);
        findings.push({
          ruleId: 'unreachable-documented-status',
          messageId: 'unreachableStatus',
          message: `${operationLabel(operation)} declares a ${status} response, but no code on its route sends ${status}${sends.length > 0 ? ` (it sends ${sends.join(', ')})` : ''}. Remove the response from the spec, or send it where it applies.`,
          evidence: key,
          target: 'declared-status',
          operation,
          declared: key,
        });
      }
    }
    return findings;
  },
);
