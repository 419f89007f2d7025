// The application's own HTTP errors: `throw new ApiError(httpStatus.FORBIDDEN, 'msg')`, `next(new AppError('msg', 401))`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { builtInErrorClasses, frameworkModules } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { resolveStatus } from '../resolve/status.js';
import { propertyName, staticText, unwrap, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

const KNOWN_MODULES = [...frameworkModules.nestjs, ...frameworkModules['http-errors'], ...frameworkModules.boom, ...frameworkModules.hono];

export function customErrorDraft(context: FileContext, node: TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !/[a-z0-9](?:Error|Exception)$/.test(callee.name) || builtInErrorClasses.includes(callee.name)) return undefined;
  if (context.imports.isFrom(callee.name, KNOWN_MODULES)) return undefined;
  // Declared in the file, or imported: never a global we know nothing of.
  const variable = variableOf(context, callee);
  if (!variable || variable.defs.length === 0) return undefined;
  let statusNode: TSESTree.Node | undefined;
  let message: TSESTree.Node | undefined;
  for (const argument of node.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const resolved = !statusNode ? resolveStatus(context, argument) : undefined;
    if (resolved && resolved.status >= 400) statusNode = argument;
    else if (!message && staticText(context, argument) !== undefined) message = argument;
  }
  if (!statusNode) return undefined;
  return { producer: 'custom-error', anchor: node, statusNode, messageNodes: message ? [message] : [], boundary, role };
}

/** The fields of an error object that carry the status it is answered with. */
export const STATUS_FIELD = /^(?:status|statusCode)$/;

/**
 * An error made in the handler and given a status before it is handed on: `const err = new Error('Not allowed');
 * err.status = 403; next(err)` or `throw err`. The status is the last one written before it is handed on.
 */
export function errorGivenStatus(context: FileContext, error: TSESTree.Identifier, use: TSESTree.Node): { status: TSESTree.Node; message?: TSESTree.Node } | undefined {
  const variable = variableOf(context, error);
  const declarator = variable?.defs.length === 1 && variable.defs[0].type === 'Variable' ? (variable.defs[0].node as TSESTree.VariableDeclarator) : undefined;
  const made = declarator?.init ? unwrap(declarator.init) : undefined;
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier || !/Error$/.test(made.callee.name)) return undefined;
  let status: TSESTree.Node | undefined;
  for (const reference of variable!.references) {
    const member = reference.identifier.parent;
    const assignment = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
    if (!STATUS_FIELD.test(propertyName(member) ?? '') || assignment.range[1] > use.range[0]) continue;
    if (resolveStatus(context, assignment.right)) status = assignment.right;
  }
  const message = made.arguments[0] && made.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? made.arguments[0] : undefined;
  return status ? { status, ...(message ? { message } : {}) } : undefined;
}

/** `const err = new Error('Not allowed'); err.status = 403; throw err;` in a handler: thrown with that status. */
export function thrownErrorGivenStatusDraft(context: FileContext, node: TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const declarator = node.parent;
  if (!boundary || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, declarator.id);
  const thrown = variable?.references.map((reference) => reference.identifier.parent).find((parent): parent is TSESTree.ThrowStatement => parent?.type === AST_NODE_TYPES.ThrowStatement);
  const made = thrown ? errorGivenStatus(context, thrown.argument as TSESTree.Identifier, thrown) : undefined;
  return made && thrown ? { producer: 'custom-error', anchor: thrown, statusNode: made.status, messageNodes: made.message ? [made.message] : [], boundary, role } : undefined;
}
