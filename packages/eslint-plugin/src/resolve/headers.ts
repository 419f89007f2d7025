// Headers set on the way to a response: names from arguments, header objects, `new Headers(...)`, and what cannot be known.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { followBinding, keyName, NO_BINDINGS, staticText, unwrap, type Bindings, type FileContext } from './values.js';

export interface HeaderNames {
  readonly names: readonly string[];
  /** False when some header could not be read (a spread, a variable, a computed name). */
  readonly complete: boolean;
}

export const NO_HEADERS: HeaderNames = { names: [], complete: true };

export function mergeHeaders(...parts: readonly HeaderNames[]): HeaderNames {
  return { names: [...new Set(parts.flatMap((part) => part.names))], complete: parts.every((part) => part.complete) };
}

/** Header names of a headers value: `{ 'Retry-After': '60' }`, `new Headers({...})`, `[['Retry-After', '60']]`, a constant. */
export function headersOfObject(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS): HeaderNames {
  const current = followBinding(context, node, bindings);
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    const names: string[] = [];
    let complete = true;
    for (const property of current.properties) {
      if (property.type !== AST_NODE_TYPES.Property) {
        complete = false;
        continue;
      }
      const name = property.computed ? staticText(context, property.key, bindings) : keyName(property);
      if (name === undefined) complete = false;
      else names.push(name);
    }
    return { names, complete };
  }
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'Headers') {
    return current.arguments[0] ? headersOfObject(context, current.arguments[0], bindings) : NO_HEADERS;
  }
  if (current.type === AST_NODE_TYPES.ArrayExpression) {
    const names: string[] = [];
    let complete = true;
    for (const element of current.elements) {
      const pair = element ? unwrap(element) : undefined;
      const first = pair?.type === AST_NODE_TYPES.ArrayExpression ? pair.elements[0] : undefined;
      const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticText(context, first, bindings) : undefined;
      if (name === undefined) complete = false;
      else names.push(name);
    }
    return { names, complete };
  }
  if (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') return NO_HEADERS;
  return { names: [], complete: false };
}

/** Header names set by a call such as `res.set(name, value)` or `res.set({ ... })`. */
export function headersOfSetterCall(context: FileContext, call: TSESTree.CallExpression, bindings: Bindings = NO_BINDINGS): HeaderNames {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return { names: [], complete: false };
  if (call.arguments.length >= 2) {
    const name = staticText(context, first, bindings);
    return name !== undefined ? { names: [name], complete: true } : { names: [], complete: false };
  }
  return headersOfObject(context, first, bindings);
}

/** Is this header name `Retry-After`, in any case? */
export function isRetryAfter(name: string): boolean {
  return name.trim().toLowerCase() === 'retry-after';
}
