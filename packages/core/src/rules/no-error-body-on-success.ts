// no-error-body-on-success: a 2xx response whose body says the operation failed, when the 2xx is how the server
// tells that failure (not a protocol envelope, a deliberate acknowledgement, or a verdict that is the product).
import type { BodyShape, ResponseFact } from '../facts.js';
import { defineRule } from '../rule.js';
import { classifyBody, type BodyClassification } from '../body.js';
import { decidingGuard } from '../deciding-guards.js';
import { operationsNote } from '../fact-text.js';
import { upstreamFailure } from '../upstream-failure.js';
import { classifyText, featureDisabledStatus, findSignal, hasStrongSignal, statusForErrorText, type Classification } from '../vocabulary.js';
import { reasonPhraseStatus } from '../knowledge/reason-phrases.js';
import { admitsFailure, deliberateSuccess } from '../knowledge/deliberate-success.js';

/** Front ends whose success answers are a page's data, shown to the reader (`load` of SvelteKit, `loader` of Remix). */
const PAGE_DATA_PRODUCERS: ReadonlySet<string> = new Set(['sveltekit', 'remix']);

export interface NoErrorBodyOnSuccessOptions {
  /** Also report bodies that carry data beside an `errors` list (GraphQL style, batch results). */
  readonly reportPartialSuccess: boolean;
}

/** "Link has been deleted successfully.": a text that says it worked is not an error, whatever else it names. */
const SAYS_SUCCESS = /\b(?:successfully|succeeded|success)\b/i;
const SAYS_NO_SUCCESS = /\b(?:unsuccessful(?:ly)?|not (?:successful(?:ly)?|succeeded)|no success|without success)\b/i;
/** "删除成功" (deleted successfully), not "未成功" (did not succeed) nor "部分成功，部分失败" (some failed). */
const SAYS_SUCCESS_ZH = /成功/;
const SAYS_NO_SUCCESS_ZH = /(?:不|未|没有?)成功|失败/;

/** Does a text, on its own, read as an error message? */
export function textSaysError(text: string): boolean {
  // An error message is a line or two; long text (a README, a diff, a template) is content, not a verdict.
  if (text.length > 300 || !/\p{L}/u.test(text)) return false;
  if ((SAYS_SUCCESS.test(text) && !SAYS_NO_SUCCESS.test(text)) || (SAYS_SUCCESS_ZH.test(text) && !SAYS_NO_SUCCESS_ZH.test(text))) return false;
  const classification = classifyText(text);
  return (
    hasStrongSignal(classification, 'error-text') ||
    (text.length < 80 && statusForErrorText(classification) !== undefined && !/\b(?:created|ok|returned|(?<!not )found|list|retrieved)\b/i.test(text)) ||
    (text.length < 80 && refusedAsDisabled(text, classification) !== undefined) ||
    reasonPhraseStatus(text) !== undefined
  );
}

/**
 * "PM system currently disabled", "Discord is not configured": the server refuses the work because a feature of its own
 * is off or not set up (403; 501 where it is not set up). Not a confirmation that something was just turned off
 * ("Two-factor authentication has been disabled").
 */
function refusedAsDisabled(text: string, classification: Classification): number | undefined {
  const disabled = findSignal(classification, 'feature-disabled');
  if (!disabled || /\b(?:has|have) been\b|\bnow\b|\bsuccessfully\b/i.test(text)) return undefined;
  return featureDisabledStatus(disabled.phrase);
}

function merge(classifications: readonly Classification[]): Classification {
  return {
    matches: classifications.flatMap((item) => item.matches),
    negated: classifications.flatMap((item) => item.negated),
  };
}

/** A condition of the response (not an earlier exit) that reads the caught error: `err instanceof X`, `isGoneError(err)`, `error.code === 'P2025'`. */
function tellsFailureApart(fact: ResponseFact): boolean {
  return (fact.guards ?? []).some((guard) => !guard.afterEarlyExit && guard.members.some((member) => /^(?:e|err|error|ex|exception|\w+Error|\w+Err)$/.test(member) || CANCELLED.test(member)));
}

/** The work was called off (`abortController.signal.aborted`, `req.destroyed`): the client went away or the server stopped it. */
const CANCELLED = /(?:^|\.)(?:aborted|destroyed|cancell?ed)$/;

/** Properties that carry what went wrong. */
const ERROR_PROPERTY = /^(?:error|errors|err|errorMessage|error_message|errMsg|failure|failureReason)$/;
/** A result's own flag of success: `result_obj.success`, `outcome.ok`, `res.succeeded`. */
const SUCCESS_FLAG = /^!\s*\(?\s*([\w$]+(?:\.[\w$]+)*\.(?:success|succeeded|successful|ok|isSuccess))\s*\)?$|^([\w$]+(?:\.[\w$]+)*\.(?:success|succeeded|successful|ok|isSuccess))\s*={2,3}\s*false$/;

/**
 * `if (result.success) { res.send({ new_sub }) } else { res.send({ new_sub: null, error: result.error }) }`: an error
 * property whose value the code does not show, sent on the branch where the result of the work says it failed. The
 * branch says what the value is.
 */
function failedResultBody(fact: ResponseFact): BodyClassification | undefined {
  const body = fact.body;
  if (body?.kind !== 'object') return undefined;
  const property = (body.properties ?? []).find((item) => ERROR_PROPERTY.test(item.name) && (item.value.kind === 'unknown' || item.value.kind === 'error-value'));
  const deciding = decidingGuard(fact);
  const flag = deciding ? SUCCESS_FLAG.exec(deciding.text.replace(/\s+/g, ' ').trim()) : undefined;
  if (!property || !flag) return undefined;
  return { verdict: 'error', evidence: `\`${property.name}\` sent where \`${flag[1] ?? flag[2]}\` is false`, words: [] };
}

/** An object every property of which is empty: `false`, `null`, `[]` (`{ create: false }`, `{ gifs: [] }`, `{ data: null }`). */
function emptyObject(body: BodyShape): boolean {
  const properties = body.kind === 'object' ? (body.properties ?? []) : [];
  return properties.length > 0 && !body.errorStatus && body.text === undefined && properties.every(({ value }) => (value.kind === 'literal' && (value.value === false || value.value === null)) || (value.kind === 'array' && value.empty === true));
}

/** The API's business may be errors themselves (an error tracker): then a schema name proves nothing. */
function servesErrorResources(fact: ResponseFact): boolean {
  return (fact.context?.operations ?? []).some((operation) => /\/[^/{}]*errors?\b|\/(?:issues|crashes|exceptions|events|incidents|problems|faults|alerts)\b/i.test(operation));
}

/** The status the failure's own words, or the failed call behind it, point to; undefined when nothing names it. */
function suggestionFor(fact: ResponseFact, verdict: BodyClassification): { status: number; basis: string } | undefined {
  // The evidence quotes the words that decided (a message from a schema's enum is in no other list).
  const texts = [...verdict.words, ...(verdict.evidence ? [verdict.evidence] : []), ...fact.texts.map((text) => text.text)];
  // A reason phrase names its status ("Method not allowed" is 405); a bare "error" says nothing more than a 500.
  const named = texts.map(reasonPhraseStatus).find((status) => status !== undefined && status !== 500);
  if (named !== undefined) return { status: named, basis: 'its words' };
  const classified = texts.map(classifyText);
  const worded = statusForErrorText(merge(classified));
  if (worded !== undefined) return { status: worded, basis: 'its words' };
  const disabled = texts.map((text, index) => refusedAsDisabled(text, classified[index])).find((status) => status !== undefined);
  if (disabled !== undefined) return { status: disabled, basis: 'its words' };
  const failure = fact.origin === 'code' ? upstreamFailure(fact) : undefined;
  if (failure) return { status: failure.status, basis: `\`${failure.callee}(...)\` failed` };
  // Code that caught an exception and answered it with a 2xx: the server's own failure, which is a 500; not where the
  // branch answers one error class of the application's (`case NoSeasonsAvailableError:`), whose status its author knows.
  const namedFailure = fact.upstream?.errorMarkers?.some((marker) => /^[A-Z]\w*(?:Error|Exception)$/.test(marker) && marker !== 'Error');
  if (fact.origin === 'code' && !namedFailure && (fact.context?.inErrorHandler || fact.body?.kind === 'caught-error')) return { status: 500, basis: 'its words' };
  // `resReturn(null, 400, '项目id不能为空')`: last, the status the body names (often an application's own code).
  if (verdict.namedStatus !== undefined) return { status: verdict.namedStatus, basis: 'the status its body names' };
  const ownStatus = fact.body?.errorStatus?.status;
  if (ownStatus !== undefined) return { status: ownStatus, basis: `the status its body names` };
  return undefined;
}

/** Is the property an example fails on (`error` in "its example has property `error`") absent from a typed schema? */
function exampleOutsideSchema(fact: ResponseFact, evidence: string): boolean {
  const body = fact.body;
  if (!body || body.kind === 'unknown') return false;
  const declared = body.properties ?? [];
  // An untyped `{ type: object }` says nothing itself: then its example is the description.
  if (declared.length === 0 && body.schemaName === undefined) return false;
  const name = /`([\w$-]+)(?::|`)/.exec(evidence.replace(/^its example has /, ''))?.[1];
  return name === undefined || !declared.some((property) => property.name === name);
}

export const noErrorBodyOnSuccess = defineRule<NoErrorBodyOnSuccessOptions>(
  {
    id: 'no-error-body-on-success',
    description: 'Disallow 2xx responses whose body says the operation failed.',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    appliesTo: { classes: [2] },
    optionsSchema: {
      type: 'object',
      properties: { reportPartialSuccess: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    defaultOptions: { reportPartialSuccess: false },
  },
  (fact: ResponseFact, options) => {
    // 207 Multi-Status reports each part's outcome by design: failures inside it are not a lie.
    if (fact.statusClass !== 2 || fact.status === 207) return undefined;
    const what = fact.status !== undefined ? String(fact.status) : fact.statusText;
    const description = fact.texts.find((text) => text.source === 'description')?.text;
    // A 204 "Not found" on a DELETE says there was nothing to delete: idempotent, not a lie.
    const phraseStatus = description !== undefined && fact.status !== 204 ? reasonPhraseStatus(description) : undefined;
    if (phraseStatus !== undefined && !deliberateSuccess(fact, undefined)) {
      return {
        ruleId: 'no-error-body-on-success',
        messageId: 'errorDescription',
        message: `${what} success response is described as "${description!.trim()}"${operationsNote(fact)}. Use ${phraseStatus} for it.`,
        evidence: description!.trim(),
        suggestedStatus: phraseStatus,
        fix: { kind: 'replace-status', status: phraseStatus },
        target: 'status',
      };
    }
    // The application's global error handler answers every error that reaches it: a 2xx there tells clients, gateways
    // and retry logic that each failure worked, whatever the body holds.
    // Not where the handler tells a redirect apart (`if (err.status === 302) ... status(200).json(err.path)`): that
    // is no failure.
    const redirect = (fact.guards ?? []).some((guard) => !guard.afterEarlyExit && /\b30[1278]\b|redirect/i.test(guard.text));
    if (fact.origin === 'code' && fact.context?.globalErrorHandler && fact.status !== 204 && !redirect) {
      return {
        ruleId: 'no-error-body-on-success',
        messageId: 'errorHandlerSuccess',
        message: `${what} sent by the application's error handler${operationsNote(fact)}: every error that reaches it goes out as a success. Send the error's own status, and 500 Internal Server Error for unknown errors.`,
        evidence: 'global error handler',
        suggestedStatus: 500,
        target: fact.context?.implicitStatus ? 'body' : 'status',
      };
    }
    // `throw new HttpException('Kubero is in read-only mode', 202)`, `throw new ApiError(200, 'Bad request.')`: an
    // error given a success status goes out as a success, whatever it says.
    // Not a client turning an answer it received into an error (`if (body.success === false) throw new ApiError(200,
    // body.error)` after `await res.json()`): that status is the other server's.
    // Only the conditions of this answer (not an earlier exit), and a status compared as a number (`poll.status ===
    // 'closed'` is a record's state, not another server's answer).
    const readsReceivedAnswer = (fact.guards ?? []).some((guard) => !guard.afterEarlyExit && (guard.lookups.some((lookup) => /(?:^|\.)(?:json|text)$/.test(lookup.callee)) || /\.(?:statusCode|ok)\b/.test(guard.text) || (/\.status\b/.test(guard.text) && !/\.status\s*[!=]==?\s*['"`]/.test(guard.text))));
    if (fact.origin === 'code' && fact.context?.raisedError && fact.status !== 204 && !readsReceivedAnswer) {
      const raised: BodyClassification = { verdict: 'error', evidence: 'an error made with it', words: [] };
      const suggestion = suggestionFor(fact, raised);
      return {
        ruleId: 'no-error-body-on-success',
        messageId: 'errorRaised',
        message: `${what} success status given to an error${operationsNote(fact)}: the failure goes out as a success. Use ${suggestion?.status ?? 'the 4xx or 5xx status that matches the failure'}${suggestion ? ' (or the 4xx or 5xx status that matches the failure)' : ''}.`,
        evidence: raised.evidence ?? '',
        ...(suggestion ? { suggestedStatus: suggestion.status, fix: { kind: 'replace-status' as const, status: suggestion.status } } : {}),
        target: 'status',
      };
    }
    if (!fact.body) return undefined;
    // `catch (e) { return res.send(null) }`, `return { create: false }`, `res.send({ gifs: [] })`: what failed is
    // answered as a success that says nothing.
    // (`{ ok: false }` says more than nothing: it is read for its words below.)
    // Not where the catch tells one failure apart (`if (isNotFoundError(err)) return { asset: null }; throw err`): that
    // case, expected, is answered so on purpose.
    // Not the data of a page (a SvelteKit `load`, a Remix `loader`): a part left empty is the page shown without it.
    if (fact.origin === 'code' && !PAGE_DATA_PRODUCERS.has(fact.context?.producer ?? '') && (fact.body.nothing || (emptyObject(fact.body) && classifyBody(fact.body, textSaysError, servesErrorResources(fact)).verdict !== 'error')) && fact.context?.inErrorHandler && !tellsFailureApart(fact)) {
      const nothing: BodyClassification = { verdict: 'error', evidence: 'nothing sent from the `catch`', words: [] };
      if (deliberateSuccess(fact, nothing)) return undefined;
      const suggestion = suggestionFor(fact, nothing);
      return {
        ruleId: 'no-error-body-on-success',
        messageId: 'errorBody',
        message: `${what} success response sent from a \`catch\` with an empty answer${operationsNote(fact)}: the failure goes out as a success. Use ${suggestion?.status ?? 500} (or the 4xx or 5xx status that matches the failure).`,
        evidence: nothing.evidence ?? '',
        suggestedStatus: suggestion?.status ?? 500,
        fix: { kind: 'replace-status' as const, status: suggestion?.status ?? 500 },
        target: fact.context?.implicitStatus ? ('body' as const) : ('status' as const),
      };
    }
    const read = classifyBody(fact.body, textSaysError, servesErrorResources(fact));
    const verdict = (read.verdict !== 'error' && fact.origin === 'code' ? failedResultBody(fact) : undefined) ?? read;
    const report = verdict.verdict === 'error' || (verdict.verdict === 'partial' && options.reportPartialSuccess);
    if (!report || deliberateSuccess(fact, verdict)) return undefined;
    // A spec whose schema is a success type and whose example alone carries an error: the example is what is wrong
    // (a converter copied an error example onto the success response), not the status. Not this rule's finding.
    // The failing property of such an example is not in the schema (`error` beside a schema of `id`, `name`); an
    // envelope whose schema declares `ok`, `code` or `success` is described as failing by its own example.
    if (fact.origin === 'spec' && verdict.evidence?.startsWith('its example has') && !admitsFailure(fact) && exampleOutsideSchema(fact, verdict.evidence)) return undefined;
    const suggestion = suggestionFor(fact, verdict);
    const advice = suggestion
      ? `Use ${suggestion.status} (${suggestion.basis === 'its words' ? '' : `${suggestion.basis}; `}or the 4xx or 5xx status that matches the failure)`
      : 'Nothing names the failure: send the 4xx or 5xx status that matches it';
    return {
      ruleId: 'no-error-body-on-success',
      messageId: verdict.verdict === 'partial' ? 'partialBody' : 'errorBody',
      message: `${what} success response carries an error body (${verdict.evidence})${operationsNote(fact)}. ${advice}.`,
      evidence: verdict.evidence ?? '',
      ...(suggestion ? { suggestedStatus: suggestion.status, fix: { kind: 'replace-status' as const, status: suggestion.status } } : {}),
      target: fact.context?.implicitStatus ? 'body' : 'status',
    };
  },
);
