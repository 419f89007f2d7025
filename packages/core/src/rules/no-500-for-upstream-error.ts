// no-500-for-upstream-error: a generic 500 where a dependency failed; say which layer failed with 502, 503 or 504.
import type { ResponseFact, UpstreamEvidence } from '../facts.js';
import { defineRule } from '../rule.js';
import { classifyFact, operationsNote } from '../fact-text.js';
import { findSignal } from '../vocabulary.js';
import { catchesEveryClientFailure, isNetworkErrorMarker, isOwnCallee, isProviderErrorMarker, isUpstreamCallee } from '../knowledge/upstream-callees.js';

export interface No500ForUpstreamErrorOptions {
  /** More callees that reach another service, beside the built-in HTTP clients and SDKs: `paymentsClient.*`, `geoApi.lookup`. */
  readonly upstreamCallees: readonly string[];
}

const TIMEOUT_MARKERS = /^(?:AbortError|TimeoutError|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ERR_CANCELED|DeadlineExceeded|DEADLINE_EXCEEDED|timeout|timedout|isTimeout)$/i;
const UNAVAILABLE_MARKERS = /^(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR_SOCKET|UNAVAILABLE|ServiceUnavailable|CircuitOpen|CircuitBreakerOpen|BrokenCircuitError)$/i;

function statusForUpstream(upstream: UpstreamEvidence): { status: number; reason: string } {
  const timeout = upstream.errorMarkers.find((marker) => TIMEOUT_MARKERS.test(marker));
  if (timeout) return { status: 504, reason: `it handles \`${timeout}\`` };
  const unavailable = upstream.errorMarkers.find((marker) => UNAVAILABLE_MARKERS.test(marker));
  if (unavailable) return { status: 503, reason: `it handles \`${unavailable}\`` };
  return { status: 502, reason: 'the upstream call failed' };
}

const lastPart = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

const NAMES: Record<number, string> = { 502: '502 Bad Gateway', 503: '503 Service Unavailable', 504: '504 Gateway Timeout' };

export const no500ForUpstreamError = defineRule<No500ForUpstreamErrorOptions>(
  {
    id: 'no-500-for-upstream-error',
    description: 'Disallow a generic 500 when an upstream dependency failed; use 502, 503 or 504.',
    defaultSeverity: 'warn',
    presets: ['recommended', 'all'],
    appliesTo: { statuses: [500] },
    optionsSchema: {
      type: 'object',
      properties: { upstreamCallees: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] } },
      additionalProperties: false,
    },
    defaultOptions: { upstreamCallees: [] },
  },
  (fact: ResponseFact, options) => {
    if (fact.status !== 500) return undefined;
    const classification = classifyFact(fact);
    const textual = (
      [
        ['upstream-timeout', 504],
        ['upstream-unavailable', 503],
        ['upstream-failure', 502],
      ] as const
    )
      .map(([signal, status]) => ({ match: findSignal(classification, signal), status }))
      .find((candidate) => candidate.match?.strength === 'strong');
    if (textual?.match) {
      const where = fact.origin === 'spec' ? 'description says' : 'message says';
      return {
        ruleId: 'no-500-for-upstream-error',
        messageId: 'upstreamText',
        message: `500 Internal Server Error used for an upstream failure: the ${where} "${textual.match.phrase}"${operationsNote(fact)}. Use ${NAMES[textual.status]}.`,
        evidence: textual.match.phrase,
        suggestedStatus: textual.status,
        fix: { kind: 'replace-status', status: textual.status },
      };
    }
    const upstream = fact.upstream;
    if (!upstream) return undefined;
    // `if (axios.isAxiosError(e)) return 502; ... 500`: network failures were answered apart; this 500 is what is left.
    const networkHandledBefore = (fact.guards ?? []).some((guard) => guard.afterEarlyExit && [...guard.callees, ...guard.members, ...guard.text.split(/[^\w.]+/)].some((item) => catchesEveryClientFailure(lastPart(item))));
    if (networkHandledBefore) return undefined;
    const known = upstream.callees.find((name) => isUpstreamCallee(name, options.upstreamCallees, upstream.calleeModules?.[name]));
    // A failure handler that tells network errors apart (`ECONNABORTED`, `isAxiosError`) says its `try` called over the network.
    const networkMarker = upstream.via === 'not-ok-branch' ? undefined : upstream.handledMarkers?.find(isNetworkErrorMarker);
    // Databases raise the same codes (`ECONNREFUSED`): the call must be one that is not the server's own work.
    const callee = known ?? (networkMarker !== undefined ? upstream.callees.find((name) => !isOwnCallee(name, upstream.calleeModules?.[name])) : undefined);
    if (!callee) return undefined;
    const { status, reason } = statusForUpstream(upstream);
    const how = upstream.via === 'not-ok-branch' ? 'when the response of' : 'after';
    // Say why an unknown callee counts, unless the reason already names the network error it handles.
    const why = known || reason.includes('handles') ? '' : isProviderErrorMarker(networkMarker ?? '') ? ` (its failure handler reads the error as a provider's: \`${networkMarker}\`)` : ` (its failure handler tests \`${networkMarker}\`, a network error)`;
    return {
      ruleId: 'no-500-for-upstream-error',
      messageId: 'upstreamCall',
      message: `500 Internal Server Error sent ${how} \`${callee}(...)\` failed${why}; ${reason}. Use ${NAMES[status]}.`,
      evidence: callee,
      suggestedStatus: status,
      fix: { kind: 'replace-status', status },
    };
  },
);
