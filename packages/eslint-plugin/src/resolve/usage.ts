// How a response object is used at one reference: a method chain, a property assignment, or an argument to a call.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { blockBody, exits } from './path.js';
import { isFunction, propertyName, unwrapAwait, type Variable } from './values.js';
import { contains } from './walk.js';

export interface ChainCall {
  readonly name: string;
  readonly call: TSESTree.CallExpression;
}

export interface Usage {
  readonly identifier: TSESTree.Identifier;
  /** Properties read from the object: `['status']` for `res.status(...)`, `['response', 'set']` for `ctx.response.set(...)`. */
  readonly path: readonly string[];
  /** The call when the last property is called. */
  readonly call?: TSESTree.CallExpression;
  /** Calls chained on that call's result: `.set(...)`, `.json(...)`. */
  readonly chain: readonly ChainCall[];
  /** The assignment when the last property is assigned: `ctx.status = 401`. */
  readonly assignment?: TSESTree.AssignmentExpression;
  /** The call the object itself is passed to: `sendError(res, ...)`. */
  readonly passedTo?: TSESTree.CallExpression;
}

function chainAfter(call: TSESTree.CallExpression): ChainCall[] {
  const chain: ChainCall[] = [];
  let current: TSESTree.Node = call;
  for (;;) {
    let parent: TSESTree.Node | undefined = current.parent;
    while (parent?.type === AST_NODE_TYPES.ChainExpression || parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = parent;
      parent = current.parent;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) break;
    const name = propertyName(parent);
    const outer: TSESTree.Node | undefined = parent.parent;
    if (name === undefined || outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== parent) break;
    chain.push({ name, call: outer });
    current = outer;
  }
  return chain;
}

export function usageOf(identifier: TSESTree.Identifier): Usage | undefined {
  const path: string[] = [];
  let current: TSESTree.Node = identifier;
  let parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier)) {
    return { identifier, path, chain: [], passedTo: parent };
  }
  while (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
    const name = propertyName(parent);
    if (name === undefined) return undefined;
    path.push(name);
    current = parent;
    parent = current.parent;
    while (parent?.type === AST_NODE_TYPES.ChainExpression || parent?.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = parent;
      parent = current.parent;
    }
  }
  if (path.length === 0) return undefined;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === current) return { identifier, path, call: parent, chain: chainAfter(parent) };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current && parent.operator === '=') return { identifier, path, chain: [], assignment: parent };
  return { identifier, path, chain: [] };
}

export function usagesOf(variable: Variable): Usage[] {
  const usages: Usage[] = [];
  // After `res = req` (or any reassignment) the name no longer holds the response: later uses are not its sends.
  let reassignedAt = Number.POSITIVE_INFINITY;
  for (const reference of variable.references) if (reference.isWrite() && !reference.init) reassignedAt = Math.min(reassignedAt, reference.identifier.range[0]);
  for (const reference of variable.references) {
    if (reference.init || reference.identifier.range[0] >= reassignedAt) continue;
    const usage = usageOf(reference.identifier as TSESTree.Identifier);
    if (usage) usages.push(usage);
  }
  return usages;
}

/** Does this statement end its switch case without falling through: `break`, or a block that ends in one? */
function leavesCase(statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.BreakStatement || statement.type === AST_NODE_TYPES.ContinueStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && leavesCase(last);
  }
  return false;
}

/**
 * Does what is done at `setter` (a status or a header set) still hold at `position`? Not when the setter sits in a
 * branch that leaves before it (`if (banned) { res.set(...); return ... }`, also from nested blocks), in the other
 * branch of an `if` / `else`, or in a switch case that breaks before the one that sends.
 */
export function setterReaches(setter: TSESTree.Node, position: TSESTree.Node): boolean {
  if (setter.range[0] >= position.range[0]) return false;
  let leftCase = false;
  let inCallback = false;
  let inFulfilment = false;
  let child: TSESTree.Node = setter;
  for (let parent = setter.parent; parent; child = parent, parent = parent.parent) {
    if (contains(parent, position)) {
      if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test) return false;
      if (parent.type === AST_NODE_TYPES.SwitchStatement && leftCase) return false;
      // Set when the work succeeded (`.then(() => { res.status(302); ... })`), sent when it failed (`.catch((err) => res.send(...))`).
      if (inFulfilment && inRejectionHandler(position, parent)) return false;
      return true;
    }
    // A callback may run later, or never: what it sets is not known to be gone. Only another branch of a condition
    // both sit in (`if (ok) { save().then(() => { res.status(302); res.end() }) } else { res.send(...) }`) never sees it.
    if (isFunction(parent)) {
      inCallback = true;
      if (promiseCallbackKind(parent) === 'fulfilled') inFulfilment = true;
    }
    if (inCallback) continue;
    const body = blockBody(parent);
    if (!body) continue;
    // The statement holding the setter (`return res.header(...).send()`) or one after it leaves the block.
    const after = body.slice(body.indexOf(child as TSESTree.Statement));
    if (after.some((statement) => exits(statement as TSESTree.Statement))) return false;
    if (parent.type === AST_NODE_TYPES.SwitchCase && after.some(leavesCase)) leftCase = true;
  }
  return true;
}

/** Is this function handed to a promise's `.then(onFulfilled)`, or to its `.catch(onRejected)` / `.then(_, onRejected)`? */
function promiseCallbackKind(fn: TSESTree.Node): 'fulfilled' | 'rejected' | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const method = call.callee.property.name;
  if (method === 'catch' && call.arguments[0] === fn) return 'rejected';
  if (method === 'then') return call.arguments[0] === fn ? 'fulfilled' : call.arguments[1] === fn ? 'rejected' : undefined;
  return undefined;
}

/** Is `position` inside a rejection handler below `ancestor`? */
function inRejectionHandler(position: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = position.parent; node && node !== ancestor; node = node.parent) {
    if (isFunction(node) && promiseCallbackKind(node) === 'rejected') return true;
  }
  return false;
}

/** The first statement after `statement` in its block whose expression is a use of the object matching `test`. */
export function laterUsage(statement: TSESTree.Node, usages: readonly Usage[], test: (usage: Usage) => boolean): Usage | undefined {
  const block = statement.parent;
  const body = block ? blockBody(block) : undefined;
  if (!body) return undefined;
  const index = body.indexOf(statement as TSESTree.Statement);
  for (const next of body.slice(index + 1)) {
    const found = usages.find((usage) => test(usage) && contains(next, usage.identifier) && isTopLevelOf(next, usage));
    if (found) return found;
    if (next.type === AST_NODE_TYPES.ReturnStatement || next.type === AST_NODE_TYPES.ThrowStatement) break;
  }
  return undefined;
}

/** Is the usage the statement's own expression (`res.json(x);`, `return res.end(x)`), not buried in a branch? */
function isTopLevelOf(statement: TSESTree.Node, usage: Usage): boolean {
  const outer = usage.chain.length > 0 ? usage.chain[usage.chain.length - 1].call : usage.call ?? usage.assignment;
  if (!outer) return false;
  let expression: TSESTree.Node | null | undefined;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  else if (statement.type === AST_NODE_TYPES.ReturnStatement) expression = statement.argument;
  if (!expression) return false;
  return unwrapAwait(expression) === outer;
}
