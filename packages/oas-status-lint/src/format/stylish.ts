// The stylish format: ESLint's human-readable report, one block a file, the docs of each rule once, a summary.
import type { LintMessage, LintResult } from '../results.js';
import { displayPath } from './display-path.js';
import { escapeControlCharacters } from './control-characters.js';
import { painter, type Painter } from './ansi.js';
import type { FormatContext } from './index.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Columns are padded before coloring: escape codes would otherwise count towards the width.
function fileBlock(result: LintResult, context: FormatContext, paint: Painter): string {
  const rows = result.messages.map((message: LintMessage) => ({
    position: `${message.line}:${message.column}`,
    severity: message.severity === 2 ? 'error' : 'warning',
    // A message is one row; a newline inside it would break the columns.
    text: escapeControlCharacters(message.message.replace(/\s*\r?\n\s*/g, ' ')),
    ruleId: message.ruleId ?? '',
    column: message.column,
    pointer: message.pointer,
  }));
  // A loop, not Math.max(...rows): a spread of 125,000 values overflows the stack.
  let positionWidth = 0;
  let severityWidth = 0;
  let textWidth = 0;
  for (const row of rows) {
    positionWidth = Math.max(positionWidth, row.position.length);
    severityWidth = Math.max(severityWidth, row.severity.length);
    textWidth = Math.max(textWidth, row.text.length);
  }
  const lines = [paint.underline(escapeControlCharacters(displayPath(result.filePath, context.cwd)))];
  for (const row of rows) {
    const severity = row.severity.padEnd(severityWidth);
    const rule = row.ruleId ? `  ${paint.dim(row.ruleId)}` : '';
    lines.push(
      `  ${paint.dim(row.position.padEnd(positionWidth))}  ${row.severity === 'error' ? paint.red(severity) : paint.yellow(severity)}  ${
        rule ? row.text.padEnd(textWidth) : row.text
      }${rule}`,
    );
    // A one-line (minified) JSON file puts every finding at line 1: its pointer is the place a reader can find.
    if (row.pointer && row.column > POINTER_AFTER_COLUMN) lines.push(`  ${' '.repeat(positionWidth)}  ${' '.repeat(severityWidth)}  ${paint.dim(`at ${escapeControlCharacters(row.pointer)}`)}`);
  }
  return lines.join('\n');
}

/** Past this column a line:column is no place to look for in an editor; the JSON pointer is shown too. */
const POINTER_AFTER_COLUMN = 200;

/** The docs of each rule that has a finding, once, under the report (ESLint prints none; one line each is enough). */
function docsBlock(results: readonly LintResult[], context: FormatContext, paint: Painter): string {
  const docsUrls = new Map(context.rules.map((rule) => [rule.id, rule.docsUrl]));
  const seen = new Map<string, string>();
  for (const result of results) {
    for (const message of result.messages) {
      const url = message.docsUrl ?? (message.ruleId ? docsUrls.get(message.ruleId) : undefined);
      if (message.ruleId && url && !seen.has(message.ruleId)) seen.set(message.ruleId, url);
    }
  }
  if (seen.size === 0) return '';
  const width = Math.max(...[...seen.keys()].map((id) => id.length));
  return `\n\n${[...seen].map(([id, url]) => `  ${id.padEnd(width)}  ${paint.dim(url)}`).join('\n')}`;
}

export function formatStylish(results: readonly LintResult[], context: FormatContext): string {
  const withMessages = results.filter((result) => result.messages.length > 0);
  if (withMessages.length === 0) return '';
  const paint = painter(context.color);
  const errors = withMessages.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = withMessages.reduce((sum, result) => sum + result.warningCount, 0);
  const summary = `\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const blocks = withMessages.map((result) => fileBlock(result, context, paint));
  return `\n${blocks.join('\n\n')}${docsBlock(withMessages, context, paint)}\n\n${paint.bold(errors > 0 ? paint.red(summary) : paint.yellow(summary))}\n`;
}
