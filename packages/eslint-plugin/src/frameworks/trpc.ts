// tRPC procedures (`publicProcedure.input(schema).mutation(async ({ ctx, input }) => ...)`): what a resolver returns
// goes out with 200; errors go out through `TRPCError` codes (read by the application model from core's table).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberPath, unwrapAwait, type FileContext } from '../resolve/values.js';
import { returnedValues } from '../resolve/returns.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';
import { ANSWER_NAME } from '../may-respond.js';
import { helperReturnedProperties } from '../app-model/returned-bodies.js';
import { definitionIn } from '../app-model/definitions.js';

const RESOLVERS = new Set(['query', 'mutation']);

/**
 * The root of a procedure chain: `protectedProcedure` in `protectedProcedure.input(s).mutation(...)`, or the factory
 * that made it, as `withPermission()` in `withPermission("docker", "read").input(s).query(...)`.
 */
function procedureRoot(call: TSESTree.CallExpression): string | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  for (let object: TSESTree.Node = call.callee.object; ; ) {
    if (object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.MemberExpression) object = object.callee.object;
    else if (object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.Identifier) return `${object.callee.name}()`;
    else if (object.type === AST_NODE_TYPES.MemberExpression) return memberPath(object);
    else return object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
  }
}

/** Procedures built for authenticated callers only: `protectedProcedure`, `authedProcedure`, `protectedProjectProcedure`. */
const AUTHENTICATED_PROCEDURE = /^(?!public)\w*(?:protected|authed|authenticated|private|loggedIn|user|member|team|org|project|admin)\w*procedure$/i;
/** Factories of procedures that check what a known caller may do: `withPermission("docker", "read")`, `requireRole('admin')`. */
const PERMISSION_PROCEDURE_FACTORY = /^(?:with|require|requires|needs?|ensure|check)\w*(?:Permissions?|Roles?|Access|Scopes?|Abilit(?:y|ies)|Membership|Admin)\(\)$/i;

/** Types of a context only authenticated callers get: `ProtectedContext`, `AuthedContext`, `AuthenticatedTRPCContext`. */
const AUTHENTICATED_CONTEXT = /^(?:Protected|Authed|Authenticated|LoggedIn|SignedIn)\w*Context$/;

/** The type of the context a resolver takes (`{ ctx }: { ctx: ProtectedContext }`, `ctx: AuthedContext`), when it names one for authenticated callers. */
function authenticatedContextType(fn: TSESTree.FunctionLike | TSESTree.Node): string | undefined {
  if (!isFunction(fn)) return undefined;
  const typeName = (annotation: TSESTree.TypeNode | undefined): string | undefined =>
    annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && AUTHENTICATED_CONTEXT.test(annotation.typeName.name) ? annotation.typeName.name : undefined;
  for (const parameter of fn.params) {
    if (parameter.type === AST_NODE_TYPES.Identifier && /^(?:ctx|context)$/.test(parameter.name)) {
      const found = typeName(parameter.typeAnnotation?.typeAnnotation);
      if (found) return found;
    }
    const literal = parameter.type === AST_NODE_TYPES.ObjectPattern ? parameter.typeAnnotation?.typeAnnotation : undefined;
    if (literal?.type !== AST_NODE_TYPES.TSTypeLiteral) continue;
    for (const member of literal.members) {
      if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.key.type !== AST_NODE_TYPES.Identifier || !/^(?:ctx|context)$/.test(member.key.name)) continue;
      const found = typeName(member.typeAnnotation?.typeAnnotation);
      if (found) return found;
    }
  }
  return undefined;
}

/** The authenticated procedure a node runs in, if any (its resolver is handed to `.query()` / `.mutation()` of one). */
export function authenticatedProcedure(node: TSESTree.Node, context?: FileContext): string | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!isFunction(current)) continue;
    // A resolver written apart from its router (`({ ctx }: { ctx: ProtectedContext }) => ...`) says so by its context's type.
    const contextType = authenticatedContextType(current);
    if (contextType) return contextType;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== current) continue;
    if (!resolverMethod(parent)) continue;
    const root = procedureRoot(parent);
    if (root && (AUTHENTICATED_PROCEDURE.test(root.split('.').pop() ?? '') || PERMISSION_PROCEDURE_FACTORY.test(root))) return root;
    return context ? madeForAuthenticated(context, parent) : undefined;
  }
  return undefined;
}

/** Is this `.query(fn)` / `.mutation(fn)` called on a procedure builder (`t.procedure`, `protectedProcedure.input(...)`)? */
function isProcedure(context: FileContext, call: TSESTree.CallExpression): boolean {
  const root = procedureRoot(call);
  // A member path (`t.procedure`) names the builder by its last segment; a variable (`protectedProcedure`) by its end.
  if (root !== undefined && ((root.includes('.') ? /(?:^|\.)procedure$/i : /procedure$/i).test(root) || PERMISSION_PROCEDURE_FACTORY.test(root))) return true;
  // Or by what it was made from, here or in another file: `export const withAuth = t.procedure.use(authMiddleware)`.
  const made = builderMadeFrom(context, call);
  return made !== undefined && /(?:^|\.)procedure(?:\.|$)/i.test(made);
}

/** The call a procedure variable was made with (`t.procedure.use(authMiddleware)` for `withAuth`), here or in another file. */
function builderCall(context: FileContext, call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let object: TSESTree.Node = call.callee.object;
  while (object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.MemberExpression) object = object.callee.object;
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = definitionIn(context, object);
  return definition?.kind === 'made' ? definition.call : undefined;
}

/** Its member path: `t.procedure.use`. */
function builderMadeFrom(context: FileContext, call: TSESTree.CallExpression): string | undefined {
  const made = builderCall(context, call);
  return made ? memberPath(made.callee) : undefined;
}

/** A middleware that lets only signed-in callers through: `authMiddleware`, `isAuthed`, `enforceUserIsAuthed`. */
const AUTH_MIDDLEWARE = /^(?!.*(?:public|optional|maybe))\w*(?:auth|session|protect|logged|signed)\w*$/i;

/** A procedure made by `t.procedure.use(authMiddleware)`: for authenticated callers only. Its name, or undefined. */
function madeForAuthenticated(context: FileContext, call: TSESTree.CallExpression): string | undefined {
  const made = builderCall(context, call);
  if (!made || !/(?:^|\.)procedure\.use$/i.test(memberPath(made.callee) ?? '')) return undefined;
  const middleware = made.arguments[0];
  const name = middleware?.type === AST_NODE_TYPES.Identifier ? middleware.name : middleware?.type === AST_NODE_TYPES.CallExpression ? memberPath(middleware.callee) : undefined;
  return name !== undefined && AUTH_MIDDLEWARE.test(name.split('.').pop() ?? '') ? procedureRoot(call) : undefined;
}

/** `query` or `mutation`, when the call is one: the method a resolver is handed to. */
function resolverMethod(call: TSESTree.CallExpression): string | undefined {
  const method = call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.property.type === AST_NODE_TYPES.Identifier ? call.callee.property.name : undefined;
  return method && RESOLVERS.has(method) ? method : undefined;
}

/**
 * `return createErrorResponse(error)`: a call, named as an answer, of an app helper that returns one object literal
 * (`{ success: false, error: message }`): the object is what the procedure answers.
 */
function isAnswerHelperCall(context: FileContext, node: TSESTree.Node): boolean {
  const value = unwrapAwait(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = memberPath(value.callee)?.split('.').pop();
  return name !== undefined && ANSWER_NAME.test(name) && helperReturnedProperties(context, value) !== undefined;
}

export function trpcReturnDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  if (!context.imports.importsAny(['@trpc/server']) && !/Procedure\b|\bprocedure\./.test(context.sourceCode.text)) return [];
  const drafts: Draft[] = [];
  for (const call of calls) {
    const fn = call.arguments[0];
    if (!resolverMethod(call) || !fn || !isFunction(fn) || !isProcedure(context, call)) continue;
    for (const argument of returnedValues(context, fn)) {
      if (argument.type !== AST_NODE_TYPES.ObjectExpression && !isAnswerHelperCall(context, argument)) continue;
      // The status of a resolver is tRPC's to set (or a TRPCError's): no fix in place.
      drafts.push({ producer: 'trpc', anchor: argument, ...IMPLICIT_SUCCESS, bodyNode: argument, boundary: fn, replaceStatus: () => undefined });
    }
  }
  return drafts;
}
