// Headers set on the way to a response: names from arguments, header objects, `new Headers(...)`, and what cannot be known.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { followBinding, keyName, localFunction, memberPath, NO_BINDINGS, propertyName, staticText, unwrap, variableOf, type Bindings, type FileContext, type FunctionNode } from './values.js';
import { contains, walk } from './walk.js';

export interface HeaderNames {
  readonly names: readonly string[];
  /** False when some header could not be read (a spread, a variable, a computed name). */
  readonly complete: boolean;
}

export const NO_HEADERS: HeaderNames = { names: [], complete: true };

export function mergeHeaders(...parts: readonly HeaderNames[]): HeaderNames {
  return { names: [...new Set(parts.flatMap((part) => part.names))], complete: parts.every((part) => part.complete) };
}

/**
 * What is done to a headers value held in a name, before `use`: `headers.set('Retry-After', ...)`,
 * `headers['Retry-After'] = ...`, `Object.assign(headers, ...)`. A use we cannot read (passed to a call) makes it incomplete.
 */
function headersAddedTo(context: FileContext, identifier: TSESTree.Identifier, use: TSESTree.Node): HeaderNames {
  const variable = variableOf(context, identifier);
  if (!variable) return NO_HEADERS;
  const parts: HeaderNames[] = [];
  for (const reference of variable.references) {
    const node = reference.identifier as TSESTree.Node;
    if (reference.init || node.range[0] >= use.range[0] || contains(use, node)) continue;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const outer = parent.parent;
      const method = propertyName(parent);
      if (outer?.type === AST_NODE_TYPES.CallExpression && outer.callee === parent) {
        if (method === 'set' || method === 'append') parts.push(headersOfSetterCall(context, outer));
        else if (method !== 'get' && method !== 'has' && method !== 'forEach' && method !== 'entries' && method !== 'keys' && method !== 'values') parts.push({ names: [], complete: false });
      } else if (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) {
        const name = parent.computed ? staticText(context, parent.property) : propertyName(parent);
        parts.push(name !== undefined ? { names: [name], complete: true } : { names: [], complete: false });
      }
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      // `Object.assign(headers, extra)` adds what `extra` holds; a helper of the file (`addRateLimitHeaders(headers)`)
      // may add anything. Handing the object to a response (`res.writeHead(200, headers)`) only reads it.
      const extra = memberPath(parent.callee) === 'Object.assign' && parent.arguments[0] === node ? parent.arguments.slice(1) : undefined;
      if (extra) parts.push(...extra.map((item) => (item.type === AST_NODE_TYPES.SpreadElement ? { names: [], complete: false } : headersOfObject(context, item))));
      else if (localFunction(context, parent.callee)) parts.push({ names: [], complete: false });
    }
  }
  return mergeHeaders(...parts);
}

/** Header names of a headers value: `{ 'Retry-After': '60' }`, `new Headers({...})`, `[['Retry-After', '60']]`, a constant and what is added to it. */
export function headersOfObject(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS): HeaderNames {
  const named = unwrap(node);
  if (named.type === AST_NODE_TYPES.Identifier && named.name !== 'undefined') {
    const value = followBinding(context, named, bindings);
    if (value !== named) return mergeHeaders(headersOfValue(context, value, bindings), headersAddedTo(context, named, node));
  }
  return headersOfValue(context, node, bindings);
}

function headersOfValue(context: FileContext, node: TSESTree.Node, bindings: Bindings): HeaderNames {
  const current = followBinding(context, node, bindings);
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    const names: string[] = [];
    let complete = true;
    for (const property of current.properties) {
      if (property.type !== AST_NODE_TYPES.Property) {
        complete = false;
        continue;
      }
      const name = property.computed ? staticText(context, property.key, bindings) : keyName(property);
      if (name === undefined) complete = false;
      else names.push(name);
    }
    return { names, complete };
  }
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'Headers') {
    return current.arguments[0] ? headersOfObject(context, current.arguments[0], bindings) : NO_HEADERS;
  }
  if (current.type === AST_NODE_TYPES.ArrayExpression) {
    const names: string[] = [];
    let complete = true;
    for (const element of current.elements) {
      const pair = element ? unwrap(element) : undefined;
      const first = pair?.type === AST_NODE_TYPES.ArrayExpression ? pair.elements[0] : undefined;
      const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticText(context, first, bindings) : undefined;
      if (name === undefined) complete = false;
      else names.push(name);
    }
    return { names, complete };
  }
  if (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') return NO_HEADERS;
  return { names: [], complete: false };
}

/** Header names set by a call such as `res.set(name, value)` or `res.set({ ... })`. */
export function headersOfSetterCall(context: FileContext, call: TSESTree.CallExpression, bindings: Bindings = NO_BINDINGS): HeaderNames {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return { names: [], complete: false };
  if (call.arguments.length >= 2) {
    const name = staticText(context, first, bindings);
    return name !== undefined ? { names: [name], complete: true } : { names: [], complete: false };
  }
  return headersOfObject(context, first, bindings);
}

/** Is this header name `Retry-After`, in any case? */
export function isRetryAfter(name: string): boolean {
  return name.trim().toLowerCase() === 'retry-after';
}

/**
 * A headers object with `Retry-After` that the function assigns to a name before this point: `headers = {
 * 'Retry-After': reset.toString(), ... }; if (!success) throw new ApiError({ code: 'rate_limit_exceeded' })`, where
 * the function's catch hands those headers to the error response it makes. The 429 thrown after it carries them.
 */
export function retryAfterHeldBefore(context: FileContext, fn: FunctionNode | undefined, anchor: TSESTree.Node): boolean {
  if (!fn) return false;
  let found = false;
  walk(context, fn.body, (node) => {
    if (found || node.range[0] >= anchor.range[0]) return false;
    const assigned = node.type === AST_NODE_TYPES.AssignmentExpression ? node.right : node.type === AST_NODE_TYPES.VariableDeclarator ? node.init : undefined;
    const value = assigned ? unwrap(assigned) : undefined;
    if (value?.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((property) => property.type === AST_NODE_TYPES.Property && isRetryAfter(keyName(property) ?? ''))) found = true;
    return undefined;
  });
  return found;
}
