// How each framework declares routes and mounts routers, and which statuses it or a well-known library sends by itself, as data.

/** Router method names and the HTTP method each registers; `all` answers every method. */
export const routeMethods: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  all: 'ALL',
};

/** A call that makes an app or a router object. `imported` is the export it calls (`default` for `express()`), `member` a property of it (`express.Router()`). */
export interface RouterFactory {
  readonly modules: readonly string[];
  readonly imported: readonly string[];
  readonly member?: string;
  /** Read a prefix from the first argument's object: `new Router({ prefix: '/users' })`. */
  readonly prefixOption?: string;
}

/** How a framework mounts one router under another, or a middleware on many routes. */
export interface RouterFramework {
  readonly framework: 'express' | 'fastify' | 'hono' | 'koa';
  readonly factories: readonly RouterFactory[];
  /** `app.use('/v1', router)`, `app.use(requireAuth)`: the method, and whether its first argument may be a prefix. */
  readonly useMethods: readonly string[];
  /** `app.route('/users', users)` (Hono), `app.register(plugin, { prefix })` (Fastify). */
  readonly mountMethods: readonly { readonly name: string; readonly prefixArgument?: number; readonly prefixOption?: string; readonly childArgument: number }[];
  /** `router.route('/x').get(h)` (Express). */
  readonly chainedRouteMethod?: string;
  /** `fastify.route({ method, url, handler })`. */
  readonly objectRouteMethod?: { readonly name: string; readonly methodKey: string; readonly pathKeys: readonly string[]; readonly handlerKey: string };
  /** Route options holding route-level middleware: Fastify `{ preHandler, onRequest }`. */
  readonly routeHookKeys?: readonly string[];
  /** Hooks that run before every route of a scope: `fastify.addHook('onRequest', fn)`. */
  readonly hookMethod?: { readonly name: string; readonly events: readonly string[] };
  /** Error handlers: `app.onError(fn)`, `fastify.setErrorHandler(fn)`. */
  readonly errorHandlerMethods: readonly string[];
  /** `new Hono().basePath('/api')`. */
  readonly basePathMethod?: string;
  /** `router.routes()` (Koa) stands for the router itself. */
  readonly routerSelfMethods?: readonly string[];
  /** A route whose options carry a validation schema answers 400 by itself (Fastify). */
  readonly schemaKey?: string;
}

export const routerFrameworks: readonly RouterFramework[] = [
  {
    framework: 'express',
    factories: [
      { modules: ['express'], imported: ['default', '*'] },
      { modules: ['express'], imported: ['default', '*'], member: 'Router' },
      { modules: ['express'], imported: ['Router'] },
    ],
    useMethods: ['use'],
    mountMethods: [],
    chainedRouteMethod: 'route',
    errorHandlerMethods: [],
  },
  {
    framework: 'fastify',
    factories: [{ modules: ['fastify'], imported: ['default', '*', 'fastify'] }],
    useMethods: [],
    mountMethods: [{ name: 'register', prefixOption: 'prefix', childArgument: 0 }],
    objectRouteMethod: { name: 'route', methodKey: 'method', pathKeys: ['url', 'path'], handlerKey: 'handler' },
    routeHookKeys: ['onRequest', 'preParsing', 'preValidation', 'preHandler'],
    hookMethod: { name: 'addHook', events: ['onRequest', 'preParsing', 'preValidation', 'preHandler'] },
    errorHandlerMethods: ['setErrorHandler', 'setNotFoundHandler'],
    schemaKey: 'schema',
  },
  {
    framework: 'hono',
    factories: [{ modules: ['hono', '@hono/zod-openapi'], imported: ['Hono', 'OpenAPIHono'] }],
    useMethods: ['use'],
    mountMethods: [{ name: 'route', prefixArgument: 0, childArgument: 1 }],
    errorHandlerMethods: ['onError', 'notFound'],
    basePathMethod: 'basePath',
  },
  {
    framework: 'koa',
    factories: [
      { modules: ['@koa/router', 'koa-router'], imported: ['default', '*', 'Router'], prefixOption: 'prefix' },
      { modules: ['koa'], imported: ['default', '*'] },
    ],
    useMethods: ['use'],
    mountMethods: [],
    errorHandlerMethods: [],
    routerSelfMethods: ['routes', 'middleware', 'allowedMethods'],
  },
];

/** NestJS: class and method decorators of `@nestjs/common`. */
export const nestRouting = {
  modules: ['@nestjs/common'],
  controllerDecorator: 'Controller',
  methodDecorators: { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Options: 'OPTIONS', Head: 'HEAD', All: 'ALL' } as Readonly<Record<string, string>>,
  httpCodeDecorator: 'HttpCode',
  /** The method sends its own response when it takes `@Res()` without `{ passthrough: true }`. */
  responseDecorators: ['Res', 'Response'],
  guardsDecorator: 'UseGuards',
  pipesDecorator: 'UsePipes',
  /** Parameter decorators whose values a validation pipe checks. */
  validatedParameterDecorators: ['Body', 'Query', 'Param'],
  globalPrefixMethod: 'setGlobalPrefix',
  /** A POST answers 201 unless `@HttpCode` says otherwise; every other method 200. */
  defaultStatus: (method: string): number => (method === 'POST' ? 201 : 200),
} as const;

/** Next.js App Router: route handlers are the HTTP-method exports of `route.ts` files under `app/`. */
export const nextRouting = {
  routeFile: /(?:^|[\\/])route\.[cm]?[jt]sx?$/,
  appDirectories: ['app', 'src/app'],
  pagesApiDirectories: ['pages/api', 'src/pages/api'],
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
  /** Folders that do not become path segments: `(group)`, `@slot`, and private `_folders` (which are not routable at all). */
  groupSegment: /^\(.*\)$|^@/,
  privateSegment: /^_/,
} as const;

/** Library middleware that answers by itself, and with what: a route behind it can send these without code of ours. */
export interface LibraryMiddleware {
  readonly modules: readonly string[];
  /** The export (or `default`), and optionally the member called on it: `passport.authenticate`. */
  readonly imported?: readonly string[];
  readonly member?: string;
  readonly statuses: readonly number[];
}

export const libraryMiddleware: readonly LibraryMiddleware[] = [
  { modules: ['express'], member: 'json', statuses: [400, 413, 415] },
  { modules: ['express'], member: 'urlencoded', statuses: [400, 413, 415] },
  { modules: ['express'], member: 'raw', statuses: [400, 413, 415] },
  { modules: ['express'], member: 'text', statuses: [400, 413, 415] },
  { modules: ['body-parser'], statuses: [400, 413, 415] },
  { modules: ['passport'], member: 'authenticate', statuses: [401] },
  { modules: ['express-jwt'], statuses: [401] },
  { modules: ['express-oauth2-jwt-bearer'], statuses: [401, 403] },
  { modules: ['express-rate-limit', 'express-slow-down', 'hono-rate-limiter', '@fastify/rate-limit', 'koa-ratelimit'], statuses: [429] },
  { modules: ['@hono/zod-validator', 'hono/validator', '@hono/valibot-validator', '@hono/typebox-validator'], statuses: [400] },
  { modules: ['hono/jwt', 'hono/bearer-auth', 'hono/basic-auth'], statuses: [401] },
  { modules: ['celebrate'], statuses: [400] },
  { modules: ['express-openapi-validator'], statuses: [400, 401, 403, 404, 405, 415] },
  { modules: ['@fastify/jwt', '@fastify/auth', '@fastify/bearer-auth', '@fastify/basic-auth'], statuses: [401] },
  { modules: ['@fastify/sensible'], statuses: [] },
  { modules: ['cors', '@fastify/cors', 'hono/cors', '@koa/cors'], statuses: [] },
  { modules: ['helmet', '@fastify/helmet', 'hono/secure-headers', 'morgan', 'compression', 'cookie-parser', 'hono/logger', 'hono/etag', 'hono/compress', 'pino-http', 'koa-bodyparser', 'koa-body'], statuses: [] },
];

/** Statuses a framework sends by itself for a route: body parsing and validation where the route has a schema, guards in Nest. */
export const frameworkStatuses = {
  /** Fastify validates a route's `schema` and answers 400; it parses bodies and answers 400 / 415 for bad ones. */
  fastifySchema: [400],
  fastifyBody: [400, 415],
  /** Nest: a guard that says no throws ForbiddenException; `AuthGuard` from @nestjs/passport answers 401. */
  nestGuard: [403],
  nestAuthGuard: [401],
  /** Nest: a validation pipe (`ValidationPipe`, `ParseIntPipe`, ...) answers 400. */
  nestValidation: [400],
} as const;
