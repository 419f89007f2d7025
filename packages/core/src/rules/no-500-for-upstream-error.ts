// no-500-for-upstream-error: a generic 500 where a dependency failed; say which layer failed with 502, 503 or 504.
import type { ResponseFact } from '../facts.js';
import { defineRule } from '../rule.js';
import { classifyFact, operationsNote } from '../fact-text.js';
import { findSignal } from '../vocabulary.js';
import { networkFailuresAnsweredApart, upstreamFailure, upstreamStatusName } from '../upstream-failure.js';
import { isLocalSdkOperation } from '../knowledge/upstream-callees.js';

export interface No500ForUpstreamErrorOptions {
  /** More callees that reach another service, beside the built-in HTTP clients and SDKs: `paymentsClient.*`, `geoApi.lookup`. */
  readonly upstreamCallees: readonly string[];
}

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
    // `throw new Error(msg)`: no status of its own, answered with 500 by the framework; the fix is an error that carries one.
    const plain = fact.context?.producer === 'default-error';
    const subject = plain ? 'An `Error` with no status (answered 500 Internal Server Error by the framework)' : '500 Internal Server Error';
    const advice = (status: 502 | 503 | 504) => (plain ? `Throw an error that carries a status: use ${upstreamStatusName(status)}` : `Use ${upstreamStatusName(status)}`);
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
    // Words of an upstream failure on the path where the network client's failures were told apart (`if (!(error
    // instanceof AxiosError)) throw new InternalServerErrorException('Credit Account is unavailable.')`) name no failed call.
    // Nor where all the failed work is an SDK's own, done without its service (`getSignedUrl(...)`: "error getting s3 file url").
    const failedWork = fact.upstream?.callees ?? [];
    const localSdkWorkOnly = failedWork.length > 0 && failedWork.every(isLocalSdkOperation);
    if (textual?.match && !networkFailuresAnsweredApart(fact, options.upstreamCallees) && !localSdkWorkOnly) {
      const where = fact.origin === 'spec' ? 'description says' : 'message says';
      return {
        ruleId: 'no-500-for-upstream-error',
        messageId: 'upstreamText',
        message: `${subject} used for an upstream failure: the ${where} "${textual.match.phrase}"${operationsNote(fact)}. ${advice(textual.status)}.`,
        evidence: textual.match.phrase,
        suggestedStatus: textual.status,
        fix: { kind: 'replace-status', status: textual.status },
      };
    }
    const failure = upstreamFailure(fact, options.upstreamCallees);
    if (!failure) return undefined;
    const { callee, status, reason, why, how } = failure;
    const handedOn = fact.upstream?.via === 'unhandled' ? fact.upstream.handedOnBy : undefined;
    if (handedOn) {
      return {
        ruleId: 'no-500-for-upstream-error',
        messageId: 'upstreamCall',
        message: `500 Internal Server Error sent by the error middleware when \`${handedOn.call}\` fails: ${handedOn.library} hands a failed request to the other service (here its token or profile fetch) to \`next(err)\`; ${reason}. Give it a callback that answers the error with ${upstreamStatusName(status)}.`,
        evidence: callee,
        suggestedStatus: status,
      };
    }
    if (fact.upstream?.via === 'unhandled') {
      const awaitedIn = fact.upstream.awaitedIn;
      return {
        ruleId: 'no-500-for-upstream-error',
        messageId: 'upstreamCall',
        message: `500 Internal Server Error sent by the framework when \`${callee}(...)\`${why} fails: nothing in this ${awaitedIn ? `function, nor on the way from the handler that awaits it (${awaitedIn}),` : 'handler'} catches its error; ${reason}. Catch it and answer with ${upstreamStatusName(status)}.`,
        evidence: callee,
        suggestedStatus: status,
      };
    }
    return {
      ruleId: 'no-500-for-upstream-error',
      messageId: 'upstreamCall',
      message: `${subject} ${plain ? 'thrown' : 'sent'} ${how} \`${callee}(...)\` failed${why}; ${reason}. ${advice(status)}.`,
      evidence: callee,
      suggestedStatus: status,
      fix: { kind: 'replace-status', status },
    };
  },
);
