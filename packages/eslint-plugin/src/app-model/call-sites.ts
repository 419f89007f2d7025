// A call of the application's own producer in the file being linted (`return unauthorized({ message })`,
// `throw new ValidationError('already exists')`, `throw new AppError(AppErrorCode.UNAUTHORIZED, msg)`), read as a
// response site: the status its summary gives for these arguments, the words of its arguments, and where the
// status is decided, so that the rules judge it like a direct send.
import { ANSWER_NAME } from '../may-respond.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { TextEvidence } from '@status-lint/core';
import { autoImportedFactory } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { isFunction, keyName, memberPath, propertyName, rootIdentifier, throwOf, unwrap, unwrapAwait, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft, Suggestion } from '../sites.js';
import { applySource, argumentAt, readerFor, type Producer } from './producers.js';
import { currentFile } from './source-files.js';
import { CONTEXT_NAME, definitionIn, parameterClassName } from './definitions.js';
import { propertiesAtCall } from './returned-bodies.js';
import { useProgram } from './module-resolution.js';
import { RESPONSE_OBJECT } from './project-search.js';
import { walk } from '../resolve/walk.js';
import { errorNameWords } from '../resolve/error-names.js';
import { isAddedResponseMethod } from './response-methods.js';
import { autoImportedUtility } from './nuxt-conventions.js';

type Position = 'thrown' | 'returned' | 'statement';

const HANDS_ON_ERRORS = /^(?:next|done|reject|callback|cb)$/;
/** Methods of an error that answer with it: `toResponse()`, `toNextResponse()`, `toHttpResponse()`. */
const TO_RESPONSE = /^to(?:Http|Next|Json|JSON|Api)?Response$/;
const MESSAGE_PROPERTIES = new Set(['message', 'error', 'msg', 'detail', 'details', 'description', 'reason', 'title', 'errorMessage', 'error_description', 'statusMessage']);
/** Properties that name a translated message by its key (`{ key: 'errors.queueNotPaused' }`). */
const TRANSLATION_KEY_PROPERTY = /^(?:key|messageKey|i18nKey|translationKey|errorKey)$/;
const DOTTED_KEY = /^[A-Za-z]\w*(?:\.\w+)+$/;

/** Is the value of this call sent: thrown, returned from a handler or helper, handed to `next()`, or a send on its own? */
function positionOf(context: FileContext, node: TSESTree.Node): Position | undefined {
  if (node.type === AST_NODE_TYPES.NewExpression && throwOf(context, node)) return 'thrown';
  let child: TSESTree.Node = node;
  let parent = node.parent;
  // `void reply.domainError(msg)`: a call whose promise is let go on purpose is still a statement.
  while (parent && (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.ChainExpression || (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void'))) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  // `return new ChatSDKError('bad_request:api').toResponse()`: the error answers with its own status.
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && child.type === AST_NODE_TYPES.NewExpression && TO_RESPONSE.test(propertyName(parent) ?? '') && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
    return positionOf(context, parent.parent);
  }
  // `return { response: tooManyRequests() }`: a wrapper's handler hands back the response it built.
  if (parent.type === AST_NODE_TYPES.Property && parent.value === child && /^(?:response|res|error|err)$/.test(keyName(parent) ?? '') && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    return positionOf(context, parent.parent) === 'returned' ? 'returned' : undefined;
  }
  if (parent.type === AST_NODE_TYPES.ThrowStatement) return 'thrown';
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return 'returned';
  if (isFunction(parent) && parent.body === child) return 'returned';
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return 'statement';
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
    const name = memberPath(parent.callee)?.split('.').pop();
    if (name && HANDS_ON_ERRORS.test(name)) return 'thrown';
  }
  return undefined;
}

/** An application's own assertion: `assertKoaCondition(...)`, `assertPermission(...)`, `ensureFound(...)`. */
const ASSERTION = /^(?:assert|ensure)[A-Z]\w*$/;

/**
 * `res.apiv3Err(...)` on the response a handler is handed: a method the application's middleware adds to it. Or a
 * method of an object it adds (`res.utils.error(...)`).
 */
function callsAddedResponseMethod(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const owner = callee.object.type === AST_NODE_TYPES.MemberExpression && !callee.object.computed ? callee.object : undefined;
  const response = owner ? owner.object : callee.object;
  if (response.type !== AST_NODE_TYPES.Identifier || !RESPONSE_OBJECT.test(response.name)) return false;
  const name = propertyName(owner ?? callee);
  return name !== undefined && isAddedResponseMethod(name);
}



/** The words of the arguments: strings, and the message-like properties of object literals (never the code or status). */
function messageNodes(args: readonly TSESTree.Node[], skip: ReadonlySet<TSESTree.Node>): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  for (const argument of args) {
    if (skip.has(argument) || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const value = unwrap(argument);
    // `res.apiv3Err(new ErrorV3('Page is not found or forbidden', 'notfound'), 401)`: the error's own message.
    if (value.type === AST_NODE_TYPES.NewExpression && /(?:Error|Exception)\w*$/.test(memberPath(value.callee) ?? '')) {
      const message = value.arguments[0];
      if (message && message.type !== AST_NODE_TYPES.SpreadElement) nodes.push(message);
      continue;
    }
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const before = nodes.length;
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property || skip.has(property.value)) continue;
        const key = keyName(property) ?? '';
        // `{ key: 'ERRORS.JOB_NOT_RETRIABLE', options }`: a translated message, named by its dotted key.
        const translationKey = TRANSLATION_KEY_PROPERTY.test(key) && property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'string' && DOTTED_KEY.test(property.value.value);
        if (MESSAGE_PROPERTIES.has(key) || translationKey) nodes.push(property.value);
      }
      // `throwClientError({ email: 'User with this email is already registered' })`: errors by the field they concern,
      // when no property is the message. Sentences only: `{ field: 'email' }` names, it says nothing.
      if (nodes.length === before) {
        for (const property of value.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'string' && /\p{L}+\s+\p{L}+/u.test(property.value.value)) nodes.push(property.value);
        }
      }
    } else nodes.push(argument);
  }
  return nodes;
}

/** The name of a class or helper as words, when it says something (`WorkflowAlreadyExistsException`). */
function nameText(producer: Producer): TextEvidence[] {
  // A helper's name (`unauthorizedResponse`) says what it sends, not why: only error classes name the failure.
  if (!producer.callee.startsWith('new ')) return [];
  const words = errorNameWords(producer.callee.replace(/^new /, '').replace(/\(\)$/, ''));
  return words === undefined ? [] : [{ source: 'message', text: words }];
}

/** Inside a check of another response's status (`if (res.status === 429) throw new RateLimitedError()`): a client
 * turning answers it received into errors of its own, not a server choosing what to send. */
function translatesReceivedStatus(context: FileContext, node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child) {
      if (/\.(?:status|statusCode)\s*[!=]==?\s*\d{3}\b|\b\d{3}\s*[!=]==?\s*\w+\.(?:status|statusCode)\b/.test(context.sourceCode.getText(parent.test))) return true;
    }
  }
  return false;
}

/** `this.service.method`: a method of a field of this class (two names after `this`, no calls between). */
function thisMemberChain(callee: TSESTree.MemberExpression): boolean {
  const owner = unwrap(callee.object);
  return owner.type === AST_NODE_TYPES.MemberExpression && unwrap(owner.object).type === AST_NODE_TYPES.ThisExpression && !owner.computed && !callee.computed;
}

/**
 * A returned or standalone call reads another file only when its name speaks of an answer (`unauthorized()`,
 * `quickError()`, `responses.tooManyRequests()`, `handleApiError()`): most returned calls fetch data, and reading
 * every file they come from would cost a lint run a second parse of the codebase. What is thrown is always read.
 */

export function appProducerDraft(context: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const position = positionOf(context, node);
  if (!position || translatesReceivedStatus(context, node)) return undefined;
  const callee = unwrap(node.callee);
  // `assertKoaCondition(ok, ctx, 400, msg)`: an assertion of the application throws its answer when the condition fails.
  if (position !== 'thrown' && node.type === AST_NODE_TYPES.CallExpression && !ANSWER_NAME.test(memberPath(callee) ?? '') && !callsAddedResponseMethod(callee) && !(position === 'statement' && ASSERTION.test(memberPath(callee) ?? ''))) return undefined;
  // `this.exceptionService.badRequestException(...)`: a method of a service injected into this class, which the model
  // finds by the field's declared class.
  const injected = callee.type === AST_NODE_TYPES.MemberExpression && thisMemberChain(callee);
  const root = rootIdentifier(callee);
  // Only what the file declares or imports: never a global we know nothing of, but for what a framework imports for
  // the file (h3's `createError` in a Nuxt or Nitro server).
  if (!injected) {
    if (!root || callee.type === AST_NODE_TYPES.Super) return undefined;
    const variable = variableOf(context, root);
    const autoImported = !variable && ((callee === root && autoImportedFactory(root.name) !== undefined) || autoImportedUtility(context.filename, root.name) !== undefined);
    if (!autoImported && (!variable || variable.defs.length === 0)) return undefined;
  }
  const file = currentFile(context);
  let producer: Producer | undefined;
  try {
    // With type information (typescript-eslint's projectService), imports resolve as the program resolves them.
    useProgram((context.sourceCode.parserServices as { program?: Parameters<typeof useProgram>[0] } | undefined)?.program ?? undefined);
    producer = readerFor(context.cwd ?? process.cwd()).ofCallee(file, callee);
  } catch {
    return undefined;
  }
  if (!producer) return namedStatusDraft(context, node, position, boundary, role);
  if (position === 'statement' && !producer.sendsItself) return undefined;
  const status = applySource(file, undefined, producer.status, node.arguments);
  const argument = producer.status.kind !== 'constant' ? argumentAt(file, node.arguments, producer.status.ref) : undefined;
  // `sendOAuthError(res, isRateLimitError(e) ? 429 : 400, ...)`: each status the call may pass is read on its branch.
  const branches = producer.status.kind === 'argument' && argument !== undefined && unwrap(argument).type === AST_NODE_TYPES.ConditionalExpression;
  if (status?.kind !== 'constant' && !branches) return undefined;
  const skip = new Set<TSESTree.Node>();
  let statusNode: TSESTree.Node | undefined;
  if (producer.status.kind !== 'constant') {
    if (argument && argument.range && node.arguments.some((item) => item === argument || (item.range[0] <= argument.range[0] && argument.range[1] <= item.range[1]))) {
      skip.add(argument);
      // A status written at the call (`quickError(401, ...)`) is what a fix rewrites; a code in a table is not.
      if (producer.status.kind === 'argument') statusNode = argument;
    }
  }
  const fromPackage = producer.line === 0;
  const passed = (index: number) => {
    const argument = node.arguments[index];
    return argument !== undefined && !(argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined');
  };
  const headers = [...producer.headers, ...(producer.headerArguments ?? []).filter((item) => passed(item.index)).map((item) => item.name)];
  const asserted = position === 'statement' && node.type === AST_NODE_TYPES.CallExpression ? assertedCondition(node) : undefined;
  return {
    ...(asserted ? { extraConditions: [asserted] } : {}),
    producer: fromPackage ? 'framework-error' : 'app',
    ...(producer.makesError ? { errorMade: true } : {}),
    ...(producer.throwsItself ? { throwsItself: true } : {}),
    anchor: node,
    ...(statusNode ? { statusNode } : status?.kind === 'constant' ? { knownStatus: { status: status.status, text: String(status.status), node: node.callee } } : {}),
    messageNodes: messageNodes(node.arguments, skip),
    ...(producer.body ? { bodyProperties: propertiesAtCall(context, node, producer.body.file.context, producer.body.fn, producer.body.node) } : {}),
    ...(producer.bodyArgument !== undefined && node.arguments[producer.bodyArgument] ? { bodyNode: node.arguments[producer.bodyArgument] } : {}),
    extraTexts: fromPackage ? [] : [...nameText(producer), ...(producer.texts ?? []).map((text): TextEvidence => ({ source: 'message', text }))],
    headerNames: headers.length > 0 ? { names: headers, complete: producer.headersSeen === true } : undefined,
    boundary,
    role,
    // What the helper sends beyond its status (headers, a wrapper's hooks) is not all visible from here, unless every
    // header it writes was read (`NextResponse.json(body, { status: 429, headers: { 'X-RateLimit-Limit': ... } })`).
    headersUnknown: headers.length > 0 && producer.headersSeen !== true,
    ...(producer.headersSeen ? { helperHeadersSeen: true } : {}),
    statusOrigin: fromPackage ? undefined : { callee: producer.callee, how: producer.how, file: producer.file, line: producer.line },
    ...(statusNode ? {} : { replaceStatus: (next: number) => (fromPackage && producer.status.kind === 'table' && argument ? codeReplacement(argument, producer.status.table, next) : undefined) }),
  };
}

/**
 * The condition an assertion of the application answers: `assertKoaCondition(appMemberId !== user.id, ctx, 401, msg)`
 * sends its answer when the condition fails; `assertKoaError(isPast(date), ctx, 400, msg)`, named for the error, when
 * it holds. Its first argument, unless that is the response or context it is handed.
 */
function assertedCondition(node: TSESTree.CallExpression): { test: TSESTree.Node; flipped: boolean } | undefined {
  const name = memberPath(unwrap(node.callee))?.split('.').pop() ?? '';
  const first = node.arguments[0];
  if (!ASSERTION.test(name) || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (first.type === AST_NODE_TYPES.Identifier && (RESPONSE_OBJECT.test(first.name) || CONTEXT_NAME.test(first.name))) return undefined;
  return { test: first, flipped: !/error|fail/i.test(name) };
}

/**
 * The edit of a code a package's error class looks its status up by (`new TRPCError({ code: 'BAD_REQUEST' })` ->
 * `'CONFLICT'`), when the code is written there as a string and one code of the table has the new status.
 */
function codeReplacement(argument: TSESTree.Node, table: ReadonlyMap<string, number>, status: number): Suggestion | undefined {
  const code = unwrap(argument);
  if (code.type !== AST_NODE_TYPES.Literal || typeof code.value !== 'string' || table.get(code.value) === undefined) return undefined;
  const codes = [...table].filter(([, value]) => value === status).map(([key]) => key);
  if (codes.length !== 1) return undefined;
  const quote = code.raw.startsWith('"') ? '"' : "'";
  const text = `${quote}${codes[0]}${quote}`;
  return { text, fix: (fixer) => fixer.replaceText(code, text) };
}

/**
 * May a call that is handed the response or context object set headers on it (`rateLimit(c)` may; `logRequest(c)`
 * does not)? A name about headers or limits may; an app function is read for header writes; a package may do
 * anything; a name the file neither declares nor imports is not taken to.
 */
export function mayTouchHeaders(context: FileContext, callee: TSESTree.Node): boolean {
  const name = memberPath(callee) ?? '';
  if (/header|rate|limit|retry|throttle|cors|cache|secur|helmet|respond|reply|send|wrap|with[A-Z]/i.test(name)) return true;
  const root = rootIdentifier(unwrap(callee));
  if (!root) return true;
  const variable = variableOf(context, root);
  if (!variable || variable.defs.length === 0) return false;
  const definition = definitionIn(context, callee);
  if (definition?.kind === 'function') return /\.(?:header|set|setHeader|append|appendHeader|headers)\b|retry-after/i.test(definition.file.context.sourceCode.getText(definition.node));
  return true;
}

/**
 * Headers a wrapper around the handler sets on what the handler returns: `export const GET = withWorkspace(async
 * (...) => ...)`, where `withWorkspace` (read in its own file) writes `Retry-After`.
 */
export function wrapperHeaders(context: FileContext, handler: FunctionNode | undefined): string[] {
  for (let node: TSESTree.Node | undefined = handler; node && node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      if (parent.type === AST_NODE_TYPES.VariableDeclarator || parent.type.endsWith('Statement') || parent.type === AST_NODE_TYPES.Program) return [];
      continue;
    }
    const definition = definitionIn(context, parent.callee);
    if (definition?.kind === 'function' && wrapperWritesRetryAfter(definition.file.context, definition.node, 0)) return ['Retry-After'];
  }
  return [];
}

/**
 * Does this wrapper write `Retry-After`, itself or through the wrapper it hands a handler of its own to
 * (`withNamespaceApiHandler = (handler) => withApiHandler(async (params) => handler(...))`)?
 */
function wrapperWritesRetryAfter(context: FileContext, fn: FunctionNode, depth: number): boolean {
  if (/retry-after/i.test(context.sourceCode.getText(fn))) return true;
  if (depth >= 2) return false;
  // Asked for every response of every handler the wrapper wraps: its chain is read once.
  const known = handsOnRetryAfter.get(fn);
  if (known !== undefined) return known;
  let found = false;
  walk(context, fn.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || !node.arguments.some((argument) => isFunction(unwrap(argument)))) return undefined;
    const inner = definitionIn(context, node.callee);
    if (inner?.kind === 'function' && inner.node !== fn && wrapperWritesRetryAfter(inner.file.context, inner.node, depth + 1)) found = true;
    return undefined;
  });
  if (depth === 0) handsOnRetryAfter.set(fn, found);
  return found;
}

/** What `wrapperWritesRetryAfter` found of a wrapper, by its function (a changed file is parsed anew: new nodes). */
const handsOnRetryAfter = new WeakMap<FunctionNode, boolean>();

/** A function of the application defined in another file that a callee names, with the context to read it in. */
export function applicationFunction(context: FileContext, callee: TSESTree.Node): { fn: FunctionNode; context: FileContext } | undefined {
  const current = unwrap(callee);
  // `this.oauthRepository.discovery(...)`: a method of an injected service, found through the field's declared class.
  const injected = current.type === AST_NODE_TYPES.MemberExpression && unwrap(current.object).type === AST_NODE_TYPES.MemberExpression && (unwrap(current.object) as TSESTree.MemberExpression).object.type === AST_NODE_TYPES.ThisExpression;
  const root = injected ? undefined : rootIdentifier(current);
  if (!root && !injected) return undefined;
  const variable = root ? variableOf(context, root) : undefined;
  // An import, or a request context whose members the file's middleware sets (`ctx.discoverService.getManifest`).
  const handedContext = variable?.defs[0]?.type === 'Parameter' && CONTEXT_NAME.test(root?.name ?? '') && current.type === AST_NODE_TYPES.MemberExpression;
  // `const slackController = new SlackController()` of an imported class: its methods are the class's.
  const init = variable?.defs[0]?.type === 'Variable' ? (variable.defs[0].node as TSESTree.VariableDeclarator).init : null;
  // `const stripeService = createStripeService(c.env)`: what a factory of the application makes, when it is one class's.
  const made = init !== null ? unwrapAwait(unwrap(init) as TSESTree.Expression) : undefined;
  const instance = made?.type === AST_NODE_TYPES.NewExpression || (made?.type === AST_NODE_TYPES.CallExpression && made.callee.type === AST_NODE_TYPES.Identifier);
  // A name no file declares is a server utility Nuxt or Nitro imports for the file, or nothing the model knows.
  if (root && !variable && autoImportedUtility(context.filename, root.name) === undefined) return undefined;
  // `paymentService.getPromoCode(...)` of a parameter declared as a class of the application's (`paymentService: PaymentService`).
  const typedParameter = variable?.defs[0]?.type === 'Parameter' && parameterClassName(variable.defs[0].name) !== undefined;
  if (root && variable && variable.defs[0]?.type !== 'ImportBinding' && !handedContext && !instance && !typedParameter) return undefined;
  const definition = definitionIn(context, callee);
  return definition?.kind === 'function' && definition.file.file !== context.filename ? { fn: definition.node, context: definition.file.context } : undefined;
}

/** Reason phrases as methods name them: `throwBadRequestError`, `ctx.forbidden`, `sendTooManyRequests`. */
const NAMED_STATUSES: readonly [RegExp, number][] = [
  [/BadRequest/i, 400],
  [/Unauthori[sz]ed/i, 401],
  [/Forbidden/i, 403],
  [/Conflict/i, 409],
  [/Unprocessable/i, 422],
  [/TooManyRequests/i, 429],
  [/InternalServerError/i, 500],
  [/BadGateway/i, 502],
  [/ServiceUnavailable/i, 503],
  [/GatewayTimeout/i, 504],
];

/**
 * A method the model cannot follow (`context.throwBadRequestError(msg)` on an object it is handed) whose name is a
 * reason phrase: the name is the status. Only names that throw, send or build an error or response count.
 */
function namedStatusDraft(context: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression, position: Position, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const name = memberPath(unwrap(node.callee))?.split('.').pop() ?? '';
  if (!/^(?:throw|send|reply|respond|raise|return|new|create|make)?[A-Z]?\w*(?:Error|Exception|Response)?$/.test(name) || !/^(?:throw|send|reply|respond|raise)|(?:Error|Exception|Response)$/.test(name)) return undefined;
  if (position === 'statement' && !/^(?:throw|send|reply|respond|raise)/.test(name)) return undefined;
  const found = NAMED_STATUSES.find(([pattern]) => pattern.test(name));
  if (!found) return undefined;
  return { producer: 'named-helper', anchor: node, knownStatus: { status: found[1], text: String(found[1]), node: node.callee }, messageNodes: messageNodes(node.arguments, new Set()), boundary, role, replaceStatus: () => undefined };
}
