// Parse a JSON or YAML text into plain values, keeping what is needed to find positions later, on demand.
import type { Alias, Document, Node, Pair } from 'yaml';
import type { Type, YAMLException } from 'js-yaml';
import { InputError } from './input-error.js';
import { LineIndex } from './line-index.js';
import { locateJsonKeys } from './json-key-locator.js';
import { blankJsonc } from './jsonc.js';
import { excessiveExpansion } from './alias-expansion.js';
import { YamlKeyLocator } from './yaml-key-locator.js';
import { jsYamlLibrary, yamlLibrary } from './yaml-libraries.js';

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ParsedDocument {
  readonly file: string;
  readonly format: 'json' | 'yaml';
  readonly value: unknown;
  /** False when the text has no `$ref` to another file, so nothing needs to be walked to find them. */
  readonly mayReferOtherFiles: boolean;
  /** Problems of the text that do not stop it from being read (a duplicate key: the last one is used). */
  readonly warnings: readonly { readonly message: string; readonly line: number; readonly column: number }[];
  /** Spans of the keys at these paths (unescaped segments), keyed by segments joined with NUL. */
  locate(paths: readonly (readonly string[])[]): Map<string, Span>;
}

export const pathId = (path: readonly string[]): string => path.join('\0');

function spanOf(lines: LineIndex, start: number, end: number): Span {
  const from = lines.position(start);
  const to = lines.position(Math.max(start, end));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function jsonErrorPosition(error: unknown, lines: LineIndex): { line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return lines.position(Number(position[1]));
  return { line: 1, column: 1 };
}

/** A `$ref` whose value does not start with `#` (cheap, native scan of the text). */
const EXTERNAL_REF = /\$ref["']?\s*:\s*["']?(?!#)[^\s"']/;

function parseJson(file: string, text: string): ParsedDocument {
  const lines = new LineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(error, lines);
    const reason = error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '') : 'invalid JSON';
    throw new InputError(`invalid JSON: ${reason}`, file, line, column);
  }
  return {
    file,
    format: 'json',
    value,
    mayReferOtherFiles: EXTERNAL_REF.test(text),
    warnings: [],
    locate(paths) {
      const spans = new Map<string, Span>();
      for (const [id, key] of locateJsonKeys(text, paths)) spans.set(id, spanOf(lines, key.start, key.end));
      return spans;
    },
  };
}

/** Find the pair for `key` in a YAML map, looking through `<<` merge keys too. */
function findPair(document: Document, map: Node, key: string, depth = 0): Pair | undefined {
  if (!yamlLibrary().isMap(map) || depth > 20) return undefined;
  for (const pair of map.items) {
    const pairKey = yamlLibrary().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (pairKey === key) return pair;
  }
  for (const pair of map.items) {
    if (!yamlLibrary().isScalar(pair.key) || pair.key.value !== '<<') continue;
    const sources = yamlLibrary().isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved = yamlLibrary().isAlias(source) ? (source as Alias).resolve(document) : source;
      const found = resolved ? findPair(document, resolved as Node, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

const DOCUMENT_OPTIONS = { merge: true, uniqueKeys: false, strict: false, prettyErrors: false } as const;

/** The span of a key in a full `yaml` Document, if it is there. */
function documentSpan(document: Document, lines: LineIndex, path: readonly string[]): Span | undefined {
  const range = locateYamlKey(document, path);
  return range ? spanOf(lines, range[0], range[1]) : undefined;
}

function locateYamlKey(document: Document, path: readonly string[]): [number, number] | undefined {
  let node: unknown = document.contents;
  let range: [number, number] | undefined;
  for (const segment of path) {
    if (yamlLibrary().isAlias(node)) node = (node as Alias).resolve(document);
    if (yamlLibrary().isMap(node)) {
      const pair = findPair(document, node as Node, segment);
      if (!pair) return range;
      const keyNode = pair.key as Node | null;
      range = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : range;
      node = pair.value;
    } else if (yamlLibrary().isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return range;
      range = item.range ? [item.range[0], item.range[0] + 1] : range;
      node = item;
    } else return range;
    if (yamlLibrary().isPair(node)) node = node.value;
  }
  return range;
}

/** YAML 1.2 core types plus `<<` merge keys: what the `yaml` package reads, minus timestamps turned into Dates. */
// js-yaml exports its built-in types at run time; its type declarations do not list them.
let fastSchema: ReturnType<ReturnType<typeof jsYamlLibrary>['CORE_SCHEMA']['extend']> | undefined;
/** js-yaml's core schema with merge keys (`<<`), built on first use. */
function fastYamlSchema() {
  const jsYaml = jsYamlLibrary();
  fastSchema ??= jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: Type } }).types.merge] });
  return fastSchema;
}

/**
 * The common path: js-yaml reads values several times faster than a `yaml` Document, and most keys are placed
 * from the lines alone. The full `yaml` Document is built only for what those cannot do: syntax errors (its
 * messages and positions are better) and keys in flow style, sequences or behind anchors.
 */
function parseYaml(file: string, text: string): ParsedDocument {
  let value: unknown;
  const warnings: { message: string; line: number; column: number }[] = [];
  try {
    value = jsYamlLibrary().load(text, { schema: fastYamlSchema(), filename: file });
  } catch (error) {
    const mark = (error as YAMLException).mark as { line: number; column: number; position: number } | undefined;
    if ((error as YAMLException).reason !== 'duplicated mapping key' || !mark) return parseYamlDocument(file, text);
    // Read as YAML parsers do (the last value wins), and say so: a duplicate usually hides a response.
    try {
      value = jsYamlLibrary().load(text, { schema: fastYamlSchema(), json: true, filename: file });
    } catch {
      return parseYamlDocument(file, text);
    }
    const key = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:/.exec(text.split('\n')[mark.line] ?? '')?.[1] ?? '';
    warnings.push({ message: `duplicate key "${key.replace(/^["']|["']$/g, '')}" in this mapping: the last one is used, the ones before it are lost`, line: mark.line + 1, column: mark.column + 1 });
  }
  refuseAliasBombs(file, text, value);
  const lines = new LineIndex(text);
  let locator: YamlKeyLocator | undefined;
  let document: Document | undefined;
  return {
    file,
    format: 'yaml',
    value,
    mayReferOtherFiles: EXTERNAL_REF.test(text),
    warnings,
    locate(paths) {
      locator ??= new YamlKeyLocator(text);
      const spans = new Map<string, Span>();
      for (const path of paths) {
        const key = locator.locate(path);
        if (key) {
          spans.set(pathId(path), { line: key.line, column: key.column, endLine: key.line, endColumn: key.column + key.length });
          continue;
        }
        document ??= yamlLibrary().parseDocument(text, DOCUMENT_OPTIONS);
        const span = documentSpan(document, lines, path);
        if (span) spans.set(pathId(path), span);
      }
      return spans;
    },
  };
}

/** Only a text with an alias (`*name`) can share values; the others skip the count. */
function refuseAliasBombs(file: string, text: string, value: unknown): void {
  if (!/(?:^|[\s[{,:-])\*[^\s,\]}]/.test(text)) return;
  const reason = excessiveExpansion(value);
  if (reason) throw new InputError(reason, file);
}

function parseYamlDocument(file: string, text: string): ParsedDocument {
  const document = yamlLibrary().parseDocument(text, DOCUMENT_OPTIONS);
  const lines = new LineIndex(text);
  const firstError = document.errors[0];
  if (firstError) {
    const { line, column } = lines.position(firstError.pos[0]);
    const reason = firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`invalid YAML: ${reason}`, file, line, column);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 10000 });
  } catch (error) {
    throw new InputError(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`, file);
  }
  refuseAliasBombs(file, text, value);
  return {
    file,
    format: 'yaml',
    value,
    mayReferOtherFiles: EXTERNAL_REF.test(text),
    warnings: [],
    locate(paths) {
      const spans = new Map<string, Span>();
      for (const path of paths) {
        const span = documentSpan(document, lines, path);
        if (span) spans.set(pathId(path), span);
      }
      return spans;
    },
  };
}

/** Parse a text as JSON when it looks like JSON (the fast path), else as YAML. */
export function parseText(file: string, text: string): ParsedDocument {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.length === 0) throw new InputError('the file is empty', file);
  const body = text.replace(/^\uFEFF/, '');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseJson(file, body);
    } catch (jsonError) {
      // Comments and trailing commas are blanked (same offsets) and read as JSON: YAML would read `// note "paths"` as one key.
      const jsonc = blankJsonc(body);
      if (jsonc.ok && jsonc.changed) return parseJson(file, jsonc.text);
      if (!jsonc.ok && jsonc.hadComments) {
        const { line, column } = new LineIndex(body).position(jsonc.offset);
        throw new InputError(`invalid JSON: ${jsonc.message}`, file, line, column);
      }
      // Other JSON-looking text may still be YAML flow (unquoted keys); a real syntax error reports the JSON position.
      try {
        return parseYaml(file, body);
      } catch {
        throw jsonError;
      }
    }
  }
  return parseYaml(file, body);
}
