// A worker thread's side of parallel linting: lint the sources it is given and post the results back.
import { releaseMemoryBetweenDocuments } from './memory.js';
import { parentPort, workerData } from 'node:worker_threads';
import { lintSourcesRun, type LintOptions, type SourceInput } from './lint.js';

const { sources, options, releaseMemory } = workerData as { sources: SourceInput[]; options: LintOptions; releaseMemory?: boolean };
lintSourcesRun(sources, releaseMemory ? { ...options, afterDocument: releaseMemoryBetweenDocuments } : options).then(
  (run) => parentPort!.postMessage({ ok: true, ...run }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
