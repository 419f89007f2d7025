// A cheap test that a pattern cannot match a text, so that its regular expression is not run (nor compiled, which is
// most of the cost of classifying the few distinct texts of a description: 213 patterns, ~100 ms on first use).
//
// From a pattern's source, find words that every match must contain: a run of literal letters that is not optional,
// or a group whose every alternative has one. A text that contains none of one such set of words cannot match. The
// reading is conservative: anything it does not understand gives no gate, and the pattern always runs.

/** One parsed item of a sequence: the words one of which any match of it contains, or undefined when none is sure. */
type Guarantee = readonly string[] | undefined;

interface Parser {
  readonly source: string;
  index: number;
}

/** Is the item just read repeated zero or more times (`?`, `*`, `{0,n}`)? Consumes the quantifier. */
function optionalQuantifier(parser: Parser): boolean {
  const rest = parser.source.slice(parser.index);
  const quantifier = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
  if (!quantifier) return false;
  parser.index += quantifier[0].length;
  if (quantifier[0].startsWith('+')) return false;
  if (quantifier[1] !== undefined) return Number(quantifier[1]) === 0;
  return true;
}

/** Read alternatives up to `)` or the end; the words one of which each alternative guarantees, if all do. */
function readAlternatives(parser: Parser): Guarantee | null {
  const alternatives: Guarantee[] = [];
  let best: Guarantee;
  let word = '';
  const endWord = () => {
    if (word.length >= 2 && (!best || word.length > Math.min(...best.map((item) => item.length)))) best = [word];
    word = '';
  };
  const { source } = parser;
  while (parser.index < source.length) {
    const char = source[parser.index];
    if (char === ')') break;
    if (char === '|') {
      endWord();
      alternatives.push(best);
      best = undefined;
      parser.index++;
      continue;
    }
    if (/[a-z]/.test(char)) {
      parser.index++;
      // A letter that may be absent ends the word before it (`exists?` guarantees "exist").
      const before = parser.index;
      if (optionalQuantifier(parser)) {
        endWord();
      } else {
        word += char;
        if (parser.index !== before) endWord();
      }
      continue;
    }
    endWord();
    if (char === '\\') {
      // An escape is never a letter of a word here (`\b`, `\w`, `\s`, `\d`, `\.`); `\uXXXX` and `\xXX` are skipped whole.
      const escape = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|[^])/.exec(source.slice(parser.index));
      if (!escape) return null;
      parser.index += escape[0].length;
      optionalQuantifier(parser);
      continue;
    }
    if (char === '[') {
      const cls = /^\[(?:\\[^]|[^\]\\])*\]/.exec(source.slice(parser.index));
      if (!cls) return null;
      parser.index += cls[0].length;
      optionalQuantifier(parser);
      continue;
    }
    if (char === '(') {
      const opening = /^\((?:\?(?:<?[=!]|:|<[a-zA-Z_]\w*>))?/.exec(source.slice(parser.index))![0];
      parser.index += opening.length;
      const inner = readAlternatives(parser);
      if (inner === null || source[parser.index] !== ')') return null;
      parser.index++;
      const lookaround = /^\(\?<?[=!]/.test(opening);
      const optional = optionalQuantifier(parser);
      if (!lookaround && !optional && inner && (!best || Math.min(...inner.map((item) => item.length)) > Math.min(...best.map((item) => item.length)))) best = inner;
      continue;
    }
    // Anything else (`.`, `^`, `$`, a space, a digit, punctuation) is matched but holds no letter of a word.
    parser.index++;
    optionalQuantifier(parser);
  }
  endWord();
  alternatives.push(best);
  if (alternatives.some((alternative) => alternative === undefined)) return undefined;
  return [...new Set(alternatives.flatMap((alternative) => alternative!))];
}

/**
 * The words one of which every match of `re` contains, or undefined when the source does not say (then the pattern
 * must always run). Only for patterns matched against lower-case text without the `i` flag.
 */
export function requiredWords(re: RegExp): readonly string[] | undefined {
  if (re.flags.includes('i')) return undefined;
  const parser: Parser = { source: re.source, index: 0 };
  const words = readAlternatives(parser);
  if (!words || parser.index !== re.source.length) return undefined;
  return words;
}

const gates = new WeakMap<RegExp, readonly string[] | null>();

/** `re.exec(text)`, skipped (null) when the text lacks every word a match needs. For non-global expressions. */
export function gatedExec(re: RegExp, text: string): RegExpExecArray | null {
  let gate = gates.get(re);
  if (gate === undefined) {
    gate = requiredWords(re) ?? null;
    gates.set(re, gate);
  }
  if (gate && !gate.some((word) => text.includes(word))) return null;
  return re.exec(text);
}
