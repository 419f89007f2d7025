// A long run returns the garbage of documents already linted once the heap has grown large (the peak stays at what
// the largest document needs), and does nothing below the threshold.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseMemoryBetweenDocuments } from '../src/memory.js';

describe('releaseMemoryBetweenDocuments', () => {
  it('collects the garbage of earlier documents when the heap is past its threshold', () => {
    let garbage: string[][] | undefined = [];
    for (let index = 0; index < 12; index++) garbage.push(Array.from({ length: 20_000 }, (_, item) => `${index}:${item}:${'x'.repeat(400)}`));
    const before = getHeapStatistics().used_heap_size;
    expect(before).toBeGreaterThan(64 * 1024 * 1024);
    garbage = undefined;
    // The threshold is lowered to keep the test small.
    releaseMemoryBetweenDocuments(48 * 1024 * 1024);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before / 2);
    expect(garbage).toBeUndefined();
  });
});
