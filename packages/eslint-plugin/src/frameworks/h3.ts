// h3 event handlers, the routes of Nuxt and Nitro servers (`export default defineEventHandler(async (event) => ...)`):
// what a handler returns goes out with 200 unless it sets another status; its errors go out through `createError`
// (read by the application model from core's table of status factories).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, keyName, propertyName, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import { returnedValues } from '../resolve/returns.js';
import { walk } from '../resolve/walk.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

const EVENT_HANDLER_FACTORIES = ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'defineNitroHandler'];
const H3_MODULES = ['h3', '#imports', 'nitropack/runtime', 'nitropack', '#app'];

/** A function of h3 by one of these names, imported or auto-imported (a Nuxt or Nitro server file names it without an import or a declaration). */
export function isH3Function(context: FileContext, callee: TSESTree.Node, names: readonly string[]): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier || !names.includes(callee.name)) return false;
  if (context.imports.binding(callee.name)) return context.imports.isFrom(callee.name, H3_MODULES);
  return variableOf(context, callee) === null;
}

function isEventHandlerFactory(context: FileContext, callee: TSESTree.Node): boolean {
  return isH3Function(context, callee, EVENT_HANDLER_FACTORIES);
}

/** The handler a factory is given: `defineEventHandler(fn)` or `defineEventHandler({ handler: fn, onRequest: [...] })`. */
function handlerOf(call: TSESTree.CallExpression): FunctionNode | undefined {
  const first = call.arguments[0];
  if (first && isFunction(first)) return first;
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of first.properties) {
    if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'handler' && isFunction(property.value)) return property.value;
  }
  return undefined;
}

/** A handler that sets its status itself (`setResponseStatus(event, 401)`, `event.node.res.statusCode = 400`): its returns are not all 200. */
function setsStatus(context: FileContext, fn: FunctionNode): boolean {
  let found = false;
  walk(context, fn.body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && /^(?:setResponseStatus|setStatus|sendError|sendRedirect|sendNoContent)$/.test(node.callee.name)) found = true;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && /^status(?:Code)?$/.test(propertyName(node.left) ?? '')) found = true;
    return undefined;
  });
  return found;
}

export function h3ReturnDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  if (!/\b(?:define|cached)?(?:Cached)?(?:Event|Nitro)Handler\s*\(/i.test(context.sourceCode.text)) return [];
  const drafts: Draft[] = [];
  for (const call of calls) {
    if (!isEventHandlerFactory(context, call.callee)) continue;
    const fn = handlerOf(call);
    if (!fn || setsStatus(context, fn)) continue;
    for (const argument of returnedValues(context, fn)) {
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      // The status is h3's to set: a fix is `setResponseStatus(event, s)` or a thrown `createError`, not an edit in place.
      drafts.push({ producer: 'h3', anchor: argument, ...IMPLICIT_SUCCESS, bodyNode: argument, boundary: fn, replaceStatus: () => undefined });
    }
  }
  return drafts;
}
