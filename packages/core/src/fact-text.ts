// The words a fact carries (descriptions, messages, body texts), classified once for the rules.
import type { ResponseFact } from './facts.js';
import { decidingGuard } from './deciding-guards.js';
import { classifyBody } from './body.js';
import { classifyText, type Classification } from './vocabulary.js';

/**
 * The kind of a caught error that a response answers, compared by name: `error.name === OFFERING_DOES_NOT_BELONG_TO_LOCATION`
 * (also a `case` of a `switch (error.name)`), `err.code === 'email_already_exists'`. A name of two words or more.
 */
const ERROR_KIND_TEST = /^[\w$]+(?:\.[\w$]+)*\.(?:name|code|type|kind|errorCode|errorType|reason)\s*===?\s*(?:[\w$]+\.)*(?:([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)|'([a-z0-9]+(?:[_.-][a-z0-9]+)+)'|"([a-z0-9]+(?:[_.-][a-z0-9]+)+)")$/;

/**
 * The words of the error kind a response in a catch answers, when it says nothing of its own (`throw new
 * UnauthorizedException(error.message)` in `case OFFERING_DOES_NOT_BELONG_TO_LOCATION:`): "offering does not belong to location".
 */
function errorKindWords(fact: ResponseFact): string | undefined {
  if (!fact.context?.inErrorHandler || fact.texts.length > 0) return undefined;
  const deciding = decidingGuard(fact);
  const match = deciding && !deciding.negated ? ERROR_KIND_TEST.exec(deciding.text.trim()) : undefined;
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  return name?.toLowerCase().replace(/[_.-]+/g, ' ');
}

/** All human text of a response, joined as separate sentences. */
export function textsOf(fact: ResponseFact): string[] {
  const texts = fact.texts.map((evidence) => evidence.text);
  if (fact.body) {
    const words = classifyBody(fact.body, () => false, true).words;
    texts.push(...words);
  }
  const kind = texts.length === 0 ? errorKindWords(fact) : undefined;
  if (kind) texts.push(kind);
  return texts.filter((text) => text.trim().length > 0);
}

/** Classify each text on its own (so that clauses never run across texts) and merge. */
export function classifyFact(fact: ResponseFact): Classification {
  const results = textsOf(fact).map(classifyText);
  return {
    matches: results.flatMap((result) => result.matches),
    negated: results.flatMap((result) => result.negated),
  };
}

/** "used by GET /a, POST /b" for messages about responses shared through `$ref`. */
export function operationsNote(fact: ResponseFact): string {
  const operations = fact.context?.operations ?? [];
  if (operations.length < 2) return '';
  const shown = operations.slice(0, 5).join(', ');
  const more = operations.length > 5 ? ` and ${operations.length - 5} more` : '';
  return ` (used by ${shown}${more})`;
}
