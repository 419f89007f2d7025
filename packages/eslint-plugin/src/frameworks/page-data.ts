// What a page's server function returns as a plain object (a Remix or React Router `loader` or `action`, a SvelteKit
// `load` or form action) is the page's data, sent with 200 whatever it holds. Wrapping it in the framework's answer
// with a status (`json(body, { status })`, `error(404, ...)`, `fail(400, data)`) changes what the page receives, so no
// fix is offered in place.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { returnedValues } from '../resolve/returns.js';
import type { FileContext, FunctionNode } from '../resolve/values.js';
import { IMPLICIT_SUCCESS, type Draft } from '../sites.js';

export function pageDataDrafts(context: FileContext, functions: readonly FunctionNode[], isPageFunction: (fn: FunctionNode) => boolean, producer: string): Draft[] {
  const drafts: Draft[] = [];
  for (const fn of functions) {
    if (!isPageFunction(fn)) continue;
    for (const value of returnedValues(context, fn)) {
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      drafts.push({ producer, anchor: value, ...IMPLICIT_SUCCESS, bodyNode: value, boundary: fn, replaceStatus: () => undefined });
    }
  }
  return drafts;
}
