// Small source edits shared by the adapters' suggestions: insert a statement before another, add a property to an object.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { blockBody, enclosingStatement } from './path.js';
import { preferredStyle, writeStatus } from './status.js';
import type { FileContext } from './values.js';
import { walk } from './walk.js';
import { lineOf } from '../positions.js';

/** What a `Retry-After` fix writes when nothing in scope says when the limit resets. */
const RETRY_AFTER_FALLBACK = "'60'";

/** Names that hold the seconds to wait: `retryAfter`, `secondsUntilReset`, `resetInSeconds`. */
const SECONDS_TO_WAIT = /^(?:retry_?after(?:_?(?:seconds|secs|sec|s))?|seconds_?(?:until|to|till)_?reset|reset_?in(?:_?seconds)?|retry_?in(?:_?seconds)?|wait_?(?:seconds|secs|time)|backoff_?(?:seconds|secs))$/i;
/** Properties that hold when a limit resets, as a time (`limit.reset` of @upstash/ratelimit, `req.rateLimit.resetTime`). */
const RESET_TIME = /^(?:reset|resetAt|resetTime|reset_at|resetsAt)$/;

/**
 * The value a `Retry-After` fix writes at `node`: a variable in scope that holds the seconds to wait, or the seconds
 * left until a reset time the function reads (`limit.reset`), so that the header says what the code knows; else 60.
 */
export function retryAfterValue(context: FileContext, node: TSESTree.Node): string {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node);
  while (scope) {
    const seconds = scope.variables.find((variable) => SECONDS_TO_WAIT.test(variable.name) && variable.defs.length > 0);
    if (seconds) return `String(${seconds.name})`;
    if (scope.type === 'function' || scope.type === 'module' || scope.type === 'global') break;
    scope = scope.upper;
  }
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) fn = fn.parent;
  if (fn) {
    let reset: string | undefined;
    walk(context, fn, (inner) => {
      if (reset) return false;
      if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.computed || inner.property.type !== AST_NODE_TYPES.Identifier || inner.range[1] > node.range[0]) return undefined;
      if (RESET_TIME.test(inner.property.name)) reset = context.sourceCode.getText(inner);
      // `limit.success` of a rate limiter's answer (@upstash/ratelimit: `{ success, limit, remaining, reset }`).
      else if (/^(?:success|remaining)$/.test(inner.property.name) && inner.object.type === AST_NODE_TYPES.Identifier && /limit|throttl/i.test(inner.object.name)) reset = `${inner.object.name}.reset`;
      return undefined;
    });
    if (reset) return `String(Math.max(0, Math.ceil((${reset} - Date.now()) / 1000)))`;
  }
  return RETRY_AFTER_FALLBACK;
}

/** Insert `text` as a statement before the statement holding `node`, when that statement sits in a block. */
export function insertStatementBefore(context: FileContext, node: TSESTree.Node, text: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const statement = enclosingStatement(node);
  if (!statement?.parent || !blockBody(statement.parent)) return undefined;
  const line = context.sourceCode.lines[lineOf(statement) - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  return (fixer) => fixer.insertTextBefore(statement, `${text}\n${indent}`);
}

/** Add `key: value` to an object literal, or undefined when it is not one. */
export function addProperty(context: FileContext, object: TSESTree.Node, key: string, value: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const last = object.properties[object.properties.length - 1];
  if (!last) return (fixer) => fixer.replaceText(object, `{ ${key}: ${value} }`);
  const after = context.sourceCode.getTokenAfter(last);
  const hasTrailingComma = after?.value === ',';
  return (fixer) => (hasTrailingComma ? fixer.insertTextAfter(after!, ` ${key}: ${value},`) : fixer.insertTextAfter(last, `, ${key}: ${value}`));
}

/**
 * A status fix for a send without one: `res.json(body)` -> `res.status(404).json(body)` (Express), `reply.send(body)`
 * -> `reply.code(404).send(body)` (Fastify), written right after the response object in the file's own style.
 */
export function chainedStatusFix(context: FileContext, responseObject: TSESTree.Node, method: 'status' | 'code'): (status: number) => { text: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } {
  const style = preferredStyle(context);
  return (status) => {
    const call = `.${method}(${writeStatus(style, status)})`;
    return { text: `${context.sourceCode.getText(responseObject)}${call}`, fix: (fixer) => fixer.insertTextAfter(responseObject, call) };
  };
}
