// Drift between code and spec: what a server's routes really send, what its operations declare, and rules that compare the two.
import type { Severity } from './facts.js';
import { docsUrlFor, type FrontEnd, type RuleMeta } from './rule.js';

/** Where in a route's chain a status is sent. */
export type SentStatusSource =
  /** The route's handler, the route's own middleware, or a helper or service they call. */
  | 'handler'
  /** Middleware or an error handler mounted for many routes (`app.use(requireAuth)`). */
  | 'middleware'
  /** The framework or a library, without code of ours: validation, body parsing, a rate limiter. */
  | 'framework';

/** A status one route can send, as the front end found it. */
export interface SentStatus {
  readonly status: number;
  /** As written: `404`, `NotFoundException`, `StatusCodes.NOT_FOUND`, or the implicit `200`. */
  readonly statusText: string;
  readonly source: SentStatusSource;
  /** The status is the framework's default for a response sent without one. */
  readonly implicit?: boolean;
  /** How the route reaches it, for messages: `sendError()`, `usersService.findOne()`, `requireAuth`. */
  readonly via?: string;
}

/** One route of the server: a method and a path, and the statuses its chain can send. */
export interface RouteFacts {
  /** Upper case: `GET`; `ALL` for a route that answers every method. */
  readonly method: string;
  /** In OpenAPI form (`/users/{id}`); undefined when the path cannot be known statically. */
  readonly path?: string;
  /** The path as written in code, with prefixes applied: `/users/:id`, `/users/[id]`. */
  readonly pathText?: string;
  /** `express`, `fastify`, `hono`, `nestjs`, `nextjs`, `koa`. */
  readonly framework: string;
  readonly sends: readonly SentStatus[];
  /** False when the route may send statuses the front end could not read (a status in a variable, code it cannot see). */
  readonly complete: boolean;
  /** Why it is not complete, for explanations: `res.status(code)`, `passport.authenticate()`. */
  readonly unknowns?: readonly string[];
}

/** One operation of the spec. */
export interface OperationFacts {
  /** Upper case: `GET`. */
  readonly method: string;
  /** As written under `paths`: `/users/{id}`. */
  readonly path: string;
  /** The path with each server's base path before it (`/v1/users/{id}`): code often registers routes under it. */
  readonly prefixedPaths?: readonly string[];
  /** The status keys of its responses, upper case as the walker writes them: `200`, `4XX`, `DEFAULT`. */
  readonly responses: readonly string[];
}

/** The two sides of one comparison. */
export interface DriftFacts {
  readonly routes: readonly RouteFacts[];
  readonly operations: readonly OperationFacts[];
}

/** What a drift rule found; the front end maps `route` / `sent` to code and `operation` / `declared` to the spec. */
export interface DriftFinding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly evidence: string;
  /** Where the finding points: the route (code), a status it sends (code), the operation (spec), a declared response (spec). */
  readonly target: 'route' | 'sent-status' | 'operation' | 'declared-status';
  readonly route?: RouteFacts;
  readonly sent?: SentStatus;
  readonly operation?: OperationFacts;
  /** The declared status key, for `declared-status`. */
  readonly declared?: string;
}

/** A rule that compares routes with operations, rather than deciding on one response. */
export interface DriftRule<Options = Record<string, unknown>> {
  readonly kind: 'drift';
  readonly meta: RuleMeta<Options>;
  /** The decision over the whole comparison. Pure. */
  checkDrift(facts: DriftFacts, matches: readonly OperationMatch[], options: Options): DriftFinding[];
}

/** Build a drift rule: it runs only where code and spec meet, so its one front end is the project scanner. */
export function defineDriftRule<Options>(
  meta: Omit<RuleMeta<Options>, 'docsUrl' | 'frontEnds'> & { frontEnds?: readonly FrontEnd[] },
  checkDrift: (facts: DriftFacts, matches: readonly OperationMatch[], options: Options) => DriftFinding[],
): DriftRule<Options> {
  return { kind: 'drift', meta: { ...meta, docsUrl: docsUrlFor(meta.id), frontEnds: meta.frontEnds ?? ['project'] }, checkDrift };
}

// Paths ----------------------------------------------------------------------------------------

/**
 * A code path in OpenAPI form: Express / Fastify / Nest / Hono `:id` (with `?`, `(regex)` or `{regex}`),
 * Next.js `[id]`, `[...slug]` and `[[...slug]]` all become `{id}`; a trailing `/` is dropped.
 */
export function openApiPath(codePath: string): string {
  let path = codePath.trim();
  if (!path.startsWith('/')) path = `/${path}`;
  // Colon parameters first: a Hono pattern (`:id{[0-9]+}`) holds brackets of its own.
  path = path
    .replace(/:([A-Za-z_$][\w$]*)(?:\{[^}]*\}|\([^)]*\))?\??/g, '{$1}')
    .replace(/\[\[\.\.\.([^\]]+)\]\]|\[\.\.\.([^\]]+)\]|\[([^\]]+)\]/g, (_match, optional?: string, catchAll?: string, plain?: string) => `{${optional ?? catchAll ?? plain}}`)
    .replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/** The key two paths match on: parameter names do not matter, `{id}` and `{userId}` are the same segment. */
export function pathMatchKey(path: string): string {
  return openApiPath(path).replace(/\{[^}]*\}/g, '{}');
}

/** Join a prefix and a path as routers do: `/v1` + `/users/` -> `/v1/users`. */
export function joinPaths(...parts: readonly string[]): string {
  const joined = parts
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '/')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/');
  return `/${joined}`;
}

/** An operation and the routes that implement it. */
export interface OperationMatch {
  readonly operation: OperationFacts;
  readonly routes: readonly RouteFacts[];
}

function operationKeys(operation: OperationFacts): Set<string> {
  return new Set([operation.path, ...(operation.prefixedPaths ?? [])].map(pathMatchKey));
}

/** Does this route answer this operation? `ALL` answers every method; a GET route also answers HEAD. */
export function routeAnswers(route: RouteFacts, operation: OperationFacts): boolean {
  if (route.path === undefined) return false;
  if (!operationKeys(operation).has(pathMatchKey(route.path))) return false;
  return route.method === 'ALL' || route.method === operation.method || (operation.method === 'HEAD' && route.method === 'GET');
}

/** Pair every operation with the routes that answer it. */
export function matchOperations(facts: DriftFacts): OperationMatch[] {
  return facts.operations.map((operation) => ({ operation, routes: facts.routes.filter((route) => routeAnswers(route, operation)) }));
}

/** `GET /users/{id}`. */
export function operationLabel(operation: OperationFacts): string {
  return `${operation.method} ${operation.path}`;
}

/** `GET /users/{id}`, or `GET (a path not known statically)`. */
export function routeLabel(route: RouteFacts): string {
  return `${route.method} ${route.path ?? '(a path not known statically)'}`;
}

// Statuses -------------------------------------------------------------------------------------

/** Does a declared key (`404`, `4XX`, `DEFAULT`) cover this status? */
export function keyCovers(key: string, status: number): boolean {
  const upper = key.toUpperCase();
  if (upper === 'DEFAULT') return true;
  if (/^[1-5]XX$/.test(upper)) return Number(upper[0]) === Math.floor(status / 100);
  return Number(upper) === status;
}

/** Does a pattern from an `ignoreStatuses` option (`401`, `5XX`) match this status or key? */
export function statusPatternMatches(pattern: string, status: number): boolean {
  const upper = pattern.trim().toUpperCase();
  if (/^[1-5]XX$/.test(upper)) return Number(upper[0]) === Math.floor(status / 100);
  return Number(upper) === status;
}

/** Does a path pattern from an `ignorePaths` option match? `*` stands for one segment, a trailing `/**` for any rest. */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const target = pathMatchKey(path);
  const normalized = pathMatchKey(pattern.replace(/\/\*\*$/, '/__rest__'));
  const source = normalized
    .split('/')
    .map((segment) => (segment === '*' || segment === '{}' ? '[^/]+' : segment === '__rest__' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`).test(target) || (pattern.endsWith('/**') && target === pathMatchKey(pattern.slice(0, -3)));
}

export interface DriftResult {
  readonly finding: DriftFinding;
  readonly severity: Exclude<Severity, 'off'>;
}
