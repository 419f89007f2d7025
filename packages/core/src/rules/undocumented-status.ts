// undocumented-status: the code sends a status its operation does not declare, and no range or `default` covers it.
import { defineDriftRule, keyCovers, operationLabel, statusPatternMatches, type DriftFinding, type SentStatus } from '../drift.js';

export interface UndocumentedStatusOptions {
  /** Statuses never reported, as `401` or `5XX`. */
  readonly ignoreStatuses: readonly string[];
  /** Also report statuses that middleware mounted for many routes sends (`app.use(requireAuth)`). */
  readonly includeMiddleware: boolean;
}

function declaredList(keys: readonly string[]): string {
  if (keys.length === 0) return 'no responses';
  return keys.map((key) => (key === 'DEFAULT' ? 'default' : key)).join(', ');
}

function how(sent: SentStatus): string {
  const written = sent.implicit ? `${sent.status} (the default status of a response sent without one)` : sent.statusText === String(sent.status) ? `${sent.status}` : `${sent.status} (\`${sent.statusText}\`)`;
  return sent.via ? `${written} through \`${sent.via}\`` : written;
}

export const undocumentedStatus = defineDriftRule<UndocumentedStatusOptions>(
  {
    id: 'undocumented-status',
    description: 'Disallow sending a status that the operation in the spec does not declare.',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    optionsSchema: {
      type: 'object',
      properties: {
        ignoreStatuses: { type: 'array', items: { type: 'string' } },
        includeMiddleware: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ignoreStatuses: [], includeMiddleware: false },
  },
  (_facts, matches, options) => {
    const findings: DriftFinding[] = [];
    for (const { operation, routes } of matches) {
      for (const route of routes) {
        for (const sent of route.sends) {
          if (sent.source === 'framework' || (sent.source === 'middleware' && !options.includeMiddleware)) continue;
          if (operation.responses.some((key) => keyCovers(key, sent.status))) continue;
          if (options.ignoreStatuses.some((pattern) => statusPatternMatches(pattern, sent.status))) continue;
          findings.push({
            ruleId: 'undocumented-status',
            messageId: 'undocumentedStatus',
            message: `${operationLabel(operation)} sends ${how(sent)}, but the spec declares ${declaredList(operation.responses)} for it. Document the ${sent.status} response, or stop sending it.`,
            evidence: sent.statusText,
            target: 'sent-status',
            route,
            sent,
            operation,
          });
        }
      }
    }
    return findings;
  },
);
