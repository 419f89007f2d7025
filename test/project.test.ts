// `--project`: each fixture server drifts from its spec in known ways; the CLI reports exactly those, at their places in code and spec.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSources } from 'oas-status-lint';
import { fixture, ROOT, runCli, runJson, tempProject, type JsonResult } from './cli-helpers.js';

/** One finding as the tests write it: rule, operation (or route), status, and `file:line:column` relative to the fixture. */
interface Expected {
  readonly rule: string;
  readonly subject: string;
  readonly status?: number;
  readonly at: string;
}

const FINDING_SUBJECT = /^((?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|ALL) \S+)/;

function findings(results: readonly JsonResult[], base: string) {
  return results
    .flatMap((result) =>
      result.messages.map((message) => {
        const status = /(?:sends|declares a) (\d{3})/.exec(message.message)?.[1];
        return {
          rule: message.ruleId ?? `(problem: ${message.message})`,
          subject: FINDING_SUBJECT.exec(message.message)?.[1] ?? message.message,
          ...(status ? { status: Number(status) } : {}),
          at: `${relative(base, result.filePath)}:${message.line}:${message.column}`,
        };
      }),
    )
    .sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));
}

async function lintFixture(name: string) {
  const base = fixture(`projects/${name}`);
  const run = await runJson([`fixtures/projects/${name}/openapi.yaml`, '--project', `fixtures/projects/${name}/tsconfig.json`]);
  return { ...run, found: findings(run.results, base) };
}

const sorted = (list: readonly Expected[]) => [...list].sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));

const cases: readonly [string, readonly Expected[]][] = [
  [
    'express',
    [
      { rule: 'unimplemented-operation', subject: 'PUT /users/{id}', at: 'openapi.yaml:30:5' },
      { rule: 'unreachable-documented-status', subject: 'DELETE /users/{id}', status: 404, at: 'openapi.yaml:40:9' },
      // A status handed to a helper in another file, reported where the route writes it.
      { rule: 'undocumented-status', subject: 'GET /orders/{id}', status: 403, at: 'src/routes/orders.ts:10:55' },
      { rule: 'undocumented-status', subject: 'POST /users', status: 409, at: 'src/routes/users.ts:19:23' },
      { rule: 'undocumented-route', subject: 'GET /v1/users/{id}/avatar', at: 'src/routes/users.ts:30:1' },
    ],
  ],
  [
    'fastify',
    [
      { rule: 'unreachable-documented-status', subject: 'GET /users', status: 404, at: 'openapi.yaml:16:9' },
      { rule: 'unimplemented-operation', subject: 'PATCH /users/{id}', at: 'openapi.yaml:33:5' },
      // Sent by the route's preHandler hook, in another file.
      { rule: 'undocumented-status', subject: 'DELETE /users/{id}', status: 403, at: 'src/hooks/auth.ts:5:23' },
      { rule: 'undocumented-route', subject: 'GET /users/{id}/sessions', at: 'src/routes/users.ts:32:3' },
    ],
  ],
  [
    'hono',
    [
      { rule: 'unreachable-documented-status', subject: 'POST /books', status: 409, at: 'openapi.yaml:19:9' },
      { rule: 'unimplemented-operation', subject: 'GET /authors', at: 'openapi.yaml:29:5' },
      // The response rules run on the project's code too.
      { rule: 'no-401-for-forbidden', subject: '401 Unauthorized used for a permission denial: the message says "insufficient permissions". Use 403 Forbidden when the caller is known but not allowed.', at: 'src/middleware/auth.ts:5:74' },
      { rule: 'undocumented-status', subject: 'GET /books/{id}', status: 404, at: 'src/routes/books.ts:16:38' },
      { rule: 'undocumented-route', subject: 'DELETE /api/books/{id}', at: 'src/routes/books.ts:25:1' },
    ],
  ],
  [
    'nest',
    [
      { rule: 'unreachable-documented-status', subject: 'POST /users', status: 201, at: 'openapi.yaml:15:9' },
      { rule: 'unimplemented-operation', subject: 'PUT /users/{id}', at: 'openapi.yaml:28:5' },
      // Thrown by a guard's canActivate, in another file.
      { rule: 'undocumented-status', subject: 'DELETE /users/{id}', status: 401, at: 'src/auth/admin.guard.ts:7:34' },
      { rule: 'undocumented-status', subject: 'POST /users', status: 200, at: 'src/users/users.controller.ts:21:13' },
      { rule: 'undocumented-route', subject: 'GET /api/users/{id}/avatar', at: 'src/users/users.controller.ts:33:3' },
    ],
  ],
  [
    'next',
    [
      { rule: 'unreachable-documented-status', subject: 'POST /api/posts', status: 400, at: 'openapi.yaml:15:9' },
      { rule: 'unimplemented-operation', subject: 'PATCH /api/posts/{id}', at: 'openapi.yaml:26:5' },
      { rule: 'unreachable-documented-status', subject: 'DELETE /api/posts/{id}', status: 404, at: 'openapi.yaml:34:9' },
      { rule: 'undocumented-route', subject: 'GET /api/health', at: 'src/app/api/(internal)/health/route.ts:1:17' },
      { rule: 'undocumented-status', subject: 'POST /api/posts', status: 422, at: 'src/app/api/posts/route.ts:11:102' },
    ],
  ],
];

describe('oas-status-lint --project on the fixture servers', () => {
  it.each(cases)('%s: reports exactly the drift it was written with', async (name, expected) => {
    const { code, found, stderr } = await lintFixture(name);
    expect(stderr).toBe('');
    expect(found).toEqual(sorted(expected));
    expect(code).toBe(1);
  });
});

describe('what --project follows', () => {
  it('knows a status that a service in another file throws, and a helper sends, so that declaring them is not flagged', async () => {
    // GET /users/{id} (express) 404 comes from `findUser` throwing `new HttpError(404)`; GET /orders/{id} 404 from `sendError(res, 404)`.
    const { found } = await lintFixture('express');
    expect(found.filter((item) => item.subject === 'GET /users/{id}' || (item.subject === 'GET /orders/{id}' && item.status === 404))).toEqual([]);
  });

  it('points a spec-side finding at the response key, with its JSON pointer', async () => {
    const { results } = await runJson(['fixtures/projects/express/openapi.yaml', '--project', 'fixtures/projects/express/tsconfig.json']);
    const spec = results.find((result) => result.filePath.endsWith('openapi.yaml'))!;
    expect(spec.messages.map((message) => message.pointer)).toEqual(['/paths/~1users~1{id}/put', '/paths/~1users~1{id}/delete/responses/404']);
  });

  it('reads tRPC procedures served as REST by trpc-to-openapi: a literal meta is its operation, a meta built elsewhere a route whose path is unknown', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
      'src/routers/customers.ts': `import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc';
export const getCustomer = protectedProcedure
  .meta({ openapi: { method: 'GET', path: '/api/v1/customers/{id}', summary: 'Get a customer' } })
  .input(z.object({ id: z.string() }))
  .output(z.object({ id: z.string() }))
  .query(async ({ input, ctx }) => {
    const customer = await ctx.db.customers.find(input.id);
    if (!customer) throw new TRPCError({ code: 'NOT_FOUND', message: 'Customer not found' });
    if (customer.archived) throw new TRPCError({ code: 'CONFLICT', message: 'Customer is archived' });
    return customer;
  });
export const customersRouter = router({ get: getCustomer });
`,
      'src/routers/invoices.ts': `import { protectedProcedure, router } from '../trpc';
import { generateOpenApiMetas } from '../openapi';
const { openApiMetas } = generateOpenApiMetas({ resource: 'invoice' });
export const invoicesRouter = router({
  list: protectedProcedure.meta(openApiMetas.LIST).query(async ({ ctx }) => ctx.db.invoices.list()),
});
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: Billing, version: 1.0.0 }
paths:
  /api/v1/customers/{id}:
    get:
      responses:
        '200': { description: The customer. }
        '401': { description: Not signed in. }
        '404': { description: No such customer. }
  /api/v1/customers:
    post:
      responses:
        '201': { description: Created. }
  /api/v1/invoices:
    get:
      responses:
        '200': { description: The invoices. }
`,
    });
    const run = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    const found = findings(run.results, dir).map((item) => [item.rule, item.subject, item.status]);
    // The thrown CONFLICT is a 409 the spec lacks; the 401 the middleware sends is not read, so not called unreachable;
    // POST /api/v1/customers has no procedure; GET /api/v1/invoices may be the list whose meta is built elsewhere.
    expect(found).toEqual([
      ['unimplemented-operation', 'POST /api/v1/customers', undefined],
      ['undocumented-status', 'GET /api/v1/customers/{id}', 409],
    ]);
  });

  it('is quiet when code and spec agree', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
      'src/app.ts': `import express from 'express';
const app = express();
app.get('/things/:id', (req, res) => {
  if (!req.params.id) return res.status(404).json({ message: 'No such thing' });
  res.json({ id: req.params.id });
});
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
paths:
  /things/{id}:
    get:
      responses:
        '200': { description: The thing. }
        '404': { description: No such thing. }
        '500': { description: Unexpected error. }
`,
    });
    const run = await runCli(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('stays quiet about a declared status when the route sends one it cannot read', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ include: ['src'] }),
      'src/app.ts': `import express from 'express';
const app = express();
app.get('/things/:id', (req, res) => {
  const status = lookup(req.params.id);
  res.status(status).json({});
});
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
paths:
  /things/{id}:
    get:
      responses:
        '200': { description: The thing. }
        '404': { description: No such thing. }
`,
    });
    const { code, results } = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    expect(results.flatMap((result) => result.messages)).toEqual([]);
    expect(code).toBe(0);
  });

  it('honours x-status-lint-ignore on an operation, and rule options from the config', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ include: ['src'] }),
      '.oas-status-lint.yaml': 'rules:\n  undocumented-route: [warn, { ignorePaths: ["/health"] }]\n',
      'src/app.ts': `import express from 'express';
const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));
app.get('/a', (req, res) => res.status(418).json({}));
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
paths:
  /a:
    get:
      x-status-lint-ignore: { undocumented-status: "the teapot is an easter egg" }
      responses:
        '200': { description: OK. }
  /b:
    get:
      x-status-lint-ignore: { unimplemented-operation: "served by the gateway" }
      responses:
        '200': { description: OK. }
`,
    });
    const { results } = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    expect(findings(results, dir)).toEqual([{ rule: 'unreachable-documented-status', subject: 'GET /a', status: 200, at: 'openapi.yaml:8:9' }]);
  });

  it('knows error classes that fix their own status, a plugin loaded with import(), and a swallowed error', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }),
      'src/errors.ts': `export class AppError extends Error {
  constructor(message: string, readonly statusCode: number) { super(message); }
}
export class NotFoundError extends AppError {
  constructor(what: string) { super(\`\${what} not found\`, 404); }
}
export class ForbiddenError extends AppError {
  statusCode = 403;
}
export async function load(id: string) {
  if (!id) throw new NotFoundError('Item');
  return { id };
}
`,
      'src/server.ts': `import Fastify from 'fastify';
const app = Fastify();
app.register(import('./items.js'), { prefix: '/items' });
`,
      'src/items.ts': `import type { FastifyInstance } from 'fastify';
import { ForbiddenError, load } from './errors.js';
export default async function items(fastify: FastifyInstance) {
  fastify.get<{ Params: { id: string } }>('/:id', async (request) => {
    if (!request.headers['x-key']) throw new ForbiddenError('no key');
    return load(request.params.id);
  });
  fastify.get('/', async () => {
    const first = await load('').catch(() => undefined);
    return [first];
  });
}
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: Items, version: 1.0.0 }
paths:
  /items:
    get:
      responses:
        '200': { description: The items. }
  /items/{id}:
    get:
      responses:
        '200': { description: The item. }
        '404': { description: No such item. }
`,
    });
    const { results } = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    expect(findings(results, dir)).toEqual([{ rule: 'undocumented-status', subject: 'GET /items/{id}', status: 403, at: 'src/items.ts:5:46' }]);
  });

  it('fails with exit 2 when the project cannot be read', async () => {
    const { code, results } = await runJson(['fixtures/projects/express/openapi.yaml', '--project', 'fixtures/projects/no-such/tsconfig.json']);
    expect(code).toBe(2);
    expect(results.flatMap((result) => result.messages).find((message) => message.fatal)?.message).toMatch(/does not exist/);
  });

  it('runs without --project exactly as before: the drift rules need code', async () => {
    const { results } = await runJson(['fixtures/projects/express/openapi.yaml']);
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });

  it('is the same through the programmatic API', async () => {
    const results = await lintSources([{ file: fixture('projects/hono/openapi.yaml') }], { project: fixture('projects/hono/tsconfig.json'), cwd: ROOT });
    expect(findings(results, fixture('projects/hono')).map((item) => item.rule).sort()).toEqual(['no-401-for-forbidden', 'undocumented-route', 'undocumented-status', 'unimplemented-operation', 'unreachable-documented-status']);
  });
});

/** A fixture server copied to a folder of its own, to be changed by a test. */
function copyOfFixtureServer(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `project-${name}-`));
  cpSync(fixture(`projects/${name}`), dir, { recursive: true });
  return dir;
}

describe('--project in CI habits', () => {
  it("honours the code's own eslint-disable comments, and a baseline covers code findings too", async () => {
    const dir = copyOfFixtureServer('express');
    const routes = join(dir, 'src', 'routes', 'users.ts');
    const lines = readFileSync(routes, 'utf8').split('\n');
    // Line 19 sends the undocumented 409: silence it as a team would in its editor.
    lines.splice(18, 0, '  // eslint-disable-next-line @status-lint/undocumented-status -- documented in v2 of the spec');
    writeFileSync(routes, lines.join('\n'));
    const run = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    const result = run.results.find((item) => item.filePath.endsWith('users.ts'))!;
    expect(result.messages.some((message) => message.ruleId === 'undocumented-status' && message.line === 20)).toBe(false);
    expect(result.suppressedMessages.map((message) => [message.ruleId, message.line, message.suppressions[0].justification])).toEqual([['undocumented-status', 20, 'documented in v2 of the spec']]);

    // A baseline records the code findings by rule, file and message: lines may move, they stay known.
    expect((await runCli(['openapi.yaml', '--project', 'tsconfig.json', '--baseline', 'b.json', '--update-baseline'], { cwd: dir })).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(baseline.entries.some((entry: { file: string; message?: string }) => entry.file === 'src/routes/users.ts' && entry.message?.includes('GET /v1/users/{id}/avatar'))).toBe(true);
    writeFileSync(routes, `\n\n${readFileSync(routes, 'utf8')}`);
    const again = await runCli(['openapi.yaml', '--project', 'tsconfig.json', '--baseline', 'b.json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
  });
});

describe('--project on a checkout without node_modules', () => {
  it('scans with the tsconfig\u2019s own options when its `extends` names a package that is not installed, and says so', async () => {
    const dir = copyOfFixtureServer('express');
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, extends: '@repo/typescript-config/node.json' }));
    const { results } = await runJson(['openapi.yaml', '--project', 'tsconfig.json'], { cwd: dir });
    const messages = results.flatMap((result) => result.messages);
    expect(messages.some((message) => message.fatal)).toBe(false);
    expect(messages.find((message) => message.ruleId === null && /"extends".*cannot be read/.test(message.message))?.severity).toBe(1);
    expect(messages.some((message) => message.ruleId === 'undocumented-route')).toBe(true);
  });
});
