// Hostile input: generated malformed documents and property-based mutations of valid specs. The CLI always ends
// with a clear message and exit code 0, 1 or 2: never a stack trace, never an internal error, never a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fixture, runCli, tempProject } from './cli-helpers.js';

const seeds = ['example/openapi.yaml', 'specs/swagger2.yaml', 'specs/openapi31-webhooks.yaml', 'specs/retry-after-forms.yaml', 'specs/petstore.json'].map((path) => readFileSync(fixture(path), 'utf8'));

async function expectCleanEnd(text: string | Uint8Array, name = 'spec.yaml') {
  const dir = tempProject({ [name]: text });
  const run = await runCli([name, '--format', 'json'], { cwd: dir });
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  const results = JSON.parse(run.stdout) as { messages: { line: number; column: number; message: string }[] }[];
  for (const message of results.flatMap((result) => result.messages)) {
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeGreaterThanOrEqual(1);
    expect(message.message.length).toBeGreaterThan(0);
  }
  return run;
}

/** Replace the value at a random place of a parsed document with a value of the wrong type. */
function mutateValue(root: unknown, path: number[], replacement: unknown): unknown {
  if (root === null || typeof root !== 'object' || path.length === 0) return replacement;
  const keys = Object.keys(root);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(root) ? ([...root] as unknown as Record<string, unknown>) : { ...(root as Record<string, unknown>) };
  copy[key] = mutateValue((root as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe('generated malformed input', () => {
  it.each([
    ['truncated YAML', seeds[0].slice(0, seeds[0].length / 2)],
    ['truncated JSON', seeds[4].slice(0, 200)],
    ['a $ref loop', "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '401': {$ref: '#/components/responses/A'}\ncomponents:\n  responses:\n    A: {$ref: '#/components/responses/B'}\n    B: {$ref: '#/components/responses/A'}\n"],
    ['a $ref to a missing file', "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '401': {$ref: 'missing/errors.yaml#/Unauthorized'}\n"],
    ['deep nesting', `openapi: 3.0.0\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['a BOM and CRLF', `\uFEFF${seeds[0].replace(/\n/g, '\r\n')}`],
    ['tabs for indentation', seeds[0].replace(/ {2}/g, '\t')],
    ['a document that is a list', '- openapi: 3.0.0\n'],
    ['a scalar document', '42\n'],
    ['null paths and responses', "openapi: 3.0.0\npaths:\n  /a: null\n  /b:\n    get: null\n    post: {responses: null}\n"],
    ['numbers where strings belong', "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        429: {description: 7, headers: [1, 2]}\n        401: {description: {nested: true}, content: 5}\n"],
  ])('%s', async (_, text) => {
    await expectCleanEnd(text);
  });

  it('a 10 MB single-line JSON', async () => {
    const paths: Record<string, unknown> = {};
    for (let index = 0; index < 64000; index++) paths[`/things/${index}`] = { get: { responses: { '200': { description: 'OK' }, '429': { description: 'Too many requests', headers: { 'Retry-After': { schema: { type: 'integer' } } } } } } };
    const text = JSON.stringify({ openapi: '3.0.0', info: { title: 'big', version: '1' }, paths });
    expect(text.length).toBeGreaterThan(10_000_000);
    const run = await expectCleanEnd(text, 'big.json');
    expect(run.code).toBe(0);
  });

  it('random binary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        await expectCleanEnd(bytes);
      }),
      { numRuns: 30 },
    );
  });
});

describe('property-based mutation of valid specs', () => {
  it('survives truncation and byte edits anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 8 }), async (seed, where, insert) => {
        const text = seeds[seed];
        const at = Math.floor(where * text.length);
        await expectCleanEnd(text.slice(0, at) + insert + text.slice(at + insert.length), seed === 4 ? 'spec.json' : 'spec.yaml');
      }),
      { numRuns: 60 },
    );
  });

  it('survives wrong types anywhere in the document', async () => {
    const wrong = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({ $ref: '#/nowhere' }), fc.constant({ $ref: '#/paths' }));
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(fc.nat(50), { minLength: 1, maxLength: 7 }), wrong, async (seed, path, replacement) => {
        const mutated = mutateValue(parse(seeds[seed]), path, replacement);
        await expectCleanEnd(stringify(mutated));
      }),
      { numRuns: 80 },
    );
  });
});
