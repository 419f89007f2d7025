// The classifier reads text from strangers (descriptions, string literals): its cost must grow with the length of the
// text, not its square. Each hostile text of 100,000 characters is classified within a loose bound (about 10x the
// time it takes here), which a quadratic pattern misses by minutes.
import { describe, expect, it } from 'vitest';
import { classifyText, normalizeText } from '../src/vocabulary.js';

const UNITS = [' ', '[', '[](', "a'", 'a-', 'a.', 'a/', 'a:', 'aB', '5 ', '500 ', '401 ', 'a ', 'ab-cd ', 'not ', 'is not ', 'a, ', 'service ', "can't ", 'already ', 'returned ', 'provider ', 'permission ', '403 is returned ', 'upstream ', 'a | ', '_a'];

describe('classification of hostile text', () => {
  it.each(UNITS)('100,000 characters of %j', (unit) => {
    const text = `insufficient ${unit.repeat(Math.ceil(100_000 / unit.length))} permissions`;
    const started = performance.now();
    classifyText(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('normalizes pipes and markdown links as before', () => {
    expect(normalizeText('a | b')).toBe('a; b');
    expect(normalizeText('see [the docs](https://x.test) now')).toBe('see the docs now');
    expect(normalizeText('[a [b](c)')).toBe('a b');
  });
});
