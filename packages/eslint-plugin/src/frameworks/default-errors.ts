// A plain `Error` thrown where a failure was found: `if (!response.ok) throw new Error('Cloudinary destroy failed')`,
// or `catch (e) { throw new Error('S3 upload failed') }`. It carries no status, and every server framework
// (Express 5, Koa, Fastify, NestJS, Hono, Next.js route handlers, tRPC) answers it with 500. Read as that 500 only
// on a failure path (a `catch`, or the branch of a check), so that the 500 rule can ask what failed there; a plain
// error thrown anywhere else (a guard on the server's own state) is the server's own failure and needs no reading.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../resolve/handlers.js';
import { enclosingCatch, isFunction, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

/** Is this node thrown (`throw new Error(...)`, `throw await ...` aside)? */
function isThrown(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Is the throw in the branch of an `if` (or the `catch`) of its own function, not merely somewhere in it? */
function onFailurePath(node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child) return true;
    if (parent.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** `throw new Error(msg)` on a failure path: the framework's default 500, with the error's words. */
export function plainErrorDraft(context: FileContext, node: TSESTree.NewExpression | TSESTree.CallExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Error') return undefined;
  if (!isThrown(node) || !onFailurePath(node)) return undefined;
  // The global `Error`, not a class of the same name the file declares or imports.
  const variable = variableOf(context, node.callee);
  if (variable && variable.defs.length > 0) return undefined;
  const message = node.arguments[0];
  return {
    producer: 'default-error',
    anchor: node,
    knownStatus: { status: 500, text: '500' },
    implicit: true,
    messageNodes: message && message.type !== AST_NODE_TYPES.SpreadElement ? [message] : [],
    boundary,
    role,
    inErrorHandler: enclosingCatch(node) !== undefined,
    replaceStatus: () => undefined,
  };
}
