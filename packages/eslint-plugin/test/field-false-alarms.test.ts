// False alarms measured on real server code (issue 10), each rebuilt as the smallest code that showed it: none of
// these may be reported, and the suggestions that are offered must be right for the code they change.
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

function lint(code: string, filename = 'src/server.ts') {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } }, { files: ['**/*.ts'], ...plugin.configs.recommended }], { filename })
    .map((message) => ({ rule: message.ruleId?.replace('@status-lint/', ''), line: message.line, message: message.message, fixes: (message.suggestions ?? []).map((item) => item.fix.text) }));
}

describe('false alarms from the field', () => {
  it('the inner response of a Hono HTTPException is not a 200', () => {
    const code = `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.post('/tags', async (c) => {
  const exists = await db.tag.findFirst({ where: { name: 'x' } });
  if (exists) throw new HTTPException(409, { res: c.json({ error: 'Tag already exists' }) });
  return c.json({ ok: true }, 201);
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
  });

  it('an outer catch-all that re-wraps an inner catch is reported once', () => {
    const code = `import express from 'express';
import axios from 'axios';
const app = express();
app.get('/rates', async (req, res) => {
  try {
    try {
      const { data } = await axios.get('https://rates.example.com');
      return res.json(data);
    } catch (inner) {
      return res.status(500).json({ error: 'rates provider failed' });
    }
  } catch (outer) {
    return res.status(500).json({ error: 'unexpected' });
  }
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error').map((item) => item.line)).toEqual([10]);
  });

  it('a 500 branch after network errors were handled apart is the server’s own failure', () => {
    const code = `import express from 'express';
import axios from 'axios';
const app = express();
app.get('/rates', async (req, res) => {
  try {
    const { data } = await axios.get('https://rates.example.com');
    return res.json(data);
  } catch (error) {
    if (axios.isAxiosError(error)) return res.status(502).json({ error: 'rates provider failed' });
    return res.status(500).json({ error: 'internal error' });
  }
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it('the application’s own error class is not a network error', () => {
    const code = `import express from 'express';
import { charge } from './billing';
class ValidationError extends Error {}
const app = express();
app.post('/pay', async (req, res) => {
  try {
    await charge(req.body);
    return res.json({ ok: true });
  } catch (error) {
    if (error instanceof ValidationError) return res.status(400).json({ error: error.message });
    return res.status(500).json({ error: 'could not charge' });
  }
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it('a rate-limit plugin’s errorResponseBuilder builds a body for the plugin, which sets Retry-After', () => {
    const code = `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, {
  max: 100,
  errorResponseBuilder: (request, context) => ({ statusCode: 429, error: 'Too Many Requests', message: 'Slow down' }),
});
app.get('/a', async (request, reply) => {
  if (limited) return reply.code(429).send({ error: 'slow down' });
  return { ok: true };
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-error-body-on-success' || item.line === 6)).toEqual([]);
  });

  it('an earlier helper(c) call does not silence the 429 rule for the rest of the function', () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.get('/a', async (c) => {
  logRequest(c);
  if (await isLimited(c)) return c.json({ error: 'Too many requests' }, 429);
  return c.json({ ok: true });
});
`;
    expect(lint(code).filter((item) => item.rule === 'require-retry-after-on-429').map((item) => item.line)).toEqual([5]);
  });

  it('a permission result is not a lookup conflict, and validation inside the body is not a state conflict', () => {
    const code = `import express from 'express';
const app = express();
app.post('/tags', async (req, res) => {
  const canCreateOwnTag = await hasPermission(req.user, 'tag:create');
  if (!canCreateOwnTag) return res.status(400).json({ error: 'You cannot create tags' });
  const ids = req.body.steps.map((step) => step.id);
  if (new Set(ids).size !== ids.length) return res.status(400).json({ error: 'Duplicate stepIds are not allowed' });
  return res.status(201).json({ ok: true });
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-400-for-semantic-error')).toEqual([]);
  });

  it('names the call that failed, not a constructor or next()', () => {
    const code = `import express from 'express';
import OpenAI from 'openai';
const app = express();
app.post('/chat', async (req, res, next) => {
  try {
    const client = new OpenAI();
    const answer = await client.chat.completions.create({ model: 'x', messages: [] });
    return res.json(answer);
  } catch (error) {
    next(error);
    return res.status(500).json({ error: 'failed' });
  }
});
`;
    const [finding] = lint(code).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(finding?.message).toMatch(/`client\.chat\.completions\.create\(\.\.\.\)`/);
  });

  it('no status change is suggested inside a global error handler', () => {
    const code = `import Koa from 'koa';
import axios from 'axios';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error.code === 'ECONNREFUSED') { ctx.status = 500; ctx.body = { error: 'upstream refused' }; return; }
    ctx.status = 500;
    ctx.body = { error: 'internal' };
  }
});
`;
    for (const finding of lint(code)) expect(finding.fixes).toEqual([]);
  });
});

describe('answers passed back as plain objects', () => {
  it('a controller result { status, response } and an error mapper { type, message, code } are answers; option callbacks are the library\u2019s', () => {
    const code = `export async function updateLink(userId: number, link: { ownerId: number }) {
  if (link.ownerId !== userId) return { response: "You can't move a link to a collection you don't own.", status: 401 };
  return { response: 'updated', status: 200 };
}
export function mapError(error: Error) {
  if (error.name === 'RateLimit') return { type: 'rate-limit', message: 'Gmail rate limit exceeded', code: 429 };
  return { type: 'unknown', message: 'Something went wrong', code: 500 };
}
export const limiter = createLimiter({ errorResponseBuilder: () => ({ statusCode: 429, message: 'slow down' }) });
`;
    expect(lint(code).map((item) => [item.rule, item.line])).toEqual([
      ['no-401-for-forbidden', 2],
      ['require-retry-after-on-429', 6],
    ]);
  });
});

describe('misses from the field', () => {
  it('a failure handler that reads the error as a provider failure says its try called a provider', () => {
    const code = `import { TRPCError } from '@trpc/server';
import { ProviderError, getProviderErrorDetails } from '@app/banking';
export async function status(api: { getConnectionStatus(id: string): Promise<unknown> }, id: string) {
  try {
    return await api.getConnectionStatus(id);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'disconnected') return { status: 'disconnected' };
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to get connection status' });
  }
}
export async function rates(getRates: () => Promise<unknown>) {
  try {
    return await getRates();
  } catch (error) {
    console.error('Failed to get exchange rates', getProviderErrorDetails(error));
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to get exchange rates' });
  }
}
export async function own(save: () => Promise<unknown>) {
  try {
    return await save();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    console.error('save failed', formatError(error));
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Failed to save' });
  }
}
declare class ApiError extends Error {}
declare function formatError(error: unknown): string;
`;
    const found = lint(code).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(found.map((item) => item.line)).toEqual([8, 16]);
    expect(found[0].message).toContain("reads the error as a provider's: `ProviderError`");
  });
});

describe('a 2xx that acknowledges on purpose', () => {
  it('a comment above the response that says the sender must not retry, or a webhook route', () => {
    const code = `import express from 'express';
const app = express();
app.post('/billing/events', (req, res) => {
  if (!req.body.type) {
    // Answer 200 so that the provider does not retry this delivery forever.
    return res.json({ error: 'unknown event' });
  }
  res.json({ received: true });
});
app.post('/stripe/webhook', (req, res) => {
  res.json({ error: 'bad payload' });
});
app.post('/signup', (req, res) => {
  res.json({ error: 'signup failed' });
});
`;
    const found = lint(code).filter((item) => item.rule === 'no-error-body-on-success');
    expect(found.map((item) => item.line)).toEqual([14]);
  });
});

describe('a NestJS fix leaves no import unused', () => {
  const controller = (extra: string) => `import { Controller, Delete, Param, Req, UnauthorizedException } from '@nestjs/common';
@Controller('posts')
export class PostsController {
  @Delete(':id')
  remove(@Param('id') id: string, @Req() req: { user?: { role: string } }) {
${extra}    if (req.user.role !== 'admin') throw new UnauthorizedException('Only admins can delete posts');
    return { id };
  }
}
`;
  it('replaces the import of the old exception when the fix removes its last use, and adds beside it otherwise', () => {
    const [alone] = lint(controller('')).filter((item) => item.rule === 'no-401-for-forbidden');
    expect(alone).toBeDefined();
    const fixed = new Linter({ configType: 'flat' });
    const apply = (code: string) => {
      const [message] = fixed.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } }, { files: ['**/*.ts'], ...plugin.configs.recommended }], { filename: 'src/posts.controller.ts' }).filter((item) => item.ruleId === '@status-lint/no-401-for-forbidden');
      const fix = message.suggestions![0].fix;
      return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    };
    // A fix is one contiguous edit in ESLint: the import and the call change together.
    const single = apply(controller(''));
    expect(single).toContain("import { Controller, Delete, Param, Req, ForbiddenException } from '@nestjs/common';");
    expect(single).not.toContain('UnauthorizedException');
    const shared = apply(controller("    if (!req.user) throw new UnauthorizedException('Login required');\n"));
    expect(shared).toContain('import { Controller, Delete, Param, Req, UnauthorizedException, ForbiddenException }');
    expect(shared).toContain("throw new UnauthorizedException('Login required')");
    expect(shared).toContain("throw new ForbiddenException('Only admins can delete posts')");
  });
});

describe('a Retry-After fix writes what the code knows', () => {
  const fixesOf = (code: string) => lint(code).filter((item) => item.rule === 'require-retry-after-on-429').flatMap((item) => item.fixes);
  it('the seconds a variable in scope holds, the time until a reset the handler reads, else 60', () => {
    const seconds = fixesOf(`import express from 'express';
const app = express();
app.get('/a', async (req, res) => {
  const secondsUntilReset = await limiter.wait(req.ip);
  if (secondsUntilReset > 0) return res.status(429).json({ error: 'slow down' });
  res.json({});
});
`);
    expect(seconds.join('\n')).toContain("'Retry-After', String(secondsUntilReset)");
    const reset = fixesOf(`import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const limit = await ratelimit.limit('key');
  if (!limit.success) return NextResponse.json({ error: 'Too many requests' }, { status: 429 });
  return NextResponse.json({});
}
`);
    expect(reset.join('\n')).toContain("'Retry-After': String(Math.max(0, Math.ceil((limit.reset - Date.now()) / 1000)))");
    const fallback = fixesOf(`import express from 'express';
const app = express();
app.get('/a', (req, res) => res.status(429).json({ error: 'slow down' }));
`);
    expect(fallback.join('\n')).toContain("'Retry-After', '60'");
  });
});

describe('an upstream that answers its failure in the body', () => {
  it('a 500 sent because the JSON a fetch returned carries an error is an upstream failure', () => {
    const code = `import Router from '@koa/router';
const router = new Router();
router.post('/auth/github', async (ctx) => {
  const response = await fetch('https://github.com/login/oauth/access_token', { method: 'POST' });
  const data = await response.json();
  const { access_token, error } = data;
  if (error) {
    ctx.throw(500, data.error_description);
  }
  ctx.body = { token: access_token };
});
router.post('/local', async (ctx) => {
  const data = await loadSettings();
  const { error } = data;
  if (error) ctx.throw(500, 'settings broken');
});
declare function loadSettings(): Promise<{ error?: string }>;
`;
    const found = lint(code).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(found.map((item) => item.line)).toEqual([8]);
    expect(found[0].message).toContain('`fetch(...)`');
  });
});

describe('false alarms of blind set 21', () => {
  it('a 401 for a request whose authentication left no caller id and no role beside it (`!userId || !role`)', () => {
    const code = `import { Request, Response } from 'express';
export async function removeLink(req: Request, res: Response) {
  const { userId, role } = req;
  if (!userId || !role) {
    return res.status(401).json({ message: 'Unauthorized' });
  }
  if (role !== 'Admin') return res.status(401).json({ message: 'Admins only' });
  res.json(await unlink(req.params.id, userId));
}
`;
    // The second 401 (a known caller's role compared) is still reported.
    expect(lint(code).filter((item) => item.rule === 'no-401-for-forbidden').map((item) => item.line)).toEqual([7]);
  });

  it("a rate limiter's handler made by a factory, when the limiter sets Retry-After itself (`standardHeaders: true`)", () => {
    const code = `import rateLimit, { Options } from 'express-rate-limit';
const createRateLimitHandler = (message: string) => {
  return (req: any, res: any) => {
    res.status(429).json({ message, statusCode: 429 });
  };
};
const createRateLimiter = (config: { minutes: number; max: number; message: string }) => {
  const options: Partial<Options> = {
    windowMs: config.minutes * 60 * 1000,
    max: config.max,
    standardHeaders: true,
    legacyHeaders: false,
    handler: createRateLimitHandler(config.message),
  };
  return rateLimit(options);
};
export const uploads = createRateLimiter({ minutes: 15, max: 50, message: 'Too many uploads' });
`;
    expect(lint(code).filter((item) => item.rule === 'require-retry-after-on-429')).toEqual([]);
    // The same handler given to a limiter that sets no header is reported.
    const off = code.replace('standardHeaders: true', 'standardHeaders: false');
    expect(lint(off).filter((item) => item.rule === 'require-retry-after-on-429').map((item) => item.line)).toEqual([4]);
  });

  it('"Video id not found" for an id taken from the body, with no lookup on the way, is the request missing a part', () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.post('/', async (c) => {
  const body = await c.req.json();
  const fromKey = String(body.fileKey ?? '').split('/')[1];
  const videoId = 'videoId' in body ? body.videoId : fromKey;
  if (!videoId) return c.json({ error: 'Video id not found' }, 400);
  const video = await db.video.findFirst({ where: { id: videoId } });
  if (!video) return c.json({ error: 'Video not found' }, 400);
  return c.json(video);
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([9]);
  });

  it('an OAuth token endpoint answers its error codes with 400, as RFC 6749 says (`invalid_grant`, "User not found")', () => {
    const code = `import express from 'express';
const router = express.Router();
router.post('/oauth/token', async (req, res) => {
  const grant = await Grants.findOne({ code: req.body.device_code });
  if (!grant) return res.status(400).json({ error: 'invalid_grant', error_description: 'Device code not found' });
  const user = await Users.findOne({ _id: grant.userId });
  if (!user) return res.status(400).json({ error: 'User not found' });
  res.json(await issueTokens(user));
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([7]);
  });

  it('a credential issuer answers the error codes of OpenID for Verifiable Credential Issuance with 400, as the protocol says (`issuance_pending`, `invalid_nonce`)', () => {
    const code = `import { BadRequestException, Controller, Post, Body } from '@nestjs/common';
@Controller('deferred_credential')
export class DeferredController {
  @Post()
  async deferred(@Body() body: { transaction_id: string }) {
    const transaction = await this.transactions.findOne(body.transaction_id);
    if (transaction.status === 'pending') {
      throw new BadRequestException({ error: 'issuance_pending', error_description: 'The credential issuance is still pending' });
    }
    if (transaction.nonceUsed) {
      throw new BadRequestException({ error: 'invalid_nonce', error_description: 'The nonce has already been used' });
    }
    if (transaction.archived) {
      throw new BadRequestException('The transaction has already been used');
    }
    return transaction.credential;
  }
}
`;
    expect(lint(code).filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([14]);
  });

  it('"Failed to save S3 configuration" names what was saved, not the service that failed', () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.post('/s3', async (c) => {
  try {
    await db.transaction(async (tx) => tx.insert(buckets).values(await c.req.json()));
    return c.json({ success: true });
  } catch (error) {
    return c.json({ error: 'Failed to save S3 configuration' }, 500);
  }
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it("a catch whose message names the server's own step (\"Failed to create user\" around createGuestUser and a Stripe update) is that step's failure", () => {
    const code = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
async function createGuestUser(email: string) {
  return db.user.create({ data: { email } });
}
export async function POST(request: Request) {
  const { email, customerId } = await request.json();
  try {
    const user = await createGuestUser(email);
    await stripe.customers.update(customerId, { metadata: { userId: user.id } });
  } catch (error) {
    return new Response('Failed to create user', { status: 500 });
  }
  return new Response('ok');
}
`;
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
    // Named for the service's own step, the same catch is reported.
    const named = code.replace('Failed to create user', 'Failed to update the Stripe customer');
    expect(lint(named).filter((item) => item.rule === 'no-500-for-upstream-error').map((item) => item.line)).toEqual([12]);
  });
});

describe('misses of blind set 21', () => {
  it("a 200 whose `success` mirrors another service's answer (`{ success: result.ok }` after `fetch`) is false whenever that service failed; not a status probe's verdict", () => {
    const code = `import express from 'express';
const router = express.Router();
router.post('/feedback', async (req, res) => {
  const result = await fetch('https://script.google.com/macros/s/x/exec', { method: 'POST', body: JSON.stringify(req.body) });
  return res.json({ success: result.ok });
});
router.post('/status', async (_req, res) => {
  const probe = await fetch('https://aihorde.net/api/v2/status/heartbeat');
  return res.send({ ok: probe.ok });
});
export default router;
`;
    expect(lint(code).filter((item) => item.rule === 'no-error-body-on-success').map((item) => item.line)).toEqual([5]);
  });

  it('a record looked up and not found stays a 404, beside a flag of the request (`!user && !createProfile`)', () => {
    const code = `import express from 'express';
export const signin = async (req: express.Request, res: express.Response) => {
  const { createProfile = true } = req.body;
  let user = await models.User.findOne({ where: { email: req.body.email } });
  if (!user && !createProfile) {
    return res.status(400).send({ errorCode: 'EMAIL_DOES_NOT_EXIST', message: 'Email does not exist' });
  }
  res.json(user);
};
`;
    expect(lint(code).filter((item) => item.rule === 'no-400-for-semantic-error').map((item) => item.line)).toEqual([6]);
  });

  it("a 400 for a field of a record found past `if (!video || video.appId !== appId) return 404`", () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.post('/complete', async (c) => {
  const { videoId } = await c.req.json();
  const [video] = await db().select().from(videos).where(eq(videos.id, videoId)).limit(1);
  if (!video || video.appId !== c.get('appId')) return c.json({ error: 'Video not found' }, 404);
  if (!video.s3Key) return c.json({ error: 'Video has no S3 key' }, 400);
  return c.json({ ok: true });
});
`;
    const found = lint(code).filter((item) => item.rule === 'no-400-for-semantic-error');
    expect(found.map((item) => item.line)).toEqual([7]);
    expect(found[0].message).toContain('stored record holds');
  });

  it('the same field read into a local name first (`const retentionPolicy = schedule.retentionPolicy`)', () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.post('/schedules/:id/forget', async (c) => {
  const schedule = await db.schedule.findUnique({ where: { id: c.req.param('id') } });
  if (!schedule) return c.json({ error: 'Schedule not found' }, 404);
  const retentionPolicy = schedule.retentionPolicy;
  if (!retentionPolicy) return c.json({ error: 'No retention policy configured for this schedule' }, 400);
  const { keep } = await c.req.json();
  if (!keep) return c.json({ error: 'keep is required' }, 400);
  const { clientId } = await c.req.json();
  if (schedule.clientId !== clientId) return c.json({ error: 'client mismatch' }, 400);
  return c.json({ ok: true });
});
`;
    // \`clientId\` beside \`schedule.clientId\` in the condition itself is the request's value, not a copy of the record's.
    const found = lint(code).filter((item) => item.rule === 'no-400-for-semantic-error');
    expect(found.map((item) => item.line)).toEqual([7]);
    expect(found[0].message).toContain('stored record holds');
  });
});

describe('a status that falls back for errors that carry none (`error.status || 500`)', () => {
  const route = (work: string) => `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(request: Request) {
  try {
    const { prompt } = await request.json();
${work}
    return Response.json(completion);
  } catch (error: any) {
    const errorCode = error.status || 500;
    return new Response(JSON.stringify({ message: error.message }), { status: errorCode });
  }
}
`;

  it('after a call to another service alone, the fallback is what its network failures get: reported where the answer is sent, the fix on the fallback', () => {
    const code = route('    const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] });');
    const found = lint(code).filter((item) => item.rule === 'no-500-for-upstream-error');
    expect(found.map((item) => item.line)).toEqual([10]);
    expect(found[0].fixes).toEqual(['502']);
  });

  it("after a try that also writes the server's own records, the fallback is as much the store's", () => {
    const code = route(`    const completion = await openai.embeddings.create({ model: "text-embedding-3-small", input: prompt });
    await supabaseAdmin.from("file_items").upsert({ embedding: completion.data[0].embedding });`);
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error')).toEqual([]);
  });

  it("after a try that runs the application's own writes (`createUser`, `createTeam`) beside a call to another service", () => {
    const code = `import type { NextApiRequest, NextApiResponse } from 'next';
async function handlePOST(req: NextApiRequest, res: NextApiResponse) {
  const response = await fetch('https://www.google.com/recaptcha/api/siteverify?secret=x', { method: 'POST' });
  if (!response.ok) throw new Error('reCAPTCHA failed');
  const user = await createUser({ email: req.body.email });
  await createTeam({ ownerId: user.id, name: req.body.team });
  res.status(201).json({ data: user });
}
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    await handlePOST(req, res);
  } catch (error: any) {
    const status = error.status || 500;
    res.status(status).json({ error: { message: error.message || 'Something went wrong' } });
  }
}
`;
    // (The plain Error thrown when reCAPTCHA's answer is not ok, line 4, is a finding of its own.)
    expect(lint(code).filter((item) => item.rule === 'no-500-for-upstream-error').map((item) => item.line)).toEqual([4]);
  });

  it("a queue's push receiver verified by its wrapper (Upstash QStash) acknowledges what it cannot use with 200", () => {
    const code = `import { withQstashOrInternal } from '@/utils/qstash';
export const POST = withQstashOrInternal(async (request: Request) => {
  const { actionId } = await request.json();
  const action = await prisma.scheduledAction.findUnique({ where: { id: actionId } });
  if (!action) return Response.json({ error: 'Action not found' }, { status: 404 });
  if (action.status !== 'PENDING') return Response.json({ success: false, error: 'Action is not pending' });
  return Response.json({ success: true });
});
`;
    expect(lint(code).filter((item) => item.rule === 'no-error-body-on-success')).toEqual([]);
    // The same handler with no queue in front of it is reported.
    const plain = `export async function POST(request: Request) {
  const { actionId } = await request.json();
  const action = await prisma.scheduledAction.findUnique({ where: { id: actionId } });
  if (!action) return Response.json({ error: 'Action not found' }, { status: 404 });
  if (action.status !== 'PENDING') return Response.json({ success: false, error: 'Action is not pending' });
  return Response.json({ success: true });
}
`;
    expect(lint(plain).filter((item) => item.rule === 'no-error-body-on-success').map((item) => item.line)).toEqual([5]);
  });

  it('a status in a constant that several sends use is reported at each send, with no fix that would change the others', () => {
    const code = `const denied = { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="app"' } };
export function middleware(request: Request) {
  if (!process.env.OPENAI_API_KEY) {
    return new Response('Unauthorized', denied);
  }
  if (!request.headers.get('authorization')) return new Response('Unauthorized', denied);
  return fetch(request);
}
`;
    const found = lint(code).filter((item) => item.rule === 'no-401-for-forbidden');
    expect(found.map((item) => item.line)).toEqual([4]);
    expect(found[0].fixes).toEqual([]);
    // Held by a constant of its own send, the fix is offered there.
    const own = code.replace("if (!request.headers.get('authorization')) return new Response('Unauthorized', denied);", '');
    expect(lint(own).filter((item) => item.rule === 'no-401-for-forbidden')[0].fixes).toEqual(['403']);
  });

  it("a 401 because the server's own Basic-auth credentials are not configured is no permission refusal; a missing key for another service still is", () => {
    const basic = `export function middleware(request: Request) {
  if (!process.env.HTTP_BASIC_AUTH_USERNAME || !process.env.HTTP_BASIC_AUTH_PASSWORD) {
    return new Response('Unauthorized/Unconfigured', { status: 401 });
  }
  return fetch(request);
}
`;
    expect(lint(basic).filter((item) => item.rule === 'no-401-for-forbidden')).toEqual([]);
    const upstreamKey = basic.replace('!process.env.HTTP_BASIC_AUTH_USERNAME || !process.env.HTTP_BASIC_AUTH_PASSWORD', '!process.env.BAIDU_API_KEY');
    expect(lint(upstreamKey).filter((item) => item.rule === 'no-401-for-forbidden').map((item) => item.line)).toEqual([3]);
  });
});

