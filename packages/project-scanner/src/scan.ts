// Scan a project: every route with its method, path and the statuses its chain can send, and every response the rules can judge.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { frameworkStatuses, joinPaths, openApiPath, pathMatchKey, type ResponseFact, type RouteFacts, type SentStatus, type SentStatusSource } from '@status-lint/core';
import { mayRespond as textMayRespond, unwrap, walk } from '@status-lint/eslint-plugin/analysis';
import { locationOf, ProjectIndex, type AnalyzedFile, type CodeLocation, type FileProblem } from './project.js';
import { ValueResolver } from './values.js';
import { StatusReader, type FoundStatus, type FunctionSummary } from './statuses.js';
import { RouterFinder, type MiddlewareDeclaration, type MountDeclaration, type RouterDiscovery, type RouterObject } from './routers.js';
import { nestAppSettings, nestRoutes } from './nest-routes.js';
import { nextRoutes } from './next-routes.js';
import { trpcOpenApiRoutes } from './trpc-openapi-routes.js';

/** A response in the project's code, as the per-response rules see it, with where to report it. */
export interface CodeResponse {
  readonly fact: ResponseFact;
  /** The status expression, where there is one. */
  readonly statusLocation?: CodeLocation;
  /** The call that sends: reported when the status is implicit or the finding is about the body. */
  readonly sendLocation: CodeLocation;
}

export interface ProjectScan {
  /** The folder of the tsconfig. */
  readonly root: string;
  /** The tsconfig read. */
  readonly configFile: string;
  readonly files: readonly string[];
  readonly routes: readonly RouteFacts[];
  /** Where each route is registered. */
  readonly routeLocations: ReadonlyMap<RouteFacts, CodeLocation>;
  /** Where each status a route sends is written. */
  readonly sentLocations: ReadonlyMap<SentStatus, CodeLocation>;
  readonly responses: readonly CodeResponse[];
  /** Files that could not be parsed. */
  readonly problems: readonly FileProblem[];
  /** A project file's text, as the scan read it (once, within its size bound); undefined for any other file. */
  text(file: string): string | undefined;
}

/** Tests and mocks: `__tests__/`, `x.test.ts`, `x.e2e-spec.ts`, `x.clienttest.ts`, `x.servertest.ts`. */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|e2e)[\\/]|\.(?:(?:client|server|unit|int|integration|e2e|api|browser|node)[-_]?)?(?:test|spec)\.[cm]?[jt]sx?$/;
const MAX_PREFIXES = 16;

class RouteBuilder {
  readonly routes: RouteFacts[] = [];
  readonly routeLocations = new Map<RouteFacts, CodeLocation>();
  readonly sentLocations = new Map<SentStatus, CodeLocation>();

  add(input: { method: string; pathText: string | undefined; framework: string; location: CodeLocation; parts: readonly { summary: FunctionSummary; source: SentStatusSource; countUnknowns: boolean }[]; extra?: readonly { status: number; text: string; source: SentStatusSource; implicit: boolean; location: CodeLocation }[] }): void {
    const sends: SentStatus[] = [];
    const seen = new Set<string>();
    const unknowns: string[] = [];
    const push = (found: Pick<FoundStatus, 'status' | 'statusText' | 'implicit' | 'location' | 'via'>, source: SentStatusSource) => {
      const key = `${found.status}|${source}|${found.location.file}:${found.location.line}:${found.location.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      const sent: SentStatus = { status: found.status, statusText: found.statusText, source, implicit: found.implicit || undefined, via: found.via.length > 0 ? found.via.map((name) => `${name}()`).join(' → ') : undefined };
      sends.push(sent);
      this.sentLocations.set(sent, found.location);
    };
    for (const part of input.parts) {
      for (const found of part.summary.sends) push(found, found.library ? 'framework' : part.source);
      if (part.countUnknowns) unknowns.push(...part.summary.unknowns);
    }
    for (const item of input.extra ?? []) push({ status: item.status, statusText: item.text, implicit: item.implicit, location: item.location, via: [] }, item.source);
    const route: RouteFacts = {
      method: input.method,
      path: input.pathText === undefined ? undefined : openApiPath(input.pathText),
      pathText: input.pathText,
      framework: input.framework,
      sends,
      complete: unknowns.length === 0,
      unknowns: unknowns.length > 0 ? [...new Set(unknowns)] : undefined,
    };
    this.routes.push(route);
    this.routeLocations.set(route, input.location);
  }
}

/** Does middleware mounted at `prefix` run for a route at `path` (both relative to the same router)? */
function prefixApplies(prefix: string | undefined, path: string | undefined): boolean {
  if (prefix === undefined || path === undefined) return true;
  const stripped = prefix.replace(/\/?\*+$/, '');
  if (stripped === '' || stripped === '/') return true;
  const key = pathMatchKey(stripped);
  const target = pathMatchKey(path);
  return target === key || target.startsWith(`${key}/`);
}

/**
 * Could this file register routes (`router.get(`, `app.use(`, `fastify.register(`, `@Get()`, `export async function
 * GET`, a Next.js route file)? Generous on purpose: a file wrongly kept costs memory, one wrongly dropped a route.
 */
const ROUTE_CODE =
  /\.(?:get|post|put|patch|delete|del|all|head|options|on|route|basePath|method|add)\s*(?:<[^>()]*>\s*)?\(\s*(?:['"`\/]|[A-Z][A-Z0-9_]+\b)|\.(?:use|register|mount|group|route)\s*(?:<[^>()]*>\s*)?\(|@(?:Controller|Get|Post|Put|Patch|Delete|All|Head|Options|Module)\b|\bexport\s+(?:async\s+)?(?:function|const|let)\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|\bexport\s*\{[^}]*\b(?:GET|POST|PUT|PATCH|DELETE)\b|\b(?:Router|Hono|Elysia|express|fastify|Fastify|Koa|createServer|createRouter)\s*\(|\bnew\s+(?:Hono|Elysia|Koa|Router|OpenAPIHono)\b|\bNextApiRequest\b|\bopenapi\s*:\s*\{|\.meta\(\s*\w*[oO]pen_?[aA]pi/;
const ROUTE_FILE = /(?:^|[\\/])(?:pages[\\/]api|app)[\\/].*|(?:^|[\\/])route\.[cm]?[jt]sx?$/;

/**
 * Client code: a component file (`.tsx`, `.jsx`), a module marked `'use client'`, or one that imports React (hooks,
 * stores). It answers no request unless it speaks of a server.
 */
const COMPONENT_FILE = /\.[jt]sx$/;
const CLIENT_MODULE = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]|\bfrom\s+['"](?:react|react-dom|react-dom\/client)['"]/;
const SERVER_SIGNS = /\bfrom\s+['"](?:express|fastify|koa|hono(?:\/[\w-]+)?|@nestjs\/[\w-]+|next\/server|@trpc\/server|h3|elysia|(?:node:)?https?|@remix-run\/[\w-]+)['"]|\b(?:getServerSideProps|export\s+(?:async\s+)?function\s+(?:loader|action))\b|\b(?:NextApiRequest|NextApiResponse|NextResponse|TRPCError|HttpException)\b|\bnew Response\(|\bResponse\.json\(/;

function serverFile(path: string, text: string): boolean {
  return !(COMPONENT_FILE.test(path) || CLIENT_MODULE.test(text)) || SERVER_SIGNS.test(text);
}

function mayDeclareRoutes(path: string, text: string): boolean {
  return !TEST_FILE.test(path) && serverFile(path, text) && (ROUTE_FILE.test(path) || ROUTE_CODE.test(text));
}

/** Tests answer no request of the application's; components only when they speak of a server. */
function mayRespond(path: string, text: string): boolean {
  return !TEST_FILE.test(path) && serverFile(path, text) && textMayRespond(text);
}

/** Read a project and find its routes and responses. Throws ProjectError when the tsconfig cannot be read. */
/** `cwd`: the project folder of the run; code outside it is never read. `afterFile` runs after each file's analysis. */
export function scanProject(tsconfigPath: string, cwd?: string, options: { readonly afterFile?: () => void } = {}): ProjectScan {
  const project = new ProjectIndex(tsconfigPath, cwd);
  const resolver = new ValueResolver(project);
  const reader = new StatusReader(resolver);
  const finder = new RouterFinder(resolver);
  const builder = new RouteBuilder();
  const responses: CodeResponse[] = [];
  const discovery: RouterDiscovery = { routes: [], mounts: [], middleware: [] };
  const analyzed: AnalyzedFile[] = [];

  for (const path of project.files) {
    // A file with no word of a response or a route (most React components, types, utilities) is not parsed here;
    // a route that leads into it (a helper, a guard) has it analyzed then.
    const text = project.text(path) ?? '';
    const routes = mayDeclareRoutes(path, text);
    if (!routes && !mayRespond(path, text)) continue;
    const file = project.analysis(path);
    if (!file) continue;
    for (const site of file.sites) {
      responses.push({ fact: site.fact, statusLocation: site.statusNode ? locationOf(path, site.statusNode) : undefined, sendLocation: locationOf(path, site.sendNode) });
    }
    // Only files that may declare routes are kept for the route pass; the others' trees are let go (a handler or
    // helper in one of them is analyzed again when a route leads there), so memory follows the routes, not the project.
    if (routes) analyzed.push(file);
    else project.release(path);
    options.afterFile?.();
  }
  const routeFiles = analyzed.filter((file) => !TEST_FILE.test(file.file));
  // Code we cannot read must not stop the scan: a file whose registrations cannot be read is reported and skipped.
  const guarded = (file: AnalyzedFile, step: () => void): void => {
    try {
      step();
    } catch (error) {
      project.problems.push({ file: file.file, line: 1, column: 1, message: `routes could not be read: ${(error as Error).message}` });
    }
  };
  for (const file of routeFiles) {
    guarded(file, () => {
      finder.discover(file, discovery);
      routersPassedToFunctions(file, finder, resolver, discovery);
    });
  }
  try {
    expressLikeRoutes(discovery, reader, builder);
  } catch (error) {
    project.problems.push({ file: project.configFile, line: 1, column: 1, message: `routes could not be read: ${(error as Error).message}` });
  }

  // App-wide settings (`useGlobalPipes(new ValidationPipe())` in main.ts) are read from every file's text, kept or not.
  const nest = nestAppSettings(project.files.filter((path) => !TEST_FILE.test(path)).map((path) => project.text(path) ?? ''));
  for (const file of routeFiles) guarded(file, () => frameworkFileRoutes(file));
  function frameworkFileRoutes(file: AnalyzedFile): void {
    for (const route of nestRoutes(file, nest.validationPipe)) {
      const parts: { summary: FunctionSummary; source: SentStatusSource; countUnknowns: boolean }[] = [{ summary: reader.summarize(file, route.handler), source: 'handler', countUnknowns: true }];
      for (const guard of route.guards) {
        const target = resolver.resolveExpression(file, guard);
        const method = target && (target.kind === 'class' || target.kind === 'instance') ? resolver.member(target.kind === 'class' ? { kind: 'instance', file: target.file, of: target } : target, 'canActivate') : undefined;
        if (method?.kind === 'function') parts.push({ summary: reader.summarize(method.file, method.fn), source: 'handler', countUnknowns: true });
      }
      const decoratorLocation = locationOf(file.file, route.decorator);
      const extra: { status: number; text: string; source: SentStatusSource; implicit: boolean; location: CodeLocation }[] = route.frameworkStatuses.map((status) => ({ status, text: 'the framework', source: 'framework', implicit: true, location: decoratorLocation }));
      const sentByHandler = parts[0].summary.sends;
      const returned = route.returnStatus;
      if (returned && !sentByHandler.some((found) => found.status === returned.status && (found.implicit || !returned.implicit))) {
        extra.push({ status: returned.status, text: returned.text, source: 'handler', implicit: returned.implicit, location: locationOf(file.file, returned.node) });
      }
      builder.add({
        method: route.method,
        pathText: route.path === undefined ? undefined : joinPaths(nest.globalPrefix, route.path),
        framework: 'nestjs',
        location: decoratorLocation,
        parts,
        extra,
      });
    }
    for (const route of nextRoutes(file, project.root)) {
      builder.add({ method: route.method, pathText: route.path, framework: 'nextjs', location: locationOf(file.file, route.node), parts: [{ ...summaryOf(reader, file, route.handler), source: 'handler', countUnknowns: true }] });
    }
    for (const route of trpcOpenApiRoutes(file)) {
      const location = locationOf(file.file, route.node);
      // What the resolver returns goes out with 200; its TRPCErrors with their codes' statuses.
      // The procedure's middleware (`protectedProcedure`'s sign-in check) and the adapter's own answers (a 400 for an input
      // that fails its schema) are not read: the statuses found are some of the route's, not all.
      const middleware: FunctionSummary = { sends: [], parametric: [], unknowns: ["what the procedure's middleware and the OpenAPI adapter answer"] };
      builder.add({ method: route.method, pathText: route.path, framework: 'trpc-openapi', location, parts: [{ ...summaryOf(reader, file, route.handler), source: 'handler', countUnknowns: true }, { summary: middleware, source: 'framework', countUnknowns: true }], extra: [{ status: 200, text: 'the framework', source: 'framework', implicit: true, location }] });
    }
  }
  return {
    root: project.root,
    configFile: project.configFile,
    files: project.files,
    routes: builder.routes,
    routeLocations: builder.routeLocations,
    sentLocations: builder.sentLocations,
    responses,
    problems: project.problems,
    text: (file) => project.text(file),
  };
}

function summaryOf(reader: StatusReader, file: AnalyzedFile, node: TSESTree.Node): { summary: FunctionSummary } {
  return { summary: reader.chainStatuses(file, node).summary };
}

/** `registerUserRoutes(router)`: a function of the project that registers routes on a router it is handed. */
function routersPassedToFunctions(file: AnalyzedFile, finder: RouterFinder, resolver: ValueResolver, discovery: RouterDiscovery): void {
  walk(file.context, file.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    node.arguments.forEach((argument, index) => {
      if (argument.type !== AST_NODE_TYPES.Identifier) return;
      const parent = finder.routerOf(file, argument);
      if (!parent) return;
      const callee = resolver.resolveExpression(file, node.callee);
      if (callee?.kind !== 'function') return;
      const parameter = callee.fn.params[index];
      if (parameter?.type !== AST_NODE_TYPES.Identifier) return;
      const child = finder.routerOfTarget({ kind: 'binding', file: callee.file, node: parameter, parameterOf: callee.fn });
      if (child && child.key !== parent.key) discovery.mounts.push({ parent, child, prefix: '', node, file });
    });
    return undefined;
  });
}

function expressLikeRoutes(discovery: RouterDiscovery, reader: StatusReader, builder: RouteBuilder): void {
  const mountsOf = new Map<TSESTree.Identifier, MountDeclaration[]>();
  for (const mount of discovery.mounts) mountsOf.set(mount.child.key, [...(mountsOf.get(mount.child.key) ?? []), mount]);
  const middlewareOf = new Map<TSESTree.Identifier, MiddlewareDeclaration[]>();
  for (const item of discovery.middleware) middlewareOf.set(item.router.key, [...(middlewareOf.get(item.router.key) ?? []), item]);

  /** Each way a route at `relative` on `router` is reached from a root: its full path and the middleware on the way. */
  const reach = (router: RouterObject, relative: string | undefined, position: number, file: AnalyzedFile, seen: Set<TSESTree.Identifier>): { path: string | undefined; middleware: MiddlewareDeclaration[] }[] => {
    const own = relative === undefined ? undefined : joinPaths(router.ownPrefix, relative);
    const here = (middlewareOf.get(router.key) ?? []).filter((item) => (item.errorHandler || item.file !== file || item.node.range[0] < position) && prefixApplies(item.prefix, own));
    const mounts = (mountsOf.get(router.key) ?? []).filter((mount) => !seen.has(mount.parent.key));
    if (mounts.length === 0) return [{ path: own, middleware: here }];
    const ways: { path: string | undefined; middleware: MiddlewareDeclaration[] }[] = [];
    for (const mount of mounts) {
      const inner = own === undefined || mount.prefix === undefined ? undefined : joinPaths(mount.prefix, own);
      for (const way of reach(mount.parent, inner, mount.node.range[0], mount.file, new Set([...seen, router.key]))) {
        if (ways.length < MAX_PREFIXES) ways.push({ path: way.path, middleware: [...here, ...way.middleware] });
      }
    }
    return ways;
  };

  for (const route of discovery.routes) {
    const parts = route.chain.map((node) => ({ summary: reader.chainStatuses(route.file, node).summary, source: 'handler' as SentStatusSource, countUnknowns: true }));
    const extra: { status: number; text: string; source: SentStatusSource; implicit: boolean; location: CodeLocation }[] = [];
    const location = locationOf(route.file.file, route.node.type === AST_NODE_TYPES.CallExpression ? route.node.callee : route.node);
    if (route.router.framework === 'fastify') {
      const statuses = [...(route.schema ? frameworkStatuses.fastifySchema : []), ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? frameworkStatuses.fastifyBody : [])];
      for (const status of new Set(statuses)) extra.push({ status, text: 'the framework', source: 'framework', implicit: true, location });
      // An async handler answers 200 with whatever it returns.
      for (const node of route.chain.slice(-1)) implicitReturnStatus(route.file, node, reader, extra, location);
    }
    for (const way of reach(route.router, route.path, route.node.range[0], route.file, new Set())) {
      const middlewareParts = way.middleware.flatMap((item) => item.handlers.map((handler) => ({ summary: reader.chainStatuses(item.file, handler).summary, source: 'middleware' as SentStatusSource, countUnknowns: false })));
      builder.add({ method: route.method, pathText: way.path, framework: route.router.framework, location, parts: [...parts, ...middlewareParts], extra });
    }
  }
}

/** Fastify: `async (request) => users` answers 200 with the value; the plugin's analysis reads only literal bodies. */
function implicitReturnStatus(file: AnalyzedFile, node: TSESTree.Node, reader: StatusReader, extra: { status: number; text: string; source: SentStatusSource; implicit: boolean; location: CodeLocation }[], location: CodeLocation): void {
  const fn = unwrap(node);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return;
  const reply = fn.params[1]?.type === AST_NODE_TYPES.Identifier ? fn.params[1].name : undefined;
  let returnsValue = fn.body.type !== AST_NODE_TYPES.BlockStatement && fn.async;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    walk(file.context, fn.body, (inner) => {
      if (inner !== fn.body && (inner.type === AST_NODE_TYPES.ArrowFunctionExpression || inner.type === AST_NODE_TYPES.FunctionExpression || inner.type === AST_NODE_TYPES.FunctionDeclaration)) return false;
      if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument) {
        const text = file.context.sourceCode.getText(inner.argument);
        if (!reply || !new RegExp(`^(?:await\\s+)?${reply}\\b`).test(text)) returnsValue = true;
      }
      return undefined;
    });
  }
  if (returnsValue && !reader.summarize(file, fn).sends.some((found) => found.status >= 200 && found.status < 300)) extra.push({ status: 200, text: '200', source: 'handler', implicit: true, location });
}
