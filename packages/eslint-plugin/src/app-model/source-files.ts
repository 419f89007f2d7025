// The application's other files, parsed on demand and kept for the process: keyed by path and checked against the
// file's modification time and size on every use, so an editor session sees edits. Bounded in size and count.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { parseSource } from '../standalone.js';
import { FileImports, recordImport } from '../resolve/imports.js';
import type { FileContext } from '../resolve/values.js';

/** Larger files are generated code or data, not the helpers that decide statuses. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Parsed files kept at once, the least recently used dropped first: the helpers many files import stay. */
const MAX_FILES = 1000;

export interface SourceFile {
  readonly file: string;
  readonly context: FileContext;
  readonly program: TSESTree.Program;
  /** What was learned of this file (summaries of its exports), dropped with it when the file changes. */
  readonly memo: Map<string, unknown>;
}

interface Entry {
  readonly stamp: string;
  readonly parsed: SourceFile | null;
  /** When the stamp was last compared with the disk: within a second, the file is taken as it was. */
  checked: number;
}

/** How long a file is trusted without looking at the disk again: short enough for an editor, long enough for a run. */
const RECHECK_MS = 1000;

const files = new Map<string, Entry>();

function stampOf(file: string): string | undefined {
  try {
    const info = statSync(file);
    return info.isFile() && info.size <= MAX_FILE_BYTES ? `${info.mtimeMs}:${info.size}` : undefined;
  } catch {
    return undefined;
  }
}

function recordImports(program: TSESTree.Program, imports: FileImports): void {
  for (const statement of program.body) {
    recordImport(statement, imports);
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) for (const declarator of declaration.declarations) recordImport(declarator, imports);
  }
}

/** The project the model may read in (ESLint's working directory): never a file outside it, never a package's. */
let projectRoot: string | undefined;

/** The project folder, for front ends without an ESLint context (the project scanner). */
export function setProjectRoot(root: string | undefined): void {
  if (root) projectRoot = root;
}

/** The folder the model may read in: the project's, or the process's working directory. */
export function projectFolder(): string {
  return projectRoot ?? process.cwd();
}

/** Is this path the project folder or inside it? Without a project folder given (the standalone analysis), the process's working directory bounds it. */
export function insideProject(path: string): boolean {
  const inside = relative(projectFolder(), path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

function readable(file: string): boolean {
  if (/[\\/]node_modules[\\/]/.test(file)) return false;
  return insideProject(file) && relative(projectFolder(), file) !== '';
}

/** Keep an entry, dropping the least recently used when the cache is full. */
function remember(file: string, entry: Entry): void {
  if (files.size >= MAX_FILES) files.delete(files.keys().next().value as string);
  files.set(file, entry);
}

let parses = 0;
/** How many files the model has parsed in this process: for tests and benchmarks of what it reads. */
export function parseCount(): number {
  return parses;
}

/** Parse a file's text into what the model keeps of it: the tree with scopes, its imports, a memo. Throws on syntax errors. */
function parsedFile(file: string, text: string): SourceFile {
  parses++;
  const { program, sourceCode } = parseSource(text, file);
  const imports = new FileImports();
  recordImports(program, imports);
  return { file, program, context: { sourceCode, imports, filename: file, variables: new Map() }, memo: new Map() };
}

/** A file of the application, parsed with scopes; undefined when it cannot be read or parsed. */
export function sourceFile(file: string): SourceFile | undefined {
  if (!readable(file)) return undefined;
  const now = Date.now();
  const cached = files.get(file);
  if (cached) {
    // Used again: it moves to the end, away from the next eviction.
    files.delete(file);
    files.set(file, cached);
  }
  if (cached && now - cached.checked < RECHECK_MS) return cached.parsed ?? undefined;
  const stamp = stampOf(file);
  if (stamp === undefined) return undefined;
  if (cached && cached.stamp === stamp) {
    cached.checked = now;
    return cached.parsed ?? undefined;
  }
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  return parseAndRemember(file, stamp, text) ?? undefined;
}

/** Parse a file's text (a file that cannot be read or parsed is remembered as such) and keep it under its stamp. */
function parseAndRemember(file: string, stamp: string, text: string | undefined): SourceFile | null {
  let parsed: SourceFile | null = null;
  try {
    parsed = text === undefined ? null : parsedFile(file, text);
  } catch {
    parsed = null;
  }
  remember(file, { stamp, parsed, checked: Date.now() });
  return parsed;
}

/**
 * Share a parse with another front end (the project scanner): the file's parse as the model holds it, parsing `text`
 * and keeping it when the model has none, so that a file is parsed once whichever side reads it first.
 */
export function sharedParse(file: string, text: string): { program: TSESTree.Program; sourceCode: FileContext['sourceCode'] } {
  const stamp = stampOf(file);
  const cached = files.get(file);
  if (cached?.parsed && stamp !== undefined && cached.stamp === stamp) return { program: cached.parsed.program, sourceCode: cached.parsed.context.sourceCode };
  const parsed = parsedFile(file, text);
  if (stamp !== undefined && readable(file)) remember(file, { stamp, parsed, checked: Date.now() });
  return { program: parsed.program, sourceCode: parsed.context.sourceCode };
}

/**
 * Could this file export `name`? Only a file that writes the name, or passes a whole module on (`export *`), can.
 * Read as text, without parsing: a barrel of fifty `export * from` is searched for one name by parsing the one or
 * two files that write it, not all fifty.
 */
export function mayExport(file: string, name: string): boolean {
  const cached = files.get(file);
  if (cached?.parsed) return true;
  const read = textOf(file);
  if (!read) return false;
  const writes = read.text.includes(name) || /\bexport\s*\*/.test(read.text);
  // A file that may export it is read next: parse the text in hand rather than read the file a second time.
  if (writes) {
    texts.delete(file);
    parseAndRemember(file, read.stamp, read.text);
  }
  return writes;
}

/**
 * Texts of files asked about but not parsed: a barrel's fifty neighbours are each asked for many names in one run
 * (measured: 4,600 reads of 308 files in one project scan). Kept under the file's stamp, as parses are.
 */
const texts = new Map<string, { readonly stamp: string; readonly text: string; checked: number }>();

function textOf(file: string): { stamp: string; text: string } | undefined {
  const now = Date.now();
  const cached = texts.get(file);
  if (cached && now - cached.checked < RECHECK_MS) return cached;
  const stamp = readable(file) ? stampOf(file) : undefined;
  if (stamp === undefined) return undefined;
  if (cached?.stamp === stamp) {
    cached.checked = now;
    return cached;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (texts.size >= MAX_FILES) texts.delete(texts.keys().next().value as string);
  const entry = { stamp, text, checked: now };
  texts.set(file, entry);
  return entry;
}

/**
 * The file being linted, as the model sees it: ESLint's own parse, not parsed again. It is not kept after ESLint is
 * done with it: holding every linted file's tree (up to a thousand) grew the heap of a lint run for the sake of the
 * few helper files that others import, which are parsed again, once, when imported.
 */
export function currentFile(context: FileContext): SourceFile {
  if (context.cwd) projectRoot = context.cwd;
  const cached = currentFiles.get(context.sourceCode.ast);
  if (cached) return cached;
  const current: SourceFile = { file: context.filename, context, program: context.sourceCode.ast as TSESTree.Program, memo: new Map() };
  currentFiles.set(context.sourceCode.ast, current);
  return current;
}
const currentFiles = new WeakMap<object, SourceFile>();
