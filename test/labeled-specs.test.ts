import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLabeled } from './labeled/evaluate-labeled.js';
import { ROOT } from './cli-helpers.js';

// Tuning happens on `dev`; `holdout` is written by someone else in the same style and is never tuned on.
describe.each(['dev', 'holdout', 'holdout-2', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6', 'holdout-7', 'holdout-8'])('labeled specs: %s', (set) => {
  it('every rule reaches precision >= 0.95 and recall >= 0.9', async () => {
    const { scores, mistakes, labels } = await evaluateLabeled(join(ROOT, 'fixtures/labeled', set));
    expect(labels).toBeGreaterThan(50);
    const summary = Object.entries(scores).map(([rule, score]) => `${rule}: P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}, wrong suggestion ${score.wrongSuggestion})`);
    console.log(`${set}: ${labels} labels\n  ${summary.join('\n  ')}`);
    const detail = mistakes.map((mistake) => `${mistake.kind} ${mistake.place.split('/').pop()}: expected ${mistake.expected}, got ${mistake.got}${mistake.description ? ` -- ${JSON.stringify(mistake.description)}` : ''}`).join('\n');
    if (process.env.LABELED_VERBOSE) console.log(detail);
    for (const [rule, score] of Object.entries(scores)) {
      expect(score.precision, `${rule} precision\n${detail}`).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, `${rule} recall\n${detail}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
