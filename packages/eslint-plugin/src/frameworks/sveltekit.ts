// SvelteKit page server modules (`+page.server.ts`, `+layout.server.ts`): what the exported `load` and the form
// `actions` return as a plain object is the page's data, served with 200 (`return { status: 404, error: 'Playlist not
// found' }` is a 200). A failure is answered with `error(404, ...)` in a `load` and `fail(400, data)` in an action.
// Endpoints (`+server.ts`) answer with `json()` and `Response`, read with the fetch responses. Remote functions
// (`form(schema, async (data) => ...)`, `command`, `query`, `prerender` of `$app/server`, in `*.remote.ts` files) answer
// the page's call the same way: what they return is its data, with 200, and what they throw is a 500 unless it is
// SvelteKit's `error(...)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { exportedNameOf, keyName, propertyName, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';
import { pageDataDrafts } from './page-data.js';

/** A page's or a layout's server module, by SvelteKit's file names. */
const SERVER_MODULE = /(?:^|[\\/])\+(?:page|layout)\.server\.[cm]?[jt]s$/;

export function isSvelteKitServerModule(context: FileContext): boolean {
  return SERVER_MODULE.test(context.filename);
}

/** The `load` of a server module, or one of its form `actions` (`export const actions = { default: async () => ... }`). */
export function isSvelteKitRouteFunction(fn: FunctionNode): boolean {
  if (exportedNameOf(fn) === 'load') return true;
  const property = fn.parent;
  // `actions = { async update({ locals }) { ... } }` and `actions = { update: async (...) => ... }`.
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn || keyName(property) === undefined) return false;
  const object = property.parent;
  return object?.type === AST_NODE_TYPES.ObjectExpression && exportedNameOf(object) === 'actions';
}

/** The module SvelteKit's remote functions come from, and their names. */
const REMOTE_MODULE = ['$app/server'];
const REMOTE_FUNCTIONS = ['form', 'command', 'query', 'prerender'];

/** The function a remote function of SvelteKit's runs: the last argument of `form(...)`, `command(...)`, `query(...)`, `query.batch(...)` or `prerender(...)`. */
export function isSvelteKitRemoteFunction(context: FileContext, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== fn) return false;
  const callee = call.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && propertyName(callee) === 'batch'
        ? callee.object.name
        : undefined;
  return name !== undefined && context.imports.isFrom(name, REMOTE_MODULE, REMOTE_FUNCTIONS);
}

/** A page's `load` or form action, or a remote function: SvelteKit answers what it throws with its error page's 500. */
export function isSvelteKitAnswered(context: FileContext, fn: FunctionNode): boolean {
  return (isSvelteKitServerModule(context) && isSvelteKitRouteFunction(fn)) || isSvelteKitRemoteFunction(context, fn);
}

export function svelteKitReturnDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  if (!isSvelteKitServerModule(context) && !context.imports.importsAny(REMOTE_MODULE)) return [];
  return pageDataDrafts(context, functions, (fn) => isSvelteKitAnswered(context, fn), 'sveltekit');
}
