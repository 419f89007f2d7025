// A rate limiter that answers its 429s itself with its Retry-After turned off: express-rate-limit configured with
// `legacyHeaders: false` and `standardHeaders: false` (`headers: false` in v5) and no `handler` of its own. The
// limiter's own answer is the response, made where it is configured.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { rateLimiterHeaderOptions, rateLimiterModules } from '@status-lint/core';
import { addProperty } from '../resolve/edits.js';
import { limiterSetsRetryAfter } from '../resolve/handlers.js';
import { resolveStatus } from '../resolve/status.js';
import { followBinding, memberPath, NO_BINDINGS, objectProperty, unwrap, type FileContext } from '../resolve/values.js';
import type { Draft, Suggestion } from '../sites.js';

/** Turn the limiter's header back on: the option written `false` (`headers` in v5), or `standardHeaders: true`. */
function turnHeadersOn(context: FileContext, options: TSESTree.ObjectExpression, module: string): Suggestion | undefined {
  for (const option of rateLimiterHeaderOptions[module] ?? []) {
    for (const name of [option.name, ...(option.aliases ?? [])]) {
      const value = objectProperty(options, name)?.value;
      if (value && unwrap(value).type === AST_NODE_TYPES.Literal) return { text: `${name}: true`, fix: (fixer) => fixer.replaceText(value, 'true') };
    }
  }
  const fix = addProperty(context, options, 'standardHeaders', 'true');
  return fix ? { text: 'standardHeaders: true', fix } : undefined;
}

export function rateLimiterConfigDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  // Most files import no rate limiter: their calls are not looked at.
  if (!context.imports.importsAny(rateLimiterModules)) return [];
  const drafts: Draft[] = [];
  for (const call of calls) {
    const root = memberPath(call.callee)?.split('.')[0];
    if (!root || !context.imports.isFrom(root, rateLimiterModules)) continue;
    const module = context.imports.binding(root)?.source;
    const argument = call.arguments[0];
    if (!module || !rateLimiterHeaderOptions[module] || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = followBinding(context, argument, NO_BINDINGS);
    // A `handler` of its own answers the 429 (and is read as a response where it is written).
    if (options.type !== AST_NODE_TYPES.ObjectExpression || objectProperty(options, 'handler') || limiterSetsRetryAfter(context, module, options)) continue;
    const statusValue = objectProperty(options, 'statusCode')?.value;
    const status = statusValue ? resolveStatus(context, statusValue)?.status : 429;
    if (status === undefined) continue;
    drafts.push({
      producer: 'express',
      anchor: call,
      knownStatus: { status, text: String(status) },
      headerNodes: [],
      replaceStatus: () => undefined,
      addRetryAfter: () => turnHeadersOn(context, options, module),
    });
  }
  return drafts;
}
