// What Nuxt and Nitro give a server's files without their writing it:
// - their aliases: `~/lib/s3` and `@/lib/s3` are the source folder's (`app/` in Nuxt 4's layout), `~~/` and `@@/` the
//   root's (Nuxt writes them to a generated `.nuxt/tsconfig.json`, which a checkout does not have);
// - the server's utilities: a function exported from `server/utils/*.ts` (Nitro alone: `utils/*.ts`), or from Nuxt's
//   `shared/utils/*.ts`, is called by its name with no import statement (`return kunError(event, 'Topic not found')`).
//   A server file's name that nothing declares or imports is looked up there.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { entries, nearestConfigFolder } from './framework-roots.js';

const CONFIG = /^(?:nuxt|nitro)\.config\.[cm]?[jt]s$/;
const SOURCE = /\.[cm]?[jt]s$/;
const DECLARATION = /\.d\.[cm]?ts$/;

interface AutoImports {
  /** The folder of the server code whose files are given the utilities. */
  readonly serverDir: string;
  /** Each name given, with the file that exports it and the name it is exported under (`default` by the file's name). */
  readonly exports: ReadonlyMap<string, { readonly file: string; readonly exported: string }>;
  readonly at: number;
}

/** Kept as long as module resolutions are: files change in an editor session, not within a lint run. */
const TTL_MS = 2000;
const byRoot = new Map<string, AutoImports>();

/** The folder of the nearest `nuxt.config.*` or `nitro.config.*` above, inside the project. */
function frameworkRoot(folder: string, now: number): string | undefined {
  return nearestConfigFolder(folder, CONFIG, now);
}

/** `export const kunError = ...`, `export async function sendMail(`, `export { a, b as c }`: the names a file exports. */
export function exportedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\bexport\s+(?:declare\s+)?(?:async\s+)?(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/g)) names.push(match[1]);
  for (const match of text.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const item of match[1].split(',')) {
      const name = /(?:\bas\s+)?([A-Za-z_$][\w$]*)\s*$/.exec(item.trim())?.[1];
      if (name && name !== 'default' && name !== 'type') names.push(name);
    }
  }
  return names;
}

/** `kun-error.ts` -> `kunError`: the name unimport gives a file's default export. */
function defaultExportName(file: string): string {
  return basename(file).replace(SOURCE, '').replace(/[-_.]+(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** The source files of a utilities folder: its own, and one level of folders below (`utils/auth/index.ts`). */
function utilityFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of entries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) files.push(path);
    else if (entry.isDirectory() && entry.name !== 'node_modules') {
      for (const inner of entries(path)) if (inner.isFile() && SOURCE.test(inner.name) && !DECLARATION.test(inner.name)) files.push(join(path, inner.name));
    }
  }
  return files;
}

function autoImportsOf(root: string, now: number): AutoImports {
  const cached = byRoot.get(root);
  if (cached && now - cached.at < TTL_MS) return cached;
  const hasServer = entries(root).some((entry) => entry.isDirectory() && entry.name === 'server');
  const serverDir = hasServer ? join(root, 'server') : root;
  const exports = new Map<string, { file: string; exported: string }>();
  // The server's own utilities first: a name both define is the server's.
  for (const folder of [join(serverDir, 'utils'), join(root, 'shared', 'utils')]) {
    for (const file of utilityFiles(folder)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      for (const name of exportedNames(text)) if (!exports.has(name)) exports.set(name, { file, exported: name });
      if (/\bexport\s+default\b/.test(text) && !exports.has(defaultExportName(file))) exports.set(defaultExportName(file), { file, exported: 'default' });
    }
  }
  const found = { serverDir, exports, at: now };
  byRoot.set(root, found);
  return found;
}

/**
 * The file that gives a server file of a Nuxt or Nitro application this name without an import, and the name it
 * exports it under; undefined outside such a server, or for a name no utility exports.
 */
export function autoImportedUtility(fromFile: string, name: string): { file: string; exported: string } | undefined {
  const now = Date.now();
  const root = frameworkRoot(dirname(fromFile), now);
  if (root === undefined) return undefined;
  const imports = autoImportsOf(root, now);
  const inServer = !relative(imports.serverDir, fromFile).startsWith('..') && !fromFile.includes(`${sep}node_modules${sep}`);
  const given = inServer ? imports.exports.get(name) : undefined;
  return given === undefined || given.file === fromFile ? undefined : given;
}

/**
 * The path a Nuxt or Nitro alias names, from a file of such an application (`~/lib/s3/upload` -> `<root>/lib/s3/upload`):
 * candidates to probe in order, the source folder's before the root's; none for other specifiers or applications.
 */
export function nuxtAliasCandidates(fromFile: string, specifier: string): string[] {
  const alias = /^(~~|@@|~|@)\/(.*)$/.exec(specifier);
  if (!alias) return [];
  const root = frameworkRoot(dirname(fromFile), Date.now());
  if (root === undefined) return [];
  const rest = alias[2];
  // `@/x` is also a package scope (`@/` never is one: scopes have a name); `~~` and `@@` are the root's.
  if (alias[1] === '~~' || alias[1] === '@@') return [join(root, rest)];
  const appFolder = join(root, 'app');
  return existsSync(appFolder) ? [join(appFolder, rest), join(root, rest)] : [join(root, rest)];
}
