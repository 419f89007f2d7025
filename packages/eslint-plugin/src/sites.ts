// Response sites: where a file sends a response, as a core fact plus what is needed to report and fix it in the code.
import { basename, relative } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { GuardEvidence, ResponseFact, StatusOrigin, TextEvidence, UpstreamEvidence } from '@status-lint/core';
import { classifyText, hasSignal, readsUpstreamEvidence } from '@status-lint/core';
import { bodyShape, shapeOfProperties } from './resolve/body.js';
import type { ReturnedProperty } from './app-model/returned-bodies.js';
import { headersOfObject, mergeHeaders, NO_HEADERS, retryAfterHeldBefore, type HeaderNames } from './resolve/headers.js';
import { inRateLimiterHook, passesOnRateLimit, type Role } from './resolve/handlers.js';
import { caughtAndKept, describePath, enclosingStatement, type PathInfo } from './resolve/path.js';
import { narrowedStatus, resolveStatus, writeStatus, type ResolvedStatus } from './resolve/status.js';
import { forwardedStatusOf, upstreamEvidence } from './resolve/upstream.js';
import { enclosingFunction, followBinding, keyName, memberPath, NO_BINDINGS, propertyName, staticText, throwOf, unwrap, variableOf, type Bindings, type FileContext, type FunctionNode, type Variable } from './resolve/values.js';
import { inValidationFailureBranch, VALIDATION_FAILED } from './resolve/validation-branch.js';
import { contains, walk } from './resolve/walk.js';
import { setterReaches } from './resolve/usage.js';
import { guardEvidence } from './resolve/guards.js';
import { branchFailureNames } from './resolve/error-names.js';
import { wrapperHeaders } from './app-model/call-sites.js';
import { importedMessageText } from './app-model/imported-texts.js';
import { authenticatedProcedure } from './frameworks/trpc.js';
import { authenticatedRoute } from './frameworks/route-guards.js';
import { lineOf } from './positions.js';

export type FixFunction = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/** A change offered as an ESLint suggestion, with the text shown for it. */
export interface Suggestion {
  readonly text: string;
  readonly fix: FixFunction;
}

export interface ResponseSite {
  readonly fact: ResponseFact;
  /** The status as written, where the finding points. */
  readonly statusNode?: TSESTree.Node;
  /** The call (or assignment, or return) that sends the response: where an implicit status is reported. */
  readonly sendNode: TSESTree.Node;
  readonly replaceStatus?: (status: number) => Suggestion | undefined;
  readonly addRetryAfter?: () => Suggestion | undefined;
  /** The call of a helper through which this response is sent (`sendError(res, 401)`), when it is read through its caller. */
  readonly via?: TSESTree.CallExpression;
}

/** A draft whose status could not be resolved (a variable, a parameter with no caller in the file). */
export type UnresolvedDraft = (draft: Draft, via: TSESTree.CallExpression | undefined) => void;

/** What an adapter found, before names are resolved and the path is read. */
/** What every response sent without a status shares: the framework answers it with 200. */
export const IMPLICIT_SUCCESS = { knownStatus: { status: 200, text: '200' }, implicit: true } as const;

/** Tables of messages or error codes, named so: `ErrorMessage`, `Errors`, `errorCodes`, `Messages`. */
const MESSAGE_TABLE = /(?:error|message|msg|code|reason)s?$/i;

/**
 * `ErrorMessage.UserAlreadyExists`, from a table whose value the model cannot read (another package's enum): the key
 * itself names the failure. Only keys of two words or more (`TwoFactorNotEnabled`, `USER_NOT_FOUND`), never `E1234`.
 */
function messageTableKey(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || value.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const table = memberPath(value.object)?.split('.').pop();
  const key = value.property.name;
  if (!table || !MESSAGE_TABLE.test(table) || !/[a-z][A-Z]|[A-Za-z]_[A-Za-z]/.test(key)) return undefined;
  // A key is a weak word: it may add what failed (`UserAlreadyExists`), never speak for the client's input or
  // credentials (`InvalidEmail` thrown for an address already taken, `VALIDATION_ERROR` around a canvas sync).
  const classification = classifyText(key);
  return hasSignal(classification, 'syntax-error') || hasSignal(classification, 'authentication-failure') ? undefined : key;
}

export interface Draft {
  readonly producer: string;
  /** The node that sends: reported when the status is implicit. */
  readonly anchor: TSESTree.Node;
  /** The status expression to resolve. */
  readonly statusNode?: TSESTree.Node;
  /** The status known from a name (`UnauthorizedException`, `Boom.forbidden`), or the implicit 200. */
  readonly knownStatus?: { readonly status: number; readonly text: string; readonly node?: TSESTree.Node };
  readonly implicit?: boolean;
  /** What it answers is an error the code makes, in a helper of the application (`return kunError(event, msg)`). */
  readonly errorMade?: boolean;
  /** The call throws what it answers itself (`await service.webhooks(...)`, whose body throws): a `catch` around it decides. */
  readonly throwsItself?: boolean;
  readonly bodyNode?: TSESTree.Node;
  readonly messageNodes?: readonly TSESTree.Node[];
  /** Header objects given with the response (`writeHead(429, headers)`, `{ status, headers }`). */
  readonly headerNodes?: readonly TSESTree.Node[];
  readonly headerNames?: HeaderNames;
  readonly role?: Role;
  /** The handler the response belongs to, when there is no response object. */
  readonly boundary?: FunctionNode;
  /** The status is set by an assignment or a standalone call: headers set later in the same block still go out. */
  readonly setsLater?: boolean;
  /** Extra conditions (Koa's `ctx.assert(cond, 401)` answers when `cond` is false). */
  readonly extraConditions?: readonly { readonly test: TSESTree.Node; readonly flipped: boolean }[];
  readonly inErrorHandler?: boolean;
  /** The status is the fallback of `error.status || 500`: sent for the errors that carry no status. */
  readonly statusFallback?: boolean;
  /** Replace the status with another; defaults to rewriting the status expression in its own style. */
  readonly replaceStatus?: (status: number, resolved: ResolvedStatus | undefined, statusNode: TSESTree.Node | undefined) => Suggestion | undefined;
  readonly addRetryAfter?: () => Suggestion | undefined;
  /** Headers are set by something we cannot see (a library, an exception filter). */
  readonly headersUnknown?: boolean;
  /** The call is an app helper handed the response, read: every header it sets is in `headerNames`. */
  readonly helperHeadersSeen?: boolean;
  /** The status is decided by the application's own helper, error class or code table: where. */
  readonly statusOrigin?: StatusOrigin;
  /** A body built in another file from this call's arguments (an app helper's `c.json({ ... })`). */
  readonly bodyProperties?: readonly ReturnedProperty[];
  /** Texts known without a node (an error class's name: `WorkflowAlreadyExistsException`). */
  readonly extraTexts?: readonly TextEvidence[];
  /** The failed call to another service, where the draft knows it (an upstream call no handler catches). */
  readonly upstream?: UpstreamEvidence;
}

/** A header set (or a response object handed away) on a response object, at a position in the file. */
export interface HeaderEvent {
  readonly position: number;
  readonly end: number;
  readonly headers: HeaderNames;
}

export interface SiteBuilder {
  readonly context: FileContext;
  readonly roles: Map<Variable, Role>;
  readonly headerEvents: Map<Variable, HeaderEvent[]>;
  readonly isHandler: (fn: FunctionNode) => boolean;
}

function parametersUsed(context: FileContext, nodes: readonly (TSESTree.Node | undefined)[], fn: FunctionNode): boolean {
  const parameters = new Set(context.sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === 'Parameter')));
  let used = false;
  for (const node of nodes) {
    if (!node || used) continue;
    walk(context, node, (inner) => {
      if (used) return false;
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const variable = variableOf(context, inner);
        if (variable && parameters.has(variable)) used = true;
      }
      return undefined;
    });
  }
  return used;
}

/** The node a header event was recorded for: a call on the response object (`res.set(...)`) or one it is passed to. */
function eventNode(role: Role, event: HeaderEvent): TSESTree.Node | undefined {
  for (const reference of role.variable.references) {
    for (let node: TSESTree.Node | undefined = reference.identifier as TSESTree.Node; node && node.range[0] >= event.position; node = node.parent) {
      if (node.range[0] === event.position && node.range[1] === event.end) return node;
    }
  }
  return undefined;
}

/** Does a header set by this event go out with the response sent at `anchor`? */
function eventReaches(role: Role, event: HeaderEvent, anchor: TSESTree.Node, statement: TSESTree.Node, setsLater: boolean): boolean {
  const block = statement.parent;
  // `res.status(429); res.set('Retry-After', '60'); res.end()`: a status set alone goes out with headers set after it.
  if (event.position >= statement.range[1]) return setsLater && block !== undefined && event.position < block.range[1];
  const node = eventNode(role, event);
  if (!node || contains(anchor, node) || contains(node, anchor)) return true;
  return setterReaches(node, anchor);
}

function headersBefore(builder: SiteBuilder, role: Role | undefined, anchor: TSESTree.Node, setsLater: boolean, anchorRead = false): HeaderNames {
  if (!role) return NO_HEADERS;
  const statement = enclosingStatement(anchor) ?? anchor;
  // `sendOAuthError(res, 429, ...)` read in its file: handing it the response sets only what it was read to set.
  const events = (builder.headerEvents.get(role.variable) ?? []).filter((event) => !(anchorRead && event.position === anchor.range[0] && event.end === anchor.range[1]));
  const parts = events.filter((event) => eventReaches(role, event, anchor, statement, setsLater));
  const merged = mergeHeaders(...parts.map((event) => event.headers));
  return role.rateLimited ? { names: merged.names, complete: false } : merged;
}

function mergePaths(inner: PathInfo, outer: PathInfo | undefined): PathInfo {
  if (!outer) return inner;
  return {
    guards: [...inner.guards, ...outer.guards],
    conditions: [...inner.conditions, ...outer.conditions],
    catchClause: inner.catchClause ?? (inner.promiseCatch ? undefined : outer.catchClause),
    promiseCatch: inner.promiseCatch ?? (inner.catchClause ? undefined : outer.promiseCatch),
    promiseHandler: inner.promiseCatch ? inner.promiseHandler : inner.catchClause ? undefined : outer.promiseHandler,
    errorMarkers: [...inner.errorMarkers, ...(inner.catchClause || inner.promiseCatch ? [] : outer.errorMarkers)],
  };
}

/**
 * `res.status(isRateLimitError(e) ? 429 : 400)`: one draft per status the condition chooses, each under its branch of
 * the condition (the nearest of its conditions).
 */
function statusBranches(context: FileContext, draft: Draft): Draft[] | undefined {
  if (!draft.statusNode) return undefined;
  // Through a constant that holds it: `const errorCode = error.status || 500; ... { status: errorCode }`.
  const chosen = followBinding(context, draft.statusNode, NO_BINDINGS);
  const branch = (statusNode: TSESTree.Node, test: TSESTree.Node, flipped: boolean, fallback = false): Draft => ({ ...draft, statusNode, extraConditions: [{ test, flipped }, ...(draft.extraConditions ?? [])], ...(fallback ? { statusFallback: true } : {}) });
  if (chosen.type === AST_NODE_TYPES.ConditionalExpression) return [branch(chosen.consequent, chosen.test, false), branch(chosen.alternate, chosen.test, true)];
  // `error.status || 500`: the status an error carries, else the fallback when it carries none.
  if (chosen.type === AST_NODE_TYPES.LogicalExpression && (chosen.operator === '||' || chosen.operator === '??') && resolveStatus(context, chosen.right)) {
    return [branch(chosen.left, chosen.left, false), branch(chosen.right, chosen.left, true, true)];
  }
  return undefined;
}

/** `new BadRequestException(new AppError('The array is already started'))`: an error handed as the message says it with its own. */
function wrappedErrorMessage(node: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.NewExpression || value.callee.type !== AST_NODE_TYPES.Identifier || !/(?:Error|Exception)$/.test(value.callee.name)) return undefined;
  const message = value.arguments[0];
  return message && message.type !== AST_NODE_TYPES.SpreadElement ? message : undefined;
}

/** The words a message falls back to: 'URL is invalid' in `err.message || 'URL is invalid'`. */
function fallbackText(context: FileContext, node: TSESTree.Node, bindings: Bindings): string | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.LogicalExpression || value.operator === '&&') return undefined;
  return staticText(context, value.right, bindings) ?? fallbackText(context, value.right, bindings);
}

/**
 * The words a message is built from by a call: 'Onboarding already finished' and its detail in
 * `constructErrorBody('Onboarding already finished', 'You have already finished your onboarding')`,
 * `util.format('%s already exists', name)`. Every argument with static words, in order.
 */
function builtText(context: FileContext, node: TSESTree.Node, bindings: Bindings): string | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const words = value.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? undefined : staticText(context, argument, bindings))).filter((text): text is string => text !== undefined && /[a-z]{2}/i.test(text));
  return words.length > 0 ? words.join('. ') : undefined;
}

/** Turn a draft into sites: resolve it directly, or once per call of the helper it sits in. */
export function finalize(builder: SiteBuilder, draft: Draft, onUnresolved?: UnresolvedDraft): ResponseSite[] {
  const branches = statusBranches(builder.context, draft);
  if (branches) return branches.flatMap((branch) => finalize(builder, branch, onUnresolved));
  const role = draft.role;
  // `try { if (!allowed) throw new UnauthorizedError(...) } catch (e) { logger.error(e); return false }`: the error
  // never leaves the function, so its status is never sent.
  if (thrownAndKept(builder.context, draft)) return [];
  const helperCalls = role?.helperCalls ?? [];
  if (role && helperCalls.length > 0 && parametersUsed(builder.context, [draft.statusNode, draft.bodyNode, ...(draft.messageNodes ?? [])], role.fn)) {
    const sites: ResponseSite[] = [];
    for (const { call, caller } of helperCalls) {
      const bindings = new Map<Variable, TSESTree.Node>();
      role.fn.params.forEach((parameter, index) => {
        const argument = call.arguments[index];
        const identifier = parameter.type === AST_NODE_TYPES.Identifier ? parameter : parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier ? parameter.left : undefined;
        const value = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.right : undefined;
        if (!identifier || !value) return;
        const variable = variableOf(builder.context, identifier);
        if (variable) bindings.set(variable, value);
      });
      const outer = describePath(builder.context, call, caller.fn);
      const outerHeaders = headersBefore(builder, caller, call, false);
      const site = build(builder, draft, bindings, outer, outerHeaders, call);
      if (site) sites.push(site);
      else onUnresolved?.(draft, call);
    }
    return sites;
  }
  if (role && helperCalls.length > 0) {
    // A helper with a fixed status: read it in the context of each caller (a `catch` around it, a permission check).
    const sites: ResponseSite[] = [];
    for (const { call, caller } of helperCalls) {
      const site = build(builder, draft, NO_BINDINGS, describePath(builder.context, call, caller.fn), headersBefore(builder, caller, call, false), call);
      if (site) sites.push(site);
    }
    const alone = build(builder, draft, NO_BINDINGS, undefined, NO_HEADERS);
    if (alone) sites.push(alone);
    else onUnresolved?.(draft, undefined);
    return sites;
  }
  const site = build(builder, draft, NO_BINDINGS, undefined, NO_HEADERS);
  if (!site) onUnresolved?.(draft, undefined);
  return site ? [site] : [];
}

/** `errorBadAuth()`, its own answer, at its line: where a helper of this file that a handler calls decides what it sends. */
function helperOrigin(context: FileContext, via: TSESTree.CallExpression, decided: TSESTree.Node): StatusOrigin {
  return { callee: `${memberPath(via.callee) ?? context.sourceCode.getText(via.callee)}()`, how: 'its own answer', file: shownFile(context) ?? '', line: lineOf(decided) };
}

/** A file as findings show it: relative to the project (the folders above it say nothing of the route), else its name. */
function shownFile(context: FileContext): string | undefined {
  if (!context.filename) return undefined;
  return (context.cwd && !relative(context.cwd, context.filename).startsWith('..') ? relative(context.cwd, context.filename) : basename(context.filename)).split('\\').join('/');
}

function build(builder: SiteBuilder, draft: Draft, bindings: Bindings, outerPath: PathInfo | undefined, outerHeaders: HeaderNames, via?: TSESTree.CallExpression): ResponseSite | undefined {
  const { context } = builder;
  let status: number;
  let statusText: string;
  let statusNode: TSESTree.Node | undefined;
  let resolved: ResolvedStatus | undefined;
  let forwardedFrom: string | undefined;
  const boundary = draft.role?.fn ?? draft.boundary;
  // The path to the response, described once: status narrowing may ask for it before the rest of the site does.
  let described: PathInfo | undefined;
  const pathHere = (): PathInfo => (described ??= describePath(context, draft.anchor, boundary));
  if (draft.statusNode) {
    resolved = resolveStatus(context, draft.statusNode, bindings) ?? narrowedStatus(context, draft.statusNode, () => pathHere().conditions);
    // `{ status: response.status }` of another service's answer: whatever it sent is passed on, a 429 among them. Read
    // as that 429 (the only status a rule asks more of than its number: its `Retry-After`), with no edit offered.
    forwardedFrom = resolved ? undefined : forwardedStatusOf(context, draft.statusNode);
    if (!resolved && !forwardedFrom) return undefined;
    resolved ??= { status: 429, style: { kind: 'literal' } };
    status = resolved.status;
    statusNode = draft.statusNode;
    const bare = unwrap(draft.statusNode);
    if (bare.type === AST_NODE_TYPES.Identifier && bindings.size > 0) {
      const variable = variableOf(context, bare);
      const bound = variable ? bindings.get(variable) : undefined;
      if (bound) statusNode = bound;
    }
    statusText = context.sourceCode.getText(statusNode);
  } else if (draft.knownStatus) {
    status = draft.knownStatus.status;
    statusText = draft.knownStatus.text;
    statusNode = draft.knownStatus.node;
  } else {
    return undefined;
  }

  let path = pathHere();
  // Conditions of the response itself (`ctx.assert(cond, 401)`, the branch a status is chosen on) are the nearest.
  const extra = draft.extraConditions ?? [];
  path.guards.unshift(...extra.map((condition) => guardEvidence(context, condition.test, condition.flipped)));
  path.conditions.unshift(...extra);
  path = mergePaths(path, outerPath);
  const upstream: UpstreamEvidence | undefined = readsUpstreamEvidence(status) ? (draft.upstream ?? upstreamEvidence(context, path)) : undefined;

  const texts: TextEvidence[] = [...(draft.extraTexts ?? [])];
  for (const given of draft.messageNodes ?? []) {
    const node = wrappedErrorMessage(given) ?? given;
    const text = staticText(context, node, bindings) ?? importedMessageText(context, node) ?? messageTableKey(node) ?? fallbackText(context, node, bindings) ?? builtText(context, node, bindings);
    if (text !== undefined) texts.push({ source: 'message', text });
  }
  // `catch (err) { if (err instanceof UserNotFoundError) return res.status(400).send(err.message) }`: the class (or
  // code) the branch tests names the failure a client error answers. (A 5xx branch's class, `TimeoutError`, is read
  // as the failure's marker by the upstream reading.)
  const failureHandler = Boolean(path.catchClause || path.promiseCatch || draft.inErrorHandler || draft.role?.errorHandler);
  if (failureHandler && status >= 400 && status < 500) texts.push(...branchFailureNames(draft.anchor, boundary).map((text): TextEvidence => ({ source: 'message', text })));
  const body = draft.bodyNode ? bodyShape(context, draft.bodyNode, bindings) : draft.bodyProperties ? shapeOfProperties(context, draft.bodyProperties) : undefined;
  // `{ errors: errors.array() }` in the branch of `if (!errors.isEmpty())`: what failed is the request's validation.
  const sentErrors = draft.bodyNode?.type === AST_NODE_TYPES.ObjectExpression && draft.bodyNode.properties.some((property) => property.type === AST_NODE_TYPES.Property && /^errors$/.test(keyName(property) ?? ''));
  if (sentErrors && status >= 200 && status < 300 && inValidationFailureBranch(context, draft.anchor)) texts.push(VALIDATION_FAILED);
  const explicit = (draft.headerNodes ?? []).map((node) => headersOfObject(context, node, bindings));
  // An error thrown in a function that holds the response (`ctx.set('Retry-After', s); throw new TooManyRequests()`),
  // also one that callers hand the response to: what was set on it before goes out with the error's answer.
  const holder = draft.role ?? (throwOf(context, draft.anchor) ? [...builder.roles.values()].find((role) => role.fn === boundary) : undefined);
  let headers = mergeHeaders(headersBefore(builder, holder, draft.anchor, draft.setsLater === true, draft.helperHeadersSeen === true), outerHeaders, ...explicit, draft.headerNames ?? NO_HEADERS);
  // In a global error handler one status answers every error that reaches it: changing it is not a fix for one failure.
  const global = globalErrorHandler(context, draft, path, boundary);
  // `if (exception.getStatus() === 429) reply.status(429)` there passes on a 429 decided where it was thrown (a rate
  // limiter's guard, which sets `Retry-After` on the same reply first): judged where it is thrown, not here.
  const passesOn429 = status === 429 && (passesOnRateLimit(context, path.conditions, global) || inRateLimiterHook(context, draft.anchor));
  if (draft.headersUnknown || passesOn429) headers = { names: headers.names, complete: false };
  const wrapped = wrapperHeaders(context, boundary);
  if (wrapped.length > 0) headers = { names: [...headers.names, ...wrapped], complete: false };
  else if (status === 429 && throwOf(context, draft.anchor) && retryAfterHeldBefore(context, boundary, draft.anchor)) headers = { names: [...headers.names, 'Retry-After'], complete: false };

  const guards: GuardEvidence[] = path.guards;
  const callerAuthenticatedBy = status === 401 ? (authenticatedProcedure(draft.anchor, builder.context) ?? authenticatedRoute(draft.anchor)) : undefined;
  const fact: ResponseFact = {
    origin: 'code',
    status,
    statusClass: Math.floor(status / 100),
    statusText,
    texts,
    body,
    headers,
    guards,
    upstream,
    context: {
      operations: operationOf(context, boundary),
      ...wrappersOf(boundary),
      inErrorHandler: failureHandler,
      implicitStatus: draft.implicit === true,
      ...(global ? { globalErrorHandler: true } : {}),
      ...(draft.errorMade || raisesError(context, draft.anchor) ? { raisedError: true } : {}),
      ...(draft.statusFallback ? { statusFallback: true } : {}),
      ...(forwardedFrom ? { forwardedFrom } : {}),
      producer: draft.producer,
      ...(callerAuthenticatedBy ? { callerAuthenticatedBy } : {}),
      ...notesAndFile(context, boundary, draft.anchor),
      ...failureRecord(path, draft.anchor),
    },
    ...(draft.statusOrigin ? { statusOrigin: draft.statusOrigin } : via && !contains(via, statusNode ?? draft.anchor) ? { statusOrigin: helperOrigin(context, via, statusNode ?? draft.anchor) } : {}),
  };
  const replaceStatus = (next: number): Suggestion | undefined => {
    if (global) return undefined;
    if (draft.replaceStatus) return draft.replaceStatus(next, resolved, statusNode);
    if (!statusNode) return undefined;
    const text = writeStatus(resolved?.style, next);
    const target = statusNode;
    return { text, fix: (fixer) => fixer.replaceText(target, text) };
  };
  return { fact, statusNode, sendNode: draft.anchor, replaceStatus, addRetryAfter: draft.addRetryAfter, via };
}

/**
 * An error the code makes and throws, whose own status is sent: `throw new ApiError(200, 'Bad request.')`. Not one
 * a handler returns (`return new NotFoundException()` in Nest is a 200 body: the return decides the status there).
 */
function raisesError(context: FileContext, anchor: TSESTree.Node): boolean {
  return anchor.type === AST_NODE_TYPES.NewExpression && throwOf(context, anchor) !== undefined;
}

function thrownAndKept(context: FileContext, draft: Draft): boolean {
  const thrown = throwOf(context, draft.anchor) ?? (draft.throwsItself ? draft.anchor : undefined);
  if (!thrown) return false;
  const boundary = draft.role?.fn ?? draft.boundary ?? enclosingFunction(thrown);
  return boundary !== undefined && caughtAndKept(context, thrown, boundary);
}

/** Comments this close above a response, in its function, are about it. */
const NOTE_LINES = 6;

/** The author's comments just above the response in its function, and the file it is sent from (for route files). */
function notesAndFile(context: FileContext, boundary: FunctionNode | undefined, anchor: TSESTree.Node): { notes?: string[]; file?: string } {
  // Relative to the project: the folders above it (a home folder named `hooks`) say nothing about this route.
  const file = shownFile(context);
  const source = context.sourceCode as { getCommentsInside?: (node: TSESTree.Node) => TSESTree.Comment[] };
  if (!boundary || typeof source.getCommentsInside !== 'function') return file ? { file } : {};
  const line = lineOf(anchor);
  const notes = source
    .getCommentsInside(boundary)
    .filter((comment) => comment.loc.end.line <= line && comment.loc.end.line >= line - NOTE_LINES)
    .map((comment) => comment.value.trim())
    .filter((text) => text.length > 0);
  return { ...(notes.length > 0 ? { notes } : {}), ...(file ? { file } : {}) };
}

/** A call that writes a status or an error on a task, job or run: `ctx.asyncTaskModel.update`, `jobs.markFailed`. */
const RECORD_CALL = /(?:^|\.)(?:[\w$]*(?:Task|Job|Execution|Workflow|Batch)[\w$]*|(?:task|job|execution|workflow|batch)[\w$]*)\.(?:update|set|save|fail|mark|finish|record|patch)\w*$/;
const FAILURE_KEYS = new Set(['status', 'state', 'error', 'errorMessage', 'failure', 'failedAt', 'failed']);

/** In a `catch`, a statement before the response that records the failure on a task or job (see `failureRecordedBy`). */
function failureRecord(path: PathInfo, anchor: TSESTree.Node): { failureRecordedBy?: string } {
  const handler = path.catchClause;
  if (!handler) return {};
  for (const statement of handler.body.body) {
    if (statement.range[0] >= anchor.range[0]) break;
    let expression: TSESTree.Node | undefined = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (expression?.type === AST_NODE_TYPES.AwaitExpression) expression = expression.argument;
    if (expression?.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = memberPath(expression.callee);
    if (!callee || !RECORD_CALL.test(callee)) continue;
    const recordsFailure = expression.arguments.some((argument) => argument.type === AST_NODE_TYPES.ObjectExpression && argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && FAILURE_KEYS.has(keyName(property) ?? '')));
    if (recordsFailure) return { failureRecordedBy: callee };
  }
  return {};
}

/** Express error middleware, `setErrorHandler`/`onError` callbacks, and the catch around `await next()` of a middleware. */
function globalErrorHandler(context: FileContext, draft: Draft, path: PathInfo, boundary: FunctionNode | undefined): boolean {
  if (draft.role?.errorHandler) return true;
  const registration = boundary?.parent;
  if (registration?.type === AST_NODE_TYPES.CallExpression && registration.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = registration.callee.property.type === AST_NODE_TYPES.Identifier ? registration.callee.property.name : '';
    if (/^(?:setErrorHandler|onError|errorHandler)$/.test(name)) return true;
  }
  if (!path.catchClause) return false;
  let callsNext = false;
  walk(context, (path.catchClause.parent as TSESTree.TryStatement).block, (node) => {
    if (callsNext) return false;
    // `try { await next() } catch`: a middleware around the rest of the chain. Express's `return next()` inside a
    // try hands on one request; it wraps nothing.
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'next' && node.parent?.type === AST_NODE_TYPES.AwaitExpression) callsNext = true;
    return undefined;
  });
  return callsNext;
}

/** The calls a handler is handed to, innermost first: `export const POST = withError('x', withQstash(async (req) => ...))`. */
function wrappersOf(fn: FunctionNode | undefined): { wrappedBy?: string[] } {
  const names: string[] = [];
  let node: TSESTree.Node | undefined = fn;
  for (let depth = 0; node && depth < 3; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) break;
    const name = memberPath(parent.callee);
    if (name) names.push(name);
    node = parent;
  }
  return names.length > 0 ? { wrappedBy: names } : {};
}

/** `GET /users/:id` when the handler is registered on a route, else the handler's name. */
function operationOf(context: FileContext, fn: FunctionNode | undefined): string[] | undefined {
  if (!fn) return undefined;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && parent.callee.property.type === AST_NODE_TYPES.Identifier) {
    const method = parent.callee.property.name;
    const route = parent.arguments[0] ? staticText(context, parent.arguments[0]) : undefined;
    if (route !== undefined && /^(?:get|post|put|patch|delete|del|all|options|head)$/i.test(method)) return [`${method.toUpperCase()} ${route}`];
  }
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return [fn.id.name];
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return [parent.id.name];
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return [parent.key.name];
  // `authenticationController.logout = async function (req, res)`, `{ logout: async (req, res) => ... }`.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(parent.left);
    if (name) return [name];
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const name = keyName(parent);
    if (name) return [name];
  }
  // A tRPC procedure: `testHttpProxy: publicProcedure.input(...).mutation(async ({ input }) => ...)`.
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn && parent.callee.type === AST_NODE_TYPES.MemberExpression && /^(?:query|mutation|subscription)$/.test(propertyName(parent.callee) ?? '')) {
    const holder = parent.parent;
    if (holder?.type === AST_NODE_TYPES.Property && holder.value === parent) {
      const name = keyName(holder);
      if (name) return [name];
    }
  }
  return undefined;
}
