// The rule docs are tests: every page has every section, the index matches the metadata, and every example does what it claims.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { rules } from '@status-lint/core';
import { lintSources } from '../packages/oas-status-lint/dist/index.js';
import { DOCS_INDEX_FILE, renderDocsIndex } from '../scripts/generate-docs-index.mjs';
import { runCli, tempProject } from './cli-helpers.js';
import {
  CODE_FRAMEWORKS,
  exampleFileName,
  exampleModeOf,
  hasRulePage,
  metadataLine,
  readRulePage,
  REQUIRED_FRAMEWORKS,
  REQUIRED_SECTIONS,
  ROOT,
  RULE_DOCS_DIR,
  rulePagePath,
  SPEC_KIND,
  type DocsExample,
  type RulePage,
} from './docs-pages.js';

const ruleIds = rules.map((rule) => rule.meta.id);
/** Rules whose code examples ESLint checks, whose spec examples the CLI checks, and whose examples are code-and-spec pairs. */
const eslintRuleIds = rules.filter((rule) => rule.meta.frontEnds.includes('eslint')).map((rule) => rule.meta.id);
const specRuleIds = rules.filter((rule) => rule.meta.frontEnds.includes('cli')).map((rule) => rule.meta.id);
const pairedRuleIds = rules.filter((rule) => exampleModeOf(rule.meta) === 'code-with-spec').map((rule) => rule.meta.id);
const pages = new Map<string, RulePage>(ruleIds.filter(hasRulePage).map((id) => [id, readRulePage(id)]));
const pageOf = (id: string): RulePage => {
  const page = pages.get(id);
  if (!page) throw new Error(`docs/rules/${id}.md is missing`);
  return page;
};
const where = (page: RulePage, example: DocsExample) => `docs/rules/${page.ruleId}.md:${example.line} (${example.kind} ${example.framework})`;
const examplesOf = (id: string, kind: 'incorrect' | 'correct', frameworks: readonly string[]) =>
  (pages.get(id)?.examples ?? []).filter((example) => example.kind === kind && frameworks.includes(example.framework));

/** One test case per example, named by its place in the page; a rule without a page still gets a failing case. */
type ExampleCase = [name: string, ruleId: string, example: DocsExample | undefined];

function exampleCases(frameworks: readonly string[], ids: readonly string[] = ruleIds): ExampleCase[] {
  return ids.flatMap((id): ExampleCase[] => {
    const examples = [...examplesOf(id, 'incorrect', frameworks), ...examplesOf(id, 'correct', frameworks)];
    if (examples.length === 0) return [[`${id}: (no examples)`, id, undefined]];
    return examples.map((example): ExampleCase => [`${id}:${example.line} ${example.kind} ${example.framework}`, id, example]);
  });
}

describe('every rule has a page with every section', () => {
  it.each(ruleIds)('%s', (id) => {
    expect(existsSync(rulePagePath(id)), `docs/rules/${id}.md is missing`).toBe(true);
    const page = pageOf(id);
    const meta = rules.find((rule) => rule.meta.id === id)!.meta;

    expect(page.title, 'the page opens with "# <rule-id>"').toBe(id);
    expect(page.summary, 'the one-line summary under the title is the rule\'s description').toBe(meta.description);
    expect(page.text, 'the metadata line (presets, severity, front ends) matches the rule\'s meta').toContain(metadataLine(meta));

    const sectionNames = [...page.sections.keys()];
    const missing = REQUIRED_SECTIONS.filter((name) => !page.sections.has(name));
    expect(missing, `sections missing from docs/rules/${id}.md`).toEqual([]);
    expect(sectionNames.filter((name) => (REQUIRED_SECTIONS as readonly string[]).includes(name)), 'sections in the common order').toEqual([...REQUIRED_SECTIONS]);
    for (const name of REQUIRED_SECTIONS) expect(page.sections.get(name)!.length, `section "## ${name}" is empty`).toBeGreaterThan(40);

    for (const kind of ['incorrect', 'correct'] as const) {
      const frameworks = page.examples.filter((example) => example.kind === kind).map((example) => example.framework);
      expect(REQUIRED_FRAMEWORKS.filter((framework) => !frameworks.includes(framework)), `${kind} examples missing`).toEqual([]);
    }
    for (const example of page.examples) {
      expect(REQUIRED_FRAMEWORKS as readonly string[], `${where(page, example)}: unknown framework in the fence`).toContain(example.framework);
      expect(example.section, `${where(page, example)} sits under "## ${example.kind === 'incorrect' ? 'Incorrect' : 'Correct'}"`).toBe(example.kind === 'incorrect' ? 'Incorrect' : 'Correct');
      expect(example.language, `${where(page, example)}: spec examples are yaml or json, code examples ts or js`).toMatch(example.framework === SPEC_KIND ? /^(?:yaml|json)$/ : /^(?:ts|js)$/);
    }

    // The RFC sections it rests on, linked.
    expect(page.sections.get('Why')).toMatch(/rfc-editor\.org\/rfc\/rfc(?:9110|6585|9457)#section-[\d.]+/);
    expect(page.sections.get('References')).toMatch(/RFC (?:9110|6585)/);

    // Options: every option is named with its default; a rule without options says so.
    const options = page.sections.get('Options')!;
    const optionNames = Object.keys(meta.optionsSchema.properties);
    if (optionNames.length === 0) expect(options).toMatch(/no options/i);
    for (const name of optionNames) {
      expect(options, `option ${name} is documented`).toContain(`\`${name}\``);
      expect(options, `option ${name} shows its default`).toContain(`\`${JSON.stringify((meta.defaultOptions as Record<string, unknown>)[name])}\``);
    }

    // Related rules point at pages that exist.
    const links = [...page.sections.get('Related rules')!.matchAll(/\]\(\.\/([\w-]+)\.md\)/g)].map((match) => match[1]);
    expect(links.length, 'related rules link to at least one other page').toBeGreaterThan(0);
    for (const link of links) expect(ruleIds, `related rule ${link} exists`).toContain(link);
    expect(links).not.toContain(id);
  });

  it('has no page for a rule that does not exist', () => {
    const pageIds = readdirSync(RULE_DOCS_DIR)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3));
    expect(pageIds.filter((pageId) => !ruleIds.includes(pageId))).toEqual([]);
  });

  it('links each rule\'s docs URL to its page', () => {
    for (const rule of rules) expect(rule.meta.docsUrl).toMatch(new RegExp(`/docs/rules/${rule.meta.id}\\.md$`));
  });
});

describe('docs/README.md', () => {
  it('is what scripts/generate-docs-index.mjs writes from the rules\' metadata (run `npm run docs:index`)', () => {
    expect(existsSync(DOCS_INDEX_FILE), 'docs/README.md is missing').toBe(true);
    expect(readFileSync(DOCS_INDEX_FILE, 'utf8')).toBe(renderDocsIndex());
  });

  it('lists every rule with a link to its page', () => {
    const index = renderDocsIndex();
    for (const id of ruleIds) expect(index).toContain(`[${id}](rules/${id}.md)`);
  });
});

describe('spec examples, through the CLI\'s lintSources with the all preset', () => {
  it.each(exampleCases([SPEC_KIND], specRuleIds))('%s', async (_name, id, example) => {
    expect(example, `docs/rules/${id}.md has no openapi examples`).toBeDefined();
    const file = join(ROOT, 'docs-examples', id, `${example!.kind}-L${example!.line}.${example!.language}`);
    const results = await lintSources([{ file, text: example!.code }], {
      rules: { extends: ['all'] },
      readFile: async (other) => {
        throw new Error(`a spec example must be self-contained; it reads ${other}`);
      },
    });
    const messages = results.flatMap((result) => result.messages);
    const problems = messages.filter((message) => message.ruleId === null).map((message) => `${message.line}:${message.column} ${message.message}`);
    expect(problems, `${where(pageOf(id), example!)} is not a clean OpenAPI document`).toEqual([]);
    const found = [...new Set(messages.map((message) => message.ruleId))];
    const report = messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`).join('\n');
    if (example!.kind === 'incorrect') expect(found, `${where(pageOf(id), example!)} must produce exactly its rule\n${report}`).toEqual([id]);
    else expect(found, `${where(pageOf(id), example!)} must produce nothing\n${report}`).toEqual([]);
  });

  it.each(specRuleIds)('%s: each finding in an incorrect spec carries the fix the page\'s correct spec applies', async (id) => {
    const page = pageOf(id);
    const correct = page.examples.filter((example) => example.kind === 'correct' && example.framework === SPEC_KIND);
    for (const example of page.examples.filter((item) => item.kind === 'incorrect' && item.framework === SPEC_KIND)) {
      const results = await lintSources([{ file: join(ROOT, 'docs-examples', id, `fix-L${example.line}.${example.language}`), text: example.code }], { rules: { extends: ['all'] } });
      for (const message of results.flatMap((result) => result.messages)) {
        expect(message.suggestion, `${where(page, example)}: ${message.message}`).toBeDefined();
        const { status, header } = message.suggestion!;
        if (status !== undefined) expect(correct.some((item) => new RegExp(`['"]?${status}['"]?:`).test(item.code)), `a correct spec on the page declares the suggested ${status}`).toBe(true);
        if (header !== undefined) expect(correct.some((item) => new RegExp(`^\\s*['"]?${header}['"]?:`, 'mi').test(item.code)), `a correct spec on the page declares the suggested ${header} header`).toBe(true);
      }
    }
  });
});

const PLUGIN_ENTRY = join(ROOT, 'packages', 'eslint-plugin', 'dist', 'index.js');

interface EslintPlugin {
  readonly rules: Record<string, { meta?: { docs?: { url?: string } } }>;
  readonly configs: Record<string, Linter.Config | Linter.Config[]>;
}

let pluginPromise: Promise<EslintPlugin> | undefined;
function loadPlugin(): Promise<EslintPlugin> {
  if (!existsSync(PLUGIN_ENTRY)) throw new Error(`the ESLint plugin is not built: ${PLUGIN_ENTRY} is missing (npm run build)`);
  pluginPromise ??= import(pathToFileURL(PLUGIN_ENTRY).href).then((module: { default: EslintPlugin }) => module.default);
  return pluginPromise;
}

type AnalyzeFile = (sourceCode: unknown, filename: string) => readonly unknown[];

/** The plugin's shared analysis (all its rules read the same sites); used only to prove a quiet result is not a blind one. */
async function loadAnalyzeFile(): Promise<AnalyzeFile> {
  const entry = join(dirname(PLUGIN_ENTRY), 'analyze.js');
  const module = (await import(pathToFileURL(entry).href)) as { analyzeFile?: AnalyzeFile };
  if (typeof module.analyzeFile !== 'function') throw new Error(`${entry} no longer exports analyzeFile(sourceCode, filename): update this test`);
  return module.analyzeFile;
}

function eslintConfig(plugin: EslintPlugin): Linter.Config[] {
  const all = plugin.configs.all;
  const presets = Array.isArray(all) ? all : [all];
  const declaresPlugin = presets.some((config) => config.plugins?.['@status-lint']);
  return [
    { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
    ...(declaresPlugin ? [] : [{ plugins: { '@status-lint': plugin as never } }]),
    ...presets,
  ];
}

describe('code examples, through ESLint with the plugin\'s all config', () => {
  it('the plugin names each rule @status-lint/<id> and links its page', async () => {
    const plugin = await loadPlugin();
    for (const rule of rules.filter((item) => item.meta.frontEnds.includes('eslint'))) {
      expect(plugin.rules[rule.meta.id], `plugin rule ${rule.meta.id}`).toBeDefined();
      expect(plugin.rules[rule.meta.id].meta?.docs?.url).toBe(rule.meta.docsUrl);
    }
  });

  it.each(exampleCases(CODE_FRAMEWORKS, eslintRuleIds))('%s', async (_name, id, example) => {
    expect(example, `docs/rules/${id}.md has no code examples`).toBeDefined();
    const plugin = await loadPlugin();
    const page = pageOf(id);
    const filename = exampleFileName(example!, example!.line);
    const linter = new Linter({ cwd: ROOT });
    const messages = linter.verify(example!.code, eslintConfig(plugin), { filename });
    const problems = messages.filter((message) => message.ruleId === null).map((message) => `${message.line}:${message.column} ${message.message}`);
    expect(problems, `${where(page, example!)} does not parse (as ${filename.slice(dirname(ROOT).length)})`).toEqual([]);
    const found = [...new Set(messages.map((message) => message.ruleId))];
    const report = messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`).join('\n');
    if (example!.kind === 'incorrect') expect(found, `${where(page, example!)} must produce exactly its rule\n${report}`).toEqual([`@status-lint/${id}`]);
    else expect(found, `${where(page, example!)} must produce nothing\n${report}`).toEqual([]);
  });

  // A correct example passes when the plugin finds nothing; make sure that is because it read the responses and found them right.
  it.each(exampleCases(CODE_FRAMEWORKS, eslintRuleIds))('%s: the plugin sees its responses', async (_name, id, example) => {
    expect(example, `docs/rules/${id}.md has no code examples`).toBeDefined();
    const analyze = await loadAnalyzeFile();
    const linter = new Linter({ cwd: ROOT });
    const filename = exampleFileName(example!, example!.line);
    linter.verify(example!.code, eslintConfig(await loadPlugin()), { filename });
    const sites = analyze(linter.getSourceCode(), filename);
    expect(sites.length, `${where(pageOf(id), example!)}: the plugin found no response in it`).toBeGreaterThan(0);
  });

  it.each(exampleCases(CODE_FRAMEWORKS, eslintRuleIds).filter(([, , example]) => example?.kind === 'incorrect'))('%s: its ESLint suggestions clear the finding', async (_name, id, example) => {
    const plugin = await loadPlugin();
    const filename = exampleFileName(example!, example!.line);
    const ruleName = `@status-lint/${id}`;
    let code = example!.code;
    const withoutSuggestion: string[] = [];
    // Apply one suggestion at a time, as an editor would, until none is left.
    for (let round = 0; round < 10; round++) {
      const messages = new Linter({ cwd: ROOT }).verify(code, eslintConfig(plugin), { filename }).filter((message) => message.ruleId === ruleName);
      const fixable = messages.find((message) => message.suggestions && message.suggestions.length > 0);
      withoutSuggestion.splice(0, withoutSuggestion.length, ...messages.filter((message) => !message.suggestions?.length).map((message) => `${message.line}:${message.column}`));
      if (!fixable) break;
      const { range, text } = fixable.suggestions![0].fix;
      code = code.slice(0, range[0]) + text + code.slice(range[1]);
    }
    const remaining = new Linter({ cwd: ROOT }).verify(code, eslintConfig(plugin), { filename });
    expect(remaining.filter((message) => message.ruleId === null), 'the suggested code still parses').toEqual([]);
    // Findings the plugin offers no quick fix for (a NestJS handler returning a body, an HttpException) stay; every other one is gone.
    expect(remaining.filter((message) => message.ruleId === ruleName).map((message) => `${message.line}:${message.column}`)).toEqual(withoutSuggestion);
    expect(remaining.filter((message) => message.ruleId !== ruleName), 'the suggestions do not cause other findings').toEqual([]);
  });
});

/** The path a code example is written at inside its project: the file its first line names, or the framework's usual place. */
function projectFileOf(example: DocsExample): string {
  const absolute = exampleFileName(example, example.line);
  const inside = absolute.slice(join(ROOT, 'docs-examples', `${example.kind}-${example.line}`).length + 1);
  return inside.startsWith(`${example.framework}/`) ? inside.slice(example.framework.length + 1) : inside;
}

describe('drift examples, each server through oas-status-lint --project against the page\'s spec of the same kind', () => {
  it.each(exampleCases(CODE_FRAMEWORKS, pairedRuleIds))('%s', async (_name, id, example) => {
    expect(example, `docs/rules/${id}.md has no code examples`).toBeDefined();
    const page = pageOf(id);
    const specs = page.examples.filter((item) => item.framework === SPEC_KIND && item.kind === example!.kind);
    expect(specs, `docs/rules/${id}.md has one ${example!.kind} openapi example to check its ${example!.kind} code against`).toHaveLength(1);
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true, strict: true }, include: ['**/*.ts'] }),
      [projectFileOf(example!)]: example!.code,
      [`openapi.${specs[0].language}`]: specs[0].code,
    });
    const results = await lintSources([{ file: join(dir, `openapi.${specs[0].language}`) }], { rules: { extends: ['all'] }, project: join(dir, 'tsconfig.json'), cwd: dir });
    const messages = results.flatMap((result) => result.messages);
    const report = messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`).join('\n');
    // A problem (no route found, a parse error) would make a quiet result meaningless.
    expect(messages.filter((message) => message.ruleId === null), `${where(page, example!)} is not a server the scanner can read\n${report}`).toEqual([]);
    const found = [...new Set(messages.map((message) => message.ruleId))];
    if (example!.kind === 'incorrect') expect(found, `${where(page, example!)} must produce exactly its rule\n${report}`).toEqual([id]);
    else expect(found, `${where(page, example!)} must produce nothing\n${report}`).toEqual([]);
  });
});

describe('oas-status-lint --explain and --list-rules', () => {
  it.each(ruleIds)('--explain %s prints its page', async (id) => {
    const page = pageOf(id);
    const run = await runCli(['--explain', id, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(id.toUpperCase());
    expect(run.stdout).toContain(page.summary!);
    for (const name of REQUIRED_SECTIONS) expect(run.stdout, `section ${name} is shown`).toContain(name.toUpperCase());
    // The page itself, not the fallback built from the metadata: its examples' code is there, indented.
    const firstExample = page.examples.find((example) => example.framework === 'express')!;
    const codeLine = firstExample.code.split('\n').find((line) => /res\.|app\./.test(line))!;
    expect(run.stdout).toContain(`    ${codeLine}`);
    expect(run.stdout).not.toMatch(/^```/m);
  });

  it('--explain with an unknown id fails with exit code 2 and lists the known ids', async () => {
    const run = await runCli(['--explain', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown rule "no-such-rule"');
    for (const id of ruleIds) expect(run.stderr).toContain(id);
  });

  it('--list-rules lists every rule with its docs link', async () => {
    const run = await runCli(['--list-rules', '--no-color']);
    expect(run.code).toBe(0);
    for (const rule of rules) {
      expect(run.stdout).toContain(rule.meta.id);
      expect(run.stdout).toContain(rule.meta.docsUrl);
    }
  });
});
