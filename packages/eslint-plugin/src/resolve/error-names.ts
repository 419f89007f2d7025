// What the name of an error class says of the failure: `WorkflowAlreadyExistsException` says the workflow exists,
// `ApiError` and `BadRequestError` say nothing of why.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyName } from './values.js';

/** Class and helper names that say nothing of the failure (`ApiError`, `HttpException`, `createError`). */
const GENERIC_NAME = /^(?:new )?(?:(?:http|api|app|\d{3}|application|base|custom|server|client|request|response|service|domain|generic|unknown|internal|public|user|rest|graphql|trpc)[-_]?)*(?:error|exception|err|fault|problem|failure|response|reply)?(?:\(\))?$/i;

/**
 * A name that only restates a client error (`InvalidPayloadError`, `BadRequestError`, `ValidationException`): it is
 * the 400 itself, not why this one was sent, and must not outweigh the message or the condition that sends it.
 */
const CLIENT_ERROR_NAME = /^(?:bad[-_]?request|invalid[-_]?(?:payload|input|request|data|params?|parameters?|arguments?|body|query)|validation|user[-_]?input)(?:error|exception|err)?$/i;

/** The words of an error class's name (`WorkflowAlreadyExists` of `WorkflowAlreadyExistsException`), when it says something. */
export function errorNameWords(name: string): string | undefined {
  if (GENERIC_NAME.test(name) || CLIENT_ERROR_NAME.test(name)) return undefined;
  return name.replace(/(?:Error|Exception|Err)$/, '');
}

/** Properties of a caught error that name what failed: `err.code === 'EMAIL_TAKEN'`, `error.name === 'UserNotFound'`. */
const NAMING_PROPERTY = /^(?:name|code|type|kind|reason|errorCode|error_code)$/;

/** `'USER_NOT_FOUND'`, `'auth/email-already-in-use'` as words. `'P2002'`, `'ECONNREFUSED'` name no failure in words. */
function codeWords(code: string): string | undefined {
  const words = code.replace(/[^A-Za-z]+/g, ' ').trim();
  if (!/\s|[a-z][A-Z]/.test(words)) return undefined;
  return errorNameWords(code) === undefined ? undefined : words;
}

/** The class or code one part of a branch's test names: `err instanceof UserNotFoundError`, `err.code === 'EMAIL_TAKEN'`. */
function namedFailure(test: TSESTree.Node): string | undefined {
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  if (test.operator === 'instanceof') {
    const name = test.right.type === AST_NODE_TYPES.Identifier ? test.right.name : test.right.type === AST_NODE_TYPES.MemberExpression && test.right.property.type === AST_NODE_TYPES.Identifier ? test.right.property.name : undefined;
    return name === undefined ? undefined : errorNameWords(name);
  }
  if (test.operator !== '===' && test.operator !== '==') return undefined;
  const [member, literal] = test.left.type === AST_NODE_TYPES.Literal ? [test.right, test.left] : [test.left, test.right];
  if (member.type !== AST_NODE_TYPES.MemberExpression || literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string') return undefined;
  if (!NAMING_PROPERTY.test(propertyName(member) ?? '')) return undefined;
  return codeWords(literal.value);
}

/** `case 'EMAIL_TAKEN':`, `case OFFERING_DOES_NOT_BELONG_TO_LOCATION:` of a switch on what names a caught error. */
function namedCase(switchCase: TSESTree.SwitchCase): string | undefined {
  const discriminant = (switchCase.parent as TSESTree.SwitchStatement).discriminant;
  if (discriminant.type !== AST_NODE_TYPES.MemberExpression || !NAMING_PROPERTY.test(propertyName(discriminant) ?? '') || !switchCase.test) return undefined;
  const test = switchCase.test;
  const code = test.type === AST_NODE_TYPES.Literal && typeof test.value === 'string' ? test.value : test.type === AST_NODE_TYPES.Identifier && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(test.name) ? test.name : undefined;
  return code === undefined ? undefined : codeWords(code);
}

/**
 * In a handler of failures, what the branch a status is sent in names of the failure it answers: `if (err instanceof
 * UserNotFoundError) return res.status(400)...` answers a user that was not found, whatever the message sent (often
 * the error's own); so does `case 'EMAIL_TAKEN':` of `switch (err.code)`. The nearest branch the response is sent
 * in, when every part of its test names a class or a code.
 */
export function branchFailureNames(anchor: TSESTree.Node, boundary: TSESTree.Node | undefined): string[] {
  for (let child: TSESTree.Node = anchor, parent = anchor.parent; parent && child !== boundary; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(child as TSESTree.Statement)) {
      const name = namedCase(parent);
      return name === undefined ? [] : [name];
    }
    const chosen = ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child) || (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child);
    if (!chosen) continue;
    const test = parent.type === AST_NODE_TYPES.LogicalExpression ? parent.left : (parent as TSESTree.IfStatement | TSESTree.ConditionalExpression).test;
    const parts: TSESTree.Node[] = [];
    const split = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
        split(node.left);
        split(node.right);
      } else parts.push(node);
    };
    split(test);
    const names = parts.map(namedFailure);
    return names.every((name) => name !== undefined) ? (names as string[]) : [];
  }
  return [];
}
