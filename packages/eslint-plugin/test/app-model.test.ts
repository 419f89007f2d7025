// The application model: statuses decided by the app's own helpers, error classes and code tables in other files,
// judged at the call site in the plain recommended setup (no type information), and kept right as files change.
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-model-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function lint(dir: string, name: string, text?: string) {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const file = join(dir, name);
  const source = text ?? readFileSync(file, 'utf8');
  return linter
    .verify(source, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } }, { files: ['**/*.ts'], ...plugin.configs.recommended }], { filename: file })
    .map((message) => ({ rule: message.ruleId?.replace('@status-lint/', ''), line: message.line, message: message.message, fixes: (message.suggestions ?? []).map((item) => item.fix.text) }));
}

/** The same for a JavaScript file (CommonJS). */
function lintJs(dir: string, name: string, text: string) {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  return linter
    .verify(text, [{ files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } }, { files: ['**/*.js'], ...plugin.configs.recommended }], { filename: join(dir, name) })
    .map((message) => ({ rule: message.ruleId?.replace('@status-lint/', ''), line: message.line, message: message.message }));
}

const ERRORS = `
export enum AppErrorCode { UNAUTHORIZED = 'UNAUTHORIZED', CONFLICT = 'CONFLICT', INVALID = 'INVALID' }
const STATUS_BY_CODE: Record<AppErrorCode, number> = { [AppErrorCode.UNAUTHORIZED]: 401, [AppErrorCode.CONFLICT]: 409, [AppErrorCode.INVALID]: 400 };
export class AppError extends Error {
  status: number;
  constructor(readonly code: AppErrorCode, message: string) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}
export class HttpError extends Error {
  constructor(message: string, public statusCode = 500) { super(message); }
}
export class ValidationError extends HttpError {
  constructor(message: string) { super(message, 400); }
}
export class TooManyTokensError extends HttpError {
  statusCode = 400;
}
`;

const RESPONSES = `
import { NextResponse } from 'next/server';
export const unauthorized = (body: { message: string }) => NextResponse.json(body, { status: 401 });
export function quickError(status: number, code: string, message: string) {
  return new Response(JSON.stringify({ code, message }), { status });
}
export function tooManyRequests(retryAfter?: number) {
  return NextResponse.json({ error: 'slow down' }, { status: 429 });
}
export function tooManyRequestsWithHeader(seconds: number) {
  return NextResponse.json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': String(seconds) } });
}
export function either(flag: boolean) {
  if (flag) return NextResponse.json({}, { status: 401 });
  return NextResponse.json({}, { status: 404 });
}
`;

describe('helpers in other files', () => {
  const dir = project({
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
    'src/lib/errors.ts': ERRORS,
    'src/lib/responses.ts': RESPONSES,
    'src/lib/index.ts': "export * from './errors';\nexport { default as toErrors } from './default-export';\n",
    'src/lib/default-export.ts': 'export default class PlanLimitError extends Error { statusCode = 400; }\n',
  });

  it('reads a helper through a tsconfig path alias, and names where its status is decided', () => {
    const text = `import { unauthorized } from '@/lib/responses';
export async function DELETE(request: Request) {
  const user = await getUser(request);
  if (user.role !== 'owner') return unauthorized({ message: 'You must be the owner' });
  return new Response(null, { status: 204 });
}
`;
    const [finding] = lint(dir, 'src/app/api/route.ts', text).filter((item) => item.rule === 'no-401-for-forbidden');
    expect(finding.line).toBe(4);
    expect(finding.message).toMatch(/401 from `unauthorized\(\)`, src\/lib\/responses\.ts:3\)$/);
    // The status is written in the helper: changing it at the call is no fix.
    expect(finding.fixes).toEqual([]);
  });

  it("reads a helper through a JavaScript project's jsconfig.json paths, nearer than a tsconfig.json above it", () => {
    const js = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['elsewhere/*'] } } }),
      'web/jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } }),
      'web/lib/responses.js': "module.exports.unauthorized = (res, message) =>\n  res.status(401).json({ message });\n",
    });
    const text = `const { unauthorized } = require('@lib/responses');
module.exports.removeProject = async (req, res) => {
  const project = await Project.findById(req.params.id);
  if (project.ownerId !== req.user.id) return unauthorized(res, 'You must be the owner');
  res.status(204).end();
};
`;
    const findings = lintJs(js, 'web/routes/projects.js', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 4]]);
    expect(findings[0].message).toMatch(/401 from `unauthorized\(\)`, web\/lib\/responses\.js:1\)$/);
  });

  it('rewrites a status written at the call of a helper that takes it', () => {
    const text = `import { quickError } from '../lib/responses';
export function GET() {
  return quickError(401, 'cannot_access_app', "You can't access this app: insufficient permissions");
}
`;
    const [finding] = lint(dir, 'src/app/route.ts', text).filter((item) => item.rule === 'no-401-for-forbidden');
    expect(finding?.fixes).toEqual(['403']);
  });

  it('follows error classes: super(...) arguments, parameter-property defaults, class fields, re-exports and default exports', () => {
    const text = `import { ValidationError, TooManyTokensError, toErrors as PlanLimitError } from '../lib';
export function create(existing: unknown, count: number) {
  if (existing) throw new ValidationError('User with email already exists');
  if (count > 200) throw new TooManyTokensError('limit reached');
  throw new PlanLimitError('Only available for paid accounts');
}
`;
    const findings = lint(dir, 'src/app/service.ts', text).filter((item) => item.rule === 'no-400-for-semantic-error');
    expect(findings.map((item) => item.line)).toEqual([3, 4, 5]);
    expect(findings[0].message).toMatch(/400 from `new ValidationError\(\)`, its super\(\.\.\.\) call to HttpError, src\/lib\/errors\.ts:\d+\)$/);
  });

  it('looks a code up in the application\'s own table', () => {
    const text = `import { AppError, AppErrorCode } from '../lib/errors';
export function remove(user: { isAdmin: boolean }) {
  if (!user.isAdmin) throw new AppError(AppErrorCode.UNAUTHORIZED, 'Only admins can remove members');
  throw new AppError(AppErrorCode.CONFLICT, 'already removed');
}
`;
    const findings = lint(dir, 'src/app/members.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 3]]);
  });

  it('requires Retry-After of a 429 helper unless the helper sets it', () => {
    const text = `import { tooManyRequests, tooManyRequestsWithHeader } from '../lib/responses';
export function a() { return tooManyRequests(); }
export function b() { return tooManyRequestsWithHeader(30); }
`;
    expect(lint(dir, 'src/app/limits.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 2]]);
  });

  it('never guesses: a helper whose status depends on a branch, and an error that is built but not sent', () => {
    const text = `import { either } from '../lib/responses';
import { ValidationError } from '../lib/errors';
export function a(user: { role: string }) {
  if (user.role !== 'admin') return either(true);
  const error = new ValidationError('already exists');
  console.log(error);
  return null;
}
`;
    expect(lint(dir, 'src/app/quiet.ts', text)).toEqual([]);
  });
});

describe('statuses of blind set 21', () => {
  const dir = project({
    'src/lib/errors.ts': `import { HttpException, HttpStatus } from '@nestjs/common';
export class RelayLimitReachedError extends HttpException {
  constructor(readonly address: string) {
    super(\`Relay limit reached for \${address}\`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
`,
    'src/lib/oauth.ts': `import type { Response } from 'express';
export const sendOAuthError = (res: Response, status: number, error: string, description?: string) => {
  return res.status(status).json({ error, ...(description && { error_description: description }) });
};
`,
  });

  it('an error named by a constant before it is thrown (`const error = new RelayLimitReachedError(a); log(error); throw error`)', () => {
    const text = `import { RelayLimitReachedError } from '../lib/errors';
export class Relayer {
  async relay(address: string, count: number) {
    if (count > 5) {
      const error = new RelayLimitReachedError(address);
      console.info(error.message);
      throw error;
    }
    const unused = new RelayLimitReachedError(address);
    return { ok: true, unused };
  }
}
`;
    expect(lint(dir, 'src/relay/relayer.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 5]]);
  });

  it("a status chosen by a condition at a helper's call is read on each branch, and a helper read in full sets no header it does not write", () => {
    const text = `import express from 'express';
import { sendOAuthError } from '../lib/oauth';
export const router = express.Router();
router.post('/oauth/device/approve', async (req, res) => {
  try {
    res.json(await approve(req.body.user_code));
  } catch (e) {
    return sendOAuthError(res, isRateLimitError(e) ? 429 : 400, isRateLimitError(e) ? 'slow_down' : 'invalid_request');
  }
});
`;
    expect(lint(dir, 'src/routes/oauth.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 8]]);
    // A helper that may write more headers than it was read to leaves the 429 alone.
    const other = project({ 'src/lib/oauth.ts': readFileSync(join(dir, 'src/lib/oauth.ts'), 'utf8').replace('return res.status', 'res.set(extraHeaders());\n  return res.status') });
    expect(lint(other, 'src/routes/oauth.ts', text)).toEqual([]);
  });
});

describe('an answer returned as `{ status, body }` by a helper of another file', () => {
  it("bull-board's `errorResponse(400, { key: 'ERRORS.JOB_NOT_RETRIABLE' })`: the status is the helper's argument, the words its translation key", () => {
    const dir = project({
      'src/errors.ts': `export function errorResponse(status: number, error: string | { key: string; options?: object }, details: Record<string, unknown> = {}) {
  return { status, body: { error: typeof error === 'string' ? { key: error } : error, ...details } };
}
`,
    });
    const text = `import { errorResponse } from '../errors';
export async function retryJob(_req: unknown, job: { getState(): Promise<string>; retry(state: string): Promise<void> }) {
  const state = await job.getState();
  if (state !== 'failed' && state !== 'completed') {
    return errorResponse(400, { key: 'ERRORS.JOB_NOT_RETRIABLE', options: { state } });
  }
  if (!_req) return errorResponse(400, { key: 'ERRORS.MISSING_BODY' });
  await job.retry(state);
  return { status: 204, body: {} };
}
`;
    const found = lint(dir, 'src/handlers/retryJob.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 5]]);
    expect(found[0].message).toContain('not retriable');
    expect(found[0].message).toContain('errorResponse()');
  });
});

describe('a switch over codes in a helper', () => {
  it("a case that does its own work and breaks does not take the status of the next case that returns", () => {
    const dir = project({
      'src/request.ts': `export function createResponse(responseType: string, data: { code?: string }) {
  const internalError = (code?: string) => ({ status: 500, body: { error: { code } } });
  let status = 200;
  let response = {};
  if (responseType === 'error') status = 400;
  switch (responseType) {
    case 'error':
      response = { error: { code: data.code } };
      break;
    case 'critical':
      return internalError(data.code);
  }
  return { status, body: response };
}
`,
    });
    const text = `import { createResponse } from '../request';
export async function match(url: string) {
  try {
    return await fetch(url);
  } catch {
    return createResponse('error', { code: 'error.api.fetch.critical' });
  }
}
`;
    expect(lint(dir, 'src/processing/match.ts', text)).toEqual([]);
  });
});

describe('framework and RPC knowledge', () => {
  const dir = project({ 'src/errors.ts': "import { BadRequestException } from '@nestjs/common';\nexport class WorkflowAlreadyExistsException extends BadRequestException {}\n" });

  it('tRPC codes and Nest exception subclasses', () => {
    const text = `import { TRPCError } from '@trpc/server';
import { WorkflowAlreadyExistsException } from './errors';
export function a(ctx: { user: { isAdmin: boolean } }) {
  if (!ctx.user.isAdmin) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Only admins can do that' });
  throw new WorkflowAlreadyExistsException();
}
`;
    expect(lint(dir, 'src/router.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 4],
      ['no-400-for-semantic-error', 5],
    ]);
  });
});

describe("h3's createError (Nuxt and Nitro servers)", () => {
  const dir = project({ 'nuxt.config.ts': 'export default {};\n' });

  it('reads the status of its options object, imported from h3 or auto-imported, and the words of statusMessage', () => {
    const imported = `import { createError, defineEventHandler } from 'h3';
export default defineEventHandler(async (event) => {
  const user = await getUser(event);
  if (!user.isAdmin) {
    throw createError({ statusCode: 401, statusMessage: 'Only admins can change the interface' });
  }
  if (await db.interfaces.findByName(event.context.params.name)) {
    throw createError({ status: 400, statusMessage: 'An interface with this name already exists' });
  }
  throw createError({ statusCode: 400, statusMessage: 'Invalid interface name' });
});
`;
    expect(lint(dir, 'server/api/interface.post.ts', imported).map((item) => [item.rule, item.line, item.fixes])).toEqual([
      ['no-401-for-forbidden', 5, ['403']],
      ['no-400-for-semantic-error', 8, ['409']],
    ]);
    // Nuxt imports it for the server's files: no import, and a local function of the same name is the file's own.
    const autoImported = imported.replace("import { createError, defineEventHandler } from 'h3';\n", '');
    expect(lint(dir, 'server/api/interface.post.ts', autoImported).map((item) => item.line)).toEqual([4, 7]);
    const own = `function createError(options: { statusCode: number }) { return new Error(String(options.statusCode)); }\n${autoImported}`;
    expect(lint(dir, 'server/api/interface.post.ts', own)).toEqual([]);
  });
});

describe('what Nuxt gives its server files without an import', () => {
  const dir = project({
    'nuxt.config.ts': 'export default {};\n',
    'server/utils/kunError.ts': `import type { H3Event } from 'h3';
export const kunError = (event: H3Event, message: string, code: number = 233, statusCode: number = 233) => {
  return sendError(event, createError({ statusCode, data: { code, message } }));
};
`,
    'server/utils/denied.ts': `export const denied = (event: unknown, message: string) => sendError(event as never, createError({ statusCode: 401, statusMessage: message }));\n`,
    'lib/s3/upload.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({});
export const uploadImage = async (key: string, body: Buffer) => {
  await client.send(new PutObjectCommand({ Bucket: 'images', Key: key, Body: body }));
};
`,
  });

  it("reads a utility of server/utils called by its name alone: an error it sends with a 2xx status, and a 401 it sends after a role check", () => {
    const text = `export default defineEventHandler(async (event) => {
  const user = await getUser(event);
  if (!user.isAdmin) {
    return denied(event, 'Only admins can delete topics');
  }
  const topic = await prisma.topic.findUnique({ where: { id: Number(event.context.params?.tid) } });
  if (!topic) {
    return kunError(event, 'Topic not found');
  }
  return topic;
});
`;
    expect(lint(dir, 'server/api/topic.delete.ts', text).map((item) => [item.rule, item.line, item.fixes])).toEqual([
      ['no-401-for-forbidden', 4, []],
      ['no-error-body-on-success', 8, []],
    ]);
    expect(lint(dir, 'server/api/topic.delete.ts', text)[1].message).toMatch(/^233 success status given to an error.*Use 404.*\(233 from `kunError\(\)`, server\/utils\/kunError\.ts:2\)/);
    // Outside a Nuxt or Nitro application, or when the file declares the name, it is no utility of the server.
    const plain = project({ 'server/utils/kunError.ts': readFileSync(join(dir, 'server/utils/kunError.ts'), 'utf8') });
    expect(lint(plain, 'server/api/topic.delete.ts', text)).toEqual([]);
    const own = `${text}function kunError(event: unknown, message: string) { return { event, message }; }\n`;
    expect(lint(dir, 'server/api/topic.delete.ts', own).map((item) => item.rule)).not.toContain('no-error-body-on-success');
  });

  it("resolves the `~/` alias of the generated tsconfig: an upload of the application's S3 module the handler lets fail", () => {
    const text = `import { uploadImage } from '~/lib/s3/upload';
export default defineEventHandler(async (event) => {
  const form = await readMultipartFormData(event);
  await uploadImage('avatar.webp', form![0].data);
  return 'ok';
});
`;
    expect(lint(dir, 'server/api/avatar.post.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 4]]);
    expect(lint(dir, 'server/api/avatar.post.ts', text.replace('~/lib', '~~/lib')).map((item) => item.line)).toEqual([4]);
    expect(lint(dir, 'server/api/avatar.post.ts', text.replace('~/lib', '~/missing'))).toEqual([]);
  });
});

describe("a helper's error thrown inside a `try`", () => {
  it("is answered by the `catch`, which sends the error's words with a status of its own: not a 2xx the global error handler gives that error", () => {
    const dir = project({
      'package.json': '{ "name": "mail-worker", "dependencies": { "hono": "^4.0.0" } }\n',
      'src/biz-error.ts': `export class BizError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BizError';
  }
}
`,
      'src/app.ts': `import { Hono } from 'hono';
import { BizError } from './biz-error';
export const app = new Hono();
app.onError((err, c) => c.json({ code: err instanceof BizError ? 501 : 500, message: err.message }));
`,
      'src/resend-service.ts': `import { BizError } from './biz-error';
export const resendService = {
  async webhooks(body: { id?: string }) {
    if (!body.id) throw new BizError('Failed to update the email status');
  },
};
`,
    });
    const inTry = `import { app } from './app';
import { resendService } from './resend-service';
app.post('/webhooks', async (c) => {
  try {
    await resendService.webhooks(await c.req.json());
    return c.text('success', 200);
  } catch (e) {
    return c.text((e as Error).message, 500);
  }
});
`;
    expect(lint(dir, 'src/api.ts', inTry)).toEqual([]);
    // Outside the \`try\`, the global handler answers it with 200.
    const bare = `import { app } from './app';
import { resendService } from './resend-service';
app.post('/webhooks', async (c) => {
  await resendService.webhooks(await c.req.json());
  return c.text('success', 200);
});
`;
    expect(lint(dir, 'src/api.ts', bare).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 4]]);
  });
});

describe('error classes of packages named for their status', () => {
  it("Egg.js's egg-errors (`E400`, `ForbiddenError`), lambert-server's `HTTPError(message, code = 400)`, and a class of the app whose `code` parameter defaults to a status", () => {
    const dir = project({ 'src/http-error.ts': 'export class HTTPError extends Error {\n  constructor(message: string, public code: number = 400) {\n    super(message);\n  }\n}\n' });
    const text = `import { E400, UnauthorizedError } from 'egg/errors';
import { HTTPError } from 'lambert-server';
import { HTTPError as OwnError } from './http-error';
export async function a(ctx: { user: { id: string } }, guild: { ownerId: string; closed: boolean }) {
  if (guild.ownerId !== ctx.user.id) throw new UnauthorizedError('Only the owner of this guild can do that');
  if (guild.closed) throw new E400('registry already exists');
  if (!guild.ownerId) throw new HTTPError('You are not the owner of this guild', 401);
  throw new OwnError('Username already taken');
}
`;
    expect(lint(dir, 'src/router.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 5],
      ['no-400-for-semantic-error', 6],
      ['no-401-for-forbidden', 7],
      ['no-400-for-semantic-error', 8],
    ]);
  });

  it("api-problem's `Problem(status, members)`, imported or required whole: the status is its first argument, the words its `detail`", () => {
    const dir = project({});
    const imported = `import Problem from 'api-problem';
export async function removeRole(req: { currentUser: { id: string }; body: string[] }, form: { owners: string[] }) {
  if (!form.owners.includes(req.currentUser.id)) throw new Problem(401, { detail: 'Current user does not have permission to update roles' });
  if (req.body.length === 0) throw new Problem(400, { detail: 'A list of user ids is required' });
}
`;
    expect(lint(dir, 'src/middleware.ts', imported).map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 3]]);
    const required = `const Problem = require('api-problem');
module.exports.hasFormPermissions = (form, user) => {
  if (!form.permissions.includes(user.id)) throw new Problem(401, { detail: 'You do not have access to this form.' });
};
`;
    expect(lintJs(dir, 'src/access.js', required).map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 3]]);
  });

  it('an error code that is no status stays a code: `public code: string`', () => {
    const dir = project({ 'src/app-error.ts': 'export class AppError extends Error {\n  constructor(message: string, public code: string) {\n    super(message);\n  }\n}\n' });
    const text = `import { AppError } from './app-error';
export function a() {
  throw new AppError('Username already taken', 'E_TAKEN');
}
`;
    expect(lint(dir, 'src/router.ts', text)).toEqual([]);
  });
});

describe('a code written as one string', () => {
  it("`new ChatSDKError('bad_request:database')`: the part before the separator is looked up in the switch that gives the status", () => {
    const dir = project({
      'lib/errors.ts': `export type ErrorCode = \`\${'bad_request' | 'forbidden' | 'rate_limit'}:\${'chat' | 'database'}\`;
export class ChatSDKError extends Error {
  type: string;
  surface: string;
  statusCode: number;
  constructor(errorCode: ErrorCode, cause?: string) {
    super();
    const [type, surface] = errorCode.split(':');
    this.type = type as string;
    this.surface = surface;
    this.statusCode = getStatusCodeByType(this.type);
  }
}
function getStatusCodeByType(type: string) {
  switch (type) {
    case 'bad_request':
      return 400;
    case 'forbidden':
      return 403;
    case 'rate_limit':
      return 429;
    default:
      return 500;
  }
}
`,
    });
    const text = `import { ChatSDKError } from '../lib/errors';
export async function POST(request: Request) {
  const chat = await getChatById(request.url);
  if (chat.userId !== 'x') throw new ChatSDKError('forbidden:chat', 'This chat belongs to another user');
  if (chat.closed) throw new ChatSDKError('bad_request:chat', 'This chat already exists');
  throw new ChatSDKError('rate_limit:chat', 'You have exceeded your maximum number of messages for the day');
}
`;
    expect(lint(dir, 'app/route.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 5],
      ['require-retry-after-on-429', 6],
    ]);
    // The same errors answered with their own method (`return new ChatSDKError(...).toResponse()`).
    const answered = `import { ChatSDKError } from '../lib/errors';
export async function POST(request: Request) {
  const chat = await getChatById(request.url);
  if (chat.closed) return new ChatSDKError('bad_request:chat', 'This chat already exists').toResponse();
  if (chat.busy) return new ChatSDKError('rate_limit:chat', 'Too many messages').toResponse();
  return Response.json(chat);
}
`;
    expect(lint(dir, 'app/answered.ts', answered).map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 4],
      ['require-retry-after-on-429', 5],
    ]);
  });
});

describe('a procedure that answers with what a helper of another file builds', () => {
  it("tRPC: `return createErrorResponse(error)` returns the helper's `{ success: false, error }` with 200", () => {
    const dir = project({
      'src/errors.ts': `export const createErrorResponse = (error: unknown) => {
  const message = error instanceof Error ? error.message : 'Unknown error';
  return { success: false as const, error: message };
};
export const loadProfile = (id: string) => {
  return { success: true as const, id };
};
`,
    });
    const text = `import { initTRPC } from '@trpc/server';
import { createErrorResponse, loadProfile } from './errors';
const t = initTRPC.create();
export const router = t.router({
  rename: t.procedure.mutation(async ({ input }) => {
    try {
      return { success: true as const, data: await workspaces.rename(input) };
    } catch (error) {
      return createErrorResponse(error);
    }
  }),
  profile: t.procedure.query(async ({ input }) => loadProfile(String(input))),
});
`;
    expect(lint(dir, 'src/router.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 9]]);
  });
});

describe('a message from a table the model cannot read', () => {
  it('the key of an error-message table names the failure (`ErrorMessage.UserAlreadyExists`), but never speaks for the input', () => {
    const dir = project({});
    const text = `import { BadRequestException } from '@nestjs/common';
import { ErrorMessage } from '@acme/utils';
export async function register(user: { email: string; twoFactorEnabled: boolean }) {
  if (await users.exists(user.email)) throw new BadRequestException(ErrorMessage.UserAlreadyExists);
  if (!user.email.includes('@')) throw new BadRequestException(ErrorMessage.InvalidEmail);
  throw new BadRequestException(ErrorMessage.E1234);
}
`;
    expect(lint(dir, 'src/auth.service.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
  });
});

describe('better-auth and better-call', () => {
  it("APIError named by status (`new APIError('TOO_MANY_REQUESTS')`), through an app subclass that hands its arguments on and a static factory", () => {
    const dir = project({
      'src/error.ts': `import { APIError as BaseAPIError } from 'better-call/error';
export class APIError extends BaseAPIError {
  constructor(...args: ConstructorParameters<typeof BaseAPIError>) {
    super(...args);
  }
  static from(status: ConstructorParameters<typeof BaseAPIError>[0], error: { code: string; message: string }) {
    return new APIError(status, { message: error.message, code: error.code });
  }
}
`,
    });
    const text = `import { APIError as AuthError } from 'better-auth/api';
import { APIError } from './error';
export async function verify(key: { remaining: number; userId: string }, session: { user: { id: string } }) {
  if (key.remaining === 0) throw APIError.from('TOO_MANY_REQUESTS', { code: 'USAGE_EXCEEDED', message: 'Usage exceeded' });
  if (key.userId !== session.user.id) throw new AuthError('UNAUTHORIZED', { message: 'You are not allowed to use this key' });
  throw new APIError('BAD_REQUEST', { message: 'Organization not found' });
}
`;
    expect(lint(dir, 'src/verify.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['require-retry-after-on-429', 4],
      ['no-401-for-forbidden', 5],
      ['no-400-for-semantic-error', 6],
    ]);
  });
});

describe('response methods named for their status', () => {
  it('res.badRequest(message) and res.ratelimited(ms), added to the response by the app, are judged like the sends they stand for, with no rename offered', () => {
    const dir = project({});
    const text = `import type { NextApiRequest, NextApiResponse } from 'next';
type Res = NextApiResponse & { badRequest(message: string): void; ratelimited(ms: number): void };
export default async function handler(req: NextApiRequest, res: Res) {
  const { username } = req.body;
  if (!username) return res.badRequest('no username');
  const user = await prisma.user.findFirst({ where: { username } });
  if (user) return res.badRequest('username already exists');
  if (await limited(req)) return res.ratelimited(60_000);
  return res.json({ ok: true });
}
`;
    const found = lint(dir, 'src/pages/api/check.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 7],
      ['require-retry-after-on-429', 8],
    ]);
    expect(found[0].message).toContain('409');
    expect(found[0].fixes).toEqual([]);
    expect(found[1].fixes[0]).toMatch(/^res\.setHeader\('Retry-After', /);
  });
});

describe('an editor session', () => {
  it('sees a helper file change', async () => {
    const dir = project({ 'src/respond.ts': "export const deny = () => Response.json({ error: 'no' }, { status: 401 });\n" });
    const text = "import { deny } from './respond';\nexport function a(user: { role: string }) {\n  if (user.role !== 'admin') return deny();\n}\n";
    expect(lint(dir, 'src/handler.ts', text).map((item) => item.rule)).toEqual(['no-401-for-forbidden']);
    writeFileSync(join(dir, 'src/respond.ts'), "export const deny = () => Response.json({ error: 'no' }, { status: 403 });\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src/respond.ts'), later, later);
    await new Promise((done) => setTimeout(done, 2100));
    expect(lint(dir, 'src/handler.ts', text)).toEqual([]);
  });
});

describe('bodies and procedures', () => {
  const dir = project({ 'src/envelope.ts': 'export const fail = (code: number, message: string) => ({ success: false, code, message });\n' });

  it('reads the body an app helper builds from its arguments', () => {
    const text = `import express from 'express';
import { fail } from './envelope';
const app = express();
app.post('/import', async (req, res) => {
  try {
    await runImport(req.body);
    res.json({ success: true });
  } catch (error) {
    res.json(fail(500, 'Import failed'));
  }
});
`;
    expect(lint(dir, 'src/server.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 9]]);
  });

  it('a tRPC resolver that answers a failure with { success: false } sends it with 200', () => {
    const text = `import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const router = t.router({
  trigger: t.procedure.mutation(async () => {
    try {
      await fetch('https://runner.example.com/start');
      return { success: true };
    } catch (error) {
      return { success: false, error: 'Failed to start the run' };
    }
  }),
});
`;
    expect(lint(dir, 'src/router.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 9]]);
  });
});

describe('with type information', () => {
  it('resolves imports through the program typescript-eslint builds', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', paths: { '#lib/*': ['./src/lib/*'] } }, include: ['src'] }),
      'src/lib/deny.ts': "export const deny = () => Response.json({ error: 'no' }, { status: 401 });\n",
      'src/handler.ts': "import { deny } from '#lib/deny.js';\nexport function a(user: { role: string }) {\n  if (user.role !== 'admin') return deny();\n  return null;\n}\n",
    });
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const file = join(dir, 'src/handler.ts');
    const messages = linter.verify(
      readFileSync(file, 'utf8'),
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: dir } } }, { files: ['**/*.ts'], ...plugin.configs.recommended }],
      { filename: file },
    );
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual([['@status-lint/no-401-for-forbidden', 3]]);
  });
});

describe('codes in tables, RPC codes and returned statuses', () => {
  const dir = project({
    'src/errors.ts': `export class RequestError extends Error {
  constructor(readonly code: string, readonly status = 400) { super(code); }
}
const errorCodeToHttpStatus = { bad_request: 400, forbidden: 403, rate_limit_exceeded: 429, conflict: 409 } as const;
export class DubApiError extends Error {
  status: number;
  constructor({ code, message }: { code: keyof typeof errorCodeToHttpStatus; message: string }) {
    super(message);
    this.status = errorCodeToHttpStatus[code];
  }
}
`,
  });

  it('a default status, a destructured code looked up in a table, ConnectRPC codes', () => {
    const text = `import { ConnectError, Code } from '@connectrpc/connect';
import { RequestError, DubApiError } from './errors';
export async function handler(domain: unknown, taken: boolean) {
  if (taken) throw new RequestError('domain.hostname_already_exists');
  if (!domain) throw new DubApiError({ code: 'rate_limit_exceeded', message: 'Too many requests' });
  throw new ConnectError('Plan limit reached: only 3 projects on the free plan', Code.FailedPrecondition);
}
`;
    expect(lint(dir, 'src/handler.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 4],
      ['require-retry-after-on-429', 5],
      ['no-400-for-semantic-error', 6],
    ]);
  });

  it('oRPC codes: ORPCError(code, { message }) answers with the status oRPC gives the code', () => {
    const text = `import { ORPCError, os } from '@orpc/server';
export const invite = os.handler(async ({ input, context }) => {
  if (!(await limiter.limit(context.user.id)).success) throw new ORPCError('TOO_MANY_REQUESTS', { message: 'Too many requests' });
  if (await prisma.invitation.findFirst({ where: { email: input.email } })) throw new ORPCError('BAD_REQUEST', { message: 'Email already in use' });
  if (!input.email) throw new ORPCError('BAD_REQUEST', { message: 'email is required' });
  if (!context.user) throw new ORPCError('UNAUTHORIZED');
  return { ok: true };
});
`;
    expect(lint(dir, 'src/invite.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['require-retry-after-on-429', 3],
      ['no-400-for-semantic-error', 4],
    ]);
  });

  it('ts-rest handlers return { status, body }, and a Hono exception carries the words of its response', () => {
    const text = `import { initServer } from '@ts-rest/express';
import { HTTPException } from 'hono/http-exception';
const s = initServer();
export const router = s.router(contract, {
  createTeam: async ({ body }) => {
    if (await teams.exists(body.name)) return { status: 400, body: { message: 'Team name already exists' } };
    return { status: 201, body: { ok: true } };
  },
});
export function tag(c: any) {
  throw new HTTPException(400, { res: c.json({ error: 'Tag already exists' }) });
}
`;
    expect(lint(dir, 'src/teams.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 6],
      ['no-400-for-semantic-error', 11],
    ]);
  });
});

describe('helpers exported in the ways people write', () => {
  it('export default Handler = { badRequest(req, res, message) {...} }, calling a local function that sets the status', () => {
    const dir = project({
      'src/errors/http-error-handler.ts': `function handleGeneric400Error(req, res, statusCode, message) {
  res.status(statusCode);
  return res.json({ message });
}
let HttpErrorHandler: any;
export default HttpErrorHandler = {
  badRequest(req: any, res: any, message: string) {
    handleGeneric400Error(req, res, 400, message);
  },
};
`,
    });
    const text = `import HttpErrorHandler from './errors/http-error-handler';
export async function purchaseAddon(req: any, res: any) {
  const { isPaused } = await checkPauseStatus(req.user);
  if (isPaused) return HttpErrorHandler.badRequest(req, res, 'Cannot purchase add-ons while subscription is paused.');
  if (!req.body.addOnCode) return HttpErrorHandler.badRequest(req, res, 'addOnCode is required');
  res.sendStatus(200);
}
`;
    expect(lint(dir, 'src/subscription.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
  });
});

describe('error classes whose status the error handler decides', () => {
  it('a class with no status of its own is answered with what the global error handler sends for it', () => {
    const dir = project({
      'src/errors.ts': 'export class InvalidError extends Error {}\nexport class ConflictError extends InvalidError {}\nexport class QuietError extends Error {}\n',
      'src/middleware/error-handler.ts': `import { Request, Response, NextFunction } from 'express';
import * as Errors from '../errors';
export function handleApiError(error: Error, req: Request, res: Response, next: NextFunction) {
  if (error instanceof Errors.InvalidError) {
    res.status(400).send(error.message);
  } else if (error instanceof Errors.QuietError) {
    res.status(400).send(error.message);
  } else if (res.headersSent) {
    // The handler throws a class of the application itself: reading it must not read the handler again.
    throw new Errors.QuietError('headers already sent');
  } else {
    res.status(500).send('Internal error');
  }
}
`,
      'src/other-handler.ts': `import { Request, Response, NextFunction } from 'express';
import { QuietError } from './errors';
export function otherHandler(err: Error, req: Request, res: Response, next: NextFunction) {
  if (err instanceof QuietError) return res.status(409).json({ error: err.message });
  next(err);
}
`,
    });
    const text = `import * as Errors from './errors';
export async function switchPhase(test: { archived: boolean }, count: number) {
  if (test.archived) throw new Errors.InvalidError('Cannot switch an archived split test to next phase');
  if (count > 1) throw new Errors.ConflictError('Split test is already in the release phase');
  throw new Errors.QuietError('Split test is already archived');
}
`;
    const found = lint(dir, 'src/split-tests.ts', text);
    // Two handlers that answer QuietError differently decide nothing for it.
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 3],
      ['no-400-for-semantic-error', 4],
    ]);
    expect(found[0].message).toContain('its error handler (src/middleware/error-handler.ts:5)');
  });

  it('a handler that chooses an error for each class and sends the one it chose at the end answers the class with that status', () => {
    const dir = project({
      'server/utils/httpErrors.js': `class HttpError extends Error {}
class Error400 extends HttpError { constructor(message) { super(); this.status = 400; this.message = message; } }
class Error429 extends HttpError { constructor(properties) { super(); this.status = 429; this.properties = properties; } }
class Error500 extends HttpError { constructor(error) { super(); this.status = 500; this.error = error; } }
module.exports = { HttpError, Error400, Error429, Error500 };
`,
      'server/utils/coreErrors.js': `class ServiceNotConfiguredError extends Error { constructor(message) { super(); this.message = message; } }
class TooManyRequests extends Error { constructor(message, timeBeforeNext) { super(); this.message = message; this.timeBeforeNext = timeBeforeNext; } }
module.exports = { ServiceNotConfiguredError, TooManyRequests };
`,
      'server/api/middlewares/errorMiddleware.js': `const { HttpError, Error400, Error429, Error500 } = require('../../utils/httpErrors');
const { ServiceNotConfiguredError, TooManyRequests } = require('../../utils/coreErrors');
module.exports = function errorMiddleware(error, req, res, next) {
  let responseError;
  if (error instanceof ServiceNotConfiguredError) {
    responseError = new Error400('SERVICE_NOT_CONFIGURED');
  } else if (error instanceof TooManyRequests) {
    responseError = new Error429({ time_before_next: error.timeBeforeNext });
  } else if (error instanceof HttpError) {
    responseError = error;
  } else {
    responseError = new Error500(error);
  }
  res.status(responseError.status).send(responseError);
};
`,
    });
    const text = `const { ServiceNotConfiguredError, TooManyRequests } = require('../../utils/coreErrors');
async function scan(config, attempts) {
  if (attempts > 5) throw new TooManyRequests('Too many scans', 60);
  if (!config.apiKey) throw new ServiceNotConfiguredError('Nuki Web API is not configured');
  return [];
}
module.exports = { scan };
`;
    const found = new Linter({ configType: 'flat', cwd: dir })
      .verify(text, [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, { files: ['**/*.js'], ...plugin.configs.recommended }], { filename: join(dir, 'server/lib/nuki/scan.js') })
      .map((message) => ({ rule: message.ruleId?.replace('@status-lint/', ''), line: message.line, message: message.message }));
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['require-retry-after-on-429', 3],
      ['no-400-for-semantic-error', 4],
    ]);
    expect(found[0].message).toContain('its error handler (server/api/middlewares/errorMiddleware.js:8)');
  });

  it('a browser app beside the server (a nested package with react and no server framework) holds no handler of the server', () => {
    const handler = `export function handle(error: Error, req: any, res: any, next: any) {
  if (error instanceof InvalidError) return res.status(400).send(error.message);
  res.status(500).send('Internal error');
}
class InvalidError extends Error {}
`;
    const files = {
      'package.json': JSON.stringify({ name: 'server', dependencies: { express: '^4.0.0' } }),
      'src/errors.ts': 'export class InvalidError extends Error {}\n',
    };
    const text = "import { InvalidError } from './errors';\nexport function archive(test: { archived: boolean }) {\n  if (test.archived) throw new InvalidError('Cannot switch an archived split test to next phase');\n}\n";
    const inBrowserApp = project({ ...files, 'frontend/package.json': JSON.stringify({ name: 'frontend', dependencies: { react: '^19.0.0' } }), 'frontend/src/error-handler.ts': handler.replace('class InvalidError extends Error {}', "import { InvalidError } from '../../src/errors';") });
    expect(lint(inBrowserApp, 'src/split-tests.ts', text)).toEqual([]);
    const inServer = project({ ...files, 'src/error-handler.ts': handler.replace('class InvalidError extends Error {}', "import { InvalidError } from './errors';") });
    expect(lint(inServer, 'src/split-tests.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 3]]);
  });
});

describe("a NestJS service whose result a controller returns as it is", () => {
  it("`return this.settingsService.addSetting(payload)` in a controller: the service's `{ status: 'NOK' }` is a body sent with a 2xx; a method no controller returns is not", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'maintainerr', private: true }),
      'src/settings/settings.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';
import { SettingsService } from './settings.service';
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settingsService: SettingsService) {}
  @Post('/radarr')
  async addRadarrSetting(@Body() payload: { url: string }) {
    return await this.settingsService.addRadarrSetting(payload);
  }
}
`,
    });
    const text = `import { Injectable } from '@nestjs/common';
@Injectable()
export class SettingsService {
  constructor(private readonly repo: { save(value: unknown): Promise<unknown> }) {}
  public async addRadarrSetting(settings: { url: string }) {
    try {
      const saved = await this.repo.save(settings);
      return { data: saved, status: 'OK', code: 1, message: 'Success' };
    } catch (e) {
      return { status: 'NOK', code: 0, message: 'Failure' };
    }
  }
  public async syncInternally() {
    try {
      await this.repo.save({});
      return { status: 'OK', code: 1 };
    } catch (e) {
      return { status: 'NOK', code: 0, message: 'Failure' };
    }
  }
}
`;
    expect(lint(dir, 'src/settings/settings.service.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 10]]);
  });
});

describe('tRPC procedures built in another file', () => {
  it('`export const withAuth = t.procedure.use(authMiddleware)`: a resolver handed to withAuth.mutation() is a procedure, for signed-in callers', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'captable', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'src/trpc/api/trpc.ts': `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<{ session: { user?: { id: string } } | null }>().create();
const authMiddleware = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { session: ctx.session } });
});
export const withAuth = t.procedure.use(authMiddleware);
export const withoutAuth = t.procedure;
`,
    });
    const text = `import { TRPCError } from '@trpc/server';
import { withAuth } from '@/trpc/api/trpc';
export const cloneUpdateProcedure = withAuth.mutation(async ({ ctx, input }: { ctx: any; input: { title: string; ownerId: string } }) => {
  if (input.ownerId !== ctx.session.user.id) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'You cannot clone this update' });
  }
  try {
    return { success: true, publicId: await ctx.db.update.clone(input) };
  } catch (error) {
    return { success: false, message: 'Oops, something went wrong. Please try again later.' };
  }
});
`;
    expect(lint(dir, 'src/trpc/routers/update/clone-update.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 5],
      ['no-error-body-on-success', 10],
    ]);
    // Only the procedure says who the caller is: a value the request lacks is no credential.
    const lacking = `import { TRPCError } from '@trpc/server';
import { withAuth, withoutAuth } from '@/trpc/api/trpc';
export const a = withAuth.mutation(async ({ input }: { input: { companyId?: string } }) => {
  if (!input.companyId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  return { done: true };
});
export const b = withoutAuth.mutation(async ({ input }: { input: { companyId?: string } }) => {
  if (!input.companyId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  return { done: true };
});
`;
    expect(lint(dir, 'src/trpc/routers/company.ts', lacking).map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 4]]);
  });
});

describe('a status a getter returns', () => {
  it("XRPC's `constructor(public type: ResponseType)` with `get statusCode() { const { type } = this; ...; return type }`: the subclass's super(ResponseType.InvalidRequest) is a 400", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'pds', private: true }),
      'src/types.ts': `export enum ResponseType { Unknown = 1, InvalidRequest = 400, AuthenticationRequired = 401, InternalServerError = 500 }
`,
      'src/errors.ts': `import { ResponseType } from './types';
export class XRPCError extends Error {
  constructor(public type: ResponseType, public errorMessage?: string, public customErrorName?: string) {
    super(errorMessage);
  }
  get statusCode(): number {
    const { type } = this;
    if (type < 400 || type >= 600 || !Number.isFinite(type)) {
      return 500;
    }
    return type;
  }
}
export class InvalidRequestError extends XRPCError {
  constructor(errorMessage?: string, customErrorName?: string) {
    super(ResponseType.InvalidRequest, errorMessage, customErrorName);
  }
}
`,
    });
    const text = `import { InvalidRequestError } from '../errors';
export async function getRecord(ctx: any, params: { uri: string }) {
  const record = await ctx.db.getRecord(params.uri);
  if (!record) throw new InvalidRequestError(\`Could not locate record: \${params.uri}\`, 'RecordNotFound');
  return record;
}
`;
    const found = lint(dir, 'src/api/getRecord.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
    expect(found[0].message).toContain('400 from `new InvalidRequestError()`');
  });
});

describe('an error class whose headers an app helper makes', () => {
  it('a 429 class handing its base `getRateLimitHeaders(result)` sends Retry-After when that helper writes it, and not otherwise', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'gateway', private: true }),
      'src/errors.ts': `import { getRateLimitHeaders, getQuotaHeaders } from './headers';
export class HttpError extends Error {
  readonly statusCode: number;
  readonly headers?: Record<string, string>;
  constructor({ message, statusCode = 500, headers }: { message: string; statusCode?: number; headers?: Record<string, string> }) {
    super(message);
    this.statusCode = statusCode;
    this.headers = headers;
  }
}
export class RateLimitError extends HttpError {
  constructor({ result }: { result: { resetAt: number } }) {
    super({ message: 'Rate limit exceeded; please try again later.', statusCode: 429, headers: { ...getRateLimitHeaders(result) } });
  }
}
export class QuotaError extends HttpError {
  constructor({ result }: { result: { used: number } }) {
    super({ message: 'Quota exceeded', statusCode: 429, headers: { ...getQuotaHeaders(result) } });
  }
}
`,
      'src/headers.ts': `export function getRateLimitHeaders(result: { resetAt: number }) {
  const seconds = Math.ceil((result.resetAt - Date.now()) / 1000);
  return { 'Retry-After': String(seconds), 'X-RateLimit-Reset': String(result.resetAt) };
}
export function getQuotaHeaders(result: { used: number }) {
  return { 'X-Quota-Used': String(result.used) };
}
`,
    });
    const text = `import { RateLimitError, QuotaError } from './errors';
export async function call(limit: { passed: boolean; resetAt: number; used: number }) {
  if (!limit.passed) throw new RateLimitError({ result: limit });
  if (limit.used > 100) throw new QuotaError({ result: limit });
}
`;
    expect(lint(dir, 'src/call.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 4]]);
  });
});

describe('answers kept as constants', () => {
  it("koa: `ctx.body = Consts.COMMON_ERROR_RES.ACCESS_DENY`, an error body in a table of another file, is read where it is written", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'rap', private: true }),
      'src/routes/utils/const.ts': `export const COMMON_ERROR_RES = {
  ERROR_PARAMS: { isOk: false, errMsg: 'Bad parameters' },
  ACCESS_DENY: { isOk: false, errMsg: 'You have no access' },
};
export const OK = { isOk: true };
`,
    });
    const text = `import Router from 'koa-router';
import * as Consts from './utils/const';
import { OK } from './utils/const';
const router = new Router();
router.post('/repository/update', async (ctx) => {
  if (!(await canUserAccess(ctx.session.id, ctx.request.body.id))) {
    ctx.body = Consts.COMMON_ERROR_RES.ACCESS_DENY;
    return;
  }
  ctx.body = OK;
});
export default router;
`;
    expect(lint(dir, 'src/routes/repository.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 7]]);
  });
});

describe('imports through package.json subpath imports', () => {
  it("a tsconfig path that starts with # (`\"#*\": [\"./src/*\"]`), and a helper that returns `Object.assign(new TRPCError(...), { causeData })` from a table of helpers", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'backend', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'node', paths: { '#*': ['./src/*'] } } }),
      'src/lib/errors.ts': `import { TRPCError } from '@trpc/server';
const serverError = () => {
  return Object.assign(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Processing request failed' }), { causeData: { code: 'requestFailed' } });
};
const notFound = (resourceType?: string) => Object.assign(new TRPCError({ code: 'NOT_FOUND', message: 'Resource not found' }), { causeData: { resourceType } });
export const errors = { serverError, notFound };
`,
    });
    const text = `import { errors } from '#lib/errors';
export async function publish(url: string) {
  const response = await fetch(url, { method: 'POST' });
  const data: { error?: string; id?: string } = await response.json();
  if (data.error) throw errors.serverError();
  return data;
}
`;
    const found = lint(dir, 'src/routes/publish.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 5]]);
    expect(found[0].message).toContain('(500 from `serverError()`, src/lib/errors.ts:2)');
  });
  it('#app/* resolves to the package folder, and a failure the helper reports in words (status !== success) is its call failing', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'notes', type: 'module', imports: { '#app/*': './app/*' } }),
      'app/utils/email.server.ts': `export async function sendEmail(options: { to: string; subject: string }) {
  const response = await fetch('https://api.resend.com/emails', { method: 'POST', body: JSON.stringify(options) });
  const data = await response.json();
  if (response.ok) return { status: 'success', data } as const;
  return { status: 'error', error: data } as const;
}
`,
      'app/utils/mailer.server.ts': "export const emailLib = { send: async (template: string, to: string) => ({ template, to }) };\n",
    });
    const text = `import { sendEmail } from '#app/utils/email.server.ts';
import { emailLib } from '#app/utils/mailer.server.ts';
export async function action({ request }: { request: Request }) {
  const response = await sendEmail({ to: 'a@example.com', subject: 'Reset' });
  if (response.status === 'success') return Response.json({ ok: true });
  else return Response.json({ error: 'Could not send the email' }, { status: 500 });
}
export async function resend(req: any, res: any) {
  try {
    await emailLib.send('user.new.token', req.body.email);
  } catch (e) {
    return res.status(500).send({ error: { message: 'Error sending login email' } });
  }
  res.sendStatus(200);
}
`;
    expect(lint(dir, 'app/routes/forgot-password.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-500-for-upstream-error', 6],
      ['no-500-for-upstream-error', 12],
    ]);
  });
});

describe('error kinds the error handler switches on', () => {
  it('new AppError(AppError.Types.NOT_FOUND, msg): the status the handler\'s switch sets for that kind', () => {
    const dir = project({
      'src/errors.ts': `export class AppError extends Error {
  static Types = { NOT_FOUND: 'not_found', DUPLICATE: 'duplicate_error', NOT_ALLOWED: 'not_allowed', UNEXPECTED: 'unexpected_state' } as const;
  type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}
`,
      'src/api/middlewares/error-handler.ts': `import { Request, Response, NextFunction } from 'express';
import { AppError } from '../../errors';
export default () => (err: AppError, req: Request, res: Response, next: NextFunction) => {
  let statusCode = 500;
  switch (err.type) {
    case AppError.Types.NOT_ALLOWED:
    case AppError.Types.DUPLICATE:
      statusCode = 400;
      break;
    case AppError.Types.NOT_FOUND:
      statusCode = 404;
      break;
    default:
      break;
  }
  res.status(statusCode).json({ type: err.type, message: err.message });
};
`,
    });
    const text = `import { AppError } from '../errors';
export async function createRegion(input: { name: string }) {
  const existing = await regionRepository.findOne({ where: { name: input.name } });
  if (existing) throw new AppError(AppError.Types.DUPLICATE, 'Region with this name already exists');
  if (!input.name) throw new AppError(AppError.Types.NOT_ALLOWED, 'name is required');
  throw new AppError(AppError.Types.NOT_FOUND, 'Currency not found');
}
`;
    const found = lint(dir, 'src/services/region.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
    expect(found[0].message).toContain("its error handler's switch (src/api/middlewares/error-handler.ts:5)");
  });
});

describe('helpers that throw', () => {
  it('a helper that only throws (throwCliError(code, msg)) answers when called as a statement; one that returns does not', () => {
    const dir = project({
      'src/cli-errors.ts': `import { HttpException, HttpStatus } from '@nestjs/common';
export function throwCliError(code: string, message: string, status: HttpStatus = HttpStatus.BAD_REQUEST): never {
  throw new HttpException({ ok: false, error: { code, message } }, status);
}
export function makeCliError(code: string, message: string) {
  return new HttpException({ ok: false, error: { code, message } }, HttpStatus.BAD_REQUEST);
}
`,
    });
    const text = `import { throwCliError, makeCliError } from './cli-errors';
export async function abort(id: string) {
  const existing = await workflows.findOne({ where: { id } });
  if (existing) throwCliError('EXECUTION_FAILED', 'Workflow already exists');
  if (!id) throwCliError('VALIDATION_ERROR', 'id is required');
  makeCliError('EXECUTION_FAILED', 'Workflow already exists');
}
`;
    expect(lint(dir, 'src/workflow.controller.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
  });
});

describe('errors made the way before classes', () => {
  it('a constructor function that sets this.code (then inherits(Error)) is an error class with that status', () => {
    const dir = project({
      'src/lib/errors.ts': `import { inherits } from 'util';
const errors = {
  BadRequest: function (msg: string) {
    this.code = 400;
    this.message = msg;
    Error.call(this, msg);
  },
  RateLimitExceeded: function (msg = 'Rate limit exceeded') {
    this.code = 429;
    this.message = msg;
    Error.call(this, msg);
  },
};
Object.keys(errors).forEach((name) => inherits((errors as any)[name], Error));
export default errors;
`,
    });
    const text = `import errors from '../lib/errors';
export async function fetchAll(req: any, res: any, next: any) {
  try {
    await rateLimit.registerCallOrThrow();
  } catch {
    return next(new errors.RateLimitExceeded());
  }
  const account = await models.ConnectedAccount.findOne({ where: { id: req.params.id } });
  if (!account) return next(new errors.BadRequest('Connected account not found'));
  res.json(account);
}
`;
    expect(lint(dir, 'src/controllers/accounts.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['require-retry-after-on-429', 6],
      ['no-400-for-semantic-error', 9],
    ]);
  });
});

describe('error classes named for the 400 they send', () => {
  it('a class that only restates the 400 (InvalidPayloadError) does not outweigh the check that sends it', () => {
    const dir = project({
      'src/errors.ts': "export class InvalidPayloadError extends Error {\n  status = 400;\n  constructor(readonly extensions: { reason: string }) { super(extensions.reason); }\n}\n",
    });
    const text = `import { InvalidPayloadError } from './errors';
export class TranslationsService {
  async createOne(data: any) {
    if (await this.translationKeyExists(data.key, data.language)) throw new InvalidPayloadError({ reason: 'Duplicate key and language combination' });
    const nested = Object.keys(data.filter).find((key) => !key.startsWith('_'));
    if (nested) throw new InvalidPayloadError({ reason: 'cannot contain a nested path' });
    if (await this.isValidLanguage(data.language)) throw new InvalidPayloadError({ reason: 'Language combination' });
    return this.insert(data);
  }
}
`;
    // The awaited existence check is a conflict; a search of values in hand and a verdict call are not lookups.
    expect(lint(dir, 'src/translations.ts', text).map((item) => [item.rule, item.line, item.message.match(/Use (\d{3})/)?.[1]])).toEqual([['no-400-for-semantic-error', 4, '409']]);
  });
});

describe('error classes that keep the status they are given on one branch', () => {
  it('a status given to the constructor wins where the class keeps it (`isNotFound(cause) ? 404 : status || cause.status || 500`)', () => {
    const dir = project({
      'app/utils/error.ts': `export class ShelfError extends Error {
  readonly status: number;
  constructor({ cause, message, status }: { cause: unknown; message: string; status?: number }) {
    super();
    this.message = message;
    this.status = isLikeShelfError(cause) ? status || cause.status || 500 : isNotFoundError(cause) ? 404 : status || 500;
  }
}
`,
    });
    const text = `import { ShelfError } from './utils/error';
export async function book(assetIds: string[], from: Date, to: Date) {
  const overlapping = await db.booking.findFirst({ where: { assetId: { in: assetIds }, from: { lte: to } } });
  if (overlapping) throw new ShelfError({ cause: null, message: 'Some assets are already booked for this period', status: 400 });
  if (assetIds.length === 0) throw new ShelfError({ cause: null, message: 'Select at least one asset', status: 400 });
  throw new ShelfError({ cause: null, message: 'Booking failed' });
}
`;
    const findings = lint(dir, 'app/booking.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
    expect(findings[0].message).toContain('400 from `new ShelfError()`');
  });
});

describe('functions of the application that call an outside address', () => {
  it('a function of another file that fetches an outside address reaches that service; one that fetches what it is handed does not', () => {
    const dir = project({
      'app/kit/kit.server.ts': "export async function addSubscriberToForm(fields: { email: string; formId: string }) {\n  const response = await fetch(`https://api.kit.com/v3/forms/${fields.formId}/subscribe`, { method: 'POST', body: JSON.stringify(fields) });\n  return response.json();\n}\nexport async function postTo(url: string, body: unknown) {\n  return (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).json();\n}\n",
    });
    const text = `import * as ck from './kit/kit.server';
export async function subscribe(fields: { email: string; formId: string }) {
  try {
    const subscriber = await ck.addSubscriberToForm(fields);
    await clearCache(subscriber.id);
  } catch (error) {
    return Response.json({ status: 'error' }, { status: 500 });
  }
  try {
    const subscriber = await ck.postTo('/api/subscribers', fields);
    await clearCache(subscriber.id);
  } catch (error) {
    return Response.json({ status: 'error' }, { status: 500 });
  }
  return Response.json({ status: 'success' });
}
`;
    const findings = lint(dir, 'app/subscribe.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    // Two calls in each try: neither is read through as a sole call; the first names the service it reaches.
    expect(findings.map((item) => item.line)).toEqual([7]);
    expect(findings[0].message).toContain('`ck.addSubscriberToForm(...)` failed');
  });
});

describe('wrappers', () => {
  it('a wrapper that sets Retry-After on what its handler returns answers for the handler\'s 429s', () => {
    const dir = project({
      'src/auth.ts': "export const withWorkspace = (handler: (input: any) => Promise<Response>) => async (req: Request) => {\n  const response = await handler({ req });\n  if (response.status === 429) response.headers.set('Retry-After', '60');\n  return response;\n};\n",
    });
    const text = "import { withWorkspace } from './auth';\nexport const GET = withWorkspace(async ({ req }) => {\n  if (await limited(req)) return Response.json({ error: 'Too many requests' }, { status: 429 });\n  return Response.json({ ok: true });\n});\nexport async function POST() {\n  return Response.json({ error: 'Too many requests' }, { status: 429 });\n}\n";
    expect(lint(dir, 'src/route.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 7]]);
  });

  it('a wrapper that hands its handler on to one that writes Retry-After answers for it too; a wrapper that writes none does not', () => {
    const dir = project({
      'src/handler/base.ts': `export const withApiHandler = (handler: (params: any) => Promise<Response>) => async (req: Request) => {
  let headers = {};
  try {
    const { success, reset } = await limiter.limit(req.headers.get('x-api-key'));
    headers = { 'Retry-After': reset.toString(), 'X-RateLimit-Reset': reset.toString() };
    if (!success) throw new ApiError({ code: 'rate_limit_exceeded', message: 'Too many requests.' });
    return await handler({ req, headers });
  } catch (error) {
    return handleErrorResponse(error, headers);
  }
};
export const withLogging = (handler: (params: any) => Promise<Response>) => async (req: Request) => handler({ req });
class ApiError extends Error {
  status: number;
  constructor({ code, message }: { code: string; message: string }) {
    super(message);
    this.status = code === 'rate_limit_exceeded' ? 429 : 400;
  }
}
export { ApiError };
`,
      'src/handler/namespace.ts': `import { withApiHandler } from './base';
export const withNamespaceApiHandler = (handler: (params: any) => Promise<Response>) =>
  withApiHandler(async (params) => {
    const namespace = await findNamespace(params.req);
    return handler({ ...params, namespace });
  });
`,
    });
    const text = `import { withNamespaceApiHandler } from './handler/namespace';
import { withLogging } from './handler/base';
export const POST = withNamespaceApiHandler(async ({ namespace }) => {
  if (namespace.usage >= namespace.limit) return Response.json({ error: 'Search limit reached' }, { status: 429 });
  return Response.json({ ok: true });
});
export const GET = withLogging(async () => Response.json({ error: 'Too many requests' }, { status: 429 }));
`;
    expect(lint(dir, 'src/route.ts', text).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 7]]);
  });

  it('a 429 thrown after the function put Retry-After in the headers its catch answers with carries them', () => {
    const dir = project({});
    const base = `import { HTTPException } from 'hono/http-exception';
export const withApiHandler = (handler: (params: any) => Promise<Response>) => async (req: Request) => {
  let headers = {};
  try {
    const { success, reset } = await limiter.limit(req.headers.get('x-api-key'));
    headers = { 'Retry-After': reset.toString(), 'X-RateLimit-Reset': reset.toString() };
    if (!success) throw new HTTPException(429, { message: 'Too many requests.' });
    return await handler({ req, headers });
  } catch (error) {
    if (error instanceof HTTPException) return new Response(error.message, { status: error.status, headers });
    return Response.json({ error: 'Too many requests.' }, { status: 429 });
  }
};
`;
    // The thrown 429 goes out with the headers; the catch's own 429, written with none, is still reported.
    expect(lint(dir, 'src/handler/base.ts', base).map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 11]]);
  });
});

describe('what the model reads', () => {
  it('never a file outside the project, even when an import names one', () => {
    const outside = project({ 'errors.ts': 'export class LeakError extends Error { statusCode = 401; }\n' });
    const dir = project({});
    const text = `import { LeakError } from '${join(outside, 'errors')}';\nexport function a(user: { role: string }) {\n  if (user.role !== 'admin') throw new LeakError('Only admins');\n}\n`;
    expect(lint(dir, 'src/handler.ts', text)).toEqual([]);
  });

  it('never a package.json above the project, whose subpath imports would name the helper', () => {
    const parent = project({
      'package.json': JSON.stringify({ name: 'outer', imports: { '#lib/*': './app/lib/*' } }),
      'app/lib/deny.ts': "export const deny = () => Response.json({ error: 'no' }, { status: 401 });\n",
    });
    const text = "import { deny } from '#lib/deny.ts';\nexport function a(user: { role: string }) {\n  if (user.role !== 'admin') return deny();\n  return null;\n}\n";
    expect(lint(join(parent, 'app'), 'handler.ts', text)).toEqual([]);
    // The same import, linted at once with the parent as the project, finds the helper: the bound is what stopped it.
    expect(lint(parent, 'app/handler.ts', text).map((item) => item.rule)).toEqual(['no-401-for-forbidden']);
    expect(lint(join(parent, 'app'), 'handler.ts', text)).toEqual([]);
  });
});

describe('authenticated procedures', () => {
  it('a 401 inside a protected tRPC procedure is about a known caller; a public one is not judged so', () => {
    const dir = project({});
    const text = `import { TRPCError } from '@trpc/server';
import { protectedProcedure, publicProcedure, router } from './trpc';
export const accounting = router({
  export: protectedProcedure.mutation(async ({ ctx }) => {
    if (!ctx.teamId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Team not found' });
    return { ok: true };
  }),
  login: publicProcedure.mutation(async ({ input }) => {
    if (!input.token) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Team not found' });
    return { ok: true };
  }),
});
`;
    const findings = lint(dir, 'src/accounting.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 5]]);
    expect(findings[0].message).toMatch(/already authenticated \(`protectedProcedure`\)/);
  });

  it('a procedure made by a permission factory runs for a known caller; an organization compared through `?.` is an ownership check', () => {
    const dir = project({});
    const text = `import { TRPCError } from '@trpc/server';
import { withPermission, publicProcedure, router } from './trpc';
export const docker = router({
  restart: withPermission('docker', 'update').mutation(async ({ ctx }) => {
    if (!ctx.flag) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return { ok: true };
  }),
  logs: publicProcedure.query(async ({ ctx, input }) => {
    const server = await findServerById(input.serverId);
    if (server.organizationId !== ctx.session?.activeOrganizationId) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return { ok: true };
  }),
  ping: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.session?.activeOrganizationId) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return { ok: true };
  }),
});
`;
    const findings = lint(dir, 'src/docker.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 5], ['no-401-for-forbidden', 10]]);
    expect(findings[0].message).toMatch(/already authenticated \(`withPermission\(\)`\)/);
    expect(findings[1].message).toMatch(/`server\.organizationId` against `ctx\.session\.activeOrganizationId`/);
  });
});

describe('factories and envelope helpers', () => {
  const dir = project({
    'server/errors.ts': "import httpErrors from 'http-errors';\nexport function ValidationError(message = 'Validation failed') {\n  return httpErrors(400, message, { id: 'validation_error' });\n}\n",
    'server/hono.ts': "export function simpleError200(c: any, code: string, message: string) {\n  return c.json({ status: 'error', error: code, message }, 200);\n}\n",
  });

  it('a factory called without `new` that returns an http-errors error', () => {
    const text = "import { ValidationError } from './errors';\nexport async function create(existing: unknown) {\n  if (existing) throw ValidationError('User with email already exists');\n}\n";
    expect(lint(dir, 'server/users.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 3]]);
  });

  it('a helper that answers failures with 200 and an error envelope', () => {
    const text = "import { simpleError200 } from './hono';\nexport async function channel(c: any, found: unknown) {\n  if (!found) return simpleError200(c, 'channel_not_found', 'Channel not found');\n  return c.json({ ok: true });\n}\n";
    expect(lint(dir, 'server/channel.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 3]]);
  });

  it('an envelope helper that spreads what it is given over its defaults (`{ error: null, ...data }`)', () => {
    const envelope = project({ 'app/utils/http.server.ts': 'export function payload<T extends object>(data: T) {\n  return { error: null, ...data };\n}\n' });
    const text = `import { data, type LoaderFunctionArgs } from 'react-router';
import { payload } from '../../utils/http.server';
export async function loader({ request }: LoaderFunctionArgs) {
  const asset = await db.asset.findUnique({ where: { id: new URL(request.url).searchParams.get('assetId') } });
  if (!asset) return data(payload({ asset: null, error: 'Asset not found' }));
  return data(payload({ asset }));
}
`;
    expect(lint(envelope, 'app/routes/api+/asset.thumbnail.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 5]]);
  });
});

describe('names that are statuses', () => {
  it('a method the model cannot follow whose name is a reason phrase', () => {
    const dir = project({});
    const text = "export async function create(context: any, name: string) {\n  if (await context.exists(name)) context.throwBadRequestError('Team name already exists');\n  if (!name) context.throwBadRequestError('name is required');\n  context.logNotFound('x');\n}\n";
    expect(lint(dir, 'src/teams.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 2]]);
  });
});

describe('codes decided beside the class', () => {
  const dir = project({
    'lib/errors.ts': `export const errorCodeToHttpStatus = { bad_request: 400, unauthorized: 401, forbidden: 403, conflict: 409, rate_limit_exceeded: 429 };
export class DubApiError extends Error {
  public readonly code: string;
  constructor({ code, message }: { code: keyof typeof errorCodeToHttpStatus; message: string }) {
    super(message);
    this.code = code;
  }
}
export class RequestError extends Error {
  status: number;
  constructor(input: string | { code: string; status?: number }, public data?: unknown) {
    const { code, status = 400 } = typeof input === 'string' ? { code: input } : input;
    super(code);
    this.status = status;
  }
}
`,
  });

  it('a class that only keeps its code, with the table of codes in its file; a status destructured with a default', () => {
    const text = `import { DubApiError, RequestError } from './errors';
export async function handler(limited: boolean, taken: boolean) {
  if (limited) throw new DubApiError({ code: 'rate_limit_exceeded', message: 'Too many requests' });
  if (taken) throw new RequestError('domain.hostname_already_exists');
}
`;
    expect(lint(dir, 'lib/handler.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['require-retry-after-on-429', 3],
      ['no-400-for-semantic-error', 4],
    ]);
  });
});

describe('statuses a subclass hands its base by name', () => {
  it('a static field named in super(...), over a base whose default covers only an absent value', () => {
    const dir = project({
      'src/errors.ts': `export class ApiError extends Error {
  public static httpCode = 400;
  public httpCode: number;
  public constructor(message: string, httpCode: number = null) {
    super(message);
    this.httpCode = httpCode === null ? 400 : httpCode;
  }
}
export class ErrorNotFound extends ApiError {
  public static httpCode = 404;
  public constructor(message = 'Not Found') { super(message, ErrorNotFound.httpCode); }
}
export class ErrorConflictish extends ApiError {
  public constructor(message: string) { super(message, null); }
}
`,
    });
    const text = `import { ErrorNotFound, ErrorConflictish, ApiError } from './errors';
export function handler(kind: number) {
  if (kind === 1) throw new ErrorNotFound('Share not found');
  if (kind === 2) throw new ErrorConflictish('This email is already taken');
  throw new ApiError('Project already exists', someStatus());
}
declare function someStatus(): number;
`;
    // 404 is read from the static field, so "not found" is not a 400; null takes the base's default; an unknown status is unknown.
    expect(lint(dir, 'src/handler.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
  });
});

describe('upstream failures through the application', () => {
  it('a try around one app helper that calls a provider, and an error value from a workspace package\u2019s helper', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/storage/package.json': JSON.stringify({ name: '@acme/storage', exports: { './signed': './src/signed.ts' } }),
      'packages/storage/src/signed.ts': "export async function signedUrl(client: any, path: string) {\n  return client.storage.from('vault').createSignedUrl(path, 60);\n}\n",
      'apps/api/src/billing.ts': "import Stripe from 'stripe';\nconst stripe = new Stripe('k');\nexport async function createPortal(customer: string) {\n  return stripe.billingPortal.sessions.create({ customer });\n}\n",
    });
    const text = `import { signedUrl } from '@acme/storage/signed';
import { createPortal } from './billing';
export async function GET(client: any, customer: string) {
  try {
    return Response.redirect(await createPortal(customer));
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to create portal session' }, { status: 500 });
  }
}
export async function POST(client: any) {
  const { data, error } = await signedUrl(client, 'a.pdf');
  if (error || !data) return Response.json({ error: 'Failed to generate pre-signed URL' }, { status: 500 });
  return Response.json(data);
}
`;
    expect(lint(dir, 'apps/api/src/route.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-500-for-upstream-error', 8],
      ['no-500-for-upstream-error', 13],
    ]);
  });
});

describe('clients another file of the application makes and exports', () => {
  it('a call on an imported client is a call of the package that made it, perhaps only when a key is set; a database client is the server\u2019s own', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
      'lib/stripe.ts': "import Stripe from 'stripe';\nexport const stripeClient: Stripe | null = process.env.KEY ? new Stripe(process.env.KEY) : null;\n",
      'lib/db.ts': "import { PrismaClient } from '@prisma/client';\nconst cached = globalThis as any;\nconst client = cached.prisma ?? new PrismaClient();\nexport { client as db };\n",
    });
    const text = `import { stripeClient } from '@/lib/stripe';
import { db } from '@/lib/db';
export async function POST() {
  try {
    const session = await stripeClient!.checkout.sessions.create({ mode: 'subscription' });
    return Response.json({ session });
  } catch (error) {
    return Response.json({ error: 'Failed to create checkout session' }, { status: 500 });
  }
}
export async function PUT() {
  try {
    await db.account.update({ where: { id: 1 }, data: {} });
    return Response.json({ ok: true });
  } catch (error) {
    return Response.json({ error: 'Failed to save' }, { status: 500 });
  }
}
`;
    const found = lint(dir, 'app/api/checkout/route.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    expect(found[0].message).toContain('stripeClient.checkout.sessions.create');
  });
});

describe("instances a factory of the application makes", () => {
  it('a method called on what a factory returns is the method of the one class it makes (or nothing); a factory of two classes says nothing', () => {
    const dir = project({
      'src/services/stripe-service.ts': `import Stripe from 'stripe';
export class StripeService {
  private stripe: Stripe;
  constructor(key: string) {
    this.stripe = new Stripe(key);
  }
  async createCheckoutSession(customer: string) {
    const session = await this.stripe.checkout.sessions.create({ customer, mode: 'subscription' });
    return session.url;
  }
}
export class FakeBilling {
  async createCheckoutSession(customer: string) {
    return \`/fake/\${customer}\`;
  }
}
export function createStripeService(env: { KEY?: string }): StripeService | null {
  if (!env.KEY) return null;
  return new StripeService(env.KEY);
}
export function createBilling(env: { KEY?: string }) {
  return env.KEY ? new StripeService(env.KEY) : new FakeBilling();
}
`,
    });
    const text = `import { Hono } from 'hono';
import { createBilling, createStripeService } from '../services/stripe-service';
const app = new Hono<{ Bindings: { KEY?: string } }>();
app.post('/checkout', async (c) => {
  const stripeService = createStripeService(c.env);
  if (!stripeService) return c.json({ error: 'Stripe is not configured' }, 503);
  try {
    return c.json({ url: await stripeService.createCheckoutSession('cus_1') });
  } catch (error) {
    return c.json({ error: 'Failed to create checkout session' }, 500);
  }
});
app.post('/other', async (c) => {
  const billing = createBilling(c.env);
  try {
    return c.json({ url: await billing.createCheckoutSession('cus_1') });
  } catch (error) {
    return c.json({ error: 'Failed to create checkout session' }, 500);
  }
});
export default app;
`;
    const found = lint(dir, 'src/routes/billing.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 10]]);
    expect(found[0].message).toContain('this.stripe.checkout.sessions.create');
  });
});

describe('CommonJS modules that export one class or function as a whole', () => {
  it('a base class required from its own module (module.exports = AppError) gives its subclasses their status', () => {
    const dir = project({
      'shared/errors/AppError.js': "'use strict';\nclass AppError extends Error {\n  constructor(message, statusCode = 500, code = 'INTERNAL_ERROR') {\n    super(message);\n    this.statusCode = statusCode;\n    this.code = code;\n  }\n}\nmodule.exports = AppError;\n",
      'shared/errors/index.js': "'use strict';\nconst AppError = require('./AppError');\nclass ValidationError extends AppError {\n  constructor(message = 'Validation failed') {\n    super(message, 400, 'VALIDATION_ERROR');\n  }\n}\nmodule.exports = { AppError, ValidationError };\n",
      'shared/send-error.js': "module.exports = function sendError(res, status, message) {\n  return res.status(status).json({ error: message });\n};\n",
    });
    const text = `const { ValidationError } = require('../../shared/errors');
const sendError = require('../../shared/send-error');
async function register(email) {
  if (await users.exists(email)) throw new ValidationError('Email already registered');
}
function rename(req, res) {
  if (req.body.name === req.user.name) return sendError(res, 400, 'This name is already taken');
}
module.exports = { register, rename };
`;
    expect(lintJs(dir, 'modules/auth/service.js', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 4],
      ['no-400-for-semantic-error', 7],
    ]);
  });
});

describe('route modules of a Fastify application that import no framework', () => {
  it("reads `res` as Fastify's reply where the manifest declares fastify and not express", () => {
    const dir = project({ 'package.json': '{ "name": "tickets", "dependencies": { "fastify": "^5.3.2", "@fastify/autoload": "^6.0.0" } }\n' });
    const text = `module.exports.get = () => ({
  handler: async function (req, res) {
    if (!req.query.code) return res.code(400).send({ message: 'Code is missing.' });
    const guilds = await (await fetch('https://discord.com/api/users/@me/guilds', { headers: { authorization: 'Bearer ' + req.user.token } })).json();
    if (!guilds.length) return res.code(400).send({ message: 'No guild was found for this account' });
    return res.send(guilds);
  },
});
`;
    expect(lintJs(dir, 'src/routes/api/guilds/index.js', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-500-for-upstream-error', 4],
      ['no-400-for-semantic-error', 5],
    ]);
  });
});

describe('a helper that keeps its status argument in a local, imported through the tsconfig baseUrl', () => {
  it("reads `const statusCode = status || 500` as the argument with its default, also when the tsconfig's extends cannot be read", () => {
    const dir = project({
      'tsconfig.json': '{ "extends": "@acme/config/base.tsconfig.json", "compilerOptions": { "baseUrl": "." } }\n',
      'src/helpers/catchedError.ts': `import type { Response } from 'express';
const catchedError = (res: Response, error: any, status?: number) => {
  const statusCode = status || 500;
  return res.status(statusCode).json({ error: statusCode < 500 ? 'client_error' : 'server_error', message: error.message, success: false });
};
export default catchedError;
`,
    });
    const text = `import type { Request, Response } from 'express';
import axios from 'axios';
import catchedError from 'src/helpers/catchedError';
export const createStream = async (req: Request, res: Response) => {
  if (!req.body) return catchedError(res, new Error('No body'), 400);
  try {
    const { data } = await axios.post('https://livepeer.example.com/api/stream', req.body);
    return res.status(200).json({ result: data, success: true });
  } catch (error) {
    return catchedError(res, error);
  }
};
`;
    const found = lint(dir, 'src/routes/live/create.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 10]]);
    expect(found[0].message).toContain('500 from `catchedError()`');
  });
});

describe("a route wrapper's catch that hands the error to a function answering it", () => {
  it('gives an error class of its own, extending nothing, the status that function sends for it', () => {
    const dir = project({
      'src/errors/validation_error.js': 'class ValidationError {\n  constructor(message) {\n    this.message = message;\n  }\n}\nmodule.exports = ValidationError;\n',
      'src/errors/not_found_error.js': 'class NotFoundError {\n  constructor(message) {\n    this.message = message;\n  }\n}\nmodule.exports = NotFoundError;\n',
      'src/routes/routes.js': `const express = require('express');
const ValidationError = require('../errors/validation_error.js');
const NotFoundError = require('../errors/not_found_error.js');
const router = express.Router();
function route(method, path, routeHandler) {
  router[method](path, (req, res, next) => {
    try {
      const result = routeHandler(req, res, next);
      if (result?.then) result.then((body) => res.json(body)).catch((e) => handleException(e, method, path, res));
      else res.json(result);
    } catch (e) {
      handleException(e, method, path, res);
    }
  });
}
function handleException(e, method, path, res) {
  if (e instanceof ValidationError) {
    res.status(400).json({ message: e.message });
  } else if (e instanceof NotFoundError) {
    res.status(404).json({ message: e.message });
  } else {
    res.status(500).json({ message: 'Unknown error' });
  }
}
module.exports = { route };
`,
    });
    const text = `const ValidationError = require('../errors/validation_error.js');
function setPassword(req, res) {
  if (passwordService.isPasswordSet()) {
    throw new ValidationError('Password has been already set');
  }
  if (!req.body.password) {
    throw new ValidationError('Password is required');
  }
  return passwordService.setPassword(req.body.password);
}
module.exports = { setPassword };
`;
    const found = lintJs(dir, 'src/routes/login.js', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
    expect(found[0].message).toContain('its error handler (src/routes/routes.js:18)');
  });
});

describe('CommonJS applications and the calls they make to other services', () => {
  const dir = project({
    'server/utils/index.js': 'module.exports = require("./utils");\n',
    'server/utils/utils.js': `class CustomError extends Error {
  constructor(message, statusCode, data) {
    super(message);
    this.statusCode = statusCode ?? 500;
    this.data = data;
  }
}
module.exports = { CustomError };
`,
    'server/errors.js': 'module.exports = { ...require("./utils"), other: 1 };\n',
    'server/billing.ts': `import Stripe from 'stripe';
export const getStripe = () => new Stripe(process.env.KEY!);
`,
  });
  const lintJs = (name: string, text: string) =>
    new Linter({ configType: 'flat', cwd: dir })
      .verify(text, [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, { files: ['**/*.js'], ...plugin.configs.recommended }], { filename: join(dir, name) })
      .map((message) => ({ rule: message.ruleId?.replace('@status-lint/', ''), line: message.line, message: message.message }));

  it('follows module.exports = require(...) and a spread of one, and a status defaulted with ??', () => {
    const text = `const utils = require("../utils");
const errors = require("../errors");
async function confirm(req, res) {
  const domain = await query.domain.find({ id: req.query.id });
  if (!domain) throw new utils.CustomError("Could not find the domain.", 400);
  if (domain.locked) throw new errors.CustomError("Could not find the owner.", 400);
  throw new utils.CustomError("Couldn't save the domain.");
}
module.exports = { confirm };
`;
    const findings = lintJs('server/handlers/domains.js', text);
    expect(findings.filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([5, 6]);
    expect(findings[0].message).toMatch(/400 from `new CustomError\(\)`, its constructor, server\/utils\/utils\.js:2\)$/);
    // The default (500) resolves too; a 500 with no upstream call in sight is the server's own: nothing to say.
    expect(findings.filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it('an empty result of a mail SDK call, a promisified DNS lookup and a client made by a factory are upstream failures', () => {
    const mail = `const nodemailer = require("nodemailer");
const { CustomError } = require("../utils");
const transporter = nodemailer.createTransport({});
async function sendVerification(user) {
  const mail = await transporter.sendMail({ to: user.email });
  if (!mail.accepted.length) {
    throw new CustomError("Couldn't send verification email. Try again later.");
  }
}
module.exports = { sendVerification };
`;
    expect(lintJs('server/mail/mail.js', mail).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringMatching(/when the response of `transporter\.sendMail\(\.\.\.\)` failed.*Use 502 Bad Gateway/) }),
    ]);
    const dns = `const dns = require("node:dns");
const { promisify } = require("node:util");
const { CustomError } = require("../utils");
const dnsLookup = promisify(dns.lookup);
async function ban(req, res) {
  const found = await dnsLookup(req.body.host).catch(() => {
    throw new CustomError("Couldn't fetch DNS info.");
  });
  res.send(found);
}
module.exports = { ban };
`;
    expect(lintJs('server/handlers/ban.js', dns).filter((item) => item.rule === 'no-500-for-upstream-error').map((item) => item.line)).toEqual([7]);
    const portal = `import { NextResponse } from 'next/server';
import { getStripe } from '@/billing';
export async function GET() {
  try {
    const session = await getStripe().billingPortal.sessions.create({ customer: 'c' });
    return NextResponse.redirect(session.url);
  } catch (error) {
    return NextResponse.json({ error: 'Failed to create portal session' }, { status: 500 });
  }
}
`;
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['server/*'] } } }));
    const findings = lint(dir, 'app/api/portal/route.ts', portal).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('after `getStripe().billingPortal.sessions.create(...)` failed') })]);
  });
});

describe('what the model parses', () => {
  it('searches a barrel of `export *` by reading, and parses only the files that write the name', async () => {
    const files: Record<string, string> = {
      'src/errors/index.ts': Array.from({ length: 30 }, (_, index) => `export * from './part${index}';`).join('\n') + "\nexport * from './conflict';\n",
      'src/errors/conflict.ts': 'export class DuplicateError extends Error { statusCode = 400; }\n',
    };
    for (let index = 0; index < 30; index++) files[`src/errors/part${index}.ts`] = `export class Other${index}Error extends Error { statusCode = 500; }\n`;
    const dir = project(files);
    const { parseCount } = await import('../src/app-model/source-files.js');
    const before = parseCount();
    const text = `import { DuplicateError } from '../errors';
export function create(existing: unknown) {
  if (existing) throw new DuplicateError('User with email already exists');
}
`;
    expect(lint(dir, 'src/app/service.ts', text).filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([3]);
    // The barrel and the one file that declares the class: not the thirty others.
    expect(parseCount() - before).toBe(2);
  });
});

describe("statuses named by the application's own constants", () => {
  it('reads `export const INVALID_PAYLOAD = 400` of another file, imported with the `.js` a TypeScript ES module writes', () => {
    const dir = project({ 'src/lib/util/httpStatus.ts': 'export const OK = 200;\nexport const INVALID_PAYLOAD = 400;\nexport const PRODUCT_LIMIT = "many";\n' });
    const text = `import { INVALID_PAYLOAD, OK, PRODUCT_LIMIT } from '../../lib/util/httpStatus.js';
export default async (request, response, next) => {
  const group = await loadGroup(request.params.id);
  if (group.isDefault) {
    response.status(INVALID_PAYLOAD);
    return response.json({ error: { message: 'Default attribute group can not be deleted' } });
  }
  if (!group) {
    response.status(PRODUCT_LIMIT);
    return response.json({ error: { message: 'Group does not exists' } });
  }
  response.status(OK);
  response.json({ data: group });
};
`;
    const findings = lint(dir, 'src/modules/catalog/deleteGroup.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 5]]);
  });
});

describe('error classes made by a factory', () => {
  it("reads the status a factory's class takes from the factory's arguments, and @fastify/error's createError", () => {
    const dir = project({
      'packages/errors/package.json': JSON.stringify({ name: '@acme/errors', exports: { '.': './dist/index.js' } }),
      'packages/errors/src/index.ts': "export * from './create-error.js';\nexport * from './errors.js';\n",
      'packages/errors/src/create-error.ts': `export const createError = (code: string, message: string, status = 500) => {
  return class extends Error {
    code = code.toUpperCase();
    status = status;
    constructor() { super(message); }
  };
};
`,
      'packages/errors/src/errors.ts': `import { createError } from './create-error.js';
export const EmailLimitExceededError = createError('EMAIL_LIMIT', 'Email sending limit exceeded.', 429);
export const InternalError = createError('INTERNAL', 'Something broke');
`,
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'api'] }),
      'api/src/fastify-errors.ts': "import createError from '@fastify/error';\nexport const TooManyUploads = createError('FST_UPLOADS', 'Too many uploads', 429);\n",
    });
    const text = `import { EmailLimitExceededError, InternalError } from '@acme/errors';
import { TooManyUploads } from './fastify-errors';
export async function send(queue: { removeTokens(n: number): Promise<void> }) {
  try {
    await queue.removeTokens(1);
  } catch {
    throw new EmailLimitExceededError();
  }
  if (Math.random() > 2) throw new TooManyUploads();
  throw new InternalError();
}
`;
    const findings = lint(dir, 'api/src/mail.ts', text).filter((item) => item.rule === 'require-retry-after-on-429');
    expect(findings.map((item) => item.line)).toEqual([7, 9]);
    expect(findings[0].message).toMatch(/429 from `new EmailLimitExceededError\(\)`, made by createError\(\), packages\/errors\/src\/errors\.ts:2\)$/);
  });

  it('reads a function a factory returns: its status and its message are the options the factory was given', () => {
    const dir = project({
      'src/shared/errors.ts': `class CustomError extends Error {
  statusCode: number;
  constructor({ message, statusCode }: { message: string; code: string; statusCode: number }) {
    super(message);
    this.statusCode = statusCode;
  }
}
export function createError(options: { message: string; code: string; statusCode: number }) {
  return new CustomError(options);
}
export function createErrorFactory(base: { message: string; code: string; statusCode: number }) {
  return (options: Partial<{ message: string }> = {}) => createError({ ...base, ...options });
}
`,
      'src/organizations/errors.ts': `import { createErrorFactory } from '../shared/errors';
export const createUserAlreadyMemberError = createErrorFactory({ message: 'This user is already a member of the organization.', code: 'member.exists', statusCode: 400 });
export const createInvalidEmailError = createErrorFactory({ message: 'The email address is malformed.', code: 'email.invalid', statusCode: 400 });
export const createNotOwnerError = createErrorFactory({ message: 'You are not the owner.', code: 'not_owner', statusCode: 403 });
`,
    });
    const text = `import { createInvalidEmailError, createNotOwnerError, createUserAlreadyMemberError } from './errors';
export async function invite(member: unknown, email: string, owner: boolean) {
  if (!owner) throw createNotOwnerError();
  if (!email.includes('@')) throw createInvalidEmailError();
  if (member) throw createUserAlreadyMemberError();
}
`;
    const findings = lint(dir, 'src/organizations/usecases.ts', text);
    // Only the conflict: the malformed email is a fair 400, and the 403 is no 400 at all.
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 5]]);
    expect(findings[0].message).toMatch(/400 from `createUserAlreadyMemberError\(\)`, made by createErrorFactory\(\), src\/organizations\/errors\.ts:2\)/);
  });
});

describe("a client the application adds to Express's Request", () => {
  it("reads `req.client` by the type a declaration of the project gives it; closing the client is no call to the service", () => {
    const dir = project({
      'src/types/express/index.d.ts': `import { Whatsapp } from '@wppconnect-team/wppconnect';
export {};
declare global {
  namespace Express {
    export interface Request {
      client: Whatsapp & { urlcode: string; status: string };
      session: string;
    }
  }
}
`,
    });
    const text = `import { Request, Response } from 'express';
export async function setGroupIcon(req: Request, res: Response) {
  try {
    await req.client.setGroupIcon(req.body.groupId, req.body.path);
    res.status(201).json({ status: 'success' });
  } catch (e) {
    res.status(500).json({ status: 'error', message: 'Error changing group photo' });
  }
}
export async function closeSession(req: Request, res: Response) {
  try {
    await req.client.close();
    res.json({ status: true });
  } catch (e) {
    res.status(500).json({ status: false, message: 'Error closing session' });
  }
}
`;
    const findings = lint(dir, 'src/controller/groupController.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('after `req.client.setGroupIcon(...)` failed') })]);
  });
});

describe("the app's client of another service, two functions down", () => {
  it("follows a try's one piece of work (reading the body and the session aside) into the app's client of its backend", () => {
    const dir = project({
      'lib/utils.ts': `export async function fetcherJSON(url: string, init: RequestInit) {
  const res = await fetch(\`\${process.env.BACKEND_URL}/api/v1\${url}\`, { ...init, cache: 'no-store' });
  if (!res.ok) throw new Error(await res.text());
  return res.json();
}
export async function fetchSelf(url: string) {
  return fetch(\`\${process.env.NEXTAUTH_URL}\${url}\`);
}
`,
      'lib/actions/sql.ts': `import { fetcherJSON, fetchSelf } from '../utils';
import { z } from 'zod';
const SqlInput = z.object({ sql: z.string() });
export const sqlToJson = async (input: { sql: string }) => {
  const { sql } = SqlInput.parse(input);
  return fetcherJSON('/sql/to-json', { method: 'POST', body: JSON.stringify({ sql }) });
};
export const countRows = async (input: { sql: string }) => {
  const res = await fetchSelf('/api/count');
  return res.json();
};
export const backupRows = async (input: { sql: string }) => {
  const archive = await zipRows(input.sql);
  await fetcherJSON('/notify', { method: 'POST' });
  return archive;
};
`,
    });
    const route = (call: string) => `import { getServerSession } from 'next-auth';
import { backupRows, countRows, sqlToJson } from '@/lib/actions/sql';
export async function POST(request: Request) {
  try {
    const session = await getServerSession();
    const body = await request.json();
    const data = await ${call}({ sql: body.sql });
    return Response.json({ data, user: session?.user });
  } catch (error) {
    return Response.json({ error: 'Failed to convert SQL to JSON.' }, { status: 500 });
  }
}
`;
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    const backend = lint(dir, 'app/api/sql/route.ts', route('sqlToJson')).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(backend).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('after `sqlToJson(...)` failed (it calls `fetch(...)`)') })]);
    // The same route whose helper calls the application's own address calls no other service.
    expect(lint(dir, 'app/api/count/route.ts', route('countRows')).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
    // A helper that does several things (zips, then notifies) fails as often for either: its second function is not read.
    expect(lint(dir, 'app/api/backup/route.ts', route('backupRows')).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });
});

describe('constants held in another module', () => {
  it("a message destructured from a required module's nested table is read (const { MSGS: { X } } = require(...))", () => {
    const dir = project({
      'helpers/constants.js': "module.exports = {\n  MSGS: {\n    INSUFFICIENT_PERMISSIONS: 'Insufficient permissions',\n  },\n};\n",
    });
    const text = `const { MSGS: { INSUFFICIENT_PERMISSIONS } } = require('../../helpers/constants');
module.exports = async (req, res, ctx) => {
  const org = await ctx.db.organization.get({ orgId: req.body.organizationId });
  if (!org.admins.includes(req.session.userId)) {
    res.status(401);
    return res.send({ success: false, message: INSUFFICIENT_PERMISSIONS });
  }
  return res.send({ success: true });
};
`;
    const findings = lintJs(dir, 'api/organization/update.js', text).filter((item) => item.rule === 'no-401-for-forbidden');
    expect(findings.map((item) => item.line)).toEqual([5]);
    expect(findings[0].message).toContain('"insufficient permissions"');
  });
});

describe('helpers that make a whole response', () => {
  it("a 429 made by a helper whose headers are written out whole is judged at the call; one whose headers are not all seen is left alone", () => {
    const dir = project({
      'src/lib/rate-limit.ts': `import { NextResponse } from 'next/server';
export function rateLimitResponse(result: { limit?: number; reset?: number; remaining?: number }) {
  return NextResponse.json({ error: 'Too many requests. Please slow down.' }, {
    status: 429,
    headers: { 'X-RateLimit-Limit': String(result.limit ?? 30), 'X-RateLimit-Reset': String(result.reset ?? Date.now()) },
  });
}
export function limitedResponse(extra: Record<string, string>) {
  return NextResponse.json({ error: 'Too many requests' }, { status: 429, headers: { ...extra, 'X-RateLimit-Limit': '30' } });
}
`,
    });
    const text = `import { limitedResponse, rateLimitResponse } from '../../lib/rate-limit';
export async function POST(request: Request) {
  const rateLimit = await checkRateLimit();
  if (!rateLimit.success) return rateLimitResponse(rateLimit);
  return Response.json({ ok: true });
}
export async function PUT(request: Request) {
  if (await limited()) return limitedResponse(await retryHeaders());
  return Response.json({ ok: true });
}
`;
    const findings = lint(dir, 'src/app/api/route.ts', text).filter((item) => item.rule === 'require-retry-after-on-429');
    expect(findings.map((item) => item.line)).toEqual([4]);
    expect(findings[0].message).toContain('(it sets only `X-RateLimit-Limit`, `X-RateLimit-Reset`)');
    expect(findings[0].message).toContain('429 from `rateLimitResponse()`');
  });
});

describe("the application's request functions", () => {
  const files = {
    'core/fetch.ts': `import { API_URL } from './config';
export function serverFetch<T>({ path, method, body, token }: { path: string; method: string; body?: unknown; token?: string }) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['authorization'] = \`Bearer \${token}\`;
  return fetch(API_URL + path, { method, headers, body: body ? JSON.stringify(body) : undefined }).then(async (res) => {
    const data = (await res.json().catch(console.error)) as T;
    if (!res.ok) throw data;
    return { data, response: res };
  });
}
`,
    'core/config.ts': "export const API_URL = process.env.BACKEND_API_URL ?? 'https://api.example.com';\n",
    'core/requests/team.ts': `import { serverFetch } from '../fetch';
import { db } from '../db';
export async function createTeamRequest(data: { name: string }, token: string) {
  return serverFetch({ path: '/team', method: 'POST', body: data, token });
}
export async function listTeamsRequest(token: string) {
  const params = new URLSearchParams({ limit: '10' });
  return serverFetch({ path: \`/team?\${params.toString()}\`, method: 'GET', token });
}
export async function teamExists(id: string, token: string) {
  const team = await serverFetch({ path: \`/team/\${id}\`, method: 'GET', token }).catch(() => null);
  return team !== null;
}
export async function saveTeam(data: { name: string }, token: string) {
  await db.insert(data);
  return serverFetch({ path: '/team', method: 'POST', body: data, token });
}
`,
  };

  it('a catch around calls of functions whose whole work is a request to the backend answers that service failing', () => {
    const dir = project(files);
    const text = `import { createTeamRequest, listTeamsRequest, saveTeam } from '../../../core/requests/team';
export async function POST(req: Request) {
  try {
    const body = await req.json();
    await createTeamRequest(body, 'token');
    const teams = await listTeamsRequest('token');
    return Response.json(teams.data);
  } catch (error) {
    return Response.json({ error: 'Failed to process request' }, { status: 500 });
  }
}
export async function PUT(req: Request) {
  try {
    await saveTeam(await req.json(), 'token');
    await saveTeam({ name: 'copy' }, 'token');
    return Response.json({ ok: true });
  } catch (error) {
    return Response.json({ error: 'Failed to save' }, { status: 500 });
  }
}
`;
    const findings = lint(dir, 'app/api/team/route.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    // The second catch is around a function that also writes a record of its own: what failed may be the database.
    expect(findings.map((item) => item.line)).toEqual([9]);
    expect(findings[0].message).toContain('after `createTeamRequest(...)` failed (it calls `fetch(...)`)');
  });

  it("one kept in a memoizing wrapper (React's cache) is still one, in its own file and in another", () => {
    const dir = project({
      'lib/did.ts': `import { cache } from 'react';
export const getDidDoc = cache(async (did: string) => {
  const url = process.env.PLC_DIRECTORY_URL ?? 'https://plc.directory';
  const response = await fetch(\`\${url}/\${did}\`);
  if (!response.ok) throw new Error(\`Failed to fetch DID document for \${did}\`);
  return await response.json();
});
export const getPdsUrl = cache(async (did: string) => {
  const plc = await getDidDoc(did);
  return plc.service.find((s: { type: string }) => s.type === 'AtprotoPersonalDataServer')?.serviceEndpoint ?? null;
});
`,
    });
    const text = `import { getPdsUrl } from '../../../lib/did';
export async function POST(request: Request) {
  const service = await getPdsUrl('did:plc:x');
  if (!service) throw new Error('No service found');
  return new Response('OK');
}
`;
    const findings = lint(dir, 'app/api/hook/route.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings.map((item) => item.line)).toEqual([3]);
    expect(findings[0].message).toContain('when `getPdsUrl(...)` (it calls `fetch(...)`) fails');
  });

  it("an uncaught call of one in a route handler is the framework's 500 for that service failing", () => {
    const dir = project(files);
    const text = `import { createTeamRequest, saveTeam, teamExists } from '../../../core/requests/team';
export async function POST(req: Request) {
  const team = await createTeamRequest(await req.json(), 'token');
  return Response.json(team.data);
}
export async function GET(req: Request) {
  if (!(await teamExists('1', 'token'))) return new Response('Not found', { status: 404 });
  return Response.json({ ok: true });
}
export async function PUT(req: Request) {
  const team = await saveTeam(await req.json(), 'token');
  return Response.json(team.data);
}
`;
    const findings = lint(dir, 'app/api/team/route.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    // One whose request is caught along its chain (`.catch(() => null)`) answers its failure itself (a 404 here); one
    // that also writes a record lets the request's failure out all the same (`saveTeam`, line 11).
    expect(findings.map((item) => item.line)).toEqual([3, 11]);
    expect(findings[0].message).toContain('when `createTeamRequest(...)` (it calls `fetch(...)`) fails');
  });
});

describe('injected services', () => {
  it("follows a method of a service handed to the constructor, through the field's declared class", () => {
    const dir = project({
      'src/repositories/oauth.repository.ts': `import { discovery } from 'openid-client';
export class OAuthRepository {
  async getConfiguration(issuer: string) {
    return await discovery(new URL(issuer), 'client');
  }
}
`,
    });
    const text = `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { OAuthRepository } from '../repositories/oauth.repository';
@Injectable()
export class AuthService {
  constructor(private readonly oauthRepository: OAuthRepository) {}
  async authorize(issuer: string) {
    try {
      return await this.oauthRepository.getConfiguration(issuer);
    } catch (error) {
      throw new InternalServerErrorException('Error in OAuth discovery');
    }
  }
}
`;
    const findings = lint(dir, 'src/services/auth.service.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('`this.oauthRepository.getConfiguration(...)` failed (it calls `discovery(...)`)') })]);
  });
});

describe('services a middleware puts on the context', () => {
  it("follows ctx.discoverService to the class the procedure's middleware makes, and a named SDK package inside it", () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'src/services/discover.ts': `import { MarketSDK } from '@acme/market-sdk';
export class DiscoverService {
  private market = new MarketSDK();
  getManifest = async (id: string) => {
    return await this.market.plugins.getManifest(id);
  };
}
`,
    });
    const text = `import { TRPCError } from '@trpc/server';
import { publicProcedure, router } from '@/libs/trpc';
import { DiscoverService } from '@/services/discover';
const marketProcedure = publicProcedure.use(async ({ ctx, next }) => next({ ctx: { discoverService: new DiscoverService() } }));
export const marketRouter = router({
  getManifest: marketProcedure.query(async ({ input, ctx }) => {
    try {
      return await ctx.discoverService.getManifest(input.id);
    } catch (error) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to fetch the manifest' });
    }
  }),
});
`;
    const findings = lint(dir, 'src/routers/market.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('`ctx.discoverService.getManifest(...)` failed (it calls `this.market.plugins.getManifest(...)`)') })]);
  });
});

describe('a value written once after its declaration', () => {
  it('`let response; try { response = await fetch(...) }` holds the fetch: reading its body failed is the upstream failing', () => {
    const dir = project({});
    const text = `import { TRPCError } from '@trpc/server';
export async function search(query: string) {
  let response: Response;
  try {
    response = await fetch('https://search.example.com/?q=' + query);
  } catch (error) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Search is down' });
  }
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to parse the search response.' });
  }
}
`;
    const findings = lint(dir, 'src/search.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings).toEqual([expect.objectContaining({ line: 12, message: expect.stringContaining('sent after `fetch(...)` failed') })]);
  });
});

describe('empty results', () => {
  it('a client that was not made is missing configuration; a subscription the SDK did not return is the service failing', () => {
    const dir = project({});
    const text = `import Stripe from 'stripe';
import { S3Client } from '@aws-sdk/client-s3';
const stripe = new Stripe('key');
function getS3Client() { return process.env.BUCKET ? new S3Client({}) : undefined; }
class ErrorWithCode extends Error { constructor(message: string, public httpCode = 400) { super(message); } }
export async function upload(id: string) {
  const s3Client = getS3Client();
  if (!s3Client) return new Response('Storage not configured', { status: 500 });
  const subscription = await stripe.subscriptions.retrieve(id);
  if (!subscription) throw new ErrorWithCode('Could not retrieve the subscription');
  return new Response(null, { status: 204 });
}
`;
    const findings = lint(dir, 'src/upload.ts', text);
    expect(findings.filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
    expect(findings.filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('`stripe.subscriptions.retrieve(...)` failed') })]);
  });
});

describe('a client an app helper only makes', () => {
  it('if (!githubApp) after getGithubApp(), which makes the SDK client (new App(...)), is missing configuration; a helper that calls the service is not', () => {
    const dir = project({
      'src/github-app.ts': `import { App } from 'octokit';
let instance: App | null = null;
export function getGithubApp(): App | null {
  if (instance) return instance;
  if (!process.env.GITHUB_APP_ID) return null;
  instance = new App({ appId: process.env.GITHUB_APP_ID, privateKey: process.env.GITHUB_PRIVATE_KEY! });
  return instance;
}
export async function findInstallation(app: App, owner: string) {
  return app.octokit.request('GET /repos/{owner}/installation', { owner });
}
`,
    });
    const text = `import { HTTPException } from 'hono/http-exception';
import { findInstallation, getGithubApp } from './github-app';
export async function listRepositories(owner: string) {
  const githubApp = getGithubApp();
  if (!githubApp) throw new HTTPException(500, { message: 'GitHub app not configured' });
  const installation = await findInstallation(githubApp, owner);
  if (!installation) throw new HTTPException(500, { message: 'No installation' });
  return installation;
}
`;
    const findings = lint(dir, 'src/list.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings.map((item) => item.line)).toEqual([7]);
  });
});

describe('services a NestJS controller awaits unguarded', () => {
  it("a client an injected service returns, called by the handler, and a service method that lets the client's failure out: both reach the framework's 500", () => {
    const dir = project({
      'src/helper/s3.service.ts': `import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Injectable } from '@nestjs/common';
@Injectable()
export class S3Service {
  private createClient(region: string) {
    return new S3Client({ region });
  }
  public getFileList(payload: { region: string; bucket: string }) {
    const client = this.createClient(payload.region);
    return client.send(new ListObjectsV2Command({ Bucket: payload.bucket }));
  }
}
`,
      'src/helper/google.service.ts': `import { google, analyticsdata_v1beta } from 'googleapis';
import { Injectable } from '@nestjs/common';
@Injectable()
export class GoogleService {
  private analyticsDataClient: analyticsdata_v1beta.Analyticsdata | null = null;
  constructor() {
    this.analyticsDataClient = google.analyticsdata({ version: 'v1beta' });
  }
  public getAnalyticsDataClient() {
    return this.analyticsDataClient;
  }
}
`,
      'src/helper/articles.service.ts': `import { Injectable } from '@nestjs/common';
@Injectable()
export class ArticlesService {
  constructor(private readonly repository: any) {}
  public list() {
    return this.repository.find({ take: 20 });
  }
}
`,
    });
    const text = `import { Body, Controller, Get, Post } from '@nestjs/common';
import { S3Service } from './helper/s3.service';
import { GoogleService } from './helper/google.service';
import { ArticlesService } from './helper/articles.service';
@Controller('system')
export class SystemController {
  constructor(private readonly s3Service: S3Service, private readonly googleService: GoogleService, private readonly articles: ArticlesService) {}
  @Get('files')
  async files() {
    const result = await this.s3Service.getFileList({ region: 'eu', bucket: 'static' });
    return { files: result.Contents };
  }
  @Post('reports')
  reports(@Body() requestBody: any) {
    return this.googleService.getAnalyticsDataClient()!.properties.batchRunReports({ property: 'p', requestBody });
  }
  @Get('articles')
  articlesList() {
    return this.articles.list();
  }
}
`;
    const findings = lint(dir, 'src/system.controller.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    // The client the service returns is called here: its failure is the handler's. So is the failure of a method of the
    // service that returns the client's call uncaught (`getFileList` returning `client.send(...)`).
    expect(findings.map((item) => item.line)).toEqual([10, 15]);
    expect(findings[0].message).toContain('`this.s3Service.getFileList(...)` (it calls `client.send(...)`)');
    expect(findings[1].message).toContain('`this.googleService.getAnalyticsDataClient().properties.batchRunReports(...)`');
  });
});

describe('a client a method of the same class makes', () => {
  it('client = this.createClient(region), returning new S3Client(...): a catch around client.send(...) answers the service failing; a store the method returns is no service', () => {
    const dir = project({});
    const text = `import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Injectable, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class S3Service {
  constructor(private readonly repository: any) {}
  private createClient(region: string) {
    return new S3Client({ region });
  }
  private store() {
    return this.repository;
  }
  public async getFileList(bucket: string) {
    const client = this.createClient('eu');
    try {
      return await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    } catch (error) {
      throw new InternalServerErrorException('Listing failed');
    }
  }
  public async getRecords(bucket: string) {
    const store = this.store();
    try {
      return await store.send({ bucket });
    } catch (error) {
      throw new InternalServerErrorException('Listing failed');
    }
  }
}
`;
    const findings = lint(dir, 'src/s3.service.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings.map((item) => item.line)).toEqual([17]);
    expect(findings[0].message).toContain('`client.send(...)` failed');
  });
});

describe('clients of the application that wrap an SDK', () => {
  const dir = project({
    'src/libs/mcp/client.ts': "import { Client } from '@modelcontextprotocol/sdk/client/index.js';\nexport class MCPClient {\n  private client = new Client({ name: 'app', version: '1' });\n  async listTools() { return this.client.listTools(); }\n}\n",
    'src/libs/mcp/index.ts': "export * from './client';\n",
    'src/libs/cache.ts': "import axios from 'axios';\nexport class Cache {\n  async get(key: string) { return key; }\n  async warm() { return axios.get('/internal/warm'); }\n}\n",
    'src/kubernetes-client.ts': "import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';\nexport class KubernetesClient {\n  coreApi = new KubeConfig().makeApiClient(CoreV1Api);\n  static getInstance() { return new KubernetesClient(); }\n}\n",
  });

  it('a method of an instance of a class whose module is built on a hosted service SDK calls that service', () => {
    const text = `import { TRPCError } from '@trpc/server';
import { MCPClient } from './libs/mcp';
import { Cache } from './libs/cache';
export class McpService {
  private async getClient(url: string): Promise<MCPClient> { return new MCPClient(); }
  async listTools(url: string) {
    const client = await this.getClient(url);
    try {
      return await client.listTools();
    } catch (error) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not list the tools' });
    }
  }
  async cached(key: string) {
    const cache = new Cache();
    try {
      return await cache.get(key);
    } catch (error) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not read the cache' });
    }
  }
}
`;
    const k8s = `import { TRPCError } from '@trpc/server';
import { KubernetesClient } from './kubernetes-client';
export async function listConfigMaps() {
  const { coreApi } = KubernetesClient.getInstance();
  try {
    return await coreApi.listConfigMapForAllNamespaces();
  } catch (error) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'An error occurred while fetching ConfigMaps' });
  }
}
`;
    expect(lint(dir, 'src/config-maps.ts', k8s).map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    const findings = lint(dir, 'src/mcp-service.ts', text);
    expect(findings.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 11]]);
    expect(findings[0].message).toMatch(/`client\.listTools\(\.\.\.\)` failed/);
  });

  it('a class that points a general HTTP client of its base class at an outside address reaches that service; one pointed at its own server does not', () => {
    const api = project({
      'server/api/externalapi.ts': "import axios, { type AxiosInstance } from 'axios';\nexport default class ExternalAPI {\n  protected axios: AxiosInstance;\n  constructor(baseUrl: string) { this.axios = axios.create({ baseURL: baseUrl }); }\n  protected async get<T>(path: string): Promise<T> { return (await this.axios.get<T>(path)).data; }\n}\n",
      'server/api/themoviedb.ts': "import ExternalAPI from './externalapi';\nexport default class TheMovieDb extends ExternalAPI {\n  constructor() { super('https://api.themoviedb.org/3'); }\n  getLanguages() { return this.get<string[]>('/configuration/languages'); }\n}\n",
      'server/api/selfapi.ts': "import ExternalAPI from './externalapi';\nexport default class SelfApi extends ExternalAPI {\n  constructor() { super('http://localhost:5055/api/v1'); }\n  getStatus() { return this.get<string>('/status'); }\n}\n",
    });
    const text = `import { Router } from 'express';
import TheMovieDb from './api/themoviedb';
import SelfApi from './api/selfapi';
const router = Router();
router.get('/languages', async (req, res, next) => {
  const tmdb = new TheMovieDb();
  try {
    return res.status(200).json(await tmdb.getLanguages());
  } catch (e) {
    return res.status(500).json({ message: 'Unable to retrieve languages.' });
  }
});
router.get('/status', async (req, res, next) => {
  const self = new SelfApi();
  try {
    return res.status(200).json(await self.getStatus());
  } catch (e) {
    return res.status(500).json({ message: 'Unable to retrieve the status.' });
  }
});
export default router;
`;
    const findings = lint(api, 'server/routes.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(findings.map((item) => item.line)).toEqual([10]);
  });
});

describe('methods the application adds to the response', () => {
  it('express.response.apiv3Err = function (err, status = 400): a call is judged with the status it sends', () => {
    const dir = project({
      'src/routes/response.js': `module.exports = (express) => {
  express.response.apiv3Err = function (err, status = 400, info) {
    this.status(status).json({ errors: [err], info });
  };
};
`,
      'src/middlewares/zipline.ts': `export function withHelpers(req: any, res: any, next: () => void) {
  res.tooManyRequests = (message: string) => res.status(429).json({ error: message });
  res.json = (json: unknown, status = 200) => res.status(status).send(JSON.stringify(json));
  next();
}
`,
    });
    const text = `import { Router } from 'express';
const router = Router();
router.get('/settings', async (req, res) => {
  try {
    const settings = await EditorSettings.findOne({ userId: req.user.id });
    return res.apiv3({ settings });
  } catch (err) {
    return res.apiv3Err('getting-editor-settings-failed');
  }
});
router.put('/pages/:id', async (req, res) => {
  const page = await Page.findById(req.params.id);
  if (page.owner !== req.user.id) return res.apiv3Err('You are not allowed to rename this page', 401);
  if (!req.body.name) return res.apiv3Err('name is required');
  if (await Page.exists({ name: req.body.name })) return res.apiv3Err('A page with this name already exists', 409);
  res.tooManyRequests('slow down');
});
export default router;
`;
    const found = lint(dir, 'src/routes/settings.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 8],
      ['no-401-for-forbidden', 13],
      ['require-retry-after-on-429', 16],
    ]);
    expect(found[0].message).toContain('400 from `apiv3Err()`, src/routes/response.js:2');
    // The status is the method's default parameter: no edit of the call is offered for it.
    expect(found[0].fixes).toEqual([]);
  });

  it('a name the application never adds is not looked for, and the framework\'s own methods are not taken for the application\'s', () => {
    const dir = project({ 'src/setup.js': 'module.exports = (res) => { res.json = function (body) { return body; }; };\n' });
    const text = `import { Router } from 'express';
const router = Router();
router.get('/x', (req, res) => {
  if (!req.query.id) return res.status(400).json({ error: 'id is required' });
  return res.fail('Already exists');
});
export default router;
`;
    expect(lint(dir, 'src/x.ts', text)).toEqual([]);
  });
});

describe('an object of the application\'s class attached to the response', () => {
  it('res.utils = new ResponseUtils(res, next): res.utils.error(msg) is judged with the status its method sends through this.res', () => {
    const dir = project({
      'server/lib/response-utils.js': `class ResponseUtils {
  constructor(res, next) {
    this.res = res;
    this.next = next;
  }
  data(data) {
    return this.res.json(data || {});
  }
  error(data) {
    const error = typeof data === 'string' ? { title: data } : data;
    return this.res.status(400).json(error);
  }
  unauthorized(detail) {
    return this.res.status(401).json({ title: 'Unauthorized', detail });
  }
}
export default ResponseUtils;
`,
      'server/app.js': `import express from 'express';
import ResponseUtils from './lib/response-utils.js';
const app = express();
app.use((req, res, next) => {
  res.utils = new ResponseUtils(res, next);
  next();
});
export default app;
`,
    });
    const text = `const express = require('express');
const router = express.Router();
router.post('/api/users', async (req, res) => {
  if (!req.body.email) return res.utils.error('email is required');
  const user = await req.models.users.findOneByEmail(req.body.email);
  if (user) return res.utils.error('user already exists');
  if (req.user.role !== 'admin') return res.utils.unauthorized('You are not allowed to add users');
  return res.utils.data(await req.models.users.create(req.body));
});
module.exports = router;
`;
    const found = lintJs(dir, 'server/routes/users.js', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 6],
      ['no-401-for-forbidden', 7],
    ]);
    expect(found[0].message).toContain('400 from `error()`, server/lib/response-utils.js');
  });

  it('a class whose methods send through a response it was not handed is not taken for one', () => {
    const dir = project({
      'server/lib/report.js': `export default class Report {
  constructor(res) { this.res = res; }
  static error(message) { return { status: 400, message }; }
}
`,
      'server/app.js': `import Report from './lib/report.js';
export const attach = (req, res, next) => { res.report = new Report(res); next(); };
`,
    });
    const text = `const express = require('express');
const router = express.Router();
router.post('/report', (req, res) => res.report.error('user already exists'));
module.exports = router;
`;
    expect(lintJs(dir, 'server/routes/report.js', text)).toEqual([]);
  });
});

describe("Fastify's decorated reply methods and an application's assertions", () => {
  it("reply.domainError(msg), added by decorateReply, answers the class its error handler tests: a DomainError thrown anywhere is a 400", () => {
    const dir = project({
      'src/presentation/http/decorators/domainError.ts': `import type { FastifyReply } from 'fastify';
export default async function domainError(this: FastifyReply, message = 'Domain level error'): Promise<void> {
  await this.code(400).type('application/json').send({ message });
}
`,
      'src/presentation/http/http-api.ts': `import domainError from './decorators/domainError.js';
import { DomainError } from '../../domain/DomainError.js';
export class Api {
  server: any;
  decorate(): void {
    this.server?.decorateReply('domainError', domainError);
  }
  globalErrorHandler(): void {
    this.server?.setErrorHandler(function (error, request, reply) {
      if (error instanceof DomainError) {
        void reply.domainError(error.message);
        return;
      }
      return reply.code(500).send({ message: 'Internal error' });
    });
  }
}
`,
      'src/domain/DomainError.ts': 'export class DomainError extends Error {}\n',
    });
    const text = `import { DomainError } from './DomainError.js';
export async function deleteNote(repository: any, id: number) {
  const note = await repository.find(id);
  if (!note) throw new DomainError('Note not found');
  if (note.parentId) throw new DomainError('Note already has parent note');
  if (!(await repository.delete(id))) throw new DomainError(\`Note with id \${id} was not deleted\`);
}
`;
    const found = lint(dir, 'src/domain/note.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-400-for-semantic-error', 4],
      ['no-400-for-semantic-error', 5],
      ['no-400-for-semantic-error', 6],
    ]);
    expect(found[0].message).toContain('its error handler (src/presentation/http/http-api.ts');
  });

  it('assertKoaCondition(cond, ctx, 401, msg), whose helper sets ctx.response.status, is judged with the condition it asserts', () => {
    const dir = project({
      'packages/node-utils/koa.ts': `import type { Context } from 'koa';
export function throwKoaError(ctx: Context, status: number, message?: string): never {
  ctx.response.status = status;
  ctx.response.body = { message, statusCode: status };
  ctx.throw();
}
export function assertKoaError(condition: boolean, ctx: Context, status: number, message?: string): void {
  if (condition) {
    throwKoaError(ctx, status, message);
  }
}
export function assertKoaCondition(condition: boolean, ctx: Context, status: number, message?: string): asserts condition {
  assertKoaError(!condition, ctx, status, message);
}
`,
    });
    const text = `import type { Context } from 'koa';
import { assertKoaCondition, throwKoaError } from '../packages/node-utils/koa';
export async function updateMember(ctx: Context) {
  const { appMemberId } = ctx.params;
  const authSubject = ctx.user;
  assertKoaCondition(authSubject != null, ctx, 401, 'Not signed in');
  assertKoaCondition(appMemberId !== authSubject!.id, ctx, 401, 'Cannot use this endpoint to patch your own properties');
  const invites = await findInvites(ctx.request.body);
  assertKoaCondition(invites.length > 0, ctx, 400, 'All invited users are already part of this organization');
  if (!ctx.request.body.name) throwKoaError(ctx, 400, 'name is required');
}
`;
    const found = lint(dir, 'src/updateMember.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 7],
      ['no-400-for-semantic-error', 9],
    ]);
    expect(found[0].message).toContain('assertKoaCondition()');
  });
});

describe('words kept as constants in another file', () => {
  it('responses.user_already_exists, a string of an exported object, is what the body and a message say', () => {
    const dir = project({
      'config/strings.ts': `export const responses = {
  user_already_exists: 'The user already exists',
  email_required: 'Email is required',
  internal_error: 'Something went wrong',
};
`,
    });
    const text = `import { NextResponse } from 'next/server';
import { responses } from '../../../config/strings';
export async function POST(request: Request) {
  const { email } = await request.json();
  if (!email) return NextResponse.json({ error: responses.email_required }, { status: 400 });
  try {
    await createUser(email);
    return NextResponse.json({ ok: true });
  } catch (err: any) {
    if (err.message.indexOf('E11000') !== -1) return NextResponse.json({ error: responses.user_already_exists }, { status: 400 });
    throw new HttpError(400, responses.user_already_exists);
  }
}
`;
    const found = lint(dir, 'app/api/user/route.ts', text).filter((item) => item.rule === 'no-400-for-semantic-error');
    expect(found.map((item) => item.line)).toEqual([10]);
    expect(found[0].message).toContain('already exists');
  });
});

describe('a status a helper keeps in a local first', () => {
  it('const status = errorCodeToHttpStatus[code]; return new HTTPException(status, ...): the code given at the call decides', () => {
    const dir = project({
      'packages/core/src/error.ts': `import { HTTPException } from 'hono/http-exception';
const errorCodeToHttpStatus: Record<string, number> = { bad_request: 400, unauthorized: 401, forbidden: 403, too_many_requests: 429 };
export function createApiError({ code, message }: { code: string; message: string }): HTTPException {
  const status = errorCodeToHttpStatus[code];
  const res = new Response(JSON.stringify({ code, message }), { status, headers: { 'Content-Type': 'application/problem+json' } });
  return new HTTPException(status as any, { message, res });
}
`,
    });
    const text = `import { Hono } from 'hono';
import { createApiError } from '../packages/core/src/error';
const app = new Hono();
app.post('/triggers', async (c) => {
  const userId = c.get('userId');
  const tenantRole = c.get('tenantRole');
  if (!tenantRole) throw createApiError({ code: 'unauthorized', message: 'Missing tenant role' });
  if (await limited(userId)) throw createApiError({ code: 'too_many_requests', message: 'Slow down' });
  return c.json({ ok: true });
});
export default app;
`;
    const found = lint(dir, 'src/triggers.ts', text);
    // The caller is known (its user and tenant are read) and refused for a missing role: a 403.
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 7],
      ['require-retry-after-on-429', 8],
    ]);
    expect(found[1].message).toContain('createApiError()');
  });
});

describe('a status the base class is handed through a function of the code', () => {
  it('super(codeToStatus(code), { message }): the switch of that function decides, with the code given at the throw', () => {
    const dir = project({
      'src/api-error.ts': `import { HTTPException } from 'hono/http-exception';
function codeToStatus(code: string) {
  switch (code) {
    case 'BAD_REQUEST':
      return 400;
    case 'NOT_FOUND':
      return 404;
  }
  return 500;
}
export class ApiError extends HTTPException {
  constructor({ code, message }: { code: string; message: string }) {
    super(codeToStatus(code), { message });
  }
}
`,
    });
    const text = `import { ApiError } from './api-error';
export async function checkEmail(id: string) {
  const email = await db.email.findUnique({ where: { id } });
  if (!email) throw new ApiError({ code: 'BAD_REQUEST', message: 'Email not found' });
  if (email.status !== 'SCHEDULED') throw new ApiError({ code: 'NOT_FOUND', message: 'Email not found' });
}
`;
    const found = lint(dir, 'src/email-service.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 4]]);
    expect(found[0].message).toContain('400 from `new ApiError()`');
  });
});

describe('modules written before classes', () => {
  it('ApiResponse.error = function (err) { const result = {}; result.ok = false; ...; return result }, exported as module.exports = ApiResponse', () => {
    const dir = project({
      'src/util/api-response.js': `function ApiResponse() {}
ApiResponse.error = function (err, code) {
  const result = {};
  result.ok = false;
  result.code = code;
  if (err instanceof Error) result.error = err.toString();
  else result.error = err;
  return result;
};
ApiResponse.success = function (data) {
  const result = data || {};
  result.ok = true;
  return result;
};
module.exports = ApiResponse;
`,
    });
    const text = `const ApiResponse = require('./util/api-response');
module.exports = (app) => {
  app.get('/search', async (req, res) => {
    if (!searchService.isReachable) return res.json(ApiResponse.error('SearchService is not reachable.'));
    return res.json(ApiResponse.success(await searchService.search(req.query.q)));
  });
};
`;
    const found = lint(dir, 'src/search.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 4]]);
    expect(found[0].message).toContain('`ok: false`');
  });
});

describe('a factory that looks its code up in a table of definitions', () => {
  it('createAppException(...args) { const [code] = args; const definition = DEFINITIONS[code]; return new AppException(code, msg, definition.status) }', () => {
    const dir = project({
      'src/errors/codes.ts': `export enum AppErrorCode { UPLOAD_RATE_LIMITED = 'UPLOAD_RATE_LIMITED', POST_NOT_FOUND = 'POST_NOT_FOUND' }
`,
      'src/errors/definitions.ts': `import { HttpStatus } from '@nestjs/common';
import { AppErrorCode } from './codes';
export const APP_ERROR_DEFINITIONS = {
  [AppErrorCode.UPLOAD_RATE_LIMITED]: { status: HttpStatus.TOO_MANY_REQUESTS, message: 'Too many uploads' },
  [AppErrorCode.POST_NOT_FOUND]: { status: HttpStatus.NOT_FOUND, message: 'Post not found' },
};
`,
      'src/errors/factory.ts': `import { HttpException } from '@nestjs/common';
import { AppErrorCode } from './codes';
import { APP_ERROR_DEFINITIONS } from './definitions';
export class AppException extends HttpException {
  constructor(readonly code: string, message: string, status: number, readonly details?: unknown) {
    super(message, status);
  }
}
export function createAppException(...args: [AppErrorCode, unknown?]): AppException {
  const [code, payload] = args as [AppErrorCode, unknown];
  const definition = APP_ERROR_DEFINITIONS[code];
  return new AppException(code, definition.message, definition.status, payload);
}
`,
    });
    const text = `import { AppErrorCode } from './errors/codes';
import { createAppException } from './errors/factory';
export async function upload(count: number, limit: number) {
  if (count >= limit) throw createAppException(AppErrorCode.UPLOAD_RATE_LIMITED);
  if (count < 0) throw createAppException(AppErrorCode.POST_NOT_FOUND);
}
`;
    const found = lint(dir, 'src/upload.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['require-retry-after-on-429', 4]]);
    expect(found[0].message).toContain('429 from `createAppException()`');
  });
});

describe('an answer of another service that carries its errors', () => {
  it("'errors' in response after the app's helper fetched a fixed outside address: the service failed", () => {
    const dir = project({
      'services/github/get-discussion.ts': `export async function getDiscussion(id: string, token: string) {
  const response = await fetch('https://api.github.com/graphql', { method: 'POST', headers: { Authorization: 'Bearer ' + token }, body: JSON.stringify({ id }) });
  return response.json();
}
`,
    });
    const text = `import type { NextApiRequest, NextApiResponse } from 'next';
import { getDiscussion } from '../../services/github/get-discussion';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const response = await getDiscussion(req.query.id as string, process.env.GITHUB_TOKEN as string);
  if ('errors' in response) {
    res.status(500).json({ error: response.errors[0]?.message ?? 'Unknown error' });
    return;
  }
  const user = await db.users.findOne({ id: req.query.user });
  if ('error' in user) return res.status(500).json({ error: 'database' });
  res.json(response.data);
}
`;
    const found = lint(dir, 'pages/api/discussions.ts', text);
    // The database's answer is the server's own: not reported.
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 6]]);
  });
});

describe("the application's own status table in another file", () => {
  it('HttpStatus.BAD_REQUEST of an imported enum is 400, and the suggestion writes the enum member of the new status', () => {
    const dir = project({
      'src/constants/http-status.ts': `export enum HttpStatus {
  OK = 200,
  BAD_REQUEST = 400,
  INTERNAL_SERVER_ERROR = 500,
  BAD_GATEWAY = 502,
}
`,
    });
    const text = `import { NextRequest, NextResponse } from 'next/server';
import { HttpStatus } from './constants/http-status';
export async function POST(req: NextRequest) {
  try {
    const response = await (await fetch('https://api.cloudflare.com/client/v4/raw', { method: 'POST', body: JSON.stringify(await req.json()) })).json();
    return NextResponse.json(response);
  } catch (e) {
    return NextResponse.json({ error: (e as Error).message }, { status: HttpStatus.BAD_REQUEST });
  }
}
`;
    const found = lint(dir, 'src/route.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 8]]);
    expect(found[0].fixes).toEqual(['HttpStatus.BAD_GATEWAY']);
  });

  it('a member of an imported constant object is read too; a member that is no status is not', () => {
    const dir = project({
      'src/codes.ts': `export const STATUS = { FAILED: 500, LIMIT: 'limit' } as const;
`,
    });
    const text = `import express from 'express';
import { STATUS } from './codes';
const app = express();
app.post('/sync', async (req, res) => {
  try {
    await fetch('https://api.stripe.com/v1/charges');
  } catch (error) {
    return res.status(STATUS.FAILED).json({ error: 'sync failed' });
  }
  res.status(STATUS.LIMIT as unknown as number).json({});
});
`;
    const found = lint(dir, 'src/app.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
  });
});

describe('the errors in the body of a call made in place', () => {
  it('response.errors && response.errors.length > 0 after await (await fetch(url)).json() is the service failing', () => {
    const dir = project({});
    const text = `import { NextRequest, NextResponse } from 'next/server';
export async function POST(req: NextRequest) {
  const response = await (await fetch('https://api.cloudflare.com/client/v4/raw', { method: 'POST' })).json();
  if (response.errors && response.errors.length > 0) {
    return NextResponse.json({ error: response.errors[0].message }, { status: 500 });
  }
  const input = await req.json();
  if (input.errors) return NextResponse.json({ error: 'bad' }, { status: 500 });
  return NextResponse.json(response);
}
`;
    const found = lint(dir, 'src/route.ts', text);
    // The request's own body carrying errors is no other service's failure.
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 5]]);
  });
});

describe('a branch of a catch that answers an error of the server’s own work', () => {
  it('if (e instanceof SyntaxError) res.status(400) is the parse failing, not the mail service called in the same try', () => {
    const dir = project({});
    const text = `import express from 'express';
import { sendEmail } from '@sendgrid/mail';
const app = express();
app.post('/forward', async (req, res) => {
  try {
    const data = JSON.parse(req.body.message);
    await sendEmail({ to: data.to });
    res.status(200).send('forwarded');
  } catch (e) {
    if (e instanceof SyntaxError) {
      res.status(400).send(e);
    } else {
      res.status(500).send(e);
    }
  }
});
`;
    const found = lint(dir, 'src/app.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 13]]);
  });
});

describe('a helper that keeps its own failure', () => {
  it("a catch around sendEmail(), whose own try answers SendGrid's failure with false, is not SendGrid's failure; its false result is, and a helper that rethrows is", () => {
    const dir = project({
      'src/utils/send-email.ts': `import MailService from '@sendgrid/mail';
export const sendEmail = async (msg: { to: string; text: string }): Promise<boolean> => {
  if (!process.env.SENDGRID_API_KEY) throw 'SendGrid API key not set';
  try {
    await MailService.send(msg);
    return true;
  } catch (error) {
    console.error('sendgrid error', error);
    return false;
  }
};
`,
      'src/utils/notify.ts': `import MailService from '@sendgrid/mail';
export async function sendEmailOrThrow(msg: { to: string; text: string }) {
  try {
    await MailService.send(msg);
  } catch (error) {
    console.error('sendgrid error', error);
    throw error;
  }
}
`,
    });
    const text = `import express from 'express';
import { sendEmail } from './utils/send-email';
import { sendEmailOrThrow } from './utils/notify';
import { users } from './db';
const router = express.Router();
router.post('/mail', async (req, res) => {
  try {
    const user = await users.findById(req.body.id);
    const result = await sendEmail({ to: user.email, text: req.body.text });
    if (!result) {
      res.status(500).send('Failed to send email');
      return;
    }
    res.status(200).send('sent');
  } catch (e) {
    res.status(500).send('Email not sent');
  }
});
router.post('/notify', async (req, res) => {
  try {
    await sendEmailOrThrow({ to: req.body.to, text: req.body.text });
    res.status(200).send('sent');
  } catch (e) {
    res.status(500).send('not sent');
  }
});
`;
    const found = lint(dir, 'src/mail.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-500-for-upstream-error', 11],
      ['no-500-for-upstream-error', 24],
    ]);
  });
});

describe('a search of a collection written in the code', () => {
  it('validations.find(...) over rules written in the code finds no existing record; rooms.get(...) of a map the server fills does', () => {
    const dir = project({});
    const text = `import { BadRequestException, Injectable } from '@nestjs/common';
const rooms = new Map<string, string>();
@Injectable()
export class ConfigService {
  validate(key: string, value: number) {
    const validations = [
      { key: 'share.idLength', condition: (v: number) => v >= 2 && v <= 50, message: 'Share ID length must be between 2 and 50' },
    ];
    const validation = validations.find((item) => item.key == key);
    if (validation && !validation.condition(value)) {
      throw new BadRequestException(validation.message);
    }
  }
  open(name: string) {
    const room = rooms.get(name);
    if (room) {
      throw new BadRequestException('Room taken');
    }
    rooms.set(name, name);
  }
}
`;
    const found = lint(dir, 'src/config.service.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 17]]);
  });
});

describe('an instance of a class a CommonJS module exports', () => {
  it("new SlackController() of require('../controllers/SlackController'): the try's sole call is its method, whose Slack call failed", () => {
    const dir = project({
      'controllers/SlackController.js': `const axios = require('axios');
class SlackController {
  async handleOAuthCallback(code) {
    const response = await axios.post('https://slack.com/api/oauth.v2.access', { code });
    return response.data;
  }
}
module.exports = SlackController;
`,
    });
    const text = `const SlackController = require('../controllers/SlackController');
module.exports = (app) => {
  const slackController = new SlackController();
  app.get('/apps/slack/oauth/callback', async (req, res) => {
    try {
      const result = await slackController.handleOAuthCallback(req.query.code);
      return res.status(200).send(result);
    } catch (error) {
      return res.status(500).send({ error: error.message });
    }
  });
};
`;
    const found = lintJs(dir, 'api/SlackRoute.js', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 9]]);
  });
});

describe("a field of the class itself after its super(...) call", () => {
  it('override code = HttpStatus.NOT_FOUND wins over the base class field that super(...) leaves (400)', () => {
    const dir = project({
      'src/http-status.ts': `export const HttpStatus = { BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409 } as const;
`,
      'src/errors.ts': `import { HttpStatus } from './http-status';
export class Exception extends Error {
  code: number = HttpStatus.BAD_REQUEST;
  constructor(message: string, code?: number) {
    super(message);
    if (code) this.code = code;
  }
}
export class UserNotFoundException extends Exception {
  override code = HttpStatus.NOT_FOUND;
  constructor() {
    super('User not found');
  }
}
export class UserAlreadyExistsException extends Exception {
  constructor() {
    super('User already exists');
  }
}
`,
    });
    const text = `import { UserAlreadyExistsException, UserNotFoundException } from './errors';
export async function findBy(users: { findOne(q: unknown): Promise<unknown> }, email: string) {
  const found = await users.findOne({ email });
  if (!found) throw new UserNotFoundException();
  if (email.startsWith('admin')) throw new UserAlreadyExistsException();
  return found;
}
`;
    const found = lint(dir, 'src/pool.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 5]]);
  });
});

describe("a helper that answers with one of several results", () => {
  it("res.send(await updateUserEmail(...)) where the helper returns { status: 'failed' } on some paths is a failure sent with 200", () => {
    const dir = project({
      'src/entity/user.ts': `export const updateUserEmail = async (con: { save(x: unknown): Promise<{ id: string }> }, data: { id?: string; email?: string }) => {
  if (!data.id || !data.email) {
    return { status: 'failed', reason: 'MISSING_FIELDS' };
  }
  const saved = await con.save(data);
  return { status: 'ok', userId: saved.id };
};
export const listUsers = async (con: { all(): Promise<unknown[]> }) => {
  const users = await con.all();
  if (users.length === 0) return { users: [], total: 0 };
  return { users, total: users.length };
};
`,
    });
    const text = `import fastify from 'fastify';
import { listUsers, updateUserEmail } from './entity/user';
const app = fastify();
app.post('/updateUserEmail', async (req, res) => {
  const result = await updateUserEmail(req.server.con, req.body as { id?: string; email?: string });
  return res.status(200).send(result);
});
app.get('/users', async (req, res) => {
  const result = await listUsers(req.server.con);
  return res.status(200).send(result);
});
app.post('/changeEmail', async (req, res) => {
  const result = await updateUserEmail(req.server.con, req.body as { id?: string; email?: string });
  if (result.status === 'failed') return res.status(422).send(result);
  return res.status(200).send(result);
});
`;
    const found = lint(dir, 'src/routes.ts', text);
    // The handler that tests the result answers its failures apart: its 200 carries only the success.
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 6]]);
    expect(found[0].message).toContain('one of its shapes has `status: "failed"`');
  });
});

describe("the application's package manifest", () => {
  const handler = `import express from 'express';
import Stripe from 'stripe';
const stripe = new Stripe('key');
const app = express();
app.post('/pay', async (req, res) => {
  const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
  res.json({ id: intent.id });
});
`;
  const findings = (express: string) => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'api', dependencies: { express } }), 'src/app.ts': handler });
    return lint(dir, 'src/app.ts').filter((message) => message.rule === 'no-500-for-upstream-error');
  };

  it('Express 5 answers a rejected async handler with its error middleware (500): an uncaught failed call to a service is that 500', () => {
    const found = findings('^5.1.0');
    expect(found.map((message) => message.line)).toEqual([6]);
    expect(found[0].message).toContain('stripe.paymentIntents.create');
  });

  it('Express 4 answers none (the request hangs), and an undeclared or unreadable version says nothing', () => {
    expect(findings('^4.21.2')).toEqual([]);
    expect(findings('latest')).toEqual([]);
    const dir = project({ 'package.json': '{ not json', 'src/app.ts': handler });
    expect(lint(dir, 'src/app.ts').filter((message) => message.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it('a workspace package takes the range its own manifest declares, else the nearest one above that names express', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['apps/*'], devDependencies: { express: '5.0.0' } }),
      'apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { stripe: '^17.0.0' } }),
      'apps/api/src/app.ts': handler,
      'apps/old/package.json': JSON.stringify({ name: 'old', dependencies: { express: '~4.18.0' } }),
      'apps/old/src/app.ts': handler,
    });
    expect(lint(dir, 'apps/api/src/app.ts').filter((message) => message.rule === 'no-500-for-upstream-error')).toHaveLength(1);
    expect(lint(dir, 'apps/old/src/app.ts').filter((message) => message.rule === 'no-500-for-upstream-error')).toEqual([]);
  });
});

describe('a method of the application that lets the failure of its call to a service out', () => {
  const service = (body: string) => `import { Injectable } from '@nestjs/common';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { db } from './db';
@Injectable()
export class StorageService {
  private readonly client = new S3Client({});
  async upload(key: string, data: Buffer) {
${body}
  }
}
`;
  const controller = `import { Controller, Post, Body } from '@nestjs/common';
import { StorageService } from './storage.service';
@Controller('files')
export class FilesController {
  constructor(private readonly storage: StorageService) {}
  @Post()
  async upload(@Body() body: { key: string }) {
    const url = await this.storage.upload(body.key, Buffer.from(''));
    return { url };
  }
}
`;
  const findings = (body: string) => {
    const dir = project({ 'src/db.ts': 'export const db = { file: { create: async (x: unknown) => x } };\n', 'src/storage.service.ts': service(body), 'src/files.controller.ts': controller });
    return lint(dir, 'src/files.controller.ts').filter((message) => message.rule === 'no-500-for-upstream-error');
  };

  it('an injected service that writes its own record and awaits the SDK outside any try: the handler fails with the service (500)', () => {
    const found = findings(`    await db.file.create({ key });
    await this.client.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: data }));
    return key;`);
    expect(found.map((message) => message.line)).toEqual([8]);
    expect(found[0].message).toContain('`this.storage.upload(...)` (it calls `this.client.send(...)`)');
  });

  it('not when the service catches the failure, calls the SDK in a callback, or hands its promise to a logger', () => {
    expect(findings(`    await db.file.create({ key });
    try { await this.client.send(new PutObjectCommand({ Bucket: 'b', Key: key })); } catch (error) { return null; }
    return key;`)).toEqual([]);
    expect(findings(`    await db.file.create({ key });
    setImmediate(async () => { await this.client.send(new PutObjectCommand({ Bucket: 'b', Key: key })); });
    return key;`)).toEqual([]);
    expect(findings(`    await db.file.create({ key });
    await this.client.send(new PutObjectCommand({ Bucket: 'b', Key: key })).catch(console.error);
    return key;`)).toEqual([]);
  });
});

describe('a type imported from a package named as an SDK', () => {
  it('uses no client of it: the methods of a class whose module only imports its types are the application\'s own work', () => {
    const dir = project({
      'src/models/App.ts': `import { type AppDefinition } from '@acme/lang-sdk';
export class App { definition?: AppDefinition; async update(values: object) { return values; } }
`,
      'src/routes.ts': `import Koa from 'koa';
import Router from '@koa/router';
import { App } from './models/App';
const router = new Router();
router.post('/apps/:id/lock', async (ctx: Koa.Context) => {
  const app = new App();
  await app.update({ locked: true });
  ctx.body = { ok: true };
});
`,
    });
    expect(lint(dir, 'src/routes.ts').filter((message) => message.rule === 'no-500-for-upstream-error')).toEqual([]);
  });
});

describe("a check of what the client sent, made by asking another service", () => {
  const dir = project({
    'app/lib/turnstile.ts': `export async function verifyTurnstileToken(token?: string | null) {
  if (!token) return { success: false };
  const response = await fetch('https://challenges.cloudflare.com/turnstile/v0/siteverify', { method: 'POST', body: token });
  if (!response.ok) return { success: false };
  const data = (await response.json()) as { success: boolean };
  return { success: data.success };
}
export async function fetchWeather(city: string) {
  const response = await fetch('https://api.weather.example.com/v1/' + city);
  return { success: response.ok };
}
`,
    'app/api/auth/register/route.ts': `import { NextResponse } from 'next/server';
import { fetchWeather, verifyTurnstileToken } from '../../../lib/turnstile';
export async function POST(request: Request) {
  const { turnstileToken, city } = await request.json();
  const verification = await verifyTurnstileToken(turnstileToken);
  if (!verification.success) {
    return NextResponse.json({ error: 'Security check failed' }, { status: 400 });
  }
  const weather = await fetchWeather(city);
  if (!weather.success) {
    return NextResponse.json({ error: 'Weather lookup failed' }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}
`,
  });

  it('a 400 after verifyTurnstileToken(token) said no blames the token, whatever service it asked; one after another call to a service does not', () => {
    const found = lint(dir, 'app/api/auth/register/route.ts').filter((message) => message.rule === 'no-400-for-semantic-error');
    expect(found.map((message) => message.line)).toEqual([11]);
  });
});

describe("a helper that keeps its own call's failure", () => {
  const dir = project({
    'src/files.ts': `import { S3 } from '@aws-sdk/client-s3';
const s3 = new S3({});
export async function uploadFiles(keys: string[]) {
  return Promise.all(keys.map((Key) => s3.putObject({ Bucket: 'b', Key }).then(() => Key).catch((err) => err)));
}
export async function uploadFile(Key: string) {
  return s3.putObject({ Bucket: 'b', Key });
}
`,
    'src/routes.ts': `import express from 'express';
import { uploadFile, uploadFiles } from './files';
const app = express();
app.post('/many', async (req, res) => {
  try {
    res.json(await uploadFiles(req.body.keys));
  } catch (error) {
    res.status(500).json({ error: 'upload failed' });
  }
});
app.post('/one', async (req, res) => {
  try {
    res.json(await uploadFile(req.body.key));
  } catch (error) {
    res.status(500).json({ error: 'upload failed' });
  }
});
`,
  });

  it('a 500 around uploadFiles, whose S3 calls end in a catch that keeps the error, answers no failure of S3; one around uploadFile does', () => {
    const found = lint(dir, 'src/routes.ts').filter((message) => message.rule === 'no-500-for-upstream-error');
    expect(found.map((message) => message.line)).toEqual([15]);
  });
});

describe("an error's kind that a function of another file turns into a status", () => {
  const dir = project({
    'src/utils/errors.ts': `export enum ErrorType { PARAMS_ERROR = 'PARAMS_ERROR', RATE_LIMIT_ERROR = 'RATE_LIMIT_ERROR', UNKNOWN_ERROR = 'UNKNOWN_ERROR' }
export class AssistantError extends Error {
  type: ErrorType;
  statusCode?: number;
  constructor(message: string, type: ErrorType = ErrorType.UNKNOWN_ERROR, statusCode?: number) {
    super(message);
    this.type = type;
    this.statusCode = statusCode || 500;
  }
}
export function handleAIServiceError(error: AssistantError): Response {
  switch (error.type) {
    case ErrorType.RATE_LIMIT_ERROR:
      return Response.json({ error: error.message }, { status: 429 });
    case ErrorType.PARAMS_ERROR:
      return Response.json({ error: error.message }, { status: 400 });
    default:
      return Response.json({ error: error.message }, { status: error.statusCode });
  }
}
`,
    'src/index.ts': `import { Hono } from 'hono';
import { AssistantError, ErrorType, handleAIServiceError } from './utils/errors';
const app = new Hono();
app.onError((err) => handleAIServiceError(err as AssistantError));
app.get('/chat/:id', async (c) => {
  const chat = await c.env.DB.get(c.req.param('id'));
  if (chat) throw new AssistantError('Chat already exists', ErrorType.PARAMS_ERROR);
  const weather = await fetch('https://api.openweathermap.org/data/2.5/weather');
  if (!weather.ok) throw new AssistantError('Weather lookup failed');
  throw new AssistantError('Too many requests', ErrorType.RATE_LIMIT_ERROR);
});
export default app;
`,
  });

  it("reads the switch over error.type in the function the onError hook hands errors to: a kind it names gets its status, another the error's own (500)", () => {
    const found = lint(dir, 'src/index.ts').map((message) => `${message.line} ${message.rule}`);
    expect(found).toEqual(['7 no-400-for-semantic-error', '9 no-500-for-upstream-error', '10 require-retry-after-on-429']);
  });
});

describe('a method of a service injected into the class', () => {
  const dir = project({
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './' } }),
    'src/infrastructure/exceptions/exceptions.service.ts': `import { BadRequestException, Injectable } from '@nestjs/common';
@Injectable()
export class ExceptionsService {
  badRequestException(data: { message: string }): void {
    throw new BadRequestException(data);
  }
}
`,
    'src/usecases/archive.usecase.ts': `import { Injectable } from '@nestjs/common';
import { ExceptionsService } from 'src/infrastructure/exceptions/exceptions.service';
@Injectable()
export class ArchiveUseCase {
  constructor(private readonly exceptionService: ExceptionsService) {}
  async execute(item: { status: string }) {
    if (item.status === 'ARCHIVED') {
      this.exceptionService.badRequestException({ message: 'The item is already archived.' });
    }
  }
}
`,
  });

  it("this.exceptionService.badRequestException(...) as a statement throws its 400, read through the class of the constructor's parameter", () => {
    const found = lint(dir, 'src/usecases/archive.usecase.ts');
    expect(found.map((message) => [message.rule, message.line])).toEqual([['no-400-for-semantic-error', 8]]);
    expect(found[0].message).toContain('badRequestException()');
  });
});

describe('the words of an error kept in a table of another file', () => {
  const dir = project({
    'src/exceptions.ts': `export enum ActivityTypeExceptionCodes {
  ACTIVITY_TYPE_001 = 'ACTIVITY_TYPE_001',
  ACTIVITY_TYPE_002 = 'ACTIVITY_TYPE_002',
}
export const ActivityTypeExceptionMessages = {
  [ActivityTypeExceptionCodes.ACTIVITY_TYPE_001]: { code_error: ActivityTypeExceptionCodes.ACTIVITY_TYPE_001, message: 'Activity Type not found.' },
  [ActivityTypeExceptionCodes.ACTIVITY_TYPE_002]: { code_error: ActivityTypeExceptionCodes.ACTIVITY_TYPE_002, message: 'An activity type with the same name already exists.' },
};
export const ERRORS = { NAME_TAKEN: 'This name is already taken' };
`,
    'src/activity-type.service.ts': `import { BadRequestException } from '@nestjs/common';
import { ActivityTypeExceptionMessages, ERRORS } from './exceptions';
export class ActivityTypeService {
  async create(name: string, existing: unknown, taken: boolean) {
    if (existing) throw new BadRequestException(ActivityTypeExceptionMessages.ACTIVITY_TYPE_002);
    if (taken) throw new BadRequestException(ERRORS.NAME_TAKEN);
  }
}
`,
  });

  it('reads the message of an entry keyed by an enum member, and a string of an imported table', () => {
    const found = lint(dir, 'src/activity-type.service.ts');
    expect(found.map((message) => [message.rule, message.line])).toEqual([['no-400-for-semantic-error', 5], ['no-400-for-semantic-error', 6]]);
    expect(found[0].message).toContain('already exists');
    expect(found[1].message).toContain('already taken');
  });
});

describe('an answer the application builds with its own class', () => {
  const RESPONSE_UTIL = `export class ResponseUtil<T = any> {
  public error: string
  public data: T
  static ok<T>(data: T) {
    return new ResponseUtil(data, null)
  }
  static error(error: string) {
    return new ResponseUtil(null, error)
  }
  constructor(data: T, error: string) {
    this.data = data
    this.error = error
  }
}
`;

  it('a Nest controller returning ResponseUtil.error(msg): the error its constructor keeps goes out with 201 or 200', () => {
    const dir = project({ 'src/utils/response.ts': RESPONSE_UTIL });
    const text = `import { Controller, Get, Post, Body, Param } from '@nestjs/common'
import { ResponseUtil } from '../utils/response'
@Controller('buckets')
export class BucketController {
  constructor(private readonly bucketService: BucketService) {}
  @Post()
  async create(@Body() dto: CreateBucketDto) {
    const count = await this.bucketService.count(dto.appid)
    if (count >= 10) {
      return ResponseUtil.error('bucket count limit exceeded')
    }
    return ResponseUtil.ok(await this.bucketService.create(dto))
  }
  @Get(':name')
  async findOne(@Param('name') name: string) {
    const bucket = await this.bucketService.findOne(name)
    if (!bucket) return new ResponseUtil(null, 'bucket not found')
    return ResponseUtil.ok(bucket)
  }
  @Get()
  async findAll() {
    return this.bucketService.findAll()
  }
}
`;
    const found = lint(dir, 'src/storage/bucket.controller.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([
      ['no-error-body-on-success', 10],
      ['no-error-body-on-success', 17],
    ]);
    expect(found[0].message).toContain('201 success response carries an error body');
    expect(found[1].message).toContain('200 success response carries an error body');
  });

  it('an instance of an error class, or of a class whose constructor keeps nothing of an error, is not such an answer', () => {
    const dir = project({
      'src/utils/response.ts': RESPONSE_UTIL,
      'src/utils/page.ts': `export class Page<T> {
  constructor(public items: T[], public total: number) {}
}
export class ApiError extends Error {
  constructor(public error: string) { super(error) }
}
`,
    });
    const text = `import { Controller, Get } from '@nestjs/common'
import { Page, ApiError } from '../utils/page'
@Controller('items')
export class ItemController {
  @Get()
  async findAll() {
    return new Page([], 0)
  }
  @Get('broken')
  async broken() {
    return new ApiError('boom')
  }
}
`;
    expect(lint(dir, 'src/items/item.controller.ts', text).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
  });
});

describe('an error class the application\'s error handler answers with one status, whatever the class', () => {
  const HANDLER = `import { Hono } from 'hono';
import result from '../model/result';
const app = new Hono();
app.onError((err, c) => {
  if (err.name === 'BizError') console.log(err.message);
  return c.json(result.fail(err.message, err.code));
});
export default app;
`;
  const BIZ_ERROR = `class BizError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code ? code : 501;
    this.name = 'BizError';
  }
}
export default BizError;
`;
  const SERVICE = `import BizError from '../error/biz-error';
export const accountService = {
  async add(c, params) {
    if (!params.email) {
      throw new BizError('Email is required');
    }
    if (await accountDao.exists(params.email)) {
      throw new BizError('The address is already registered', 409);
    }
    return accountDao.insert(params);
  },
};
`;

  it('a class with no status of its own, thrown where the only error hook answers every error with 200 (Hono c.json without a status): each throw is a success given to an error', () => {
    const dir = project({ 'package.json': '{"dependencies":{"hono":"^4.0.0"}}', 'src/hono/hono.js': HANDLER, 'src/error/biz-error.js': BIZ_ERROR });
    const found = lint(dir, 'src/service/account-service.ts', SERVICE).filter((item) => item.rule === 'no-error-body-on-success');
    expect(found.map((item) => item.line)).toEqual([5, 8]);
    expect(found[0].message).toContain('200 from `new BizError()`, its error handler (src/hono/hono.js:6)');
  });

  it('not the handler of another package of the repository, nor one whose answers differ or take their status from the error', () => {
    const other = project({
      'package.json': '{"private":true}',
      'apps/ssr/package.json': '{"dependencies":{"hono":"^4.0.0"}}',
      'apps/ssr/src/hono/hono.js': HANDLER,
      'apps/cli/package.json': '{"name":"cli"}',
      'apps/cli/src/error/biz-error.js': BIZ_ERROR,
    });
    expect(lint(other, 'apps/cli/src/service/account-service.ts', SERVICE).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
    const fromError = project({
      'package.json': '{"dependencies":{"hono":"^4.0.0"}}',
      'src/hono/hono.js': HANDLER.replace('return c.json(result.fail(err.message, err.code));', 'return c.json(result.fail(err.message, err.code), err.status || 500);'),
      'src/error/biz-error.js': BIZ_ERROR,
    });
    expect(lint(fromError, 'src/service/account-service.ts', SERVICE).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
  });
});

describe('a NestJS service method a controller awaits outside any try', () => {
  const controller = `import { BadRequestException, Controller, Get, Post } from '@nestjs/common';
import { PayService } from './pay.service';
@Controller('pay')
export class PayController {
  constructor(private readonly payService: PayService, private readonly other: OtherService) {}
  @Post()
  async charge() {
    return this.payService.charge(100);
  }
  @Post('refund')
  async refund() {
    try {
      return await this.payService.refund('id');
    } catch (error) {
      return { refunded: false };
    }
  }
  @Get('quote')
  async quote() {
    return this.other.quote();
  }
  @Post('void')
  async void() {
    await this.payService.cancel('id').catch(() => {
      throw new BadRequestException('could not cancel');
    });
  }
}
`;
  const service = `import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
@Injectable()
export class PayService {
  private stripe = new Stripe('key');
  async charge(amount: number) {
    const charge = await this.stripe.charges.create({ amount, currency: 'usd' });
    return { id: charge.id };
  }
  async refund(id: string) {
    const refund = await this.stripe.refunds.create({ charge: id });
    return { id: refund.id };
  }
  async quote() {
    const price = await this.stripe.prices.retrieve('price');
    return { amount: price.unit_amount };
  }
  async cancel(id: string) {
    await this.stripe.paymentIntents.cancel(id);
  }
}
`;
  // A controller that awaits the facade `AccountsApplication.refresh` outside any `try`.
  const accountsController = `import { Controller, Post, Param } from '@nestjs/common';
import { AccountsApplication } from './accounts.application';
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accountsApplication: AccountsApplication) {}
  @Post(':id/refresh')
  async refresh(@Param('id') id: number) {
    return this.accountsApplication.refresh(id);
  }
}
`;
  it("reports the service's uncaught call to another service, naming the controller; not a method awaited inside a try or with its own .catch, nor one of another class with the same name", () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { '@nestjs/core': '^10.0.0', stripe: '^14.0.0' } }), 'src/pay.controller.ts': controller });
    const found = lint(dir, 'src/pay.service.ts', service);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 7]]);
    expect(found[0].message).toContain('nor on the way from the handler that awaits it (src/pay.controller.ts)');
  });

  it('follows the services a controller-awaited method awaits in turn, and reports the call to the other system once, where it is made', () => {
    const application = `import { Injectable } from '@nestjs/common';
import { RefreshService } from './refresh.service';
@Injectable()
export class AccountsApplication {
  constructor(private readonly refreshService: RefreshService) {}
  async refresh(id: number) {
    return this.refreshService.refresh(id);
  }
}
`;
    const refresh = `import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
@Injectable()
export class RefreshService {
  private stripe = new Stripe('key');
  async refresh(id: number) {
    await this.stripe.accounts.retrieve(String(id));
  }
}
`;
    const dir = project({ 'package.json': JSON.stringify({ name: 'books', private: true, dependencies: { '@nestjs/core': '^10.0.0', stripe: '^14.0.0' } }), 'src/accounts.controller.ts': accountsController, 'src/accounts.application.ts': application, 'src/refresh.service.ts': refresh });
    const found = lint(dir, 'src/refresh.service.ts');
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 7]]);
    expect(found[0].message).toContain('(src/accounts.controller.ts)');
    expect(lint(dir, 'src/accounts.application.ts')).toEqual([]);
  });

  it("does not parse an injected service's file to judge a call the controller's chain reaches where that service makes it", async () => {
    const application = `import { Injectable } from '@nestjs/common';
import { RefreshService } from './refresh.service';
@Injectable()
export class AccountsApplication {
  constructor(private readonly refreshService: RefreshService) {}
  async refresh(id: number) {
    await this.refreshService.refresh(id);
    return { id };
  }
}
`;
    const refresh = "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class RefreshService {\n  async refresh(id: number) {\n    return id;\n  }\n}\n";
    const dir = project({ 'package.json': JSON.stringify({ name: 'books', private: true, dependencies: { '@nestjs/core': '^10.0.0' } }), 'src/accounts.controller.ts': accountsController, 'src/accounts.application.ts': application, 'src/refresh.service.ts': refresh });
    const { parseCount } = await import('../src/app-model/source-files.js');
    const before = parseCount();
    expect(lint(dir, 'src/accounts.application.ts')).toEqual([]);
    expect(parseCount() - before).toBe(0);
  });

  it("reports a reject in the callback of another service's call, in the promise such a method returns; not a reject of the method's own work", () => {
    const storage = `import { Injectable } from '@nestjs/common';
import * as qiniu from 'qiniu';
@Injectable()
export class StorageService {
  private bucket = new qiniu.rs.BucketManager(new qiniu.auth.digest.Mac('a', 'b'), new qiniu.conf.Config());
  list(prefix: string) {
    return new Promise((resolve, reject) => {
      this.bucket.listPrefix('files', { prefix }, (err, body, info) => {
        if (err) {
          reject(err);
          return;
        }
        this.bucket.batch(body.items, (err2) => {
          if (err2) reject(err2);
          else resolve(body);
        });
      });
    });
  }
  check(prefix: string) {
    return new Promise((resolve, reject) => {
      if (!prefix) reject(new Error('no prefix'));
      else resolve(prefix);
    });
  }
}
`;
    const storageController = `import { Controller, Get } from '@nestjs/common';
import { StorageService } from './storage.service';
@Controller('files')
export class StorageController {
  constructor(private readonly storageService: StorageService) {}
  @Get()
  async list() {
    await this.storageService.check('a');
    return this.storageService.list('a');
  }
}
`;
    const dir = project({ 'package.json': JSON.stringify({ name: 'disk', private: true, dependencies: { '@nestjs/core': '^10.0.0', qiniu: '^7.0.0' } }), 'src/storage.controller.ts': storageController });
    const found = lint(dir, 'src/storage.service.ts', storage);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 10], ['no-500-for-upstream-error', 14]]);
    expect(found[0].message).toContain('`this.bucket.listPrefix(...)`');
    expect(found[1].message).toContain('`this.bucket.batch(...)`');
  });
});

describe("a function of the application's modules that a route handler awaits outside any try", () => {
  const github = `import { Octokit } from '@octokit/rest';
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
export async function createIssue(title: string) {
  const { data } = await octokit.rest.issues.create({ owner: 'acme', repo: 'app', title });
  return data.number;
}
export async function listIssues() {
  const { data } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' });
  return data;
}
export async function closeIssue(id: number) {
  await octokit.rest.issues.update({ owner: 'acme', repo: 'app', issue_number: id, state: 'closed' });
}
`;
  it('reports its uncaught call to another service, naming the handler; not one the handler awaits inside a try, nor one only a plain Express 4 router awaits', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'tracker', private: true, dependencies: { next: '^15.0.0', express: '^4.21.0', '@octokit/rest': '^21.0.0' } }),
      'app/api/issues/route.ts': `import { createIssue, listIssues } from '../../../lib/github';
export async function POST(request: Request) {
  const { title } = await request.json();
  const id = await createIssue(title);
  return Response.json({ id }, { status: 201 });
}
export async function GET() {
  try {
    return Response.json(await listIssues());
  } catch (error) {
    return Response.json({ error: 'GitHub is unavailable' }, { status: 502 });
  }
}
`,
      'server/issues.ts': `import express from 'express';
import { closeIssue } from '../lib/github';
const router = express.Router();
router.post('/issues/:id/close', async (req, res) => {
  await closeIssue(Number(req.params.id));
  res.sendStatus(204);
});
export default router;
`,
      'lib/github.ts': github,
    });
    const found = lint(dir, 'lib/github.ts');
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 4]]);
    expect(found[0].message).toContain('nor on the way from the handler that awaits it (app/api/issues/route.ts)');
  });
});

describe("a plain Error thrown by a function of the application's modules that a route handler awaits outside any try", () => {
  it('is the framework 500 for the failure it reports: after a service answered not ok, reported at the throw; not where no route awaits it so, nor for the server\'s own state', () => {
    const rates = `export async function fetchRates(base: string) {
  const response = await fetch('https://openexchangerates.org/api/latest.json?base=' + base);
  if (!response.ok) {
    throw new Error(response.statusText || 'Failed to fetch exchange rates');
  }
  return response.json();
}
export async function cachedRates(base: string, cache: Map<string, unknown>) {
  const rates = cache.get(base);
  if (!rates) {
    throw new Error('No rates cached for ' + base);
  }
  return rates;
}
`;
    const dir = project({
      'package.json': JSON.stringify({ name: 'split', private: true, dependencies: { next: '^15.0.0' } }),
      'app/api/rates/route.ts': `import { fetchRates } from '../../../lib/rates';
export async function GET(request: Request) {
  const base = new URL(request.url).searchParams.get('base') ?? 'USD';
  return Response.json(await fetchRates(base));
}
`,
      'lib/rates.ts': rates,
      'lib/other.ts': rates,
    });
    const found = lint(dir, 'lib/rates.ts');
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 4]]);
    // The same functions where no route awaits them: their caller may answer the error otherwise.
    expect(lint(dir, 'lib/other.ts')).toEqual([]);
  });
});

describe('a helper that sends the body it is handed with the default 200', () => {
  it("reads `Controller.sanitizedSend(res, { error })` as that body sent with 200; not a helper that sets a status, nor a body of data", () => {
    const dir = project({
      'src/AbstractController.ts': `import type { Response } from 'express';
export abstract class AbstractController {
  static sanitizedSend<T>(res: Response, body: T, options: { depth?: number } = {}): void {
    res.send(sanitizeNumbers(body, options));
  }
  static created<T>(res: Response, body: T): void {
    res.status(201).send(body);
  }
}
function sanitizeNumbers<T>(body: T, _options: { depth?: number }): T {
  return body;
}
`,
    });
    const text = `import type { Request, Response } from 'express';
import { AbstractController } from './AbstractController';
export class ParasController extends AbstractController {
  getInclusion = async (req: Request, res: Response): Promise<void> => {
    const depth = Number(req.query.depth);
    if (depth % 5 !== 0) {
      ParasController.sanitizedSend(res, { error: 'Depth parameter must be divisible by 5.' });
      return;
    }
    ParasController.sanitizedSend(res, { depth, inclusions: await findInclusions(depth) });
  };
}
`;
    expect(lint(dir, 'src/ParasController.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 7]]);
  });
});

describe("a hapi route's config kept for a routes file, with the statuses of a package of constants", () => {
  it("reads `{ options, handler: async (request, h) => ... }` in a hapi project, and `statusCodes.internalError` of a package it does not know by the member's name", () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'ops', private: true, dependencies: { '@hapi/hapi': '^21.0.0', '@acme/validation-kit': '^1.0.0' } }) });
    const text = `import { statusCodes } from '@acme/validation-kit';
import { runMigration } from '../helpers/run-migration.js';
const runMigrationController = {
  options: { auth: { strategy: 'azure-oidc' } },
  handler: async (request, h) => {
    const migrationId = await runMigration(request.payload, request.snsClient);
    if (!migrationId) {
      return h.response({ message: 'Failed to send SNS message' }).code(statusCodes.internalError);
    }
    return h.response({ migrationId }).code(statusCodes.ok);
  },
};
export { runMigrationController };
`;
    const found = lint(dir, 'src/api/migrations/controller.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    // Outside a hapi project, the same object is nobody's route.
    const plain = project({ 'package.json': JSON.stringify({ name: 'ops', private: true, dependencies: { '@acme/validation-kit': '^1.0.0' } }) });
    expect(lint(plain, 'src/api/migrations/controller.ts', text)).toEqual([]);
    // An error handed to the toolkit is answered as that error, not as a 200 whose body is the error.
    const update = `import boom from '@hapi/boom';
export const updateTrusted = () => ({
  method: 'PUT',
  path: '/templates/{name}/trusted',
  options: {
    handler: async (request, h) => {
      const template = await request.server.app.templateFactory.get(request.params.name);
      return template.update().then(
        () => h.response().code(204),
        (err) => h.response(boom.boomify(err)),
      );
    },
  },
});
`;
    expect(lint(dir, 'src/api/templates/update.ts', update)).toEqual([]);
    expect(lint(dir, 'src/api/templates/update.ts', update.replace('h.response(boom.boomify(err))', "h.response({ error: 'Template could not be updated' })")).map((item) => [item.rule, item.line])).toEqual([['no-error-body-on-success', 10]]);
  });
});

describe('errors handed to a helper by the field they concern', () => {
  it("reads `ctx.throwClientError({ email: 'User with this email is already registered' })` by its sentences, and a sign-in refused for both fields at once", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'api', private: true, dependencies: { koa: '^2.15.0' } }),
      'src/middlewares/attachCustomErrors.ts': `import type { Context, Next } from 'koa';
export const attachCustomErrors = async (ctx: Context, next: Next) => {
  ctx.throwClientError = (errors: Record<string, string>, status = 400) => ctx.throw(status, { clientErrors: errors });
  await next();
};
`,
    });
    const text = `import type { Context } from 'koa';
export async function signUp(ctx: Context) {
  const { email, password } = ctx.request.body;
  const isUserExists = await userService.exists({ email });
  if (isUserExists) {
    ctx.throwClientError({ email: 'User with this email is already registered' });
  }
  const user = await userService.findOne({ email });
  if (!user || !(await verifyPasswordHash(user.passwordHash, password))) {
    return ctx.throwClientError({ credentials: 'The email or password you have entered is invalid' });
  }
  if (!ctx.request.body.firstName) ctx.throwClientError({ firstName: 'required' });
  ctx.body = user;
}
`;
    const found = lint(dir, 'src/resources/account/signUp.ts', text);
    expect(found.map((item) => [item.rule, item.line, item.fixes])).toEqual([
      ['no-400-for-semantic-error', 6, []],
      ['no-400-for-semantic-error', 10, []],
    ]);
    expect(found[0].message).toMatch(/already registered.*409/);
    expect(found[1].message).toMatch(/credentials that did not match.*401/);
  });
});

describe('a client of the application an async factory makes', () => {
  it("reads `const payments = await getPaymentObject()` as the class it makes, and names the service call, not an error class it constructs", () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'server', private: true, dependencies: { koa: '^2.15.0', stripe: '^17.0.0' } }),
      'src/payments/stripePayments.ts': `import Stripe from 'stripe';
export class StripePayments {
  private stripe = new Stripe(process.env.STRIPE_KEY!);
  async createOrUpdateCustomer(organization: { stripeCustomerId?: string }) {
    try {
      if (!organization.stripeCustomerId) throw new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error' });
      const customer = await this.stripe.customers.retrieve(organization.stripeCustomerId);
      return customer.id;
    } catch {
      return null;
    }
  }
}
`,
      'src/payments/index.ts': `import { StripePayments } from './stripePayments';
export async function getPaymentObject() {
  return new StripePayments();
}
`,
    });
    const text = `import type { Context } from 'koa';
import { getPaymentObject } from '../payments';
export async function sendInvoice(ctx: Context) {
  const payments = await getPaymentObject();
  const customerId = await payments.createOrUpdateCustomer(ctx.state.organization);
  if (!customerId) {
    ctx.status = 500;
    ctx.body = { message: 'Problem creating customer.' };
    return;
  }
  ctx.body = { customerId };
}
`;
    const found = lint(dir, 'src/routes/sendInvoice.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 7]]);
    expect(found[0].message).toContain('this.stripe.customers.retrieve');
    expect(found[0].message).not.toContain('StripeInvalidRequestError');
  });
});

describe("a Remix route's own helper around json()", () => {
  it('reads `const unauthorized = (data) => json(data, { status: 401 })` at each call, as it reads a Next.js one', () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'saas', private: true, dependencies: { '@remix-run/node': '^2.0.0' } }) });
    const route = `import { json } from '@remix-run/node';
import type { ActionFunction } from '@remix-run/node';
const unauthorized = (data: { error: string }) => json(data, { status: 401 });
const badRequest = (data: { error: string }) => json(data, 400);
export const action: ActionFunction = async ({ request }) => {
  const form = await request.formData();
  if (!form.get('name')) return badRequest({ error: 'Name is required' });
  const member = await getTenantMember(request);
  if (member.role !== 'owner') {
    return unauthorized({ error: 'Only the owner can delete the workspace' });
  }
  return json({ ok: true });
};
`;
    const found = lint(dir, 'app/routes/workspace.ts', route);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-401-for-forbidden', 10]]);
    expect(found[0].message).toContain('(401 from `unauthorized()`');
  });
});

describe("a Koa app's answer helper, imported through module-alias's `_moduleAliases`", () => {
  const helper = `class Resolve {
  fail(err = {}, msg = 'Operation failed', errorCode = 10001) {
    return { msg, err, errorCode };
  }
  json(data, msg = 'success', errorCode = 0, code = 200) {
    return { code, msg, errorCode, data };
  }
}
module.exports = { Resolve };
`;
  const manifest = JSON.stringify({ name: 'blog', private: true, dependencies: { koa: '^2.0.0', 'koa-router': '^12.0.0', 'module-alias': '^2.2.0' }, _moduleAliases: { '@': '.', '@lib': 'app/lib', '@dao': 'app/dao' } });

  it('resolves `@lib/helper` to app/lib/helper.js and reads the object its method builds from the error handed to it', () => {
    const dir = project({ 'package.json': manifest, 'app/lib/helper.js': helper });
    const route = `const Router = require('koa-router');
const { Resolve } = require('@lib/helper');
const { UserDao } = require('@dao/user');
const res = new Resolve();
const router = new Router();
router.get('/users', async (ctx) => {
  const [err, data] = await UserDao.list(ctx.query);
  if (err) {
    ctx.body = res.fail(err, 'Listing failed');
    return;
  }
  ctx.body = res.json(data);
});
module.exports = router;
`;
    expect(lintJs(dir, 'app/api/v1/user.js', route).filter((item) => item.rule === 'no-error-body-on-success').map((item) => item.line)).toEqual([9]);
  });

  it('never follows an alias out of the project: `"@lib": "../shared"` above the folder linted is not read', () => {
    const dir = project({ 'app/package.json': JSON.stringify({ name: 'blog', private: true, dependencies: { koa: '^2.0.0', 'koa-router': '^12.0.0' }, _moduleAliases: { '@lib': '../shared' } }), 'shared/helper.js': helper });
    const route = `const Router = require('koa-router');
const { Resolve } = require('@lib/helper');
const { UserDao } = require('../dao/user');
const res = new Resolve();
const router = new Router();
router.get('/users', async (ctx) => {
  const [err, data] = await UserDao.list(ctx.query);
  if (err) {
    ctx.body = res.fail(err, 'Listing failed');
    return;
  }
  ctx.body = res.json(data);
});
module.exports = router;
`;
    expect(lintJs(join(dir, 'app'), 'api/user.js', route).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
  });

  it("reads a parameter's default where the call leaves it out, and an error the `else` of `if (!err)` holds", () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'blog', private: true, dependencies: { koa: '^2.0.0', 'koa-router': '^12.0.0' } }), 'app/lib/helper.js': helper });
    const route = `const Router = require('koa-router');
const { Resolve } = require('../../lib/helper');
const { UserDao } = require('../../dao/user');
const res = new Resolve();
const router = new Router();
router.get('/users', async (ctx) => {
  const [err, data] = await UserDao.list(ctx.query);
  if (!err) {
    ctx.body = res.json(data);
  } else {
    ctx.body = res.fail(err);
  }
});
module.exports = router;
`;
    const findings = lintJs(dir, 'app/api/v1/user.js', route).filter((item) => item.rule === 'no-error-body-on-success');
    expect(findings.map((item) => item.line)).toEqual([11]);
    expect(findings[0].message).toContain('property `err`');
  });

  it('reads what a left-out parameter defaults to: `answer.refused(data)` of `refused(data, success = false)`', () => {
    const answers = `module.exports = {
  refused(data, success = false, message = 'Refused') {
    return { success, message, data };
  },
};
`;
    const dir = project({ 'package.json': JSON.stringify({ name: 'blog', private: true, dependencies: { koa: '^2.0.0', 'koa-router': '^12.0.0' } }), 'app/lib/answers.js': answers });
    const route = `const Router = require('koa-router');
const answer = require('../lib/answers');
const router = new Router();
router.post('/orders', async (ctx) => {
  const order = await ctx.state.orders.find(ctx.request.body.id);
  ctx.body = answer.refused({ id: order.id });
});
module.exports = router;
`;
    expect(lintJs(dir, 'app/api/orders.js', route).filter((item) => item.rule === 'no-error-body-on-success').map((item) => item.line)).toEqual([6]);
  });
});

describe("an application's client class of its backend, made by a chain of factories", () => {
  const dir = project({
    'src/lib/api-client.ts': `export class BackendClient {
  constructor(private readonly baseUrl: string, private readonly key: string) {}
  private async request<T>(method: string, path: string): Promise<T> {
    const resp = await fetch(\`\${this.baseUrl}\${path}\`, { method, headers: { 'X-API-Key': this.key } });
    if (resp.status >= 300) throw new Error(await resp.text());
    return resp.json();
  }
  private async get<T>(path: string) {
    return this.request<T>('GET', path);
  }
  private async delete<T>(path: string) {
    return this.request<T>('DELETE', path);
  }
  fetchUser(id: string) {
    return this.get<{ user_id: string }>(\`/api/v1/users/\${id}\`);
  }
  async deleteAccount(id: string) {
    const user = await this.fetchUser(id);
    return this.delete<void>(\`/api/v1/users/\${user.user_id}\`);
  }
}
`,
    'src/lib/client-factory.ts': `import { BackendClient } from './api-client';
export const createClientFor = (user: { id: string }) => new BackendClient(process.env.BACKEND_URL!, process.env.BACKEND_KEY!);
export const createClient = async (token: { sub: string }) => createClientFor(await loadUser(token.sub));
async function loadUser(sub: string) { return { id: sub }; }
`,
  });

  it("follows its methods through the class's own layers to the request, and the awaited factory that calls another factory to the class", () => {
    const text = `import type { NextApiRequest, NextApiResponse } from 'next';
import { createClient } from '../../lib/client-factory';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    const client = await createClient({ sub: String(req.query.id) });
    await client.deleteAccount(String(req.query.id));
  } catch (err) {
    return res.status(500).json({ message: 'Failed to delete the account' });
  }
  return res.status(204).end();
}
`;
    const found = lint(dir, 'src/pages/api/delete.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    expect(found[0].message).toContain('`client.deleteAccount(...)` failed (it calls `fetch(...)`)');
    // A method that does other work than its request (here it writes to the application's database) is no request.
    const busy = readFileSync(join(dir, 'src/lib/api-client.ts'), 'utf8').replace("    return this.delete<void>(", "    await db.audit.create({ data: { id } });\n    return this.delete<void>(");
    const other = project({ 'src/lib/api-client.ts': busy, 'src/lib/client-factory.ts': readFileSync(join(dir, 'src/lib/client-factory.ts'), 'utf8') });
    expect(lint(other, 'src/pages/api/delete.ts', text)).toEqual([]);
  });
});

describe('a parameter declared as a class of the application', () => {
  const dir = project({
    'src/services/payment.service.ts': `import Stripe from 'stripe';
export class PaymentService {
  constructor(private readonly provider: Stripe) {}
  async getPromoCode(name: string) {
    const { data } = await this.provider.promotionCodes.list({ active: true, code: name });
    if (data.length === 0) throw new Error(\`The promotion code \${name} does not exist\`);
    return data[0];
  }
}
`,
  });

  it("is that class's instance: its method's call to another service is the service's call", () => {
    const text = `import type { FastifyInstance } from 'fastify';
import { PaymentService } from '../services/payment.service';
export default function (paymentService: PaymentService) {
  return async (fastify: FastifyInstance) => {
    fastify.get('/promo', async (req, rep) => {
      try {
        const promo = await paymentService.getPromoCode(String(req.query));
        return rep.status(200).send(promo);
      } catch (error) {
        return rep.status(500).send({ message: 'Internal Server Error' });
      }
    });
  };
}
`;
    const found = lint(dir, 'src/controller/payments.controller.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 10]]);
    expect(found[0].message).toContain('`paymentService.getPromoCode(...)` failed (it calls `this.provider.promotionCodes.list(...)`)');
    // Declared as an interface, or not declared: nothing is known of what it calls.
    expect(lint(dir, 'src/controller/payments.controller.ts', text.replace('paymentService: PaymentService', 'paymentService: { getPromoCode(name: string): Promise<unknown> }'))).toEqual([]);
  });
});

describe('SvelteKit', () => {
  const dir = project({
    'svelte.config.js': 'export default {};\n',
    'src/lib/server/stripe.ts': `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function createCheckout(priceId: string) {
  return stripe.checkout.sessions.create({ line_items: [{ price: priceId, quantity: 1 }], mode: 'subscription' });
}
`,
  });

  it("resolves $lib to src/lib in a SvelteKit application", () => {
    const text = `import { json } from '@sveltejs/kit';
import { createCheckout } from '$lib/server/stripe';
export async function POST({ request }) {
  try {
    const session = await createCheckout((await request.json()).priceId);
    return json({ url: session.url });
  } catch (err) {
    return json({ error: 'Could not start the checkout' }, { status: 500 });
  }
}
`;
    expect(lint(dir, 'src/routes/api/checkout/+server.ts', text).map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    // Without svelte.config.*, `$lib` is nobody's alias.
    const plain = project({ 'src/lib/server/stripe.ts': readFileSync(join(dir, 'src/lib/server/stripe.ts'), 'utf8') });
    expect(lint(plain, 'src/routes/api/checkout/+server.ts', text)).toEqual([]);
  });

  it("reads a remote function's result as the page's data, sent with 200", () => {
    const text = `import { form, query } from '$app/server';
import { z } from 'zod';
export const togglePlacement = form(z.object({ id: z.string() }), async (data) => {
  const result = await db.placements.toggle(data.id);
  if (!result) {
    return { success: false, text: 'Placement not found or could not be updated.' };
  }
  return { success: true };
});
export const getPlacement = query(z.string(), async (id) => {
  const placement = await db.placements.find(id);
  if (!placement) return { error: 'Placement not found' };
  return { placement };
});
`;
    expect(lint(dir, 'src/routes/admin/placements.remote.ts', text).map((item) => [item.rule, item.line])).toEqual([
      ['no-error-body-on-success', 6],
      ['no-error-body-on-success', 12],
    ]);
    // A function handed to a \`form\` of another package is no remote function.
    expect(lint(dir, 'src/routes/admin/placements.remote.ts', text.replace("from '$app/server'", "from './forms'"))).toEqual([]);
  });
});

describe('React Router route modules outside app/routes', () => {
  it("takes a module that imports its generated route types (./+types) for a route module: its action's plain object is a 200", () => {
    const dir = project({ 'react-router.config.ts': 'export default {};\n' });
    const text = `import type { Route } from './+types';
export const action = async ({ request }: Route.ActionArgs) => {
  const fund = await funddb.fund(String((await request.formData()).get('fund_id')));
  if (!fund) return { status: 404 };
  return { ok: true };
};
`;
    expect(lint(dir, 'src/pages/admin/funds/api.ts', text).map((item) => [item.rule, item.line, item.fixes])).toEqual([['no-error-body-on-success', 4, []]]);
    // The same module without the route's types (a helper exporting an \`action\` of its own) is not known to be a route.
    expect(lint(dir, 'src/pages/admin/funds/api.ts', text.replace("import type { Route } from './+types';\n", "import type { Route } from './types';\n"))).toEqual([]);
  });
});

describe("@fastify/sensible's httpErrors kept in the application's table of errors", () => {
  const dir = project({
    'src/errors.ts': `import { httpErrors } from '@fastify/sensible';
export const errors = {
  badRequest: httpErrors.badRequest,
  unauthorized: httpErrors.unauthorized,
  notFound: httpErrors.notFound,
} as const;
`,
  });

  it('reads `errors.badRequest(msg)` as the 400 httpErrors.badRequest makes, judged by its words', () => {
    const text = `import { errors } from '../errors';
export async function requestSubstitute(number: number, replacee: string) {
  const game = await findOne({ number });
  if (game.state === 'ended') {
    throw errors.badRequest(\`game \${game.number} in wrong state: \${game.state}\`);
  }
  if (!replacee) {
    throw errors.badRequest('replacee is required');
  }
  return game;
}
`;
    const found = lint(dir, 'src/games/request-substitute.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-400-for-semantic-error', 5]]);
    expect(found[0].message).toMatch(/in wrong state.*409 Conflict/);
  });
});

describe('a catch around a function that lets a request to another service out among other work', () => {
  const dir = project({
    'src/services/okta.api.service.ts': `import axios from 'axios';
import config from 'config';
export default class OktaApiService {
  static oktaRequestHeaders() {
    return { Authorization: \`SSWS \${config.get('okta.apiKey')}\` };
  }
  static async postLogin(username: string, password: string) {
    const { data } = await axios.post(\`\${config.get('okta.url')}/api/v1/authn\`, { username, password }, { headers: OktaApiService.oktaRequestHeaders() });
    return data;
  }
}
`,
    'src/services/okta.service.ts': `import OktaApiService from './okta.api.service';
export default class OktaService {
  static convert(user: { id: string }) {
    return { id: user.id, provider: 'okta' };
  }
  static async login(username: string, password: string) {
    const response = await OktaApiService.postLogin(username, password);
    return OktaService.convert(response._embedded.user);
  }
}
`,
  });

  it("reads that function's request (whose address and headers the application builds) as the call the catch answers", () => {
    const text = `import type { Context } from 'koa';
import OktaService from '../services/okta.service';
export async function localCallback(ctx: Context) {
  try {
    const user = await OktaService.login(ctx.request.body.email, ctx.request.body.password);
    ctx.body = user;
  } catch (err) {
    ctx.throw(500, 'Internal server error');
  }
}
`;
    const found = lint(dir, 'src/providers/okta.provider.ts', text);
    expect(found.map((item) => [item.rule, item.line])).toEqual([['no-500-for-upstream-error', 8]]);
    expect(found[0].message).toContain('`OktaService.login(...)` failed (it calls `axios.post(...)`)');
  });
});

describe("a service's catch that answers another service's failure with a status of its own", () => {
  const service = (thrown: string) => `import { Injectable, UnauthorizedException } from '@nestjs/common';
import axios from 'axios';
@Injectable()
export class TokenService {
  async managementToken() {
    try {
      const { data } = await axios.post('https://auth.example.com/oauth/token', { grant_type: 'client_credentials' });
      return data.access_token as string;
    } catch (error) {
      throw ${thrown};
    }
  }
}
`;
  const controller = `import { Controller, Post } from '@nestjs/common';
import { TokenService } from './token.service';
@Controller('users')
export class UserController {
  constructor(private readonly tokens: TokenService) {}
  @Post('link')
  async link() {
    const token = await this.tokens.managementToken();
    return { linked: Boolean(token) };
  }
}
`;

  it('is not the framework answering 500 when the failure escapes: the exception it throws carries its own status', () => {
    const own = project({ 'src/token.service.ts': service("new UnauthorizedException('Failed to get the management token')") });
    expect(lint(own, 'src/user.controller.ts', controller).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
    // Rethrown as a plain error (no status of its own), the framework answers it with 500.
    const plain = project({ 'src/token.service.ts': service("new Error('Failed to get the management token')") });
    expect(lint(plain, 'src/user.controller.ts', controller).filter((item) => item.rule === 'no-500-for-upstream-error').map((item) => item.line)).toEqual([8]);
  });
});

describe("a failure handler's branch that names the failure by its class or code", () => {
  const dir = project({
    'src/errors.ts': 'export class CodeAlreadyUsedError extends Error {}\nexport class InvalidCodeError extends Error {}\nexport class OrderNotFoundError extends Error {}\n',
    'src/redeem.ts': 'export async function redeem(code: string) { return code; }\n',
  });
  const handler = (branch: string) => `import express from 'express';
import { CodeAlreadyUsedError, InvalidCodeError, OrderNotFoundError } from './errors';
import { redeem } from './redeem';
const app = express();
app.post('/redeem', async (req, res) => {
  try {
    await redeem(req.body.code);
    res.json({ redeemed: true });
  } catch (err) {
    ${branch}
    return res.status(500).json({ message: 'Internal error' });
  }
});
`;

  it('reads the class a branch tests as what the 400 answers (`err instanceof CodeAlreadyUsedError`: a conflict)', () => {
    const found = lint(dir, 'src/app.ts', handler('if (err instanceof CodeAlreadyUsedError) return res.status(400).json({ message: (err as Error).message });'));
    expect(found.filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('409 Conflict') })]);
  });

  it('reads a code the branch compares the error with (`err.code === "ORDER_NOT_FOUND"`), and a `case` of a switch on it', () => {
    const compared = lint(dir, 'src/app.ts', handler("if ((err as any).code === 'ORDER_NOT_FOUND') return res.status(400).json({ message: 'Could not redeem' });"));
    expect(compared.filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('404 Not Found') })]);
    const switched = lint(dir, 'src/app.ts', handler("switch ((err as any).code) { case 'ORDER_NOT_FOUND': return res.status(400).json({ message: 'Could not redeem' }); }"));
    expect(switched.filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 10, message: expect.stringContaining('404 Not Found') })]);
  });

  it("leaves a branch for a class that names the client's value invalid, or one that also tests something else", () => {
    expect(lint(dir, 'src/app.ts', handler('if (err instanceof InvalidCodeError) return res.status(400).json({ message: (err as Error).message });')).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([]);
    expect(lint(dir, 'src/app.ts', handler('if (err instanceof OrderNotFoundError && req.body.strict) return res.status(400).json({ message: (err as Error).message });')).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([]);
  });
});

describe('an entry of a table written in the code, read by a key the request gives', () => {
  const dir = project({
    'config/templates.js': "module.exports = {\n  blog: { repo: 'blog-template' },\n  docs: { repo: 'docs-template' },\n};\n",
    'src/rooms.js': 'const rooms = {};\nmodule.exports = { rooms };\n',
  });

  it('is a key the table does not know (400), not a missing resource: "No such template" for `templates[name]` of a required config module', () => {
    const text = `const templates = require('../config/templates');
function getTemplate(name) {
  const template = templates[name];
  if (!template) {
    const error = new Error(\`No such template: \${name}\`);
    error.status = 400;
    throw error;
  }
  return template;
}
module.exports = { getTemplate };
`;
    expect(lintJs(dir, 'src/templates.js', text).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([]);
  });

  it('still reads a table the server fills as it runs (`const rooms = {}`) as stored state: "Room not found" is a 404', () => {
    const text = `const express = require('express');
const { rooms } = require('./rooms');
const app = express();
app.get('/rooms/:id', (req, res) => {
  const room = rooms[req.params.id];
  if (!room) return res.status(400).json({ error: 'Room not found' });
  res.json(room);
});
`;
    expect(lintJs(dir, 'src/app.js', text).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('404') })]);
  });
});

describe("Hono's context where the application imports Hono through a package of its own", () => {
  const dir = project({ 'src/middlewares.ts': 'export const checkSignedIn = async (c: any, next: any) => next();\n' });

  it('reads `c` as the context when the handler answers with `c.json(...)` and reads `c.var` or `c.req` (createHonoApp() of @acme/hono)', () => {
    const text = `import { createHonoApp } from '@acme/hono';
import { checkSignedIn } from './middlewares';
import { db } from './db';
export const avatarApi = createHonoApp().post('/avatar', checkSignedIn, async (c) => {
  const accountId = c.var.account.id;
  const org = await db.orgs.find(c.req.query('org'));
  const isAdmin = org.members.some((member: { accountId: string }) => member.accountId === accountId);
  if (!isAdmin) return c.json({ error: 'Unauthorized' }, { status: 401 });
  return c.json({ ok: true });
});
`;
    expect(lint(dir, 'src/avatar.ts', text).filter((item) => item.rule === 'no-401-for-forbidden')).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('403 Forbidden') })]);
  });

  it("claims no framework's 500 for a call to another service that escapes such a handler: the application's own onError answers it", () => {
    const text = `import { createRoute } from '@/honoMiddlewares/routeHandler';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export const handlePortal = createRoute({
  handler: async (c) => {
    const customer = c.req.query('customer')!;
    const session = await stripe.billingPortal.sessions.create({ customer });
    return c.json({ url: session.url });
  },
});
`;
    expect(lint(dir, 'src/portal.ts', text).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it('leaves a `c` that is no such context (a counter, a callback handed only a value)', () => {
    const text = `export function tally(items: string[]) {
  return items.map((c) => ({ json: c.length }));
}
`;
    expect(lint(dir, 'src/tally.ts', text)).toEqual([]);
  });
});

describe("a guard that tests the caller's role against a list of roles written out", () => {
  const dir = project({ 'src/jwt.guard.ts': "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class JwtAuthGuard { async canActivate(context: any) { return true; } }\n" });

  it("reads `['admin', 'super'].includes(user.role)` as what a known caller holds: the 401 also goes to a known caller without the role", () => {
    const text = `import { Injectable, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { JwtAuthGuard } from './jwt.guard';
@Injectable()
export class AdminAuthGuard extends JwtAuthGuard {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const user = request.user;
    if (user && ['admin', 'super'].includes(user.role)) return true;
    throw new UnauthorizedException('Illegal operation');
  }
}
`;
    expect(lint(dir, 'src/admin.guard.ts', text).filter((item) => item.rule === 'no-401-for-forbidden')).toEqual([expect.objectContaining({ line: 9, message: expect.stringContaining('`user.role`') })]);
  });
});

describe('a write that changed no record', () => {
  const dir = project({});

  it("reads `res.affected > 0` that did not hold after a repository's delete, and `modifiedCount !== 1` after updateOne, as the record to change not being there (404)", () => {
    const nest = `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class CategoryService {
  constructor(private readonly categories: any) {}
  async remove(id: number) {
    const res = await this.categories.delete(id);
    if (res.affected > 0) return 'Deleted';
    throw new HttpException('Delete failed', HttpStatus.BAD_REQUEST);
  }
}
`;
    expect(lint(dir, 'src/category.service.ts', nest).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('a write changed no record (`!(res.affected > 0)`)') })]);
    const mongo = `import Boom from '@hapi/boom';
export async function rename(coll: any, id: string, name: string) {
  const result = await coll.updateOne({ _id: id }, { $set: { name } });
  if (result.modifiedCount !== 1) {
    throw Boom.badRequest('Form not updated');
  }
}
`;
    expect(lint(dir, 'src/forms.ts', mongo).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('404 Not Found') })]);
  });

  it('leaves a count that is not of a write, and a write whose count is compared otherwise', () => {
    const text = `import Boom from '@hapi/boom';
export async function check(coll: any, id: string, items: string[]) {
  const found = await coll.find({ _id: id });
  if (found.rowCount === 0) throw Boom.badRequest('Nothing to export');
  const result = await coll.updateMany({ tag: id }, { $set: { seen: true } });
  if (result.modifiedCount > items.length) throw Boom.badRequest('Too many items changed');
}
`;
    expect(lint(dir, 'src/check.ts', text).filter((item) => item.rule === 'no-400-for-semantic-error' && /write changed no record/.test(item.message))).toEqual([]);
  });
});
