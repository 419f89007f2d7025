// ts-rest routers (`@ts-rest/express`, `/nest`, `/next`, `/fastify`, `/serverless`): a handler answers by returning
// `{ status: 401, body }`; the status is the property, the body beside it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { keyName, type FileContext, type FunctionNode, objectProperty } from '../resolve/values.js';
import { returnedValues } from '../resolve/returns.js';
import type { Draft } from '../sites.js';

const MODULES = ['@ts-rest/core', '@ts-rest/express', '@ts-rest/nest', '@ts-rest/next', '@ts-rest/fastify', '@ts-rest/serverless', '@ts-rest/open-api'];

export function tsRestReturnDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  if (!context.imports.importsAny(MODULES)) return [];
  const drafts: Draft[] = [];
  for (const fn of functions) {
    for (const value of returnedValues(context, fn)) {
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const status = objectProperty(value, 'status');
      const body = objectProperty(value, 'body');
      if (!status || !body || value.properties.some((item) => item.type === AST_NODE_TYPES.Property && !['status', 'body', 'headers'].includes(keyName(item) ?? ''))) continue;
      const headers = objectProperty(value, 'headers');
      drafts.push({ producer: 'ts-rest', anchor: value, statusNode: status.value, bodyNode: body.value, headerNodes: headers ? [headers.value] : [], boundary: fn });
    }
  }
  return drafts;
}
