// Where a framework's application starts: the folder of the nearest config file it is known by (`nuxt.config.ts`,
// `svelte.config.js`) above a file, inside the project. Its conventions (aliases, auto-imports) are relative to it.
import { readdirSync, type Dirent } from 'node:fs';
import { dirname } from 'node:path';
import { insideProject } from './source-files.js';

/** Kept as long as module resolutions are: files change in an editor session, not within a lint run. */
const TTL_MS = 2000;

/** Per config file pattern, per folder: the root found above it (null: none). */
const rootsOf = new Map<string, Map<string, { root: string | null; at: number }>>();

/** A folder's entries; none when it cannot be read. */
export function entries(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The folder of the nearest file named by `config` above `folder` (itself included), inside the project. */
export function nearestConfigFolder(folder: string, config: RegExp, now: number): string | undefined {
  let rootOfFolder = rootsOf.get(config.source);
  if (!rootOfFolder) rootsOf.set(config.source, (rootOfFolder = new Map()));
  const visited: string[] = [];
  let found: string | null = null;
  for (let current = folder; insideProject(current); current = dirname(current)) {
    const cached = rootOfFolder.get(current);
    if (cached && now - cached.at < TTL_MS) {
      found = cached.root;
      break;
    }
    visited.push(current);
    if (entries(current).some((entry) => entry.isFile() && config.test(entry.name))) {
      found = current;
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const item of visited) rootOfFolder.set(item, { root: found, at: now });
  return found ?? undefined;
}
