// Placing findings in a JSON text: keys found in one pass that stops once every key asked for is found, and lines
// counted only as far as the offsets asked for. Both must give what a full scan gives.
import { describe, expect, it } from 'vitest';
import { locateJsonKeys } from '../src/load/json-key-locator.js';
import { LineIndex } from '../src/load/line-index.js';

const text = JSON.stringify(
  {
    openapi: '3.0.0',
    paths: {
      '/a': { get: { responses: { '400': { description: 'x "quoted" {brace}' } } } },
      '/b': { post: { responses: { '500': { description: 'y' }, '429': { description: 'z' } } } },
      '/c\\d': { get: { responses: { '200': { description: 'w' } } } },
    },
    tail: [1, 2, { deep: [3, 4] }],
  },
  null,
  2,
);

function keyAt(span: { start: number; end: number } | undefined): string | undefined {
  return span ? (JSON.parse(text.slice(span.start, span.end)) as string) : undefined;
}

describe('locating keys', () => {
  it('finds each key asked for, wherever it sits, and stops early without losing any', () => {
    const paths = [
      ['paths', '/a', 'get', 'responses', '400'],
      ['paths', '/b', 'post', 'responses', '429'],
      ['paths', '/c\\d', 'get'],
      ['tail', '2', 'deep'],
    ];
    const found = locateJsonKeys(text, paths);
    expect(paths.map((path) => keyAt(found.get(path.join('\0'))))).toEqual(['400', '429', 'get', 'deep']);
    // Only the first key: found, and the scan ends there.
    const first = locateJsonKeys(text, [['paths', '/a']]);
    expect(keyAt(first.get(['paths', '/a'].join('\0')))).toBe('/a');
    expect(locateJsonKeys(text, []).size).toBe(0);
  });
});

describe('line index', () => {
  it('gives the line and column of any offset, asked in any order, as a full count of lines does', () => {
    const sample = 'a\nbc\r\n\nlast line';
    const index = new LineIndex(sample);
    const full = (offset: number) => {
      const before = sample.slice(0, offset).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    };
    for (const offset of [14, 0, 3, 2, 7, 6, 1, sample.length]) expect(index.position(offset), String(offset)).toEqual(full(offset));
  });
});
