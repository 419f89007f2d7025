// The branch a validation's errors were found in: `if (!errors.isEmpty()) { ... }` after express-validator's
// `validationResult(req)`, `if (errors.length > 0)`, `if (Object.keys(formErrors).length)`, `if (result.hasErrors())`.
// What is sent there is sent because the request failed validation, whatever the body's words.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, unwrap, type FileContext } from './values.js';

/** What a response sent in such a branch says happened, for the rules to read as its words. */
export const VALIDATION_FAILED = { source: 'message', text: 'Validation failed' } as const;

/** Names of what holds a validation's errors: `errors`, `validationErrors`, `formErrors`, `issues`. */
const ERRORS_NAME = /^(?:errors|\w+Errors|issues|violations|problems)$/;

/** Does a condition say that the errors it names are there (`!errors.isEmpty()`, `errors.length > 0`, `Object.keys(errors).length`)? */
function findsErrors(context: FileContext, test: TSESTree.Node): boolean {
  const text = context.sourceCode.getText(unwrap(test)).replace(/\s+/g, ' ').trim();
  const named = (name: string | undefined) => name !== undefined && ERRORS_NAME.test(name);
  let match = /^!\s*([\w$]+)\.isEmpty\(\)$/.exec(text);
  if (match) return named(match[1]);
  match = /^([\w$]+)\.(?:hasErrors?|any)\(\)$/.exec(text);
  if (match) return named(match[1]);
  match = /^(?:Object\.keys\(\s*([\w$]+)\s*\)|([\w$]+))\.length(?:\s*(?:>\s*0|>=\s*1|!==?\s*0))?$/.exec(text);
  if (match) return named(match[1] ?? match[2]);
  return false;
}

/** Is a node inside the branch of an `if` (of its own function) that found a validation's errors? */
export function inValidationFailureBranch(context: FileContext, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent && findsErrors(context, parent.test)) return true;
  }
  return false;
}
