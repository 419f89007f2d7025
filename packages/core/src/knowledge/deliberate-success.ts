// When a 2xx that carries a failure is the protocol or the product, not a lie: protocol envelopes that must be 200,
// acknowledgements that stop a sender's retries, verdicts that are what the operation returns, streams, batches.
import type { ResponseFact } from '../facts.js';
import type { BodyClassification } from '../body.js';
import { classifyText } from '../vocabulary.js';
import { testsIdentity } from '../permission-guards.js';

/** Bodies a protocol fixes: JSON-RPC 2.0 (`jsonrpc`, `error`), MCP tool results (`isError`), SOAP faults. */
const PROTOCOL_PROPERTIES = new Set(['jsonrpc', 'iserror', 'soapenvelope', 'envelope']);

/** Routes, handlers and files of protocols whose errors travel in a 200: GraphQL, JSON-RPC, MCP. (tRPC sends HTTP statuses.) */
const PROTOCOL_ROUTE = /(?:^|[\s/_.-])(?:graphql|gql|json-?rpc|mcp)(?:$|[\s/_.-])/i;

/** Media types that stream: the status is sent before the failure happens, so the failure travels inside. */
const STREAMING_MEDIA = /event-stream|ndjson|jsonl|json-seq|x-json-stream|octet-stream/i;

/** Routes that stream (`/2/tweets/sample/stream`, `/events/sse`), whatever media type the description gives. */
const STREAMING_ROUTE = /(?:^|[\s/_.-])(?:stream|streams|streaming|sse|event-?stream)(?:$|[\s/_.-])/i;

/**
 * Webhook and queue receivers: the sender retries anything that is not a 2xx, so a receiver that has read a delivery
 * it cannot use answers 2xx on purpose. Named in the route, the handler or the file. Not an OAuth `callback`, which a
 * browser follows and which does not retry.
 */
const ACKNOWLEDGING_ROUTE = /(?:^|[\s/_.[-])(?:webhooks?|web-hooks?|hooks?|ipn|inbound|receivers?|consumers?|subscribers?|pubsub|sns|sqs)(?:$|[\s/_.\]-])|(?:[wW]eb[hH]ook)(?=[A-Z._-]|s?$)|Hook(?=[A-Z]|$)/;

/**
 * A delivery read from a queue's push request (`const { message } = readPushSubscription(req)`, `parsePubSubMessage`,
 * `decodeSqsMessage`): the handler is the queue's receiver, whatever its route is called. Its guards name the reader.
 */
const DELIVERY_READER = /(?:PushSubscription|PubSub|Pubsub|PushMessage|PushEvent|SqsMessage|SnsMessage|SnsNotification|QueueMessage)\w*$/;

/** Wrappers that verify a queue's push delivery before the handler runs: Upstash QStash's `verifySignatureAppRouter`, an app's `withQstash`. */
const DELIVERY_WRAPPER = /qstash|^verifySignature(?:AppRouter|Edge)?$/i;

function readsPushDelivery(fact: ResponseFact): boolean {
  return (fact.guards ?? []).some((guard) => guard.callees.some((callee) => DELIVERY_READER.test(callee))) || (fact.context?.wrappedBy ?? []).some((name) => DELIVERY_WRAPPER.test(name));
}

/**
 * The author's own words that the 2xx is deliberate toward a sender that retries: "return 200 so that Stripe does not
 * retry", "acknowledge the event". A retry said of callers or users ("not a state callers should retry") is not it.
 */
const ACKNOWLEDGING_NOTE = /\b(?:acknowledg\w*|ack(?:nowledge)?s? (?:the |this )?(?:event|message|delivery|webhook|job|notification))\b/i;
const SENDER_RETRY_NOTE = /\b(?:webhooks?|senders?|provider|stripe|github|slack|svix|twilio|sendgrid|queue|deliver(?:y|ies)|events?|messages?|jobs?|notifications?)\b[^.]*\b(?:retr(?:y|ies|ying|ied)|redeliver\w*|re-?send\w*)\b|\b(?:retr(?:y|ies|ying|ied)|redeliver\w*)\b[^.]*\b(?:webhooks?|senders?|provider|stripe|github|slack|svix|queue|deliver(?:y|ies)|events?)\b/i;

/** "Return early without throwing - this can happen if the user disconnected": the code says the case is expected, not a failure. */
const EXPECTED_CASE_NOTE = /\b(?:return|answer|respond|exit)\w* (?:early |quietly |gracefully )?without (?:throwing|an? error|failing|erroring)\b|\bthis is (?:an )?expected(?: case| condition| state)?\b|\bnot (?:treated as |considered )?an error\b/i;

/**
 * The author says the failure must not fail the caller: best-effort reporting, telemetry, a task whose error is kept
 * elsewhere ("don't throw, a failed report must not affect the main flow", "不抛出错误，因为上报失败不应影响主流程").
 */
const BEST_EFFORT_NOTE =
  /\b(?:best[- ]effort|fire[- ]and[- ]forget|non-?blocking|(?:should|must) not (?:affect|break|block|interrupt|fail) (?:the )?(?:main|user|caller|request|primary)|(?:do not|don't|never) (?:throw|fail|surface|propagate)(?: an?| the)? (?:error|failure)?s?\b[^.]*\b(?:report|telemetry|analytics|track|log|main flow|caller|user flow))|不(?:要|应|应该)?抛出|不(?:应|应该)?影响主流程/i;

/** A client of another service, or what makes one: `getRadarrApiClient`, `apiClient.info`, `this.plexApi.getStatus`. */
const SERVICE_CLIENT = /(?:Client|Api|API|Sdk|SDK)(?:\.\w+)?$|(?:^|\.)(?:client|api|sdk)\.\w+$/;
/** A route (or route file) that tests a connection or probes a service: its last path segment says so, or a debug folder. */
const TRIAL_ROUTE = /\/(?:test|test-?connection|check-?connection|connection-?test|probe)\/?$|(?:^|\/)(?:_+debug|diagnostics?)\//i;
/**
 * Handlers whose job is to try something and say how it went: `validate`, `previewSql`, `dryRun`, `checkValid`, `testHttpProxy`. Not
 * `test*` in general: a `testUpdate` whose catch also answers a record not found or a bad request with 200 was labelled a misuse.
 */
const TRIAL_OPERATION = /^(?:validat\w*|preview\w*|dry-?run\w*)$|^(?:validate|preview|dryRun)[A-Z]\w*$|^(?:check|is|test)Valid(?:ity)?(?:[A-Z]\w*)?$|^(?:test|check)(?:Http|Https|Smtp|Db|Database)?(?:Connection|Connectivity|Proxy|Reachability)\w*$/;

/** Calls that only build or send the answer, or log. */
const ANSWER_CALLEE = /^(?:res|reply|ctx|c|response|Response|NextResponse|console|logger|log)(?:\.|$)/;

/** Code that probes another service and answers how it is (`POST /status` answering `{ ok: probe.ok }`, `/health`, `/ping`). */
const PROBE_OPERATION = /(?:^|[\s/_.{-])(?:health\w*|heartbeat|ping|reachab\w*)|[\s/]status$/i;

/** Operations whose answer is a verdict: a validation, a check, a test, a scan, a preview, a dry run. */
const VERDICT_OPERATION = /(?:^|[\s/_.{-])(?:validat\w*|verif\w*|check\w*|test\w*|lint\w*|scan\w*|preview\w*|dry-?run|simulat\w*|analy[sz]\w*|evaluat\w*|availab\w*|lookup)|(?:^|[a-z])(?:Validat|Verif|Check|Test|Lint|Scan|Preview|DryRun|Simulat|Analy[sz]|Evaluat)/;

/** "Already logged in", "You are already signed in", "already authenticated": the state a sign-in asks for holds. */
const ALREADY_SIGNED_IN_WORDS = /^\s*(?:you are |you're |user is )?already (?:logged|signed) in\b[.!]?\s*$|^\s*(?:you are |you're |user is )?already authenticated[.!]?\s*$/i;

/** Logging out: `logout`, `/auth/sign-out`, `handleSignOut`. */
const LOGOUT_OPERATION = /(?:^|[\s/_.-])(?:log-?out|sign-?out)|(?:^|[a-z])(?:Logout|LogOut|Signout|SignOut)/i;
const NOT_SIGNED_IN_WORDS = /\bnot[-\s_]*(?:logged|signed)[-\s_]*in\b|\bno (?:active )?session\b/i;

/** An action that refuses on purpose: "deny", "reject", "decline" succeeded when it refused. */
const REFUSING_OPERATION = /(?:^|[\s/_.-])(?:deny|reject|decline|block|ban|revoke)(?:$|[\s/_.-])|(?:^|[a-z])(?:Deny|Reject|Decline|Revoke)(?=[A-Z]|$)/;

/** Properties whose `false` is an answer (`{ valid: false, errors }` from a validation), not a failure. */
const ANSWER_FLAGS = new Set(['valid', 'isvalid', 'available', 'isavailable', 'exists', 'allowed', 'passed', 'matches', 'eligible', 'accessible', 'isaccessible', 'reachable', 'isreachable', 'connected', 'isconnected', 'connection']);
/** A permission asked about (`{ canSend: false, error: 'daily limit reached' }` from `checkSendPermission`): the answer, with its reason. */
const PERMISSION_ANSWER_FLAG = /^(?:can|may)(?!cel)[a-z]{3,}$/;

/** Batch operations answer per item: failures of some items are results, not a failure of the call. */
const BATCH_OPERATION = /(?:^|[\s/_.-])(?:batch|bulk|multi|batches)(?:$|[\s/_.-])|(?:^|[a-z])(?:Batch|Bulk)(?=[A-Z]|$)/;

/** A 202 that says the work is not done yet: "not generated yet, try again later" is the promise of an accepted job. */
const NOT_YET = /\b(?:not (?:yet )?(?:ready|generated|available|complete|completed|finished|done)|try again later|retry later|in progress|pending|still processing|being (?:processed|generated))\b/i;

/**
 * A description that admits failures travel with this 2xx ("Errors are also returned with HTTP 200", "the API still
 * answers 200 with code=40400", "a problem document is returned with this status"): the author says it is a failure.
 */
const ADMITS_FAILURE = /\b(?:errors?|failures?|wrong [\w ]+|problem (?:document|details)|(?:does|do) not exist|unavailable|fails?)\b[^.]{0,60}\b(?:(?:is|are) (?:also )?(?:returned|sent|answered|reported)|(?:still )?(?:answers?|returns?|responds?)) (?:with |as |in )?(?:an? )?(?:http )?(?:200|2xx|this status|a success)\b|\bstill (?:answers|returns|responds with) (?:http )?200\b/i;

export function admitsFailure(fact: ResponseFact): boolean {
  return fact.texts.some((text) => (text.source === 'description' || text.source === 'summary') && ADMITS_FAILURE.test(text.text));
}

/** A failure of the receiver's own work caught where it answers: a `catch` of the handler, not the global error handler. */
function ownWorkFailed(fact: ResponseFact): boolean {
  return fact.origin === 'code' && fact.context?.inErrorHandler === true && !fact.context.globalErrorHandler && (fact.upstream?.via === 'catch' || fact.upstream?.via === 'promise-catch');
}

/** Words of the answer that say the sender's credentials were refused: "invalid api_token value", "Invalid signature". */
function refusesCredentials(fact: ResponseFact, verdict: BodyClassification | undefined): boolean {
  const texts = [...fact.texts.map((text) => text.text), ...(verdict?.words ?? [])];
  return texts.some((text) => classifyText(text).matches.some((match) => match.signal === 'authentication-failure' && match.strength === 'strong'));
}

function placesOf(fact: ResponseFact): string[] {
  return [...(fact.context?.operations ?? []), ...(fact.context?.file ? [fact.context.file] : [])];
}

const normalName = (name: string): string => name.toLowerCase().replace(/[-_\s]/g, '');

function propertyNames(fact: ResponseFact): string[] {
  const body = fact.body;
  const own = body?.properties ?? [];
  const fromExamples = (body?.examples ?? []).flatMap((example) => example.properties ?? []);
  // The shapes a called function returns (`checkSendPermission(...)`): a name every one of them has.
  const shapes = (body?.alternatives ?? []).map((shape) => new Set((shape.properties ?? []).map((property) => normalName(property.name))));
  const inEvery = shapes.length > 0 ? [...shapes[0]].filter((name) => shapes.every((shape) => shape.has(name))) : [];
  return [...[...own, ...fromExamples].map((property) => normalName(property.name)), ...inEvery];
}

/**
 * Why this 2xx with a failure in it is not a lie, or undefined when it is one. `verdict` is the body's classification
 * (undefined when only the description was read).
 */
export function deliberateSuccess(fact: ResponseFact, verdict: BodyClassification | undefined): string | undefined {
  if (admitsFailure(fact)) return undefined;
  const places = placesOf(fact);
  const names = propertyNames(fact);
  if (names.some((name) => PROTOCOL_PROPERTIES.has(name))) return 'a protocol envelope';
  if (places.some((place) => PROTOCOL_ROUTE.test(place))) return 'a protocol whose errors travel in a 200';
  // A route named for a stream, in a description; in code, a response sent whole (`NextResponse.json(...)` before the
  // stream starts, in `apply-ai-code-stream/route.ts`) is no stream, whatever the route is called.
  if ((fact.body?.mediaType && STREAMING_MEDIA.test(fact.body.mediaType)) || (fact.origin !== 'code' && places.some((place) => STREAMING_ROUTE.test(place)))) return 'a stream';
  // A receiver acknowledges a delivery it cannot use; not one whose own work failed (a caught error: the 2xx loses the
  // delivery a 5xx would have had retried), nor one that refused the sender's credentials (`invalid api_token value`).
  if ((places.some((place) => ACKNOWLEDGING_ROUTE.test(place)) || readsPushDelivery(fact)) && !ownWorkFailed(fact) && !refusesCredentials(fact, verdict)) return 'an acknowledgement to a sender that retries';
  if ((fact.context?.notes ?? []).some((note) => ACKNOWLEDGING_NOTE.test(note) || SENDER_RETRY_NOTE.test(note))) return 'the code says the 2xx stops a sender\'s retries';
  // The work's own failure (a caught error or a failed call), not a refused caller.
  const upstreamFailed = fact.origin === 'code' && (fact.upstream !== undefined || fact.context?.inErrorHandler === true);
  // Best effort excuses only the work's own failure: a refused caller ("missing auth is a no-op") is still told with a 2xx.
  if (upstreamFailed && (fact.context?.notes ?? []).some((note) => BEST_EFFORT_NOTE.test(note))) return 'the code says the failure must not fail the caller (best effort)';
  // The task's record carries the failure (its status and error) for whoever polls it; this answer only ends the call.
  if (fact.context?.failureRecordedBy) return `the failure is recorded by \`${fact.context.failureRecordedBy}(...)\` on a task its callers read`;
  if (names.some((name) => ANSWER_FLAGS.has(name))) return 'a verdict the operation answers';
  // Not the refusal of a caller nobody signed in as (`if (!session?.user?.id) return { canSend: false, error }`).
  if (names.some((name) => PERMISSION_ANSWER_FLAG.test(name)) && !(fact.guards ?? []).some((guard) => testsIdentity(guard))) return 'a verdict the operation answers';
  // What the answer says, in its messages and its text body.
  const said = [...fact.texts.map((text) => text.text), ...(fact.body?.text !== undefined ? [fact.body.text] : [])];
  // `logout` without a session: the caller is already logged out, which is what it asked for.
  if (places.some((place) => LOGOUT_OPERATION.test(place)) && said.some((text) => NOT_SIGNED_IN_WORDS.test(text))) return 'a logout of a caller already logged out';
  // A case the code says is expected, outside any failure handler: `// Return early without throwing - this can happen
  // if the user disconnected` before `return { success: false, workspace: null }`.
  if (fact.origin === 'code' && !fact.context?.inErrorHandler && (fact.context?.notes ?? []).some((note) => EXPECTED_CASE_NOTE.test(note))) return 'the code says the case is expected, not a failure';
  // "Already logged in": the caller asked to be signed in and is; the 2xx says so (as a logout of nobody does).
  if (fact.origin === 'code' && said.some((text) => ALREADY_SIGNED_IN_WORDS.test(text))) return 'a sign-in of a caller already signed in';
  const flagOnly = verdict?.evidence !== undefined && /`(?:ok|success|succeeded|successful|passed)\w*: false`/i.test(verdict.evidence);
  // A check that answers `ok: false` (vulnerabilities found) returns its verdict; one whose own call failed does not.
  // A described validation endpoint answers with what it found, whatever the shape ("invalid correlation matrix").
  if (!upstreamFailed && (flagOnly || fact.origin === 'spec') && places.some((place) => VERDICT_OPERATION.test(place))) return 'a verdict the operation answers';
  if (fact.origin === 'code' && !upstreamFailed && flagOnly && places.some((place) => PROBE_OPERATION.test(place))) return 'a probe of a service, whose answer is how it is';
  // `POST /verify` whose `try` calls nothing but its answer: the catch answers the checks the code itself threw
  // (`if (token !== secret) throw new Error('Secret key is invalid')`), which are the verdict asked for.
  const ownChecksOnly = fact.origin === 'code' && fact.context?.inErrorHandler === true && !fact.context.globalErrorHandler && fact.upstream?.via === 'catch' && fact.upstream.callees.every((callee) => ANSWER_CALLEE.test(callee));
  if (ownChecksOnly && places.some((place) => VERDICT_OPERATION.test(place))) return 'a verdict the operation answers';
  // A handler named to validate or preview something (`validate`, `previewWidget`) whose catch
  // answers with what failed: the failure it caught is the verdict it was asked for.
  if (fact.origin === 'code' && fact.context?.inErrorHandler && !fact.context.globalErrorHandler && (fact.context.operations ?? []).some((operation) => TRIAL_OPERATION.test(operation))) return 'a verdict the operation answers';
  // So does a route whose path names a test of a connection or a probe (`POST /admin/torrent/transmission/test`,
  // `src/routes/__debug/openai/+server.ts`): the failure it caught is what it was asked to find out.
  if (fact.origin === 'code' && fact.context?.inErrorHandler && !fact.context.globalErrorHandler && placesOf(fact).some((place) => TRIAL_ROUTE.test(place))) return 'a test whose failure is the answer';
  // `testRadarr()` that asks the service's client (`apiClient.info()` after `getRadarrApiClient()`): a test of the
  // connection, whose failure (or a wrong answer) is the answer asked for. Not `testUpdate`, which calls no client.
  const clientAsked = [...(fact.upstream?.callees ?? []), ...(fact.guards ?? []).flatMap((guard) => [...guard.callees, ...guard.lookups.map((lookup) => lookup.callee)])].some((callee) => SERVICE_CLIENT.test(callee));
  if (fact.origin === 'code' && !fact.context?.globalErrorHandler && clientAsked && (fact.context?.operations ?? []).some((operation) => /^test[A-Z]\w*$/.test(operation))) return 'a test of a connection, whose failure is the answer';
  if (verdict === undefined && places.some((place) => REFUSING_OPERATION.test(place))) return 'an action that refuses on purpose';
  if (verdict?.evidence && /`errors`|property `errors`/.test(verdict.evidence) && places.some((place) => BATCH_OPERATION.test(place))) return 'per-item results of a batch';
  if (fact.status === 202) {
    const onlyName = verdict?.evidence?.startsWith('schema `') && !verdict.evidence.includes(' with ');
    if (onlyName || fact.texts.some((text) => NOT_YET.test(text.text))) return 'an accepted job that is not done yet';
  }
  return undefined;
}
