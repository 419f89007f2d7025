// The drift model: paths in every framework's spelling, routes matched to operations, and the four drift rules' decisions.
import { describe, expect, it } from 'vitest';
import {
  joinPaths,
  matchOperations,
  openApiPath,
  pathMatchKey,
  pathPatternMatches,
  planRules,
  presetRules,
  runDriftRules,
  undocumentedRoute,
  undocumentedStatus,
  unimplementedOperation,
  unreachableDocumentedStatus,
  type DriftFacts,
  type OperationFacts,
  type RouteFacts,
  type SentStatus,
} from '../src/index.js';

const sent = (status: number, source: SentStatus['source'] = 'handler'): SentStatus => ({ status, statusText: String(status), source });
const route = (method: string, path: string | undefined, statuses: readonly (number | SentStatus)[], complete = true): RouteFacts => ({
  method,
  path,
  framework: 'express',
  sends: statuses.map((item) => (typeof item === 'number' ? sent(item) : item)),
  complete,
});
const operation = (method: string, path: string, responses: readonly string[], prefixedPaths?: readonly string[]): OperationFacts => ({ method, path, responses, prefixedPaths });

function run(rule: typeof undocumentedStatus | typeof unreachableDocumentedStatus | typeof undocumentedRoute | typeof unimplementedOperation, facts: DriftFacts, options: Record<string, unknown> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (rule as any).checkDrift(facts, matchOperations(facts), { ...rule.meta.defaultOptions, ...options }) as { message: string; target: string }[];
}

describe('paths', () => {
  it('writes every framework\'s parameters in OpenAPI form', () => {
    expect(openApiPath('/users/:id')).toBe('/users/{id}');
    expect(openApiPath('/users/:id(\\d+)/posts/:postId?')).toBe('/users/{id}/posts/{postId}');
    expect(openApiPath('/books/:id{[0-9]+}')).toBe('/books/{id}');
    expect(openApiPath('/api/users/[id]/files/[...path]')).toBe('/api/users/{id}/files/{path}');
    expect(openApiPath('/docs/[[...slug]]')).toBe('/docs/{slug}');
    expect(openApiPath('users/')).toBe('/users');
    expect(openApiPath('/')).toBe('/');
  });

  it('matches paths whatever the parameter names', () => {
    expect(pathMatchKey('/users/:userId')).toBe(pathMatchKey('/users/{id}'));
    expect(pathMatchKey('/users/[id]')).toBe(pathMatchKey('/users/{id}'));
    expect(pathMatchKey('/users/{id}/posts')).not.toBe(pathMatchKey('/users/{id}'));
  });

  it('joins prefixes as routers do', () => {
    expect(joinPaths('/v1', '/users/', ':id')).toBe('/v1/users/:id');
    expect(joinPaths('', '/')).toBe('/');
    expect(joinPaths('api', '', '/health')).toBe('/api/health');
  });

  it('reads ignorePaths patterns', () => {
    expect(pathPatternMatches('/health', '/health')).toBe(true);
    expect(pathPatternMatches('/internal/**', '/internal/jobs/{id}')).toBe(true);
    expect(pathPatternMatches('/internal/**', '/internal')).toBe(true);
    expect(pathPatternMatches('/users/*', '/users/:id')).toBe(true);
    expect(pathPatternMatches('/users/*', '/users/{id}/posts')).toBe(false);
  });
});

describe('matching routes to operations', () => {
  it('uses the server base path, lets GET answer HEAD and ALL answer everything', () => {
    const facts: DriftFacts = {
      routes: [route('GET', '/v1/users/{id}', [200]), route('ALL', '/ping', [200])],
      operations: [operation('GET', '/users/{id}', ['200'], ['/v1/users/{id}']), operation('HEAD', '/users/{id}', ['200'], ['/v1/users/{id}']), operation('POST', '/ping', ['200'])],
    };
    expect(matchOperations(facts).map((match) => match.routes.length)).toEqual([1, 1, 1]);
  });
});

describe('undocumented-status', () => {
  const facts = (responses: readonly string[], statuses: readonly (number | SentStatus)[]): DriftFacts => ({ routes: [route('GET', '/a', statuses)], operations: [operation('GET', '/a', responses)] });

  it('reports a status the operation does not declare, naming what it declares', () => {
    const findings = run(undocumentedStatus, facts(['200'], [200, 404]));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('GET /a sends 404, but the spec declares 200 for it. Document the 404 response, or stop sending it.');
    expect(findings[0].target).toBe('sent-status');
  });

  it('accepts a range or default, leaves middleware and the framework alone unless asked', () => {
    expect(run(undocumentedStatus, facts(['200', '4XX'], [200, 404]))).toEqual([]);
    expect(run(undocumentedStatus, facts(['200', 'DEFAULT'], [200, 503]))).toEqual([]);
    expect(run(undocumentedStatus, facts(['200'], [200, sent(401, 'middleware'), sent(400, 'framework')]))).toEqual([]);
    expect(run(undocumentedStatus, facts(['200'], [200, sent(401, 'middleware')]), { includeMiddleware: true })).toHaveLength(1);
    expect(run(undocumentedStatus, facts(['200'], [200, 500]), { ignoreStatuses: ['5XX'] })).toEqual([]);
  });
});

describe('unreachable-documented-status', () => {
  it('reports a declared status no route sends, but not 5xx, ranges, or on a route it cannot fully read', () => {
    const facts: DriftFacts = { routes: [route('GET', '/a', [200, sent(400, 'framework')])], operations: [operation('GET', '/a', ['200', '400', '404', '4XX', '500', 'DEFAULT'])] };
    const findings = run(unreachableDocumentedStatus, facts);
    expect(findings.map((finding) => finding.message)).toEqual(['GET /a declares a 404 response, but no code on its route sends 404 (it sends 200, 400). Remove the response from the spec, or send it where it applies.']);
    expect(run(unreachableDocumentedStatus, facts, { ignoreServerErrors: false })).toHaveLength(2);
    expect(run(unreachableDocumentedStatus, facts, { ignoreStatuses: ['404'] })).toEqual([]);
    expect(run(unreachableDocumentedStatus, { ...facts, routes: [route('GET', '/a', [200], false)] })).toEqual([]);
  });
});

describe('undocumented-route and unimplemented-operation', () => {
  const facts: DriftFacts = {
    routes: [route('GET', '/a', [200]), route('GET', '/health', [200]), route('GET', '/*', [404]), route('POST', undefined, [201])],
    operations: [operation('GET', '/a', ['200']), operation('DELETE', '/a', ['204']), operation('POST', '/b', ['201'])],
  };

  it('reports routes the spec does not describe, except wildcards and ignored paths', () => {
    expect(run(undocumentedRoute, facts).map((finding) => finding.message)).toEqual(['GET /health is served by the code (express) but no operation in the spec describes it. Document it, or remove the route.']);
    expect(run(undocumentedRoute, facts, { ignorePaths: ['/health'] })).toEqual([]);
  });

  it('reports operations no route answers, unless a route with an unknown path might', () => {
    expect(run(unimplementedOperation, facts).map((finding) => finding.message)).toEqual(['DELETE /a is in the spec, but no route in the code answers it. Implement it, or remove it from the spec.']);
    expect(run(unimplementedOperation, { ...facts, routes: [] })).toEqual([]);
  });
});

describe('registry and presets', () => {
  it('plans the drift rules for --project only, and keeps them out of ESLint\'s presets', () => {
    expect(planRules({ extends: ['all'] }, 'project').map((planned) => planned.rule.meta.id)).toEqual(expect.arrayContaining(['undocumented-status', 'unreachable-documented-status', 'undocumented-route', 'unimplemented-operation', 'no-401-for-forbidden']));
    expect(planRules({ extends: ['all'] }, 'cli').map((planned) => planned.rule.meta.id)).not.toContain('undocumented-status');
    expect(Object.keys(presetRules('recommended', 'eslint'))).not.toContain('undocumented-route');
  });

  it('runs drift rules through the engine with their severities', () => {
    const facts: DriftFacts = { routes: [route('GET', '/a', [200, 404])], operations: [operation('GET', '/a', ['200', '409'])] };
    const results = runDriftRules(facts, planRules({}, 'project'));
    expect(results.map((result) => [result.finding.ruleId, result.severity])).toEqual([
      ['undocumented-status', 'error'],
      ['unreachable-documented-status', 'warn'],
    ]);
  });
});
