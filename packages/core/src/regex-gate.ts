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

// Read at the parser's index (sticky), never on a copy of the rest of the source: a copy per character made reading
// the 213 patterns' sources cost ~25 ms.
const QUANTIFIER = /(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/y;
const ESCAPE = /\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|[^])/y;
const CHARACTER_CLASS = /\[(?:\\[^]|[^\]\\])*\]/y;
const GROUP_OPENING = /\((?:\?(?:<?[=!]|:|<[a-zA-Z_]\w*>))?/y;

/** `sticky` matched at the parser's index, or null. */
function readAt(sticky: RegExp, parser: Parser): RegExpExecArray | null {
  sticky.lastIndex = parser.index;
  return sticky.exec(parser.source);
}

/** Is the item just read repeated zero or more times (`?`, `*`, `{0,n}`)? Consumes the quantifier. */
function optionalQuantifier(parser: Parser): boolean {
  const quantifier = readAt(QUANTIFIER, parser);
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
    if (char >= 'a' && char <= 'z') {
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
      const escape = readAt(ESCAPE, parser);
      if (!escape) return null;
      parser.index += escape[0].length;
      optionalQuantifier(parser);
      continue;
    }
    if (char === '[') {
      const cls = readAt(CHARACTER_CLASS, parser);
      if (!cls) return null;
      parser.index += cls[0].length;
      optionalQuantifier(parser);
      continue;
    }
    if (char === '(') {
      const opening = readAt(GROUP_OPENING, parser)![0];
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

/**
 * Many patterns' gates, read in one scan of a text: the words of every gate are indexed by their first two letters,
 * so a text is read once, position by position, instead of once per gate word (937 words in the 250 patterns of the
 * text classifier: testing each with `includes` was most of the cost of classifying a description).
 */
export class GateIndex {
  /** Gate words by the char codes of their first two letters. */
  private readonly wordsByPrefix = new Map<number, string[]>();
  /** The patterns whose first word set holds each word: a pattern is a candidate once a word of that set is found. */
  private readonly patternsByFirstWord = new Map<string, number[]>();
  /** Patterns with no gate: they always run. */
  private readonly ungated: number[] = [];

  constructor(private readonly gates: readonly (Conjunction | undefined)[]) {
    gates.forEach((gate, index) => {
      if (!gate || gate.length === 0) {
        this.ungated.push(index);
        return;
      }
      for (const word of new Set(gate.flat())) {
        const prefix = word.charCodeAt(0) * 65536 + word.charCodeAt(1);
        const words = this.wordsByPrefix.get(prefix);
        if (!words) this.wordsByPrefix.set(prefix, [word]);
        else if (!words.includes(word)) words.push(word);
      }
      for (const word of new Set(gate[0])) {
        const patterns = this.patternsByFirstWord.get(word);
        if (patterns) patterns.push(index);
        else this.patternsByFirstWord.set(word, [index]);
      }
    });
  }

  /** The indexes, ascending, of the patterns whose gate `text` passes (`mayMatch` of each gate, in one scan). */
  candidates(text: string): number[] {
    const present = new Set<string>();
    for (let index = 0; index + 1 < text.length; index++) {
      const words = this.wordsByPrefix.get(text.charCodeAt(index) * 65536 + text.charCodeAt(index + 1));
      if (words) for (const word of words) if (text.startsWith(word, index)) present.add(word);
    }
    const found = new Set<number>(this.ungated);
    for (const word of present) {
      for (const index of this.patternsByFirstWord.get(word) ?? []) {
        if (found.has(index)) continue;
        if (this.gates[index]!.every((set, position) => position === 0 || set.some((other) => present.has(other)))) found.add(index);
      }
    }
    return [...found].sort((a, b) => a - b);
  }
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
