// Turn command-line inputs (files, directories, globs, `-`) into the list of documents to lint.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface ExpandedInput {
  readonly file: string;
  /** Found by expanding a directory or glob: a file there that is not OpenAPI is skipped, not an error. */
  readonly discovered: boolean;
}

const SPEC_EXTENSIONS = '{yaml,yml,json}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export class NoInputError extends Error {
  override readonly name = 'NoInputError';
}

function matchesIgnore(file: string, base: string, ignore: readonly string[]): boolean {
  if (ignore.length === 0) return false;
  const path = relative(base, file).split('\\').join('/');
  return ignore.some((pattern) => globToRegExp(pattern).test(path));
}

/** A small glob matcher for ignore patterns (`**`, `*`, `?`), matched against paths relative to cwd. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      source += pattern[index + 2] === '/' ? '(?:.*/)?' : '.*';
      index += pattern[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:\\./)?${source}(?:/.*)?$`);
}

/** Expand inputs in order, without duplicates; `-` stays as stdin. Missing plain files are kept (reported later). */
/** `ignore` patterns are relative to `ignoreBase` (the config file's folder). */
export async function expandInputs(inputs: readonly string[], cwd: string, ignore: readonly string[] = [], ignoreBase = cwd): Promise<ExpandedInput[]> {
  const seen = new Set<string>();
  const expanded: ExpandedInput[] = [];
  const add = (file: string, discovered: boolean) => {
    if (seen.has(file) || (discovered && matchesIgnore(file, ignoreBase, ignore))) return;
    seen.add(file);
    expanded.push({ file, discovered });
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-', false);
      continue;
    }
    const file = isAbsolute(input) ? input : resolve(cwd, input);
    const info = await stat(file).catch(() => undefined);
    // A file that exists is taken as named, even when its name looks like a glob (`Orders-API-(v2).json`).
    if (!info && isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
      if (matches.length === 0) throw new NoInputError(`no files match "${input}"`);
      for (const match of matches.sort()) add(resolve(match), true);
      continue;
    }
    if (info?.isDirectory()) {
      const matches = await glob(`**/*.${SPEC_EXTENSIONS}`, { cwd: file, absolute: true, ignore: ALWAYS_IGNORED });
      for (const match of matches.sort()) add(resolve(match), true);
      continue;
    }
    add(file, false);
  }
  return expanded;
}
