// The two entries a user's process loads on every run, each as one module: the CLI (`oas-status-lint`) and the ESLint
// plugin. Each otherwise resolves and compiles some eighty ESM modules of its own and of @status-lint/core on every
// start (measured: 40 ms of a 0.6 s lint of GitHub's description, a third of `--version`; 60 ms of the plugin's
// 100 ms load in an ESLint run). Third-party packages stay external and load as before, lazily where they did. The
// plugin's `./analysis` entry (for the project scanner), the CLI's API (`dist/index.js`) and its worker threads use
// the unbundled modules.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle `dist/<entry>.js` of a package into `dist/<entry>.bundle.js`, every dependency but @status-lint/core left external. */
async function bundle(packageFolder, entry, alsoExternal = []) {
  const folder = join(root, 'packages', packageFolder);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const thirdParty = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})].filter((name) => name !== '@status-lint/core');
  await build({
    entryPoints: [join(folder, 'dist', `${entry}.js`)],
    outfile: join(folder, 'dist', `${entry}.bundle.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...thirdParty, ...alsoExternal],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

// `typescript` is the project scanner's and the plugin's (loaded only with a program or a tsconfig to read): never pulled in.
await bundle('oas-status-lint', 'cli', ['typescript']);
await bundle('eslint-plugin', 'index', ['typescript']);
