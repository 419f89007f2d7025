// The rule docs pages read as data: sections, the metadata line, and the examples their fences mark.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const RULE_DOCS_DIR = join(ROOT, 'docs', 'rules');

/** The H2 sections every rule page has, in this order. */
export const REQUIRED_SECTIONS = ['Why', 'Incorrect', 'Correct', 'Suggested fix', 'Options', 'When not to use it', 'Related rules', 'References'] as const;

/** Where a finding can come from: code through the ESLint plugin, or a spec through the CLI. */
export const CODE_FRAMEWORKS = ['express', 'nestjs', 'nextjs', 'fastify'] as const;
export const SPEC_KIND = 'openapi';
export const REQUIRED_FRAMEWORKS = [...CODE_FRAMEWORKS, SPEC_KIND] as const;

/**
 * How a rule's examples are checked, from the front ends it runs in. A response rule (ESLint and the CLI) has code
 * examples linted by ESLint and spec examples linted by the CLI. A drift rule (only `--project`) compares code with a
 * spec: each code example is a server, checked with `oas-status-lint --project` against the page's spec of the same kind.
 */
export type ExampleMode = 'per-front-end' | 'code-with-spec';

export function exampleModeOf(meta: { frontEnds: readonly string[] }): ExampleMode {
  return meta.frontEnds.includes('eslint') || meta.frontEnds.includes('cli') ? 'per-front-end' : 'code-with-spec';
}

export type ExampleKind = 'incorrect' | 'correct';

export interface DocsExample {
  readonly kind: ExampleKind;
  /** `express`, `nestjs`, `nextjs`, `fastify`, `openapi`, or any other word written in the fence. */
  readonly framework: string;
  /** The fence's language: `ts`, `js`, `yaml`, `json`. */
  readonly language: string;
  readonly code: string;
  /** 1-based line of the opening fence in the page. */
  readonly line: number;
  /** The H2 section the fence sits in. */
  readonly section: string;
}

export interface RulePage {
  readonly ruleId: string;
  readonly file: string;
  readonly text: string;
  /** The text of the `# ` heading. */
  readonly title: string | undefined;
  /** The first paragraph after the title: the one-line summary. */
  readonly summary: string | undefined;
  /** H2 section names in page order, and their bodies. */
  readonly sections: ReadonlyMap<string, string>;
  readonly examples: readonly DocsExample[];
}

export function rulePagePath(ruleId: string): string {
  return join(RULE_DOCS_DIR, `${ruleId}.md`);
}

export function hasRulePage(ruleId: string): boolean {
  return existsSync(rulePagePath(ruleId));
}

/** Parse one page. Example fences carry `<language> <incorrect|correct> <framework>` in their info string. */
export function parseRulePage(ruleId: string, text: string, file = rulePagePath(ruleId)): RulePage {
  const lines = text.split(/\r?\n/);
  const sections = new Map<string, string[]>();
  const examples: DocsExample[] = [];
  let title: string | undefined;
  let summary: string | undefined;
  let section = '';
  let fence: { info: string[]; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        const [language = '', kind, framework] = fence.info;
        if (kind === 'incorrect' || kind === 'correct') {
          examples.push({ kind, framework: framework ?? '', language, code: `${fence.body.join('\n')}\n`, line: fence.line, section });
        }
        fence = undefined;
      } else fence.body.push(line);
      if (section) sections.get(section)!.push(line);
      return;
    }
    const opening = /^```(.*)$/.exec(line);
    if (opening) {
      fence = { info: opening[1].trim().split(/\s+/).filter(Boolean), line: index + 1, body: [] };
      if (section) sections.get(section)!.push(line);
      return;
    }
    const h1 = /^# (.+)$/.exec(line);
    if (h1 && title === undefined) {
      title = h1[1].trim();
      return;
    }
    const h2 = /^## (.+)$/.exec(line);
    if (h2) {
      section = h2[1].trim();
      sections.set(section, []);
      return;
    }
    if (section) sections.get(section)!.push(line);
    else if (title !== undefined && summary === undefined && line.trim() !== '') summary = line.trim();
  });
  return {
    ruleId,
    file,
    text,
    title,
    summary,
    sections: new Map([...sections].map(([name, body]) => [name, body.join('\n').trim()])),
    examples,
  };
}

export function readRulePage(ruleId: string): RulePage {
  return parseRulePage(ruleId, readFileSync(rulePagePath(ruleId), 'utf8'));
}

/** The metadata line each page carries under its summary, built from the rule's meta so that the two cannot drift. */
export function metadataLine(meta: { id: string; presets: readonly string[]; defaultSeverity: string; frontEnds: readonly string[] }): string {
  const names: Record<string, string> = { eslint: `ESLint (\`@status-lint/${meta.id}\`)`, cli: 'CLI (`oas-status-lint`)', project: 'CLI on code and spec (`oas-status-lint --project`)' };
  const frontEnds = meta.frontEnds.map((frontEnd) => names[frontEnd] ?? frontEnd).join(', ');
  return `**Presets:** ${meta.presets.map((preset) => `\`${preset}\``).join(', ')} · **Default severity:** \`${meta.defaultSeverity}\` · **Front ends:** ${frontEnds}`;
}

/** A file name for a code example, where frameworks care about it (Next.js route handlers live in `route.ts`). */
export function exampleFileName(example: DocsExample, index: number): string {
  const extension = example.language === 'js' ? 'js' : 'ts';
  const named = /^\/\/\s*((?:[\w@[\].-]+\/)*[\w@[\].-]+\.(?:[cm]?[jt]sx?))\s*$/.exec(example.code.split('\n')[0] ?? '');
  if (named) return join(ROOT, 'docs-examples', `${example.kind}-${index}`, named[1]);
  const base = example.framework === 'nestjs' ? 'example.controller' : example.framework === 'nextjs' ? 'app/api/example/route' : 'server';
  return join(ROOT, 'docs-examples', `${example.kind}-${index}`, `${example.framework}`, `${base}.${extension}`);
}
