// The junit format: JUnit XML, one testsuite a file and one failing testcase a message, for CI test-report views.
import type { LintMessage, LintResult } from '../results.js';
import { displayPath } from './display-path.js';
import { escapeControlCharacters } from './control-characters.js';
import type { FormatContext } from './index.js';

// XML 1.0 forbids most control characters even as character references: they are written as visible escapes.
const NOT_XML = /[\uFFFE\uFFFF]/g;

function escapeText(text: string): string {
  return escapeControlCharacters(text).replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Parsers normalize raw newlines and tabs in attribute values to spaces; references keep them.
function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

function testcase(file: string, message: LintMessage, context: FormatContext): string {
  const ruleId = message.ruleId ?? 'input-error';
  const docsUrl = message.docsUrl ?? context.rules.find((rule) => rule.id === message.ruleId)?.docsUrl;
  const details = [
    `${file}:${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warning'} ${message.message}`,
    message.pointer ? `pointer: ${message.pointer}` : undefined,
    docsUrl ? `docs: ${docsUrl}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const name = `${ruleId} at ${message.line}:${message.column}${message.pointer ? ` ${message.pointer}` : ''}`;
  return [
    `    <testcase${attributes({ classname: file, name })}>`,
    `      <failure${attributes({ message: message.message, type: ruleId })}>${escapeText(details.join('\n'))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function testsuite(result: LintResult, context: FormatContext): string {
  const file = displayPath(result.filePath, context.cwd);
  const cases =
    result.messages.length > 0
      ? result.messages.map((message) => testcase(file, message, context))
      : // A clean file is a passing test, so the report lists every file that was linted.
        [`    <testcase${attributes({ classname: file, name: 'oas-status-lint' })} />`];
  const counts = { tests: cases.length, failures: result.messages.length, errors: 0 };
  return [`  <testsuite${attributes({ name: file, ...counts })}>`, ...cases, '  </testsuite>'].join('\n');
}

export function formatJunit(results: readonly LintResult[], context: FormatContext): string {
  const tests = results.reduce((sum, result) => sum + Math.max(result.messages.length, 1), 0);
  const failures = results.reduce((sum, result) => sum + result.messages.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'oas-status-lint', tests, failures, errors: 0 })}>`,
    ...results.map((result) => testsuite(result, context)),
    '</testsuites>',
    '',
  ].join('\n');
}
