// unimplemented-operation: an operation in the spec that no route in the code answers.
import { defineDriftRule, operationLabel, pathPatternMatches, type DriftFinding } from '../drift.js';

export interface UnimplementedOperationOptions {
  /** Paths of operations served by something other than this code (a gateway, another service). */
  readonly ignorePaths: readonly string[];
}

export const unimplementedOperation = defineDriftRule<UnimplementedOperationOptions>(
  {
    id: 'unimplemented-operation',
    description: 'Disallow operations in the spec that no route in the code implements.',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    optionsSchema: { type: 'object', properties: { ignorePaths: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { ignorePaths: [] },
  },
  (facts, matches, options) => {
    const findings: DriftFinding[] = [];
    // No route found at all says more about the scan than about the spec: the front end reports that instead.
    if (facts.routes.length === 0) return findings;
    for (const { operation, routes } of matches) {
      if (routes.length > 0) continue;
      // A route whose path could not be read might be this one.
      if (facts.routes.some((route) => route.path === undefined && (route.method === operation.method || route.method === 'ALL'))) continue;
      if (options.ignorePaths.some((pattern) => pathPatternMatches(pattern, operation.path))) continue;
      findings.push({
        ruleId: 'unimplemented-operation',
        messageId: 'unimplementedOperation',
        message: `${operationLabel(operation)} is in the spec, but no route in the code answers it. Implement it, or remove it from the spec.`,
        evidence: operationLabel(operation),
        target: 'operation',
        operation,
      });
    }
    return findings;
  },
);
