// What a function returns: its `return` statements (not those of functions nested in it), or an arrow's expression.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, unwrap, type FileContext, type FunctionNode } from './values.js';
import { walk } from './walk.js';

export function returnStatements(context: FileContext, fn: TSESTree.Node & { body: TSESTree.Node }): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  walk(context, fn.body, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) found.push(node);
    return undefined;
  });
  return found;
}

/**
 * The values a function returns: each `return`'s argument, or the body of an expression-bodied arrow, without what
 * only types them (`return { success: false } satisfies ActionData`, `{ status: 400, body } as const`).
 */
export function returnedValues(context: FileContext, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [unwrap(fn.body)];
  return returnStatements(context, fn).flatMap((statement) => (statement.argument ? [unwrap(statement.argument)] : []));
}
