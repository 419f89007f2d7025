// Score the ESLint plugin against server code whose response sites carry `// expect:` labels: precision and recall per rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../packages/eslint-plugin/dist/index.js';
import { scoreLabels, type Found, type Label, type Mistake, type RuleScore } from './score-labels.mjs';

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
    // The defaults a user gets: `all` also reports partial success, which the labels judge as fine.
    plugin.configs.recommended as Linter.Config,
  ];
  return linter.verify(text, config, { filename: file });
}

export function evaluateLabeledCode(dir: string): { scores: Record<string, RuleScore>; mistakes: Mistake[]; labels: number; crashes: string[] } {
  const crashes: string[] = [];
  const labels: Label[] = [];
  const found = new Map<string, Found[]>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const name = relative(dir, file);
    for (const expectation of expectationsOf(file, text)) {
      labels.push({ place: `${name}:${expectation.line}`, rule: expectation.rule, suggest: expectation.suggest, description: expectation.text });
    }
    const messages = lintCode(file, text);
    const fatal = messages.filter((message) => message.fatal);
    if (fatal.length > 0) crashes.push(`${name}: ${fatal[0].message}`);
    for (const message of messages) {
      // Only our rules count: a stray `eslint-disable` for another plugin's rule is not a finding.
      if (!message.ruleId?.startsWith('@status-lint/')) continue;
      const place = `${name}:${message.line}`;
      const suggest = Number(/\bUse (\d{3})\b/.exec(message.message)?.[1]) || undefined;
      found.set(place, [...(found.get(place) ?? []), { rule: message.ruleId.replace(/^@status-lint\//, ''), suggest }]);
    }
  }
  return { ...scoreLabels(labels, found), labels: labels.length, crashes };
}
