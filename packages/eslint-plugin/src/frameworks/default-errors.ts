// A plain `Error` thrown where a failure was found: `if (!response.ok) throw new Error('Cloudinary destroy failed')`,
// or `catch (e) { throw new Error('S3 upload failed') }`. It carries no status, and every server framework
// (Express 5, Koa, Fastify, NestJS, Hono, Next.js route handlers, tRPC) answers it with 500. Read as that 500 only
// on a failure path (a `catch`, or the branch of a check), so that the 500 rule can ask what failed there; a plain
// error thrown anywhere else (a guard on the server's own state) is the server's own failure and needs no reading.
import { relative } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { ANSWER_BODY_READ } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { enclosingCatch, enclosingFunction, isFunction, isThrown, keyName, localFunction, memberPath, propertyName, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';
import { siblingStatement } from '../resolve/path.js';
import { walk } from '../resolve/walk.js';
import { canonicalCallee, handlerPassesOn, keepsOwnFailure, upstreamCallOf } from '../resolve/upstream.js';
import { escapingRequestOf, requestCallOf } from '../app-model/request-functions.js';
import { expressAnswersRejections } from '../app-model/package-manifests.js';
import { isRouteExport, isRouteModule } from './remix.js';
import { isSvelteKitAnswered } from './sveltekit.js';
import { awaitingControllerOf, injectsApplicationService } from './nest.js';
import { projectFolder } from '../app-model/source-files.js';
import { projectSearch } from '../app-model/project-search.js';

/** Is the throw in the branch of an `if` (or the `catch`) of its own function, not merely somewhere in it? */
function onFailurePath(node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child) return true;
    if (parent.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/**
 * Is the throw inside a `try` block (of its function or one around it): that `catch` decides what is answered. Not a
 * `catch` that passes every error on as it came (`catch (error) { release(client); throw error; }`): the framework
 * answers it as if nothing had caught it.
 */
function insideTry(context: FileContext, node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && !passesEveryErrorOn(context, parent.handler)) return true;
  }
  return false;
}

/** A `catch` whose own statements end in throwing what it caught, with no other way out: `catch (e) { log(e); throw e; }`. */
function passesEveryErrorOn(context: FileContext, handler: TSESTree.CatchClause): boolean {
  const name = handler.param?.type === AST_NODE_TYPES.Identifier ? handler.param.name : undefined;
  const statements = handler.body.body;
  const last = statements[statements.length - 1];
  if (name === undefined || last?.type !== AST_NODE_TYPES.ThrowStatement || last.argument.type !== AST_NODE_TYPES.Identifier || last.argument.name !== name) return false;
  let exits = false;
  for (const statement of statements.slice(0, -1)) {
    walk(context, statement, (inner) => {
      if (exits || isFunction(inner)) return false;
      if (inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement) exits = true;
      return undefined;
    });
  }
  return !exits;
}

/** Route exports: Next.js's `GET`, `POST`, ...; Cloudflare Pages Functions' `onRequest`, `onRequestPost`, ... */
const ROUTE_EXPORT = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|onRequest(?:Get|Post|Put|Patch|Delete|Head|Options)?)$/;
const ROUTE_DECORATOR = /^(?:Get|Post|Put|Patch|Delete|All|Head|Options)$/;
const PROCEDURE_METHOD = /^(?:query|mutation|subscription)$/;

/**
 * Is this function a route's handler, whose error nothing of the application catches before the framework: one that
 * is handed the response (`isHandler`), a Next.js route export (`export async function POST`), a NestJS controller
 * method (`@Post()`), a tRPC procedure (`.mutation(async ({ input }) => ...)`)?
 */
function isRouteHandler(fn: FunctionNode, isHandler: (fn: FunctionNode) => boolean, context?: FileContext): boolean {
  // `export const onRequest = async ({ request }) => handleRequest(request, ...)`: the function a route handler of the
  // same file hands its whole work to, returning what it returns, fails as the handler does.
  return ownRouteHandler(fn, isHandler) || (context !== undefined && delegatedWork(context, fn, isHandler));
}

/** A function of the file whose call a route handler returns (`return handleRequest(...)`, `=> handleRequest(...)`). */
function delegatedWork(context: FileContext, fn: FunctionNode, isHandler: (fn: FunctionNode) => boolean): boolean {
  const name = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : undefined;
  const variable = name ? variableOf(context, name) : undefined;
  return (variable?.references ?? []).some((reference) => {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
    const holder = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent.parent : call.parent;
    const returned = holder?.type === AST_NODE_TYPES.ReturnStatement || (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === (call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call));
    const caller = enclosingFunction(call);
    return returned && caller !== undefined && caller !== fn && ownRouteHandler(caller, isHandler);
  });
}

/** A route handler by its own shape: handed the response, a route export, a controller method, a procedure. */
function ownRouteHandler(fn: FunctionNode, isHandler: (fn: FunctionNode) => boolean): boolean {
  if (isHandler(fn)) return true;
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id && ROUTE_EXPORT.test(fn.id.name) && parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && ROUTE_EXPORT.test(parent.id.name)) return true;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) return (parent.decorators ?? []).some((decorator) => ROUTE_DECORATOR.test(memberPath(decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression) ?? ''));
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && parent.callee.type === AST_NODE_TYPES.MemberExpression) return PROCEDURE_METHOD.test(propertyName(parent.callee) ?? '');
  return false;
}

/** `res.status(401); throw new Error(msg)`: a status set on the response just before, which the error middleware sends. */
function statusSetBefore(context: FileContext, node: TSESTree.Node): boolean {
  const statement = node.parent;
  const previous = statement?.type === AST_NODE_TYPES.ThrowStatement ? siblingStatement(statement, -1) : undefined;
  return previous?.type === AST_NODE_TYPES.ExpressionStatement && /^\w+\.status\s*\(|^\w+\.statusCode\s*=/.test(context.sourceCode.getText(previous.expression));
}

/** `throw new Error(msg)` on a failure path: the framework's default 500, with the error's words. */
export function plainErrorDraft(context: FileContext, node: TSESTree.NewExpression | TSESTree.CallExpression, boundary: FunctionNode | undefined, role: Role | undefined, isHandler: (fn: FunctionNode) => boolean): Draft | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Error') return undefined;
  // Only where a route handler throws it, or a function a route handler (or a NestJS controller) awaits or returns
  // outside any `try`: another helper's error may be caught by its callers and answered otherwise (a 400, a redirect,
  // a page, a log line), which cannot be seen from here; measured on real code, half of the helpers' were. Not inside
  // a `try` (what its `catch` makes of it is answered), nor after `res.status(401)`.
  const fn = enclosingFunction(node);
  if (!fn || !isThrown(node) || !onFailurePath(node) || insideTry(context, node) || statusSetBefore(context, node)) return undefined;
  // The global `Error`, not a class of the same name the file declares or imports.
  const variable = variableOf(context, node.callee);
  if (variable && variable.defs.length > 0) return undefined;
  const routeHandler = isRouteHandler(fn, isHandler);
  if (!routeHandler && (awaitingControllerOf(context, fn) ?? awaitingRouteOf(context, fn)) === undefined) return undefined;
  const message = node.arguments[0];
  return {
    producer: 'default-error',
    anchor: node,
    knownStatus: { status: 500, text: '500' },
    implicit: true,
    messageNodes: message && message.type !== AST_NODE_TYPES.SpreadElement ? [message] : [],
    boundary,
    role,
    inErrorHandler: enclosingCatch(node) !== undefined,
    replaceStatus: () => undefined,
  };
}

/** A wrapper that hands an async handler's rejection to the error middleware: `asyncHandler(fn)`, `catchAsync(fn)`, `asyncWrapper(fn)`. */
const ASYNC_WRAPPER = /^(?:async\w*(?:Handler|Wrapper|Wrap|Route|Middleware)|catchAsync\w*|catchErrors|wrapAsync|asyncify|expressAsyncHandler)$/i;

/**
 * An Express handler whose rejection reaches the error middleware (whose default answer is 500): handed to an async
 * wrapper, or in a file that loads `express-async-errors` or makes its router with `express-promise-router`.
 */
function rejectionsHandedOn(context: FileContext, fn: FunctionNode): boolean {
  // `express-async-errors` patches Express; `express-promise-router`'s routers (Backstage's plugins use them) hand a
  // rejected handler's error to the error middleware themselves.
  if (context.imports.importsAny(['express-async-errors', 'express-promise-router'])) return true;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument) && ASYNC_WRAPPER.test((memberPath(parent.callee) ?? '').split('.').pop() ?? '');
}

/** Handlers whose unhandled rejection the framework answers with 500: not Express 4's, which leaves the request hanging. */
const ANSWERS_REJECTION = new Set(['koa', 'hono', 'fastify']);
const H3_HANDLER = /^(?:defineEventHandler|eventHandler|defineCachedEventHandler|cachedEventHandler)$/;

/** `Promise.all(...)` and `Promise.race(...)`: rejected as soon as one of the promises they are given is. */
const GATHERS = /^Promise\.(?:all|race)$/;

/**
 * The `Promise.all(...)` a call's promise is gathered in, directly (`Promise.all([call, ...])`) or as what a callback of
 * `.map(...)` returns (`Promise.all(ids.map(async (id) => await call(id)))`): its rejection is the call's.
 */
function gatheringCall(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  const gatherer = (node: TSESTree.Node | undefined, argument: TSESTree.Node): TSESTree.CallExpression | undefined =>
    node?.type === AST_NODE_TYPES.CallExpression && node.arguments[0] === argument && GATHERS.test(memberPath(node.callee) ?? '') ? node : undefined;
  const list = call.parent;
  if (list?.type === AST_NODE_TYPES.ArrayExpression) return gatherer(list.parent, list);
  // `const notify = sendNotification(...); await Promise.all([persist, notify])`: the promise kept, then gathered.
  if (list?.type === AST_NODE_TYPES.VariableDeclarator && list.init === call && list.id.type === AST_NODE_TYPES.Identifier) {
    for (const reference of variableOf(context, list.id)?.references ?? []) {
      const element = reference.identifier as TSESTree.Node;
      const gathered = element.parent?.type === AST_NODE_TYPES.ArrayExpression ? gatherer(element.parent.parent, element.parent) : undefined;
      if (gathered) return gathered;
    }
    return undefined;
  }
  // The callback's own promise: the call awaited or returned by it.
  const holder = call.parent;
  const callback = holder?.type === AST_NODE_TYPES.AwaitExpression || holder?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(holder) : holder && isFunction(holder) && holder.body === call ? holder : undefined;
  if (holder?.type === AST_NODE_TYPES.AwaitExpression && holder.parent?.type !== AST_NODE_TYPES.ReturnStatement && holder.parent?.type !== AST_NODE_TYPES.ExpressionStatement && holder.parent?.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const mapped = callback?.parent;
  if (!callback || mapped?.type !== AST_NODE_TYPES.CallExpression || mapped.arguments[0] !== callback || mapped.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(mapped.callee) !== 'map') return undefined;
  return gatherer(mapped.parent, mapped);
}

/** Is the call's promise handled where it is made: `.catch(...)`, `.then(ok, failed)`? */
function handledHere(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  for (let child: TSESTree.Node = call, parent: TSESTree.Node | undefined = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const method = propertyName(parent);
      const chained = parent.parent?.type === AST_NODE_TYPES.CallExpression ? parent.parent : undefined;
      // `.finally(...)` passes the rejection on, and so does a handler that throws what it does not expect
      // (`.catch((err) => { if (err.status === 404) return; throw err })`).
      const handler = method === 'catch' ? chained?.arguments[0] : method === 'then' ? chained?.arguments[1] : undefined;
      if (handler && !handlerPassesOn(context, handler)) return true;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child) continue;
    if (isFunction(parent) || /Statement$|Declaration$/.test(parent.type)) return false;
  }
  return false;
}

/** Methods of arrays and strings: `settings.map(...)` is no call to a service, whatever the list was read from. */
const VALUE_METHOD = /\.(?:map|filter|forEach|reduce|find|findIndex|some|every|flatMap|includes|join|slice|sort|concat|keys|values|entries|at|push|split|trim|replace)$/;

/**
 * `const resp = await fetch(url); if (!resp.ok) ...`, or what is read from it (`const data = await resp.json(); const
 * { error } = data; if (error)`): the handler tells the call's failure apart, and is judged where it does.
 */
function resultTested(context: FileContext, call: TSESTree.CallExpression): boolean {
  // `(await fetch(url)).json()`: what is read off the answer, up to the name it is kept under.
  let node: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; node = parent, parent = parent.parent) {
    const reads = parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) || (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node);
    if (!reads) break;
  }
  return valueTested(context, node, 0);
}

/** Words of a test that asks whether a call failed: its answer's `ok`, `status`, `error`, `success`. */
const FAILURE_TEST = /\b(?:ok|status|statusCode|error|errors|err|success|succeeded|failed|failure|isError|hasError)\b/i;

function valueTested(context: FileContext, value: TSESTree.Node, depth: number): boolean {
  const declarator = value.parent;
  if (depth > 3 || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return false;
  return context.sourceCode.getDeclaredVariables(declarator).some((variable) =>
    variable.references.some((reference) => {
      let node: TSESTree.Node = reference.identifier;
      for (let parent: TSESTree.Node | undefined = node.parent; parent && !isFunction(parent); node = parent, parent = parent.parent) {
        // A test of what failed (`!resp.ok`, `if (error)`, `result.status !== 200`), not of what was found (`if (!user)`
        // after `const user = users[0]`, `if (!session.url)`): a service that fails throws past the latter.
        if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === node) {
          if (FAILURE_TEST.test(context.sourceCode.getText(parent.test))) return true;
          break;
        }
        // Read into another name (`const data = await resp.json()`, `const { error } = data`): that name's tests count.
        if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === node && valueTested(context, node, depth + 1);
        if (/Statement$/.test(parent.type)) return false;
      }
      return false;
    }),
  );
}

/** The names a function is known by where it is defined: `createIssue` of `export async function createIssue`, of `const createIssue = async () =>`, of a method. */
function definedNames(fn: FunctionNode): string[] {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return [...(fn.id ? [fn.id.name] : []), ...(parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ? ['default'] : [])];
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return [parent.id.name];
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) {
    const name = keyName(parent);
    return name !== undefined ? [name] : [];
  }
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
  return [];
}

/**
 * The file of a route handler (of a framework that answers rejections with 500) that awaits this function of the
 * application outside any `try`: `await createIssue(...)` in a Next.js route handler, of `lib/github.ts`.
 */
function awaitingRouteOf(context: FileContext, fn: FunctionNode): string | undefined {
  const awaited = projectSearch(projectFolder()).routeAwaitedFunctions;
  if (awaited.size === 0) return undefined;
  for (const name of definedNames(fn)) {
    const route = awaited.get(`${context.filename}#${name}`);
    if (route !== undefined && route !== context.filename) return route;
  }
  return undefined;
}

/**
 * Does what this call (or promise) fails with reach the framework: outside any `try` of a route's handler that awaits
 * or returns it (or of a NestJS service's method a controller awaits so), in a framework that answers rejections? The
 * function it is in, and the controller's file for a service's method.
 */
function escapingToFramework(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, role: Role | undefined, isHandler: (fn: FunctionNode) => boolean): { fn: FunctionNode; controller: string | undefined } | undefined {
  if (insideTry(context, call) || handledHere(context, call)) return undefined;
  // `await Promise.all([openai.files.retrieve(id), ...])`, `await Promise.all(ids.map((id) => openai.files.retrieve(id)))`:
  // the first of them to fail rejects what the handler awaits.
  const gathered = gatheringCall(context, call);
  if (gathered && (insideTry(context, gathered) || handledHere(context, gathered))) return undefined;
  const escaping = gathered ?? call;
  const fn = enclosingFunction(escaping);
  if (!fn) return undefined;
  const parent = fn.parent;
  const h3 = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && H3_HANDLER.test(parent.callee.name);
  // A Remix route module's `loader` or `action`: what it throws is answered by the framework with 500 (its error boundary).
  // So is a SvelteKit page's `load` or form action, or a remote function (its `+error` page).
  const remixRoute = (isRouteExport(fn) && isRouteModule(context)) || isSvelteKitAnswered(context, fn);
  // A NestJS service's method that a controller awaits outside any `try`, or a function of the application's modules a
  // route handler awaits so, fails as the handler does.
  const routeHandler = h3 || remixRoute || isRouteHandler(fn, isHandler, context);
  const controller = routeHandler ? undefined : (awaitingControllerOf(context, fn) ?? awaitingRouteOf(context, fn));
  if (!routeHandler && controller === undefined) return undefined;
  // Express 4 answers no rejection of an async handler (Express 5, declared in the application's manifest, does); a
  // handler handed the response is answered by its framework only where it answers rejections. Next.js answers what
  // an API route (`pages/api`, handed `res`) throws or rejects with 500, as NestJS does a controller's.
  // A Hono context read by its use, the application wrapping Hono in a package of its own: it installs its own
  // `onError` as often (autumn's answers Stripe's errors with 400), so no framework's 500 is claimed.
  if (role?.byUse) return undefined;
  const express5 = role?.producer === 'express' && expressAnswersRejections(context.filename);
  if (role && !ANSWERS_REJECTION.has(role.kind) && role.producer !== 'nestjs' && role.producer !== 'nextjs' && !express5 && !rejectionsHandedOn(context, fn)) return undefined;
  // Awaited or returned by the handler itself: its failure is the handler's. Through the promise's own methods
  // (`await library(name).catch((err) => { if (err.status === 404) return; throw err })`), which pass it on.
  let chainTop: TSESTree.Node = escaping;
  while (chainTop.parent?.type === AST_NODE_TYPES.MemberExpression && chainTop.parent.object === chainTop && /^(?:then|catch|finally)$/.test(propertyName(chainTop.parent) ?? '') && chainTop.parent.parent?.type === AST_NODE_TYPES.CallExpression && chainTop.parent.parent.callee === chainTop.parent) {
    chainTop = chainTop.parent.parent;
  }
  const holder = chainTop.parent;
  const awaited = holder?.type === AST_NODE_TYPES.AwaitExpression || holder?.type === AST_NODE_TYPES.ReturnStatement || (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === chainTop);
  if (!awaited || (holder?.type === AST_NODE_TYPES.AwaitExpression && enclosingFunction(holder) !== fn)) return undefined;
  return { fn, controller };
}

/**
 * `const { response } = await hubAI().run(model, { messages })` in a route handler, outside any `try`: when the other
 * service fails, the error reaches the framework, which answers it with 500. A site of that 500 at the call, with the
 * call as the failure. Only where the handler itself calls, awaits or returns it: a helper's call may be caught by
 * its callers.
 */
export function unhandledUpstreamDraft(context: FileContext, call: TSESTree.CallExpression, boundary: FunctionNode | undefined, role: Role | undefined, isHandler: (fn: FunctionNode) => boolean): Draft | undefined {
  const rejected = rejectedUpstream(context, call);
  if (rejected) {
    const escapes = escapingToFramework(context, rejected.promise, role, isHandler);
    return escapes ? frameworkFailureDraft(call, rejected.upstream, undefined, escapes.controller, boundary, role) : undefined;
  }
  // `.catch(...)`, `.then(...)` of a call: the promise's own methods, not another call to the service.
  if (call.callee.type === AST_NODE_TYPES.MemberExpression && /^(?:catch|then|finally)$/.test(propertyName(call.callee) ?? '')) return undefined;
  const escapes = escapingToFramework(context, call, role, isHandler);
  if (!escapes) return undefined;
  const { controller } = escapes;
  // `return handleRequest(...)` of the file's own function, itself read as the route's handler: its calls are reported
  // where it makes them, not again at the handing over.
  const handedTo = localFunction(context, call.callee);
  if (handedTo && delegatedWork(context, handedTo, isHandler)) return undefined;
  // A tested result, or a method of an array: nothing of a service's failure reaches the handler.
  if (resultTested(context, call) || VALUE_METHOD.test(memberPath(call.callee) ?? '')) return undefined;
  // In a service's method, another injected service of the application's (`this.mailService.sendOtp(...)`) is read
  // where it calls the other system itself, if it does (it may only queue the mail): the controller's chain reaches it
  // too, and one report goes where the fix goes. Asked before anything of another file is read.
  const field = controller !== undefined ? /^this\.([\w$]+)\.[\w$]+$/.exec(memberPath(call.callee) ?? '')?.[1] : undefined;
  if (field !== undefined && injectsApplicationService(context, escapes.fn, field)) return undefined;
  const direct = upstreamCallOf(context, call);
  // An app helper that keeps its own failures (its `catch` passes nothing on): nothing of a service's failure reaches
  // the handler. The summaries of request functions ask it of what they read themselves.
  if (direct && keepsOwnFailure(context, call.callee)) return undefined;
  // Not a method of the application whose body calls one among other work (`await this.s3Service.getFileList(...)`):
  // measured on 53 such calls (code-audit29), fewer than half reached the framework's 500 (the service caught deeper,
  // queued the work, or the application's error filter answered 200). A function whose whole work is the request and
  // which lets its failure out (`createTeamRequest(...)` calling the app's `serverFetch`) is that request.
  const request = direct ? undefined : (requestCallOf(context, call.callee) ?? escapingRequestOf(context, call.callee));
  const upstream = direct ?? request;
  // Reading the body of an answer (`await res.json()` after `fetch(url)`) is that call again. A bare `fetch` in the
  // handler is left out: it is as often the server's own origin behind a gateway or a proxy that forwards whatever
  // comes back, and hand-written handlers full of them were judged fine; the clients and SDKs of named services, and
  // the application's own client of a service, are not. Nor is a `fetch` of an outside address the code writes out
  // (`fetch('https://api.github.com/repos/...')`): that names another service.
  const fixedAddress = /^[a-z][\w+.-]*:\/\//i.test(upstream?.module ?? '');
  if (!upstream || ANSWER_BODY_READ.test(upstream.name) || (direct && upstream.name === 'fetch' && !fixedAddress)) return undefined;
  const calleeName = request ? canonicalCallee(context, call.callee)[0] : undefined;
  return frameworkFailureDraft(call, upstream, calleeName !== upstream.name ? calleeName : undefined, controller, boundary, role);
}

/**
 * `return new Promise((resolve, reject) => { bucket.listPrefix(name, options, (err, body) => { if (err) { reject(err); return; } ... }) })`:
 * a `reject` in the callback of a call to another service, in a promise's executor. The promise and the call, when it is.
 */
function rejectedUpstream(context: FileContext, call: TSESTree.CallExpression): { promise: TSESTree.NewExpression; upstream: { name: string; module?: string } } | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier || !withinExecutorNaming(call, call.callee.name)) return undefined;
  const variable = variableOf(context, call.callee);
  const executor = variable?.defs[0]?.node;
  if (!executor || !isFunction(executor) || executor.params[1] !== variable?.defs[0]?.name) return undefined;
  const promise = executor.parent;
  if (promise?.type !== AST_NODE_TYPES.NewExpression || promise.callee.type !== AST_NODE_TYPES.Identifier || promise.callee.name !== 'Promise' || promise.arguments[0] !== executor) return undefined;
  // The nearest callback around the `reject`, handed to a call made in the executor (or in a callback within it:
  // `bucket.listPrefix(..., (err, body) => { bucket.batch(ops, (err2) => { if (err2) reject(err2) }) })`).
  for (let node: TSESTree.Node | undefined = call.parent; node && node !== executor; node = node.parent) {
    if (!isFunction(node)) continue;
    const holder = node.parent;
    if (holder?.type !== AST_NODE_TYPES.CallExpression || !holder.arguments.includes(node as TSESTree.CallExpressionArgument)) return undefined;
    const upstream = upstreamCallOf(context, holder);
    return upstream ? { promise, upstream } : undefined;
  }
  return undefined;
}

/**
 * Is the call inside a `new Promise((resolve, reject) => ...)` whose second parameter has this name? Read from the
 * tree alone, before any scope is asked for (most calls are no `reject`).
 */
function withinExecutorNaming(call: TSESTree.CallExpression, name: string): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunction(node)) continue;
    const second = node.params[1];
    if (second?.type === AST_NODE_TYPES.Identifier && second.name === name && node.parent?.type === AST_NODE_TYPES.NewExpression) return true;
  }
  return false;
}

/**
 * The 500 the framework answers when another service's call fails and nothing catches it, at `anchor`: the call, or the
 * `reject` of its failure. `through` is the application's function the call was read through; `controller`, the
 * handler's file that awaits the function it is in.
 */
function frameworkFailureDraft(anchor: TSESTree.CallExpression, upstream: { name: string; module?: string }, through: string | undefined, controller: string | undefined, boundary: FunctionNode | undefined, role: Role | undefined): Draft {
  const { name, module } = upstream;
  return {
    producer: 'default-error',
    anchor,
    knownStatus: { status: 500, text: '500' },
    implicit: true,
    messageNodes: [],
    boundary,
    role,
    upstream: { callees: [name], calleeModules: module ? { [name]: module } : {}, via: 'unhandled', errorMarkers: [], handledMarkers: [], ...(through ? { reachedThrough: { [name]: through } } : {}), ...(controller ? { awaitedIn: relative(projectFolder(), controller) } : {}) },
    replaceStatus: () => undefined,
  };
}
