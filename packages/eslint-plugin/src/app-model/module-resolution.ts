// Which file of the application an import names: relative paths, tsconfig `paths`, and the packages of a workspace
// (npm/yarn `workspaces`, pnpm-workspace.yaml), without TypeScript and without installed node_modules. Packages
// from the registry are not the application's: they resolve to nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { createPathsMatcher as CreatePathsMatcher, findTsconfig as FindTsconfig, parseTsconfig as ParseTsconfig } from 'get-tsconfig';
import type { parse as ParseJsonc } from 'jsonc-parser';
import { insideProject, projectFolder } from './source-files.js';
import { nuxtAliasCandidates } from './nuxt-conventions.js';
import { svelteKitAliasCandidates } from './sveltekit-conventions.js';

/** Loaded when a file first imports by a bare or aliased name: a lint of relative imports never needs them. */
let tsconfigReaders: { createPathsMatcher: typeof CreatePathsMatcher; findTsconfig: typeof FindTsconfig; parseTsconfig: typeof ParseTsconfig; parseJsonc: typeof ParseJsonc } | undefined;
function readers(): NonNullable<typeof tsconfigReaders> {
  if (!tsconfigReaders) {
    const require = createRequire(import.meta.url);
    const getTsconfigModule = require('get-tsconfig') as typeof import('get-tsconfig');
    tsconfigReaders = { ...getTsconfigModule, parseJsonc: (require('jsonc-parser') as typeof import('jsonc-parser')).parse };
  }
  return tsconfigReaders;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const DECLARATION = /\.d\.[cm]?ts$/;

interface Listing {
  readonly files: ReadonlySet<string>;
  /** Symbolic links: whether they lead to a file is asked of the file system. */
  readonly links: ReadonlySet<string>;
  readonly at: number;
}
const listings = new Map<string, Listing>();
/** Folder listings are trusted as long as resolutions are (below): one read answers every probe of the folder. */
const LISTING_TTL_MS = 2000;

function listing(folder: string, now: number): Listing {
  const cached = listings.get(folder);
  if (cached && now - cached.at < LISTING_TTL_MS) return cached;
  const files = new Set<string>();
  const links = new Set<string>();
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isFile()) files.add(entry.name);
      else if (entry.isSymbolicLink()) links.add(entry.name);
    }
  } catch {
    // A folder that does not exist or cannot be read holds no file.
  }
  const read = { files, links, at: now };
  listings.set(folder, read);
  return read;
}

/** Is there a file at this path? Probes of one folder (`x.ts`, `x.tsx`, `x/index.ts`...) share one listing of it. */
function isFile(path: string, now = Date.now()): boolean {
  const folder = listing(dirname(path), now);
  const name = basename(path);
  if (folder.files.has(name)) return true;
  if (!folder.links.has(name)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The source file a path names, with the extension, `/index` and `.js`-for-`.ts` conventions of TypeScript. */
export function probeSourceFile(base: string): string | undefined {
  const candidates: string[] = [];
  if (EXTENSIONS.some((extension) => base.endsWith(extension)) && !DECLARATION.test(base)) candidates.push(base);
  const written = /\.([cm]?)jsx?$/.exec(base);
  if (written) {
    const stem = base.slice(0, -written[0].length);
    candidates.push(`${stem}.${written[1]}ts`, `${stem}.tsx`);
  }
  for (const extension of EXTENSIONS) candidates.push(`${base}${extension}`);
  for (const extension of EXTENSIONS) candidates.push(join(base, `index${extension}`));
  const now = Date.now();
  return candidates.find((candidate) => isFile(candidate, now));
}

const pathsMatchers = new Map<string, ((specifier: string) => string[]) | null>();
/** The matcher of each tsconfig.json, read once: the folders under one tsconfig share it. */
const matchersByConfig = new Map<string, ((specifier: string) => string[]) | null>();
/** get-tsconfig's own cache of what it found and read on the way. */
const tsconfigCache = new Map<string, unknown>();

/** The nearest file of this name above a folder, as get-tsconfig finds it. */
function nearestConfig(folder: string, name: 'tsconfig.json' | 'jsconfig.json'): string | undefined {
  try {
    return readers().findTsconfig(folder, name, tsconfigCache as Parameters<typeof FindTsconfig>[2]);
  } catch {
    return undefined;
  }
}

/**
 * `paths` of the nearest tsconfig.json above a folder (its `extends` followed), or of a jsconfig.json nearer than any
 * tsconfig.json: a JavaScript project's (`"@config/*": ["config/*"]` in a Next.js app), which Next.js and editors read
 * the same way.
 */
function pathsMatcherFor(folder: string): ((specifier: string) => string[]) | undefined {
  const cached = pathsMatchers.get(folder);
  if (cached !== undefined) return cached ?? undefined;
  const typescript = nearestConfig(folder, 'tsconfig.json');
  const javascript = nearestConfig(folder, 'jsconfig.json');
  const path = javascript !== undefined && (typescript === undefined || dirname(javascript).length > dirname(typescript).length) ? javascript : typescript;
  let matcher = path === undefined ? null : matchersByConfig.get(path);
  if (path !== undefined && matcher === undefined) {
    matcher = matcherOfConfig(path);
    matchersByConfig.set(path, matcher);
  }
  pathsMatchers.set(folder, matcher ?? null);
  return matcher ?? undefined;
}

function matcherOfConfig(path: string): ((specifier: string) => string[]) | null {
  const { createPathsMatcher, parseTsconfig, parseJsonc } = readers();
  try {
    return createPathsMatcher({ path, config: parseTsconfig(path, tsconfigCache as Parameters<typeof ParseTsconfig>[1]) });
  } catch {
    // An `extends` that cannot be resolved (a workspace package not installed): the file's own `paths` still hold, and
    // so does its `baseUrl` alone (`import catchedError from 'src/helpers/catchedError'` with `"baseUrl": "."`).
    try {
      const config = parseJsonc(readFileSync(path, 'utf8'), [], { allowTrailingComma: true }) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
      const options = config?.compilerOptions;
      if (options?.paths) return createPathsMatcher({ path, config: { compilerOptions: { baseUrl: options.baseUrl ?? '.', paths: options.paths } } });
      return typeof options?.baseUrl === 'string' ? createPathsMatcher({ path, config: { compilerOptions: { baseUrl: options.baseUrl } } }) : null;
    } catch {
      return null;
    }
  }
}

interface Workspace {
  readonly packages: ReadonlyMap<string, string>;
}
const workspaces = new Map<string, Workspace | null>();

/** Folders a workspace pattern names: `packages/*`, `apps/**` (one level is what real repositories use), or a folder. */
function expandPattern(root: string, pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (clean.startsWith('!')) return [];
  const star = clean.search(/\*/);
  if (star === -1) return [join(root, clean)];
  const parent = join(root, clean.slice(0, star).replace(/\/$/, ''));
  try {
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
      .map((entry) => join(parent, entry.name));
  } catch {
    return [];
  }
}

/** A JSON file's top-level object, or undefined when it is missing, unreadable or not an object. */
export function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const YAML_SCALAR = /^\s*(?:'([^']*)'|"([^"]*)"|([^'"#\s][^#]*?))\s*(?:#.*)?$/;

/** A YAML scalar as written in a list (`'packages/*'`, `"apps/*"`, `tools/*  # a comment`), or undefined. */
function yamlScalar(text: string): string | undefined {
  const match = YAML_SCALAR.exec(text);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The globs of `pnpm-workspace.yaml`'s top-level `packages` list, in block (`- 'packages/*'`) or flow (`[a, b]`) form;
 * the file's other lists (`onlyBuiltDependencies`, `publicHoistPattern`, a `catalog`) name no folders and are not read.
 */
export function pnpmWorkspacePackages(text: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const key = /^([\w"'-]+)\s*:\s*(.*)$/.exec(line);
    if (key) {
      inPackages = key[1].replace(/["']/g, '') === 'packages';
      const flow = inPackages ? /^\[(.*)\]\s*(?:#.*)?$/.exec(key[2]) : null;
      if (flow) for (const item of flow[1].split(',')) { const glob = yamlScalar(item); if (glob) globs.push(glob); }
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s*-\s+(.*)$/.exec(line) ?? /^\s*-()$/.exec(line);
    if (!item) continue;
    const glob = yamlScalar(item[1]);
    if (glob) globs.push(glob);
  }
  return globs;
}

/** The workspace a folder belongs to: the nearest folder above with workspace globs, and its packages by name. */
function workspaceOf(folder: string): Workspace | undefined {
  // Every folder passed on the way up belongs to the workspace found (or to none): remembered, so the next file of a
  // deep folder does not read the manifests above it again.
  const visited: string[] = [];
  const found = (workspace: Workspace | null): Workspace | undefined => {
    for (const item of visited) workspaces.set(item, workspace);
    return workspace ?? undefined;
  };
  for (let current = folder; ; current = dirname(current)) {
    const cached = workspaces.get(current);
    if (cached !== undefined) return found(cached);
    visited.push(current);
    const patterns: string[] = [];
    const manifest = existsSync(join(current, 'package.json')) ? readJson(join(current, 'package.json')) : undefined;
    const declared = manifest?.workspaces;
    if (Array.isArray(declared)) patterns.push(...declared.filter((item): item is string => typeof item === 'string'));
    else if (declared && typeof declared === 'object' && Array.isArray((declared as { packages?: unknown }).packages)) patterns.push(...((declared as { packages: string[] }).packages));
    const pnpm = join(current, 'pnpm-workspace.yaml');
    if (existsSync(pnpm)) {
      patterns.push(...pnpmWorkspacePackages(readFileSync(pnpm, 'utf8')));
    }
    if (patterns.length > 0) {
      const packages = new Map<string, string>();
      for (const pattern of patterns) {
        for (const dir of expandPattern(current, pattern)) {
          const name = readJson(join(dir, 'package.json'))?.name;
          if (typeof name === 'string' && !packages.has(name)) packages.set(name, dir);
        }
      }
      return found({ packages });
    }
    if (dirname(current) === current) return found(null);
  }
}

/** A workspace package's entry: its source when the manifest points at built output (`dist/index.js` -> `src/index.ts`). */
function packageEntry(dir: string, subpath: string): string | undefined {
  const manifest = readJson(join(dir, 'package.json')) ?? {};
  if (subpath) {
    // `"exports": { "./storage": "./src/utils/storage.ts" }`: the package's own map first.
    const exported = manifest.exports && typeof manifest.exports === 'object' ? (manifest.exports as Record<string, unknown>)[`./${subpath}`] : undefined;
    const targets = typeof exported === 'string' ? [exported] : exported && typeof exported === 'object' ? ['source', 'import', 'default', 'require', 'types'].map((key) => (exported as Record<string, unknown>)[key]).filter((item): item is string => typeof item === 'string') : [];
    for (const target of targets) {
      const found = probeSourceFile(join(dir, target)) ?? probeSourceFile(join(dir, target.replace(/^\.?\/?(?:dist|build|lib|out)\//, 'src/').replace(/\.d\.ts$/, '')));
      if (found) return found;
    }
    return probeSourceFile(join(dir, subpath)) ?? probeSourceFile(join(dir, 'src', subpath));
  }
  const exported = manifest.exports;
  const dot = exported && typeof exported === 'object' ? (exported as Record<string, unknown>)['.'] ?? exported : exported;
  const fields: unknown[] = [manifest.source, typeof dot === 'string' ? dot : undefined];
  if (dot && typeof dot === 'object') for (const key of ['source', 'import', 'default', 'require', 'types']) fields.push((dot as Record<string, unknown>)[key]);
  fields.push(manifest.module, manifest.main, manifest.types);
  for (const field of fields) {
    if (typeof field !== 'string') continue;
    const found = probeSourceFile(join(dir, field)) ?? probeSourceFile(join(dir, field.replace(/^\.?\/?(?:dist|build|lib|out)\//, 'src/').replace(/\.d\.ts$/, '')));
    if (found) return found;
  }
  return probeSourceFile(join(dir, 'src', 'index')) ?? probeSourceFile(join(dir, 'index'));
}

/** The TypeScript program typescript-eslint built for this lint (`projectService`), when there is one. */
interface TypeScriptProgram {
  getCompilerOptions(): Record<string, unknown>;
}
let program: TypeScriptProgram | undefined;
type TypeScriptApi = { resolveModuleName(name: string, from: string, options: unknown, host: unknown): { resolvedModule?: { resolvedFileName: string; isExternalLibraryImport?: boolean } }; sys: unknown };
let typescript: TypeScriptApi | null | undefined;

/** Use the program's own module resolution (its `paths`, `exports`, project references) while linting with type information. */
export function useProgram(next: TypeScriptProgram | undefined): void {
  if (next === program) return;
  program = next;
  resolutions.clear();
  if (next && typescript === undefined) {
    try {
      typescript = createRequire(import.meta.url)('typescript') as TypeScriptApi;
    } catch {
      typescript = null;
    }
  }
}

function resolveWithProgram(fromFile: string, specifier: string): string | undefined {
  if (!program || !typescript) return undefined;
  const resolved = typescript.resolveModuleName(specifier, fromFile, program.getCompilerOptions(), typescript.sys).resolvedModule;
  if (!resolved || resolved.isExternalLibraryImport || DECLARATION.test(resolved.resolvedFileName)) return undefined;
  return resolved.resolvedFileName;
}

const resolutions = new Map<string, { readonly file: string | null; readonly at: number }>();
/** Resolutions are trusted this long: files appear and disappear in an editor session, not within a lint run. */
const RESOLUTION_TTL_MS = 2000;

/** The application file `specifier` names from `fromFile`, or undefined (a registry package, or not found). */
export function resolveModuleFile(fromFile: string, specifier: string): string | undefined {
  // Per project too: what a wider project may read (a manifest above this one) is not this one's.
  const key = `${projectFolder()}\0${dirname(fromFile)}\0${specifier}`;
  const now = Date.now();
  const cached = resolutions.get(key);
  if (cached && now - cached.at < RESOLUTION_TTL_MS) return cached.file ?? undefined;
  const found = resolveUncached(fromFile, specifier);
  resolutions.set(key, { file: found ?? null, at: now });
  return found;
}

function resolveUncached(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const byProgram = resolveWithProgram(fromFile, specifier);
  if (byProgram) return byProgram;
  if (specifier.startsWith('.') || isAbsolute(specifier)) return probeSourceFile(resolve(dirname(fromFile), specifier));
  // `#lib/errors`: Node's subpath imports first, then tsconfig `paths` (`"#*": ["./src/*"]`), which use the same mark.
  if (specifier.startsWith('#')) {
    const mapped = resolveSubpathImport(dirname(fromFile), specifier);
    if (mapped) return mapped;
  }
  for (const candidate of pathsMatcherFor(dirname(fromFile))?.(specifier) ?? []) {
    const found = probeSourceFile(candidate);
    if (found) return found;
  }
  const aliased = resolveModuleAlias(dirname(fromFile), specifier);
  if (aliased) return aliased;
  // `~/lib/s3/upload` in a Nuxt or Nitro application, whose tsconfig extends one the framework generates.
  // `$lib/server/s3` in a SvelteKit application, whose tsconfig extends the one the framework generates.
  for (const candidate of [...nuxtAliasCandidates(fromFile, specifier), ...svelteKitAliasCandidates(fromFile, specifier)]) {
    const found = probeSourceFile(candidate);
    if (found) return found;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const dir = workspaceOf(dirname(fromFile))?.packages.get(name);
  return dir ? packageEntry(dir, parts.slice(specifier.startsWith('@') ? 2 : 1).join('/')) : undefined;
}

/** The nearest `package.json` above a folder, inside the project (its folder and manifest); cached per project and folder. */
const manifestsAbove = new Map<string, { dir: string; manifest: Record<string, unknown> } | null>();

function nearestManifest(folder: string): { dir: string; manifest: Record<string, unknown> } | undefined {
  const visited: string[] = [];
  let found: { dir: string; manifest: Record<string, unknown> } | null = null;
  // Never above the project: a manifest there is not the application's to read.
  const root = projectFolder();
  for (let current = folder; insideProject(current); current = dirname(current)) {
    const cached = manifestsAbove.get(`${root}\0${current}`);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const manifest = readJson(join(current, 'package.json'));
    if (manifest) {
      found = { dir: current, manifest };
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const item of visited) manifestsAbove.set(`${root}\0${item}`, found);
  return found ?? undefined;
}

/** The subpath `imports` of the nearest package.json, which decides, as Node does: without `imports` it maps nothing. */
function importMapOf(folder: string): { dir: string; imports: Record<string, unknown> } | undefined {
  const nearest = nearestManifest(folder);
  const imports = nearest?.manifest.imports;
  return nearest && imports && typeof imports === 'object' ? { dir: nearest.dir, imports: imports as Record<string, unknown> } : undefined;
}

/**
 * module-alias's `_moduleAliases` in the nearest package.json (`"@lib": "app/lib"`, `"@": "."`): `require('@lib/helper')`
 * is `app/lib/helper`. The longest alias that names the specifier or a folder above it.
 */
function resolveModuleAlias(folder: string, specifier: string): string | undefined {
  const nearest = nearestManifest(folder);
  const aliases = nearest?.manifest._moduleAliases;
  if (!nearest || !aliases || typeof aliases !== 'object') return undefined;
  const matching = Object.entries(aliases as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && (specifier === entry[0] || specifier.startsWith(`${entry[0]}/`)))
    .sort((a, b) => b[0].length - a[0].length)[0];
  if (!matching) return undefined;
  const [alias, target] = matching;
  const path = resolve(nearest.dir, target, specifier.slice(alias.length + 1));
  return insideProject(path) ? probeSourceFile(path) : undefined;
}

/** The first path a conditional target names for source code: `types`, `import`, `node`, `default`, in that order. */
function importTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(importTarget).find((item) => item !== undefined);
  if (!target || typeof target !== 'object') return undefined;
  const conditions = target as Record<string, unknown>;
  for (const condition of ['types', 'import', 'node', 'require', 'default']) {
    const found = importTarget(conditions[condition]);
    if (found) return found;
  }
  return undefined;
}

/** Node's subpath imports (`"imports": { "#app/*": "./app/*" }` in package.json): `#app/utils/email.server.ts`. */
function resolveSubpathImport(folder: string, specifier: string): string | undefined {
  const map = importMapOf(folder);
  if (!map) return undefined;
  for (const [key, value] of Object.entries(map.imports)) {
    const star = key.indexOf('*');
    let target: string | undefined;
    if (star < 0) target = key === specifier ? importTarget(value) : undefined;
    else if (specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1)) && specifier.length >= key.length - 1) {
      const matched = specifier.slice(star, specifier.length - (key.length - star - 1));
      target = importTarget(value)?.split('*').join(matched);
    }
    // Only a path inside the package: a target naming another package is that package's.
    if (target?.startsWith('./')) return probeSourceFile(resolve(map.dir, target));
  }
  return undefined;
}
