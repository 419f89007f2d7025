// The packages as a user gets them: every package packed with `npm pack`, the tarballs unpacked into a fresh folder
// outside the repository, and the README's commands run there. Third-party dependencies are linked from this
// repository's node_modules (no network in tests); what is ours comes only from the tarballs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_VERSION, DOCS_BASE_URL } from '@status-lint/core';
import { ROOT } from '../cli-helpers.js';

const PACKAGES = ['core', 'eslint-plugin', 'project-scanner', 'oas-status-lint', 'spectral-ruleset', 'redocly-plugin'];
const OURS = new Set(['@status-lint', 'oas-status-lint']);

interface Packed {
  readonly name: string;
  readonly tarball: string;
  readonly files: readonly string[];
}

let packed: Packed[] = [];
const tarballs = mkdtempSync(join(tmpdir(), 'status-lint-tarballs-'));

beforeAll(() => {
  packed = PACKAGES.map((dir) => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tarballs], { cwd: join(ROOT, 'packages', dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [info] = JSON.parse(out) as { name: string; filename: string; files: { path: string }[] }[];
    return { name: info.name, tarball: join(tarballs, info.filename), files: info.files.map((file) => file.path) };
  });
}, 120_000);

/** A fresh app folder: our packages unpacked from their tarballs, everything else linked; `eslint` is the given copy. */
function freshApp(eslintPackage: 'eslint' | 'eslint-v9', files: Record<string, string>, without: readonly string[] = []): string {
  const app = mkdtempSync(join(tmpdir(), 'status-lint-app-'));
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '@status-lint'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (OURS.has(entry) || entry === 'eslint' || entry.startsWith('.') || without.includes(entry)) continue;
    if (entry === '@typescript-eslint' && without.some((name) => name.startsWith('@typescript-eslint/'))) {
      // A scope folder linked member by member, so that some of its packages can be left out.
      mkdirSync(join(modules, entry));
      for (const member of readdirSync(join(ROOT, 'node_modules', entry))) {
        if (!without.includes(`${entry}/${member}`)) symlinkSync(join(ROOT, 'node_modules', entry, member), join(modules, entry, member), 'junction');
      }
      continue;
    }
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry), 'junction');
  }
  symlinkSync(join(ROOT, 'node_modules', eslintPackage), join(modules, 'eslint'), 'junction');
  for (const item of packed) {
    const target = join(modules, item.name);
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', item.tarball, '-C', target, '--strip-components=1']);
  }
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(app, name, '..'), { recursive: true });
    writeFileSync(join(app, name), text);
  }
  return app;
}

function run(app: string, args: string[]) {
  return spawnSync(process.execPath, args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } as NodeJS.ProcessEnv, timeout: 60_000 });
}

const HANDLER = `import express from 'express';
const app = express();
app.delete('/posts/:id', (req, res) => {
  if (req.user.role !== 'admin') return res.status(401).json({ error: 'Only admins can delete posts' });
  res.status(204).end();
});
`;

/** Lint src/handler.js with the app's ESLint and its config, through ESLint's Node API; prints rule ids. */
const LINT_SCRIPT = `import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const [result] = await eslint.lintFiles(['src/handler.js']);
console.log(JSON.stringify(result.messages.map((message) => message.ruleId ?? message.message)));
`;

describe('packed tarballs', () => {
  it('each has a README and a LICENSE, ships no build info or source maps, and the core ships the rule pages', () => {
    for (const item of packed) {
      expect(item.files, item.name).toContain('README.md');
      expect(item.files, item.name).toContain('LICENSE');
      expect(item.files.filter((file) => /\.tsbuildinfo$|\.map$/.test(file)), item.name).toEqual([]);
    }
    expect(packed.find((item) => item.name === '@status-lint/core')!.files).toContain('docs/rules/no-401-for-forbidden.md');
  });

  it('scoped packages publish as public, and every package names its repository', () => {
    for (const dir of PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
      expect(manifest.repository?.directory).toBe(`packages/${dir}`);
      if (manifest.name.startsWith('@')) expect(manifest.publishConfig).toEqual({ access: 'public' });
      expect(manifest.dependencies?.['openapi-types']).toBeUndefined();
    }
    // Docs links name the release: the core's version constant follows its package.json.
    const core = JSON.parse(readFileSync(join(ROOT, 'packages', 'core', 'package.json'), 'utf8'));
    expect(CORE_VERSION).toBe(core.version);
    expect(DOCS_BASE_URL).toContain(`/blob/v${core.version}/`);
  });
});

describe('the ESLint plugin in a fresh app', () => {
  for (const eslint of ['eslint', 'eslint-v9'] as const) {
    it(`loads from an ESM config and from a CommonJS config (${eslint === 'eslint' ? 'ESLint 10' : 'ESLint 9'})`, () => {
      const esm = freshApp(eslint, {
        'package.json': '{ "name": "app", "private": true }',
        'eslint.config.mjs': `import { defineConfig } from 'eslint/config';\nimport statusLint from '@status-lint/eslint-plugin';\nexport default defineConfig([statusLint.configs.recommended]);\n`,
        'src/handler.js': HANDLER,
        'lint.mjs': LINT_SCRIPT,
      });
      const fromEsm = run(esm, ['lint.mjs']);
      expect(fromEsm.stderr).toBe('');
      expect(JSON.parse(fromEsm.stdout)).toEqual(['@status-lint/no-401-for-forbidden']);

      const cjs = freshApp(eslint, {
        'package.json': '{ "name": "app", "private": true }',
        'eslint.config.cjs': `const statusLint = require('@status-lint/eslint-plugin').default;\nmodule.exports = [statusLint.configs.recommended];\n`,
        'src/handler.js': HANDLER,
        'lint.mjs': LINT_SCRIPT,
      });
      const fromCjs = run(cjs, ['lint.mjs']);
      expect(fromCjs.stderr).toBe('');
      expect(JSON.parse(fromCjs.stdout)).toEqual(['@status-lint/no-401-for-forbidden']);
    });
  }

  it('works in a JavaScript-only app with no TypeScript installed, and still follows helpers across files', () => {
    const app = freshApp(
      'eslint',
      {
        'package.json': '{ "name": "app", "private": true, "type": "module" }',
        'eslint.config.js': `import statusLint from '@status-lint/eslint-plugin';\nexport default [statusLint.configs.recommended];\n`,
        'src/http.js': `export function forbidden(res, message) {\n  return res.status(401).json({ message });\n}\n`,
        'src/handler.js': `import express from 'express';\nimport { forbidden } from './http.js';\nconst app = express();\napp.delete('/posts/:id', (req, res) => {\n  if (req.user.role !== 'admin') return forbidden(res, 'Only admins can delete posts');\n  res.status(204).end();\n});\n`,
        'lint.mjs': LINT_SCRIPT,
      },
      ['typescript', '@typescript-eslint/typescript-estree', '@typescript-eslint/utils', '@typescript-eslint/parser', 'typescript-eslint'],
    );
    const result = run(app, ['lint.mjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['@status-lint/no-401-for-forbidden']);
    // The plugin's manifest asks for no TypeScript: its parser is an optional peer.
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', '@status-lint', 'eslint-plugin', 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).not.toContain('@typescript-eslint/typescript-estree');
    expect(manifest.peerDependenciesMeta['@typescript-eslint/typescript-estree']).toEqual({ optional: true });
  });

  it("the README's typed config (eslint.config.ts) passes tsc", () => {
    const app = freshApp('eslint', {
      'package.json': '{ "name": "app", "private": true, "type": "module" }',
      'eslint.config.ts': `import { defineConfig } from 'eslint/config';\nimport tseslint from 'typescript-eslint';\nimport statusLint from '@status-lint/eslint-plugin';\n\nexport default defineConfig([\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  statusLint.configs.recommended,\n  { rules: { '@status-lint/no-400-for-semantic-error': ['error', { businessRuleStatus: 400 }] } },\n]);\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['eslint.config.ts'] }),
    });
    const checked = run(app, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});

describe('the CLI in a fresh app', () => {
  const cli = (app: string, args: string[]) => run(app, [join(app, 'node_modules', 'oas-status-lint', 'bin', 'oas-status-lint.js'), ...args]);

  it('lints a folder of a multi-file spec (exit 1), explains a rule with its whole page, and refuses a missing baseline', () => {
    const app = freshApp('eslint', { 'package.json': '{ "name": "app", "private": true }' });
    cpSync(join(ROOT, 'fixtures', 'example'), join(app, 'example'), { recursive: true });
    const folder = cli(app, ['example/']);
    expect(folder.status).toBe(1);
    expect(folder.stdout).toContain('require-retry-after-on-429');
    expect(folder.stdout).toMatch(/7 problems/);

    const page = cli(app, ['--explain', 'no-401-for-forbidden']);
    expect(page.status).toBe(0);
    const source = readFileSync(join(ROOT, 'docs', 'rules', 'no-401-for-forbidden.md'), 'utf8');
    expect(page.stdout.split('\n').length).toBeGreaterThan(source.split('\n').length * 0.8);
    expect(page.stdout).toContain('SUGGESTED FIX');

    const missing = cli(app, ['example/openapi.yaml', '--baseline', 'nope.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(cli(app, ['example/openapi.yaml', '--baseline', 'base.json', '--update-baseline']).status).toBe(0);
    expect(cli(app, ['example/openapi.yaml', '--baseline', 'base.json']).status).toBe(0);
  });

  it('--project without the optional scanner says what to install (exit 2)', () => {
    const app = freshApp('eslint', { 'package.json': '{ "name": "app", "private": true }', 'tsconfig.json': '{}' });
    execFileSync('rm', ['-rf', join(app, 'node_modules', '@status-lint', 'project-scanner')]);
    cpSync(join(ROOT, 'fixtures', 'example'), join(app, 'example'), { recursive: true });
    const result = cli(app, ['example/openapi.yaml', '--project', 'tsconfig.json']);
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain('npm install --save-dev @status-lint/project-scanner');
  });
});
