// Hostile input, item by item (issue 9): every run ends with exit 0, 1 or 2 and a clear message, within loose time
// and memory bounds, without writing over anything the user wrote, reading outside the project, or letting one bad
// file take the other files' results down with it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../cli-helpers.js';
import { BOUNDS, runMeasured, type MeasuredRun } from './measured-run.js';

const GOOD = "openapi: 3.0.3\ninfo: {title: good, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429':\n          description: Too many requests\n";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number; column: number; fatal?: boolean; severity: number }[];
}

function withinBounds(run: MeasuredRun): void {
  expect(run.signal, run.stderr).toBeNull();
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.seconds).toBeLessThan(BOUNDS.seconds);
  expect(run.maxRssMiB).toBeLessThan(BOUNDS.maxRssMiB);
}

function json(run: MeasuredRun): JsonResult[] {
  return JSON.parse(run.stdout) as JsonResult[];
}

/** The good file beside a bad one still gets its finding. */
function expectGoodIntact(results: JsonResult[]): void {
  const good = results.find((result) => result.filePath.endsWith('good.yaml'));
  expect(good?.messages.map((message) => message.ruleId)).toEqual(['require-retry-after-on-429']);
}

function fatalOf(results: JsonResult[], name: string): string {
  const result = results.find((item) => item.filePath.endsWith(name));
  const fatal = result?.messages.find((message) => message.fatal);
  expect(fatal, `a fatal message for ${name}`).toBeDefined();
  return fatal!.message;
}

const responses = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index)).join('');

describe('1. writes never replace an input of the run', () => {
  it('refuses --output onto the spec, onto a $ref target, onto the config and through a link', async () => {
    const dir = tempProject({
      'spec.yaml': GOOD.replace("'429':", "'401': {$ref: 'errors.yaml#/E'}\n        '429':"),
      'errors.yaml': 'E: {description: Unauthorized}\n',
      '.oas-status-lint.yaml': 'extends: recommended\n',
    });
    symlinkSync(join(dir, 'spec.yaml'), join(dir, 'link.yaml'));
    const before = ['spec.yaml', 'errors.yaml', '.oas-status-lint.yaml'].map((name) => readFileSync(join(dir, name), 'utf8'));
    for (const target of ['spec.yaml', 'errors.yaml', '.oas-status-lint.yaml', 'link.yaml', './sub/../spec.yaml']) {
      const run = await runMeasured(['-o', target, 'spec.yaml'], dir);
      withinBounds(run);
      expect(run.code, target).toBe(2);
      expect(run.stderr).toMatch(/refus\w* to write .* (?:an input|read by this run)/);
    }
    expect(['spec.yaml', 'errors.yaml', '.oas-status-lint.yaml'].map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(before);
  });

  it('refuses a baseline that is the spec, and a file that is not a baseline', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD, 'notes.txt': 'my notes\n' });
    for (const argv of [['--baseline', 'spec.yaml', '--update-baseline'], ['--baseline', 'notes.txt', '--update-baseline']]) {
      const run = await runMeasured([...argv, 'spec.yaml'], dir);
      withinBounds(run);
      expect(run.code).toBe(2);
    }
    expect(readFileSync(join(dir, 'spec.yaml'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });
});

describe('2. reads stay inside the project and touch only regular files of bounded size', () => {
  it('refuses links that leave the project, special files and FIFOs, and still lints the rest', async () => {
    const outside = tempProject({ 'secret.yaml': 'Secret: {description: "TOP-SECRET-TOKEN insufficient permissions"}\n' });
    const dir = tempProject({
      'good.yaml': GOOD,
      'spec.yaml': GOOD.replace("'429':", "'401': {$ref: 'inside/leak.yaml#/Secret'}\n        '403': {$ref: 'zero.yaml#/A'}\n        '404': {$ref: 'fifo.yaml#/A'}\n        '429':"),
    });
    mkdirSync(join(dir, 'inside'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'inside', 'leak.yaml'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    symlinkSync('/etc/passwd', join(dir, 'passwd.yaml'));
    const run = await runMeasured(['good.yaml', 'spec.yaml', 'passwd.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(/TOP-SECRET|root:/);
    const results = json(run);
    expectGoodIntact(results);
    expect(fatalOf(results, 'passwd.yaml')).toMatch(/outside the project/);
    const spec = results.filter((result) => !result.filePath.endsWith('good.yaml') && !result.filePath.endsWith('passwd.yaml')).flatMap((result) => result.messages.map((message) => message.message));
    expect(spec.join('\n')).toMatch(/outside the project/);
    expect(spec.join('\n')).toMatch(/not a regular file/);
  });

  it('refuses a file over the size limit with a message naming the limit (a 100 MB spec)', async () => {
    const dir = tempProject({ 'good.yaml': GOOD });
    const big = `{"openapi":"3.0.3","info":{"title":"big","version":"1"},"paths":{},"x":"${'a'.repeat(100 * 1024 * 1024)}"}`;
    writeFileSync(join(dir, 'big.json'), big);
    const run = await runMeasured(['good.yaml', 'big.json', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(2);
    const results = json(run);
    expectGoodIntact(results);
    expect(fatalOf(results, 'big.json')).toMatch(/too large.*--max-file-size/);
    const raised = await runMeasured(['big.json', '--max-file-size', '200', '--format', 'json'], dir);
    withinBounds(raised);
    expect(raised.code).toBe(0);
  });
});

describe('3. one file never sinks the run', () => {
  it('reads YAML-only escapes in double-quoted keys', async () => {
    const dir = tempProject({ 'good.yaml': GOOD, 'escapes.yaml': GOOD.replace('/a:', '"/caf\\xe9\\e\\U0001F600\\N\\_":') });
    const run = await runMeasured(['good.yaml', 'escapes.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(1);
    const escapes = json(run).find((result) => result.filePath.endsWith('escapes.yaml'))!;
    expect(escapes.messages.map((message) => [message.ruleId, message.line])).toEqual([['require-retry-after-on-429', 7]]);
  });

  it('reports a mapping nested 2,000 levels deep for that file only', async () => {
    let deep = "openapi: 3.0.3\ninfo: {title: deep, version: '1'}\npaths: {}\nx:\n";
    for (let level = 1; level <= 2000; level++) deep += `${' '.repeat(level)}k${level}:\n`;
    deep += `${' '.repeat(2001)}v: 1\n`;
    const dir = tempProject({ 'good.yaml': GOOD, 'deep.yaml': deep });
    const run = await runMeasured(['good.yaml', 'deep.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expectGoodIntact(json(run));
  });

  it('prints more than 125,000 findings of one file in stylish', async () => {
    const count = 130_000;
    const paths = responses(count, (index) => `"/p${index}":{"get":{"responses":{"429":{"description":"Too many requests"}}}},`);
    const dir = tempProject({ 'many.json': `{"openapi":"3.0.3","info":{"title":"many","version":"1"},"paths":{${paths.slice(0, -1)}}}` });
    const run = await runMeasured(['many.json'], dir);
    withinBounds(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${count} problems`);
  });
});

describe('4. YAML aliases cannot blow up time or memory', () => {
  const bomb = (levels: number, width: number) => {
    let text = `l0: &l0 "lol"\n`;
    for (let level = 1; level <= levels; level++) text += `l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]\n`;
    return text;
  };
  const indent = (text: string, by: number) => text.split('\n').map((line) => (line ? ' '.repeat(by) + line : line)).join('\n');

  it.each([
    ['in an example', (b: string) => `${GOOD.replace('description: Too many requests', `description: Too many requests\n          content:\n            application/json:\n              example:\n${indent(b, 16)}`)}`],
    ['in schema properties', (b: string) => `${GOOD.replace('description: Too many requests', `description: Too many requests\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n${indent(b.replace(/"lol"/, '{type: string}').replace(/\[([^\]]*)\]/g, (_, items: string) => `{${items.split(', ').map((item, index) => `p${index}: ${item}`).join(', ')}}`), 18)}`)}`],
  ])('30 keys a level, 7 levels deep, %s', async (_, build) => {
    const dir = tempProject({ 'good.yaml': GOOD, 'bomb.yaml': build(bomb(7, 30)) });
    const run = await runMeasured(['good.yaml', 'bomb.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expectGoodIntact(json(run));
    expect(fatalOf(json(run), 'bomb.yaml')).toMatch(/alias/);
  });

  it('billion laughs with --validate', async () => {
    const dir = tempProject({ 'good.yaml': GOOD, 'bomb.yaml': `${GOOD}x-bomb:\n${indent(bomb(9, 10), 2)}` });
    const run = await runMeasured(['good.yaml', 'bomb.yaml', '--validate', '--format', 'json'], dir);
    withinBounds(run);
    expectGoodIntact(json(run));
  });

  it('a config file alias bomb names the config file', async () => {
    const dir = tempProject({ 'good.yaml': GOOD, '.oas-status-lint.yaml': `extends: recommended\nx:\n${indent(bomb(9, 10), 2)}` });
    const run = await runMeasured(['good.yaml'], dir);
    withinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.oas-status-lint\.yaml/);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});

describe('5. reports and baselines are written whole, even by concurrent runs', () => {
  it('eight runs writing one --output and one baseline leave complete files', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD.replace('/a:', '/a:\n    post:\n      responses:\n        \'429\': {description: slow down}') });
    await Promise.all(Array.from({ length: 8 }, () => runMeasured(['spec.yaml', '--format', 'json', '-o', 'out/report.json'], dir)));
    expect(() => JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))).not.toThrow();
    await Promise.all(Array.from({ length: 8 }, () => runMeasured(['spec.yaml', '--baseline', 'base.json', '--update-baseline'], dir)));
    const baseline = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { entries: unknown[] };
    expect(baseline.entries).toHaveLength(2);
  });
});

describe('6. JSON with comments keeps its content', () => {
  it('a // comment before paths does not lose paths', async () => {
    const text = '{\n  "openapi": "3.0.3", // the version\n  "info": {"title": "c", "version": "1"},\n  /* block */ "paths": {"/a": {"get": {"responses": {"429": {"description": "Too many requests"}}}}},\n}\n';
    const dir = tempProject({ 'spec.json': text });
    const run = await runMeasured(['spec.json', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(1);
    expect(json(run)[0].messages.map((message) => [message.ruleId, message.line])).toEqual([['require-retry-after-on-429', 4]]);
  });
});

describe('7. placing many findings in one mapping is linear', () => {
  it('60,000 findings in one YAML paths mapping', async () => {
    const paths = responses(60_000, (index) => `  /p${index}:\n    get:\n      responses:\n        '429': {description: Too many requests}\n`);
    const dir = tempProject({ 'many.yaml': `openapi: 3.0.3\ninfo: {title: many, version: '1'}\npaths:\n${paths}` });
    const run = await runMeasured(['many.yaml', '--format', 'json'], dir);
    withinBounds(run);
    const messages = json(run)[0].messages;
    expect(messages).toHaveLength(60_000);
    expect(messages[59_999].line).toBe(4 + 59_999 * 4 + 3);
  });
});

describe('8. text classification is linear', () => {
  it.each([
    ['100,000 spaces', `insufficient${' '.repeat(100_000)}permissions`],
    ['50,000 [', '['.repeat(50_000)],
    ['50,000 [ then ](', `${'['.repeat(50_000)}](`],
    ['camelCase runs', 'aB'.repeat(100_000)],
  ])('a description with %s', async (_, description) => {
    const dir = tempProject({ 'spec.json': JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '401': { description } } } } } }) });
    const run = await runMeasured(['spec.json', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.seconds).toBeLessThan(10);
  });
});

describe('10. control characters never reach the terminal raw', () => {
  it('escapes them in stylish, github and junit output, in messages and in file names', async () => {
    const dir = tempProject({
      'spec.json': JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a\u001b[2J\u001b]0;title\u0007': { get: { responses: { '401': { description: 'insufficient permissions \u001b[31mred\u009b' } } } } } }),
      'bad\u001b]0;owned\u0007.yaml': 'openapi: [\n',
    });
    for (const format of ['stylish', 'github', 'junit']) {
      const run = await runMeasured(['spec.json', 'bad\u001b]0;owned\u0007.yaml', '--format', format], dir);
      withinBounds(run);
      expect(run.code).toBe(2);
      expect(run.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout, format).toContain('bad\\u001b]0;owned\\u0007.yaml');
    }
  });
});

describe('11. --project failures name their cause and keep the rest', () => {
  const express = "import express from 'express';\nconst app = express();\napp.get('/a', (req, res) => {\n  res.status(429).json({ error: 'slow down' });\n});\n";
  const spec = "openapi: 3.0.3\ninfo: {title: p, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {description: Too many requests, headers: {Retry-After: {schema: {type: integer}}}}\n";

  it('a source file nested 5,000 parentheses deep is reported for itself; the other files are read', async () => {
    const dir = tempProject({
      'openapi.yaml': spec,
      'tsconfig.json': '{"compilerOptions": {"strict": true}, "include": ["src"]}',
      'src/app.ts': express,
      'src/deep.ts': `export const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`,
    });
    const run = await runMeasured(['openapi.yaml', '--project', 'tsconfig.json', '--format', 'json'], dir);
    withinBounds(run);
    const results = json(run);
    expect(results.find((result) => result.filePath.endsWith('tsconfig.json'))).toBeUndefined();
    const app = results.find((result) => result.filePath.endsWith('app.ts'));
    expect(app?.messages.map((message) => message.ruleId)).toContain('require-retry-after-on-429');
  });

  it('a helper imported from outside the project is never read', async () => {
    const outside = tempProject({ 'errors.ts': 'export class LeakError extends Error { statusCode = 429; }\n' });
    const dir = tempProject({
      'openapi.yaml': spec,
      'tsconfig.json': '{"compilerOptions": {"strict": true}, "include": ["src"]}',
      'src/app.ts': `import express from 'express';\nimport { LeakError } from '${join(outside, 'errors')}';\nconst app = express();\napp.get('/a', (req, res) => {\n  throw new LeakError('slow down');\n});\n`,
    });
    const run = await runMeasured(['openapi.yaml', '--project', 'tsconfig.json', '--format', 'json'], dir);
    withinBounds(run);
    expect(json(run).flatMap((result) => result.messages).filter((message) => message.ruleId === 'require-retry-after-on-429')).toEqual([]);
  });

  it('a tsconfig `extends` loop is an error on the tsconfig', async () => {
    const dir = tempProject({ 'openapi.yaml': spec, 'tsconfig.json': '{"extends": "./b.json"}', 'b.json': '{"extends": "./tsconfig.json"}', 'src/app.ts': express });
    const run = await runMeasured(['openapi.yaml', '--project', 'tsconfig.json', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(2);
    expect(fatalOf(json(run), 'tsconfig.json')).toMatch(/circular/i);
  });
});

describe('12. smaller items', () => {
  it('reports duplicate keys', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD.replace('/a:', "/a:\n    get:\n      responses:\n        '200': {description: OK}\n  /a:") });
    const run = await runMeasured(['spec.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(json(run)[0].messages.map((message) => message.message).join('\n')).toMatch(/duplicate key "\/a"/);
  });

  it('places findings in a file with CR-only line endings', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD.replace(/\n/g, '\r') });
    const run = await runMeasured(['spec.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(json(run)[0].messages.map((message) => [message.ruleId, message.line])).toEqual([['require-retry-after-on-429', 7]]);
  });

  it('a schema $ref that points nowhere is an error', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD.replace('description: Too many requests', "description: Too many requests\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}") });
    const run = await runMeasured(['spec.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/points nowhere/);
  });

  it('a long finite chain of local $refs resolves, and a cycle is reported once', async () => {
    const count = 10_000;
    const chain = responses(count, (index) => `    R${index}: {$ref: '#/components/responses/R${index + 1}'}\n`);
    const dir = tempProject({
      'chain.yaml': `openapi: 3.0.3\ninfo: {title: c, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {$ref: '#/components/responses/R0'}\ncomponents:\n  responses:\n${chain}    R${count}: {description: Too many requests}\n`,
      'cycle.yaml': "openapi: 3.0.3\ninfo: {title: c, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {$ref: '#/components/responses/A'}\ncomponents:\n  responses:\n    A: {$ref: '#/components/responses/B'}\n    B: {$ref: '#/components/responses/A'}\n",
    });
    const run = await runMeasured(['chain.yaml', 'cycle.yaml', '--format', 'json'], dir);
    withinBounds(run);
    const [chainResult, cycleResult] = json(run);
    expect(chainResult.messages.map((message) => message.ruleId)).toEqual(['require-retry-after-on-429']);
    expect(cycleResult.messages.filter((message) => /circular/.test(message.message)).length).toBeLessThanOrEqual(3);
  });

  it('takes `openapi: 3.0` written as a number, and refuses `$ref: "#"` as a response', async () => {
    const dir = tempProject({ 'number.yaml': GOOD.replace('openapi: 3.0.3', 'openapi: 3.0'), 'root.yaml': GOOD.replace("'429':\n          description: Too many requests", "'401': {$ref: '#'}") });
    const run = await runMeasured(['number.yaml', 'root.yaml', '--format', 'json'], dir);
    withinBounds(run);
    const [number, root] = json(run);
    expect(number.messages.map((message) => message.ruleId)).toContain('require-retry-after-on-429');
    expect(root.messages.map((message) => message.message).join('\n')).toMatch(/whole document/);
  });

  it('rejects inherited names as config options and an empty --max-warnings', async () => {
    const dir = tempProject({ 'spec.yaml': GOOD, '.oas-status-lint.yaml': 'rules:\n  no-400-for-semantic-error: [error, {toString: 1}]\n' });
    const run = await runMeasured(['spec.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/toString/);
    const empty = await runMeasured(['spec.yaml', '--max-warnings=', '-c', '/dev/null'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--max-warnings/);
  });

  it('reads UTF-16 files with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
    const dir = tempProject({ 'spec.yaml': utf16 });
    const run = await runMeasured(['spec.yaml', '--format', 'json'], dir);
    withinBounds(run);
    expect(json(run)[0].messages.map((message) => [message.ruleId, message.line])).toEqual([['require-retry-after-on-429', 7]]);
  });
});

describe('one bad file never changes the results of the good files beside it', () => {
  const BAD: Record<string, (seed: number) => string | Uint8Array> = {
    truncated: () => GOOD.slice(0, 40),
    binary: (seed) => Uint8Array.from({ length: 64 }, (_, index) => (index * 31 + seed) % 256),
    deep: () => `openapi: 3.0.3\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    aliasBomb: () => `${GOOD}x:\n  a: &a [1,1,1,1,1,1,1,1,1,1]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`,
    escapes: () => GOOD.replace('/a:', '"/\\xe9\\e":'),
    refOutside: () => GOOD.replace("'429':", "'401': {$ref: '../../../../etc/passwd#/x'}\n        '429':"),
    refRoot: () => GOOD.replace("'429':", "'401': {$ref: '#'}\n        '429':"),
    notOpenApi: () => 'just: a config\n',
    empty: () => '',
    duplicate: () => `${GOOD}paths: {}\n`,
  };

  it('for any mix of bad files and any order', async () => {
    const { lint } = await import('../../packages/oas-status-lint/dist/index.js');
    const fc = (await import('fast-check')).default;
    const goodDir = tempProject({ 'good.yaml': GOOD, 'other.yaml': GOOD.replace("'429'", "'401'").replace('Too many requests', 'insufficient permissions') });
    const alone = await lint([join(goodDir, 'good.yaml'), join(goodDir, 'other.yaml')], { cwd: goodDir });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...Object.keys(BAD)), { minLength: 1, maxLength: 4 }), fc.nat(1000), fc.boolean(), async (kinds, seed, badFirst) => {
        const files: Record<string, string | Uint8Array> = { 'good.yaml': GOOD, 'other.yaml': GOOD.replace("'429'", "'401'").replace('Too many requests', 'insufficient permissions') };
        kinds.forEach((kind, index) => (files[`bad${index}.yaml`] = BAD[kind](seed)));
        const dir = tempProject(files);
        const good = [join(dir, 'good.yaml'), join(dir, 'other.yaml')];
        const bad = kinds.map((_, index) => join(dir, `bad${index}.yaml`));
        const results = await lint(badFirst ? [...bad, ...good] : [...good, ...bad], { cwd: dir });
        for (const name of ['good.yaml', 'other.yaml']) {
          const mixed = results.find((result) => result.filePath.endsWith(name))!;
          const expected = alone.find((result) => result.filePath.endsWith(name))!;
          expect(mixed.messages).toEqual(expected.messages);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('an internal error in one file is reported for that file alone', async () => {
    const { lint } = await import('../../packages/oas-status-lint/dist/index.js');
    const dir = tempProject({ 'good.yaml': GOOD, 'boom.yaml': GOOD });
    const results = await lint([join(dir, 'boom.yaml'), join(dir, 'good.yaml')], {
      cwd: dir,
      readFile: async (file: string) => {
        if (file.endsWith('boom.yaml')) throw new TypeError('a bug');
        return readFileSync(file, 'utf8');
      },
    });
    expect(fatalOf(results as JsonResult[], 'boom.yaml')).toMatch(/internal error.*please report.*TypeError: a bug/);
    expectGoodIntact(results as JsonResult[]);
  });
});
