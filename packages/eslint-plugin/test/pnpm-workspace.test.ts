import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pnpmWorkspacePackages, resolveModuleFile } from '../src/app-model/module-resolution.js';

describe("pnpm-workspace.yaml's packages list", () => {
  it('reads the block list under `packages`, quoted or not, with comments, and no other list of the file', () => {
    const text = `# the workspace
packages:
  - 'packages/*'
  - "apps/*"   # the apps
  - tools/cli
  - '!**/test/**'

onlyBuiltDependencies:
  - esbuild
publicHoistPattern:
  - '*eslint*'
catalog:
  react: ^19.0.0
`;
    expect(pnpmWorkspacePackages(text)).toEqual(['packages/*', 'apps/*', 'tools/cli', '!**/test/**']);
  });

  it('reads a flow list, a list after other keys, and CRLF line ends', () => {
    expect(pnpmWorkspacePackages("packages: ['a/*', \"b/*\", c]\n")).toEqual(['a/*', 'b/*', 'c']);
    expect(pnpmWorkspacePackages('minimumReleaseAgeExclude:\r\n  - next\r\npackages:\r\n- libs/*\r\n')).toEqual(['libs/*']);
    expect(pnpmWorkspacePackages('catalog:\n  packages: x\n')).toEqual([]);
  });

  it('resolves a workspace package named in pnpm-workspace.yaml, and not one only another list names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-lint-pnpm-'));
    const files: Record<string, string> = {
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\npublicHoistPattern:\n  - 'extra/*'\n",
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'libs/errors/package.json': JSON.stringify({ name: '@acme/errors', main: 'src/index.ts' }),
      'libs/errors/src/index.ts': 'export class AppError extends Error {}\n',
      'extra/hidden/package.json': JSON.stringify({ name: '@acme/hidden', main: 'src/index.ts' }),
      'extra/hidden/src/index.ts': 'export const x = 1;\n',
      'apps/api/src/route.ts': '',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const from = join(dir, 'apps/api/src/route.ts');
    expect(resolveModuleFile(from, '@acme/errors')).toBe(join(dir, 'libs/errors/src/index.ts'));
    expect(resolveModuleFile(from, '@acme/hidden')).toBeUndefined();
  });
});
