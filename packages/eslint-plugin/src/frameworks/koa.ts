// Koa: `ctx.status = n` with `ctx.body = x`, an implicit 200 from `ctx.body` alone, `ctx.throw(n, msg)`, `ctx.assert(ok, n, msg)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { koaContext } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { addProperty, insertStatementBefore, retryAfterValue } from '../resolve/edits.js';
import { blockBody, enclosingStatement } from '../resolve/path.js';
import { preferredStyle, resolveStatus, writeStatus } from '../resolve/status.js';
import { setterReaches, type Usage } from '../resolve/usage.js';
import { followBinding, memberPath, staticText, type FileContext, type FunctionNode } from '../resolve/values.js';
import { contains } from '../resolve/walk.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

/** `ctx.response.status` is `ctx.status`. */
function koaPath(usage: Usage): readonly string[] {
  return usage.path[0] === 'response' ? usage.path.slice(1) : usage.path;
}

function assigns(usage: Usage, property: string): boolean {
  const path = koaPath(usage);
  return usage.assignment !== undefined && path.length === 1 && path[0] === property;
}

/** The `ctx.body = ...` in the same block as a status assignment. */
function bodyBeside(statusAssignment: TSESTree.AssignmentExpression, usages: readonly Usage[]): Usage | undefined {
  const statement = enclosingStatement(statusAssignment);
  const block = statement?.parent;
  if (!block || !blockBody(block)) return undefined;
  return usages.find((usage) => assigns(usage, koaContext.bodyProperty) && usage.assignment!.parent?.parent === block && contains(block, usage.assignment!));
}

/** `ctx.throw(401, 'msg', props)` takes status, message and properties in any order. */
function throwArguments(context: FileContext, call: TSESTree.CallExpression, from = 0): { status?: TSESTree.Node; message?: TSESTree.Node; props?: TSESTree.Node } {
  const found: { status?: TSESTree.Node; message?: TSESTree.Node; props?: TSESTree.Node } = {};
  for (const argument of call.arguments.slice(from)) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    if (!found.status && resolveStatus(context, argument)) found.status = argument;
    else if (!found.message && staticText(context, argument) !== undefined) found.message = argument;
    else if (!found.props && followBinding(context, argument, new Map()).type === AST_NODE_TYPES.ObjectExpression) found.props = argument;
  }
  return found;
}

function propsHeaders(context: FileContext, props: TSESTree.Node | undefined): TSESTree.Node[] {
  const object = props ? followBinding(context, props, new Map()) : undefined;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const headers = object.properties.find((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'headers');
  return headers && headers.type === AST_NODE_TYPES.Property ? [headers.value] : [];
}

export function koaDrafts(context: FileContext, role: Role, usages: readonly Usage[]): Draft[] {
  const drafts: Draft[] = [];
  const ctx = (usage: Usage): string => context.sourceCode.getText(usage.identifier);
  const statusAssignments = usages.filter((usage) => assigns(usage, koaContext.statusProperty));
  for (const usage of usages) {
    const path = koaPath(usage);
    if (assigns(usage, koaContext.statusProperty)) {
      const assignment = usage.assignment!;
      drafts.push({
        producer: 'koa',
        anchor: assignment,
        statusNode: assignment.right,
        bodyNode: bodyBeside(assignment, usages)?.assignment?.right,
        role,
        setsLater: true,
        addRetryAfter: () => {
          const fix = insertStatementBefore(context, assignment, `${ctx(usage)}.set('Retry-After', ${retryAfterValue(context, assignment)});`);
          return fix ? { text: `${ctx(usage)}.set('Retry-After', ...)`, fix } : undefined;
        },
      });
      continue;
    }
    if (assigns(usage, koaContext.bodyProperty)) {
      const assignment = usage.assignment!;
      if (statusAssignments.some((status) => setterReaches(status.assignment!, assignment) || bodyBeside(status.assignment!, usages) === usage)) continue;
      const style = preferredStyle(context);
      drafts.push({
        producer: 'koa',
        anchor: assignment,
        ...IMPLICIT_SUCCESS,
        bodyNode: assignment.right,
        role,
        replaceStatus: (status) => {
          const text = writeStatus(style, status);
          const fix = insertStatementBefore(context, assignment, `${ctx(usage)}.status = ${text};`);
          return fix ? { text: `${ctx(usage)}.status = ${text}`, fix } : undefined;
        },
      });
      continue;
    }
    if (!usage.call || path.length !== 1) continue;
    const draft = path[0] === koaContext.throwMethod ? throwDraft(context, usage.call, role) : path[0] === koaContext.assertMethod ? assertDraft(context, usage.call, role) : undefined;
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** What `ctx.throw(...)` and `ctx.assert(cond, ...)` share: the status, message and headers Koa answers with. */
function errorDraft(context: FileContext, call: TSESTree.CallExpression, from: number, role: Role | undefined, boundary: FunctionNode | undefined): { draft: Draft; props?: TSESTree.Node } | undefined {
  const { status, message, props } = throwArguments(context, call, from);
  if (!status) return undefined;
  const draft: Draft = { producer: 'koa', anchor: call, statusNode: status, messageNodes: message ? [message] : [], headerNodes: propsHeaders(context, props), ...(role ? { role } : { boundary }) };
  return { draft, props };
}

/** `ctx.throw(429, 'Slow down')`, with a `Retry-After` offered in its properties. */
function throwDraft(context: FileContext, call: TSESTree.CallExpression, role: Role | undefined, boundary?: FunctionNode): Draft | undefined {
  const made = errorDraft(context, call, 0, role, boundary);
  if (!made) return undefined;
  const { props } = made;
  return {
    ...made.draft,
    addRetryAfter: () => {
      if (props) {
        const object = followBinding(context, props, new Map());
        const fix = object === props ? addProperty(context, props, 'headers', `{ 'Retry-After': ${retryAfterValue(context, props)} }`) : undefined;
        return fix ? { text: "throw with headers: { 'Retry-After': ... }", fix } : undefined;
      }
      const last = call.arguments[call.arguments.length - 1];
      return { text: "throw with headers: { 'Retry-After': ... }", fix: (fixer) => fixer.insertTextAfter(last, `, { headers: { 'Retry-After': ${retryAfterValue(context, call)} } }`) };
    },
  };
}

/** `ctx.assert(user, 401, 'Sign in')` answers when its condition is false. */
function assertDraft(context: FileContext, call: TSESTree.CallExpression, role: Role | undefined, boundary?: FunctionNode): Draft | undefined {
  const condition = call.arguments[0];
  if (!condition || condition.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const made = errorDraft(context, call, 1, role, boundary);
  return made ? { ...made.draft, extraConditions: [{ test: condition, flipped: true }] } : undefined;
}

/** The context a class holds (`this.ctx`, in Egg, Midway and plugin classes of Koa servers): not a parameter of a handler. */
const MEMBER_CONTEXT = /^(?:this|self|that)\.ctx\.(throw|assert)$/;

/** `this.ctx.throw(429, ...)`, `this.ctx.assert(ok, 401)`: Koa answers of a context held by a class. */
export function koaMemberContextDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[], boundaryOf: (node: TSESTree.Node) => FunctionNode | undefined): Draft[] {
  if (!/\bctx\.(?:throw|assert)\s*\(/.test(context.sourceCode.text)) return [];
  const drafts: Draft[] = [];
  for (const call of calls) {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = MEMBER_CONTEXT.exec(memberPath(call.callee) ?? '')?.[1];
    if (!method) continue;
    const boundary = boundaryOf(call);
    const draft = method === 'throw' ? throwDraft(context, call, undefined, boundary) : assertDraft(context, call, undefined, boundary);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
