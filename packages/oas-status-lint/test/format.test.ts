// The output formats on realistic results: positions, escaping, and a SARIF log checked against the official schema.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rules } from '@status-lint/core';
import { formatters, type FormatContext } from '../src/format/index.js';
import { toResult, type LintResult } from '../src/results.js';

const cwd = path.resolve('/work/project');
const usersSpec = path.join(cwd, 'specs', 'users.yaml');
const billingSpec = path.join(cwd, 'specs', 'billing api.json');
const cleanSpec = path.join(cwd, 'specs', 'health.yaml');

/** Quotes, a newline, markup characters, commas, colons and a percent sign: everything some format must escape. */
const trickyMessage = '429 without Retry-After: the description says "rate limited, retry later" <b>&</b>\nsecond line: 100% sure';
const forbiddenMessage = '401 Unauthorized sent when the description says "insufficient permissions". Use 403 Forbidden.';
const conflictMessage = '400 Bad Request used for a conflict with the current state: the description says "already exists". Use 409 Conflict.';

const results: LintResult[] = [
  toResult(usersSpec, [
    {
      ruleId: 'require-retry-after-on-429',
      severity: 1,
      message: trickyMessage,
      line: 30,
      column: 9,
      pointer: '/paths/~1users/post/responses/429',
      suggestion: { header: 'Retry-After', desc: 'Add a Retry-After header.' },
    },
    {
      ruleId: 'no-401-for-forbidden',
      severity: 2,
      message: forbiddenMessage,
      line: 14,
      column: 9,
      endLine: 14,
      endColumn: 14,
      pointer: '/paths/~1users~1{id}/delete/responses/401',
      suggestion: { status: 403, desc: 'Use 403 Forbidden.' },
    },
  ]),
  toResult(billingSpec, [
    {
      ruleId: 'no-400-for-semantic-error',
      severity: 2,
      message: conflictMessage,
      line: 5,
      column: 7,
      endLine: 7,
      endColumn: 8,
      pointer: '/paths/~1invoices/post/responses/400',
      suggestion: { status: 409, desc: 'Use 409 Conflict.' },
    },
  ]),
  toResult(cleanSpec, []),
];

const inputProblem: LintResult = toResult(path.join(cwd, 'specs', 'broken.yaml'), [
  { ruleId: null, severity: 2, message: 'cannot parse YAML: unexpected end of flow sequence', line: 3, column: 4, fatal: true },
]);

const context: FormatContext = {
  cwd,
  toolVersion: '0.1.0',
  rules: rules.map(({ meta }) => ({ id: meta.id, description: meta.description, docsUrl: meta.docsUrl, defaultSeverity: meta.defaultSeverity })),
  color: false,
};

const docsUrl = (ruleId: string): string => context.rules.find((rule) => rule.id === ruleId)!.docsUrl;

describe('stylish', () => {
  const output = formatters.stylish(results, context);
  const lines = output.split('\n');

  it('lists each file relative to cwd, then one aligned row a message with position, severity, message and rule', () => {
    expect(lines).toContain('specs/users.yaml');
    expect(lines).toContain('specs/billing api.json');
    expect(output).not.toContain('health.yaml');
    const forbiddenRow = lines.find((line) => line.includes('no-401-for-forbidden') && !line.includes('docs:'))!;
    expect(forbiddenRow).toMatch(/^ {2}14:9 {2}error {4}401 Unauthorized .* {2}no-401-for-forbidden$/);
    const retryRow = lines.find((line) => line.includes('require-retry-after-on-429') && !line.includes('docs:'))!;
    expect(retryRow).toMatch(/^ {2}30:9 {2}warning {2}429 without Retry-After: .*100% sure {2}require-retry-after-on-429$/);
    // The rule ids of one file start in one column.
    expect(forbiddenRow.indexOf('no-401')).toBe(retryRow.indexOf('require-'));
  });

  it('lists the docs of each rule once, under the report', () => {
    const docsRow = lines.findIndex((line) => line.includes(docsUrl('no-401-for-forbidden')));
    expect(lines[docsRow].trim().split(/\s+/)).toEqual(['no-401-for-forbidden', docsUrl('no-401-for-forbidden')]);
    expect(output.split(docsUrl('no-401-for-forbidden')).length).toBe(2);
    const forbiddenRow = lines.findIndex((line) => line.startsWith('  14:9'));
    expect(lines[forbiddenRow + 1]).not.toContain('docs:');
  });

  it('ends with the ESLint summary line and has no color unless asked', () => {
    expect(output.trimEnd().split('\n').at(-1)).toBe('\u2716 3 problems (2 errors, 1 warning)');
    expect(output).not.toContain('\u001b[');
    const colored = formatters.stylish(results, { ...context, color: true });
    expect(colored).toContain('\u001b[31merror');
    expect(colored).toContain('\u001b[33mwarning');
    // Without the escape codes, the colored report is the plain one.
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(output);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatters.stylish([toResult(cleanSpec, [])], context)).toBe('');
    expect(formatters.stylish([], context)).toBe('');
  });
});

describe('json', () => {
  const parsed = JSON.parse(formatters.json(results, context));

  it('is the ESLint results array with pointer and suggestion on each message', () => {
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toMatchObject({ filePath: usersSpec, errorCount: 1, warningCount: 1, fatalErrorCount: 0, fixableErrorCount: 0, suppressedMessages: [] });
    expect(parsed[0].messages[0]).toEqual({
      ruleId: 'no-401-for-forbidden',
      severity: 2,
      message: forbiddenMessage,
      line: 14,
      column: 9,
      endLine: 14,
      endColumn: 14,
      pointer: '/paths/~1users~1{id}/delete/responses/401',
      suggestion: { status: 403, desc: 'Use 403 Forbidden.' },
    });
    expect(parsed[0].messages[1].message).toBe(trickyMessage);
    expect(parsed[2]).toMatchObject({ filePath: cleanSpec, messages: [], errorCount: 0, warningCount: 0 });
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8')) as { $schema: string };
  // The schema the multitool ships has moved from draft-07 to 2020-12 over releases: pick the validator it names.
  const ajv = schema.$schema.includes('2020-12') ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);
  const validate = ajv.compile(schema as AnySchema);

  function expectValid(log: unknown): void {
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }

  const log = JSON.parse(formatters.sarif(results, context));
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
  });

  it('describes the tool and every rule with its docs link and default level', () => {
    expect(run.tool.driver).toMatchObject({ name: 'oas-status-lint', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules).toHaveLength(rules.length);
    expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'no-401-for-forbidden')).toMatchObject({
      shortDescription: { text: expect.any(String) },
      helpUri: docsUrl('no-401-for-forbidden'),
      defaultConfiguration: { level: 'error' },
    });
  });

  it('gives each result its rule index, level, message, position relative to %SRCROOT% and JSON pointer', () => {
    expect(run.results).toHaveLength(3);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const [forbidden, retry, conflict] = run.results;
    expect(forbidden).toMatchObject({
      ruleId: 'no-401-for-forbidden',
      level: 'error',
      message: { text: forbiddenMessage },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'specs/users.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 14, startColumn: 9, endLine: 14, endColumn: 14 },
          },
          logicalLocations: [{ fullyQualifiedName: '/paths/~1users~1{id}/delete/responses/401', kind: 'member' }],
        },
      ],
    });
    expect(retry).toMatchObject({ level: 'warning', message: { text: trickyMessage } });
    expect(retry.locations[0].physicalLocation.region).toEqual({ startLine: 30, startColumn: 9 });
    expect(conflict.locations[0].physicalLocation.artifactLocation.uri).toBe('specs/billing%20api.json');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(cwd).href}/`);
  });

  it('reports problems of the input as tool execution notifications, and the log still validates', () => {
    const withInputProblem = JSON.parse(formatters.sarif([...results, inputProblem], context));
    expectValid(withInputProblem);
    const invocation = withInputProblem.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: 'cannot parse YAML: unexpected end of flow sequence' },
        descriptor: { id: 'input-error', index: 0 },
      }),
    ]);
    expect(withInputProblem.runs[0].tool.driver.notifications[0].id).toBe('input-error');
    expect(withInputProblem.runs[0].results).toHaveLength(3);
  });

  it('validates with no results at all, and with a file outside cwd', () => {
    expectValid(JSON.parse(formatters.sarif([], context)));
    const outside = toResult(path.resolve('/elsewhere/api.yaml'), [{ ruleId: 'no-401-for-forbidden', severity: 2, message: 'm', line: 1, column: 1 }]);
    const outsideLog = JSON.parse(formatters.sarif([outside], context));
    expectValid(outsideLog);
    expect(outsideLog.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(path.resolve('/elsewhere/api.yaml')).href });
  });

  // The multitool also checks what a schema cannot (a ruleIndex inside driver.rules, regions that make sense).
  const multitool = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  it("passes the SARIF multitool's validate command without a finding", () => {
    // The package ships a self-contained Linux binary; npm may not keep its mode, so make sure it can run.
    chmodSync(multitool, 0o755);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'oas-status-lint-sarif-'));
    try {
      writeFileSync(path.join(directory, 'log.sarif'), formatters.sarif([...results, inputProblem], context));
      execFileSync(multitool, ['validate', path.join(directory, 'log.sarif'), '-o', path.join(directory, 'validation.sarif')], { stdio: 'pipe', timeout: 60000 });
      const validation = JSON.parse(readFileSync(path.join(directory, 'validation.sarif'), 'utf8'));
      const findings = validation.runs[0].results.map((result: { ruleId: string; message: unknown }) => `${result.ruleId} ${JSON.stringify(result.message)}`);
      expect(findings).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('github', () => {
  const commands = formatters.github(results, context).trimEnd().split('\n');

  it('writes one workflow command a message with file, positions and rule as title', () => {
    expect(commands).toHaveLength(3);
    expect(commands[0]).toBe(`::error file=specs/users.yaml,line=14,col=9,endLine=14,endColumn=14,title=no-401-for-forbidden::${forbiddenMessage}`);
    expect(commands[2]).toMatch(/^::error file=specs\/billing api\.json,line=5,col=7,endLine=7,endColumn=8,title=no-400-for-semantic-error::400 Bad Request/);
  });

  it('uses warning for severity 1 and escapes %, CR and LF in the message but not commas or colons', () => {
    expect(commands[1]).toBe(
      '::warning file=specs/users.yaml,line=30,col=9,title=require-retry-after-on-429::' +
        '429 without Retry-After: the description says "rate limited, retry later" <b>&</b>%0Asecond line: 100%25 sure',
    );
  });

  it('also escapes commas and colons in properties', () => {
    const odd = toResult(path.join(cwd, 'specs', 'v1,v2:beta%.yaml'), [{ ruleId: null, severity: 2, message: 'bad\r\nfile', line: 1, column: 1 }]);
    expect(formatters.github([odd], context)).toBe('::error file=specs/v1%2Cv2%3Abeta%25.yaml,line=1,col=1,title=oas-status-lint::bad%0D%0Afile\n');
  });

  it('prints nothing without messages', () => {
    expect(formatters.github([toResult(cleanSpec, [])], context)).toBe('');
  });
});

describe('junit', () => {
  const xml = formatters.junit([...results, inputProblem], context);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  const document = parser.parse(xml);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
  });

  it('has one testsuite a file with counts, a failing testcase a message and a passing one for a clean file', () => {
    const suites = document.testsuites.testsuite;
    // The broken file's input error is an <error>, not a failed test; every suite and case has a `time`.
    expect(document.testsuites).toMatchObject({ name: 'oas-status-lint', tests: '5', failures: '3', errors: '1', time: '0' });
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual(['specs/users.yaml', 'specs/billing api.json', 'specs/health.yaml', 'specs/broken.yaml']);
    expect(suites[0]).toMatchObject({ tests: '2', failures: '2' });
    expect(suites[2]).toMatchObject({ tests: '1', failures: '0' });
    expect(suites[2].testcase[0].failure).toBeUndefined();
    expect(suites[0].testcase[0]).toMatchObject({
      classname: 'specs/users.yaml',
      name: 'no-401-for-forbidden at 14:9 /paths/~1users~1{id}/delete/responses/401',
      failure: { type: 'no-401-for-forbidden' },
    });
    expect(suites[0].testcase[0].failure['#text']).toContain(`docs: ${docsUrl('no-401-for-forbidden')}`);
    expect(suites[3].testcase[0].failure).toBeUndefined();
    expect(suites[3].testcase[0].error.type).toBe('input-error');
    expect(suites[3]).toMatchObject({ failures: '0', errors: '1', time: '0' });
    expect(suites[0].testcase[0].time).toBe('0');
  });

  it('escapes quotes, markup and newlines so the message survives in its attribute and the body', () => {
    expect(xml).toContain('message="429 without Retry-After: the description says &quot;rate limited, retry later&quot; &lt;b&gt;&amp;&lt;/b&gt;&#10;second line: 100% sure"');
    const failure = document.testsuites.testsuite[0].testcase[1].failure;
    expect(failure.message.replace('&#10;', '\n')).toBe(trickyMessage);
    expect(failure['#text']).toContain('"rate limited, retry later" <b>&</b>\nsecond line');
  });
});
