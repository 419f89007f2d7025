// Remix and React Router route modules: what an exported `loader` or `action` returns as a plain object goes out as
// JSON with 200 (`return { status: 405, body: 'Method Not Allowed' }` is a 200). Responses made with `json()` are
// read with the fetch responses.
import { frameworkModules } from '@status-lint/core';
import { exportedNameOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';
import { pageDataDrafts } from './page-data.js';

/** The server's exports of a route module (`clientLoader` and `clientAction` run in the browser and answer no request). */
const ROUTE_EXPORTS = new Set(['loader', 'action']);
/** Where Remix and React Router keep route modules by convention. */
const ROUTES_FOLDER = /(?:^|[\\/])app[\\/]routes[\\/]/;

/** Is this the exported `loader` / `action` of a route module: `export async function action()`, `export const loader = ...`? */
export function isRouteExport(fn: FunctionNode): boolean {
  return ROUTE_EXPORTS.has(exportedNameOf(fn) ?? '');
}

/** The text of such an export, to tell a route module before reading its tree. */
const ROUTE_EXPORT_TEXT = new RegExp(`\\bexport\\s+(?:async\\s+)?(?:function|const|let)\\s+(?:${[...ROUTE_EXPORTS].join('|')})\\b`);

/** React Router's generated route types (`import type { Route } from './+types/home'`): only a route module imports its own. */
const ROUTE_TYPES = /^\.\/\+types(?:\/|$)/;

/** Does this file export a route's `loader` or `action`: server code, even beside the page's browser code? */
export function isRouteModule(context: FileContext): boolean {
  const marked = context.imports.importsAny(frameworkModules.remix) || ROUTES_FOLDER.test(context.filename) || [...context.imports.sources].some((source) => ROUTE_TYPES.test(source));
  return marked && ROUTE_EXPORT_TEXT.test(context.sourceCode.text);
}

export function remixReturnDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  return isRouteModule(context) ? pageDataDrafts(context, functions, isRouteExport, 'remix') : [];
}
