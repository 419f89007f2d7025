// Score oas-status-lint against specs whose responses carry `x-expect` labels: precision and recall per rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lint } from '../../packages/oas-status-lint/dist/index.js';

export interface Expectation {
  readonly file: string;
  readonly pointer: string;
  /** The expected rule, or undefined for `x-expect: none`. */
  readonly rule?: string;
  readonly suggest?: number;
  /** The response's description, to show with mistakes. */
  readonly description?: string;
}

export interface RuleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  wrongSuggestion: number;
  precision: number;
  recall: number;
}

export interface Mistake {
  readonly kind: 'false-positive' | 'false-negative' | 'wrong-suggestion';
  readonly file: string;
  readonly pointer: string;
  readonly expected?: string;
  readonly got?: string;
  readonly description?: string;
}

const encode = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every object with `x-expect`, with its JSON pointer. */
function collectExpectations(file: string, node: unknown, path: string[], out: Expectation[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectExpectations(file, item, [...path, String(index)], out));
    return;
  }
  const record = node as Record<string, unknown>;
  const expect = record['x-expect'];
  if (expect !== undefined) {
    const pointer = path.map((segment) => `/${encode(segment)}`).join('');
    const description = typeof record.description === 'string' ? record.description : undefined;
    if (expect === 'none' || expect === null) out.push({ file, pointer, description });
    else if (typeof expect === 'object') {
      const label = expect as { rule?: string; suggest?: number };
      out.push({ file, pointer, rule: label.rule, suggest: label.suggest, description });
    }
  }
  for (const [key, value] of Object.entries(record)) if (key !== 'x-expect') collectExpectations(file, value, [...path, key], out);
}

export function specFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(?:ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export async function evaluateLabeled(dir: string): Promise<{ scores: Record<string, RuleScore>; mistakes: Mistake[]; labels: number }> {
  const files = specFilesIn(dir);
  const expectations: Expectation[] = [];
  for (const file of files) collectExpectations(file, parse(readFileSync(file, 'utf8'), { merge: true }), [], expectations);
  const results = await lint(files, { rules: { extends: ['all'] } });
  const found = new Map<string, { rule: string; suggest?: number }[]>();
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId || !message.pointer) continue;
      const key = `${result.filePath}#${message.pointer}`;
      found.set(key, [...(found.get(key) ?? []), { rule: message.ruleId, suggest: message.suggestion?.status }]);
    }
  }
  const scores: Record<string, RuleScore> = {};
  const score = (rule: string) => (scores[rule] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0, wrongSuggestion: 0, precision: 1, recall: 1 });
  const mistakes: Mistake[] = [];
  const labelled = new Set<string>();
  for (const expectation of expectations) {
    const key = `${expectation.file}#${expectation.pointer}`;
    labelled.add(key);
    const got = found.get(key) ?? [];
    if (expectation.rule) {
      const hit = got.find((item) => item.rule === expectation.rule);
      if (hit) {
        score(expectation.rule).truePositives++;
        if (expectation.suggest !== undefined && hit.suggest !== expectation.suggest) {
          score(expectation.rule).wrongSuggestion++;
          mistakes.push({ kind: 'wrong-suggestion', file: expectation.file, pointer: expectation.pointer, expected: `${expectation.rule} ${expectation.suggest}`, got: `${hit.rule} ${hit.suggest}`, description: expectation.description });
        }
      } else {
        score(expectation.rule).falseNegatives++;
        mistakes.push({ kind: 'false-negative', file: expectation.file, pointer: expectation.pointer, expected: expectation.rule, got: got.map((item) => item.rule).join(', ') || undefined, description: expectation.description });
      }
    }
    for (const item of got) {
      if (item.rule === expectation.rule) continue;
      score(item.rule).falsePositives++;
      mistakes.push({ kind: 'false-positive', file: expectation.file, pointer: expectation.pointer, expected: expectation.rule ?? 'none', got: item.rule, description: expectation.description });
    }
  }
  for (const [key, items] of found) {
    if (labelled.has(key)) continue;
    for (const item of items) {
      score(item.rule).falsePositives++;
      const [file, pointer] = key.split('#');
      mistakes.push({ kind: 'false-positive', file, pointer, expected: 'unlabelled', got: item.rule });
    }
  }
  for (const value of Object.values(scores)) {
    const flagged = value.truePositives + value.falsePositives;
    const actual = value.truePositives + value.falseNegatives;
    value.precision = flagged === 0 ? 1 : value.truePositives / flagged;
    value.recall = actual === 0 ? 1 : value.truePositives / actual;
  }
  return { scores, mistakes, labels: expectations.length };
}
