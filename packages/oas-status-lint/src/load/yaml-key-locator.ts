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

function keyText(content: string): { key: string; raw: string } | undefined {
  const match = KEY.exec(content);
  if (!match) return undefined;
  const key = match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3].trimEnd();
  return { key, raw: match[0] };
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

  /** The 1-based position of the key at the end of `path`, or undefined when lines alone cannot tell. */
  locate(path: readonly string[]): LineKey | undefined {
    let start = 0;
    let end = this.indents.length;
    let found: LineKey | undefined;
    for (const [depth, segment] of path.entries()) {
      let index = start;
      while (index < end && this.indents[index] === NO_INDENT) index++;
      if (index >= end) return undefined;
      const childIndent = this.indents[index];
      let hit = -1;
      while (index < end) {
        if (this.indents[index] !== childIndent) return undefined;
        const content = this.contents[index];
        // Sequences, flow collections, anchors and merge keys are the full parser's job.
        if (content.startsWith('-') && /^-(?:\s|$)/.test(content)) return undefined;
        const key = keyText(content);
        if (key?.key === '<<') return undefined;
        if (key?.key === segment) {
          hit = index;
          break;
        }
        index = this.blockEnd[index];
        while (index < end && this.indents[index] === NO_INDENT) index++;
      }
      if (hit < 0) return undefined;
      const content = this.contents[hit];
      found = { line: hit + 1, column: childIndent + 1, length: keyText(content)!.raw.replace(/\s*:$/, '').length };
      const rest = content.slice(keyText(content)!.raw.length).trim();
      if (rest.startsWith('&') || rest.startsWith('*')) return depth === path.length - 1 ? found : undefined;
      start = hit + 1;
      end = this.blockEnd[hit];
    }
    return found;
  }
}
