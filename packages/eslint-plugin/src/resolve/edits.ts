// Small source edits shared by the adapters' suggestions: insert a statement before another, add a property to an object.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { blockBody, enclosingStatement } from './path.js';
import type { FileContext } from './values.js';

export const RETRY_AFTER_VALUE = "'60'";

/** Insert `text` as a statement before the statement holding `node`, when that statement sits in a block. */
export function insertStatementBefore(context: FileContext, node: TSESTree.Node, text: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const statement = enclosingStatement(node);
  if (!statement?.parent || !blockBody(statement.parent)) return undefined;
  const line = context.sourceCode.lines[statement.loc.start.line - 1] ?? '';
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
