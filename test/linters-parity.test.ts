// The three spec front ends cannot drift: `oas-status-lint`, Spectral with @status-lint/spectral-ruleset and Redocly
// with @status-lint/redocly-plugin report the same rule ids at the same JSON pointers, in their own formats.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { createConfig, lint as redoclyLint, loadConfig } from '@redocly/openapi-core';
import { lintSources } from 'oas-status-lint';
import ruleset from '@status-lint/spectral-ruleset';
import statusLintPlugin from '@status-lint/redocly-plugin';
import { fixture, ROOT, tempProject } from './cli-helpers.js';

/** Specs whose findings are all written in the root file (a finding in another file is the CLI's alone; see the docs). */
const LABELED = readdirSync(fixture('labeled'), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:ya?ml|json)$/.test(name)).map((name) => `labeled/${name}`);
const SPECS = ['example/openapi.yaml', 'specs/anchors.yaml', 'specs/ignores.yaml', 'specs/openapi31-webhooks.yaml', 'specs/petstore.json', 'specs/retry-after-forms.yaml', 'specs/swagger2.yaml', ...LABELED.sort()];

const sorted = (items: string[]) => [...items].sort();

async function cliFindings(file: string): Promise<string[]> {
  const results = await lintSources([{ file }]);
  const own = results.find((result) => result.filePath === file)?.messages ?? [];
  return sorted(own.filter((message) => message.ruleId && message.pointer).map((message) => `${message.ruleId} ${message.pointer}`));
}

const pointerOf = (path: readonly (string | number)[]) => path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

async function spectralFindings(file: string): Promise<{ found: string[]; severities: Map<string, number> }> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const text = readFileSync(file, 'utf8');
  const results = await spectral.run(new Document(text, file.endsWith('.json') ? Parsers.Json : Parsers.Yaml, file));
  const ours = results.filter((result) => String(result.code).startsWith('no-') || result.code === 'require-retry-after-on-429');
  return { found: sorted(ours.map((result) => `${result.code} ${pointerOf(result.path)}`)), severities: new Map(ours.map((result) => [String(result.code), result.severity])) };
}

async function redoclyFindings(file: string): Promise<string[]> {
  const config = await createConfig({ plugins: [statusLintPlugin()], extends: ['status-lint/recommended'] });
  const problems = await redoclyLint({ ref: file, config });
  return sorted(
    problems
      .filter((problem) => problem.ruleId.startsWith('status-lint/'))
      .map((problem) => `${problem.ruleId.slice('status-lint/'.length)} ${problem.location[0].pointer.replace(/^#/, '')}`),
  );
}

describe('Spectral and Redocly front ends', () => {
  for (const spec of SPECS) {
    it(`report what oas-status-lint reports, where it reports it: ${spec}`, async () => {
      const file = fixture(spec);
      const cli = await cliFindings(file);
      const { found } = await spectralFindings(file);
      expect(found).toEqual(cli);
      expect(await redoclyFindings(file)).toEqual(cli);
    }, 60_000);
  }

  it('the example spec has findings of every kind, so parity is not the parity of nothing', async () => {
    const found = await cliFindings(fixture('example/openapi.yaml'));
    expect(new Set(found.map((item) => item.split(' ')[0]))).toEqual(new Set(['no-400-for-semantic-error', 'no-500-for-upstream-error', 'no-error-body-on-success', 'no-401-for-forbidden']));
  });

  it('Spectral uses the rules’ severities (errors fail CI: severity 0), and Redocly fails on errors', async () => {
    const { severities } = await spectralFindings(fixture('example/openapi.yaml'));
    expect(severities.get('no-401-for-forbidden')).toBe(0);
    expect(severities.get('no-500-for-upstream-error')).toBe(1);
    const config = await createConfig({ plugins: [statusLintPlugin()], extends: ['status-lint/recommended'] });
    const problems = await redoclyLint({ ref: fixture('example/openapi.yaml'), config });
    const ours = problems.filter((problem) => problem.ruleId.startsWith('status-lint/'));
    expect(ours.find((problem) => problem.ruleId === 'status-lint/no-401-for-forbidden')?.severity).toBe('error');
    expect(ours.find((problem) => problem.ruleId === 'status-lint/no-500-for-upstream-error')?.severity).toBe('warn');
  }, 60_000);
});
