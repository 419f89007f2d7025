// A cheap test that a pattern cannot match a text, so that its regular expression is not run (nor compiled, which is
// most of the cost of classifying the few distinct texts of a description: 213 patterns, ~100 ms on first use).
//
// From a pattern's source, find words that every match must contain: a run of literal letters that is not optional,
// or a group whose every alternative has one. A text that contains none of one such set of words cannot match. The
// reading is conservative: anything it does not understand gives no gate, and the pattern always runs.

/** Word sets a match must hit, all of them: in each set, one word at least (an AND of ORs). */
type Conjunction = readonly (readonly string[])[];

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

const shortest = (set: readonly string[]) => Math.min(...set.map((word) => word.length));

/** The set of a conjunction that says most (its shortest word the longest): what stands for it inside an alternation. */
function bestSet(conjunction: Conjunction): readonly string[] | undefined {
  let best: readonly string[] | undefined;
  for (const set of conjunction) if (!best || shortest(set) > shortest(best)) best = set;
  return best;
}

/**
 * Read alternatives up to `)` or the end. Each alternative is a conjunction of the word sets of its mandatory items;
 * several alternatives give one set, the union of each one's best set. Undefined: some alternative guarantees no word.
 * Null: the source is not understood.
 */
function readAlternatives(parser: Parser): Conjunction | undefined | null {
  const alternatives: Conjunction[] = [];
  let elements: (readonly string[])[] = [];
  let word = '';
  const endWord = () => {
    if (word.length >= 2) elements.push([word]);
    word = '';
  };
  const { source } = parser;
  while (parser.index < source.length) {
    const char = source[parser.index];
    if (char === ')') break;
    if (char === '|') {
      endWord();
      alternatives.push(elements);
      elements = [];
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
      if (!lookaround && !optional && inner) elements.push(...inner);
      continue;
    }
    // Anything else (`.`, `^`, `$`, a space, a digit, punctuation) is matched but holds no letter of a word.
    parser.index++;
    optionalQuantifier(parser);
  }
  endWord();
  alternatives.push(elements);
  if (alternatives.length === 1) return alternatives[0].length > 0 ? alternatives[0] : undefined;
  const sets = alternatives.map(bestSet);
  if (sets.some((set) => set === undefined)) return undefined;
  return [[...new Set(sets.flatMap((set) => set!))]];
}

/**
 * The word sets every match of `re` hits (one word of each set at least), or undefined when the source does not say
 * (then the pattern must always run). Only for patterns matched against lower-case text without the `i` flag.
 */
export function requiredWords(re: RegExp): Conjunction | undefined {
  if (re.flags.includes('i')) return undefined;
  const parser: Parser = { source: re.source, index: 0 };
  const conjunction = readAlternatives(parser);
  if (!conjunction || parser.index !== re.source.length) return undefined;
  // The two sets that say most are enough: more tests cost more than they save.
  return [...conjunction].sort((a, b) => shortest(b) - shortest(a)).slice(0, 2);
}

/** Does the text hit every set of the conjunction? */
export function mayMatch(conjunction: Conjunction, text: string): boolean {
  return conjunction.every((set) => set.some((word) => text.includes(word)));
}

const gates = new WeakMap<RegExp, Conjunction | null>();

/** `re.exec(text)`, skipped (null) when the text lacks every word a match needs. For non-global expressions. */
export function gatedExec(re: RegExp, text: string): RegExpExecArray | null {
  let gate = gates.get(re);
  if (gate === undefined) {
    gate = requiredWords(re) ?? null;
    gates.set(re, gate);
  }
  if (gate && !mayMatch(gate, text)) return null;
  return re.exec(text);
}
