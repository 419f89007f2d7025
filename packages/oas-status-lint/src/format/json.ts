// The json format: ESLint's JSON output shape, so tools that read ESLint results read ours.
import type { LintResult } from '../results.js';
import type { FormatContext } from './index.js';

export function formatJson(results: readonly LintResult[], _context: FormatContext): string {
  // ESLint always writes these fields; readers of its output (annotators, dashboards) index into them.
  const eslintShaped = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages,
    suppressedMessages: result.suppressedMessages ?? [],
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  }));
  return JSON.stringify(eslintShaped);
}
