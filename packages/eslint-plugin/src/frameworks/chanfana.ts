// chanfana's OpenAPI routes (Hono, itty-router and Workers servers): `class SendEmail extends OpenAPIRoute { async
// handle(c) { ... } }`. What `handle` returns as a plain object goes out as JSON with 200; a `Response` it returns is
// read with the fetch responses.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { returnedValues } from '../resolve/returns.js';
import type { FileContext, FunctionNode } from '../resolve/values.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

const CHANFANA_MODULES = ['chanfana', '@cloudflare/itty-router-openapi'];
const ROUTE_CLASSES = ['OpenAPIRoute'];

/** Is this the `handle` method of a class that extends chanfana's `OpenAPIRoute`? */
function isRouteHandle(context: FileContext, fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method' || method.key.type !== AST_NODE_TYPES.Identifier || method.key.name !== 'handle') return false;
  const owner = method.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  const base = owner.superClass;
  return base?.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(base.name, CHANFANA_MODULES, ROUTE_CLASSES);
}

export function chanfanaReturnDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  if (!context.imports.importsAny(CHANFANA_MODULES)) return [];
  const drafts: Draft[] = [];
  for (const fn of functions) {
    if (!isRouteHandle(context, fn)) continue;
    for (const value of returnedValues(context, fn)) {
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      // chanfana sets the status: a fix is a `Response` with another one, not an edit in place.
      drafts.push({ producer: 'chanfana', anchor: value, ...IMPLICIT_SUCCESS, bodyNode: value, boundary: fn, replaceStatus: () => undefined });
    }
  }
  return drafts;
}
