// undocumented-route: a route the server answers that the spec does not describe.
import { defineDriftRule, matchOperations, pathPatternMatches, routeAnswers, routeLabel, type DriftFinding } from '../drift.js';

export interface UndocumentedRouteOptions {
  /** Paths of routes that are not part of the API (`/health`, `/metrics`, `/internal/**`). */
  readonly ignorePaths: readonly string[];
}

export const undocumentedRoute = defineDriftRule<UndocumentedRouteOptions>(
  {
    id: 'undocumented-route',
    description: 'Disallow routes in the code that no operation in the spec describes.',
    defaultSeverity: 'warn',
    presets: ['recommended', 'all'],
    optionsSchema: { type: 'object', properties: { ignorePaths: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { ignorePaths: [] },
  },
  (facts, matches, options) => {
    const findings: DriftFinding[] = [];
    const operations = (matches.length > 0 ? matches : matchOperations(facts)).map((match) => match.operation);
    for (const route of facts.routes) {
      // A wildcard route is a fallback (a 404 page, a proxy), not an operation.
      if (route.path === undefined || route.path.includes('*')) continue;
      if (operations.some((operation) => routeAnswers(route, operation))) continue;
      if (options.ignorePaths.some((pattern) => pathPatternMatches(pattern, route.path!))) continue;
      // An `all` route on a path the spec knows under some method is middleware-like (CORS, a method guard).
      if (route.method === 'ALL' && operations.some((operation) => routeAnswers({ ...route, method: operation.method }, operation))) continue;
      findings.push({
        ruleId: 'undocumented-route',
        messageId: 'undocumentedRoute',
        message: `${routeLabel(route)} is served by the code (${route.framework}) but no operation in the spec describes it. Document it, or remove the route.`,
        evidence: route.pathText ?? route.path,
        target: 'route',
        route,
      });
    }
    return findings;
  },
);
