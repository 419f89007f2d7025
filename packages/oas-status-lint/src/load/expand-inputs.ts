// Turn command-line inputs (files, directories, globs, `-`) into the list of documents to lint.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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

/**
 * Config `ignore` patterns, matched with picomatch against paths relative to the config's folder: `**`, `*`, `?`,
 * `{a,b}`, `[x]`, negation. A pattern that names a folder (`vendor`, `vendor/`) ignores what is inside it.
 */
/** Loaded only when a config has `ignore` patterns. */
let picomatchModule: typeof import('picomatch') | undefined;
const picomatchLibrary = () => (picomatchModule ??= createRequire(import.meta.url)('picomatch') as typeof import('picomatch'));

function matchesIgnore(file: string, base: string, ignore: readonly string[]): boolean {
  if (ignore.length === 0) return false;
  const path = relative(base, file).split('\\').join('/');
  const patterns = ignore.flatMap((pattern) => {
    const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    return [clean, `${clean}/**`];
  });
  return picomatchLibrary()(patterns, { dot: true })(path);
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
    // `https://...` would otherwise read as a path (`https:/...`): the tool reads no network, and says so.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) && !/^file:\/\//i.test(input)) {
      throw new NoInputError(`${input}: URLs are not read (oas-status-lint never uses the network); download the description first, for example: curl -o openapi.yaml '${input}'`);
    }
    const file = /^file:\/\//i.test(input) ? fileURLToPath(input) : isAbsolute(input) ? input : resolve(cwd, input);
    const info = await stat(file).catch(() => undefined);
    // A file that exists is taken as named, even when its name looks like a glob (`Orders-API-(v2).json`).
    // The glob library loads only where a name is no file: most runs name their files.
    const globs = info?.isFile() ? undefined : await import('tinyglobby');
    if (!info && globs!.isDynamicPattern(input)) {
      const matches = await globs!.glob(input, { cwd, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
      if (matches.length === 0) throw new NoInputError(`no files match "${input}"`);
      for (const match of matches.sort()) add(resolve(match), true);
      continue;
    }
    if (info?.isDirectory()) {
      const matches = await globs!.glob(`**/*.${SPEC_EXTENSIONS}`, { cwd: file, absolute: true, ignore: ALWAYS_IGNORED });
      for (const match of matches.sort()) add(resolve(match), true);
      continue;
    }
    add(file, false);
  }
  return expanded;
}
