// Baselines for adopting the linter on legacy specs: record today's findings, then report only new ones and what got fixed.
import { relative, resolve } from 'node:path';
import { toResult, type LintResult } from './results.js';

/**
 * One recorded finding, keyed so that it survives lines moving: rule, file and, in a spec, the JSON pointer of the
 * response; in code (`--project`), the finding's message, which names the route and status rather than a line.
 */
export interface BaselineEntry {
  readonly ruleId: string;
  /** Relative to the baseline file's folder, with forward slashes. */
  readonly file: string;
  readonly pointer?: string;
  readonly message?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly entries: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const keyOf = (entry: BaselineEntry) => `${entry.ruleId}\0${entry.file}\0${entry.pointer ?? ''}\0${entry.pointer === undefined ? entry.message ?? '' : ''}`;

function entriesOf(results: readonly LintResult[], baseDir: string): { entry: BaselineEntry; result: LintResult; index: number }[] {
  const found: { entry: BaselineEntry; result: LintResult; index: number }[] = [];
  for (const result of results) {
    const file = relative(baseDir, resolve(result.filePath)).split('\\').join('/');
    result.messages.forEach((message, index) => {
      if (!message.ruleId) return;
      found.push({ entry: message.pointer ? { ruleId: message.ruleId, file, pointer: message.pointer } : { ruleId: message.ruleId, file, message: message.message }, result, index });
    });
  }
  return found;
}

/** The baseline of these results: every rule finding (spec or code), sorted for stable diffs. */
export function createBaseline(results: readonly LintResult[], baseDir: string): Baseline {
  const entries = entriesOf(results, baseDir).map((item) => item.entry);
  entries.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { version: 1, entries };
}

/** Read a baseline file's text; a bad one is an error the user can fix. */
export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const entries = (value as { entries?: unknown })?.entries;
  if ((value as { version?: unknown })?.version !== 1 || !Array.isArray(entries)) throw new BaselineError(`${file}: not a baseline (expected { "version": 1, "entries": [...] })`);
  for (const entry of entries) {
    const item = entry as Partial<BaselineEntry>;
    if (typeof item?.ruleId !== 'string' || typeof item.file !== 'string' || (typeof item.pointer !== 'string' && typeof item.message !== 'string')) {
      throw new BaselineError(`${file}: each entry needs "ruleId" and "file", and a "pointer" (spec) or a "message" (code) string`);
    }
  }
  return { version: 1, entries: entries as BaselineEntry[] };
}

/** Drop findings the baseline knows (each entry silences one), and list the entries nothing matched any more. */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, baseDir: string): { results: LintResult[]; fixed: BaselineEntry[] } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) remaining.set(keyOf(entry), [...(remaining.get(keyOf(entry)) ?? []), entry]);
  const silenced = new Map<LintResult, Set<number>>();
  for (const { entry, result, index } of entriesOf(results, baseDir)) {
    const left = remaining.get(keyOf(entry));
    if (!left || left.length === 0) continue;
    left.pop();
    const indexes = silenced.get(result) ?? new Set<number>();
    indexes.add(index);
    silenced.set(result, indexes);
  }
  const filtered = results.map((result) => {
    const indexes = silenced.get(result);
    return indexes ? toResult(result.filePath, [...result.messages.filter((_, index) => !indexes.has(index)), ...result.suppressedMessages]) : result;
  });
  return { results: filtered, fixed: [...remaining.values()].flat() };
}
