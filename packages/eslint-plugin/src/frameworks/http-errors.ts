// http-errors: `createError(401, msg)`, `createError.Unauthorized(msg)`, `new createError.NotFound()`; `fastify.httpErrors.forbidden()`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { frameworkModules, httpErrorNameStatuses, nameForStatus, sensibleMethodStatuses } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { addProperty, retryAfterValue } from '../resolve/edits.js';
import { resolveStatus } from '../resolve/status.js';
import { followBinding, keyName, memberPath, NO_BINDINGS, propertyName, staticText, unwrap, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

function headersOfProps(props: TSESTree.Node | undefined): TSESTree.Node[] {
  if (props?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const headers = props.properties.find((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'headers');
  return headers?.type === AST_NODE_TYPES.Property ? [headers.value] : [];
}

export function httpErrorsDraft(context: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const callee = unwrap(node.callee);
  const fromHttpErrors = (identifier: TSESTree.Node): boolean => identifier.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(identifier.name, frameworkModules['http-errors'], ['default', '*']);
  if (fromHttpErrors(callee)) {
    let statusNode: TSESTree.Node | undefined;
    let message: TSESTree.Node | undefined;
    let props: TSESTree.Node | undefined;
    for (const argument of node.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const value = followBinding(context, argument, NO_BINDINGS);
      if (!statusNode && resolveStatus(context, argument)) statusNode = argument;
      else if (!message && staticText(context, argument) !== undefined) message = argument;
      else if (!props && value.type === AST_NODE_TYPES.ObjectExpression) props = value;
    }
    if (!statusNode) return undefined;
    return {
      producer: 'http-errors',
      anchor: node,
      statusNode,
      messageNodes: message ? [message] : [],
      headerNodes: headersOfProps(props),
      headersUnknown: node.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && followBinding(context, argument, NO_BINDINGS).type === AST_NODE_TYPES.Identifier),
      boundary,
      role,
      addRetryAfter: () => {
        if (props && props === node.arguments.find((argument) => argument === props)) {
          const fix = addProperty(context, props, 'headers', `{ 'Retry-After': ${retryAfterValue(context, props)} }`);
          return fix ? { text: "headers: { 'Retry-After': ... }", fix } : undefined;
        }
        if (props) return undefined;
        const last = node.arguments[node.arguments.length - 1];
        return { text: "headers: { 'Retry-After': ... }", fix: (fixer) => fixer.insertTextAfter(last, `, { headers: { 'Retry-After': ${retryAfterValue(context, last)} } }`) };
      },
    };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(callee);
  if (name === undefined) return undefined;
  const message = node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? [node.arguments[0]] : [];
  // Both name their status by a method or class name from a table, and the fix picks another name from it.
  const named = (producer: string, table: Readonly<Record<string, number>>, objectText: string): Draft => ({
    producer,
    anchor: node,
    knownStatus: { status: table[name], text: context.sourceCode.getText(callee), node: callee.property },
    messageNodes: message,
    boundary,
    role,
    replaceStatus: (status) => {
      const replacement = nameForStatus(table, status);
      return replacement ? { text: `${objectText}.${replacement}`, fix: (fixer) => fixer.replaceText(callee.property, replacement) } : undefined;
    },
  });
  if (fromHttpErrors(unwrap(callee.object)) && Object.prototype.hasOwnProperty.call(httpErrorNameStatuses, name)) {
    return named('http-errors', httpErrorNameStatuses, context.sourceCode.getText(callee.object));
  }
  // @fastify/sensible: `fastify.httpErrors.unauthorized()`.
  const objectPath = memberPath(callee.object);
  if (objectPath?.endsWith('httpErrors') && context.imports.importsAny(frameworkModules.fastify) && Object.prototype.hasOwnProperty.call(sensibleMethodStatuses, name)) {
    return named('fastify', sensibleMethodStatuses, objectPath);
  }
  return undefined;
}
