// hapi: route handlers in `server.route({ method, path, handler })` answer with what they return, or with `h.response(x).code(n)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { CAUGHT_ERROR_NAME, frameworkModules, hapiToolkit } from '@status-lint/core';
import { retryAfterValue } from '../resolve/edits.js';
import { headersOfSetterCall, mergeHeaders, type HeaderNames } from '../resolve/headers.js';
import { preferredStyle, writeStatus } from '../resolve/status.js';
import { usageOf, type ChainCall } from '../resolve/usage.js';
import { followBinding, isFunction, keyName, localFunction, NO_BINDINGS, parameterIdentifier, propertyName, staticText, unwrap, unwrapAwait, variableOf, type FileContext, type FunctionNode, objectProperty } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';
import { declaredRange } from '../app-model/package-manifests.js';

/** The handler of a route config: `handler`, or `options.handler` / `config.handler`; inline or a function of the file. */
function handlerOf(context: FileContext, config: TSESTree.ObjectExpression): FunctionNode | undefined {
  let value = objectProperty(config, hapiToolkit.handlerProperty)?.value;
  for (const name of hapiToolkit.optionsProperties) {
    if (value) break;
    const options = objectProperty(config, name)?.value;
    const object = options ? followBinding(context, options, NO_BINDINGS) : undefined;
    if (object?.type === AST_NODE_TYPES.ObjectExpression) value = objectProperty(object, hapiToolkit.handlerProperty)?.value;
  }
  if (!value) return undefined;
  const current = unwrap(value);
  if (isFunction(current)) return current;
  return localFunction(context, current);
}

/** Route configs handed to `server.route(...)`: one object, or an array of them, inline or in a constant. */
function routeConfigs(context: FileContext, call: TSESTree.CallExpression): TSESTree.ObjectExpression[] {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'route' || !call.arguments[0] || call.arguments[0].type === AST_NODE_TYPES.SpreadElement) return [];
  const argument = followBinding(context, call.arguments[0], NO_BINDINGS);
  const candidates = argument.type === AST_NODE_TYPES.ArrayExpression ? argument.elements : [argument];
  return candidates
    .map((item) => (item && item.type !== AST_NODE_TYPES.SpreadElement ? followBinding(context, item, NO_BINDINGS) : undefined))
    .filter((item): item is TSESTree.ObjectExpression => item?.type === AST_NODE_TYPES.ObjectExpression && objectProperty(item, 'path') !== undefined);
}

/** Return statements of the handler itself (not of nested functions), and an arrow's expression body. */
function returnedValues(context: FileContext, fn: FunctionNode): { value: TSESTree.Expression; statement?: TSESTree.ReturnStatement }[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [{ value: fn.body }];
  const found: { value: TSESTree.Expression; statement?: TSESTree.ReturnStatement }[] = [];
  walk(context, fn.body, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push({ value: node.argument, statement: node });
    return undefined;
  });
  return found;
}

/** What is done to a response made by `h.response(x)`: chained calls, or calls on the name it is kept in. */
function responseCalls(context: FileContext, call: TSESTree.CallExpression, chain: readonly ChainCall[]): { calls: ChainCall[]; complete: boolean } {
  const calls = [...chain];
  let complete = true;
  const declarator = unwrapAwait(call).parent;
  const holder = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === call && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id : undefined;
  const variable = holder ? variableOf(context, holder) : undefined;
  for (const reference of variable?.references ?? []) {
    if (reference.init) continue;
    const usage = usageOf(reference.identifier as TSESTree.Identifier);
    if (usage?.passedTo) complete = false;
    if (usage?.call && usage.path.length === 1) calls.push({ name: usage.path[0], call: usage.call }, ...usage.chain);
  }
  return { calls, complete };
}

function headerNamesOf(context: FileContext, calls: readonly ChainCall[], complete: boolean): HeaderNames {
  const parts = calls.filter((item) => item.name === hapiToolkit.headerMethod).map((item) => headersOfSetterCall(context, item.call));
  return mergeHeaders({ names: [], complete }, ...parts);
}

/**
 * `h.response(boom.boomify(err))`, `h.response(err)`: hapi answers an error handed to its toolkit as that error, with
 * the error's status (500 for one without), not as a 200 whose body is the error.
 */
function isErrorValue(context: FileContext, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.NewExpression) return value.callee.type === AST_NODE_TYPES.Identifier && /(?:Error|Exception)$/.test(value.callee.name);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(value.callee);
    const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
    return root.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(root.name, ['@hapi/boom', 'boom']);
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  // The parameter of a `catch` or of a promise's rejection handler.
  const definition = variableOf(context, value)?.defs[0];
  return definition?.type === 'CatchClause' || (definition?.type === 'Parameter' && CAUGHT_ERROR_NAME.test(value.name));
}

/** Drafts for one route handler: `h.response(x)` with its `.code(n)`, and bodies returned as they are. */
function handlerDrafts(context: FileContext, fn: FunctionNode): Draft[] {
  const drafts: Draft[] = [];
  const style = preferredStyle(context);
  const toolkit = fn.params[1] ? parameterIdentifier(fn.params[1]) : undefined;
  const variable = toolkit ? variableOf(context, toolkit) : undefined;
  const h = toolkit?.name;
  const made = new Set<TSESTree.Node>();
  for (const reference of variable?.references ?? []) {
    const usage = usageOf(reference.identifier as TSESTree.Identifier);
    if (!usage?.call || usage.path.length !== 1 || usage.path[0] !== hapiToolkit.responseMethod) continue;
    const call = usage.call;
    made.add(call);
    const body = call.arguments[0] && call.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? call.arguments[0] : undefined;
    const { calls, complete } = responseCalls(context, call, usage.chain);
    const codeCall = calls.filter((item) => item.name === hapiToolkit.statusMethod).pop();
    const statusNode = codeCall?.call.arguments[0];
    const headerNames = headerNamesOf(context, calls, complete);
    const after = codeCall?.call ?? call;
    const addRetryAfter: Draft['addRetryAfter'] = () => ({ text: `.header('Retry-After', ...)`, fix: (fixer) => fixer.insertTextAfter(after, `.header('Retry-After', ${retryAfterValue(context, after)})`) });
    if (statusNode && statusNode.type !== AST_NODE_TYPES.SpreadElement) {
      drafts.push({ producer: 'hapi', anchor: call, statusNode, bodyNode: body, headerNames, boundary: fn, addRetryAfter });
      continue;
    }
    if (!body || codeCall || isErrorValue(context, body)) continue;
    drafts.push({
      producer: 'hapi',
      anchor: call,
      ...IMPLICIT_SUCCESS,
      bodyNode: body,
      headerNames,
      boundary: fn,
      replaceStatus: (status) => {
        const text = writeStatus(style, status);
        return { text: `${h}.response(...).code(${text})`, fix: (fixer) => fixer.insertTextAfter(call, `.code(${text})`) };
      },
      addRetryAfter,
    });
  }
  for (const { value } of returnedValues(context, fn)) {
    const returned = unwrapAwait(value);
    if (made.has(returned) || (returned.type !== AST_NODE_TYPES.ObjectExpression && staticText(context, returned) === undefined)) continue;
    drafts.push({
      producer: 'hapi',
      anchor: value,
      ...IMPLICIT_SUCCESS,
      bodyNode: value,
      boundary: fn,
      replaceStatus: (status) => {
        if (!h) return undefined;
        const text = writeStatus(style, status);
        const source = context.sourceCode.getText(value);
        return { text: `${h}.response(...).code(${text})`, fix: (fixer) => fixer.replaceText(value, `${h}.response(${source}).code(${text})`) };
      },
    });
  }
  return drafts;
}

/** Every route of a hapi file: handlers registered with `server.route(...)`, and route configs kept for another file to register. */
export function hapiRouteDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  const imports = context.imports.importsAny(frameworkModules.hapi);
  const declared = !imports && frameworkModules.hapi.some((name) => declaredRange(context.filename, name) !== undefined);
  if (!imports && !declared) return [];
  const handlers = new Set<FunctionNode>();
  for (const call of calls) {
    for (const config of routeConfigs(context, call)) {
      const handler = handlerOf(context, config);
      if (handler) handlers.add(handler);
    }
  }
  for (const fn of controllerHandlers(context)) handlers.add(fn);
  return [...handlers].flatMap((fn) => handlerDrafts(context, fn));
}

/**
 * `const deployServiceController = { options: { auth, validate }, handler: async (request, h) => { ... } }`: a route's
 * config a routes file spreads into `server.route(...)`. Known by its `handler` handed hapi's toolkit, `h`.
 */
function controllerHandlers(context: FileContext): FunctionNode[] {
  const found: FunctionNode[] = [];
  walk(context, context.sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const value = objectProperty(node, hapiToolkit.handlerProperty)?.value;
    const handler = value ? unwrap(value) : undefined;
    const toolkit = handler && isFunction(handler) ? handler.params[1] : undefined;
    if (handler && isFunction(handler) && toolkit?.type === AST_NODE_TYPES.Identifier && toolkit.name === 'h') found.push(handler);
    return undefined;
  });
  return found;
}
