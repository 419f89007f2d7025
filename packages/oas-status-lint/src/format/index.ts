// The output formats of the CLI: one pure function a format, from results to the text to print.
import type { LintResult } from '../results.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** What a rule says about itself, as `@status-lint/core` gives it in `rule.meta`. */
export interface FormatRuleMeta {
  readonly id: string;
  readonly description: string;
  readonly docsUrl: string;
  readonly defaultSeverity: 'warn' | 'error';
  /** The rule's page (Markdown), for formats that carry help with each rule (SARIF: GitHub's rule panel). */
  readonly help?: string;
}

/** What formatters need beyond the results; the caller supplies it so formatters stay pure. */
export interface FormatContext {
  /** Paths are shown relative to this directory. */
  readonly cwd: string;
  readonly toolVersion: string;
  readonly rules: readonly FormatRuleMeta[];
  /** ANSI colors; only the stylish format has any. */
  readonly color: boolean;
  /** How long the run took, for formats that report it (JUnit `time`). */
  readonly seconds?: number;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit';

export const formatters: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export const formatNames = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export { formatGithub, formatJson, formatJunit, formatSarif, formatStylish };
