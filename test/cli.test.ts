import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli, runJson, tempProject, type JsonResult } from './cli-helpers.js';

const messagesOf = (results: JsonResult[], fileEnd: string) => results.find((result) => result.filePath.endsWith(fileEnd))?.messages ?? [];

describe('oas-status-lint on the bundled example', () => {
  it('finds every kind of misuse and exits 1', async () => {
    const { code, results } = await runJson([fixture('example/openapi.yaml')]);
    expect(code).toBe(1);
    const rules = results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(new Set(rules)).toEqual(new Set(['no-error-body-on-success', 'no-401-for-forbidden', 'no-400-for-semantic-error', 'no-500-for-upstream-error', 'require-retry-after-on-429']));
  });

  it('points at the status key in the file where the response is written, with its JSON pointer', async () => {
    const { results } = await runJson([fixture('example/openapi.yaml')]);
    const semantic = messagesOf(results, 'openapi.yaml').find((message) => message.pointer === '/paths/~1orders/post/responses/400');
    expect(semantic).toMatchObject({ ruleId: 'no-400-for-semantic-error', line: 23, column: 9, suggestion: { status: 422 } });
    const retry = messagesOf(results, 'responses.yaml');
    expect(retry).toEqual([expect.objectContaining({ ruleId: 'require-retry-after-on-429', pointer: '/TooManyRequests', line: 10, column: 1, suggestion: expect.objectContaining({ header: 'Retry-After' }) })]);
  });

  it('runs as a real process through the package bin', () => {
    const bin = join(ROOT, 'packages/oas-status-lint/bin/oas-status-lint.js');
    const run = spawnSync(process.execPath, [bin, 'fixtures/example/openapi.yaml', '--no-color'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fixtures/example/openapi.yaml');
    expect(run.stdout).toMatch(/23:9\s+error\s+400 Bad Request used for a business rule/);
    expect(run.stdout).toContain('docs/rules/no-400-for-semantic-error.md');
    expect(run.stderr).toBe('');
  });
});

describe('require-retry-after-on-429 in every form', () => {
  it('flags missing headers, empty headers, only rate-limit headers and a shared component once', async () => {
    const { results } = await runJson([fixture('specs/retry-after-forms.yaml')]);
    const pointers = messagesOf(results, 'retry-after-forms.yaml').map((message) => message.pointer);
    expect(pointers).toEqual([
      '/paths/~1no-headers-key/get/responses/429',
      '/paths/~1empty-headers/get/responses/429',
      '/paths/~1only-rate-limit-headers/get/responses/429',
      '/components/responses/RateLimited',
    ]);
    const shared = messagesOf(results, 'retry-after-forms.yaml').at(-1)!;
    expect(shared.message).toContain('GET /through-component, POST /also-through-component');
  });

  it('handles Swagger 2.0 shared responses', async () => {
    const { results } = await runJson([fixture('specs/swagger2.yaml')]);
    const retry = messagesOf(results, 'swagger2.yaml').filter((message) => message.ruleId === 'require-retry-after-on-429');
    expect(retry.map((message) => message.pointer)).toEqual(['/responses/TooManyRequests']);
  });
});

describe('spec forms', () => {
  it('reads Swagger 2.0 schemas, and knows an errors counter is not an error body', async () => {
    const { results } = await runJson([fixture('specs/swagger2.yaml')]);
    const found = messagesOf(results, 'swagger2.yaml').map((message) => [message.ruleId, message.pointer]);
    expect(found).toContainEqual(['no-error-body-on-success', '/paths/~1accounts~1{id}/delete/responses/200']);
    expect(found).not.toContainEqual(['no-error-body-on-success', '/paths/~1accounts~1{id}/get/responses/200']);
    expect(found).toContainEqual(['no-401-for-forbidden', '/paths/~1accounts~1{id}/get/responses/401']);
  });

  it('walks 3.1 webhooks and callbacks, and honours a description beside a $ref', async () => {
    const { results } = await runJson([fixture('specs/openapi31-webhooks.yaml')]);
    const found = messagesOf(results, 'openapi31-webhooks.yaml').map((message) => [message.ruleId, message.pointer, message.suggestion?.status]);
    expect(found).toEqual([
      ['no-401-for-forbidden', '/paths/~1subscriptions/post/responses/401', 403],
      ['no-500-for-upstream-error', '/paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1callbackUrl}/post/responses/500', 504],
      // The 2XX of a webhook is the receiver's acknowledgement to a sender that retries: not reported.
      ['no-400-for-semantic-error', '/webhooks/orderShipped/post/responses/400', 409],
    ]);
  });

  it('follows $refs across files, also percent-encoded ones, and reports each shared response once where it is written', async () => {
    const { code, results } = await runJson([fixture('specs/multi-file/openapi.yaml')]);
    expect(code).toBe(1);
    const shared = messagesOf(results, 'components/responses.yaml');
    expect(shared.map((message) => [message.ruleId, message.pointer, message.line, message.column])).toEqual([
      ['no-401-for-forbidden', '/Forbidden401', 1, 1],
      ['require-retry-after-on-429', '/RateLimited', 3, 1],
    ]);
    expect(shared[0].message).toContain('GET /users/{id}, GET /users/{id}/avatar');
    expect(messagesOf(results, 'paths/users.yaml')).toEqual([expect.objectContaining({ ruleId: 'no-400-for-semantic-error', line: 8, column: 5 })]);
  });

  it('resolves YAML anchors and merge keys, with positions', async () => {
    const { results } = await runJson([fixture('specs/anchors.yaml')]);
    expect(messagesOf(results, 'anchors.yaml').map((message) => [message.ruleId, message.line])).toEqual([
      ['require-retry-after-on-429', 14],
      ['no-401-for-forbidden', 18],
    ]);
  });

  it('reads JSON with circular schemas, enum failure statuses and examples', async () => {
    const { results } = await runJson([fixture('specs/petstore.json')]);
    expect(messagesOf(results, 'petstore.json')).toEqual([expect.objectContaining({ ruleId: 'no-error-body-on-success', line: 8, column: 11, suggestion: expect.objectContaining({ status: 404 }) })]);
  });

  it('reads a spec from stdin with -', async () => {
    const text = readFileSync(fixture('specs/anchors.yaml'), 'utf8');
    const { code, results } = await runJson(['-'], { stdin: text });
    expect(code).toBe(1);
    expect(results[0].filePath).toBe('<stdin>');
    expect(results[0].messages).toHaveLength(2);
  });
});

describe('ignores', () => {
  it('silences findings at every level, reports unused directives and requires a reason', async () => {
    const { results, code } = await runJson([fixture('specs/ignores.yaml')]);
    const messages = messagesOf(results, 'ignores.yaml');
    expect(messages.map((message) => [message.ruleId, message.line, message.severity])).toEqual([
      [null, 30, 1],
      [null, 36, 2],
      ['require-retry-after-on-429', 38, 2],
    ]);
    expect(messages[0].message).toMatch(/unused x-status-lint-ignore: "no-401-for-forbidden"/);
    expect(messages[1].message).toMatch(/needs a reason/);
    // A bad directive is a lint problem of the spec (exit 1), as ESLint treats one; not a failure of the tool.
    expect(messages[1].fatal).toBeUndefined();
    expect(code).toBe(1);
    // What the directives silence is kept, with the reason, as ESLint keeps suppressed messages.
    const suppressed = results.find((result) => result.filePath.endsWith('ignores.yaml'))!.suppressedMessages;
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed[0].suppressions[0]).toEqual({ kind: 'directive', justification: expect.any(String) });
    const sarif = JSON.parse((await runCli([fixture('specs/ignores.yaml'), '--format', 'sarif'])).stdout);
    const silenced = sarif.runs[0].results.filter((result: { suppressions?: unknown[] }) => result.suppressions);
    expect(silenced).toHaveLength(suppressed.length);
    expect(silenced[0].suppressions[0].kind).toBe('inSource');
  });
});

describe('exit codes and bad input', () => {
  it('exits 0 on a clean spec and prints nothing', async () => {
    const dir = tempProject({ 'clean.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n        '401': {description: Invalid token}\n" });
    const run = await runCli(['clean.yaml'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on warnings only past --max-warnings', async () => {
    const dir = tempProject({ 'w.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '500': {description: Upstream service failed}\n" });
    expect((await runCli(['w.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['w.yaml', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['w.yaml', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
  });

  it.each([
    ['invalid/yaml-syntax-error.yaml', /invalid YAML: Missing closing "quote/, 6],
    ['invalid/not-openapi.yaml', /not an OpenAPI document/, 1],
    ['invalid/truncated.json', /invalid JSON/, 2],
    ['invalid/missing-ref.yaml', /points nowhere/, 7],
  ])('%s: one clear message with its line, exit 2', async (file, pattern, line) => {
    const { code, results } = await runJson([fixture(file)]);
    expect(code).toBe(2);
    const fatal = results.flatMap((result) => result.messages).filter((message) => message.fatal);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].message).toMatch(pattern);
    expect(fatal[0].line).toBe(line);
  });

  it('still lints the other files when one is bad', async () => {
    const { code, results } = await runJson([fixture('invalid/not-there.yaml'), fixture('specs/anchors.yaml')]);
    expect(code).toBe(2);
    expect(messagesOf(results, 'not-there.yaml')[0].message).toMatch(/cannot read file: no such file/);
    expect(messagesOf(results, 'anchors.yaml')).toHaveLength(2);
  });

  it('refuses binary input, and an empty file, clearly', async () => {
    const dir = tempProject({ 'spec.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]), 'empty.yaml': '' });
    const { code, results } = await runJson(['spec.yaml', 'empty.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(messagesOf(results, 'spec.yaml')[0].message).toMatch(/binary/);
    expect(messagesOf(results, 'empty.yaml')[0].message).toMatch(/empty/);
  });

  it('lints a directory, skipping YAML files that are not OpenAPI', async () => {
    const dir = tempProject({
      'api/spec.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {description: Slow down}\n",
      'api/docker-compose.yml': 'services: {}\n',
    });
    const { code, results } = await runJson(['api'], { cwd: dir });
    expect(code).toBe(1);
    expect(results.map((result) => result.filePath.split('/').pop())).toEqual(['spec.yaml']);
  });

  it('rejects bad arguments with exit 2 and a usage hint', async () => {
    for (const argv of [['--format', 'xml', 'a.yaml'], ['--bogus'], [], ['--max-warnings', 'many', 'a.yaml']]) {
      const run = await runCli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^oas-status-lint: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: oas-status-lint/);
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/oas-status-lint/package.json'), 'utf8')).version);
  });
});

describe('configuration', () => {
  const spec = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      responses:\n        '400': {description: Insufficient funds}\n        '429': {description: Slow down}\n";

  it('finds .oas-status-lint.yaml upward and applies businessRuleStatus: 400', async () => {
    const dir = tempProject({
      '.oas-status-lint.yaml': 'extends: recommended\nrules:\n  no-400-for-semantic-error: [error, { businessRuleStatus: 400 }]\n',
      'nested/api/spec.yaml': spec,
    });
    const { results } = await runJson(['spec.yaml'], { cwd: join(dir, 'nested/api') });
    expect(results[0].messages.map((message) => message.ruleId)).toEqual(['require-retry-after-on-429']);
  });

  it('turns a rule off from the command line', async () => {
    const dir = tempProject({ 'spec.yaml': spec });
    const { results } = await runJson(['spec.yaml', '--rule', 'require-retry-after-on-429:off'], { cwd: dir });
    expect(results[0].messages.map((message) => message.ruleId)).toEqual(['no-400-for-semantic-error']);
  });

  it('reports a bad config file with its location and exits 2', async () => {
    const dir = tempProject({ '.oas-status-lint.yaml': 'rules:\n  no-such-rule: error\n', 'spec.yaml': spec });
    const run = await runCli(['spec.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.oas-status-lint\.yaml:2:3: .*unknown rule "no-such-rule"/);
  });
});

describe('formats end to end', () => {
  it('writes SARIF that carries rule help URIs and file regions, to --output', async () => {
    const dir = tempProject({});
    const run = await runCli([fixture('example/openapi.yaml'), '--format', 'sarif', '--output', join(dir, 'out/report.sarif')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    const driverRules = log.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(driverRules.find((rule) => rule.id === 'no-401-for-forbidden')?.helpUri).toMatch(/docs\/rules\/no-401-for-forbidden\.md$/);
    const result = (log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]).find((item) => item.ruleId === 'require-retry-after-on-429')!;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/example/responses.yaml');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(10);
  });

  it('writes GitHub annotations and JUnit', async () => {
    const github = await runCli([fixture('example/openapi.yaml'), '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=fixtures\/example\/openapi\.yaml,line=23,col=9,.*title=no-400-for-semantic-error::/m);
    const junit = await runCli([fixture('example/openapi.yaml'), '--format', 'junit']);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toContain('no-401-for-forbidden');
  });

  it('--quiet drops warnings', async () => {
    const { results } = await runJson([fixture('example/openapi.yaml'), '--quiet']);
    expect(results.flatMap((result) => result.messages).some((message) => message.severity === 1)).toBe(false);
  });
});

describe('hostile input', () => {
  it('does not follow a $ref out of the project, and survives cyclic YAML aliases', async () => {
    const dir = tempProject({
      'api/spec.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\nx-loop: &loop [*loop]\npaths:\n  /a:\n    get:\n      responses:\n        '500': {$ref: '../../../../../../etc/passwd'}\n        '429': {description: Slow down}\n",
    });
    const { code, results } = await runJson(['api/spec.yaml'], { cwd: dir });
    expect(code).toBe(2);
    const messages = results.flatMap((result) => result.messages);
    expect(messages.find((message) => message.fatal)?.message).toMatch(/outside the project/);
    expect(messages.map((message) => message.ruleId)).toContain('require-retry-after-on-429');
  });

  it('reports wrong types where objects belong as problems, not crashes', async () => {
    const dir = tempProject({
      'a.yaml': 'openapi: 3.0.0\npaths: 5\n',
      'b.yaml': "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: [1, 2]\n",
      'c.yaml': "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '2XX': null\n        '200 ': {description: spaced}\n        '480': {description: made up, content: {'not a media type': {schema: 7, example: [1]}}}\n",
      'd.json': `${'['.repeat(100000)}`,
    });
    const run = await runCli(['a.yaml', 'b.yaml', 'c.yaml', 'd.json', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    const text = (name: string) => results.find((result) => result.filePath.endsWith(name))!.messages.map((message) => message.message).join('\n');
    expect(text('a.yaml')).toMatch(/"paths" must be an object/);
    expect(text('b.yaml')).toMatch(/"responses" must be an object/);
    expect(text('c.yaml')).toMatch(/"200 " is not an HTTP status code/);
    expect(text('d.json')).toMatch(/invalid JSON/);
    expect(run.code).toBe(2);
  });
});

describe('--validate', () => {
  it('reports schema problems as warnings at their place and still lints the spec', async () => {
    const dir = tempProject({ 'v.yaml': "openapi: 3.0.0\ninfo: {title: t}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {descriptio: x}\n" });
    const { code, results } = await runJson(['v.yaml', '--validate'], { cwd: dir });
    expect(code).toBe(1);
    const messages = results[0].messages.map((message) => [message.ruleId, message.severity, message.line, message.message.replace(/ \(.*$/, '')]);
    expect(messages).toEqual([
      [null, 1, 2, "schema validation: /info must have required property 'version'"],
      [null, 1, 7, "schema validation: /paths/~1a/get/responses/429 must have required property 'description'"],
      [null, 1, 7, 'schema validation: /paths/~1a/get/responses/429 must NOT have additional properties'],
      ['require-retry-after-on-429', 2, 7, '429 Too Many Requests response declares no `Retry-After` header. Add it so that clients know when to retry.'],
    ]);
  });

  it('says nothing about a valid spec', async () => {
    const { results } = await runJson([fixture('specs/swagger2.yaml'), '--validate']);
    expect(results[0].messages.filter((message) => message.ruleId === null)).toEqual([]);
  });
});

describe('--baseline', () => {
  const spec = (extra: string) =>
    `openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n${extra}        '429': {description: Slow down}\n        '401': {description: Insufficient permissions}\n`;

  it('writes the current findings, then reports only new ones and what got fixed, stable across line moves', async () => {
    const dir = tempProject({ 'spec.yaml': spec('') });
    // A missing baseline is an error unless its creation is asked for: a typo must not turn the gate off.
    const missing = await runCli(['spec.yaml', '--baseline', '.status-lint-baseline.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist; create it with .*--update-baseline/);
    const first = await runCli(['spec.yaml', '--baseline', '.status-lint-baseline.json', '--update-baseline'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/baseline of 2 finding\(s\) written/);
    const baseline = JSON.parse(readFileSync(join(dir, '.status-lint-baseline.json'), 'utf8'));
    expect(baseline.entries).toContainEqual({ ruleId: 'require-retry-after-on-429', file: 'spec.yaml', pointer: '/paths/~1a/get/responses/429' });

    // Lines move (a new response above) and a new finding appears; the 401 is fixed.
    writeFileSync(join(dir, 'spec.yaml'), spec("        '200': {description: OK}\n        '400': {description: Email already registered}\n").replace('Insufficient permissions', 'Invalid token'));
    const second = await runJson(['spec.yaml', '--baseline', '.status-lint-baseline.json'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.results[0].messages.map((message) => message.ruleId)).toEqual(['no-400-for-semantic-error']);
    expect(second.stderr).toMatch(/1 baseline entry is fixed/);
    expect(second.stderr).toContain('fixed: no-401-for-forbidden spec.yaml#/paths/~1a/get/responses/401');
  });

  it('rejects a baseline file that is not one', async () => {
    const dir = tempProject({ 'spec.yaml': spec(''), 'b.json': '{"entries": 3}' });
    const run = await runCli(['spec.yaml', '--baseline', 'b.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/b\.json: not a baseline/);
  });
});

describe('file names', () => {
  it('takes an existing file literally even when its name looks like a glob', async () => {
    const dir = tempProject({ 'Orders-API-(PII-version).yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {description: Slow down}\n" });
    const { code, results } = await runJson(['Orders-API-(PII-version).yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(results[0].messages.map((message) => message.ruleId)).toEqual(['require-retry-after-on-429']);
  });

  it('expands a glob, and says so when it matches nothing', async () => {
    const dir = tempProject({ 'specs/a.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", 'specs/b.yaml': "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n" });
    const { code, results } = await runJson(['specs/*.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(results).toHaveLength(2);
    const none = await runCli(['nothing/*.yaml'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no files match "nothing\/\*\.yaml"/);
  });
});

describe('examples written on a response schema', () => {
  it('speak for the response when its media type has none (a 401 whose examples refuse an identified account)', async () => {
    const spec = `openapi: 3.0.3
info: { title: Streams, version: '1' }
paths:
  /streams:
    get:
      responses:
        '200': { description: OK }
        '401':
          description: Unauthorized
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error401' }
  /keys:
    get:
      responses:
        '200': { description: OK }
        '401':
          description: Unauthorized
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error401' }
              example: { meta: { message: Invalid API key. } }
components:
  schemas:
    Error401:
      type: object
      properties: { meta: { type: object, properties: { message: { type: string } } } }
      example:
        Example Response 1: { meta: { code: ERR-401-InvalidApiKey, message: Invalid API key. } }
        Example Response 2: { meta: { code: ERR-401-FeatureNotEnabled, message: "This feature isn't enabled." } }
`;
    const dir = tempProject({ 'spec.yaml': spec });
    const { results } = await runJson([join(dir, 'spec.yaml')]);
    // The media type's own example wins over the schema's: only /streams reads the schema's refusal.
    expect(messagesOf(results, 'spec.yaml').map((message) => [message.ruleId, message.pointer])).toEqual([['no-401-for-forbidden', '/paths/~1streams/get/responses/401']]);
  });
});

describe('a folder of a multi-file spec', () => {
  it('lints the documents and keeps the findings written in their fragments, exit 1', async () => {
    const { code, results } = await runJson([fixture('example/')]);
    expect(code).toBe(1);
    expect(messagesOf(results, 'responses.yaml').map((message) => message.ruleId)).toEqual(['require-retry-after-on-429']);
    expect(results.flatMap((result) => result.messages).some((message) => message.fatal)).toBe(false);
    expect(messagesOf(results, 'openapi.yaml')).toHaveLength(6);
    // Named on its own, a fragment is still not an OpenAPI document.
    expect((await runCli([fixture('example/responses.yaml')])).code).toBe(2);
  });

  it('prints the docs of each rule once under the report, and colours when FORCE_COLOR asks', async () => {
    const run = await runCli([fixture('example/')]);
    expect(run.stdout.match(/no-400-for-semantic-error\.md/g)).toHaveLength(1);
    expect(run.stdout).not.toContain('\u001b[');
    const forced = await runCli([fixture('example/')], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
  });
});

describe('config ignore patterns', () => {
  it('are globs as picomatch reads them: braces, classes, folders', async () => {
    const spec = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '429': {description: Slow down}\n";
    const dir = tempProject({
      '.oas-status-lint.yaml': "$schema: ./node_modules/oas-status-lint/schema.json\nignore:\n  - 'specs/{old,legacy}/**'\n  - 'specs/draft[0-9].yaml'\n  - vendor\n",
      'specs/old/a.yaml': spec,
      'specs/legacy/b.yaml': spec,
      'specs/draft1.yaml': spec,
      'specs/draftX.yaml': spec,
      'specs/current.yaml': spec,
      'vendor/c.yaml': spec,
    });
    const { results } = await runJson(['.'], { cwd: dir });
    expect(results.map((result) => result.filePath.slice(dir.length + 1)).sort()).toEqual(['specs/current.yaml', 'specs/draftX.yaml']);
  });
});

describe('SARIF for code scanning', () => {
  it("carries each rule's page as help (GitHub's rule panel) and its opening paragraph as the full description", async () => {
    const run = await runCli([fixture('example/openapi.yaml'), '--format', 'sarif']);
    const rule = JSON.parse(run.stdout).runs[0].tool.driver.rules.find((item: { id: string }) => item.id === 'no-401-for-forbidden');
    expect(rule.help.markdown).toContain('# no-401-for-forbidden');
    expect(rule.help.markdown).toContain('## Why');
    expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
  });
});

describe('CI habits', () => {
  it('says why it fails when only the warning count is over --max-warnings', async () => {
    const run = await runCli([fixture('example/openapi.yaml'), '--rule', 'no-400-for-semantic-error:off', '--rule', 'no-401-for-forbidden:off', '--rule', 'no-error-body-on-success:off', '--rule', 'require-retry-after-on-429:off', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('too many warnings (maximum: 0, found: 1)');
  });

  it('reads stdin as the file --stdin-filepath names: its $refs resolve from its folder, findings name it', async () => {
    const text = readFileSync(fixture('example/openapi.yaml'), 'utf8');
    const { code, results } = await runJson(['-', '--stdin-filepath', 'fixtures/example/openapi.yaml'], { stdin: text });
    expect(code).toBe(1);
    expect(results.map((result) => result.filePath.split('/').slice(-2).join('/')).sort()).toEqual(['example/openapi.yaml', 'example/responses.yaml']);
  });

  it('refuses a URL with a message that says why (no network), exit 2', async () => {
    const run = await runCli(['https://example.com/openapi.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('URLs are not read');
  });
});
