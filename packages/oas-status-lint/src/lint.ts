// The programmatic API: lint OpenAPI documents and return ESLint-compatible results.
import { statSync } from 'node:fs';
import { planRules, type PlannedRule, type RulesConfig } from '@status-lint/core';
import { DocumentSet, type Location } from './load/document-set.js';
import { InputError } from './load/input-error.js';
import { formatPointer } from './load/json-pointer.js';
import { pathId, type Span } from './load/parse-document.js';
import { decodeSource, readSource, realRoots, DEFAULT_MAX_FILE_MIB } from './load/read-source.js';
import { dirname } from 'node:path';
import { validateDocument } from './load/validate-document.js';
import { specRuleResults } from './extract/spec-rule-results.js';
import { NotOpenApiError, walkSpec } from './extract/walk-spec.js';
import { suggestionOf, toResult, type LintMessage, type LintResult } from './results.js';
import { ProjectLint } from './project-lint.js';

export interface LintOptions {
  /** Rules and presets; defaults to the `recommended` preset. */
  readonly rules?: RulesConfig;
  /** The project folder: `$ref`s may not reach outside it (or the spec's own folder). Defaults to process.cwd(). */
  readonly cwd?: string;
  /** Also validate each root document against its version's schema; problems are warnings beside the findings. */
  readonly validate?: boolean;
  /** How to read files (tests and stdin pass their own). */
  readonly readFile?: (file: string) => Promise<string>;
  /** A TypeScript server project (its tsconfig.json): compare its routes with the specs, and lint its responses too. */
  readonly project?: string;
  /** The largest file that is read, in bytes (default 64 MiB). */
  readonly maxFileBytes?: number;
  /** Called after each document is linted (the CLI returns memory there). */
  readonly afterDocument?: () => void;
}

/** The results of a run, and every file it read (the CLI never writes over one of them). */
export interface LintRun {
  readonly results: LintResult[];
  readonly inputs: string[];
}

/** A message before it has a position: where it is written, by location. */
interface PendingMessage {
  readonly location: Location;
  /** Where it is written, when that is known without a path (a problem of the text itself). */
  readonly position?: { readonly line: number; readonly column: number };
  readonly message: Omit<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn' | 'pointer'>;
  readonly withPointer: boolean;
}

/** Lint one root document: its own problems and findings, in every file they are written in. */
async function lintRoot(file: string, text: string | undefined, plan: readonly PlannedRule[], read: (file: string) => Promise<string>, options: LintOptions): Promise<{ pending: PendingMessage[]; documents: DocumentSet }> {
  const documents = new DocumentSet(read, options.cwd);
  const root = await documents.loadRoot(file, text);
  const walk = walkSpec(documents, file);
  // A spec valid enough to walk is linted whatever validation says; its problems are reported beside the findings.
  const validation = options.validate ? await validateDocument(root.value) : [];
  const pending: PendingMessage[] = walk.problems.map((problem) => ({
    location: problem.location,
    // A bad ignore directive is a problem of the spec to fix (exit 1), as ESLint treats a bad directive; not a tool failure.
    message: { ruleId: null, severity: problem.severity, message: problem.message, fatal: problem.severity === 2 && !problem.directive ? true : undefined },
    withPointer: false,
  }));
  for (const problem of validation) {
    pending.push({ location: { file, path: problem.path }, message: { ruleId: null, severity: 1, message: problem.message }, withPointer: false });
  }
  const used = new Set<unknown>();
  for (const { specFact, finding, severity, rule, ignores } of specRuleResults(documents, walk, plan)) {
    for (const directive of ignores) used.add(directive);
    pending.push({
      location: specFact.site.location,
      message: {
        ruleId: finding.ruleId,
        severity: severity === 'error' ? 2 : 1,
        message: finding.message,
        suggestion: suggestionOf(finding, 'spec'),
        docsUrl: rule.meta.docsUrl,
        ...(ignores.length > 0 ? { suppressions: ignores.map((directive) => ({ kind: 'directive' as const, justification: directive.reason })) } : {}),
      },
      withPointer: true,
    });
  }
  for (const document of documents.all()) {
    for (const warning of document.warnings) {
      pending.push({ location: { file: document.file, path: [] }, position: warning, message: { ruleId: null, severity: 1, message: warning.message }, withPointer: false });
    }
  }
  // A `$ref` that points nowhere is the input's error wherever it is met (a schema, an example, a callback), once.
  const reported = new Set(walk.problems.map((problem) => problem.message));
  for (const broken of documents.brokenRefs.values()) {
    if (reported.has(broken.message)) continue;
    reported.add(broken.message);
    pending.push({
      location: { file: broken.file, path: documents.pathOfRef(broken.file, broken.ref) ?? [] },
      message: { ruleId: null, severity: 2, fatal: true, message: broken.message },
      withPointer: false,
    });
  }
  const activeRules = new Set(plan.map((planned) => planned.rule.meta.id));
  for (const directive of walk.directives) {
    if (used.has(directive) || !activeRules.has(directive.ruleId)) continue;
    pending.push({
      location: directive.location,
      message: { ruleId: null, severity: 1, message: `unused x-status-lint-ignore: "${directive.ruleId}" reports nothing here; remove the directive` },
      withPointer: false,
    });
  }
  return { pending, documents };
}

/** Give pending messages their positions, one pass per file. */
function place(pending: readonly PendingMessage[], documents: DocumentSet): Map<string, LintMessage[]> {
  const byFile = new Map<string, PendingMessage[]>();
  for (const item of pending) {
    const group = byFile.get(item.location.file);
    if (group) group.push(item);
    else byFile.set(item.location.file, [item]);
  }
  const placed = new Map<string, LintMessage[]>();
  for (const [file, items] of byFile) {
    const document = documents.get(file);
    const spans = document ? document.locate(items.map((item) => item.location.path)) : new Map<string, Span>();
    placed.set(
      file,
      items.map((item) => {
        const span = item.position ? { ...item.position, endLine: undefined, endColumn: undefined } : spans.get(pathId(item.location.path));
        return {
          ...item.message,
          line: span?.line ?? 1,
          column: span?.column ?? 1,
          endLine: span?.endLine,
          endColumn: span?.endColumn,
          pointer: item.withPointer ? formatPointer(item.location.path) : undefined,
        };
      }),
    );
  }
  return placed;
}

/** What stopped one file: the input's own problem, or a limit or bug of the tool, which is reported for that file alone. */
function fatalMessage(error: unknown, file: string): [string, LintMessage] {
  if (error instanceof InputError) return [error.file, { ruleId: null, severity: 2, fatal: true, message: error.message, line: error.line, column: error.column }];
  if (error instanceof NotOpenApiError) return [file, { ruleId: null, severity: 2, fatal: true, message: error.message, line: 1, column: 1 }];
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return [file, { ruleId: null, severity: 2, fatal: true, message: 'the document is nested too deeply to be read; not linted', line: 1, column: 1 }];
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return [file, { ruleId: null, severity: 2, fatal: true, message: `internal error while linting this file, please report it with the file: ${reason}`, line: 1, column: 1 }];
}

export interface SourceInput {
  /** The path to report (absolute), or `<stdin>`. */
  readonly file: string;
  /** The text, when it is not to be read from `file`. */
  readonly text?: string;
  /** The raw bytes (stdin), decoded and checked like a file's. */
  readonly bytes?: Uint8Array;
}

/** Lint several documents; a shared file's messages are reported once. Each file is linted behind its own guard. */
export async function lintSources(sources: readonly SourceInput[], options: LintOptions = {}): Promise<LintResult[]> {
  return (await lintSourcesRun(sources, options)).results;
}

/** Like `lintSources`, and also which files were read. */
export async function lintSourcesRun(sources: readonly SourceInput[], options: LintOptions = {}): Promise<LintRun> {
  const plan = planRules(options.rules ?? {}, 'cli');
  const cwd = options.cwd ?? process.cwd();
  const roots = await realRoots([cwd, ...sources.filter((source) => !source.file.startsWith('<')).map((source) => dirname(source.file))]);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_MIB * 1024 * 1024;
  const inputs = new Set<string>();
  const readFile = options.readFile ?? ((file: string) => readSource(file, { roots, maxBytes }));
  const read = (file: string) => {
    inputs.add(file);
    return readFile(file);
  };
  const messages = new Map<string, Map<string, LintMessage>>();
  const add = (file: string, message: LintMessage) => {
    const forFile = messages.get(file) ?? new Map<string, LintMessage>();
    forFile.set(`${message.ruleId}\0${message.line}\0${message.column}\0${message.message}`, message);
    messages.set(file, forFile);
  };
  const project = options.project ? await ProjectLint.open(options.project, cwd) : undefined;
  // Read ahead: the next files are read while this one is linted, so disk waits overlap with work. Only small ones:
  // a big file read ahead would sit in memory beside the big one being linted, and the peak is what the largest needs.
  const READ_AHEAD = 4;
  const READ_AHEAD_MAX_BYTES = 4 * 1024 * 1024;
  const texts = new Map<number, Promise<string>>();
  const textOf = (index: number, ahead = false): Promise<string> | undefined => {
    const source = sources[index];
    if (!source || source.bytes || source.text !== undefined) return undefined;
    let pending = texts.get(index);
    if (!pending && ahead && !(statSync(source.file, { throwIfNoEntry: false })?.size! < READ_AHEAD_MAX_BYTES)) return undefined;
    if (!pending) {
      pending = read(source.file);
      pending.catch(() => undefined);
      texts.set(index, pending);
    }
    return pending;
  };
  for (const [index, source] of sources.entries()) {
    messages.set(source.file, messages.get(source.file) ?? new Map());
    for (let ahead = 1; ahead <= READ_AHEAD; ahead++) textOf(index + ahead, true);
    try {
      const text = source.bytes ? decodeSource(source.file, source.bytes) : source.text ?? (await textOf(index));
      texts.delete(index);
      const { pending, documents } = await lintRoot(source.file, text, plan, read, options);
      project?.addSpec(source.file, documents);
      for (const [file, placed] of place(pending, documents)) for (const message of placed) add(file, message);
    } catch (error) {
      texts.delete(index);
      const [file, message] = fatalMessage(error, source.file);
      add(file, message);
    }
    options.afterDocument?.();
  }
  if (project) {
    try {
      for (const [file, message] of project.messages(options.rules ?? {}, place)) add(file, message);
    } catch (error) {
      const [file, message] = fatalMessage(error, options.project!);
      add(file, message);
    }
  }
  return { results: [...messages].map(([file, forFile]) => toResult(file, [...forFile.values()])), inputs: [...inputs] };
}

/** Lint files by path. */
export function lint(files: readonly string[], options: LintOptions = {}): Promise<LintResult[]> {
  return lintSources(files.map((file) => ({ file })), options);
}
