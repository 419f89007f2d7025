// The plugin object, its presets, and robustness: odd syntax never throws; client code and tests are never reported.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const linter = new Linter({ configType: 'flat' });

function lint(code: string, filename: string, sourceType: 'module' | 'commonjs' = 'module') {
  const typescript = /\.tsx?$/.test(filename);
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.jsx'],
        languageOptions: { ...(typescript ? { parser: tsParser } : {}), sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { '@status-lint': plugin },
        rules: plugin.configs.all.rules,
      },
    ],
    { filename },
  );
}

describe('the plugin object', () => {
  it('has meta, rules and flat presets', () => {
    expect(plugin.meta).toEqual({ name: '@status-lint/eslint-plugin', version: '0.1.0', namespace: '@status-lint' });
    expect(Object.keys(plugin.rules).sort()).toEqual(['no-400-for-semantic-error', 'no-401-for-forbidden', 'no-500-for-upstream-error', 'no-error-body-on-success', 'require-retry-after-on-429']);
    expect(Object.keys(plugin.configs.recommended.rules)).toHaveLength(5);
    expect(plugin.configs.recommended.name).toBe('@status-lint/recommended');
    expect(plugin.configs.all.plugins['@status-lint']).toBe(plugin);
  });

  it('`all` is every rule as an error with the strictest options; each rule says whether it is recommended', () => {
    expect(plugin.configs.recommended.rules['@status-lint/no-500-for-upstream-error']).toBe('warn');
    expect(plugin.configs.all.rules['@status-lint/no-500-for-upstream-error']).toBe('error');
    expect(plugin.configs.all.rules['@status-lint/no-error-body-on-success']).toEqual(['error', { reportPartialSuccess: true }]);
    for (const rule of Object.values(plugin.rules)) expect(rule.meta?.docs?.recommended).toBe(true);
  });

  it('points each rule at its docs page and offers suggestions, never autofix', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.url).toMatch(new RegExp(`docs/rules/${id}\\.md$`));
      expect(rule.meta.hasSuggestions).toBe(true);
      expect(rule.meta.fixable).toBeUndefined();
    }
  });

  it('lints CommonJS with the default parser', () => {
    const code = "const express = require('express');\nconst app = express();\napp.get('/a', (req, res) => { if (!req.user.isAdmin) return res.status(401).send('Admins only'); res.send('ok'); });\nmodule.exports = app;\n";
    const messages = lint(code, 'app.cjs', 'commonjs');
    expect(messages.map((message) => message.ruleId)).toEqual(['@status-lint/no-401-for-forbidden']);
  });
});

describe('odd syntax never throws', () => {
  const samples: Record<string, string> = {
    'optional.ts': "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res?.status?.(401)?.json?.({ message: 'no' }));\napp.get('/y', (req, res) => res[method](401));\n",
    'computed.js': "app.get('/x', (req, res) => { const k = 'status'; res[k](401)[`json`]({ error: 'Forbidden' }); res['status'](429).end(); });\n",
    'decorators.ts': "import { Controller, Get, HttpCode, Res } from '@nestjs/common';\n@Controller()\nexport class A {\n  @Get() @HttpCode(code) get(@Res() res) { return res.status(undefined).json({}); }\n  b(): void;\n  @Get('b') b() {}\n}\n",
    'jsx.tsx': "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.status(code as number).send(<div>Error</div>));\nexport const C = () => <b>{1}</b>;\n",
    'bodies.ts': "declare function handler(req: Request, res: Response): void;\nexport abstract class B { abstract handle(req: any, res: any): void; }\napp.get('/w', function (req, res) {});\nconst f = ({ res }: any) => res.status(401).json({ error: 'x' });\n",
    'weird.js': "app.use((err, req, res, next) => res.status(err.status ?? 500).json({ error: err.message }));\nnew Response();\nResponse.json();\ncreateError();\nctx => { ctx.status = ctx.body = 401; };\n(req, res) => res.status(...args);\n",
    'empty.ts': '',
  };
  for (const [filename, code] of Object.entries(samples)) {
    it(filename, () => {
      const messages = lint(code, filename);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
    });
  }
});

describe('hostile code', () => {
  it('a name reassigned away from the response is no longer its sends: `res = req; res.status(401)`', () => {
    const code = "import express from 'express';\nconst app = express();\napp.get('/x', (req: any, res: any) => {\n  if (!req.user.isAdmin) { res = req; res.status(401).json({ error: 'admins only' }); }\n});\n";
    expect(lint(code, 'reassigned.ts').filter((message) => message.ruleId?.startsWith('@status-lint/'))).toEqual([]);
    const sent = "import express from 'express';\nconst app = express();\napp.get('/x', (req: any, res: any) => {\n  if (!req.user.isAdmin) { res.status(401).json({ error: 'admins only' }); res = req; }\n});\n";
    expect(lint(sent, 'sent.ts').map((message) => message.ruleId)).toContain('@status-lint/no-401-for-forbidden');
  });

  it('a 200,000-space string literal is read in linear time', () => {
    const code = `import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => { res.status(401).json({ error: 'insufficient${' '.repeat(200_000)}permissions [${'['.repeat(50_000)}' }); });\n`;
    const started = performance.now();
    expect(lint(code, 'spaces.ts').filter((message) => message.fatal)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('hard negatives from the fixtures', () => {
  for (const name of ['client.ts', 'server.js', 'odd.tsx']) {
    it(`reports nothing in fixtures/apps/negatives/${name}`, () => {
      const path = fileURLToPath(new URL(`../../../fixtures/apps/negatives/${name}`, import.meta.url));
      const messages = lint(readFileSync(path, 'utf8'), `fixtures/${name}`);
      expect(messages).toEqual([]);
    });
  }
});

describe('test files', () => {
  it('reports nothing in test files, whose stub servers lie on purpose', async () => {
    const { default: statusLint } = await import('../src/index.js');
    const code = "import express from 'express';\nconst stub = express();\nstub.get('/perm', (_req, res) => res.status(401).json({ message: 'Admin only' }));\n";
    const lint = (filename: string) =>
      new Linter({ configType: 'flat' }).verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, statusLint.configs.all] as never, { filename });
    expect(lint('src/routes.ts').map((message) => message.ruleId)).toEqual(['@status-lint/no-401-for-forbidden']);
    expect(lint('src/routes.test.ts')).toEqual([]);
    expect(lint('test/stub-server.ts')).toEqual([]);
  });
});

describe('messages and preconditions', () => {
  const lintTs = async (code: string) => {
    const { default: statusLint } = await import('../src/index.js');
    return new Linter({ configType: 'flat' })
      .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, statusLint.configs.all] as never, { filename: 'src/members.controller.ts' })
      .map((message) => [message.ruleId, message.line, /Use (\d{3})/.exec(message.message)?.[1]]);
  };

  it('follows a response assigned inside a try to its not-ok branch', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      'export default async function routes(app: FastifyInstance) {',
      "  app.get('/render', async (request, reply) => {",
      '    let res;',
      '    try {',
      "      res = await fetch('https://renderer.internal/render');",
      '    } catch (err) {',
      '      throw err;',
      '    }',
      '    if (!res.ok) {',
      "      return reply.code(500).send({ message: 'Rendering failed' });",
      '    }',
      '    return reply.send(await res.json());',
      '  });',
      '}',
    ].join('\n');
    // The catch throws what it caught: a failed connection reaches Fastify's 500 as well (no fix in place).
    expect(await lintTs(code)).toEqual([
      ['@status-lint/no-500-for-upstream-error', 6, undefined],
      ['@status-lint/no-500-for-upstream-error', 11, '502'],
    ]);
  });

  it('reads a translation key as the message', async () => {
    const code = [
      "import { BadRequestException, Controller, Post } from '@nestjs/common';",
      "@Controller('members')",
      'export class MembersController {',
      '  constructor(private readonly i18n: { t(key: string): string }) {}',
      '  @Post()',
      '  add() {',
      "    throw new BadRequestException(this.i18n.t('errors.member_already_exists'));",
      '  }',
      '}',
    ].join('\n');
    expect(await lintTs(code)).toEqual([['@status-lint/no-400-for-semantic-error', 7, '409']]);
  });

  it('reads a route that works with a record named document as server code, not as a browser page', async () => {
    const code = [
      "import { NextResponse } from 'next/server';",
      'export async function POST(request: Request) {',
      '  const document = await prisma.document.findUnique({ where: { id: 1 } });',
      "  if (await limited(document.id)) return NextResponse.json({ message: 'Try again in 30 seconds' }, { status: 429 });",
      '  return NextResponse.json(document);',
      '}',
    ].join('\n');
    expect(await lintTs(code)).toEqual([['@status-lint/require-retry-after-on-429', 4, undefined]]);
  });

  it('reads a sentence given to a translation call of any object as the message', async () => {
    const code = [
      "import Koa from 'koa';",
      'const app = new Koa();',
      'app.use(async (ctx) => {',
      '  if (ctx.state.taken) {',
      "    ctx.throw(400, ctx.t('A user with this email already exists.', { ns: 'users' }));",
      '  }',
      "  ctx.throw(400, ctx.i18n.__('Email. is required'));",
      '});',
    ].join('\n');
    expect(await lintTs(code)).toEqual([['@status-lint/no-400-for-semantic-error', 5, '409']]);
  });

  it('does not take a precondition left by an earlier return (a session lookup) for the conflict behind a 400', async () => {
    const code = [
      "import { NextResponse } from 'next/server';",
      "import { getServerSession } from 'next-auth';",
      'export async function PATCH(req: Request) {',
      '  const session = await getServerSession();',
      "  if (!session) return NextResponse.json({ error: 'Sign in first' }, { status: 401 });",
      '  const body = schema.safeParse(await req.json());',
      '  if (!body.success) return NextResponse.json({ error: body.error.issues }, { status: 400 });',
      '  return NextResponse.json(body.data);',
      '}',
    ].join('\n');
    expect(await lintTs(code)).toEqual([]);
  });
});
