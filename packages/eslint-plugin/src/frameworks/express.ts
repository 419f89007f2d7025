// Express (also Next.js API routes, NestJS `@Res()` and node:http): `res.status(n).json()`, `res.sendStatus(n)`, implicit 200s.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { expressDefaultStatusSends, expressResponseMethods, headerSetters, statusNamedResponseMethods } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { chainedStatusFix, insertStatementBefore, retryAfterValue } from '../resolve/edits.js';
import { enclosingStatement, siblingStatement } from '../resolve/path.js';
import { preferredStyle, resolveStatus, writeStatus } from '../resolve/status.js';
import { laterUsage, setterReaches, usagesOf, type ChainCall, type Usage } from '../resolve/usage.js';
import { enclosingCatch, isFunction, keyName, memberPath, parameterIdentifier, propertyName, staticText, unwrap, unwrapAwait, type FileContext } from '../resolve/values.js';
import { errorGivenStatus, STATUS_FIELD } from './custom-errors.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';
import { NODE_SENDS, retryAfterForWriteHead, statusCodeAssignment, writeHeadHeaders } from './node-http.js';
import { returnStatements } from '../resolve/returns.js';
import { expressAnswersRejections } from '../app-model/package-manifests.js';
import { inValidationFailureBranch, VALIDATION_FAILED } from '../resolve/validation-branch.js';

const STATUS_SETTERS = new Set(['status', 'writeHead']);
/** Templates of error pages: `400`, `errors/500`, `general/400`, `error`. */
const ERROR_VIEW = /(?:^|[\\/])(?:[45]\d\d|errors?)(?:[\\/]|$)|(?:^|[\\/_-])error$/i;

const BODY_SENDS = new Set(expressResponseMethods.filter((method) => method.sends && method.bodyArgument !== undefined).map((method) => method.name));
export const EXPRESS_HEADER_SETTERS = new Set([...headerSetters.express, ...headerSetters['node-http']]);

/** A body whose content is written in the code: `JSON.stringify({...})`, a string or template. */
function isWrittenBody(context: FileContext, body: TSESTree.Node): boolean {
  const value = unwrapAwait(body);
  if (value.type === AST_NODE_TYPES.CallExpression) return memberPath(value.callee) === 'JSON.stringify';
  return staticText(context, value) !== undefined;
}

/** A helper (`route(req, res)`) whose callers set a status, or hand the response elsewhere, before they call it. */
function statusSetByCaller(role: Role): boolean {
  return role.helperCalls.some(({ call, caller }) =>
    usagesOf(caller.variable).some((item) => {
      const node = isStandaloneSetter(item) ? (item.assignment ?? item.call) : item.passedTo !== call ? item.passedTo : undefined;
      return node !== undefined && setterReaches(node, call);
    }),
  );
}

function callsOf(usage: Usage): ChainCall[] {
  return usage.call && usage.path.length === 1 ? [{ name: usage.path[0], call: usage.call }, ...usage.chain] : [];
}

/** Sets the status without sending: `res.status(401);`, `res.writeHead(429)`, `res.statusCode = 500`. */
function isStandaloneSetter(usage: Usage): boolean {
  if (usage.assignment && usage.path.length === 1 && usage.path[0] === 'statusCode') return true;
  const calls = callsOf(usage);
  return calls.some((call) => STATUS_SETTERS.has(call.name)) && !calls.some((call) => BODY_SENDS.has(call.name) || call.name === 'sendStatus');
}

/**
 * Sends a status and its reason phrase: `res.sendStatus(404)`, and `res.send(404)` with the number alone, which
 * Express 4 sends as the status (deprecated; Express 5, declared in the application's manifest, sends it as the body).
 */
function sendsStatus(call: ChainCall, numberIsStatus: boolean): boolean {
  if (call.name === 'sendStatus') return true;
  if (!numberIsStatus || call.name !== 'send' || call.call.arguments.length !== 1) return false;
  const only = call.call.arguments[0];
  return only.type === AST_NODE_TYPES.Literal && typeof only.value === 'number' && Number.isInteger(only.value) && only.value >= 100 && only.value <= 599;
}

/** The message of an error thrown by the statement right after this one: `res.status(401); throw new Error(msg)`. */
function thrownNext(statement: TSESTree.Node): TSESTree.Node | undefined {
  const next = siblingStatement(statement, 1);
  const error = next?.type === AST_NODE_TYPES.ThrowStatement && next.argument ? unwrap(next.argument) : undefined;
  const message = error?.type === AST_NODE_TYPES.NewExpression ? error.arguments[0] : undefined;
  return message && message.type !== AST_NODE_TYPES.SpreadElement ? message : undefined;
}

/** Locals that name an error. */
const ERROR_LOCAL = /^(?:error|errors|err|errorMessage|errorMsg|error_msg|errMsg)$/;

/** Locals that head the page: `{ header: 'Wrong password' }`. Their words say what the page is about. */
const HEADLINE_LOCAL = /^(?:header|heading|headline|alert|notice)$/;

/**
 * Locals that carry the words of a failure written for this request: `{ error: 'Passwords do not match.' }`, a
 * template or concatenation of them, or a headline written for it (`{ header: 'Wrong password' }`, whose words the
 * rule then reads as the page's). Not a value read from elsewhere (`{ error: req.flash('error') }` shows what an earlier request
 * left: the page itself worked).
 */
function writesFailure(locals: TSESTree.ObjectExpression): boolean {
  return headlineOf(locals) !== undefined || locals.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || !ERROR_LOCAL.test(keyName(property) ?? '')) return false;
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value.trim().length > 0;
    return value.type === AST_NODE_TYPES.TemplateLiteral || (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+');
  });
}

/** The locals of a page set one by one for the render that follows: `res.locals.userMessage = 'Error: ' + err`. */
const MESSAGE_LOCAL = /^(?:error|errors|err|errorMessage|errorMsg|error_msg|errMsg|userMessage|message|msg|alert|notice)$/i;

/**
 * A page rendered after a failure was caught, with no locals of its own, whose words the catch wrote into
 * `res.locals` before it: `catch (err) { res.locals.userMessage = 'Error building page: ' + err; res.render('page') }`,
 * the render perhaps inside a callback there (`await timed(async () => res.render('page'))`). The words written.
 */
function failureLocalsWritten(response: string, send: TSESTree.CallExpression): TSESTree.Node | undefined {
  let handler: TSESTree.CatchClause | undefined;
  for (let current: TSESTree.Node | undefined = send.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      handler = current;
      break;
    }
    // A callback handed to a call runs there; any other function may run at another time.
    if (isFunction(current) && current.parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  }
  if (!handler) return undefined;
  for (const statement of handler.body.body) {
    if (statement.range[0] >= send.range[0]) break;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (left.type !== AST_NODE_TYPES.MemberExpression || memberPath(left.object) !== `${response}.locals` || !MESSAGE_LOCAL.test(propertyName(left) ?? '')) continue;
    const value = unwrap(right);
    if ((value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && value.value.trim()) || value.type === AST_NODE_TYPES.TemplateLiteral || (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+')) return value;
  }
  return undefined;
}

/** The headline written for a page with no error local (`{ title: 'Login page', header: 'Wrong password' }`): what the page says. */
function headlineOf(locals: TSESTree.ObjectExpression): TSESTree.StringLiteral | undefined {
  let headline: TSESTree.StringLiteral | undefined;
  for (const property of locals.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = keyName(property) ?? '';
    if (ERROR_LOCAL.test(name)) return undefined;
    const value = unwrap(property.value);
    if (HEADLINE_LOCAL.test(name) && value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && value.value.trim().length > 0) headline = value as TSESTree.StringLiteral;
  }
  return headline;
}

/** A send with Express's default 200 and a body (`res.json(body)`, `res.render(view, locals)`): its fix writes `.status(s)` before the send. */
function implicitSend(context: FileContext, role: Role, usage: Usage, send: TSESTree.CallExpression, body: TSESTree.Node): Draft {
  return { producer: role.producer, anchor: send, ...IMPLICIT_SUCCESS, bodyNode: body, role, replaceStatus: chainedStatusFix(context, usage.identifier, 'status') };
}

/**
 * A handler that never touches its response and returns objects (`async function retry(req: Request, res: Response)
 * { ... return { success: false, message } }`): Express ignores a returned value, so the application registers it
 * through a wrapper of its own that sends what it returns, with 200 unless told otherwise.
 */
function sentByWrapperDrafts(context: FileContext, role: Role, usages: readonly Usage[]): Draft[] {
  if (role.producer !== 'express' || usages.length > 0 || role.variable.references.length > 0 || role.helperCalls.length > 0 || role.errorHandler) return [];
  return returnStatements(context, role.fn)
    .map((statement) => statement.argument && unwrapAwait(statement.argument))
    // `{ success: false, error, status: 429 }` names its own status: a result its caller sends (read as a result object).
    .filter((value): value is TSESTree.ObjectExpression => value?.type === AST_NODE_TYPES.ObjectExpression && !value.properties.some((property) => property.type === AST_NODE_TYPES.Property && STATUS_FIELD.test(keyName(property) ?? '')))
    .map((object) => ({ producer: role.producer, anchor: object, ...IMPLICIT_SUCCESS, bodyNode: object, role, replaceStatus: () => undefined }));
}

export function expressDrafts(context: FileContext, role: Role, usages: readonly Usage[]): Draft[] {
  const drafts: Draft[] = [...sentByWrapperDrafts(context, role, usages)];
  const standaloneSetters = usages.filter(isStandaloneSetter);
  const name = (usage: Usage): string => context.sourceCode.getText(usage.identifier);
  const numberIsStatus = role.producer === 'express' && !expressAnswersRejections(context.filename);
  for (const usage of usages) {
    if (usage.assignment && usage.path.length === 1 && usage.path[0] === 'statusCode') {
      const draft = statusCodeAssignment(context, role, usage, usages);
      if (draft) drafts.push(draft);
      continue;
    }
    const calls = callsOf(usage);
    if (calls.length === 0) continue;
    const named = calls.length === 1 ? namedStatusSend(context, role, usage, calls[0]) : undefined;
    if (named) {
      drafts.push(named);
      continue;
    }
    const statusIndex = calls.findIndex((call) => STATUS_SETTERS.has(call.name) || sendsStatus(call, numberIsStatus));
    const sendIndex = calls.findIndex((call) => BODY_SENDS.has(call.name) || call.name === 'sendStatus');
    const outer = calls[calls.length - 1].call;
    if (statusIndex >= 0) {
      const statusCall = calls[statusIndex];
      const statusNode = statusCall.call.arguments[0];
      if (!statusNode || statusNode.type === AST_NODE_TYPES.SpreadElement) continue;
      let bodyNode: TSESTree.Node | undefined;
      const standalone = sendIndex < 0;
      if (sendIndex > statusIndex && !sendsStatus(calls[sendIndex], numberIsStatus)) bodyNode = calls[sendIndex].call.arguments[0];
      let messageNodes: TSESTree.Node[] | undefined;
      if (standalone) {
        const statement = enclosingStatement(statusCall.call);
        const later = statement ? laterUsage(statement, usages, (item) => item.path.length === 1 && NODE_SENDS.has(item.path[0]) && !callsOf(item).some((call) => STATUS_SETTERS.has(call.name))) : undefined;
        bodyNode = later?.call?.arguments[0];
        // `res.status(401); throw new Error('Not authorized as an admin')`: the error middleware sends the status set
        // (`res.statusCode === 200 ? 500 : res.statusCode`) with the error's words.
        const thrown = statement ? thrownNext(statement) : undefined;
        if (!bodyNode && thrown) messageNodes = [thrown];
      }
      const headerNodes: TSESTree.Node[] = [];
      if (statusCall.name === 'writeHead') {
        const headers = writeHeadHeaders(statusCall.call);
        if (headers) headerNodes.push(headers);
      }
      const isNode = role.producer === 'node-http';
      drafts.push({
        producer: role.producer,
        anchor: outer,
        statusNode,
        bodyNode,
        ...(messageNodes ? { messageNodes } : {}),
        headerNodes,
        role,
        setsLater: standalone,
        addRetryAfter:
          statusCall.name === 'writeHead'
            ? retryAfterForWriteHead(context, statusCall.call)
            : () => {
                if (isNode) {
                  const fix = insertStatementBefore(context, statusCall.call, `${name(usage)}.setHeader('Retry-After', ${retryAfterValue(context, statusCall.call)});`);
                  return fix ? { text: `${name(usage)}.setHeader('Retry-After', ...)`, fix } : undefined;
                }
                const text = `.set('Retry-After', ${retryAfterValue(context, statusCall.call)})`;
                if (sendsStatus(statusCall, numberIsStatus)) return { text: `${name(usage)}.set('Retry-After', ...)`, fix: (fixer) => fixer.insertTextAfter(usage.identifier, text) };
                return { text: `${name(usage)}.set('Retry-After', ...)`, fix: (fixer) => fixer.insertTextAfter(statusCall.call, text) };
              },
      });
      continue;
    }
    const defaultStatus = calls.length === 1 && Object.prototype.hasOwnProperty.call(expressDefaultStatusSends, calls[0].name) ? expressDefaultStatusSends[calls[0].name] : undefined;
    if (defaultStatus !== undefined && role.producer !== 'node-http') {
      // `res.redirect(url)`, `res.redirect(301, url)`, `res.render(view)`: a response without a body argument of its own.
      const send = calls[0].call;
      if (standaloneSetters.some((setter) => setterReaches(setter.assignment ?? setter.call!, send))) continue;
      const locals = send.arguments[1];
      const view = calls[0].name === 'render' ? staticText(context, send.arguments[0]) : undefined;
      // `if (!errors.isEmpty()) return res.render('signup', { errors: errors.array() })`: the form shown again because
      // the request failed validation, with its errors, is a failure too.
      // The page's other locals (the form's values, links) are the page, not data beside the errors: its body is its errors.
      const errorLocals = calls[0].name === 'render' && locals?.type === AST_NODE_TYPES.ObjectExpression && inValidationFailureBranch(context, send) ? locals.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && ERROR_LOCAL.test(keyName(property) ?? '')) : [];
      if (errorLocals.length > 0 && !writesFailure(locals as TSESTree.ObjectExpression)) {
        drafts.push({ ...implicitSend(context, role, usage, send, send), bodyNode: undefined, bodyProperties: errorLocals.map((property) => ({ name: keyName(property)!, context, node: property.value })), extraTexts: [VALIDATION_FAILED] });
        continue;
      }
      if (calls[0].name === 'render' && locals?.type === AST_NODE_TYPES.ObjectExpression && (ERROR_VIEW.test(view ?? '') || enclosingCatch(send) !== undefined || writesFailure(locals))) {
        // `res.render('400', { error })`, a page rendered with the caught error, or one given the words of a failure
        // (`{ error: 'The activation link has expired.' }`): its locals are what it says, and a template named for a
        // status (`errors/404`) names the status it should have been sent with.
        const viewStatus = /(?:^|[\\/])([45]\d\d)$/.exec(view ?? '')?.[1];
        drafts.push({
          ...(viewStatus ? { extraTexts: [{ source: 'message' as const, text: viewStatus }] } : {}),
          // A page whose only words of its own are its headline says what the headline says.
          ...implicitSend(context, role, usage, send, headlineOf(locals) ?? locals),
        });
        continue;
      }
      const written = calls[0].name === 'render' && !locals ? failureLocalsWritten(usage.identifier.name, send) : undefined;
      if (written) {
        drafts.push(implicitSend(context, role, usage, send, written));
        continue;
      }
      const first = send.arguments[0];
      const explicit = calls[0].name === 'redirect' && send.arguments.length >= 2 && first && first.type !== AST_NODE_TYPES.SpreadElement ? first : undefined;
      drafts.push(explicit ? { producer: role.producer, anchor: send, statusNode: explicit, role } : { producer: role.producer, anchor: send, knownStatus: { status: defaultStatus, text: String(defaultStatus) }, implicit: true, role, replaceStatus: () => undefined });
      continue;
    }
    if (sendIndex === 0 && BODY_SENDS.has(calls[0].name)) {
      const send = calls[0].call;
      const body = send.arguments[0];
      if (body?.type === AST_NODE_TYPES.SpreadElement) continue;
      if (standaloneSetters.some((setter) => setterReaches(setter.assignment ?? setter.call!, send))) continue;
      if (statusAlreadySet(context, usage, send)) continue;
      const style = preferredStyle(context);
      const isNode = role.producer === 'node-http';
      if (isNode && calls[0].name === 'end') {
        // node:http answers 200 unless `statusCode` or `writeHead` said otherwise: `res.end(JSON.stringify({ error }))` alone is a 200.
        const handedAway = usages.some((item) => item.passedTo !== undefined && setterReaches(item.passedTo, send));
        if (!body || handedAway || statusSetByCaller(role) || !isWrittenBody(context, body)) continue;
        drafts.push({
          producer: role.producer,
          anchor: send,
          ...IMPLICIT_SUCCESS,
          bodyNode: body,
          role,
          replaceStatus: (status) => {
            const text = writeStatus(style, status);
            const fix = insertStatementBefore(context, send, `${name(usage)}.statusCode = ${text};`);
            return fix ? { text: `${name(usage)}.statusCode = ${text}`, fix } : undefined;
          },
        });
        continue;
      }
      if (!body) {
        // `res.send()`, `res.end()`: an empty 200 still answers the route.
        drafts.push({ producer: role.producer, anchor: send, ...IMPLICIT_SUCCESS, role, replaceStatus: () => undefined });
        continue;
      }
      drafts.push(implicitSend(context, role, usage, send, body));
    }
  }
  return drafts;
}

/**
 * `else if (res.statusCode === 429) return res.json({ error: 'Too many requests' })`: the branch found the status
 * already set (by a rate limiter before it), so the send keeps it rather than Express's default 200.
 */
function statusAlreadySet(context: FileContext, usage: Usage, send: TSESTree.Node): boolean {
  const name = context.sourceCode.getText(usage.identifier).replace(/[$]/g, '\\$&');
  const tested = new RegExp(String.raw`\b${name}\.statusCode\s*===?\s*[1-5]\d\d\b|\b[1-5]\d\d\s*===?\s*${name}\.statusCode\b`);
  for (let child: TSESTree.Node = send, parent = send.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child && tested.test(context.sourceCode.getText(parent.test))) return true;
  }
  return false;
}

/**
 * `res.badRequest('username already exists')`, `res.ratelimited(ms)`: a method added to the response, named for the
 * status it sends. Its words are its first argument. No fix renames it: the application defines only some of them.
 */
function namedStatusSend(context: FileContext, role: Role, usage: Usage, call: ChainCall): Draft | undefined {
  if (!Object.hasOwn(statusNamedResponseMethods, call.name)) return undefined;
  const status = statusNamedResponseMethods[call.name];
  const name = context.sourceCode.getText(usage.identifier);
  const message = call.call.arguments[0];
  return {
    producer: role.producer,
    anchor: call.call,
    knownStatus: { status, text: `${name}.${call.name}()`, node: (call.call.callee as TSESTree.MemberExpression).property },
    messageNodes: message && message.type !== AST_NODE_TYPES.SpreadElement && status !== 429 ? [message] : [],
    role,
    replaceStatus: () => undefined,
    addRetryAfter: () => {
      const fix = insertStatementBefore(context, call.call, `${name}.setHeader('Retry-After', ${retryAfterValue(context, call.call)});`);
      return fix ? { text: `${name}.setHeader('Retry-After', ...)`, fix } : undefined;
    },
  };
}

/** The properties of an error object that carry its words. */
const ERROR_OBJECT_WORDS = new Set(['message', 'error', 'msg', 'detail', 'details', 'reason']);

/**
 * `next({ status: 401, message })`: an error object handed to the handler's `next`. Express's own final handler, and
 * the error middleware apps write (`res.status(err.status || 500)`), answer with its `status` (or `statusCode`).
 */
export function nextErrorDrafts(context: FileContext, role: Role): Draft[] {
  const fn = role.fn;
  const response = fn.params[1] && parameterIdentifier(fn.params[1]);
  const next = fn.params[2] && parameterIdentifier(fn.params[2]);
  if (!response || !next || !role.variable.defs.some((definition) => definition.name === response)) return [];
  const variable = context.sourceCode.getDeclaredVariables(fn).find((item) => item.defs.some((definition) => definition.name === next));
  const drafts: Draft[] = [];
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier || !call.arguments[0]) continue;
    const error = unwrap(call.arguments[0]);
    const made = error.type === AST_NODE_TYPES.Identifier ? errorGivenStatus(context, error, call) : undefined;
    if (made) {
      drafts.push({ producer: role.producer, anchor: call, statusNode: made.status, messageNodes: made.message ? [made.message] : [], role });
      continue;
    }
    // `catch (error) { next(error) }`: what the `try` threw goes to the error middleware, which answers what carries no
    // status of its own with 500. Judged as that 500 (a failed call to another service is a 502); no edit is offered here.
    const caught = enclosingCatch(call)?.param;
    if (error.type === AST_NODE_TYPES.Identifier && caught?.type === AST_NODE_TYPES.Identifier && caught.name === error.name) {
      drafts.push({ producer: role.producer, anchor: call, knownStatus: { status: 500, text: '500' }, implicit: true, messageNodes: [], role, replaceStatus: () => undefined });
      continue;
    }
    if (error.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const properties = error.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property);
    const statusProperty = properties.find((property) => STATUS_FIELD.test(keyName(property) ?? '') && resolveStatus(context, property.value));
    if (!statusProperty) continue;
    const headers = properties.find((property) => keyName(property) === 'headers');
    drafts.push({
      producer: role.producer,
      anchor: call,
      statusNode: statusProperty.value,
      // The error middleware answers with what the object carries: a 2xx handed on as an error still says what failed.
      bodyNode: error,
      messageNodes: properties.filter((property) => ERROR_OBJECT_WORDS.has(keyName(property) ?? '')).map((property) => property.value),
      headerNodes: headers ? [headers.value] : [],
      role,
    });
  }
  return drafts;
}
