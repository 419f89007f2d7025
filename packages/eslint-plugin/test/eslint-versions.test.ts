// The plugin works the same under ESLint 9 and ESLint 10, with typescript-eslint's parser and the default one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter as Linter10 } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

const require = createRequire(import.meta.url);
const { Linter: Linter9 } = require('eslint-v9') as typeof import('eslint');
const version9 = (require('eslint-v9/package.json') as { version: string }).version;
const version10 = (require('eslint/package.json') as { version: string }).version;

const APPS = resolve(import.meta.dirname, '../../../fixtures/apps');
const samples = ['express/routes.ts', 'koa/routes.js', 'nest/users.controller.ts', 'fastify/routes.ts', 'hono/app.ts', 'next/route.ts', 'node-http/server.js', 'errors/handlers.js'];

function lint(Linter: typeof Linter10, file: string) {
  const text = readFileSync(resolve(APPS, file), 'utf8');
  const typescript = file.endsWith('.ts');
  const config = [
    { files: ['**/*.ts', '**/*.js'], languageOptions: typescript ? { parser: tsParser } : { ecmaVersion: 'latest' as const, sourceType: 'module' as const } },
    plugin.configs.all,
  ];
  return new Linter({ configType: 'flat' })
    .verify(text, config as never, { filename: resolve(APPS, file) })
    .map((message) => [message.ruleId, message.line, message.column, message.message]);
}

describe('ESLint versions', () => {
  it('has two ESLint majors to compare', () => {
    expect(version9.split('.')[0]).toBe('9');
    expect(version10.split('.')[0]).toBe('10');
  });

  it.each(samples)('%s: same findings under ESLint 9 and 10, and some findings at all', (file) => {
    const under10 = lint(Linter10, file);
    expect(under10.length).toBeGreaterThan(0);
    expect(under10.every(([ruleId]) => typeof ruleId === 'string' && ruleId.startsWith('@status-lint/'))).toBe(true);
    expect(lint(Linter9 as unknown as typeof Linter10, file)).toEqual(under10);
  });
});
