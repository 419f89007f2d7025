// The sarif format: a SARIF 2.1.0 log (one run) for code scanning; it validates against the official schema.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { LintMessage, LintResult } from '../results.js';
import type { FormatContext, FormatRuleMeta } from './index.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/status-lint/status-lint';
const SOURCE_ROOT = '%SRCROOT%';
/** The notification descriptor for problems of the input itself (messages whose ruleId is null). */
const INPUT_ERROR_ID = 'input-error';

type SarifLevel = 'error' | 'warning';

function level(severity: 1 | 2 | 'warn' | 'error'): SarifLevel {
  return severity === 2 || severity === 'error' ? 'error' : 'warning';
}

/** The base URI SARIF resolves relative artifact URIs against: a directory, so it ends with a slash. */
function sourceRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

// Relative to %SRCROOT% when the file is under cwd, so the log is portable across checkouts; each segment is
// percent-encoded because SARIF URIs must be valid URI references (spaces, `#`, `%` in names).
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!path.isAbsolute(filePath)) return { uri: filePath.split(/[\\/]/).map(encodeURIComponent).join('/') };
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function location(filePath: string, message: LintMessage, cwd: string): Location {
  const region = {
    startLine: Math.max(message.line, 1),
    startColumn: Math.max(message.column, 1),
    ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
    ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
  };
  return {
    physicalLocation: { artifactLocation: artifactLocation(filePath, cwd), region },
    ...(message.pointer ? { logicalLocations: [{ fullyQualifiedName: message.pointer, kind: 'member' }] } : {}),
  };
}

/** The first paragraph of a rule page after its title and one-line description: what the rule is about. */
function firstParagraphs(page: string): string | undefined {
  const paragraphs = page
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph && !paragraph.startsWith('#') && !paragraph.startsWith('**Presets'));
  return paragraphs.length > 1 ? paragraphs.slice(1, 2).join('\n\n').replace(/\s*\n\s*/g, ' ') : undefined;
}

function reportingDescriptor(rule: FormatRuleMeta): ReportingDescriptor {
  const full = rule.help ? firstParagraphs(rule.help) : undefined;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: full ?? rule.description },
    // GitHub code scanning shows `help` in its rule panel; the page itself, in Markdown, with a plain-text fallback.
    help: rule.help ? { text: `${rule.description} See ${rule.docsUrl}`, markdown: rule.help } : { text: `${rule.description} See ${rule.docsUrl}` },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

export function formatSarif(results: readonly LintResult[], context: FormatContext): string {
  const rules: ReportingDescriptor[] = context.rules.map(reportingDescriptor);
  const ruleIndexes = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const sarifResults: Result[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    for (const message of [...result.messages, ...(result.suppressedMessages ?? [])]) {
      if (message.ruleId === null) {
        // The input could not be read as intended: that is about the tool's run, not a finding in the code.
        notifications.push({
          descriptor: { id: INPUT_ERROR_ID, index: 0 },
          level: level(message.severity),
          message: { text: message.message },
          locations: [location(result.filePath, message, context.cwd)],
        });
        continue;
      }
      let ruleIndex = ruleIndexes.get(message.ruleId);
      if (ruleIndex === undefined) {
        // A rule the caller did not describe still gets a descriptor, so that ruleIndex always points somewhere.
        ruleIndex = rules.length;
        ruleIndexes.set(message.ruleId, ruleIndex);
        rules.push({ id: message.ruleId, ...(message.docsUrl ? { helpUri: message.docsUrl } : {}) });
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex,
        level: level(message.severity),
        message: { text: message.message },
        locations: [location(result.filePath, message, context.cwd)],
        ...(message.suggestion ? { properties: { suggestion: message.suggestion } } : {}),
        // Silenced in the spec with a reason: code scanning shows it as suppressed, not as an alert.
        ...(message.suppressions?.length ? { suppressions: message.suppressions.map((item) => ({ kind: 'inSource' as const, justification: item.justification })) } : {}),
      });
    }
  }
  const fatal = results.some((result) => result.fatalErrorCount > 0);
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oas-status-lint',
            informationUri: INFORMATION_URI,
            version: context.toolVersion,
            rules,
            notifications: [
              {
                id: INPUT_ERROR_ID,
                shortDescription: { text: 'The input could not be read, parsed or resolved (a YAML/JSON syntax error, a missing $ref target).' },
                defaultConfiguration: { level: 'error' },
              },
            ],
          },
        },
        invocations: [{ executionSuccessful: !fatal, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: sourceRootUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
