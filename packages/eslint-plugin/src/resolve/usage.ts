// How a response object is used at one reference: a method chain, a property assignment, or an argument to a call.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { blockBody, enclosingStatement, exits } from './path.js';
import { propertyName, unwrapAwait, type Variable } from './values.js';
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
  for (const reference of variable.references) {
    if (reference.init) continue;
    const usage = usageOf(reference.identifier as TSESTree.Identifier);
    if (usage) usages.push(usage);
  }
  return usages;
}

/** Does a status set at `setter` still hold at `position`? Not when it sits in a block that has already returned. */
export function setterReaches(setter: TSESTree.Node, position: TSESTree.Node): boolean {
  if (setter.range[0] >= position.range[0]) return false;
  const statement = enclosingStatement(setter);
  const block = statement?.parent;
  if (!block || contains(block, position)) return true;
  const body = blockBody(block);
  const last = body?.[body.length - 1];
  return !(last && exits(last as TSESTree.Statement));
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
