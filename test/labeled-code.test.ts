import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLabeledCode } from './labeled/evaluate-labeled-code.js';
import { ROOT } from './cli-helpers.js';

// Blind sets of server code written without seeing the plugin (fixtures/labeled-code*/README.md).
describe.each(['labeled-code', 'labeled-code-2', 'labeled-code-3', 'labeled-code-4'])('labeled server code: %s', (set) => {
  it('never crashes, and every rule reaches precision >= 0.95 and recall >= 0.9', () => {
    const { scores, mistakes, labels, crashes } = evaluateLabeledCode(join(ROOT, 'fixtures', set));
    expect(labels).toBeGreaterThan(100);
    expect(crashes).toEqual([]);
    const summary = Object.entries(scores).map(([rule, score]) => `${rule}: P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}, wrong suggestion ${score.wrongSuggestion})`);
    console.log(`${set}: ${labels} labels\n  ${summary.join('\n  ')}`);
    const detail = mistakes.map((mistake) => `${mistake.kind} ${mistake.place}: expected ${mistake.expected}, got ${mistake.got} -- ${mistake.description}`).join('\n');
    if (process.env.LABELED_VERBOSE) console.log(detail);
    for (const [rule, score] of Object.entries(scores)) {
      expect(score.precision, `${rule} precision\n${detail}`).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, `${rule} recall\n${detail}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
