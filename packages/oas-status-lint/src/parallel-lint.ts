// Lint many documents on several threads: the work is split by file, and results for shared files are merged.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { lintSourcesRun, type LintOptions, type LintRun, type SourceInput } from './lint.js';
import { toResult, type LintMessage, type LintResult } from './results.js';

/** Below this many documents, starting threads costs more than it saves. */
const MIN_SOURCES_FOR_THREADS = 8;
/**
 * A thread starts in about 0.15 s (its modules load again) and lints about 25 MB a second: below this much input
 * per extra thread it cannot win that back. Measured: on 2 cores, 200 specs (80 MB) ran 1.15x to 1.62x slower on two
 * threads than on one, as the garbage collector's own threads already use the second core.
 */
const BYTES_PER_THREAD = 24 * 1024 * 1024;
/** Cores left to the main thread's garbage collector and to the system: threads pay only beyond them. */
const RESERVED_CORES = 1;

/** How many threads this work and these cores pay for (1: lint on the main thread). */
export function threadsFor(sources: number, bytes: number, cores: number): number {
  if (sources < MIN_SOURCES_FOR_THREADS) return 1;
  const spare = cores - RESERVED_CORES;
  if (spare < 2) return 1;
  return Math.max(1, Math.min(spare, Math.floor(bytes / BYTES_PER_THREAD), Math.ceil(sources / (MIN_SOURCES_FOR_THREADS / 2))));
}

async function runWorker(sources: readonly SourceInput[], options: LintOptions): Promise<LintRun> {
  // Threads load only where the work is split among them (never on two cores).
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    // A function does not cross to a thread: the worker returns memory between documents on its own.
    const { afterDocument, ...cloneable } = options;
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { sources, options: cloneable, releaseMemory: afterDocument !== undefined } });
    worker.once('message', (reply: ({ ok: true } & LintRun) | { ok: false; message: string }) => {
      void worker.terminate();
      if (reply.ok) resolve({ results: reply.results, inputs: reply.inputs });
      else reject(new Error(reply.message));
    });
    worker.once('error', reject);
  });
}

/** Results of several runs, one per file in first-seen order, each message once (shared `$ref` targets). */
export function mergeResults(runs: readonly (readonly LintResult[])[]): LintResult[] {
  const byFile = new Map<string, Map<string, LintMessage>>();
  for (const results of runs) {
    for (const result of results) {
      const messages = byFile.get(result.filePath) ?? new Map<string, LintMessage>();
      for (const message of [...result.messages, ...(result.suppressedMessages ?? [])]) messages.set(`${message.ruleId}\0${message.line}\0${message.column}\0${message.message}`, message);
      byFile.set(result.filePath, messages);
    }
  }
  return [...byFile].map(([file, messages]) => toResult(file, [...messages.values()]));
}

/** Split sources into `count` shares of about equal bytes, biggest first, each to the lightest share so far. */
interface SizedSource {
  readonly source: SourceInput;
  readonly size: number;
}

function sizesOf(sources: readonly SourceInput[]): Promise<SizedSource[]> {
  return Promise.all(sources.map(async (source) => ({ source, size: source.text?.length ?? source.bytes?.length ?? (await stat(source.file).then((info) => info.size, () => 0)) })));
}

function balancedChunks(sized: SizedSource[], count: number): SourceInput[][] {
  sized.sort((a, b) => b.size - a.size);
  const chunks = Array.from({ length: count }, () => ({ sources: [] as SourceInput[], bytes: 0 }));
  for (const { source, size } of sized) {
    const lightest = chunks.reduce((best, chunk) => (chunk.bytes < best.bytes ? chunk : best));
    lightest.sources.push(source);
    lightest.bytes += size;
  }
  return chunks.map((chunk) => chunk.sources).filter((chunk) => chunk.length > 0);
}

/** Like `lintSources`, on worker threads when there are enough documents and cores. */
export async function lintInParallel(sources: readonly SourceInput[], options: LintOptions = {}, threads?: number): Promise<LintResult[]> {
  return (await lintRunInParallel(sources, options, threads)).results;
}

/**
 * Like `lintInParallel`, and also which files were read. `threads` forces a number of threads (tests, callers that
 * know their machine); by default the work and the cores decide (`threadsFor`), never more threads than pay.
 */
export async function lintRunInParallel(sources: readonly SourceInput[], options: LintOptions = {}, threads?: number): Promise<LintRun> {
  // A project is read once for all specs: one thread.
  if (sources.length < MIN_SOURCES_FOR_THREADS || options.readFile || options.project) return lintSourcesRun(sources, options);
  const sized = await sizesOf(sources);
  const count = threads !== undefined ? Math.min(threads, Math.ceil(sources.length / (MIN_SOURCES_FOR_THREADS / 2))) : threadsFor(sources.length, sized.reduce((sum, item) => sum + item.size, 0), availableParallelism());
  if (count < 2) return lintSourcesRun(sources, options);
  const chunks = balancedChunks(sized, count);
  // The main thread takes the first share itself: it would otherwise sit idle while the workers start.
  // A worker that dies (a resource limit) hands its share back to this thread, where each file has its own guard.
  const runs = await Promise.all(chunks.map((chunk, index) => (index === 0 ? lintSourcesRun(chunk, options) : runWorker(chunk, options).catch(() => lintSourcesRun(chunk, options)))));
  // Restore the order the user gave: results follow the first chunk that reported each file.
  const order = new Map(sources.map((source, index) => [source.file, index]));
  const merged = mergeResults(runs.map((run) => run.results));
  merged.sort((a, b) => (order.get(a.filePath) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.filePath) ?? Number.MAX_SAFE_INTEGER));
  return { results: merged, inputs: [...new Set(runs.flatMap((run) => run.inputs))] };
}
