// SvelteKit page server modules (`+page.server.ts`, `+layout.server.ts`): what the exported `load` and the form
// `actions` return as a plain object is the page's data, served with 200 (`return { status: 404, error: 'Playlist not
// found' }` is a 200). A failure is answered with `error(404, ...)` in a `load` and `fail(400, data)` in an action.
// Endpoints (`+server.ts`) answer with `json()` and `Response`, read with the fetch responses.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { exportedNameOf, keyName, type FileContext, type FunctionNode } from '../resolve/values.js';
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

export function svelteKitReturnDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  return isSvelteKitServerModule(context) ? pageDataDrafts(context, functions, isSvelteKitRouteFunction, 'sveltekit') : [];
}
