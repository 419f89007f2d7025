// Calls to other services on the way to a response: what a `try` (or a promise chain) calls, with HTTP clients named canonically.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { UpstreamEvidence } from '@status-lint/core';
import type { PathInfo } from './path.js';
import { notOkBinding } from './path.js';
import { initializerOf, isFunction, localFunction, memberPath, unwrap, unwrapAwait, type FileContext } from './values.js';
import { walk } from './walk.js';

/** Modules of HTTP clients, and the name their default or namespace import stands for. */
const CLIENT_MODULES: Readonly<Record<string, string>> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  undici: 'undici',
  superagent: 'superagent',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  'isomorphic-unfetch': 'fetch',
  ofetch: 'ofetch',
  needle: 'needle',
  http: 'http',
  https: 'https',
};

/** A callee named so that core recognizes the client: `https.get` for an imported `get`, `axios.get` for `api.get` on `axios.create()`. */
export function canonicalCallee(context: FileContext, callee: TSESTree.Node): string[] {
  const path = memberPath(callee);
  if (!path) return [];
  const names = [path];
  const segments = path.split('.');
  const root = segments[0];
  const binding = context.imports.binding(root);
  if (binding && CLIENT_MODULES[binding.source] !== undefined) {
    const client = CLIENT_MODULES[binding.source];
    const base = binding.imported === 'default' || binding.imported === '*' ? client : binding.imported === 'fetch' ? 'fetch' : `${client}.${binding.imported}`;
    names.unshift([base, ...segments.slice(1)].join('.'));
  } else if (root !== 'this' && segments.length > 1) {
    // `const api = axios.create(...)`, `const client = new Client(...)` from an HTTP client module.
    const rootNode = unwrap(callee);
    let identifier: TSESTree.Node = rootNode;
    while (identifier.type === AST_NODE_TYPES.MemberExpression) identifier = unwrap(identifier.object);
    if (identifier.type === AST_NODE_TYPES.Identifier) {
      const init = initializerOf(context, identifier);
      const value = init ? unwrapAwait(init) : undefined;
      if (value && (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression)) {
        const created = canonicalCallee(context, value.callee)[0];
        const createdRoot = created?.split('.')[0];
        if (createdRoot && Object.values(CLIENT_MODULES).includes(createdRoot)) names.unshift([createdRoot, ...segments.slice(1)].join('.'));
      }
    }
  }
  if (root === 'this' && segments.length > 2) names.push(segments.slice(1).join('.'));
  return names;
}

function methodOfThis(context: FileContext, callee: TSESTree.Node): FunctionNode | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.object.type !== AST_NODE_TYPES.ThisExpression || current.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = current.property.name;
  let node: TSESTree.Node | undefined = current.parent;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (!node) return undefined;
  for (const member of node.body) {
    if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
      const value = member.value;
      if (value && isFunction(value)) return value;
    }
  }
  void context;
  return undefined;
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Every callee called in a subtree, and in the local functions it calls (two levels down). */
export function calleesIn(context: FileContext, root: TSESTree.Node, depth = 0, seen = new Set<TSESTree.Node>()): string[] {
  const callees: string[] = [];
  walk(context, root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return;
    callees.push(...canonicalCallee(context, node.callee));
    if (depth >= 2) return;
    const local = localFunction(context, node.callee) ?? methodOfThis(context, node.callee);
    if (local && !seen.has(local)) {
      seen.add(local);
      callees.push(...calleesIn(context, local.body, depth + 1, seen));
    }
  });
  return [...new Set(callees)];
}

/** What the path says about an upstream failure: a catch whose try calls something, a `.catch()`, a `!resp.ok` branch. */
export function upstreamEvidence(context: FileContext, path: PathInfo): UpstreamEvidence | undefined {
  if (path.catchClause) {
    const tryStatement = path.catchClause.parent as TSESTree.TryStatement;
    return { callees: calleesIn(context, tryStatement.block), via: 'catch', errorMarkers: path.errorMarkers };
  }
  if (path.promiseCatch) {
    return { callees: calleesIn(context, path.promiseCatch), via: 'promise-catch', errorMarkers: path.errorMarkers };
  }
  for (const { test, flipped } of path.conditions) {
    const found = notOkBinding(test, flipped);
    if (!found) continue;
    const init = initializerOf(context, found.binding);
    const value = init ? unwrapAwait(init) : undefined;
    if (value?.type !== AST_NODE_TYPES.CallExpression) continue;
    const callees = canonicalCallee(context, value.callee);
    if (callees.length > 0) return { callees, via: 'not-ok-branch', errorMarkers: [] };
  }
  return undefined;
}
