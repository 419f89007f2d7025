// Did the response follow a failed call to another service, and which status says so? Shared by the rules that
// judge a 500 (no-500-for-upstream-error) and a failure answered with a 2xx (no-error-body-on-success).
import type { ResponseFact, UpstreamEvidence } from './facts.js';
import { catchesEveryClientFailure, isLocalFailureMarker, isNetworkErrorMarker, isOwnCallee, isProviderErrorMarker, isUpstreamCallee } from './knowledge/upstream-callees.js';
import { lastSegment } from './member-path.js';
import { textsOf } from './fact-text.js';

const TIMEOUT_MARKERS = /^(?:AbortError|TimeoutError|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ERR_CANCELED|DeadlineExceeded|DEADLINE_EXCEEDED|timeout|timedout|isTimeout)$/i;
const UNAVAILABLE_MARKERS = /^(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR_SOCKET|UNAVAILABLE|ServiceUnavailable|CircuitOpen|CircuitBreakerOpen|BrokenCircuitError)$/i;

function statusForUpstream(upstream: UpstreamEvidence): { status: number; reason: string } {
  const timeout = upstream.errorMarkers.find((marker) => TIMEOUT_MARKERS.test(marker));
  if (timeout) return { status: 504, reason: `it handles \`${timeout}\`` };
  const unavailable = upstream.errorMarkers.find((marker) => UNAVAILABLE_MARKERS.test(marker));
  if (unavailable) return { status: 503, reason: `it handles \`${unavailable}\`` };
  return { status: 502, reason: 'the upstream call failed' };
}

/**
 * Does any rule read the upstream evidence of a response with this status? The rules that do: a 400
 * (no-400-for-semantic-error), a 500 (no-500-for-upstream-error), a 2xx (no-error-body-on-success). Front ends skip
 * gathering it for the rest: following the calls of a `try` into other files is the costliest part of a fact.
 */
export function readsUpstreamEvidence(status: number): boolean {
  return status === 400 || status === 401 || status === 500 || Math.floor(status / 100) === 2;
}

const UPSTREAM_STATUS_NAMES: Readonly<Record<502 | 503 | 504, string>> = { 502: '502 Bad Gateway', 503: '503 Service Unavailable', 504: '504 Gateway Timeout' };

/** The status a message names for a failed upstream: `502 Bad Gateway`. */
export function upstreamStatusName(status: 502 | 503 | 504): string {
  return UPSTREAM_STATUS_NAMES[status];
}

export interface UpstreamFailure {
  /** The call that failed: `axios.get`, `stripe.charges.create`. */
  readonly callee: string;
  readonly status: 502 | 503 | 504;
  /** Why that status: "it handles `ETIMEDOUT`", "the upstream call failed". */
  readonly reason: string;
  /** Why an unknown callee counts, for messages (empty when the callee is known). */
  readonly why: string;
  /** "after" a failed call, or "when the response of" a call was not ok. */
  readonly how: string;
}

const CLIENT_CONNECTION_MARKERS = /^(?:EPIPE|ERR_STREAM_PREMATURE_CLOSE|ERR_STREAM_DESTROYED|ERR_STREAM_WRITE_AFTER_END)$/;

/** A transaction of the server's own database: `db.transaction`, `prisma.$transaction`, `sequelize.transaction`. */
const OWN_WRITE = /\.(?:transaction|\$transaction|withTransaction|startTransaction)$/;

/**
 * A write or a stored procedure of the server's own store (`supabase.from('x').upsert`, `db.insert`, `supabase.rpc`), or
 * an application function named for one (`createUser`, `updateTeam`; not `createClient`, which only makes a client).
 */
const OWN_WORK = /\.(?:insert\w*|upsert\w*|update\w*|delete\w*|remove|save\w*|rpc|transaction|\$transaction|bulkCreate|create(?:Many)?)$|^(?:create|insert|upsert|update|delete|remove|save)[A-Z]\w*(?<!Client|Instance|Connection|Pool|Stream|Context|Logger|Router|App|Server|Schema|Hash|Url|Uuid|Id)$/;

/** A path on which the caught value is not an `Error`: `!(error instanceof Error)`. */
const NOT_AN_ERROR = /^!\s*\(\s*[\w$.]+\s+instanceof\s+Error\s*\)$/;

/** Verbs of a write to the server's own records, as a message and a function name both say them. */
const RECORD_VERBS = new Set(wordsOf('create save insert store persist register add delete remove upsert write'));

/** The words of a name (`createGuestUser` is create, guest, user) or of a message, singular and without -ing/-ed. */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 1)
    .map((word) => word.replace(/(?:ing|ed|e)$/, '').replace(/s$/, ''));
}

/**
 * "Failed to create user" in the `catch` around `createGuestUser(email)` and `stripe.customers.update(...)`: the
 * message names a step of the server's own (a write of its records, by verb and thing), and not the other service's.
 */
function namesOwnStep(fact: ResponseFact, upstreamCallee: string, extraCallees: readonly string[]): boolean {
  const message = textsOf(fact).map(wordsOf);
  const names = (callee: string) => {
    const words = wordsOf(lastSegment(callee.replace(/\(\)/g, '')));
    const verb = words.find((word) => RECORD_VERBS.has(word));
    return message.some((said) => verb !== undefined && said.includes(verb) && words.some((word) => word !== verb && said.includes(word)));
  };
  if (names(upstreamCallee)) return false;
  const upstream = fact.upstream;
  const through = upstream?.reachedThrough ?? {};
  // A step of the server's own: called there, not a service's call, and reaching none through its body.
  const reachesService = (callee: string) => (upstream?.callees ?? []).some((inner) => through[inner] === callee && isUpstreamCallee(inner, extraCallees, upstream?.calleeModules?.[inner]));
  return (upstream?.callees ?? []).some((callee) => callee !== upstreamCallee && through[callee] === undefined && !isUpstreamCallee(callee, extraCallees, upstream?.calleeModules?.[callee]) && !reachesService(callee) && names(callee));
}

/** The `else` of one test of the client's error (`!(err instanceof AxiosError)`, `!axios.isAxiosError(e)`), and nothing beside it. */
const ONLY_CLIENT_ERROR_TEST = /^!\s*\(?\s*(?:[\w$.]+\s+instanceof\s+[\w$.]+|[\w$.]*isAxiosError\([^()]*\))\s*\)?$/;

/** The root error class an SDK exports (`Anthropic.APIError`, `OpenAI.APIConnectionError`), named through the SDK's client. */
const SDK_ROOT_ERROR = /^([A-Z][\w$]*)\.(?:APIError|APIConnectionError)$/;

function sdkRootError(item: string, upstream: UpstreamEvidence, extraCallees: readonly string[]): boolean {
  const sdk = SDK_ROOT_ERROR.exec(item)?.[1];
  return sdk !== undefined && upstream.callees.some((callee) => callee.startsWith(`${sdk}.`) && isUpstreamCallee(callee, extraCallees, upstream.calleeModules?.[callee]));
}

/** Reading the body of a call's answer (`response.json()` of a `fetch(...)`, known to the front end as `fetch.json`): that call again. */
export const ANSWER_BODY_READ = /^(fetch|got|ky|undici\.request|request)\.(?:json|text|blob|arrayBuffer|formData)$/;

/**
 * `if (axios.isAxiosError(e)) return 502; ... 500` (or its `else`, `if (!(error instanceof AxiosError))`): the failures
 * of the network client were answered apart, and what is left is not another service's. So is `error instanceof
 * Anthropic.APIError`: the SDK's root error, which its connection errors extend too.
 */
export function networkFailuresAnsweredApart(fact: ResponseFact, extraCallees: readonly string[] = []): boolean {
  return (fact.guards ?? []).some(
    (guard) =>
      // The condition as it holds on this path: after `if (!(e instanceof AxiosError)) throw e`, it is `e instanceof
      // AxiosError`, a failure of the client, which is not told apart but kept.
      guard.negated && (guard.afterEarlyExit || ONLY_CLIENT_ERROR_TEST.test(guard.text)) &&
      [...guard.callees, ...guard.members, ...guard.text.split(/[^\w.]+/)].some((item) => catchesEveryClientFailure(lastSegment(item)) || (fact.upstream !== undefined && sdkRootError(item, fact.upstream, extraCallees))),
  );
}

/** The failed upstream call behind a response, if the code shows one. `extraCallees` are the user's own patterns. */
export function upstreamFailure(fact: ResponseFact, extraCallees: readonly string[] = []): UpstreamFailure | undefined {
  const upstream = fact.upstream;
  if (!upstream) return undefined;
  // `if (axios.isAxiosError(e)) return 502; ... 500` (or its `else`): network failures were answered apart; this 500 is what is left.
  // `if (error instanceof Anthropic.APIError) return ...; ... 500`: the SDK's root error, which its connection errors
  // extend too, was answered apart.
  if (networkFailuresAnsweredApart(fact, extraCallees)) return undefined;
  // `{ status: missingKey ? 500 : 502 }` in a `catch`: the handler answers the service's failures with a gateway status
  // on another path; this 500 is what it told apart from them.
  if (upstream.answersUpstreamApart) return undefined;
  // `if (error instanceof Error) { ... return } return 500`: what is left was thrown as no `Error` at all, which no
  // failed call over the network throws.
  if ((fact.guards ?? []).some((guard) => NOT_AN_ERROR.test(guard.text))) return undefined;
  // `if (e instanceof SyntaxError) res.status(400)`: the branch answers the error of the server's own parsing.
  if (upstream.errorMarkers.some(isLocalFailureMarker)) return undefined;
  const known = upstream.callees.find((name) => isUpstreamCallee(name, extraCallees, upstream.calleeModules?.[name]));
  // A `try` that also runs a transaction of the server's own database beside the call is a catch-all of that work:
  // what failed may as well be the database, unless the handler tells network errors apart.
  const writesOwnRecords = upstream.via !== 'not-ok-branch' && upstream.errorMarkers.length === 0 && upstream.callees.some((name) => isOwnCallee(name, upstream.calleeModules?.[name]) && OWN_WRITE.test(name));
  if (known && (writesOwnRecords || namesOwnStep(fact, known, extraCallees)) && !upstream.handledMarkers?.some(isNetworkErrorMarker)) return undefined;
  // `error.status || 500` after a `try` that also writes the server's own records: the errors with no status of their
  // own are as much the store's as the service's (a failed connection to it has none either).
  if (known && fact.context?.statusFallback && upstream.callees.some((name) => name !== known && !isUpstreamCallee(name, extraCallees, upstream.calleeModules?.[name]) && OWN_WORK.test(name))) return undefined;
  // A failure handler that tells network errors apart (`ECONNABORTED`, `isAxiosError`) says its `try` called over the network.
  // A handler that also tells a broken pipe apart (`EPIPE`) speaks of the client's connection going away while the
  // answer is written, and its `ECONNABORTED` is the client's too.
  const clientConnection = upstream.handledMarkers?.some((marker) => CLIENT_CONNECTION_MARKERS.test(marker)) ?? false;
  const networkMarker = upstream.via === 'not-ok-branch' || clientConnection ? undefined : upstream.handledMarkers?.find(isNetworkErrorMarker);
  // Databases raise the same codes (`ECONNREFUSED`): the call must be one that is not the server's own work.
  const callee = known ?? (networkMarker !== undefined ? upstream.callees.find((name) => !isOwnCallee(name, upstream.calleeModules?.[name])) : undefined);
  if (!callee) return undefined;
  const { status, reason } = statusForUpstream(upstream);
  const how = upstream.via === 'not-ok-branch' ? 'when the response of' : 'after';
  // Say why an unknown callee counts, unless the reason already names the network error it handles.
  // A function of the application reached on the way (`createTeamRequest(...)` calling `fetch`): named as the code calls it.
  const through = upstream.reachedThrough?.[callee];
  // `response.json()` of a `fetch(...)`, known to the front end as `fetch.json`: the call that failed is the fetch.
  const inner = callee.replace(ANSWER_BODY_READ, '$1');
  const why = through !== undefined ? ` (it calls \`${inner}(...)\`)` : known || reason.includes('handles') ? '' : isProviderErrorMarker(networkMarker ?? '') ? ` (its failure handler reads the error as a provider's: \`${networkMarker}\`)` : ` (its failure handler tests \`${networkMarker}\`, a network error)`;
  const shown = through ?? inner;
  return { callee: shown, status: status as 502 | 503 | 504, reason, why, how };
}
