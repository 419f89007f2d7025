// Precision and recall per rule, from labels (the expected rule at a place, or none) and what a front end found there.

// Plain JavaScript, so that both the vitest suites and the `eval:real` command (plain node) use this one function.

/**
 * @typedef {object} Label
 * @property {string} place where the response is: `file#pointer` for specs, `file:line` for code
 * @property {string} [rule] the expected rule, or undefined for "none"
 * @property {number} [suggest]
 * @property {string} [description] the response's own words, to show with mistakes
 */
/** @typedef {{ rule: string, suggest?: number }} Found */
/** @typedef {{ truePositives: number, falsePositives: number, falseNegatives: number, wrongSuggestion: number, precision: number, recall: number }} RuleScore */
/** @typedef {{ kind: 'false-positive' | 'false-negative' | 'wrong-suggestion', place: string, expected?: string, got?: string, description?: string }} Mistake */

/**
 * Score every label against the findings at its place; findings at unlabelled places are false positives.
 * @param {readonly Label[]} labels
 * @param {ReadonlyMap<string, readonly Found[]>} found
 * @returns {{ scores: Record<string, RuleScore>, mistakes: Mistake[] }}
 */
export function scoreLabels(labels, found) {
  /** @type {Record<string, RuleScore>} */
  const scores = {};
  /** @param {string} rule */
  const score = (rule) => (scores[rule] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0, wrongSuggestion: 0, precision: 1, recall: 1 });
  /** @type {Mistake[]} */
  const mistakes = [];
  const labelled = new Set();
  for (const label of labels) {
    labelled.add(label.place);
    const got = found.get(label.place) ?? [];
    const { place, description } = label;
    if (label.rule) {
      const hit = got.find((item) => item.rule === label.rule);
      if (hit) {
        score(label.rule).truePositives++;
        if (label.suggest !== undefined && hit.suggest !== label.suggest) {
          score(label.rule).wrongSuggestion++;
          mistakes.push({ kind: 'wrong-suggestion', place, expected: `${label.rule} ${label.suggest}`, got: `${hit.rule} ${hit.suggest}`, description });
        }
      } else {
        score(label.rule).falseNegatives++;
        mistakes.push({ kind: 'false-negative', place, expected: label.rule, got: got.map((item) => item.rule).join(', ') || undefined, description });
      }
    }
    for (const item of got) {
      if (item.rule === label.rule) continue;
      score(item.rule).falsePositives++;
      mistakes.push({ kind: 'false-positive', place, expected: label.rule ?? 'none', got: item.rule, description });
    }
  }
  for (const [place, items] of found) {
    if (labelled.has(place)) continue;
    for (const item of items) {
      score(item.rule).falsePositives++;
      mistakes.push({ kind: 'false-positive', place, expected: 'unlabelled', got: item.rule });
    }
  }
  for (const value of Object.values(scores)) {
    const flagged = value.truePositives + value.falsePositives;
    const actual = value.truePositives + value.falseNegatives;
    value.precision = flagged === 0 ? 1 : value.truePositives / flagged;
    value.recall = actual === 0 ? 1 : value.truePositives / actual;
  }
  return { scores, mistakes };
}
