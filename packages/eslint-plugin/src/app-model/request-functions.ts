// The application's own clients of other services: functions whose whole work is a request to another service
// (`serverFetch` doing `fetch(GAUZY_API_URL + path)`, `createTeamRequest` calling `serverFetch`). Calling one is calling
// that service, wherever it is defined: the handler's `catch` around it, or the framework's 500 when nothing catches
// it, answers that service's failure. A function that also does other work (writes a record, reads a cache, queues a
// job) is not one: what failed in it may as well be that work.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isUpstreamCallee, nestExceptionStatuses, statusOfErrorClassName } from '@status-lint/core';
import { isFunction, localFunction, memberPath, propertyName, rootIdentifier, unwrap, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { callsOwnAddress, canonicalCallee, HAND_ON, HTTP_CALL_ROOT, keepsOwnFailure, methodOfThis, rethrows, swallowedInChain, upstreamCallOf } from '../resolve/upstream.js';
import { applicationFunction } from './call-sites.js';
import { memoizedFunction } from './definitions.js';

/** The call to another service a request function makes, named as the 500 rule names it, with the package it comes from. */
export interface RequestCall {
  readonly name: string;
  readonly module?: string;
}

/** Roots of calls that only shape data or log: `JSON.stringify(body)`, `qs.stringify(params)`, `console.error(e)`. */
const SHAPING_ROOT = /^(?:console|logger|log|JSON|Object|Array|Promise|Math|Date|String|Number|Boolean|Buffer|encodeURIComponent|encodeURI|decodeURIComponent|qs|querystring|moment|dayjs|_|lodash)$/;

/** Methods that read or shape values and promises: `.then(...)`, `res.json()`, `items.map(...)`, `date.toISOString()`. */
const SHAPING_METHOD = /^(?:then|catch|finally|json|text|blob|arrayBuffer|formData|toString|toISOString|toJSON|map|filter|forEach|reduce|find|some|every|flatMap|includes|join|slice|sort|concat|keys|values|entries|push|split|trim|replace|toLowerCase|toUpperCase|padStart|stringify|parse|format|assign|from|isArray|resolve|reject)$/;

/** Building the request's address, headers or form: `url.searchParams.set(...)`, `headers.append(...)`, `form.append(...)`. */
const REQUEST_PARTS = /(?:searchParams|[Hh]eaders|[Pp]arams|[Ff]orm(?:Data)?|[Qq]uery)\.(?:set|append|get|has|delete)$/;

/** How deep request functions calling request functions are followed (`createTeamRequest` -> `serverFetch` -> `fetch`). */
const MAX_DEPTH = 3;

/**
 * The summary of each function read (null: not a request function), with the depth it was read at: a summary read
 * deeper had less of the chain to follow, so a null read deeper than now is read again. A changed file is parsed
 * anew, with new nodes.
 */
interface Summary {
  readonly call: RequestCall | null;
  readonly depth: number;
}
const summaries = new WeakMap<FunctionNode, Summary>();

/** A summary kept for `fn` that holds at `depth`: one that found a call, or found none with at least as much to follow. */
function keptSummary(cache: WeakMap<FunctionNode, Summary>, fn: FunctionNode, depth: number): Summary | undefined {
  const kept = cache.get(fn);
  return kept && (kept.call !== null || kept.depth <= depth) ? kept : undefined;
}

/** `const getDidDoc = cache(async (did) => ...)` in this file: the function kept. */
function localMemoized(context: FileContext, callee: TSESTree.Node): FunctionNode | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = variableOf(context, current)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  return init ? memoizedFunction(init) : undefined;
}

function definitionOf(context: FileContext, callee: TSESTree.Node): { fn: FunctionNode; context: FileContext } | undefined {
  // `this.delete(path)` in a client class: its own method, whose body is read as any function's.
  const local = localFunction(context, callee) ?? localMemoized(context, callee) ?? methodOfThis(context, callee);
  return local ? { fn: local, context } : applicationFunction(context, callee);
}

/** Does a call only shape data, build the request or log, so that it is no work of its own beside the request? */
function shapesOnly(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  // `new URL(...)`, `new Headers()`, `new Error(...)`: building a value contacts nothing.
  if (call.type === AST_NODE_TYPES.NewExpression) return true;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return SHAPING_ROOT.test(callee.name) || HAND_ON.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const path = memberPath(callee) ?? '';
  if (REQUEST_PARTS.test(path)) return true;
  const root = rootIdentifier(callee)?.name ?? '';
  return SHAPING_ROOT.test(root) || SHAPING_METHOD.test(propertyName(callee) ?? '');
}

/**
 * Does the address of a general HTTP client's call start with what the function is handed (`fetch(url)`,
 * `` fetch(`${base}/x`) `` with `base` a parameter)? Then the caller says where the request goes, perhaps to the
 * application itself (`postTo('/api/subscribers', body)`): no service is known. `API_URL + path` starts with the
 * application's own constant and names one.
 */
function addressHanded(context: FileContext, call: TSESTree.CallExpression, name: string): boolean {
  if (!HTTP_CALL_ROOT.test(name.split('.')[0])) return false;
  let head: TSESTree.Node | undefined = call.arguments[0];
  for (let depth = 0; head && depth < 6; depth++) {
    const current = unwrap(head);
    if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') head = current.left;
    else if (current.type === AST_NODE_TYPES.TemplateLiteral && current.quasis[0]?.value.cooked === '' && current.expressions[0]) head = current.expressions[0];
    else if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression) {
      const root = rootIdentifier(current);
      return root !== undefined && variableOf(context, root)?.defs[0]?.type === 'Parameter';
    } else return false;
  }
  return false;
}

/** The request a function makes, if making it is all the function does; undefined otherwise. */
function summarize(context: FileContext, fn: FunctionNode, depth: number): RequestCall | undefined {
  let found: RequestCall | undefined;
  let otherWork = false;
  walk(context, fn.body, (node) => {
    if (otherWork) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (node.type === AST_NODE_TYPES.CallExpression && callsOwnAddress(context, node)) {
      otherWork = true;
      return false;
    }
    // `this.request('DELETE', path)` of a client class's own `request` method: read as the method, not taken by its name for an SDK's call.
    const own = node.type === AST_NODE_TYPES.CallExpression && methodOfThis(context, node.callee) !== undefined;
    const upstream = node.type === AST_NODE_TYPES.CallExpression && !own ? upstreamCallOf(context, node) : undefined;
    if (upstream && addressHanded(context, node as TSESTree.CallExpression, upstream.name)) {
      otherWork = true;
      return false;
    }
    if (!upstream && shapesOnly(node)) return undefined;
    // `try { await axios.post(...) } catch { throw new UnauthorizedException(...) }`: the function answers the service's
    // failure with a status of its own; calling it is not calling the service.
    if (answeredWithin(context, node, fn)) {
      otherWork = true;
      return false;
    }
    // The service call itself, or a call of another request function.
    // A method of the same class is read at the same depth: the client's layers (`delete_account` -> `this.delete` ->
    // `this.request` -> `fetch`) are one file, and the summaries in progress guard against recursion.
    const request = upstream ?? (node.type === AST_NODE_TYPES.CallExpression && (own || depth < MAX_DEPTH) ? requestCallOf(context, node.callee, own ? depth : depth + 1) : undefined);
    if (!request) otherWork = true;
    // `await vercel.deployments.getDeployment(...).catch(() => null)`: the failure stays here, answered by what it returns.
    else if (!swallowedInChain(context, node as TSESTree.CallExpression)) found ??= request;
    // The service's own call is given its address, headers and body: what builds them (`config.get('okta.url')`,
    // `OktaApiService.oktaRequestHeaders()`) is part of the request, not other work.
    if (upstream) return false;
    return undefined;
  });
  return otherWork ? undefined : found;
}

/**
 * What a function of the application (in this file or another) that `callee` names amounts to, read by
 * `summarizeBody` once per function (again only with more of the chain to follow), kept in `cache`; none for a
 * client's own call, which the caller reads itself, or a function that keeps its own failure.
 */
function summaryOf(context: FileContext, callee: TSESTree.Node, depth: number, cache: WeakMap<FunctionNode, Summary>, summarizeBody: (context: FileContext, fn: FunctionNode, depth: number) => RequestCall | undefined): RequestCall | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // A name that is a client's own call (`fetch`, `axios.get`) is the request itself, read by the caller.
  if (!methodOfThis(context, current) && canonicalCallee(context, current).some((name) => isUpstreamCallee(name))) return undefined;
  const definition = definitionOf(context, current);
  if (!definition || !isFunction(definition.fn)) return undefined;
  const cached = keptSummary(cache, definition.fn, depth);
  if (cached !== undefined) return cached.call ?? undefined;
  // Guard against recursion while the summary is being made.
  cache.set(definition.fn, { call: null, depth });
  const summary = keepsOwnFailure(context, current) ? undefined : summarizeBody(definition.context, definition.fn, depth);
  cache.set(definition.fn, { call: summary ?? null, depth });
  return summary;
}

/**
 * The call to another service that calling `callee` amounts to, when `callee` is a function of the application (in
 * this file or another) whose whole work is that request and which lets its failure out: `createTeamRequest(data,
 * token)`, whose body calls `serverFetch(...)`, whose body calls `fetch(...)`.
 */
export function requestCallOf(context: FileContext, callee: TSESTree.Node, depth = 0): RequestCall | undefined {
  return summaryOf(context, callee, depth, summaries, summarize);
}

/** The summary of each function read for a request whose failure it lets out among other work (null: none). */
const escaping = new WeakMap<FunctionNode, Summary>();

/** Is the call inside a `try` (in `fn`) whose `catch` does what `handles` asks of it? */
function triedWithin(call: TSESTree.Node, fn: FunctionNode, handles: (handler: TSESTree.CatchClause) => boolean): boolean {
  for (let child: TSESTree.Node = call, parent = call.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && handles(parent.handler)) return true;
  }
  return false;
}

/** Is the call inside a `try` (in `fn`) whose `catch` answers its failure with a status of its own? */
function answeredWithin(context: FileContext, call: TSESTree.Node, fn: FunctionNode): boolean {
  return triedWithin(call, fn, (handler) => answersWithOwnStatus(context, handler));
}

/** Is the call's failure caught inside `fn` by a `catch` that does not pass it on, or answers it with a status of its own? */
function caughtWithin(context: FileContext, call: TSESTree.Node, fn: FunctionNode): boolean {
  return triedWithin(call, fn, (handler) => !rethrows(context, handler) || answersWithOwnStatus(context, handler));
}

/** What each `catch` read was found to do: answer with a status of its own or not. */
const ownStatusCatches = new WeakMap<TSESTree.CatchClause, boolean>();

/**
 * A `catch` whose every `throw` makes an error that carries a status other than a 5xx (`throw new
 * UnauthorizedException('Failed to get the token')`, `throw new BadRequestError(...)`): it answers the service's
 * failure itself, with that status, and the framework's 500 never comes. Whether that status fits is another rule's.
 */
function answersWithOwnStatus(context: FileContext, handler: TSESTree.CatchClause): boolean {
  // Asked for every call in the `try`: read once per `catch` (its nodes belong to one parse of the file).
  const known = ownStatusCatches.get(handler);
  if (known !== undefined) return known;
  let throws = 0;
  let ownStatus = true;
  walk(context, handler.body, (node) => {
    if (node !== handler.body && isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
    throws++;
    const made = unwrap(node.argument);
    const name = made.type === AST_NODE_TYPES.NewExpression || made.type === AST_NODE_TYPES.CallExpression ? memberPath(made.callee)?.split('.').pop() : undefined;
    const status = name === undefined ? undefined : Object.hasOwn(nestExceptionStatuses, name) ? nestExceptionStatuses[name] : statusOfErrorClassName(name);
    if (status === undefined || status >= 500) ownStatus = false;
    return undefined;
  });
  const answers = throws > 0 && ownStatus;
  ownStatusCatches.set(handler, answers);
  return answers;
}

/** The call with what is read off it: `(await client.get(url)).data`, `await client.get(url).then(pick)` are still the call. */
function unwrapChain(call: TSESTree.CallExpression): TSESTree.Node {
  let node: TSESTree.Node = call;
  while (node.parent && ((node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) || (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  return node;
}

/** Does `fn` itself wait on the call or return it (`await s3.send(...)`, `return client.get(...)`), not a function nested in it? */
function waitedOnBy(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  const holder = unwrapChain(call).parent;
  const waits = holder?.type === AST_NODE_TYPES.AwaitExpression || holder?.type === AST_NODE_TYPES.ReturnStatement || (holder === fn && fn.type === AST_NODE_TYPES.ArrowFunctionExpression);
  if (!waits) return false;
  for (let current: TSESTree.Node | undefined = holder?.parent; current && current !== fn; current = current.parent) if (isFunction(current)) return false;
  return true;
}

function summarizeEscaping(context: FileContext, fn: FunctionNode, depth: number): RequestCall | undefined {
  return escapingRequestIn(context, fn, depth, true);
}

/** The same, where what `fn` waits on is a service's call or a request function (not another function's escaping request). */
function summarizeEscapingDirectly(context: FileContext, fn: FunctionNode, depth: number): RequestCall | undefined {
  return escapingRequestIn(context, fn, depth, false);
}

function escapingRequestIn(context: FileContext, fn: FunctionNode, depth: number, throughOthers: boolean): RequestCall | undefined {
  let found: RequestCall | undefined;
  // Read directly, any other call the function waits on (`await db.insert(data)`) is work of its own whose failure
  // the caller's `catch` answers as well: then it is not read as the request.
  let otherWork = false;
  walk(context, fn.body, (node) => {
    if ((throughOthers && found) || otherWork) return false;
    // A function nested in it (a callback, a queued job) runs when it is called, perhaps never while the caller waits.
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (!waitedOnBy(node, fn) || caughtWithin(context, node, fn) || swallowedInChain(context, node)) return undefined;
    const upstream = callsOwnAddress(context, node) ? undefined : upstreamCallOf(context, node);
    // A bare `fetch` to an address not known to be another host's may be the application's own; a name lookup
    // (`dns.lookup(url.hostname)`) among other work is a check of an address the caller gave (a guard against
    // requests to private hosts), whose failure is the caller's. (`(await fetch(url)).json()` is that `fetch` again.)
    const unknownHost = upstream !== undefined && (addressHanded(context, node, upstream.name) || (/^fetch(?:\.|$)/.test(upstream.name) && upstream.module === undefined) || /^(?:node:)?dns(?:\/promises)?$/.test(upstream.module ?? ''));
    const request = unknownHost ? undefined : (upstream ?? (depth < MAX_DEPTH ? (requestCallOf(context, node.callee, depth + 1) ?? (throughOthers ? escapingRequestOf(context, node.callee, depth + 1) : undefined)) : undefined));
    if (request) found ??= request;
    // Awaited, not only returned: `return OktaService.toUser(response)` hands back what a plain function made of the answer.
    else if (!throughOthers && !shapesOnly(node) && unwrapChain(node).parent?.type === AST_NODE_TYPES.AwaitExpression) otherWork = true;
    return undefined;
  });
  return otherWork ? undefined : found;
}

/**
 * The call to another service whose failure calling `callee` lets out, when `callee` is a method or function of the
 * application that waits on it among other work and does not catch it (`await this.s3Service.uploadFile(...)`, whose
 * body awaits `this.s3.send(new PutObjectCommand(...))` outside any `try`): the caller fails when the service does.
 * Not a call made in a function nested in it (a callback, a queued job), one caught in it by a `catch` that passes
 * nothing on, nor one whose promise is caught along its chain.
 */
export function escapingRequestOf(context: FileContext, callee: TSESTree.Node, depth = 0): RequestCall | undefined {
  return summaryOf(context, callee, depth, escaping, summarizeEscaping);
}

/** The summary of each function read for a request it waits on itself and lets out (null: none). */
const escapingDirectly = new WeakMap<FunctionNode, Summary>();

/**
 * The call to another service whose failure calling `callee` lets out, waited on by `callee` itself: a service's own
 * call (`this.provider.prices.retrieve(...)`), or a function whose whole work is the request
 * (`OktaApiService.postLogin(...)`), not a request some function further down lets out among its own work. What a
 * `catch` around several calls answers is read so: measured on the sets, the chains further down were as often
 * another database behind a client or a branch the route never takes.
 */
export function directlyEscapingRequestOf(context: FileContext, callee: TSESTree.Node): RequestCall | undefined {
  return summaryOf(context, callee, 0, escapingDirectly, summarizeEscapingDirectly);
}
