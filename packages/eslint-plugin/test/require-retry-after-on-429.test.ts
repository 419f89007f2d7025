// require-retry-after-on-429: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.
import { javascript, ruleTester } from './rule-tester.js';
import rule from '../src/rules/require-retry-after-on-429.js';

ruleTester.run("require-retry-after-on-429", rule, {
  valid: [
    {
      name: "hono-rate-limiter: a handler option that throws the app's own 429 error runs after the limiter set Retry-After",
      filename: "src/utils/rateLimiter.ts",
      code: `import { rateLimiter } from 'hono-rate-limiter';
import { HTTPException } from 'hono/http-exception';
export function createRateLimiter(windowMs: number, limit: number) {
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => c.req.header('x-forwarded-for') ?? 'unknown',
    handler: () => {
      throw new HTTPException(429, { message: 'Too many requests' });
    },
  });
}
`,
    },
    {
      name: "nest: a ThrottlerGuard's own hook for its 429 (throwThrottlingException), called after the guard set Retry-After",
      filename: "src/guards/custom-throttler.guard.ts",
      code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
@Injectable()
export class CustomThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(): Promise<void> {
    throw new HttpException('Too many requests, try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}
`,
    },
    {
      name: "koa: Retry-After set on the context before the 429 is thrown, in a function the middleware hands the context to",
      filename: "server/lib/throttle/middleware.ts",
      code: `import httpErrors from 'http-errors';
import { ExtendableContext, Middleware, Next } from 'koa';
export async function throttleMiddlewareFunc(throttle: any, getId: (ctx: ExtendableContext) => string, ctx: ExtendableContext, next: Next) {
  const { limited, waitMs } = await throttle.rateLimitWithWait(getId(ctx));
  if (limited) {
    ctx.set('Retry-After', String(Math.ceil(waitMs / 1000)));
    throw new httpErrors.TooManyRequests();
  } else {
    await next();
  }
}
export default function throttleMiddleware(throttle: any, getId: (ctx: ExtendableContext) => string): Middleware {
  return (ctx: ExtendableContext, next: Next) => throttleMiddlewareFunc(throttle, getId, ctx, next);
}
`,
    },
    {
      name: "nestjs: an exception filter that passes on a 429 thrown elsewhere (the throttler's guard set Retry-After on the reply)",
      filename: "src/common/filters/app-exception.filter.ts",
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.TOO_MANY_REQUESTS) {
        return reply.status(429).send({ error: { message: 'Too many requests, please try again later' } });
      }
      return reply.status(status).send({ error: { message: exception.message } });
    }
    return reply.status(500).send({ error: { message: 'Internal error' } });
  }
}
`,
    },
    {
      name: "express-rate-limit with standard headers calls a handler held by a name: the library set Retry-After",
      filename: "src/core/api.js",
      code: `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const handleRateExceeded = (_, res) => res.status(429).json({ error: 'rate exceeded' });
const limiter = rateLimit({ windowMs: 60000, limit: 20, standardHeaders: 'draft-6', legacyHeaders: false, handler: handleRateExceeded });
app.use('/', limiter);
`,
    },
    {
      name: "nest: a throttler's own exception renamed to the app's 429 error (the throttler guard answered its headers)",
      filename: "src/fundamentals/nestjs/exception.ts",
      code: `import { ThrottlerException } from '@nestjs/throttler';
import { HttpException } from '@nestjs/common';
export function mapAnyError(error: unknown) {
  if (error instanceof ThrottlerException) {
    return new HttpException('Too many requests', 429);
  }
  return new HttpException('Internal server error', 500);
}
`,
    },
    {
      name: "express: a limiter's onRateLimited in options kept in a variable and handed to the limiter the app made",
      filename: "server/routes.js",
      languageOptions: javascript,
      code: `const expressLimiter = require('./lib/express-limiter');
module.exports = (app, redisClient) => {
  const limiterOptions = {
    lookup: 'ip',
    onRateLimited: function (req, res) {
      res.status(429).send({ error: { message: 'Rate limit exceeded' } });
    },
  };
  app.use('/graphql', expressLimiter(redisClient)(limiterOptions));
};
`,
    },
    {
      name: "express: Retry-After set before the branch, in another case",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  res.setHeader('retry-after', '60');
  if (attempts(req.ip) > 5) return res.status(429).json({ error: 'Too many attempts' });
  res.json({ ok: true });
});
`,
    },
    {
      name: "express: Retry-After chained",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.get('/x', (req, res) => {
  if (limited(req)) return res.status(429).set({ 'Retry-After': 30 }).send('slow down');
  res.send('ok');
});
`,
    },
    {
      name: "express-rate-limit handler",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const rateLimit = require('express-rate-limit');
module.exports = rateLimit({
  windowMs: 15 * 60 * 1000,
  max: 100,
  statusCode: 429,
  handler: (req, res, next, options) => res.status(options.statusCode).send(options.message),
});
module.exports.strict = rateLimit({ max: 5, handler: (req, res) => res.status(429).json({ error: 'Too many requests' }) });
`,
    },
    {
      name: "koa: ctx.throw with headers",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx) => {
  if (limited(ctx)) ctx.throw(429, 'slow down', { headers: { 'Retry-After': '10' } });
});
`,
    },
    {
      name: "node:http: writeHead with Retry-After",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const http = require('http');
http.createServer((req, res) => {
  res.writeHead(429, { 'Retry-After': 120 });
  res.end();
});
`,
    },
    {
      name: "next: header set on the response afterwards",
      filename: "app/api/x/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  const response = NextResponse.json({ error: 'Rate limit exceeded' }, { status: 429 });
  response.headers.set('Retry-After', '30');
  return response;
}
`,
    },
    {
      name: "express: response handed to a helper we cannot see",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const { applyRateLimitHeaders } = require('./limits');
const app = express();
app.get('/x', (req, res) => {
  applyRateLimitHeaders(res, req.rateLimit);
  if (req.rateLimit.remaining < 0) return res.status(429).end();
  res.send('ok');
});
`,
    },
    {
      name: "express: Retry-After set in a branch that does not return still goes out",
      filename: "src/routes/export.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.post('/exports', async (req, res) => {
  const wait = await jobs.secondsUntilSlot(req.user.id);
  if (wait > 0) {
    if (wait > 60) {
      res.set('Retry-After', String(wait));
    } else {
      res.set('Retry-After', '60');
    }
    return res.status(429).json({ error: 'Too many exports running' });
  }
  res.status(202).json(await jobs.start(req.user.id));
});
`,
    },
    {
      name: "express-rate-limit as documented (standard headers on, legacy off), and with its defaults: the library sets Retry-After",
      filename: "src/limits.ts",
      code: `import { rateLimit } from 'express-rate-limit';
export const api = rateLimit({ windowMs: 15 * 60 * 1000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false });
export const login = rateLimit({ windowMs: 60_000, limit: 5 });
`,
    },
    {
      name: "express-rate-limit handler with standard headers on: the library sets Retry-After",
      filename: "src/limits.js",
      languageOptions: javascript,
      code: `import { rateLimit } from 'express-rate-limit';

export const signupLimiter = rateLimit({
  windowMs: 10 * 60 * 1000,
  limit: 3,
  legacyHeaders: false,
  standardHeaders: 'draft-8',
  handler(req, res) {
    res.status(429).send('Too many sign-ups from this address');
  },
});
`,
    },
    {
      name: "fetch: headers kept in a constant and set before the Response",
      filename: "src/worker.ts",
      code: `const JSON_HEADERS = { 'content-type': 'application/json' };

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { success } = await env.LIMITER.limit({ key: request.headers.get('cf-connecting-ip') ?? 'anon' });
    if (!success) {
      const headers = new Headers(JSON_HEADERS);
      headers.append('retry-after', '10');
      return new Response(JSON.stringify({ error: 'slow down' }), { status: 429, headers });
    }
    return new Response(JSON.stringify({ ok: true }), { headers: JSON_HEADERS });
  },
};
`,
    },
  ],
  invalid: [
    {
      name: "a task handed to a concurrency limiter (p-limit) is no rate limiter's handler: its 429 sets no Retry-After",
      filename: "src/gate.ts",
      code: `import pLimit from 'p-limit';
import { HTTPException } from 'hono/http-exception';
const customerLimiter = pLimit(4);
export function gate(pending: number, execute: () => Promise<unknown>) {
  return customerLimiter(() => {
    if (pending > 100) throw new HTTPException(429, { message: 'Overloaded' });
    return execute();
  });
}
`,
      errors: [{ messageId: "missingRetryAfter", line: 6 }],
    },
    {
      name: "nuxt: a structured error of evlog (createError({ message, status: 429, why, fix })) is thrown as h3's, without Retry-After",
      filename: "server/api/v1/chats/shares/[slug]/branch.post.ts",
      code: `import { createError } from 'evlog';
export default defineEventHandler(async (event) => {
  const cooldownActive = await isCoolingDown(event);
  if (cooldownActive) {
    throw createError({ message: 'You are branching too quickly', status: 429, why: 'A branch was created less than 30 seconds ago', fix: 'Wait a few seconds, then try again' });
  }
  return { ok: true };
});
`,
      errors: [{ messageId: "missingRetryAfter", line: 5 }],
    },
    {
      name: "nest: a method of the same name in a guard that is not the rate limiter's still needs Retry-After",
      filename: "src/guards/quota.guard.ts",
      code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class QuotaGuard {
  protected async throwThrottlingException(): Promise<void> {
    throw new HttpException('Daily quota used up', HttpStatus.TOO_MANY_REQUESTS);
  }
}
`,
      errors: [{ messageId: "missingRetryAfter", line: 5 }],
    },
    {
      name: "hono: a helper of this file that answers 429 by itself, awaited by the middleware: one finding at its own send and one at the call, not two at the call",
      filename: "src/limits.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();
async function checkDailyLimit(c: any, ip: string) {
  const used = Number(await c.env.KV.get(ip));
  if (used > 100) return c.text('Daily limit reached', 429);
  return null;
}
app.use('*', async (c, next) => {
  const blocked = await checkDailyLimit(c, c.req.header('x-ip') ?? '');
  if (blocked) return blocked;
  await next();
});
`,
      errors: [{ messageId: "missingRetryAfter", line: 5, suggestions: [{ messageId: "addRetryAfter", data: { replacement: "headers: { 'Retry-After': ... }" }, output: `import { Hono } from 'hono';
const app = new Hono();
async function checkDailyLimit(c: any, ip: string) {
  const used = Number(await c.env.KV.get(ip));
  if (used > 100) return c.text('Daily limit reached', 429, { 'Retry-After': '60' });
  return null;
}
app.use('*', async (c, next) => {
  const blocked = await checkDailyLimit(c, c.req.header('x-ip') ?? '');
  if (blocked) return blocked;
  await next();
});
` }] }, { messageId: "missingRetryAfter", line: 9, suggestions: [] }],
    },
    {
      name: "next.js: another service's status passed on without its Retry-After (it may be a 429)",
      filename: "app/api/graph/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  const response = await fetch('https://api.example-memory.com/v3/graph', { headers: { Authorization: 'Bearer ' + process.env.API_KEY } });
  if (!response.ok) {
    return NextResponse.json({ error: 'API error: ' + response.status }, { status: response.status });
  }
  const mirrored = await fetch('https://api.example-memory.com/v3/tags');
  if (!mirrored.ok) {
    return new Response(mirrored.body, { status: mirrored.status, headers: mirrored.headers });
  }
  return NextResponse.json(await response.json());
}
`,
      // Passing the other service's headers on passes its Retry-After too. No edit: which header to copy is the author's.
      errors: [{ messageId: "missingRetryAfter", line: 5, suggestions: [] }],
    },
    {
      name: "a worker's rate limiter that names its window variable `window` is no browser code",
      filename: "src/dynamic/rate-limiting.ts",
      code: `const windows = new Map<string, { count: number; resetAt: number }>();
export function limited(request: Request): Response | undefined {
  const key = request.headers.get('cf-connecting-ip') ?? 'anonymous';
  let window = windows.get(key);
  if (!window || Date.now() >= window.resetAt) window = { count: 0, resetAt: Date.now() + 60_000 };
  window.count++;
  windows.set(key, window);
  if (window.count <= 100) return undefined;
  return new Response('Too Many Requests', { status: 429, headers: { 'RateLimit-Reset': String(window.resetAt) } });
}
`,
      errors: [{ messageId: "missingRetryAfter", line: 9, suggestions: [{ messageId: "addRetryAfter", output: `const windows = new Map<string, { count: number; resetAt: number }>();
export function limited(request: Request): Response | undefined {
  const key = request.headers.get('cf-connecting-ip') ?? 'anonymous';
  let window = windows.get(key);
  if (!window || Date.now() >= window.resetAt) window = { count: 0, resetAt: Date.now() + 60_000 };
  window.count++;
  windows.set(key, window);
  if (window.count <= 100) return undefined;
  return new Response('Too Many Requests', { status: 429, headers: { 'RateLimit-Reset': String(window.resetAt), 'Retry-After': String(Math.max(0, Math.ceil((window.resetAt - Date.now()) / 1000))) } });
}
` }] }],
    },
    {
      name: "express (CommonJS): a handler declared at the top of the module, beside limiter options kept in a variable",
      filename: "server/controllers/images.js",
      languageOptions: javascript,
      code: `const options = { windowMs: 60000 };
async function upload(req, res) {
  if (await tooMany(req.ip)) return res.status(429).send({ error: 'Too many uploads' });
  res.sendStatus(201);
}
module.exports = { upload, options };
`,
      errors: [{ messageId: "missingRetryAfter", line: 3, suggestions: [{ messageId: "addRetryAfter", data: { replacement: "res.set('Retry-After', ...)" }, output: `const options = { windowMs: 60000 };
async function upload(req, res) {
  if (await tooMany(req.ip)) return res.status(429).set('Retry-After', '60').send({ error: 'Too many uploads' });
  res.sendStatus(201);
}
module.exports = { upload, options };
` }] }],
    },
    {
      name: "express: 429 without a header",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
const hits = new Map();

app.post('/login', (req, res) => {
  const count = (hits.get(req.ip) ?? 0) + 1;
  hits.set(req.ip, count);
  if (count > 5) {
    return res.status(429).json({ error: 'Too many login attempts' });
  }
  res.json({ ok: true });
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 9,
          column: 23,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `const express = require('express');
const app = express();
const hits = new Map();

app.post('/login', (req, res) => {
  const count = (hits.get(req.ip) ?? 0) + 1;
  hits.set(req.ip, count);
  if (count > 5) {
    return res.status(429).set('Retry-After', '60').json({ error: 'Too many login attempts' });
  }
  res.json({ ok: true });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: other headers set, not Retry-After",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.use(async (req, res, next) => {
  const { remaining } = await limiter.check(req.ip);
  res.set('X-RateLimit-Remaining', String(remaining));
  if (remaining <= 0) return res.sendStatus(429);
  next();
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header (it sets only `X-RateLimit-Remaining`). Set it so that clients know when to retry." },
          line: 6,
          column: 45,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `const express = require('express');
const app = express();
app.use(async (req, res, next) => {
  const { remaining } = await limiter.check(req.ip);
  res.set('X-RateLimit-Remaining', String(remaining));
  if (remaining <= 0) return res.set('Retry-After', '60').sendStatus(429);
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: ctx.status = 429",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx, next) => {
  if (await isLimited(ctx.ip)) {
    ctx.status = 429;
    ctx.body = 'Slow down';
    return;
  }
  await next();
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"ctx.set('Retry-After', ...)"},
              output: `const Koa = require('koa');
const app = new Koa();
app.use(async (ctx, next) => {
  if (await isLimited(ctx.ip)) {
    ctx.set('Retry-After', '60');
    ctx.status = 429;
    ctx.body = 'Slow down';
    return;
  }
  await next();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: the context a class holds, this.ctx.throw(429)",
      filename: "src/verification.ts",
      code: `export class OtpVerification {
  constructor(private readonly ctx: any) {}
  async verify(attempts: number) {
    if (attempts > 5) {
      this.ctx.throw(429, this.ctx.t('Too many failed attempts'));
    }
    this.ctx.assert(attempts >= 0, 400, 'Attempts must not be negative');
  }
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a \`Retry-After\` header. Set it so that clients know when to retry." },
          line: 5,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: { replacement: "throw with headers: { 'Retry-After': ... }" },
              output: `export class OtpVerification {
  constructor(private readonly ctx: any) {}
  async verify(attempts: number) {
    if (attempts > 5) {
      this.ctx.throw(429, this.ctx.t('Too many failed attempts'), { headers: { 'Retry-After': '60' } });
    }
    this.ctx.assert(attempts >= 0, 400, 'Attempts must not be negative');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: reply.code(429)",
      filename: "src/routes.ts",
      code: `import fastify from 'fastify';
const app = fastify();
app.get('/export', async (request, reply) => {
  if (exportsInProgress.has(request.user.id)) {
    return reply.code(429).send({ message: 'An export is already running' });
  }
  return startExport(request.user.id);
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 5,
          column: 23,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"reply.header('Retry-After', ...)"},
              output: `import fastify from 'fastify';
const app = fastify();
app.get('/export', async (request, reply) => {
  if (exportsInProgress.has(request.user.id)) {
    return reply.code(429).header('Retry-After', '60').send({ message: 'An export is already running' });
  }
  return startExport(request.user.id);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: a reply named res, typed through a local alias, after a helper that only clears a cookie",
      filename: "src/controllers/auth.ts",
      code: `import { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
type CallbackReply = FastifyReply;
const plugin: FastifyPluginCallback<Options> = function Auth(fastify, opts, done) {
  fastify.get('/callback', async (req: FastifyRequest, res: CallbackReply) => {
    opts.authUtils.clearCookie(res, opts.pkce.cookieName);
    const orgs = await opts.authUtils.handleAuthCallback(req);
    if (orgs === -1) {
      await res.code(429).send('Slow down');
      return;
    }
    return res.redirect('/');
  });
  fastify.get('/retry', async (req, res) => {
    return res.code(429).send('Slow down');
  });
  done();
};
export default plugin;
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header (it sets only `Set-Cookie`). Set it so that clients know when to retry." },
          line: 8,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.header('Retry-After', ...)"},
              output: `import { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
type CallbackReply = FastifyReply;
const plugin: FastifyPluginCallback<Options> = function Auth(fastify, opts, done) {
  fastify.get('/callback', async (req: FastifyRequest, res: CallbackReply) => {
    opts.authUtils.clearCookie(res, opts.pkce.cookieName);
    const orgs = await opts.authUtils.handleAuthCallback(req);
    if (orgs === -1) {
      await res.code(429).header('Retry-After', '60').send('Slow down');
      return;
    }
    return res.redirect('/');
  });
  fastify.get('/retry', async (req, res) => {
    return res.code(429).send('Slow down');
  });
  done();
};
export default plugin;
`,
            },
          ],
        },
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 14,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.header('Retry-After', ...)"},
              output: `import { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
type CallbackReply = FastifyReply;
const plugin: FastifyPluginCallback<Options> = function Auth(fastify, opts, done) {
  fastify.get('/callback', async (req: FastifyRequest, res: CallbackReply) => {
    opts.authUtils.clearCookie(res, opts.pkce.cookieName);
    const orgs = await opts.authUtils.handleAuthCallback(req);
    if (orgs === -1) {
      await res.code(429).send('Slow down');
      return;
    }
    return res.redirect('/');
  });
  fastify.get('/retry', async (req, res) => {
    return res.code(429).header('Retry-After', '60').send('Slow down');
  });
  done();
};
export default plugin;
`,
            },
          ],
        },
      ],
    },
    {
      name: "hono: c.text(..., 429)",
      filename: "src/routes.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.use('*', async (c, next) => {
  if (await tooMany(c.req.header('x-forwarded-for'))) {
    return c.text('Too many requests', 429);
  }
  await next();
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 5,
          column: 40,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: { 'Retry-After': ... }"},
              output: `import { Hono } from 'hono';
const app = new Hono();
app.use('*', async (c, next) => {
  if (await tooMany(c.req.header('x-forwarded-for'))) {
    return c.text('Too many requests', 429, { 'Retry-After': '60' });
  }
  await next();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "remix: json() with status 429, and json(body, 429) with the status alone",
      filename: "app/routes/webhooks.v1.ingest.$id.ts",
      code: `import { json, type ActionFunctionArgs } from '@remix-run/server-runtime';
export async function action({ request, params }: ActionFunctionArgs) {
  if (!(await limiter.limit(params.id)).success) return json({ error: 'Too many requests' }, { status: 429 });
  if (await busy()) return json({ error: 'Slow down' }, 429);
  return json({ ok: true });
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          line: 3,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: { 'Retry-After': ... }"},
              output: `import { json, type ActionFunctionArgs } from '@remix-run/server-runtime';
export async function action({ request, params }: ActionFunctionArgs) {
  if (!(await limiter.limit(params.id)).success) return json({ error: 'Too many requests' }, { status: 429, headers: { 'Retry-After': '60' } });
  if (await busy()) return json({ error: 'Slow down' }, 429);
  return json({ ok: true });
}
`,
            },
          ],
        },
        { messageId: "missingRetryAfter", line: 4, suggestions: [] },
      ],
    },
    {
      name: "next: NextResponse with status 429",
      filename: "app/api/send/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  if (await limited(req)) {
    return NextResponse.json({ error: 'Rate limit exceeded' }, { status: 429, headers: { 'X-RateLimit-Limit': '10' } });
  }
  return NextResponse.json({ ok: true });
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header (it sets only `X-RateLimit-Limit`). Set it so that clients know when to retry." },
          line: 4,
          column: 74,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: { 'Retry-After': ... }"},
              output: `import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  if (await limited(req)) {
    return NextResponse.json({ error: 'Rate limit exceeded' }, { status: 429, headers: { 'X-RateLimit-Limit': '10', 'Retry-After': '60' } });
  }
  return NextResponse.json({ ok: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "fetch: new Response with status 429",
      filename: "src/worker.js",
      languageOptions: javascript,
      code: `export default {
  async fetch(request) {
    if (await overLimit(request)) return new Response('rate limited', { status: 429 });
    return fetch(request);
  },
};
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 3,
          column: 81,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: { 'Retry-After': ... }"},
              output: `export default {
  async fetch(request) {
    if (await overLimit(request)) return new Response('rate limited', { status: 429, headers: { 'Retry-After': '60' } });
    return fetch(request);
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: writeHead(429)",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const http = require('http');
http.createServer((req, res) => {
  if (isLimited(req)) {
    res.writeHead(429, { 'Content-Type': 'text/plain' });
    return res.end('Too many requests');
  }
  res.end('ok');
}).listen(3000);
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header (it sets only `Content-Type`). Set it so that clients know when to retry." },
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"add 'Retry-After' to the headers"},
              output: `const http = require('http');
http.createServer((req, res) => {
  if (isLimited(req)) {
    res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': '60' });
    return res.end('Too many requests');
  }
  res.end('ok');
}).listen(3000);
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: HttpException with TOO_MANY_REQUESTS",
      filename: "src/routes.ts",
      code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class QuotaService {
  consume(userId: string) {
    if (this.used(userId) > 100) throw new HttpException('Quota exceeded', HttpStatus.TOO_MANY_REQUESTS);
  }
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 5,
          column: 76,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "http-errors: createError(429)",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const createError = require('http-errors');
module.exports = (req, res, next) => {
  if (blocked(req.ip)) return next(createError(429, 'Too many requests'));
  next();
};
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 3,
          column: 48,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: { 'Retry-After': ... }"},
              output: `const createError = require('http-errors');
module.exports = (req, res, next) => {
  if (blocked(req.ip)) return next(createError(429, 'Too many requests', { headers: { 'Retry-After': '60' } }));
  next();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: Retry-After set in a branch that returns does not reach a later 429",
      filename: "src/routes/otp.ts",
      code: `import type { FastifyInstance } from 'fastify';

export default async function otpRoutes(app: FastifyInstance) {
  app.post('/otp/verify', async (request, reply) => {
    const attempts = await app.redis.incr(\`otp:\${request.ip}\`);
    if (attempts > 5) {
      const locked = await app.redis.ttl(\`otp-lock:\${request.ip}\`);
      if (locked > 0) {
        if (locked > 3600) app.log.warn('long lock');
        reply.header('Retry-After', locked);
        return reply.code(429).send({ message: 'Locked, try later' });
      }
      return reply.code(429).send({ message: 'Too many attempts' });
    }
    return { verified: await app.otp.check(request.body) };
  });
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 13,
          column: 25,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"reply.header('Retry-After', ...)"},
              output: `import type { FastifyInstance } from 'fastify';

export default async function otpRoutes(app: FastifyInstance) {
  app.post('/otp/verify', async (request, reply) => {
    const attempts = await app.redis.incr(\`otp:\${request.ip}\`);
    if (attempts > 5) {
      const locked = await app.redis.ttl(\`otp-lock:\${request.ip}\`);
      if (locked > 0) {
        if (locked > 3600) app.log.warn('long lock');
        reply.header('Retry-After', locked);
        return reply.code(429).send({ message: 'Locked, try later' });
      }
      return reply.code(429).header('Retry-After', '60').send({ message: 'Too many attempts' });
    }
    return { verified: await app.otp.check(request.body) };
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: Retry-After set in the other branch of an if / else",
      filename: "src/routes/export.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.post('/exports', async (req, res) => {
  const running = await jobs.countRunning(req.user.id);
  if (running >= 3) {
    if (req.user.plan === 'pro') {
      res.set('Retry-After', '30');
    } else {
      return res.status(429).json({ error: 'Upgrade to run more exports at once' });
    }
    return res.status(429).json({ error: 'Too many exports running' });
  }
  res.status(202).json(await jobs.start(req.user.id));
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 10,
          column: 25,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `const express = require('express');
const router = express.Router();

router.post('/exports', async (req, res) => {
  const running = await jobs.countRunning(req.user.id);
  if (running >= 3) {
    if (req.user.plan === 'pro') {
      res.set('Retry-After', '30');
    } else {
      return res.status(429).set('Retry-After', '60').json({ error: 'Upgrade to run more exports at once' });
    }
    return res.status(429).json({ error: 'Too many exports running' });
  }
  res.status(202).json(await jobs.start(req.user.id));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express-rate-limit with its headers turned off and no handler of its own: the limiter's own 429 has no Retry-After",
      filename: "src/main.ts",
      code: `import rateLimit from 'express-rate-limit';
app.use(
  rateLimit({
    headers: false,
    windowMs: 60_000,
    max: 1000,
  }),
);
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          line: 3,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"headers: true"},
              output: `import rateLimit from 'express-rate-limit';
app.use(
  rateLimit({
    headers: true,
    windowMs: 60_000,
    max: 1000,
  }),
);
`,
            },
          ],
        },
      ],
    },
    {
      name: "express-rate-limit handler with the library headers turned off",
      filename: "src/limits.js",
      languageOptions: javascript,
      code: `import { rateLimit } from 'express-rate-limit';

export const signupLimiter = rateLimit({
  windowMs: 10 * 60 * 1000,
  limit: 3,
  legacyHeaders: false,
  standardHeaders: false,
  handler(req, res) {
    res.status(429).send('Too many sign-ups from this address');
  },
});
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header. Set it so that clients know when to retry." },
          line: 9,
          column: 16,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `import { rateLimit } from 'express-rate-limit';

export const signupLimiter = rateLimit({
  windowMs: 10 * 60 * 1000,
  limit: 3,
  legacyHeaders: false,
  standardHeaders: false,
  handler(req, res) {
    res.status(429).set('Retry-After', '60').send('Too many sign-ups from this address');
  },
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "a handler held by a name and handed to a limiter with its headers off still needs Retry-After",
      filename: "src/limits.js",
      languageOptions: javascript,
      code: `import { rateLimit } from 'express-rate-limit';
const onLimit = (req, res) => res.status(429).send('Slow down');
export const limiter = rateLimit({ limit: 3, legacyHeaders: false, standardHeaders: false, handler: onLimit });
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          line: 2,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `import { rateLimit } from 'express-rate-limit';
const onLimit = (req, res) => res.status(429).set('Retry-After', '60').send('Slow down');
export const limiter = rateLimit({ limit: 3, legacyHeaders: false, standardHeaders: false, handler: onLimit });
`,
            },
          ],
        },
      ],
    },
    {
      name: "rate-limiter-flexible's RateLimiterRes caught: the library only counts, the code must say when to retry",
      filename: "src/login.js",
      languageOptions: javascript,
      code: `import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
export async function login(req, res) {
  try {
    await limiter.consume(req.ip);
    res.json({ ok: true });
  } catch (error) {
    if (error instanceof RateLimiterRes) return res.status(429).send({ error: 'Too many attempts' });
    res.sendStatus(500);
  }
}
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          line: 8,
          suggestions: [
            {
              messageId: "addRetryAfter",
              data: {"replacement":"res.set('Retry-After', ...)"},
              output: `import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
export async function login(req, res) {
  try {
    await limiter.consume(req.ip);
    res.json({ ok: true });
  } catch (error) {
    if (error instanceof RateLimiterRes) return res.status(429).set('Retry-After', '60').send({ error: 'Too many attempts' });
    res.sendStatus(500);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "fetch: headers kept in a constant without Retry-After",
      filename: "src/worker.ts",
      code: `const JSON_HEADERS = { 'content-type': 'application/json' };

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { success } = await env.LIMITER.limit({ key: request.headers.get('cf-connecting-ip') ?? 'anon' });
    if (!success) {
      const headers = new Headers(JSON_HEADERS);
      headers.set('x-limit-policy', 'ip');
      return new Response(JSON.stringify({ error: 'slow down' }), { status: 429, headers });
    }
    return new Response(JSON.stringify({ ok: true }), { headers: JSON_HEADERS });
  },
};
`,
      errors: [
        {
          messageId: "missingRetryAfter",
          data: { message: "429 Too Many Requests sent without a `Retry-After` header (it sets only `content-type`, `x-limit-policy`). Set it so that clients know when to retry." },
          line: 9,
          column: 77,
          suggestions: [
          ],
        },
      ],
    },
  ],
});
