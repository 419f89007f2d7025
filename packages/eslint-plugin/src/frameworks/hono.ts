// Hono: `c.json(body, n, headers)`, `c.text(t, n)`, `c.status(n)`, `c.header(...)`, implicit 200s, `new HTTPException(n, { message })`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { honoContextMethods, honoDefaultStatusSends } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { addProperty, retryAfterValue } from '../resolve/edits.js';
import { preferredStyle, writeStatus } from '../resolve/status.js';
import { setterReaches, type Usage } from '../resolve/usage.js';
import { followBinding, isFunction, keyName, NO_BINDINGS, type FileContext, type FunctionNode, objectProperty } from '../resolve/values.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

const SENDERS = new Map(honoContextMethods.filter((method) => method.sends).map((method) => [method.name, method]));

/** Is this call an argument (at any depth, within its statement) of a construction such as `new HTTPException(...)`? */
function builtForConstruction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && !current.type.endsWith('Statement') && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.NewExpression) return true;
  }
  return false;
}

export function honoDrafts(context: FileContext, role: Role, usages: readonly Usage[]): Draft[] {
  const drafts: Draft[] = [];
  const c = (usage: Usage): string => context.sourceCode.getText(usage.identifier);
  const setters = usages.filter((usage) => usage.call && usage.path.length === 1 && usage.path[0] === 'status');
  const style = preferredStyle(context);
  for (const usage of usages) {
    if (!usage.call || usage.path.length !== 1) continue;
    const fixed = Object.prototype.hasOwnProperty.call(honoDefaultStatusSends, usage.path[0]) ? honoDefaultStatusSends[usage.path[0]] : undefined;
    if (fixed) {
      // `c.notFound()`, `c.redirect(url)`: no body of ours, a status of the framework's (or the one given).
      const given = fixed.statusArgument !== undefined ? usage.call.arguments[fixed.statusArgument] : undefined;
      drafts.push(given && given.type !== AST_NODE_TYPES.SpreadElement ? { producer: 'hono', anchor: usage.call, statusNode: given, role } : { producer: 'hono', anchor: usage.call, knownStatus: { status: fixed.status, text: `${c(usage)}.${usage.path[0]}()` }, implicit: true, role, replaceStatus: () => undefined });
      continue;
    }
    const method = SENDERS.get(usage.path[0]);
    if (!method) continue;
    const call = usage.call;
    // `new HTTPException(409, { res: c.json({ error }) })`: a response built for the exception, sent with its status.
    if (builtForConstruction(call)) continue;
    const args = call.arguments;
    const body = args[method.bodyArgument ?? 0];
    const second = args[1];
    const third = args[2];
    const init = second ? followBinding(context, second, NO_BINDINGS) : undefined;
    let statusNode: TSESTree.Node | undefined;
    const headerNodes: TSESTree.Node[] = [];
    if (init?.type === AST_NODE_TYPES.ObjectExpression) {
      statusNode = objectProperty(init, 'status')?.value;
      const headers = objectProperty(init, 'headers');
      if (headers) headerNodes.push(headers.value);
    } else if (second && second.type !== AST_NODE_TYPES.SpreadElement) {
      statusNode = second;
      if (third && third.type !== AST_NODE_TYPES.SpreadElement) headerNodes.push(third);
    }
    const bodyNode = body && body.type !== AST_NODE_TYPES.SpreadElement ? body : undefined;
    const addRetryAfter: Draft['addRetryAfter'] = () => {
      if (init?.type === AST_NODE_TYPES.ObjectExpression && init === second) {
        const headers = objectProperty(init, 'headers');
        const fix = headers ? addProperty(context, headers.value, "'Retry-After'", retryAfterValue(context, init)) : addProperty(context, init, 'headers', `{ 'Retry-After': ${retryAfterValue(context, init)} }`);
        return fix ? { text: "headers: { 'Retry-After': ... }", fix } : undefined;
      }
      if (third) {
        const fix = addProperty(context, third, "'Retry-After'", retryAfterValue(context, third));
        return fix ? { text: "headers: { 'Retry-After': ... }", fix } : undefined;
      }
      if (second) return { text: "headers: { 'Retry-After': ... }", fix: (fixer) => fixer.insertTextAfter(second, `, { 'Retry-After': ${retryAfterValue(context, second)} }`) };
      return undefined;
    };
    if (statusNode) {
      drafts.push({ producer: 'hono', anchor: call, statusNode, bodyNode, headerNodes, role, addRetryAfter });
      continue;
    }
    const setter = setters.filter((item) => setterReaches(item.call!, call)).pop();
    if (setter) {
      const node = setter.call!.arguments[0];
      if (node && node.type !== AST_NODE_TYPES.SpreadElement && setters.filter((item) => setterReaches(item.call!, call)).length === 1) {
        drafts.push({ producer: 'hono', anchor: call, statusNode: node, bodyNode, headerNodes, role, setsLater: true });
      }
      continue;
    }
    if (!bodyNode || usage.path[0] === 'body' || usage.path[0] === 'newResponse') continue;
    drafts.push({
      producer: 'hono',
      anchor: call,
      ...IMPLICIT_SUCCESS,
      bodyNode,
      headerNodes,
      role,
      replaceStatus: (status) => {
        const text = writeStatus(style, status);
        if (init?.type === AST_NODE_TYPES.ObjectExpression && init === second) {
          const fix = addProperty(context, init, 'status', text);
          return fix ? { text: `${c(usage)}.${usage.path[0]}(..., { status: ${text} })`, fix } : undefined;
        }
        if (second) return undefined;
        return { text: `${c(usage)}.${usage.path[0]}(..., ${text})`, fix: (fixer) => fixer.insertTextAfter(bodyNode, `, ${text}`) };
      },
    });
  }
  return drafts;
}

/** `new HTTPException(401, { message })` from `hono/http-exception`. */
export function honoExceptionDraft(context: FileContext, node: TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const statusNode = node.arguments[0];
  if (!statusNode || statusNode.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const options = node.arguments[1] ? followBinding(context, node.arguments[1], NO_BINDINGS) : undefined;
  const message = options?.type === AST_NODE_TYPES.ObjectExpression ? objectProperty(options, 'message')?.value : undefined;
  const response = options?.type === AST_NODE_TYPES.ObjectExpression ? objectProperty(options, 'res')?.value : undefined;
  const hasResponse = response !== undefined;
  // `{ res: c.json({ error: 'Tag already exists' }) }`: the words of the response it carries are the exception's.
  const carried: TSESTree.Node[] = [];
  const built = response ? followBinding(context, response, NO_BINDINGS) : undefined;
  if (built?.type === AST_NODE_TYPES.CallExpression && built.arguments[0] && built.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    const body = followBinding(context, built.arguments[0], NO_BINDINGS);
    if (body.type === AST_NODE_TYPES.ObjectExpression) {
      for (const name of ['error', 'message', 'detail', 'reason']) {
        const value = objectProperty(body, name)?.value;
        if (value) carried.push(value);
      }
    } else carried.push(body);
  }
  return {
    producer: 'hono',
    anchor: node,
    statusNode,
    messageNodes: [...(message ? [message] : []), ...carried],
    boundary,
    role,
    headersUnknown: hasResponse || (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression),
  };
}
