// Fetch responses: `new Response(body, { status, headers })`, `Response.json(...)`, Next.js `NextResponse.json(...)`,
// and Remix's `json(body, init)`.
import { frameworkModules, remixResponseFunctions, svelteKitModules, svelteKitResponseFunctions } from '@status-lint/core';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../resolve/handlers.js';
import { addProperty, retryAfterValue } from '../resolve/edits.js';
import { mergeHeaders, headersOfSetterCall, type HeaderNames } from '../resolve/headers.js';
import { preferredStyle, resolveStatus, writeStatus } from '../resolve/status.js';
import { followBinding, isGlobalName, keyName, NO_BINDINGS, propertyName, unwrap, variableOf, type FileContext, type FunctionNode, objectProperty } from '../resolve/values.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

/** Which constructor this is: the global `Response`, or `NextResponse` from `next/server`. */
function responseClass(context: FileContext, node: TSESTree.Node): 'fetch' | 'nextjs' | 'remix' | undefined {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (current.name === 'Response' && isGlobalName(context, current)) return 'fetch';
  if (context.imports.isFrom(current.name, ['next/server'], ['NextResponse'])) return 'nextjs';
  return undefined;
}

/** Headers set on the response object after it was made: `response.headers.set('Retry-After', '60')`. */
function headersSetLater(context: FileContext, node: TSESTree.Node): HeaderNames | undefined {
  const declarator = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent.parent : node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, declarator.id);
  if (!variable) return undefined;
  const parts: HeaderNames[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Identifier)) parts.push({ names: [], complete: false });
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || propertyName(parent) !== 'headers') continue;
    const setter = parent.parent;
    if (setter?.type === AST_NODE_TYPES.MemberExpression && ['set', 'append'].includes(propertyName(setter) ?? '') && setter.parent?.type === AST_NODE_TYPES.CallExpression) {
      parts.push(headersOfSetterCall(context, setter.parent));
    }
  }
  return mergeHeaders(...parts);
}

export function fetchResponseDraft(context: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  // SvelteKit's `fail(400, { message })` in a form action: the action's answer, with that status and its data.
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(node.callee.name, svelteKitModules, ['fail'])) {
    const [status, data] = node.arguments;
    if (!status || status.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return { producer: 'sveltekit', anchor: node, statusNode: status, bodyNode: data && data.type !== AST_NODE_TYPES.SpreadElement ? data : undefined, headerNodes: [], boundary, role };
  }
  let kind: 'fetch' | 'nextjs' | 'remix' | 'sveltekit' | undefined;
  let method: string | undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) kind = responseClass(context, node.callee);
  else {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(callee.name, frameworkModules.remix, remixResponseFunctions)) kind = 'remix';
    else if (callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(callee.name, svelteKitModules, svelteKitResponseFunctions)) kind = 'sveltekit';
    else if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    else {
      method = propertyName(callee);
      if (method !== 'json') return undefined;
      kind = responseClass(context, callee.object);
    }
  }
  if (!kind) return undefined;
  const body = node.arguments[0];
  const initArgument = node.arguments[1];
  const init = initArgument && initArgument.type !== AST_NODE_TYPES.SpreadElement ? followBinding(context, initArgument, NO_BINDINGS) : undefined;
  const bodyNode = body && body.type !== AST_NODE_TYPES.SpreadElement ? body : undefined;
  let statusNode: TSESTree.Node | undefined;
  const headerNodes: TSESTree.Node[] = [];
  let headersUnknown = false;
  if (init?.type === AST_NODE_TYPES.ObjectExpression) {
    statusNode = objectProperty(init, 'status')?.value;
    const headers = objectProperty(init, 'headers');
    if (headers) headerNodes.push(headers.value);
    if (init.properties.some((item) => item.type === AST_NODE_TYPES.SpreadElement)) headersUnknown = true;
  } else if (kind === 'remix' && init && resolveStatus(context, init)) {
    // Remix's `json(body, 401)`: the status alone.
    statusNode = init;
  } else if (init) {
    return undefined;
  }
  const later = headersSetLater(context, node);
  const producer = kind;
  const inlineInit = init !== undefined && init === initArgument;
  const addRetryAfter: Draft['addRetryAfter'] = () => {
    if (!inlineInit || init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const headers = objectProperty(init, 'headers');
    const fix = headers ? addProperty(context, headers.value, "'Retry-After'", retryAfterValue(context, init)) : addProperty(context, init, 'headers', `{ 'Retry-After': ${retryAfterValue(context, init)} }`);
    return fix ? { text: "headers: { 'Retry-After': ... }", fix } : undefined;
  };
  if (statusNode) {
    return { producer, anchor: node, statusNode, bodyNode, headerNodes, headerNames: later, headersUnknown, boundary, role, addRetryAfter };
  }
  if (!bodyNode) return undefined;
  const style = preferredStyle(context);
  return {
    producer,
    anchor: node,
    ...IMPLICIT_SUCCESS,
    bodyNode,
    headerNodes,
    headerNames: later,
    boundary,
    role,
    replaceStatus: (status) => {
      const text = writeStatus(style, status);
      if (inlineInit && init?.type === AST_NODE_TYPES.ObjectExpression) {
        const fix = addProperty(context, init, 'status', text);
        return fix ? { text: `{ status: ${text} }`, fix } : undefined;
      }
      if (init) return undefined;
      return { text: `{ status: ${text} }`, fix: (fixer) => fixer.insertTextAfter(bodyNode, `, { status: ${text} }`) };
    },
  };
}
