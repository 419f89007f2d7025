// Find where keys are written in block-style YAML from its lines alone, without building a YAML document.
// What it cannot place for sure (flow mappings, sequences, anchors) it leaves to the caller's full parse.

export interface LineKey {
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

const NO_INDENT = Number.MAX_SAFE_INTEGER;

/** A block mapping key at the start of a line: quoted, or plain up to the first `: ` (or `:` at the end). */
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\]&*!|>%@`,-][^#]*?|-[^\s#][^#]*?))\s*:(?=\s|$)/;

/** YAML's double-quoted escapes (a superset of JSON's: `\x`, `\U`, `\e`, `\N`...), decoded in one pass. */
const YAML_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function unescapeDoubleQuoted(body: string): string | undefined {
  let out = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== '\\') {
      out += char;
      continue;
    }
    const escape = body[++index];
    const hexLength = HEX_LENGTH[escape];
    if (hexLength) {
      const hex = body.slice(index + 1, index + 1 + hexLength);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? Number.parseInt(hex, 16) : Number.NaN;
      if (!(code <= 0x10ffff)) return undefined;
      out += String.fromCodePoint(code);
      index += hexLength;
    } else if (escape !== undefined && Object.hasOwn(YAML_ESCAPES, escape)) out += YAML_ESCAPES[escape];
    else return undefined;
  }
  return out;
}

function keyText(content: string): { key: string; raw: string } | undefined {
  const match = KEY.exec(content);
  if (!match) return undefined;
  const key = match[1] !== undefined ? unescapeDoubleQuoted(match[1]) : match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3].trimEnd();
  return key === undefined ? undefined : { key, raw: match[0] };
}

/** The keys of one block mapping, read once: a mapping with many findings is not rescanned for each. */
interface BlockKeys {
  readonly indent: number;
  /** The first line of each key. */
  readonly lines: Map<string, number>;
  /** The first line lines alone cannot read (a sequence item, a merge key, an odd indent): keys after it are the full parser's. */
  readonly stop: number;
}

export class YamlKeyLocator {
  private readonly indents: number[] = [];
  private readonly contents: string[] = [];
  /** For each line, the next line at the same or a lower indent: where its block ends. */
  private readonly blockEnd: number[] = [];

  constructor(text: string) {
    const lines = text.split('\n');
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const content = line.trimStart();
      const blank = content === '' || content.startsWith('#');
      this.indents.push(blank ? NO_INDENT : line.length - content.length);
      this.contents.push(content);
    }
    const stack: number[] = [];
    this.blockEnd = new Array<number>(lines.length).fill(lines.length);
    for (let index = 0; index < lines.length; index++) {
      const indent = this.indents[index];
      if (indent === NO_INDENT) continue;
      while (stack.length > 0 && this.indents[stack[stack.length - 1]] >= indent) this.blockEnd[stack.pop()!] = index;
      stack.push(index);
    }
  }

  private readonly blocks = new Map<number, BlockKeys | null>();

  /** The keys of the block that starts at line `start` and ends before `end`. */
  private blockKeys(start: number, end: number): BlockKeys | undefined {
    const cached = this.blocks.get(start);
    if (cached !== undefined) return cached ?? undefined;
    let index = start;
    while (index < end && this.indents[index] === NO_INDENT) index++;
    if (index >= end) {
      this.blocks.set(start, null);
      return undefined;
    }
    const indent = this.indents[index];
    const lines = new Map<string, number>();
    let stop = end;
    while (index < end) {
      const content = this.contents[index];
      const key = this.indents[index] === indent && !/^-(?:\s|$)/.test(content) ? keyText(content) : undefined;
      if (!key || key.key === '<<') {
        // Sequences, flow collections, anchors and merge keys are the full parser's job.
        stop = index;
        break;
      }
      if (!lines.has(key.key)) lines.set(key.key, index);
      index = this.blockEnd[index];
      while (index < end && this.indents[index] === NO_INDENT) index++;
    }
    const block = { indent, lines, stop };
    this.blocks.set(start, block);
    return block;
  }

  /** The 1-based position of the key at the end of `path`, or undefined when lines alone cannot tell. */
  locate(path: readonly string[]): LineKey | undefined {
    let start = 0;
    let end = this.indents.length;
    let found: LineKey | undefined;
    for (const [depth, segment] of path.entries()) {
      const block = this.blockKeys(start, end);
      const hit = block?.lines.get(segment);
      if (!block || hit === undefined || hit >= block.stop) return undefined;
      const content = this.contents[hit];
      const key = keyText(content)!;
      found = { line: hit + 1, column: block.indent + 1, length: key.raw.replace(/\s*:$/, '').length };
      const rest = content.slice(key.raw.length).trim();
      if (rest.startsWith('&') || rest.startsWith('*')) return depth === path.length - 1 ? found : undefined;
      start = hit + 1;
      end = this.blockEnd[hit];
    }
    return found;
  }
}
