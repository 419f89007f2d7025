// Handlers that only run for a caller already authenticated, because the route says so where it is declared:
// `router.put('/rename', loginRequiredStrictly, handler)`, `app.get('/me', passport.authenticate('jwt'), handler)`,
// Fastify's `{ preHandler: [fastify.authenticate] }`, Nest's `@UseGuards(JwtAuthGuard)` on the method or its class.
// A 401 such a handler sends is about what a known caller may do, unless it speaks of credentials (the rule decides).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, keyName, memberPath, propertyName, unwrap } from '../resolve/values.js';

/** Methods that declare a route with its middleware before the handler. */
const ROUTE_METHODS = /^(?:get|post|put|patch|delete|del|all|options|head|route)$/;

/**
 * Middleware and guards named for authentication: `loginRequired`, `requireAuth`, `ensureAuthenticated`, `isLoggedIn`,
 * `verifyToken`, `authenticate`, `JwtAuthGuard`, `AuthGuard('jwt')`. Never one that only tries (`optionalAuth`,
 * `softAuth`, `loadUser`): the handler then also runs for anonymous callers.
 */
const AUTHENTICATES = /^(?:(?:ensure|require|requires|must|is|check|verify|validate|need|needs)?(?:Logged|Log|Sign(?:ed)?)[-_]?In\w*|\w*(?:login|signin|auth)[-_]?Required\w*|(?:ensure|require|requires|is|check|verify|validate|need|needs)[-_]?(?:Auth\w*|User|Session|Token|Jwt|JWT|ApiKey)|authenticate\w*|authenticated|jwt[-_]?auth\w*|\w*Jwt\w*Guard|\w*Auth(?:entication|enticated)?Guard|\w*Auth[A-Z]\w*Guard|AuthGuard|authGuard|verifyJwt|verifyJWT|withAuth|protect|protected|protectRoute|authMiddleware|requireUser)$/;
const ONLY_TRIES = /optional|soft|try|maybe|lenient|loose|load|attach|populate|extract|parse|public|anonymous/i;

function authenticationName(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) {
      const found = element && element.type !== AST_NODE_TYPES.SpreadElement ? authenticationName(element) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  // `passport.authenticate('jwt')`, `AuthGuard('jwt')`, `requireAuth()`: the call's own name.
  const named = value.type === AST_NODE_TYPES.CallExpression ? unwrap(value.callee) : value;
  const path = memberPath(named);
  const last = path?.split('.').pop();
  if (!last || ONLY_TRIES.test(path ?? '')) return undefined;
  return AUTHENTICATES.test(last) ? (value.type === AST_NODE_TYPES.CallExpression ? `${path}(...)` : path) : undefined;
}

/** Fastify's route options: `{ preHandler: [fastify.authenticate] }`, `{ onRequest: app.auth }`. */
function optionsAuthentication(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !/^(?:preHandler|onRequest|preValidation|preParsing|beforeHandler|middleware|middlewares)$/.test(keyName(property) ?? '')) continue;
    const found = authenticationName(property.value);
    if (found) return found;
  }
  return undefined;
}

/** `@UseGuards(JwtAuthGuard)` among a method's or class's decorators. */
function guardedBy(decorators: readonly TSESTree.Decorator[] | undefined): string | undefined {
  for (const decorator of decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || memberPath(call.callee) !== 'UseGuards') continue;
    for (const argument of call.arguments) {
      const found = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : authenticationName(argument.type === AST_NODE_TYPES.NewExpression ? argument.callee : argument);
      if (found) return `@UseGuards(${found})`;
    }
  }
  return undefined;
}

/** The authentication a route declares for the handler a node runs in, if any. */
export function authenticatedRoute(node: TSESTree.Node): string | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      const classNode = parent.parent?.parent;
      return guardedBy(parent.decorators) ?? (classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression ? guardedBy(classNode.decorators) : undefined);
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (!ROUTE_METHODS.test(propertyName(parent.callee) ?? '')) continue;
    const index = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
    // The handler is the last argument; what comes before it (after the path) runs first.
    if (index !== parent.arguments.length - 1) return undefined;
    for (const argument of parent.arguments.slice(0, index)) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const found = authenticationName(argument) ?? optionsAuthentication(argument);
      if (found) return found;
    }
    return undefined;
  }
  return undefined;
}
