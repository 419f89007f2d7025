// The github format: GitHub Actions workflow commands, which the runner turns into annotations on the changed files.
import type { LintResult } from '../results.js';
import { displayPath } from './display-path.js';
import { escapeControlCharacters } from './control-characters.js';
import type { FormatContext } from './index.js';

// The escaping of @actions/core's command.ts: the runner decodes exactly these.
function escapeData(text: string): string {
  return escapeControlCharacters(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[], context: FormatContext): string {
  const commands: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) {
      const properties: [string, string | number | undefined][] = [
        ['file', file],
        ['line', message.line],
        ['col', message.column],
        ['endLine', message.endLine],
        ['endColumn', message.endColumn],
        ['title', message.ruleId ?? 'oas-status-lint'],
      ];
      const written = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
        .join(',');
      commands.push(`::${message.severity === 2 ? 'error' : 'warning'} ${written}::${escapeData(message.message)}`);
    }
  }
  return commands.length > 0 ? `${commands.join('\n')}\n` : '';
}
