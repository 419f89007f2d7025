// no-error-body-on-success: a 2xx response whose body says the operation failed.
import type { ResponseFact } from '../facts.js';
import { defineRule } from '../rule.js';
import { classifyBody } from '../body.js';
import { operationsNote } from '../fact-text.js';
import { classifyText, hasStrongSignal, statusForErrorText, type Classification } from '../vocabulary.js';
import { reasonPhraseStatus } from '../knowledge/reason-phrases.js';

export interface NoErrorBodyOnSuccessOptions {
  /** Also report bodies that carry data beside an `errors` list (GraphQL style, batch results). */
  readonly reportPartialSuccess: boolean;
}

/** Does a text, on its own, read as an error message? */
export function textSaysError(text: string): boolean {
  // An error message is a line or two; long text (a README, a diff, a template) is content, not a verdict.
  if (text.length > 300 || !/[a-z]/i.test(text)) return false;
  const classification = classifyText(text);
  return (
    hasStrongSignal(classification, 'error-text') ||
    (text.length < 80 && statusForErrorText(classification) !== undefined && !/\b(?:success|created|ok|returned|(?<!not )found|list|retrieved)\b/i.test(text)) ||
    reasonPhraseStatus(text) !== undefined
  );
}

function merge(classifications: readonly Classification[]): Classification {
  return {
    matches: classifications.flatMap((item) => item.matches),
    negated: classifications.flatMap((item) => item.negated),
  };
}

/** The API's business may be errors themselves (an error tracker): then a schema name proves nothing. */
function servesErrorResources(fact: ResponseFact): boolean {
  return (fact.context?.operations ?? []).some((operation) => /\/[^/{}]*errors?\b|\/(?:issues|crashes|exceptions|events|incidents|problems|faults|alerts)\b/i.test(operation));
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
    if (phraseStatus !== undefined) {
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
    if (!fact.body) return undefined;
    const verdict = classifyBody(fact.body, textSaysError, servesErrorResources(fact));
    const report = verdict.verdict === 'error' || (verdict.verdict === 'partial' && options.reportPartialSuccess);
    if (!report) return undefined;
    const words = merge([...verdict.words, ...fact.texts.map((text) => text.text)].map(classifyText));
    // With no words pointing elsewhere, the failure is the server's: 500.
    // A reason phrase names its status ("Method not allowed" is 405); a bare "error" says nothing more than the fallback.
    const named = [...verdict.words, ...fact.texts.map((text) => text.text)].map(reasonPhraseStatus).find((status) => status !== undefined && status !== 500);
    const suggested = named ?? statusForErrorText(words) ?? 500;
    const advice = `Use ${suggested} (or the 4xx or 5xx status that matches the failure)`;
    return {
      ruleId: 'no-error-body-on-success',
      messageId: verdict.verdict === 'partial' ? 'partialBody' : 'errorBody',
      message: `${what} success response carries an error body (${verdict.evidence})${operationsNote(fact)}. ${advice}.`,
      evidence: verdict.evidence ?? '',
      suggestedStatus: suggested,
      fix: { kind: 'replace-status', status: suggested },
      target: fact.context?.implicitStatus ? 'body' : 'status',
    };
  },
);
