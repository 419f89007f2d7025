// Score the ESLint plugin against server code whose response sites carry `// expect:` labels: precision and recall per rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../packages/eslint-plugin/dist/index.js';
import type { Mistake, RuleScore } from './evaluate-labeled.js';

interface CodeExpectation {
  readonly file: string;
  readonly line: number;
  readonly rule?: string;
  readonly suggest?: number;
  readonly text: string;
}

const EXPECT = /\/\/\s*expect:\s*(none|[a-z0-9-]+)(?:\s+(\d{3}))?/;

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(?:[cm]?[jt]sx?)$/.test(name)) files.push(path);
  }
  return files;
}

function expectationsOf(file: string, text: string): CodeExpectation[] {
  const found: CodeExpectation[] = [];
  text.split('\n').forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    found.push({ file, line: index + 1, rule: match[1] === 'none' ? undefined : match[1], suggest: match[2] ? Number(match[2]) : undefined, text: line.trim() });
  });
  return found;
}

/** Lint one file with every rule of the plugin, the parser chosen by extension as a project would. */
export function lintCode(file: string, text: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const typescript = /\.[cm]?tsx?$/.test(file);
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: typescript
        ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') } }, sourceType: 'module' }
        : { ecmaVersion: 'latest', sourceType: /require\(/.test(text) && !/^\s*import\s/m.test(text) ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    plugin.configs.all as Linter.Config,
  ];
  return linter.verify(text, config, { filename: file });
}

export function evaluateLabeledCode(dir: string): { scores: Record<string, RuleScore>; mistakes: Mistake[]; labels: number; crashes: string[] } {
  const scores: Record<string, RuleScore> = {};
  const score = (rule: string) => (scores[rule] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0, wrongSuggestion: 0, precision: 1, recall: 1 });
  const mistakes: Mistake[] = [];
  const crashes: string[] = [];
  let labels = 0;
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const expectations = expectationsOf(file, text);
    labels += expectations.length;
    const messages = lintCode(file, text);
    const fatal = messages.filter((message) => message.fatal);
    if (fatal.length > 0) crashes.push(`${relative(dir, file)}: ${fatal[0].message}`);
    const byLine = new Map<number, { rule: string; suggest?: number }[]>();
    for (const message of messages) {
      // Only our rules count: a stray `eslint-disable` for another plugin's rule is not a finding.
      if (!message.ruleId?.startsWith('@status-lint/')) continue;
      const rule = message.ruleId.replace(/^@status-lint\//, '');
      const suggest = Number(/\bUse (\d{3})\b/.exec(message.message)?.[1]) || undefined;
      byLine.set(message.line, [...(byLine.get(message.line) ?? []), { rule, suggest }]);
    }
    const labelled = new Set<number>();
    for (const expectation of expectations) {
      labelled.add(expectation.line);
      const got = byLine.get(expectation.line) ?? [];
      const where = `${relative(dir, file)}:${expectation.line}`;
      if (expectation.rule) {
        const hit = got.find((item) => item.rule === expectation.rule);
        if (hit) {
          score(expectation.rule).truePositives++;
          if (expectation.suggest !== undefined && hit.suggest !== expectation.suggest) {
            score(expectation.rule).wrongSuggestion++;
            mistakes.push({ kind: 'wrong-suggestion', file: where, pointer: '', expected: `${expectation.rule} ${expectation.suggest}`, got: `${hit.rule} ${hit.suggest}`, description: expectation.text });
          }
        } else {
          score(expectation.rule).falseNegatives++;
          mistakes.push({ kind: 'false-negative', file: where, pointer: '', expected: expectation.rule, got: got.map((item) => item.rule).join(', ') || undefined, description: expectation.text });
        }
      }
      for (const item of got) {
        if (item.rule === expectation.rule) continue;
        score(item.rule).falsePositives++;
        mistakes.push({ kind: 'false-positive', file: where, pointer: '', expected: expectation.rule ?? 'none', got: item.rule, description: expectation.text });
      }
    }
    for (const [line, items] of byLine) {
      if (labelled.has(line)) continue;
      for (const item of items) {
        score(item.rule).falsePositives++;
        mistakes.push({ kind: 'false-positive', file: `${relative(dir, file)}:${line}`, pointer: '', expected: 'unlabelled', got: item.rule, description: text.split('\n')[line - 1]?.trim() });
      }
    }
  }
  for (const value of Object.values(scores)) {
    const flagged = value.truePositives + value.falsePositives;
    const actual = value.truePositives + value.falseNegatives;
    value.precision = flagged === 0 ? 1 : value.truePositives / flagged;
    value.recall = actual === 0 ? 1 : value.truePositives / actual;
  }
  return { scores, mistakes, labels, crashes };
}
