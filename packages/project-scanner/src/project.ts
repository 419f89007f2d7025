// A TypeScript project as the scanner reads it: the files its tsconfig names (through ts-morph), their imports resolved, each file analyzed once.
import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { Project, ts } from 'ts-morph';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { LocatedError } from '@status-lint/core';
import { analyzeSource, type FileAnalysis, type ParsedSource, type Variable } from '@status-lint/eslint-plugin/analysis';

export type AnalyzedFile = FileAnalysis & ParsedSource & { readonly file: string };

/** A problem with the project itself: no tsconfig, a file that does not parse. */
export class ProjectError extends LocatedError {
  override readonly name = 'ProjectError';
}

export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** The project's files, parsed lazily; module specifiers resolved with the project's compiler options. */
export class ProjectIndex {
  readonly root: string;
  readonly configFile: string;
  readonly files: readonly string[];
  private readonly fileSet: Set<string>;
  private readonly analyses = new Map<string, AnalyzedFile | null>();
  private readonly texts = new Map<string, string>();
  private readonly compilerOptions: ts.CompilerOptions;
  private readonly host: ts.ModuleResolutionHost;
  private readonly resolutionCache: ts.ModuleResolutionCache;
  readonly problems: FileProblem[] = [];

  constructor(tsconfigPath: string) {
    const configFile = resolve(tsconfigPath);
    if (!existsSync(configFile)) throw new ProjectError(`cannot read the project: ${tsconfigPath} does not exist`, configFile);
    const file = statSync(configFile).isDirectory() ? resolve(configFile, 'tsconfig.json') : configFile;
    if (!existsSync(file)) throw new ProjectError(`cannot read the project: no tsconfig.json in ${tsconfigPath}`, file);
    let project: Project;
    try {
      project = new Project({ tsConfigFilePath: file, skipFileDependencyResolution: true, skipLoadingLibFiles: true });
    } catch (error) {
      throw new ProjectError(`cannot read the project's tsconfig: ${(error as Error).message}`, file);
    }
    this.root = dirname(file);
    this.configFile = file;
    this.compilerOptions = { ...project.getCompilerOptions(), allowJs: true };
    this.host = project.getModuleResolutionHost();
    this.resolutionCache = ts.createModuleResolutionCache(this.root, (name) => name, this.compilerOptions);
    const files: string[] = [];
    for (const sourceFile of project.getSourceFiles()) {
      const path = sourceFile.getFilePath();
      if (!SOURCE_FILE.test(path) || DECLARATION_FILE.test(path) || /[\\/]node_modules[\\/]/.test(path)) continue;
      files.push(path);
      this.texts.set(path, sourceFile.getFullText());
    }
    this.files = files.sort();
    this.fileSet = new Set(this.files);
  }

  has(file: string): boolean {
    return this.fileSet.has(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** The file parsed and analyzed as the ESLint rules read it; undefined (with a problem recorded) when it does not parse. */
  analysis(file: string): AnalyzedFile | undefined {
    const cached = this.analyses.get(file);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    let analyzed: AnalyzedFile | null = null;
    try {
      analyzed = { ...analyzeSource(text, file), file };
    } catch (error) {
      const located = error as { lineNumber?: number; column?: number; message?: string };
      this.problems.push({ file, line: located.lineNumber ?? 1, column: (located.column ?? 0) + 1, message: `cannot parse: ${located.message ?? String(error)}` });
    }
    this.analyses.set(file, analyzed);
    return analyzed ?? undefined;
  }

  /** The project file an import names, or undefined for a package (or a file outside the project). */
  resolveModule(fromFile: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('/') && !this.compilerOptions.paths && !this.compilerOptions.baseUrl) return undefined;
    const resolved = ts.resolveModuleName(specifier, fromFile, this.compilerOptions, this.host, this.resolutionCache).resolvedModule?.resolvedFileName;
    if (resolved && this.fileSet.has(resolved)) return resolved;
    if (specifier.startsWith('.')) {
      // `./users.js` written for a `.ts` file under NodeNext, when resolution did not map it.
      const base = resolve(dirname(fromFile), specifier.replace(/\.[cm]?js$/, ''));
      for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.js`, resolve(base, 'index.ts'), resolve(base, 'index.js')]) if (this.fileSet.has(candidate)) return candidate;
    }
    return undefined;
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
  return { file, line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

export function isIdentifier(node: TSESTree.Node | null | undefined): node is TSESTree.Identifier {
  return node?.type === AST_NODE_TYPES.Identifier;
}
