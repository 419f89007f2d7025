// A worker thread's side of parallel linting: lint the sources it is given and post the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { lintSourcesRun, type LintOptions, type SourceInput } from './lint.js';

const { sources, options } = workerData as { sources: SourceInput[]; options: LintOptions };
lintSourcesRun(sources, options).then(
  (run) => parentPort!.postMessage({ ok: true, ...run }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
