// What SvelteKit gives an application's files without their writing it: the alias `$lib` for `src/lib` (SvelteKit
// writes it to a generated `.svelte-kit/tsconfig.json`, which a checkout does not have). The application is the folder
// of the nearest `svelte.config.*`.
import { dirname, join } from 'node:path';
import { nearestConfigFolder } from './framework-roots.js';

const CONFIG = /^svelte\.config\.[cm]?[jt]s$/;

/** The path `$lib/server/s3` names from a file of a SvelteKit application (`<root>/src/lib/server/s3`); none for other specifiers or applications. */
export function svelteKitAliasCandidates(fromFile: string, specifier: string): string[] {
  const alias = /^\$lib(?:\/(.*))?$/.exec(specifier);
  if (!alias) return [];
  const root = nearestConfigFolder(dirname(fromFile), CONFIG, Date.now());
  return root === undefined ? [] : [join(root, 'src', 'lib', alias[1] ?? '')];
}
