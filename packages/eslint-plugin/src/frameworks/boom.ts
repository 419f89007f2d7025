// Boom: `Boom.unauthorized(msg)`, `Boom.tooManyRequests()`, `new Boom.Boom(msg, { statusCode })`, `Boom.boomify(err, { statusCode })`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { boomMethodForStatus, boomMethodStatuses, frameworkModules } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { type HeaderNames } from '../resolve/headers.js';
import { followBinding, keyName, NO_BINDINGS, propertyName, staticText, unwrap, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

const MODULES = frameworkModules.boom;

/** Headers set on the error afterwards: `err.output.headers['Retry-After'] = 60`. */
function headersSetOnError(context: FileContext, node: TSESTree.Node): HeaderNames | undefined {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, declarator.id);
  if (!variable) return undefined;
  const names: string[] = [];
  let complete = true;
  for (const reference of variable.references) {
    let current: TSESTree.Node = reference.identifier;
    const path: string[] = [];
    while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) {
      const member: TSESTree.MemberExpression = current.parent;
      const name = propertyName(member) ?? (member.computed ? staticText(context, member.property) : undefined);
      path.push(name ?? '?');
      current = member;
    }
    if (path[0] === 'output' && path[1] === 'headers') {
      if (path.length >= 3 && path[2] !== '?') names.push(path[2]);
      else complete = false;
    }
  }
  return { names, complete };
}

function statusFromOptions(context: FileContext, options: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const value = options ? followBinding(context, options, NO_BINDINGS) : undefined;
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = value.properties.find((item) => item.type === AST_NODE_TYPES.Property && keyName(item) === 'statusCode');
  return property?.type === AST_NODE_TYPES.Property ? property.value : undefined;
}

export function boomDraft(context: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const callee = unwrap(node.callee);
  let method: string | undefined;
  let methodNode: TSESTree.Node | undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(callee.object.name, MODULES, ['default', '*', 'Boom'])) {
    method = propertyName(callee);
    methodNode = callee.property;
  } else if (callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(callee.name, MODULES)) {
    method = context.imports.binding(callee.name)?.imported;
    methodNode = callee;
  }
  if (!method || !methodNode) return undefined;
  const headerNames = headersSetOnError(context, node);
  if (method === 'Boom' || method === 'boomify') {
    const statusNode = statusFromOptions(context, node.arguments[1]);
    if (!statusNode || statusNode.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const message = method === 'Boom' && node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? [node.arguments[0]] : [];
    return { producer: 'boom', anchor: node, statusNode, messageNodes: message, boundary, role, headerNames };
  }
  if (!Object.prototype.hasOwnProperty.call(boomMethodStatuses, method)) return undefined;
  const status = boomMethodStatuses[method];
  const message = node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement ? [node.arguments[0]] : [];
  const target = methodNode;
  return {
    producer: 'boom',
    anchor: node,
    knownStatus: { status, text: context.sourceCode.getText(callee), node: target },
    messageNodes: message,
    boundary,
    role,
    headerNames,
    replaceStatus: (next) => {
      const replacement = boomMethodForStatus[next];
      if (!replacement || target.type !== AST_NODE_TYPES.Identifier || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      return { text: `${context.sourceCode.getText(callee.object)}.${replacement}`, fix: (fixer) => fixer.replaceText(target, replacement) };
    },
  };
}
