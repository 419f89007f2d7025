// Fastify: `reply.code(n).send(x)`, `reply.status(n)`, `reply.header(...)`, returned bodies, `@fastify/sensible` helpers.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { frameworkModules, headerSetters, sensibleMethodStatuses } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { chainedStatusFix, insertStatementBefore, retryAfterValue } from '../resolve/edits.js';
import { enclosingStatement } from '../resolve/path.js';
import { preferredStyle, writeStatus } from '../resolve/status.js';
import { laterUsage, setterReaches, type ChainCall, type Usage } from '../resolve/usage.js';
import { isFunction, keyName, parameterIdentifier, propertyName, staticText, unwrap, type FileContext, type FunctionNode, type Variable } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';
import { returnStatements } from '../resolve/returns.js';

const STATUS_SETTERS = new Set(['code', 'status']);
export const FASTIFY_HEADER_SETTERS = new Set(headerSetters.fastify);

function callsOf(usage: Usage): ChainCall[] {
  return usage.call && usage.path.length === 1 ? [{ name: usage.path[0], call: usage.call }, ...usage.chain] : [];
}

function isStandaloneSetter(usage: Usage): boolean {
  const calls = callsOf(usage);
  return calls.some((call) => STATUS_SETTERS.has(call.name)) && !calls.some((call) => call.name === 'send');
}

/** Return statements of the handler itself (not of nested functions). */
export function fastifyDrafts(context: FileContext, role: Role, usages: readonly Usage[]): Draft[] {
  const drafts: Draft[] = [];
  const reply = (usage: Usage): string => context.sourceCode.getText(usage.identifier);
  const setters = usages.filter(isStandaloneSetter);
  const style = preferredStyle(context);
  for (const usage of usages) {
    const calls = callsOf(usage);
    if (calls.length === 0) continue;
    const statusIndex = calls.findIndex((call) => STATUS_SETTERS.has(call.name));
    const sendIndex = calls.findIndex((call) => call.name === 'send');
    const outer = calls[calls.length - 1].call;
    const sensible = sensibleMethodStatuses[calls[0].name];
    if (sensible !== undefined && Object.prototype.hasOwnProperty.call(sensibleMethodStatuses, calls[0].name)) {
      const message = calls[0].call.arguments[0];
      drafts.push({
        producer: 'fastify',
        anchor: calls[0].call,
        knownStatus: { status: sensible, text: `${reply(usage)}.${calls[0].name}()`, node: (calls[0].call.callee as TSESTree.MemberExpression).property },
        messageNodes: message && message.type !== AST_NODE_TYPES.SpreadElement ? [message] : [],
        role,
        replaceStatus: (status) => {
          const name = Object.keys(sensibleMethodStatuses).find((key) => sensibleMethodStatuses[key] === status);
          const property = (calls[0].call.callee as TSESTree.MemberExpression).property;
          return name ? { text: `${reply(usage)}.${name}()`, fix: (fixer) => fixer.replaceText(property, name) } : undefined;
        },
        addRetryAfter: () => {
          const fix = insertStatementBefore(context, calls[0].call, `${reply(usage)}.header('Retry-After', ${retryAfterValue(context, calls[0].call)});`);
          return fix ? { text: `${reply(usage)}.header('Retry-After', ...)`, fix } : undefined;
        },
      });
      continue;
    }
    if (statusIndex >= 0) {
      const statusCall = calls[statusIndex];
      const statusNode = statusCall.call.arguments[0];
      if (!statusNode || statusNode.type === AST_NODE_TYPES.SpreadElement) continue;
      let bodyNode: TSESTree.Node | undefined = sendIndex > statusIndex ? calls[sendIndex].call.arguments[0] : undefined;
      const standalone = sendIndex < 0;
      if (standalone) {
        const statement = enclosingStatement(statusCall.call);
        const later = statement ? laterUsage(statement, usages, (item) => item.path.length === 1 && item.path[0] === 'send') : undefined;
        bodyNode = later?.call?.arguments[0];
        if (!later && statement) {
          // `reply.code(401); return { error: '...' }`: the returned value is the body.
          const block = statement.parent as TSESTree.BlockStatement | undefined;
          const next = block?.body?.[block.body.indexOf(statement as TSESTree.Statement) + 1];
          if (next?.type === AST_NODE_TYPES.ReturnStatement && next.argument) bodyNode = next.argument;
        }
      }
      drafts.push({
        producer: 'fastify',
        anchor: outer,
        statusNode,
        bodyNode: bodyNode && bodyNode.type !== AST_NODE_TYPES.SpreadElement ? bodyNode : undefined,
        role,
        setsLater: standalone,
        addRetryAfter: () => ({ text: `${reply(usage)}.header('Retry-After', ...)`, fix: (fixer) => fixer.insertTextAfter(statusCall.call, `.header('Retry-After', ${retryAfterValue(context, statusCall.call)})`) }),
      });
      continue;
    }
    if (sendIndex >= 0 && calls.slice(0, sendIndex).every((call) => FASTIFY_HEADER_SETTERS.has(call.name) || call.name === 'type')) {
      const send = calls[sendIndex].call;
      const body = send.arguments[0];
      if (!body || body.type === AST_NODE_TYPES.SpreadElement) continue;
      if (setters.some((setter) => setterReaches(setter.call!, send))) continue;
      drafts.push({
        producer: 'fastify',
        anchor: send,
        ...IMPLICIT_SUCCESS,
        bodyNode: body,
        role,
        replaceStatus: chainedStatusFix(context, usage.identifier, 'code'),
      });
    }
  }
  // Async handlers answer with what they return.
  if (role.helperCalls.length === 0 && role.fn.body.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of returnStatements(context, role.fn)) {
      const argument = statement.argument;
      if (!argument || (argument.type !== AST_NODE_TYPES.ObjectExpression && staticText(context, argument) === undefined)) continue;
      if (setters.some((setter) => setterReaches(setter.call!, statement))) continue;
      const identifier = usages[0]?.identifier;
      drafts.push({
        producer: 'fastify',
        anchor: argument,
        ...IMPLICIT_SUCCESS,
        bodyNode: argument,
        role,
        replaceStatus: (status) => {
          if (!identifier) return undefined;
          const text = writeStatus(style, status);
          const fix = insertStatementBefore(context, statement, `${context.sourceCode.getText(identifier)}.code(${text});`);
          return fix ? { text: `${context.sourceCode.getText(identifier)}.code(${text})`, fix } : undefined;
        },
      });
    }
  }
  return drafts;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

/**
 * Is this function a Fastify route handler: the last argument of `app.get(url, [options], handler)`, or the
 * `handler` of `app.route({ method, url, handler })` / `app.get(url, { handler })`?
 */
function isRouteHandler(context: FileContext, fn: FunctionNode): boolean {
  // `async () => ...`, `async (request) => ...`, `(req: FastifyRequest<...>) => ...`: not a callback of something else.
  const first = fn.params[0] ? parameterIdentifier(fn.params[0]) : undefined;
  if (fn.params[0] && !(first && (/^_?(?:req|request)$/i.test(first.name) || /Request\b/.test(first.typeAnnotation ? context.sourceCode.getText(first.typeAnnotation) : '')))) return false;
  let node: TSESTree.Node = fn;
  let parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn && keyName(parent) === 'handler') {
    node = parent.parent;
    parent = node.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(parent.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  if (method === 'route') return node !== fn && node.type === AST_NODE_TYPES.ObjectExpression && node.properties.some((item) => item.type === AST_NODE_TYPES.Property && keyName(item) === 'url');
  if (!method || !ROUTE_METHODS.has(method)) return false;
  const url = parent.arguments[0];
  return url !== undefined && url !== node && url.type !== AST_NODE_TYPES.SpreadElement && staticText(context, url) !== undefined && parent.arguments[parent.arguments.length - 1] === node;
}

/**
 * Fastify handlers that take no `reply` (`async (request) => ...`) answer with what they return: a 200 unless a
 * hook or the route's options say otherwise. Handlers with a reply are read with it, in `fastifyDrafts`.
 */
export function fastifyReturnDrafts(context: FileContext, functions: readonly FunctionNode[], roles: ReadonlyMap<Variable, Role>): Draft[] {
  if (!context.imports.importsAny(frameworkModules.fastify)) return [];
  const withReply = new Set([...roles.values()].map((role) => role.fn));
  const drafts: Draft[] = [];
  for (const fn of functions) {
    if (withReply.has(fn) || fn.params.length > 1 || !isRouteHandler(context, fn)) continue;
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnStatements(context, fn).map((statement) => statement.argument) : [fn.body];
    for (const argument of returned) {
      if (!argument) continue;
      if (argument.type !== AST_NODE_TYPES.ObjectExpression && staticText(context, argument) === undefined) continue;
      // Without a reply there is no status to set in place: the fix is the handler's to make.
      drafts.push({ producer: 'fastify', anchor: argument, ...IMPLICIT_SUCCESS, bodyNode: argument, boundary: fn, replaceStatus: () => undefined });
    }
  }
  return drafts;
}
