// node:http `ServerResponse`: `res.writeHead(n, headers)`, `res.statusCode = n`, `res.setHeader(...)`, `res.end(body)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Role } from '../resolve/handlers.js';
import { addProperty, insertStatementBefore, retryAfterValue } from '../resolve/edits.js';
import { enclosingStatement } from '../resolve/path.js';
import { laterUsage, type Usage } from '../resolve/usage.js';
import type { Draft } from '../sites.js';
import type { FileContext } from '../resolve/values.js';

export const NODE_SENDS = new Set(['end', 'json', 'send', 'jsonp']);

/** The headers argument of `writeHead(status, [statusMessage], [headers])`. */
export function writeHeadHeaders(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const second = call.arguments[1];
  if (second?.type === AST_NODE_TYPES.Literal && typeof second.value === 'string') return call.arguments[2];
  return second;
}

export function retryAfterForWriteHead(context: FileContext, call: TSESTree.CallExpression): Draft['addRetryAfter'] {
  return () => {
    const headers = writeHeadHeaders(call);
    if (headers) {
      const fix = addProperty(context, headers, "'Retry-After'", retryAfterValue(context, headers));
      return fix ? { text: "add 'Retry-After' to the headers", fix } : undefined;
    }
    const status = call.arguments[0];
    return { text: "pass { 'Retry-After': ... } to writeHead", fix: (fixer) => fixer.insertTextAfter(status, `, { 'Retry-After': ${retryAfterValue(context, status)} }`) };
  };
}

/** `res.statusCode = 401; res.end(...)`: the status by assignment, the body from the next send. */
export function statusCodeAssignment(context: FileContext, role: Role, usage: Usage, usages: readonly Usage[]): Draft | undefined {
  const assignment = usage.assignment;
  if (!assignment) return undefined;
  const statement = enclosingStatement(assignment);
  const later = statement ? laterUsage(statement, usages, (item) => item.path.length === 1 && NODE_SENDS.has(item.path[0]) && item.call !== undefined) : undefined;
  const variable = context.sourceCode.getText(usage.identifier);
  return {
    producer: role.producer,
    anchor: assignment,
    statusNode: assignment.right,
    bodyNode: later?.call?.arguments[0],
    role,
    setsLater: true,
    addRetryAfter: () => {
      const fix = insertStatementBefore(context, assignment, `${variable}.setHeader('Retry-After', ${retryAfterValue(context, assignment)});`);
      return fix ? { text: `${variable}.setHeader('Retry-After', ...)`, fix } : undefined;
    },
  };
}
