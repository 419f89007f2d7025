// The junit format: JUnit XML, one testsuite a file and one testcase a message, for CI test-report views. A finding is a
// <failure>; an input the tool could not read (no rule) is an <error>, as JUnit tells a broken test from a failing one.
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
  const element = message.ruleId === null ? 'error' : 'failure';
  return [
    `    <testcase${attributes({ classname: file, name, time: 0 })}>`,
    `      <${element}${attributes({ message: message.message, type: ruleId })}>${escapeText(details.join('\n'))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

/** Input errors (no rule) and findings, counted apart. */
function countsOf(result: LintResult): { errors: number; failures: number } {
  const errors = result.messages.filter((message) => message.ruleId === null).length;
  return { errors, failures: result.messages.length - errors };
}

function testsuite(result: LintResult, context: FormatContext): string {
  const file = displayPath(result.filePath, context.cwd);
  const cases =
    result.messages.length > 0
      ? result.messages.map((message) => testcase(file, message, context))
      : // A clean file is a passing test, so the report lists every file that was linted.
        [`    <testcase${attributes({ classname: file, name: 'oas-status-lint', time: 0 })} />`];
  // Linting is one pass over all files: per-file time is not measured, and JUnit readers want the attribute.
  const counts = { tests: cases.length, ...countsOf(result), time: 0 };
  return [`  <testsuite${attributes({ name: file, ...counts })}>`, ...cases, '  </testsuite>'].join('\n');
}

export function formatJunit(results: readonly LintResult[], context: FormatContext): string {
  const tests = results.reduce((sum, result) => sum + Math.max(result.messages.length, 1), 0);
  const failures = results.reduce((sum, result) => sum + countsOf(result).failures, 0);
  const errors = results.reduce((sum, result) => sum + countsOf(result).errors, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'oas-status-lint', tests, failures, errors, time: context.seconds ?? 0 })}>`,
    ...results.map((result) => testsuite(result, context)),
    '</testsuites>',
    '',
  ].join('\n');
}
