// What the application's package manifests say of the frameworks it runs on: the version range of a dependency, read
// from the nearest package.json above a file that names it (a workspace package's own, else the repository's), never
// above the project folder. Kept per folder and checked against the manifest's modification time, as source files are.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readJson } from './module-resolution.js';
import { insideProject, projectFolder } from './source-files.js';

interface Manifest {
  readonly stamp: string;
  readonly ranges: Readonly<Record<string, string>>;
  checked: number;
}

/** How long a manifest is trusted without looking at the disk again. */
const RECHECK_MS = 1000;
const manifests = new Map<string, Manifest>();

function stampOf(file: string): string {
  try {
    const info = statSync(file);
    return info.isFile() ? `${info.mtimeMs}:${info.size}` : '';
  } catch {
    return '';
  }
}

/** A folder's package.json as last read: its stamp (empty when there is none) and the dependency ranges it declares (runtime, dev and peer). */
function manifestIn(folder: string): Manifest {
  const file = join(folder, 'package.json');
  const now = Date.now();
  const known = manifests.get(folder);
  if (known && now - known.checked < RECHECK_MS) return known;
  const stamp = stampOf(file);
  if (known && known.stamp === stamp) {
    known.checked = now;
    return known;
  }
  const ranges: Record<string, string> = {};
  // A manifest that does not parse declares nothing here.
  const manifest = stamp !== '' ? readJson(file) : undefined;
  for (const key of ['peerDependencies', 'devDependencies', 'dependencies']) {
    const declared = manifest?.[key];
    if (!declared || typeof declared !== 'object') continue;
    for (const [name, range] of Object.entries(declared as Record<string, unknown>)) if (typeof range === 'string') ranges[name] = range;
  }
  const read: Manifest = { stamp, ranges, checked: now };
  manifests.set(folder, read);
  return read;
}

/** The folders above `file`, nearest first, within the project. */
function* foldersAbove(file: string): Generator<string> {
  for (let folder = dirname(file); insideProject(folder); folder = dirname(folder)) {
    yield folder;
    if (dirname(folder) === folder) return;
  }
}

/** What a folder's files were last found to declare, per dependency name: every file of a folder asks the same. */
const answers = new Map<string, { range: string | undefined; checked: number }>();

/** The range of `name` the nearest manifest above `file` that names it declares (`^5.2.1`), within the project. */
export function declaredRange(file: string, name: string): string | undefined {
  const key = `${projectFolder()}\0${dirname(file)}\0${name}`;
  const now = Date.now();
  const known = answers.get(key);
  if (known && now - known.checked < RECHECK_MS) return known.range;
  let range: string | undefined;
  for (const folder of foldersAbove(file)) {
    range = manifestIn(folder).ranges[name];
    if (range !== undefined) break;
  }
  answers.set(key, { range, checked: now });
  return range;
}

/** The lowest major version a range allows: 5 of `^5.2.1`, `~5.0.0`, `>=5`, `5.0.0-beta.1`; undefined for a tag or a URL. */
export function lowestMajor(range: string): number | undefined {
  const found = /^\s*(?:[\^~]|>=?\s*|=\s*)?v?(\d+)(?:[.\s-]|$)/.exec(range);
  return found ? Number(found[1]) : undefined;
}

/** Does the application run on Express 5 or later, which answers a rejected async handler with its error middleware (500)? */
export function expressAnswersRejections(file: string): boolean {
  const range = declaredRange(file, 'express');
  const major = range !== undefined ? lowestMajor(range) : undefined;
  return major !== undefined && major >= 5;
}

/**
 * Is the application a Fastify one, by its manifest (it declares `fastify` and not `express`)? For files that import
 * no framework: route modules a Fastify plugin loads by their path (`module.exports.get = () => ({ handler: async
 * (req, res) => ... })`), whose `res` is Fastify's reply.
 */
export function declaresFastifyOnly(file: string): boolean {
  return declaredRange(file, 'fastify') !== undefined && declaredRange(file, 'express') === undefined;
}

/** The folder of the nearest manifest above `file` within the project (the package it belongs to), or undefined. */
export function packageFolderOf(file: string): string | undefined {
  for (const folder of foldersAbove(file)) if (manifestIn(folder).stamp !== '') return folder;
  return undefined;
}
