// The fast YAML path (js-yaml values, keys placed from lines) must agree with the full `yaml` Document it stands in for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parse, parseDocument, isMap, isScalar, type Node, type Pair } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/load/parse-document.js';
import { YamlKeyLocator } from '../src/load/yaml-key-locator.js';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every block-mapping key path of a document with the yaml package's own position of its key. */
function keyPositions(text: string): { path: string[]; line: number; column: number }[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, merge: true, uniqueKeys: false });
  const out: { path: string[]; line: number; column: number }[] = [];
  const visit = (node: unknown, path: string[], depth: number) => {
    if (!isMap(node) || depth > 8) return;
    for (const pair of node.items as Pair[]) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const range = (pair.key as Node).range;
      if (!range) continue;
      const { line, col } = lineCounter.linePos(range[0]);
      out.push({ path: [...path, key], line, column: col });
      visit(pair.value, [...path, key], depth + 1);
    }
  };
  visit(document.contents, [], 0);
  return out;
}

describe('fast YAML loading', () => {
  const files = yamlFiles(FIXTURES).filter((file) => !file.includes('invalid'));

  it('reads the same values as the yaml package on every fixture', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseText(file, text).value, file).toEqual(parse(text, { merge: true, uniqueKeys: false }));
    }
  });

  it('places every key it can exactly where the yaml package does, and gives up on the rest', () => {
    let placed = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const locator = new YamlKeyLocator(text);
      for (const { path, line, column } of keyPositions(text)) {
        const found = locator.locate(path);
        if (!found) continue;
        placed++;
        expect({ file, path, line: found.line, column: found.column }).toEqual({ file, path, line, column });
      }
    }
    expect(placed).toBeGreaterThan(5000);
  });

  it('handles quoted keys, block scalars, comments and CRLF, and leaves flow style and sequences to the full parse', () => {
    const text = [
      'openapi: 3.0.0',
      '# a comment',
      'paths:',
      "  '/users/{id}':",
      '    get:',
      '      description: |',
      '        responses: this line is text, not a key',
      '      responses:',
      '        "401": { description: x }',
      '        429:',
      '          description: y',
      '  /a: {get: {responses: {200: {description: z}}}}',
      '  /b:',
      '    parameters:',
      '      - name: x',
    ].join('\r\n');
    const locator = new YamlKeyLocator(text);
    expect(locator.locate(['paths', '/users/{id}', 'get', 'responses', '401'])).toEqual({ line: 9, column: 9, length: 5 });
    expect(locator.locate(['paths', '/users/{id}', 'get', 'responses', '429'])).toEqual({ line: 10, column: 9, length: 3 });
    expect(locator.locate(['paths', '/a', 'get'])).toBeUndefined();
    expect(locator.locate(['paths', '/b', 'parameters', '0'])).toBeUndefined();
    expect(locator.locate(['paths', '/missing'])).toBeUndefined();
    // The document still places what lines alone cannot.
    const spans = parseText('x.yaml', text).locate([['paths', '/a', 'get']]);
    expect([...spans.values()][0]).toMatchObject({ line: 12, column: 8 });
  });
});
