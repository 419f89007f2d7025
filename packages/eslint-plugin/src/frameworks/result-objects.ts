// Answers passed back as plain objects for a route to send: `return { status: 401, response: "You don't have access
// to this collection." }` (a controller's result), `return { type, message, code: 429 }` (an error mapper). A status
// written as a literal error code beside the words of a message is an HTTP answer, whoever sends it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveStatus } from '../resolve/status.js';
import { returnedValues } from '../resolve/returns.js';
import { keyName, memberPath, objectProperty, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

const STATUS_KEYS = new Set(['status', 'statusCode', 'code', 'httpStatus', 'httpCode']);
const MESSAGE_KEYS = new Set(['message', 'error', 'response', 'detail', 'details', 'reason', 'errorMessage', 'msg']);
/** Keys such an answer carries besides its status and words; anything else makes it data that merely has a status. */
const ANSWER_KEYS = new Set([...STATUS_KEYS, ...MESSAGE_KEYS, 'type', 'name', 'title', 'success', 'ok', 'errors', 'data', 'body', 'headers', 'errorCode', 'error_code']);

/** A callback in a library's options (`errorResponseBuilder: (req, ctx) => ({ statusCode: 429, ... })`): the library sends it, with its own headers. */
function optionCallback(fn: FunctionNode): boolean {
  const property = fn.parent;
  return property?.type === AST_NODE_TYPES.Property && property.parent.type === AST_NODE_TYPES.ObjectExpression && property.parent.parent?.type === AST_NODE_TYPES.CallExpression;
}

/**
 * An AWS Lambda or Netlify function (`exports.handler = async (event) => ...`, `export const handler = ...`): what
 * it returns, `{ statusCode, headers, body }`, is the response, whatever its status.
 */
function isFunctionHandler(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) return /^(?:module\.)?exports\.handler$/.test(memberPath(parent.left) ?? '');
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) return parent.id.type === AST_NODE_TYPES.Identifier && parent.id.name === 'handler' && parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  return fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id?.name === 'handler' && parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

function functionResultDraft(context: FileContext, fn: FunctionNode, value: TSESTree.ObjectExpression): Draft | undefined {
  const status = objectProperty(value, 'statusCode');
  const body = objectProperty(value, 'body');
  if (!status || !body || status.value.type !== AST_NODE_TYPES.Literal || typeof status.value.value !== 'number') return undefined;
  const headers = objectProperty(value, 'headers');
  return { producer: 'lambda', anchor: value, statusNode: status.value, bodyNode: body.value, headerNodes: headers ? [headers.value] : [], boundary: fn, replaceStatus: undefined };
}

export function resultObjectDrafts(context: FileContext, functions: readonly FunctionNode[], claimed: ReadonlySet<TSESTree.Node>): Draft[] {
  const drafts: Draft[] = [];
  for (const fn of functions) {
    if (optionCallback(fn)) continue;
    const functionHandler = isFunctionHandler(fn);
    // `return { statusCode: StatusCodes.BAD_REQUEST, message } satisfies ServiceError`: the object itself.
    for (const value of returnedValues(context, fn)) {
      const result = functionHandler && value.type === AST_NODE_TYPES.ObjectExpression && !claimed.has(value) ? functionResultDraft(context, fn, value) : undefined;
      if (result) {
        drafts.push(result);
        continue;
      }
      if (value.type !== AST_NODE_TYPES.ObjectExpression || claimed.has(value) || value.properties.length > 6) continue;
      const properties = value.properties.filter((item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property);
      if (properties.length !== value.properties.length || properties.some((item) => !ANSWER_KEYS.has(keyName(item) ?? ''))) continue;
      // A number written there, or a constant of a status table (`StatusCodes.BAD_REQUEST`, `HttpStatus.FORBIDDEN`).
      const status = properties.find((item) => STATUS_KEYS.has(keyName(item) ?? '') && ((item.value.type === AST_NODE_TYPES.Literal && typeof item.value.value === 'number') || resolveStatus(context, item.value)?.style.kind === 'constant'));
      const resolved = status ? resolveStatus(context, status.value) : undefined;
      if (!status || !resolved || resolved.status < 400) continue;
      const messages = properties.filter((item) => MESSAGE_KEYS.has(keyName(item) ?? '')).map((item) => item.value);
      if (messages.length === 0) continue;
      const headers = properties.find((item) => keyName(item) === 'headers');
      drafts.push({ producer: 'result-object', anchor: value, statusNode: status.value, messageNodes: messages, headerNodes: headers ? [headers.value] : [], boundary: fn });
    }
  }
  return drafts;
}
