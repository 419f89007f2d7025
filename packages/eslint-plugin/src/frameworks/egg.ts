// Egg.js controllers of tegg (`@HTTPController()` classes, `@HTTPMethod({ method, path })` methods): what a method
// returns is the body, sent with 200 unless the method sets `ctx.status` itself (its sends are read as Koa's).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { frameworkModules } from '@status-lint/core';
import type { FileContext } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import type { Draft } from '../sites.js';
import { decoratorNames, returnedObjectDrafts } from './nest.js';

/** Does the method set a status anywhere (`ctx.status = 201`, `this.ctx.status = 400`)? Then its returns are not plain 200s. */
function setsStatus(context: FileContext, method: TSESTree.MethodDefinition): boolean {
  let found = false;
  walk(context, method.value, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && !node.left.computed && node.left.property.type === AST_NODE_TYPES.Identifier && node.left.property.name === 'status') found = true;
    return undefined;
  });
  return found;
}

export function eggReturnDrafts(context: FileContext, method: TSESTree.MethodDefinition): Draft[] {
  const route = decoratorNames(method).find((item) => context.imports.isFrom(item.name, frameworkModules.egg) && context.imports.binding(item.name)?.imported === 'HTTPMethod');
  if (!route || setsStatus(context, method)) return [];
  return returnedObjectDrafts(context, method, 'egg', 200, undefined);
}
