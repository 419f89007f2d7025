// The fast parser (oxc-parser) and typescript-estree must give the analysis the same tree: same nodes, same fields,
// same `undefined` for absent TypeScript parts, same lines and columns; and so the same response sites.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFileInDepth } from '../src/analyze.js';
import { parseSource } from '../src/standalone.js';
import { locOf } from '../src/positions.js';
import type { TSESTree } from '@typescript-eslint/utils';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function typescriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const files = typescriptFiles(join(root, 'fixtures'));

/** Every difference between two trees, as `path: fast | typescript-estree` (positions compared through `loc` and `range`). */
function differences(fast: unknown, reference: unknown, path = 'Program', found: string[] = []): string[] {
  if (found.length > 5 || fast === reference) return found;
  if (fast === null || reference === null || typeof fast !== 'object' || typeof reference !== 'object') {
    found.push(`${path}: ${JSON.stringify(fast)} | ${JSON.stringify(reference)}`);
    return found;
  }
  // A node of the fast parser has no `loc` of its own: its position is found from its range when asked for.
  if ('type' in reference && 'loc' in reference) {
    const shown = ({ start, end }: TSESTree.SourceLocation): string => `${start.line}:${start.column}-${end.line}:${end.column}`;
    const at = shown(locOf(fast as TSESTree.Node));
    const expected = shown((reference as { loc: TSESTree.SourceLocation }).loc);
    if (at !== expected) found.push(`${path}.loc: ${at} | ${expected}`);
  }
  const keys = new Set([...Object.keys(fast), ...Object.keys(reference)]);
  for (const key of keys) {
    if (key === 'parent' || key === 'start' || key === 'end' || key === 'loc') continue;
    differences((fast as Record<string, unknown>)[key], (reference as Record<string, unknown>)[key], `${path}.${key}`, found);
  }
  return found;
}

describe('the fast TypeScript parser', () => {
  it('finds TypeScript fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('gives the same tree as typescript-estree on every TypeScript fixture', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const fast = parseSource(code, file, 'fast').program;
      const reference = parseSource(code, file, 'typescript-estree').program;
      expect({ file, differences: differences(fast, reference) }).toEqual({ file, differences: [] });
    }
  });

  it('keeps lines and columns right after non-ASCII text and every kind of line break', () => {
    const code = "const a = 'héllo 😀';\r\nconst b = 1;\rconst c = 2;\u2028const d = `x`;\nres.status(400).json({ error: 'Ünïcode' });\n";
    const fast = parseSource(code, 'x.ts', 'fast').program;
    const reference = parseSource(code, 'x.ts', 'typescript-estree').program;
    expect(differences(fast, reference)).toEqual([]);
    expect(fast.body[4].loc).toBeUndefined();
    expect(locOf(fast.body[4]).start).toEqual({ line: 5, column: 0 });
  });

  it('keeps absent parts that are null in ESTree null (a catch without a binding, an if without else)', () => {
    const { program } = parseSource('try { f() } catch { g() }\nif (x) y();', 'x.ts', 'fast');
    expect((program.body[0] as { handler: { param: unknown } }).handler.param).toBeNull();
    expect((program.body[1] as { alternate: unknown }).alternate).toBeNull();
  });

  it('reports a syntax error with its line, leaving the last word to typescript-estree where it is installed', () => {
    const lineOf = (parser: 'fast' | 'typescript-estree') => {
      try {
        parseSource('const ok = 1;\nconst = ;', 'bad.ts', parser);
      } catch (error) {
        return (error as { lineNumber?: number }).lineNumber;
      }
      return undefined;
    };
    expect(lineOf('fast')).toBe(2);
    expect(lineOf('typescript-estree')).toBe(2);
  });

  it('gives regular expression and BigInt literals their values (the fast parser decodes them after the JSON)', () => {
    const code = "const pattern = /^[a-z]+$/iu;\nconst big = 12n;\n";
    for (const parser of ['fast', 'typescript-estree'] as const) {
      const [pattern, big] = parseSource(code, 'literals.ts', parser).program.body as TSESTree.VariableDeclaration[];
      const value = (declaration: TSESTree.VariableDeclaration) => (declaration.declarations[0].init as TSESTree.Literal).value;
      expect(value(pattern)).toBeInstanceOf(RegExp);
      expect(String(value(pattern))).toBe('/^[a-z]+$/iu');
      expect(value(big)).toBe(12n);
    }
  });

  it('finds the same response sites in the fixture servers', () => {
    const servers = files.filter((file) => /[\\/]projects[\\/]/.test(file));
    expect(servers.length).toBeGreaterThan(5);
    let sites = 0;
    for (const file of servers) {
      const code = readFileSync(file, 'utf8');
      const sitesOf = (parser: 'fast' | 'typescript-estree') =>
        analyzeFileInDepth(parseSource(code, file, parser).sourceCode, file, root).sites.map(
          (site) => `${locOf(site.sendNode).start.line}:${locOf(site.sendNode).start.column} ${site.fact.status} guards ${site.fact.guards?.length ?? 0} texts ${site.fact.texts.length}`,
        );
      const fast = sitesOf('fast');
      sites += fast.length;
      expect({ file, sites: fast }).toEqual({ file, sites: sitesOf('typescript-estree') });
    }
    expect(sites).toBeGreaterThan(20);
  });
});
