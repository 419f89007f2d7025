// require-retry-after-on-429: a 429 must tell the client when to try again.
import type { ResponseFact } from '../facts.js';
import { defineRule } from '../rule.js';
import { operationsNote } from '../fact-text.js';

export const requireRetryAfterOn429 = defineRule<Record<string, never>>(
  {
    id: 'require-retry-after-on-429',
    description: 'Require a Retry-After header on 429 Too Many Requests responses.',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    appliesTo: { statuses: [429] },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  (fact: ResponseFact) => {
    if (fact.status !== 429) return undefined;
    const headers = fact.headers;
    if (!headers) return undefined;
    if (headers.names.some((name) => name.trim().toLowerCase() === 'retry-after')) return undefined;
    if (!headers.complete) return undefined;
    const declared = headers.names.length > 0 ? ` (it ${fact.origin === 'spec' ? 'declares' : 'sets'} only ${headers.names.map((name) => `\`${name}\``).join(', ')})` : '';
    const forwarded = fact.context?.forwardedFrom;
    if (forwarded) {
      return {
        ruleId: 'require-retry-after-on-429',
        messageId: 'missingRetryAfter',
        message: `Status of \`${forwarded}(...)\`'s answer passed on without its \`Retry-After\` header${declared}: when that service answers 429, the client is told to slow down but not for how long. Pass its \`Retry-After\` on with the status.`,
        evidence: forwarded,
        target: 'headers',
      };
    }
    const message =
      fact.origin === 'spec'
        ? `429 Too Many Requests response declares no \`Retry-After\` header${declared}${operationsNote(fact)}. Add it so that clients know when to retry.`
        : `429 Too Many Requests sent without a \`Retry-After\` header${declared}. Set it so that clients know when to retry.`;
    return {
      ruleId: 'require-retry-after-on-429',
      messageId: 'missingRetryAfter',
      message,
      evidence: headers.names.join(', '),
      fix: { kind: 'add-header', header: 'Retry-After' },
      target: 'headers',
    };
  },
);
