// The application's own HTTP errors: `throw new ApiError(httpStatus.FORBIDDEN, 'msg')`, `next(new AppError('msg', 401))`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { builtInErrorClasses, frameworkModules } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { resolveStatus } from '../resolve/status.js';
import { staticText, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
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
