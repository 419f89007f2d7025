// Lint many documents on several threads: the work is split by file, and results for shared files are merged.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintSources, type LintOptions, type SourceInput } from './lint.js';
import { toResult, type LintMessage, type LintResult } from './results.js';

/** Below this many documents, starting threads costs more than it saves. */
const MIN_SOURCES_FOR_THREADS = 8;

function runWorker(sources: readonly SourceInput[], options: LintOptions): Promise<LintResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { sources, options } });
    worker.once('message', (reply: { ok: true; results: LintResult[] } | { ok: false; message: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.results);
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
      for (const message of result.messages) messages.set(`${message.ruleId}\0${message.line}\0${message.column}\0${message.message}`, message);
      byFile.set(result.filePath, messages);
    }
  }
  return [...byFile].map(([file, messages]) => toResult(file, [...messages.values()]));
}

/** Like `lintSources`, on worker threads when there are enough documents and cores. */
export async function lintInParallel(sources: readonly SourceInput[], options: LintOptions = {}, threads = availableParallelism()): Promise<LintResult[]> {
  const count = Math.min(threads, Math.ceil(sources.length / (MIN_SOURCES_FOR_THREADS / 2)));
  // A project is read once for all specs: one thread.
  if (count < 2 || sources.length < MIN_SOURCES_FOR_THREADS || options.readFile || options.project) return lintSources(sources, options);
  const chunks: SourceInput[][] = Array.from({ length: count }, () => []);
  sources.forEach((source, index) => chunks[index % count].push(source));
  const runs = await Promise.all(chunks.map((chunk) => runWorker(chunk, options)));
  // Restore the order the user gave: results follow the first chunk that reported each file.
  const order = new Map(sources.map((source, index) => [source.file, index]));
  const merged = mergeResults(runs);
  return merged.sort((a, b) => (order.get(a.filePath) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.filePath) ?? Number.MAX_SAFE_INTEGER));
}
