// The gate that skips a pattern whose required words a text lacks: sound (never skips a pattern that would match).
import { describe, expect, it } from 'vitest';
import { GateIndex, gatedExec, mayMatch, requiredWords } from '../src/regex-gate.js';

describe('requiredWords', () => {
  it('finds words every match holds, and gives none when a match can avoid them all', () => {
    // Every set must be hit (one word of each): "no" and one of "found"/"exist".
    expect(requiredWords(/\bno (?:[\w-]+ ){1,2}(?:found|exists?)\b/)).toEqual([['found', 'exist'], ['no']]);
    expect(requiredWords(/^(?:invalid|forbidden)\b/)).toEqual([['invalid', 'forbidden']]);
    expect(requiredWords(/colou?r/)).toEqual([['colo']]);
    expect(requiredWords(/\bcancel+ed\b/)).toEqual([['cancel'], ['ed']]);
    // An optional group, a branch of digits, an empty branch, the `i` flag: no sure word.
    expect(requiredWords(/(?:already )?\d+/)).toBeUndefined();
    expect(requiredWords(/(?:foo|\d+)/)).toBeUndefined();
    expect(requiredWords(/(?:foo|)/)).toBeUndefined();
    expect(requiredWords(/already/i)).toBeUndefined();
    // Words inside a lookaround are not matched; words after an optional letter are cut there.
    expect(requiredWords(/(?<!who )already (?:exists?|taken)/)).toEqual([['already'], ['exist', 'taken']]);
  });

  it('never skips a text that matches', () => {
    const patterns = [/\bno (?:[\w-]+ ){1,2}(?:found|exists?)\b/, /\b(?:is|are) (?:not )?(?:allowed|permitted)\b/, /colou?r/, /\bcancel+ed\b/, /(?:duplicate|already) (?:key|entry)/];
    const texts = ['no user found', 'no such thing exist', 'it is allowed', 'are not permitted', 'color', 'colour', 'cancelled', 'canceled', 'duplicate key', 'already entry'];
    for (const re of patterns) for (const text of texts) expect(gatedExec(re, text)?.[0], `${re} on ${text}`).toBe(re.exec(text)?.[0]);
  });
});

describe('GateIndex', () => {
  const patterns = [
    /\bno (?:[\w-]+ ){1,2}(?:found|exists?)\b/,
    /\b(?:is|are) (?:not )?(?:allowed|permitted)\b/,
    /colou?r/,
    /\bcancel+ed\b/,
    /(?:duplicate|already) (?:key|entry)/,
    /\d+/, // no word: always a candidate
    /\bnot (?:found|allowed)\b/,
  ];
  const gates = patterns.map((re) => requiredWords(re));
  const index = new GateIndex(gates);

  it('gives, in one scan, exactly the patterns whose gate a text passes, in pattern order', () => {
    const texts = ['no user found', 'it is not allowed', 'colour and color', 'cancelled', 'a duplicate entry', '', 'x', 'nothing here', 'already key not found', 'ARE allowed'];
    for (const text of texts) {
      const expected = gates.flatMap((gate, position) => (!gate || mayMatch(gate, text) ? [position] : []));
      expect(index.candidates(text), text).toEqual(expected);
    }
  });

  it('finds a word anywhere, also inside a longer word and at the end of the text', () => {
    expect(index.candidates('precancelled')).toContain(3);
    expect(index.candidates('the key is a duplicate key')).toContain(4);
    expect(index.candidates('foo')).toEqual([5]);
  });
});
