// The words a fact carries (descriptions, messages, body texts), classified once for the rules.
import type { ResponseFact } from './facts.js';
import { classifyBody } from './body.js';
import { classifyText, type Classification } from './vocabulary.js';

/** All human text of a response, joined as separate sentences. */
export function textsOf(fact: ResponseFact): string[] {
  const texts = fact.texts.map((evidence) => evidence.text);
  if (fact.body) {
    const words = classifyBody(fact.body, () => false, true).words;
    texts.push(...words);
  }
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
