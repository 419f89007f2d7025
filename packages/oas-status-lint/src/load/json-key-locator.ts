// Find where keys are written in a JSON text, for many JSON pointers in one pass, without building a tree.

export interface KeySpan {
  readonly start: number;
  readonly end: number;
}

interface Trie {
  wanted: boolean;
  children: Map<string, Trie>;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
/** The characters that open or close a nested value, and the quote that starts a string. */
const STRUCTURE = /["{}[\]]/g;

function buildTrie(paths: readonly (readonly string[])[]): { root: Trie; wanted: number } {
  const root: Trie = { wanted: false, children: new Map() };
  let wanted = 0;
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) {
        child = { wanted: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    if (!node.wanted) wanted++;
    node.wanted = true;
  }
  return { root, wanted };
}

/**
 * Locate the key of each path (segments already unescaped). The text must be valid JSON (it was parsed before).
 * Returns spans keyed by the path's segments joined with NUL.
 */
export function locateJsonKeys(text: string, paths: readonly (readonly string[])[]): Map<string, KeySpan> {
  const found = new Map<string, KeySpan>();
  const { root: trie, wanted } = buildTrie(paths);
  let at = 0;
  // Every key found: the rest of the text is not read (a description's few findings often sit in its first part).
  const done = () => found.size >= wanted;

  const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;
  const skipSpace = () => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  };
  /** Skip a string starting at `at` (a quote); returns its raw end (after the closing quote). */
  const skipString = () => {
    at++;
    for (;;) {
      const next = text.indexOf('"', at);
      if (next === -1) {
        at = text.length;
        return;
      }
      let backslashes = 0;
      for (let back = next - 1; back >= at && text.charCodeAt(back) === BACKSLASH; back--) backslashes++;
      at = next + 1;
      if (backslashes % 2 === 0) return;
    }
  };
  const skipValue = () => {
    skipSpace();
    const code = text.charCodeAt(at);
    if (code === QUOTE) return skipString();
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) {
      while (at < text.length) {
        const c = text.charCodeAt(at);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return;
        at++;
      }
      return;
    }
    let depth = 0;
    // Jump from one structural character to the next (the regular expression engine scans faster than a loop here).
    // `test` moves `lastIndex` past the one character found without making a match array: big descriptions skip
    // millions of them.
    STRUCTURE.lastIndex = at;
    while (STRUCTURE.test(text)) {
      at = STRUCTURE.lastIndex - 1;
      const c = text.charCodeAt(at);
      if (c === QUOTE) {
        skipString();
        STRUCTURE.lastIndex = at;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else {
        depth--;
        if (depth === 0) {
          at++;
          return;
        }
      }
    }
    at = text.length;
  };
  const visit = (node: Trie, path: string[]) => {
    skipSpace();
    const code = text.charCodeAt(at);
    if (code === OPEN_BRACE) {
      at++;
      for (;;) {
        skipSpace();
        if (text.charCodeAt(at) === CLOSE_BRACE || at >= text.length) {
          at++;
          return;
        }
        const keyStart = at;
        skipString();
        const keyEnd = at;
        const raw = text.slice(keyStart + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : raw;
        skipSpace();
        if (text.charCodeAt(at) === COLON) at++;
        const child = node.children.get(key);
        if (child) {
          const childPath = [...path, key];
          const id = childPath.join('\0');
          if (child.wanted && !found.has(id)) found.set(id, { start: keyStart, end: keyEnd });
          if (done()) return;
          if (child.children.size > 0) visit(child, childPath);
          else skipValue();
          if (done()) return;
        } else skipValue();
        skipSpace();
        if (text.charCodeAt(at) === COMMA) at++;
      }
    }
    if (code === OPEN_BRACKET) {
      at++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text.charCodeAt(at) === CLOSE_BRACKET || at >= text.length) {
          at++;
          return;
        }
        const child = node.children.get(String(index));
        const elementStart = at;
        if (child) {
          const childPath = [...path, String(index)];
          const id = childPath.join('\0');
          if (child.wanted && !found.has(id)) found.set(id, { start: elementStart, end: elementStart + 1 });
          if (done()) return;
          if (child.children.size > 0) visit(child, childPath);
          else skipValue();
          if (done()) return;
        } else skipValue();
        skipSpace();
        if (text.charCodeAt(at) === COMMA) at++;
      }
    }
    skipValue();
  };
  if (wanted > 0) visit(trie, []);
  return found;
}
