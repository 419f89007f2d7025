import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintInParallel, lintSources } from '../packages/oas-status-lint/dist/index.js';
import { fixture, tempProject } from './cli-helpers.js';

describe('lintInParallel', () => {
  it('gives the same results as one thread, in the order given, with shared files reported once', async () => {
    const files: Record<string, string> = {};
    const specs = ['specs/retry-after-forms.yaml', 'specs/swagger2.yaml', 'specs/openapi31-webhooks.yaml', 'specs/anchors.yaml', 'specs/petstore.json'];
    for (let index = 0; index < 10; index++) {
      const source = specs[index % specs.length];
      files[`spec-${index}${source.slice(source.lastIndexOf('.'))}`] = readFileSync(fixture(source), 'utf8');
    }
    const dir = tempProject(files);
    const sources = [
      ...Object.keys(files).map((name) => ({ file: join(dir, name) })),
      // Two roots that share the same $ref targets: their findings must appear once.
      { file: fixture('specs/multi-file/openapi.yaml') },
      { file: fixture('specs/multi-file/openapi.yaml') },
    ];
    const serial = await lintSources(sources);
    const parallel = await lintInParallel(sources, {}, 2);
    expect(parallel).toEqual(serial);
    expect(parallel.map((result) => result.filePath.split('/').pop())).toContain('responses.yaml');
    expect(parallel.filter((result) => result.filePath.endsWith('components/responses.yaml'))[0].messages).toHaveLength(2);
  });
});

describe('how many threads pay', () => {
  it('none on two cores or for little work; more with more cores and more bytes, never more than the spare cores', async () => {
    const { threadsFor } = await import('../packages/oas-status-lint/dist/parallel-lint.js');
    const MB = 1024 * 1024;
    expect(threadsFor(200, 80 * MB, 2)).toBe(1);
    expect(threadsFor(5, 500 * MB, 16)).toBe(1);
    expect(threadsFor(200, 10 * MB, 8)).toBe(1);
    expect(threadsFor(200, 80 * MB, 8)).toBe(3);
    expect(threadsFor(2640, 412 * MB, 8)).toBe(7);
    expect(threadsFor(2640, 412 * MB, 4)).toBe(3);
  });
});
