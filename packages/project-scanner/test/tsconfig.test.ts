// Which files a tsconfig names, read as `tsc` reads them, without the TypeScript compiler.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from './temp-project.js';
import { ProjectError, tsconfigFiles, type FileProblem } from '../src/tsconfig.js';

function filesOf(dir: string, config = 'tsconfig.json', problems: FileProblem[] = []): string[] {
  const file = join(dir, config);
  return tsconfigFiles(file, readFileSync(file, 'utf8'), problems)
    .map((path) => relative(dir, path))
    .sort();
}

describe('the files a tsconfig names', () => {
  it('reads a folder named in include as everything under it, with TypeScript extensions only unless allowJs', () => {
    const dir = project({
      'tsconfig.json': '{\n  // comments and trailing commas, as tsc allows\n  "include": ["src"],\n}\n',
      'src/a.ts': '',
      'src/nested/b.tsx': '',
      'src/c.js': '',
      'src/readme.md': '',
      'other/d.ts': '',
    });
    expect(filesOf(dir)).toEqual(['src/a.ts', 'src/nested/b.tsx']);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true }, include: ['src'] }));
    expect(filesOf(dir)).toEqual(['src/a.ts', 'src/c.js', 'src/nested/b.tsx']);
  });

  it('takes include and exclude from the config it extends, relative to that config', () => {
    const dir = project({
      'base/tsconfig.base.json': JSON.stringify({ include: ['../app/src/**/*'], exclude: ['../app/src/generated/'] }),
      'app/tsconfig.json': JSON.stringify({ extends: '../base/tsconfig.base.json' }),
      'app/src/server.ts': '',
      'app/src/generated/client.ts': '',
      'app/scripts/seed.ts': '',
    });
    expect(filesOf(join(dir, 'app'))).toEqual(['src/server.ts']);
  });

  it('excludes a folder written with a trailing slash, and the output folder when there is no exclude', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ include: ['**/*'], exclude: ['docs/'] }),
      'src/a.ts': '',
      'docs/page.ts': '',
    });
    expect(filesOf(dir)).toEqual(['src/a.ts']);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { outDir: './docs/' } }));
    expect(filesOf(dir)).toEqual(['src/a.ts']);
  });

  it('skips folders that start with a dot under a wildcard, but reads one a pattern names', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ include: ['**/*.ts'] }),
      'app/routes.ts': '',
      'app/.server/db.ts': '',
    });
    expect(filesOf(dir)).toEqual(['app/routes.ts']);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ include: ['**/*.ts', '**/.server/**/*.ts'] }));
    expect(filesOf(dir)).toEqual(['app/.server/db.ts', 'app/routes.ts']);
  });

  it('lists the files of "files", and says which of them does not exist', () => {
    const dir = project({ 'tsconfig.json': JSON.stringify({ files: ['src/main.ts', 'src/gone.ts'] }), 'src/main.ts': '', 'src/other.ts': '' });
    const problems: FileProblem[] = [];
    expect(filesOf(dir, 'tsconfig.json', problems)).toEqual(['src/main.ts']);
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('src/gone.ts", which does not exist')]);
  });

  it('places a syntax error at its line and column', () => {
    const dir = project({ 'tsconfig.json': '{\n  "compilerOptions": {},\n  "include": ["src"\n}\n' });
    let error: unknown;
    try {
      filesOf(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProjectError);
    expect((error as ProjectError).message).toMatch(/comma expected|close bracket expected/);
    expect((error as ProjectError).line).toBe(4);
  });

  it('goes on with the file’s own options when the config it extends is not installed, and says so', () => {
    const dir = project({ 'tsconfig.json': JSON.stringify({ extends: '@repo/typescript-config/node.json', include: ['src'] }), 'src/a.ts': '' });
    const problems: FileProblem[] = [];
    expect(filesOf(dir, 'tsconfig.json', problems)).toEqual(['src/a.ts']);
    expect(problems[0]?.message).toMatch(/"extends".*cannot be read/);
  });

  it('refuses an extends loop', () => {
    const dir = project({ 'tsconfig.json': '{"extends": "./b.json"}', 'b.json': '{"extends": "./tsconfig.json"}' });
    expect(() => filesOf(dir)).toThrow(/circular/i);
  });
});
