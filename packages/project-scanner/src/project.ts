// A TypeScript project as the scanner reads it: the files its tsconfig names (tsconfig.ts), their imports resolved by
// the application model, each file read and analyzed once, when first needed.
import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { ProjectError, tsconfigFiles, type FileProblem } from './tsconfig.js';

export { ProjectError, type FileProblem };
import { analyzeProjectSource, locOf, resolveModuleFile, type FileAnalysis, type ParsedSource, type Variable } from '@status-lint/eslint-plugin/analysis';

export type AnalyzedFile = FileAnalysis & ParsedSource & { readonly file: string };

/** Larger source files are generated code or data, not handlers. */
const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** The project's files, parsed lazily; module specifiers resolved with the project's compiler options. */
/** Released analyses kept for a route that leads back to them (see `released`). */
const RELEASED_KEPT = 400;

export class ProjectIndex {
  readonly root: string;
  readonly configFile: string;
  readonly files: readonly string[];
  private readonly fileSet: Set<string>;
  private readonly analyses = new Map<string, AnalyzedFile | null>();
  /**
   * Analyses let go by `release`, the most recently released last, at most RELEASED_KEPT of them: a helper or a
   * service a route leads to is usually one of the files just read, and analyzing it again was a sixth of the scan.
   */
  private readonly released = new Map<string, AnalyzedFile>();
  private readonly texts = new Map<string, string | null>();
  readonly problems: FileProblem[] = [];

  /** What the application model may read while following helpers: the run's project folder, else the tsconfig's. */
  private readonly readRoot: string;

  constructor(tsconfigPath: string, cwd?: string) {
    const configFile = resolve(tsconfigPath);
    if (!existsSync(configFile)) throw new ProjectError(`cannot read the project: ${tsconfigPath} does not exist`, configFile);
    const file = statSync(configFile).isDirectory() ? resolve(configFile, 'tsconfig.json') : configFile;
    if (!existsSync(file)) throw new ProjectError(`cannot read the project: no tsconfig.json in ${tsconfigPath}`, file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ProjectError(`cannot read the project's tsconfig: ${(error as Error).message}`, file);
    }
    const named = tsconfigFiles(file, text, this.problems);
    this.root = dirname(file);
    this.configFile = file;
    this.readRoot = cwd ?? this.root;
    this.files = named.filter((path) => SOURCE_FILE.test(path) && !DECLARATION_FILE.test(path) && !/[\\/]node_modules[\\/]/.test(path)).sort();
    this.fileSet = new Set(this.files);
  }

  has(file: string): boolean {
    return this.fileSet.has(file);
  }

  /** A project file's text, read once; a file that cannot be read (or is too large) is a problem of that file alone. */
  text(file: string): string | undefined {
    if (!this.fileSet.has(file)) return undefined;
    const cached = this.texts.get(file);
    if (cached !== undefined) return cached ?? undefined;
    let text: string | null = null;
    try {
      const size = statSync(file).size;
      if (size > MAX_SOURCE_BYTES) this.problems.push({ file, line: 1, column: 1, message: `not analyzed: the file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB` });
      else text = readFileSync(file, 'utf8');
    } catch (error) {
      this.problems.push({ file, line: 1, column: 1, message: `cannot read: ${(error as Error).message}` });
    }
    this.texts.set(file, text);
    return text ?? undefined;
  }

  /** The file parsed and analyzed as the ESLint rules read it; undefined (with a problem recorded) when it does not parse. */
  analysis(file: string): AnalyzedFile | undefined {
    const cached = this.analyses.get(file);
    if (cached !== undefined) return cached ?? undefined;
    const kept = this.released.get(file);
    if (kept) {
      this.released.delete(file);
      this.analyses.set(file, kept);
      return kept;
    }
    const text = this.text(file);
    if (text === undefined) return undefined;
    let analyzed: AnalyzedFile | null = null;
    try {
      analyzed = { ...analyzeProjectSource(text, file, this.readRoot), file };
    } catch (error) {
      const located = error as { lineNumber?: number; column?: number; message?: string };
      // A file nested deeper than the parser's stack is that file's problem, not the project's.
      const reason = error instanceof RangeError ? 'it is nested too deeply to be parsed' : located.message ?? String(error);
      this.problems.push({ file, line: located.lineNumber ?? 1, column: (located.column ?? 0) + 1, message: `cannot parse: ${reason}` });
    }
    this.analyses.set(file, analyzed);
    return analyzed ?? undefined;
  }

  /**
   * Let a file's analysis go: kept among the last RELEASED_KEPT released, else analyzed again if it is needed later.
   * Its parse stays in the application model's cache (bounded there), so a file imported later is not parsed again.
   */
  release(file: string): void {
    const analyzed = this.analyses.get(file);
    this.analyses.delete(file);
    if (!analyzed) return;
    this.released.set(file, analyzed);
    if (this.released.size > RELEASED_KEPT) this.released.delete(this.released.keys().next().value as string);
  }

  /**
   * The project file an import names, or undefined for a package (or a file outside the project): resolved as the
   * application model resolves it (relative paths, tsconfig `paths` and `baseUrl`, workspace packages), one resolver
   * for both front ends.
   */
  resolveModule(fromFile: string, specifier: string): string | undefined {
    const resolved = resolveModuleFile(fromFile, specifier);
    return resolved && this.fileSet.has(resolve(resolved)) ? resolve(resolved) : undefined;
  }

  /** The variable a top-level name binds in a file. */
  topLevelVariable(file: AnalyzedFile, name: string): Variable | undefined {
    const global = file.sourceCode.getScope(file.program);
    const moduleScope = global.childScopes.find((scope) => scope.block === file.program) ?? global;
    return moduleScope.set.get(name) ?? global.set.get(name);
  }

  isAbsolutePath(path: string): boolean {
    return isAbsolute(path);
  }
}

/** The position of a node, 1-based as the formatters want it. */
export interface CodeLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export function locationOf(file: string, node: TSESTree.Node): CodeLocation {
  const { start, end } = locOf(node);
  return { file, line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 };
}

export function isIdentifier(node: TSESTree.Node | null | undefined): node is TSESTree.Identifier {
  return node?.type === AST_NODE_TYPES.Identifier;
}
