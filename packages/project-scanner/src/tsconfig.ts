// Which files a tsconfig names, as `tsc` reads them (`files`, `include`, `exclude`, `extends`, `allowJs`), without
// loading the TypeScript compiler: jsonc-parser checks the syntax (and places its errors), get-tsconfig follows
// `extends` and matches files against the patterns, tinyglobby lists the folders the patterns start from.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import type * as GetTsconfig from 'get-tsconfig';
import type * as Jsonc from 'jsonc-parser';
import type * as Tinyglobby from 'tinyglobby';
import { LocatedError } from '@status-lint/core';

const require = createRequire(import.meta.url);
const getTsconfig = (): typeof GetTsconfig => require('get-tsconfig') as typeof GetTsconfig;
const jsonc = (): typeof Jsonc => require('jsonc-parser') as typeof Jsonc;
const tinyglobby = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;

/** A problem with the project itself: no tsconfig, a tsconfig that does not parse. */
export class ProjectError extends LocatedError {
  override readonly name = 'ProjectError';
}

export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** 1-based line and column of an offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The tsconfig's own object: a syntax error (comments and trailing commas allowed, as `tsc` allows them) is the project's. */
function readOwnConfig(file: string, text: string): Record<string, unknown> {
  const errors: Jsonc.ParseError[] = [];
  const value: unknown = jsonc().parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const [first] = errors;
  if (first) {
    const { line, column } = placeOf(text, first.offset);
    // `CommaExpected` -> "comma expected".
    const reason = jsonc().printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    throw new ProjectError(`cannot read the project's tsconfig: ${reason}`, file, line, column);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ProjectError("cannot read the project's tsconfig: it is not a JSON object", file, 1, 1);
  return value as Record<string, unknown>;
}

const WILDCARD = /[*?]/;
const DOT_SEGMENT = /(?:^|[\\/])\.[^./\\]/;
const withoutTrailingSlash = (pattern: string): string => (pattern.length > 1 ? pattern.replace(/[\\/]+$/, '') : pattern);

/** Where a pattern's files can be: the folder before its first wildcard, or the file it names. */
function patternRoot(root: string, pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments) {
    if (WILDCARD.test(segment)) break;
    fixed.push(segment);
  }
  const path = fixed.join('/');
  return isAbsolute(path) ? path : resolve(root, path);
}

/** The files of the config: its `files`, then what its `include` patterns find that get-tsconfig's matcher (exclude, allowJs) keeps. */
function namedFiles(config: GetTsconfig.TsConfigResult, problems: FileProblem[]): string[] {
  const root = dirname(config.path);
  const { files, include } = config.config;
  const found = new Set<string>();
  for (const name of files ?? []) {
    const path = isAbsolute(name) ? name : resolve(root, name);
    if (existsSync(path)) found.add(path);
    else problems.push({ file: config.path, line: 1, column: 1, message: `the tsconfig's "files" names ${JSON.stringify(name)}, which does not exist` });
  }
  const patterns = (include ?? (files ? [] : ['**/*'])).map(withoutTrailingSlash);
  if (patterns.length === 0) return [...found];
  // `tsc` reads "docs/" as "docs"; get-tsconfig's matcher would match nothing under it. Without an `exclude`, the
  // output folders are excluded.
  const { outDir, declarationDir } = config.config.compilerOptions ?? {};
  const exclude = (config.config.exclude ?? [outDir, declarationDir].filter((dir): dir is string => typeof dir === 'string')).map(withoutTrailingSlash);
  const matches = getTsconfig().createFilesMatcher({ path: config.path, config: { ...config.config, include: patterns, exclude } });
  const roots = [...new Set(patterns.map((pattern) => patternRoot(root, pattern)))];
  // Wildcards skip names that start with a dot, as in `tsc`; a pattern that names one (`**/.server/**/*.ts`) lists them.
  const dot = patterns.some((pattern) => DOT_SEGMENT.test(pattern));
  for (const start of roots) {
    if (!existsSync(start)) continue;
    const listed = tinyglobby().globSync('**/*', { cwd: start, absolute: true, dot, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false, expandDirectories: false });
    for (const path of listed.length > 0 ? listed : [start]) if (matches(path)) found.add(resolve(path));
  }
  return [...found];
}

/** 6053-like: an `extends` of a package that is not installed (a checkout without node_modules). */
const EXTENDS_NOT_FOUND = /^File '.*' not found\.?$/;

/**
 * The files a tsconfig names. A shared base config from a workspace package that is not installed
 * (`@repo/typescript-config/nextjs.json`) does not stop the scan: the file's own options say what to scan, with a warning.
 */
export function tsconfigFiles(file: string, text: string, problems: FileProblem[]): string[] {
  const own = readOwnConfig(file, text);
  let config: GetTsconfig.TsConfigResult;
  try {
    config = { path: file, config: getTsconfig().parseTsconfig(file) };
  } catch (error) {
    const message = (error as Error).message.replace(/\.$/, '');
    if (!('extends' in own) || !EXTENDS_NOT_FOUND.test(message)) throw new ProjectError(`cannot read the project's tsconfig: ${message}`, file, 1, 1);
    const { extends: missing, ...rest } = own;
    problems.push({ file, line: 1, column: 1, message: `the tsconfig's "extends" (${JSON.stringify(missing)}) cannot be read: ${message}; scanned with the file's own options` });
    config = { path: file, config: rest as GetTsconfig.TsConfigJson };
  }
  return namedFiles(config, problems);
}
