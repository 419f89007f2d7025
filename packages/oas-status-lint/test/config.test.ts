// Config files and `--rule` flags: discovery, validation with file:line:column errors, and flags winning over the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRules, ruleIds } from '@status-lint/core';
import { ConfigFileError, RuleFlagError, findConfigFile, loadConfigFile, parseRuleFlags, resolveConfig } from '../src/config/index.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'oas-status-lint-config-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(relativePath: string, text: string): string {
  const file = path.join(root, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function configError(run: () => unknown): ConfigFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return error as ConfigFileError;
  }
  throw new Error('expected a ConfigFileError');
}

describe('discovery', () => {
  it('finds the nearest config file from a directory upward, preferring .yaml over .yml and .json', () => {
    const top = write('.oas-status-lint.json', '{ "extends": "all" }');
    mkdirSync(path.join(root, 'services', 'billing', 'specs'), { recursive: true });
    expect(findConfigFile(path.join(root, 'services', 'billing', 'specs'))).toBe(top);
    const nearer = write('services/.oas-status-lint.yml', 'extends: recommended\n');
    expect(findConfigFile(path.join(root, 'services', 'billing', 'specs'))).toBe(nearer);
    const preferred = write('services/.oas-status-lint.yaml', 'extends: all\n');
    expect(findConfigFile(path.join(root, 'services', 'billing'))).toBe(preferred);
  });

  it('resolves the discovered file from cwd, with ignore patterns based at its directory', () => {
    const file = write('.oas-status-lint.yaml', 'rules:\n  no-401-for-forbidden: warn\nignore:\n  - "vendor/**"\n  - "**/*.generated.yaml"\n');
    const cwd = path.join(root, 'specs');
    mkdirSync(cwd);
    expect(resolveConfig({ cwd })).toEqual({
      configFile: file,
      rules: { rules: { 'no-401-for-forbidden': 'warn' } },
      ignore: ['vendor/**', '**/*.generated.yaml'],
      ignoreBase: root,
    });
  });

  it('without a config file uses the engine defaults', () => {
    const resolved = resolveConfig({ cwd: root });
    // The temp directory's ancestors could in principle hold a config file; only assert when none was found.
    if (resolved.configFile === undefined) {
      expect(resolved).toEqual({ rules: { rules: {} }, ignore: [], ignoreBase: root });
      expect(planRules(resolved.rules, 'cli').map((planned) => planned.rule.meta.id).length).toBeGreaterThan(0);
    }
  });
});

describe('loading', () => {
  it('loads an explicit --config path relative to cwd, skipping discovery', () => {
    write('.oas-status-lint.yaml', 'extends: recommended\n');
    const explicit = write('config/strict.json', JSON.stringify({ extends: ['all'], rules: { 'no-500-for-upstream-error': 'off' } }));
    const resolved = resolveConfig({ cwd: root, configPath: 'config/strict.json' });
    expect(resolved.configFile).toBe(explicit);
    expect(resolved.rules).toEqual({ extends: ['all'], rules: { 'no-500-for-upstream-error': 'off' } });
    expect(resolved.ignoreBase).toBe(path.join(root, 'config'));
  });

  it('turns on every rule with extends: all', () => {
    write('.oas-status-lint.yaml', 'extends: all\n');
    const resolved = resolveConfig({ cwd: root });
    expect(resolved.rules.extends).toEqual(['all']);
    // The drift rules run where the CLI reads a project beside the specs (`--project`); together the two plans are every rule.
    const planned = new Set([...planRules(resolved.rules, 'cli'), ...planRules(resolved.rules, 'project')].map((entry) => entry.rule.meta.id));
    expect([...planned].sort()).toEqual([...ruleIds].sort());
  });

  it('reads [severity, options] and hands the options to the engine', () => {
    write('.oas-status-lint.yaml', 'rules:\n  no-400-for-semantic-error: [error, { businessRuleStatus: 400 }]\n');
    const resolved = resolveConfig({ cwd: root });
    expect(resolved.rules.rules).toEqual({ 'no-400-for-semantic-error': ['error', { businessRuleStatus: 400 }] });
    const planned = planRules(resolved.rules, 'cli').find((entry) => entry.rule.meta.id === 'no-400-for-semantic-error');
    expect(planned).toMatchObject({ severity: 'error', options: { businessRuleStatus: 400 } });
  });

  it('treats an empty file as an empty config', () => {
    const file = write('.oas-status-lint.yaml', '# nothing configured yet\n');
    expect(loadConfigFile(file)).toEqual({ file, rules: {}, ignore: [] });
  });

  it('reports a missing explicit config file without a position', () => {
    const error = configError(() => resolveConfig({ cwd: root, configPath: 'missing.yaml' }));
    expect(error.file).toBe(path.join(root, 'missing.yaml'));
    expect(error.line).toBeUndefined();
    expect(error.message).toBe('missing.yaml: config file not found');
  });
});

describe('errors point at the key in the file', () => {
  it('an unknown rule: file:line:column of its key and the known rules', () => {
    write('.oas-status-lint.yaml', ['extends: recommended', 'rules:', '  no-401-for-forbidden: warn', '  # a typo below', '  no-foo: error', ''].join('\n'));
    const error = configError(() => resolveConfig({ cwd: root }));
    expect(error).toMatchObject({ file: path.join(root, '.oas-status-lint.yaml'), line: 5, column: 3 });
    expect(error.message).toBe(`.oas-status-lint.yaml:5:3: unknown rule "no-foo" (known: ${ruleIds.join(', ')})`);
  });

  it('a bad severity, at the severity', () => {
    write('.oas-status-lint.yml', 'rules:\n  no-401-for-forbidden: fatal\n  no-400-for-semantic-error: [error]\n');
    const error = configError(() => resolveConfig({ cwd: root }));
    expect(error).toMatchObject({ line: 2, column: 25, reason: 'rule "no-401-for-forbidden": severity must be "off", "warn" or "error"' });
  });

  it('a bad severity inside [severity, options]', () => {
    write('.oas-status-lint.yaml', 'rules:\n  no-400-for-semantic-error:\n    - on\n    - businessRuleStatus: 422\n');
    expect(configError(() => resolveConfig({ cwd: root }))).toMatchObject({ line: 3, column: 7 });
  });

  it('an unknown option at its key, a bad option value at the value', () => {
    write('.oas-status-lint.yaml', 'rules:\n  no-400-for-semantic-error: [error, { businessRule: 400 }]\n');
    const unknownOption = configError(() => resolveConfig({ cwd: root }));
    expect(unknownOption).toMatchObject({ line: 2, column: 40 });
    expect(unknownOption.reason).toMatch(/unknown option "businessRule" \(known: businessRuleStatus, methodNotAllowed\)/);
    write('.oas-status-lint.yaml', 'rules:\n  no-400-for-semantic-error:\n    - error\n    - businessRuleStatus: 418\n');
    const badValue = configError(() => resolveConfig({ cwd: root }));
    expect(badValue).toMatchObject({ line: 4, column: 27 });
    expect(badValue.reason).toMatch(/option "businessRuleStatus" must be one of 400, 422/);
  });

  it('an unknown top-level key, a bad preset, a bad ignore list', () => {
    write('.oas-status-lint.yaml', 'extends: all\nrule:\n  no-401-for-forbidden: off\n');
    expect(configError(() => resolveConfig({ cwd: root }))).toMatchObject({ line: 2, column: 1, reason: 'unknown key "rule" (known: extends, rules, ignore)' });
    write('.oas-status-lint.yaml', 'extends: [recommended, strict]\n');
    expect(configError(() => resolveConfig({ cwd: root }))).toMatchObject({ line: 1, column: 24 });
    write('.oas-status-lint.yaml', 'ignore: "vendor/**"\n');
    expect(configError(() => resolveConfig({ cwd: root }))).toMatchObject({ line: 1, column: 9, reason: '"ignore" must be a list of glob patterns' });
  });

  it('bad YAML, at the syntax error', () => {
    write('.oas-status-lint.yaml', 'rules:\n  no-401-for-forbidden: [warn\nignore: []\n');
    const error = configError(() => resolveConfig({ cwd: root }));
    expect(error.message).toMatch(/^\.oas-status-lint\.yaml:\d+:\d+: invalid YAML: /);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('duplicate keys are YAML errors', () => {
    write('.oas-status-lint.yaml', 'rules:\n  no-401-for-forbidden: warn\n  no-401-for-forbidden: off\n');
    expect(configError(() => resolveConfig({ cwd: root })).message).toMatch(/:3:3: invalid YAML: Map keys must be unique/);
  });

  it('bad JSON in a .json file, even where YAML would accept it', () => {
    write('.oas-status-lint.json', '{\n  "rules": { "no-401-for-forbidden": "warn", }\n}\n');
    const error = configError(() => resolveConfig({ cwd: root }));
    expect(error).toMatchObject({ line: 2, column: 46 });
    expect(error.reason).toMatch(/^invalid JSON: /);
  });

  it('YAML written in a .json file: a one-line reason, located where the parsers stopped', () => {
    write('.oas-status-lint.json', 'rules:\n  no-401-for-forbidden: warn\n');
    const error = configError(() => resolveConfig({ cwd: root }));
    expect(error.reason).toBe("invalid JSON: Unexpected token 'r'");
  });

  it('a byte order mark does not make a .json file invalid', () => {
    write('.oas-status-lint.json', '\uFEFF{ "extends": ["all"] }');
    expect(resolveConfig({ cwd: root }).rules.extends).toEqual(['all']);
  });

  it('positions in a valid .json file come from its keys too', () => {
    write('.oas-status-lint.json', '{\n  "rules": {\n    "no-such-rule": "warn"\n  }\n}\n');
    expect(configError(() => resolveConfig({ cwd: root }))).toMatchObject({ line: 3, column: 5 });
  });
});

describe('--rule flags', () => {
  it('parses id:severity, later flags winning', () => {
    expect(parseRuleFlags(['no-401-for-forbidden:off', 'no-400-for-semantic-error:warn', 'no-401-for-forbidden:error'])).toEqual({
      'no-401-for-forbidden': 'error',
      'no-400-for-semantic-error': 'warn',
    });
  });

  it('rejects unknown rules, unknown severities and a missing severity with the flag in the message', () => {
    expect(() => parseRuleFlags(['no-foo:error'])).toThrow(new RuleFlagError('no-foo:error', `unknown rule "no-foo" (known: ${ruleIds.join(', ')})`));
    expect(() => parseRuleFlags(['no-401-for-forbidden:fatal'])).toThrow(/^--rule no-401-for-forbidden:fatal: rule "no-401-for-forbidden": severity must be "off", "warn" or "error"$/);
    expect(() => parseRuleFlags(['no-401-for-forbidden'])).toThrow(RuleFlagError);
    expect(() => parseRuleFlags(['no-401-for-forbidden'])).toThrow(/expected <rule-id>:<severity>/);
  });

  it('override the config file, keeping the options written there', () => {
    write(
      '.oas-status-lint.yaml',
      'extends: all\nrules:\n  no-401-for-forbidden: error\n  no-400-for-semantic-error: [error, { businessRuleStatus: 400 }]\n',
    );
    const resolved = resolveConfig({
      cwd: root,
      ruleFlags: ['no-401-for-forbidden:off', 'no-400-for-semantic-error:warn', 'require-retry-after-on-429:error'],
    });
    expect(resolved.rules).toEqual({
      extends: ['all'],
      rules: {
        'no-401-for-forbidden': 'off',
        'no-400-for-semantic-error': ['warn', { businessRuleStatus: 400 }],
        'require-retry-after-on-429': 'error',
      },
    });
    const planned = planRules(resolved.rules, 'cli');
    expect(planned.map((entry) => entry.rule.meta.id)).not.toContain('no-401-for-forbidden');
    expect(planned.find((entry) => entry.rule.meta.id === 'no-400-for-semantic-error')).toMatchObject({ severity: 'warn', options: { businessRuleStatus: 400 } });
  });

  it('a bad flag is reported even when the config file is fine', () => {
    write('.oas-status-lint.yaml', 'extends: recommended\n');
    expect(() => resolveConfig({ cwd: root, ruleFlags: ['no-401-for-forbidden:loud'] })).toThrow(RuleFlagError);
  });
});

describe('the JSON Schema of the config file', () => {
  it('is what the rules say (regenerated by the build), accepts good configs and rejects bad ones as the loader does', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    // @ts-expect-error: a plain .mjs script of the repository, without types
    const { configSchema } = await import('../../../scripts/generate-config-schema.mjs');
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema.json'), 'utf8'));
    expect(committed).toEqual(configSchema());
    const validate = new Ajv2020({ strict: false }).compile(committed);
    const good = { $schema: './node_modules/oas-status-lint/schema.json', extends: 'recommended', rules: { 'no-400-for-semantic-error': ['error', { businessRuleStatus: 400 }], 'require-retry-after-on-429': 'off' }, ignore: ['vendor/**'] };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of [{ rules: { 'no-such-rule': 'error' } }, { rules: { 'no-400-for-semantic-error': ['error', { businessRuleStatus: 401 }] } }, { extends: 'strict' }, { rule: {} }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
