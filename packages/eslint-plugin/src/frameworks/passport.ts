// Passport's sign-in routes with an identity provider: `app.get('/auth/github/callback', passport.authenticate('github',
// { failureRedirect: '/login' }), ...)`. On the provider's callback the strategy exchanges the code for a token and
// fetches the profile over the network; when that fails, passport hands the error (`InternalOAuthError`) to `next(err)`,
// and the error middleware answers 500: a failure of the provider, answered as the server's own. A `failureRedirect`
// only covers a sign-in the provider refused, not a failed request to it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { initializerOf, isFunction, memberPath, propertyName, unwrap, type FileContext } from '../resolve/values.js';
import type { Draft } from '../sites.js';

/** Packages whose `authenticate` is passport's. */
const PASSPORT_MODULES = ['passport', 'koa-passport', '@fastify/passport'];

/** Methods that declare a route with its middleware. */
const ROUTE_METHODS = /^(?:get|post|put|patch|delete|del|all)$/;

/**
 * Strategies that check what the request carries without asking anyone (a password against the server's own store, a
 * token's signature, an API key, a SAML assertion), by the names they register under.
 */
const LOCAL_STRATEGY = /^(?:local|jwt|bearer|basic|digest|anonymous|headerapikey|api-?key|localapikey|cookie|session|custom|hash|totp|remember-?me|magic-?link|magiclogin|webauthn|passkey|fido2|saml|unique-?token|oauth2-client-password|client-?cert|mock|dummy|ldapauth)(?:[-_:]|$)/i;

/**
 * Strategies that ask the provider already when the sign-in starts: OAuth 1.0a fetches a request token (Twitter,
 * Tumblr, Trello, Flickr), OpenID 2.0 discovers the provider (Steam, Yahoo). An OAuth 2.0 or OpenID Connect start only
 * redirects to the provider, whose call comes back on the callback route.
 */
const ASKS_AT_START = /^(?:twitter|tumblr|trello|flickr|steam|openid|yahoo|goodreads|dropbox-oauth1)$/i;

/** The path of a provider's callback: `/auth/github/callback`, `/oauth/cb`, `/login/return`. */
const CALLBACK_PATH = /callback|\/cb\b|\/return\b|\/redirect\b/i;

interface ProviderRoute {
  readonly call: TSESTree.CallExpression;
  readonly strategy: string;
  readonly path: string;
}

/** `passport.authenticate`, or a name it was kept under (`const pauth = passport.authenticate.bind(passport)`). */
function isPassportAuthenticate(context: FileContext, callee: TSESTree.Node, depth = 0): boolean {
  const node = unwrap(callee);
  const path = memberPath(node);
  if (!path) return false;
  if (path.endsWith('.authenticate')) {
    const root = path.split('.')[0];
    const binding = context.imports.binding(root);
    return binding ? PASSPORT_MODULES.includes(binding.source) : /^(?:passport|fastifyPassport|koaPassport)$/.test(root);
  }
  if (depth > 1 || node.type !== AST_NODE_TYPES.Identifier) return false;
  const init = initializerOf(context, node);
  if (!init) return false;
  const value = unwrap(init);
  // `passport.authenticate.bind(passport)`
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'bind') return isPassportAuthenticate(context, value.callee.object, depth + 1);
  return isPassportAuthenticate(context, value, depth + 1);
}

/** The strategy's name as written: `'github'`, or the fixed start of a template (`deezer-${name}` gives `deezer-`). */
function strategyName(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.quasis[0]?.value.cooked) return value.quasis[0].value.cooked;
  return undefined;
}

/** `passport.authenticate('github', options)` handed to a route declaration, with no callback of the application's. */
function providerRoute(context: FileContext, call: TSESTree.CallExpression): ProviderRoute | undefined {
  // The shape first (a call handed to a route declaration, naming a strategy), what the callee is last: resolving a name
  // costs a scope analysis of the file.
  const route = call.parent;
  if (route?.type !== AST_NODE_TYPES.CallExpression || !route.arguments.includes(call) || route.callee.type !== AST_NODE_TYPES.MemberExpression || !ROUTE_METHODS.test(propertyName(route.callee) ?? '')) return undefined;
  const strategy = strategyName(call.arguments[0]);
  if (!strategy || LOCAL_STRATEGY.test(strategy)) return undefined;
  // `passport.authenticate('github', (err, user) => { ... })(req, res, next)`: the application answers the error itself.
  if (call.arguments.slice(1).some((argument) => isFunction(unwrap(argument)))) return undefined;
  if (!isPassportAuthenticate(context, call.callee)) return undefined;
  const path = strategyName(route.arguments[0]);
  // `router.get('/google/consent', web.auth.catchError, passport.authenticate('google'))`: a middleware before it that
  // catches errors answers them itself.
  const before = route.arguments.slice(1, route.arguments.indexOf(call));
  if (before.some((argument) => /catch|error/i.test(memberPath(unwrap(argument)) ?? ''))) return undefined;
  return path === undefined ? undefined : { call, strategy, path };
}

/**
 * The routes of a file where a provider is asked: every route of a strategy that asks at the start; otherwise the
 * callback, told apart from the start by its path (`/callback`) or as the longer path of a strategy's two routes
 * (`/login/auth/steam` beside `/login/steam`).
 */
function askingRoutes(routes: readonly ProviderRoute[]): ProviderRoute[] {
  const byStrategy = new Map<string, ProviderRoute[]>();
  for (const route of routes) byStrategy.set(route.strategy, [...(byStrategy.get(route.strategy) ?? []), route]);
  const asking: ProviderRoute[] = [];
  for (const [strategy, group] of byStrategy) {
    if (ASKS_AT_START.test(strategy)) asking.push(...group);
    else if (group.length === 1) asking.push(...group.filter((route) => CALLBACK_PATH.test(route.path)));
    else {
      const shortest = Math.min(...group.map((route) => route.path.length));
      asking.push(...group.filter((route) => CALLBACK_PATH.test(route.path) || route.path.length > shortest));
    }
  }
  return asking;
}

/** The framework's 500 when the provider fails, one site per route that asks it, at `passport.authenticate(...)`. */
export function passportProviderDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  if (!context.sourceCode.text.includes('.authenticate')) return [];
  const routes = calls.map((call) => providerRoute(context, call)).filter((route): route is ProviderRoute => route !== undefined);
  return askingRoutes(routes).map((route) => {
    const callee = memberPath(route.call.callee) ?? 'passport.authenticate';
    return {
      producer: 'default-error',
      anchor: route.call,
      knownStatus: { status: 500, text: '500' },
      implicit: true,
      messageNodes: [],
      boundary: undefined,
      role: undefined,
      // The strategy's package by the name it goes by (`passport-github`): a client of the provider.
      upstream: {
        callees: [callee],
        calleeModules: { [callee]: `passport-${route.strategy.replace(/[-_:]+$/, '')}` },
        via: 'unhandled',
        errorMarkers: [],
        handledMarkers: [],
        handedOnBy: { library: 'passport', call: `${callee}('${route.strategy}')` },
      },
      replaceStatus: () => undefined,
    } satisfies Draft;
  });
}
