// no-error-body-on-success: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.
import { javascript, ruleTester } from './rule-tester.js';
import rule from '../src/rules/no-error-body-on-success.js';

ruleTester.run("no-error-body-on-success", rule, {
  valid: [
    {
      name: "express: a form's errors by field, every one of them empty ({ errors: { email: null, image: null } }), is no failure",
      filename: "src/routes/profile.ts",
      code: `import express from 'express';
const app = express();
app.post('/profile/image', async (req, res) => {
  await removeImage(req.body.userId);
  res.json({ errors: { email: null, image: null } });
});
`,
    },
    {
      name: "trpc: a result the code says is an expected case ('Return early without throwing - this can happen if the user disconnected')",
      filename: "packages/api/src/routers/linear.ts",
      code: `export const linearRouter = router({
  syncWorkspace: orgProcedure.mutation(async ({ ctx }) => {
    const account = await getLinearAccount(ctx.db, ctx.session.user.id);
    if (!account?.accessToken) {
      // Return early without throwing - this can happen if the user disconnected
      return { success: false, workspace: null };
    }
    return { success: true, workspace: await syncWorkspace(account) };
  }),
});
`,
    },
    {
      name: "sveltekit: a sign-in route that answers 'Already logged in' with 200: what the caller asked for holds",
      filename: "src/routes/api/oauth/github/+server.ts",
      code: `export const GET = async ({ locals }) => {
  if (!locals.user) {
    return new Response('Redirecting to GitHub', { status: 302, headers: { location: '/login/github' } });
  }
  return new Response('Already logged in', { status: 200 });
};
`,
    },
    {
      name: "express: the catch of a route named for a test of a connection answers what the test found",
      filename: "src/api/admin-torrent.js",
      languageOptions: javascript,
      code: `mstream.post('/api/v1/admin/torrent/transmission/test', async (req, res) => {
  try {
    const info = await transmissionRpc.testConnection(req.body);
    res.json({ ok: true, version: info.version });
  } catch (err) {
    res.json({ ok: false, error: 'connection_failed', message: err.message });
  }
});
`,
    },
    {
      name: "a method named fail of a class that is no ThinkJS controller action",
      filename: "src/jobs/runner.js",
      languageOptions: javascript,
      code: `class Runner extends EventEmitter {
  async run() {
    try {
      await this.step();
    } catch (error) {
      return this.fail('Step failed');
    }
  }
}
`,
    },
    {
      name: "next: a field named error whose words say the work was done ('Request reached and fulfilled.', 'x toggled to true')",
      filename: "app/api/admin/flags/route.ts",
      code: `import { NextRequest, NextResponse } from 'next/server';
export async function PUT(req: NextRequest) {
  const name = req.nextUrl.searchParams.get('name');
  await saveFlag(name);
  if (name === 'all') return NextResponse.json({ error: 'Request reached and fulfilled.' }, { status: 200 });
  return NextResponse.json({ error: \`\${name} toggled to on\` }, { status: 200 });
}
`,
    },
    {
      name: "nest: an empty answer from a catch only where the caller went away (the work was aborted)",
      filename: "src/queue/queue.controller.ts",
      code: `import { Controller, Get, Req } from '@nestjs/common';
@Controller('queue')
export class QueueController {
  @Get('next')
  async next(@Req() req: any) {
    const stop = new AbortController();
    req.on('close', () => stop.abort());
    try {
      return { items: await this.queue.wait(stop.signal) };
    } catch (error) {
      if (stop.signal.aborted) {
        return { items: [] };
      }
      throw error;
    }
  }
}
`,
    },
    {
      name: "express: a form shown with its errors where nothing found any (a first GET, an empty list, a flash an earlier request left)",
      filename: "src/routes/signup.ts",
      code: `import express from 'express';
const router = express.Router();
router.get('/signup', (req, res) => res.render('signup', { errors: [], values: {} }));
router.get('/profile', (req, res) => res.render('profile', { errors: req.flash('errors') }));
router.post('/signup', (req, res) => {
  const errors = validate(req.body);
  if (errors.length === 0) return res.render('welcome', { errors });
  return res.redirect('/signup');
});
export default router;
`,
    },
    {
      name: "express: a send in the branch that found the status already set (res.statusCode === 429) keeps that status, not 200",
      filename: "src/utils/error.ts",
      code: `import { NextFunction, Request, Response } from 'express';
export const errorHandler = (err: any, req: Request, res: Response, next: NextFunction) => {
  if (res.statusCode === 429) {
    return res.json({ error: 'Too many requests' });
  }
  return res.status(err.status ?? 500).json({ error: err.message });
};
`,
    },
    {
      name: "h3: a handler that sets its status itself (setResponseStatus) before it returns",
      filename: "server/api/login.post.ts",
      code: `export default defineEventHandler(async (event) => {
  const user = await findUser(event);
  if (!user) {
    setResponseStatus(event, 404);
    return { error: 'User not found' };
  }
  return { user };
});
`,
    },
    {
      name: "h3: a defineEventHandler declared in the file is the file's own, not h3's",
      filename: "server/api/login.post.ts",
      code: `export default defineEventHandler(async (event) => {
  const user = await findUser(event);
  if (!user) return { error: 'User not found' };
  return { user };
});
function defineEventHandler(fn: (event: unknown) => unknown) { return fn; }
`,
    },
    {
      name: "a queue's push receiver (the message read by readPushSubscription) acknowledges a delivery it cannot use with 200, whatever its route is called",
      filename: "src/routers/svc/emails.ts",
      code: `import express from 'express';
import { readPushSubscription } from '../../pubsub';
const router = express.Router();
router.post('/forward', async (req, res) => {
  const { message, expired } = readPushSubscription(req);
  if (!message) return res.status(400).send('Bad Request');
  const newsletterEmail = await findNewsletterEmailByAddress(JSON.parse(message).to);
  if (!newsletterEmail) {
    res.status(200).send('Not Found');
    return;
  }
  res.status(200).send('Email forwarded');
});
`,
    },
    {
      name: "a catch that tells one expected failure apart answers it on purpose, and passes the rest on",
      filename: "app/routes/api+/asset.refresh-main-image.ts",
      code: `import { json } from '@remix-run/node';
export async function action({ request }: { request: Request }) {
  try {
    const asset = await db.asset.update({ where: { id: await readId(request) }, data: { refreshedAt: new Date() } });
    return json({ asset });
  } catch (updateError) {
    if (updateError instanceof Prisma.PrismaClientKnownRequestError && updateError.code === 'P2025') {
      return json({ asset: null });
    }
    throw updateError;
  }
}
`,
    },
    {
      name: "a client turning a received { success: false } into an error of its own, made with the status it received",
      filename: "src/client/api-client.ts",
      code: `export class ApiError extends Error {
  constructor(public status: number, message: string) { super(message); }
}
export async function request<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as { success?: boolean; error?: string } & T;
  if (body && body.success === false) {
    throw new ApiError(200, body.error ?? 'Request failed');
  }
  return body;
}
`,
    },
    {
      name: "trpc: a procedure named for a connection test (testHttpProxy) answers whether the connection works",
      filename: "server/routerTrpc/public.ts",
      code: `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.create();
export const publicRouter = t.router({
  testHttpProxy: t.procedure.input(z.object({ url: z.string() })).mutation(async ({ input }) => {
    try {
      const response = await fetch(input.url);
      return { success: true, status: response.status };
    } catch (error) {
      return { success: false, message: 'Connection refused by the proxy' };
    }
  }),
});
`,
    },
    {
      name: "a status variable written again after the check that found it 200 is not known to be 200",
      filename: "src/widgets/omada/proxy.js",
      languageOptions: javascript,
      code: `export default async function omadaProxyHandler(req, res) {
  let [status, contentType, data] = await httpProxy(req.query.url);
  if (status !== 200) return res.status(status).json({ error: { message: 'Error logging in' } });
  [status, contentType, data] = await httpProxy(req.query.statsUrl);
  if (!data) return res.status(status).json({ error: { message: 'No stats' } });
  return res.send(data);
}
`,
    },
    {
      name: "aws lambda: a handler that answers its data with 200 and its failure with a 4xx",
      filename: "netlify/functions/get-user.js",
      languageOptions: javascript,
      code: `exports.handler = async (event) => {
  const user = await users.find(event.queryStringParameters.id);
  if (!user) return { statusCode: 404, body: JSON.stringify({ success: false, error: 'User not found' }) };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ success: true, user }) };
};
`,
    },
    {
      name: "express: a logout without a session answers 200: the caller is already logged out, as it asked",
      filename: "src/controllers/authentication.js",
      languageOptions: javascript,
      code: `const authenticationController = module.exports;
authenticationController.logout = async function (req, res) {
  if (!req.loggedIn || !req.sessionID) {
    return res.status(200).send('not-logged-in');
  }
  await destroySession(req.sessionID);
  res.status(200).send('');
};
`,
    },
    {
      name: "express: a function that hands its response on (setSessionToken({ req, res })) is not answered by what it returns",
      filename: "src/auth.resolver.ts",
      code: `import { Request, Response } from 'express';
export async function logout(ctx: object, req: Request, res: Response) {
  const token = extractSessionToken(req);
  if (!token) {
    return { success: false };
  }
  setSessionToken({ req, res, token: '' });
  return { success: true };
}
`,
    },
    {
      name: "nest: a factory that returns only exceptions makes them for its callers to throw",
      filename: "src/errors.ts",
      code: `import { ForbiddenException, NotFoundException } from '@nestjs/common';
export function accessError(found: boolean) {
  if (!found) return new NotFoundException('No such form');
  return new ForbiddenException('You do not have permission to view this form');
}
`,
    },
    {
      name: "egg (tegg): a method that sets ctx.status itself is not read as returning 200",
      filename: "app/port/controller/SyncController.ts",
      code: `import { Context, HTTPContext, HTTPMethod, HTTPMethodEnum } from 'egg';
export class SyncController {
  @HTTPMethod({ method: HTTPMethodEnum.PUT, path: '/-/sync' })
  async sync(@HTTPContext() ctx: Context) {
    if (!this.enabled) {
      ctx.status = 403;
      return { ok: false, error: 'sync is disabled' };
    }
    ctx.status = 201;
    return { ok: true };
  }
}
`,
    },
    {
      name: "koa: a validate action whose catch answers with what failed: the failure is the verdict it was asked for",
      filename: "src/server/actions/chartsQueries.ts",
      code: `export const validate = async (ctx: any, next: any) => {
  const { values } = ctx.action.params;
  ctx.body = { errorMessage: '' };
  try {
    await query.sql(values, { db: ctx.db, validateSQL: true });
  } catch (error: any) {
    ctx.body = { errorMessage: error.message };
  }
  return next();
};
`,
    },
    {
      name: "express: a page that shows a message left by an earlier request (flash) is the page, not a failure",
      filename: "src/controllers/login.js",
      languageOptions: javascript,
      code: `exports.login = function (req, res) {
  res.render('login', { error: req.flash('error') });
};
`,
    },
    {
      name: "a helper with four parameters (type, req, res, next) and a controller with four is no error middleware",
      filename: "src/controllers/user.js",
      languageOptions: javascript,
      code: `async function byType(type, req, res, next) {
  const userData = await getUserDataByField(req.uid, type, req.params[type]);
  if (!userData) return next();
  res.json(userData);
}
module.exports = { byType };
`,
    },
    {
      name: "sveltekit: a load's data, and what a module that is not a page's server module returns, are left alone",
      filename: "src/routes/dashboard/+page.server.ts",
      code: `export async function load({ locals }) {
  const checks = await loadChecks(locals.user);
  return { checks, lastError: checks.find((check) => check.failed)?.error ?? null };
}
export function summarize(result) {
  return { success: false, error: 'not a route' };
}
export const actions = {
  async refresh({ locals }) {
    try {
      return { analytics: await loadAnalytics(locals.user) };
    } catch (error) {
      console.error(error);
      return { analytics: null };
    }
  },
};
`,
    },
    {
      name: "remix: a loader's data that holds a status of its own is data",
      filename: "app/routes/monitors.tsx",
      code: `import { json } from '@remix-run/node';
export async function loader() {
  const checks = await loadChecks();
  return { checks, lastStatus: 503, url: 'https://example.com' };
}
export const action = async () => json({ saved: true }, 201);
`,
    },
    {
      name: "an async task endpoint that records the failure on the task its callers poll, then ends the call",
      filename: "src/routers/async/file.ts",
      code: `export async function embed(req: any, res: any) {
  const { ctx, input } = req;
  try {
    await embedChunks(input.fileId);
    return res.json({ success: true });
  } catch (e) {
    await ctx.asyncTaskModel.update(input.taskId, { status: 'error', error: (e as Error).message });
    return res.json({ success: false, message: 'embedding failed' });
  }
}
`,
    },
    {
      name: "express: { data, errors: [] }",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/graphql', async (req, res) => {
  const data = await execute(req.body);
  res.json({ data, errors: [] });
});
`,
    },
    {
      name: "express: partial success is not reported by default",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/batch', async (req, res) => {
  const { results, failures } = await runBatch(req.body.items);
  res.json({ results, errors: failures });
});
`,
    },
    {
      name: "express: an errors counter in stats",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.get('/stats', (req, res) => res.json({ requests: 1200, errors: 3, errorRate: 0.0025 }));
`,
    },
    {
      name: "express: error body with a 4xx status",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.get('/x/:id', async (req, res) => {
  const x = await X.findById(req.params.id);
  if (!x) return res.status(404).json({ error: 'Not found' });
  res.json(x);
});
`,
    },
    {
      name: "express: status set before the send",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  res.status(err.statusCode || 500);
  res.json({ error: err.message });
});
`,
    },
    {
      name: "a mocked Response in a test",
      filename: "src/client.test.ts",
      code: `describe('client', () => {
  it('handles errors', async () => {
    global.fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ error: 'boom' })));
    await expect(load()).rejects.toThrow('boom');
  });
});
`,
    },
    {
      name: "fastify: a handler without reply returns data",
      filename: "src/routes/health.ts",
      code: `import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async () => ({ status: 'ok', uptime: process.uptime() }));
  app.get('/version', { schema: { response: { 200: { type: 'object' } } } }, async () => {
    return { version: process.env.APP_VERSION, errors: 0 };
  });
}
`,
    },
    {
      name: "node:http: status set before res.end",
      filename: "src/server.js",
      languageOptions: javascript,
      code: `import http from 'node:http';
import { findUser } from './users.js';

http.createServer(async (req, res) => {
  const user = await findUser(new URL(req.url, 'http://localhost').searchParams.get('id'));
  res.setHeader('content-type', 'application/json');
  if (!user) {
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'User not found' }));
    return;
  }
  res.end(JSON.stringify(user));
}).listen(3000);
`,
    },
    {
      name: "hapi: error bodies sent with a code",
      filename: "src/routes/subscriptions.ts",
      code: `import type { Server } from '@hapi/hapi';

export function subscriptionRoutes(server: Server) {
  server.route({
    method: 'POST',
    path: '/subscriptions',
    handler: async (request, h) => {
      const plan = await plans.find(request.payload.planId);
      if (!plan) {
        return h.response({ success: false, message: 'Plan does not exist' }).code(404);
      }
      const response = h.response({ error: 'Plan is retired' });
      response.code(410);
      if (plan.retired) return response;
      return { subscribed: true };
    },
  });
}
`,
    },
  ],
  invalid: [
    {
      name: "react router: an action's data checked against its type (return { success: false, error } satisfies ActionData) is still the page's 200",
      filename: "app/routes/device.transfer.tsx",
      code: `import type { ActionFunctionArgs } from 'react-router';
type ActionData = { success: boolean; error?: string };
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = formData.get('token')?.toString().trim();
  if (!token) {
    return { success: false, error: 'Please enter a transfer token.' } satisfies ActionData;
  }
  return { success: true } satisfies ActionData;
}
`,
      errors: [{ messageId: "errorBody", line: 7, suggestions: [] }],
    },
    {
      name: "express: an answer whose only text marks itself as an error, as a command line does ({ data: 'ERROR: ...' }), is an error body",
      filename: "lib/routes/apiv1.js",
      languageOptions: javascript,
      code: `router.post('/exec/:connectionId', (req, res) => {
  if (req.app.locals.readOnly && !isReadOnlyCommand(req.body.cmd)) {
    return res.json({ data: 'ERROR: Command not read-only' });
  }
  return run(req.body.cmd).then((output) => res.json({ data: output }));
});
`,
      errors: [{ messageId: "errorBody", line: 3, data: { message: "200 success response carries an error body (text \"ERROR: Command not read-only\"). Use 403 (or the 4xx or 5xx status that matches the failure)." }, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "res.status(403)" }, output: `router.post('/exec/:connectionId', (req, res) => {
  if (req.app.locals.readOnly && !isReadOnlyCommand(req.body.cmd)) {
    return res.status(403).json({ data: 'ERROR: Command not read-only' });
  }
  return run(req.body.cmd).then((output) => res.json({ data: output }));
});
` }] }],
    },
    {
      name: "express: an error property whose value the code does not show, sent where the work's result says it failed, is an error body",
      filename: "backend/app.js",
      languageOptions: javascript,
      code: `app.post('/api/subscribe', async (req, res) => {
  const result = await subscriptions.subscribe(req.body.url);
  if (result.success) {
    res.send({ sub: result.sub });
  } else {
    res.send({ sub: null, error: result.error });
  }
});
`,
      errors: [{ messageId: "errorBody", line: 6, data: { message: "200 success response carries an error body (\`error\` sent where \`result.success\` is false). Nothing names the failure: send the 4xx or 5xx status that matches it." } }],
    },
    {
      name: "remix before 1.0 (one package, `remix`): an action's json({ error }) without a status is a 200 with an error",
      filename: "app/routes/actions/$id/update.ts",
      code: `import { json } from "remix";
import type { ActionFunction } from "remix";
export const action: ActionFunction = async ({ params }) => {
  const document = await updateDocument(params.id);
  if (!document) return json({ error: "No document with that slug" });
  return json(document);
};
`,
      errors: [{ messageId: "errorBody", line: 5 }],
    },
    {
      name: "next: a permission asked about answers with its flag and reason (canSend: false, 'Daily limit reached'); the refusal of a caller nobody signed in as does not",
      filename: "app/api/emails/send-permission/route.ts",
      code: `import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth';
export async function GET() {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ canSend: false, error: 'Unauthorized' });
  }
  const remaining = await remainingToday(session.user.id);
  if (remaining === 0) return NextResponse.json({ canSend: false, error: 'Daily limit reached' });
  return NextResponse.json({ canSend: true, remaining });
}
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "{ status: 401 }" }, output: `import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth';
export async function GET() {
  const session = await auth();
  if (!session?.user?.id) {
    return NextResponse.json({ canSend: false, error: 'Unauthorized' }, { status: 401 });
  }
  const remaining = await remainingToday(session.user.id);
  if (remaining === 0) return NextResponse.json({ canSend: false, error: 'Daily limit reached' });
  return NextResponse.json({ canSend: true, remaining });
}
` }] }],
    },
    {
      name: "express (JavaScript): a function with several answers that a dispatcher calls keeps each finding where it is written",
      filename: "src/inbox.js",
      languageOptions: javascript,
      code: `function handleAccept(req, res) {
  if (!req.body.object) return res.send('Sorry! Something went wrong');
  if (!req.body.actor) return res.send({ error: 'No actor given' });
  return res.sendStatus(202);
}
router.post('/inbox', (req, res) => {
  if (req.body.type === 'Accept') return handleAccept(req, res);
  res.sendStatus(204);
});
`,
      errors: [
        { messageId: "errorBody", line: 2 },
        { messageId: "errorBody", line: 3 },
      ],
    },
    {
      name: "thinkjs (JavaScript): this.fail(...) in a controller action answers HTTP 200 with { errno, errmsg }",
      filename: "src/api/controller/order.js",
      languageOptions: javascript,
      code: `const Base = require('./base.js');
module.exports = class extends Base {
  async detailAction() {
    const order = await this.model('order').where({ id: this.get('id') }).find();
    if (think.isEmpty(order)) {
      return this.fail(404, 'Order not found');
    }
    return this.success(order);
  }
  async payAction() {
    this.ctx.status = 409;
    return this.fail('Order already paid');
  }
};
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [] }],
    },
    {
      name: "express: a message-only body whose short words say the work failed ('Update failed') is an error body",
      filename: "src/routes/profile.js",
      languageOptions: javascript,
      code: `router.put('/profile', async (req, res) => {
  const saved = await profiles.update(req.body);
  if (!saved) return res.json({ message: 'Update failed' });
  res.json(saved);
});
`,
      errors: [{ messageId: "errorBody", line: 3 }],
    },
    {
      name: "next: a field named error that says what failed, beside words of success elsewhere, is still an error body",
      filename: "app/api/admin/flags/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function PUT() {
  return NextResponse.json({ error: 'Could not save the flag; request not fulfilled' });
}
`,
      errors: [{ messageId: "errorBody", line: 3 }],
    },
    {
      name: "express (JavaScript): a helper of this file that answers by itself is reported at each handler's call, naming the helper, and not again at the helper",
      filename: "src/controllers/wallet.js",
      languageOptions: javascript,
      code: `router.post('/pay', async (req, res) => {
  if (!req.body.invoice) return failBadArguments(res);
  res.send({ paid: true });
});
router.post('/topup', async (req, res) => {
  if (!(req.body.amount > 0)) return failBadArguments(res);
  res.send({ ok: true });
});
function failBadArguments(res) {
  return res.send({ error: true, code: 8, message: 'bad arguments' });
}
`,
      errors: [
        { messageId: "errorBody", line: 2, suggestions: [] },
        { messageId: "errorBody", line: 6, suggestions: [] },
      ],
    },
    {
      name: "express (JavaScript): a status set in a promise's success callback does not reach the sends of its other branch or of its catch, and a callback's error is sent in the branch that found it",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `import express from "express";
const router = express.Router();
router.post("/remove/:id", (req, res) => {
  Item.findOne({ id: req.params.id })
    .then((item) => {
      if (item.owner === req.params.owner) {
        Item.deleteOne({ id: item.id })
          .then(() => {
            res.status(302);
            res.end();
          })
          .catch((problem) => {
            res.send("Could not remove it: " + problem);
          });
      } else {
        res.send("Sorry! Something went wrong");
      }
    });
});
router.post("/picture/:id", (req, res) => {
  fs.unlink("/tmp/" + req.params.id, (err) => {
    if (err) {
      res.send(err);
      return;
    }
    res.sendStatus(204);
  });
});
export default router;
`,
      errors: [
        { messageId: "errorBody", line: 13, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `import express from "express";
const router = express.Router();
router.post("/remove/:id", (req, res) => {
  Item.findOne({ id: req.params.id })
    .then((item) => {
      if (item.owner === req.params.owner) {
        Item.deleteOne({ id: item.id })
          .then(() => {
            res.status(302);
            res.end();
          })
          .catch((problem) => {
            res.status(500).send("Could not remove it: " + problem);
          });
      } else {
        res.send("Sorry! Something went wrong");
      }
    });
});
router.post("/picture/:id", (req, res) => {
  fs.unlink("/tmp/" + req.params.id, (err) => {
    if (err) {
      res.send(err);
      return;
    }
    res.sendStatus(204);
  });
});
export default router;
` }] },
        { messageId: "errorBody", line: 16 },
        { messageId: "errorBody", line: 23, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `import express from "express";
const router = express.Router();
router.post("/remove/:id", (req, res) => {
  Item.findOne({ id: req.params.id })
    .then((item) => {
      if (item.owner === req.params.owner) {
        Item.deleteOne({ id: item.id })
          .then(() => {
            res.status(302);
            res.end();
          })
          .catch((problem) => {
            res.send("Could not remove it: " + problem);
          });
      } else {
        res.send("Sorry! Something went wrong");
      }
    });
});
router.post("/picture/:id", (req, res) => {
  fs.unlink("/tmp/" + req.params.id, (err) => {
    if (err) {
      res.status(500).send(err);
      return;
    }
    res.sendStatus(204);
  });
});
export default router;
` }] },
      ],
    },
    {
      name: "express: an error status written where the body goes (res.json(404)) is the body of a 200",
      filename: "lib/routes/api/jobs.js",
      code: `const express = require('express');
const app = express();
app.get('/jobs/:project', async (req, res) => {
  const project = await Project.findOne({ name: req.params.project });
  if (!project) {
    return res.json(404);
  }
  res.json(project.jobs);
});
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [{ messageId: "replaceStatus", output: `const express = require('express');
const app = express();
app.get('/jobs/:project', async (req, res) => {
  const project = await Project.findOne({ name: req.params.project });
  if (!project) {
    return res.status(404).json(404);
  }
  res.json(project.jobs);
});
` }] }],
    },
    {
      name: "express: an error a result carries, sent with 200 in the branch that found it (error.message, result.err.message)",
      filename: "src/routes/items.ts",
      code: `import express from 'express';
const router = express.Router();
router.get('/items', async (req, res) => {
  const { data, error } = await supabase.from('items').select();
  if (error) return res.json({ error: error.message });
  return res.json({ data });
});
router.get('/usage', async (req, res) => {
  const result = await cache.getUsage('x');
  if (result.err) return res.json({ usage: [], error: result.err.message });
  return res.json({ usage: result.val, error: null });
});
export default router;
`,
      // Nothing says which status the failure has (the store's, the client's?): no edit is offered.
      errors: [
        { messageId: "errorBody", line: 5, suggestions: [] },
        { messageId: "errorBody", line: 10, suggestions: [] },
      ],
    },
    {
      name: "express: the form shown again, or its errors sent, in the branch that found the request's validation errors",
      filename: "src/routes/settings.ts",
      code: `import express from 'express';
import { validationResult } from 'express-validator';
const router = express.Router();
router.post('/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.render('settings/apple-pay', { errors: { summary: summarize(errors) }, currentState: 'on' });
  }
  return res.redirect('/settings');
});
router.post('/api/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.json({ errors: errors.array() });
  return res.json({ ok: true });
});
export default router;
`,
      errors: [
        { messageId: "errorBody", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "res.status(400)" }, output: `import express from 'express';
import { validationResult } from 'express-validator';
const router = express.Router();
router.post('/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.status(400).render('settings/apple-pay', { errors: { summary: summarize(errors) }, currentState: 'on' });
  }
  return res.redirect('/settings');
});
router.post('/api/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.json({ errors: errors.array() });
  return res.json({ ok: true });
});
export default router;
` }] },
        { messageId: "errorBody", line: 13, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "res.status(400)" }, output: `import express from 'express';
import { validationResult } from 'express-validator';
const router = express.Router();
router.post('/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.render('settings/apple-pay', { errors: { summary: summarize(errors) }, currentState: 'on' });
  }
  return res.redirect('/settings');
});
router.post('/api/apple-pay', (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  return res.json({ ok: true });
});
export default router;
` }] },
      ],
    },
    {
      name: "hono (JSX): a page component handed the error it shows (errors={{ token: ... }}, or an object prop holding one) is sent with 200",
      filename: "src/pages/login.tsx",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/otp', async (c) => {
  const form = await c.req.parseBody();
  if (!(await verify(form.token))) {
    return c.html(<OtpPage next={form.next} errors={{ token: 'Invalid token.' }} />);
  }
  if (form.kind === 'hotp') return c.html(<AuthPage tfa={{ kind: form.kind, error: 'HOTP is not supported.' }} />);
  return c.html(<Layout title="Signed in" user={form.user} />);
});
`,
      // The field's message names the failure ("Invalid token."): the status goes where Hono takes it, after the page.
      errors: [{ messageId: "errorBody", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "c.html(..., 401)" }, output: `import { Hono } from 'hono';
const app = new Hono();
app.post('/otp', async (c) => {
  const form = await c.req.parseBody();
  if (!(await verify(form.token))) {
    return c.html(<OtpPage next={form.next} errors={{ token: 'Invalid token.' }} />, 401);
  }
  if (form.kind === 'hotp') return c.html(<AuthPage tfa={{ kind: form.kind, error: 'HOTP is not supported.' }} />);
  return c.html(<Layout title="Signed in" user={form.user} />);
});
` }] }, { messageId: "errorBody", line: 8, suggestions: [] }],
    },
    {
      name: "chanfana (Workers, Hono): what an OpenAPIRoute's handle returns as an object is sent with 200; a Response it returns keeps its status",
      filename: "src/modules/emails/sendEmail.ts",
      code: `import { OpenAPIRoute } from 'chanfana';
export class SendEmail extends OpenAPIRoute {
  async handle(c: any) {
    if (c.get('config').readonly === true) return Response.json({ msg: 'unauthorized' }, { status: 403 });
    if (!c.env.MAIL) {
      return { success: false, error: 'unavailable' };
    }
    return { success: true };
  }
}
class Other {
  async handle() {
    return { success: false, error: 'not a route' };
  }
}
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [] }],
    },
    {
      name: "express: an envelope that says ok around data that is only an error (error_code, error_type) is an error body, reported where the handler calls the helper that sends it",
      filename: "src/app-simplefin/app-simplefin.js",
      languageOptions: javascript,
      code: `function invalidToken(res) {
  res.send({
    status: 'ok',
    data: { error_type: 'INVALID_ACCESS_TOKEN', error_code: 'INVALID_ACCESS_TOKEN', reason: 'Invalid SimpleFIN access token.' },
  });
}
app.post('/accounts', async (req, res) => {
  const accounts = await getAccounts(req.body.accessKey);
  if (!accounts) return invalidToken(res);
  res.send({ status: 'ok', data: { accounts, error_code: null } });
});
`,
      errors: [{ messageId: "errorBody", line: 9, suggestions: [] }],
    },
    {
      name: "next.js: an error a result tuple found present (const [err, res] = await to(...); if (err) return { err }) is an error body",
      filename: "src/app/api/agents/route.ts",
      code: `async function getAllAgents() {
  const [err, res] = await asaw(fetch(\`\${process.env.OPAMP_URL}/api/agents\`));
  if (err) {
    return Response.json({ err });
  }
  return Response.json({ data: await res.json() });
}
export const GET = getAllAgents;
`,
      errors: [{ messageId: "errorBody", line: 4, suggestions: [] }],
    },
    {
      name: "h3 (Nuxt, Nitro): an auto-imported event handler's returned object is sent with 200, and an outcome code that names a failure is one",
      filename: "server/api/auth/verify-2fa.post.ts",
      code: `export default defineEventHandler(async (event) => {
  const { code } = await readBody(event);
  const session = await useWGSession(event);
  if (!session.data.pendingLogin) throw createError({ statusCode: 401, statusMessage: 'Invalid state' });
  if (session.data.pendingLogin.expires_at < Date.now()) {
    return { status: 'PENDING_LOGIN_EXPIRED' as const };
  }
  const result = await Database.users.verifyTotp(session.data.pendingLogin.userId, code);
  if (!result) return { error: 'Invalid TOTP code' };
  return { status: 'TOTP_REQUIRED' as const };
});
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [] }, { messageId: "errorBody", line: 9, suggestions: [] }],
    },
    {
      name: "express: a page rendered after a caught failure, its words written into res.locals first, at the default 200",
      filename: "routes/baseRouter.js",
      code: `import express from 'express';
const router = express.Router();
router.get('/blocks', asyncHandler(async (req, res, next) => {
  try {
    res.locals.blocks = await rpc.getBlocks(req.query.limit);
    await timePromise('blocks.render', async () => {
      res.render('blocks');
    });
  } catch (err) {
    res.locals.userMessage = 'Error: ' + err;
    await timePromise('blocks.render', async () => {
      res.render('blocks');
    });
  }
}));
router.get('/about', (req, res) => {
  res.locals.message = 'Welcome';
  res.render('about');
});
`,
      // The page rendered when all went well, and a page whose locals say nothing of a failure, are no error pages.
      errors: [{ messageId: "errorBody", line: 12, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `import express from 'express';
const router = express.Router();
router.get('/blocks', asyncHandler(async (req, res, next) => {
  try {
    res.locals.blocks = await rpc.getBlocks(req.query.limit);
    await timePromise('blocks.render', async () => {
      res.render('blocks');
    });
  } catch (err) {
    res.locals.userMessage = 'Error: ' + err;
    await timePromise('blocks.render', async () => {
      res.status(500).render('blocks');
    });
  }
}));
router.get('/about', (req, res) => {
  res.locals.message = 'Welcome';
  res.render('about');
});
` }] }],
    },
    {
      name: "express: a login page rendered again under a headline that says the password was wrong, at the default 200",
      filename: "src/routes/auth.ts",
      code: `import express from 'express';
const router = express.Router();
router.post('/auth', async (req, res) => {
  if (req.body.password !== process.env.PASSWORD) {
    res.render('auth', { title: 'Login page', header: 'Wrong password', csrfToken: req.csrfToken() });
    return;
  }
  res.render('auth', { title: 'Login page', header: 'Welcome back', csrfToken: req.csrfToken() });
});
`,
      // The page rendered for a good password says nothing of a failure.
      errors: [{ messageId: "errorBody", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "res.status(401)" }, output: `import express from 'express';
const router = express.Router();
router.post('/auth', async (req, res) => {
  if (req.body.password !== process.env.PASSWORD) {
    res.status(401).render('auth', { title: 'Login page', header: 'Wrong password', csrfToken: req.csrfToken() });
    return;
  }
  res.render('auth', { title: 'Login page', header: 'Welcome back', csrfToken: req.csrfToken() });
});
` }] }],
    },
    {
      name: "the same answer in a handler that reads the request itself is a lie",
      filename: "src/routers/emails.ts",
      code: `import express from 'express';
const router = express.Router();
router.post('/forward', async (req, res) => {
  const { message } = readRequestBody(req);
  if (!message) return res.status(400).send('Bad Request');
  const newsletterEmail = await findNewsletterEmailByAddress(JSON.parse(message).to);
  if (!newsletterEmail) {
    res.status(200).send('Not Found');
    return;
  }
  res.status(200).send('Email forwarded');
});
`,
      errors: [{ messageId: "errorBody", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import express from 'express';
const router = express.Router();
router.post('/forward', async (req, res) => {
  const { message } = readRequestBody(req);
  if (!message) return res.status(400).send('Bad Request');
  const newsletterEmail = await findNewsletterEmailByAddress(JSON.parse(message).to);
  if (!newsletterEmail) {
    res.status(404).send('Not Found');
    return;
  }
  res.status(200).send('Email forwarded');
});
` }] }],
    },
    {
      name: "express: a form page rendered again with the words of a failure, at the default 200",
      filename: "controllers/sign.js",
      languageOptions: javascript,
      code: `exports.updatePass = function (req, res, next) {
  if (req.body.psw !== req.body.repsw) {
    return res.render('sign/reset', { name: req.body.name, error: 'The two passwords do not match.' });
  }
  if (req.session.flash) return res.render('sign/reset', { error: req.flash('error') });
  next();
};
`,
      // The flashed message shows what an earlier request left: that page itself worked.
      errors: [{ messageId: "errorBody", line: 3, suggestions: [] }],
    },
    {
      name: "nestjs: an exception thrown with a success status (202) goes out as a success",
      filename: "server/src/common/guards/readonly.guard.ts",
      code: `import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class ReadonlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (process.env.READONLY === 'true') {
      throw new HttpException('The server is in read-only mode, changes are not allowed', 202);
    }
    return true;
  }
}
`,
      errors: [{ messageId: "errorRaised", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class ReadonlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (process.env.READONLY === 'true') {
      throw new HttpException('The server is in read-only mode, changes are not allowed', 403);
    }
    return true;
  }
}
` }] }],
    },
    {
      name: "nestjs: an exception thrown with a success status after a record's state was compared with a string (poll.status === 'closed') is no answer of another server turned into an error",
      filename: "server/src/polls/polls.service.ts",
      code: `import { HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class PollsService {
  constructor(private readonly polls: any) {}
  async vote(pollId: number, option: number) {
    const poll = await this.polls.findOne({ where: { id: pollId } });
    if (poll.status === 'closed') throw new HttpException('Voting is over for this poll', 202);
    return this.polls.vote(poll, option);
  }
}
`,
      // Its words name no status: the author chooses the 4xx.
      errors: [{ messageId: "errorRaised", line: 7, suggestions: [] }],
    },
    {
      name: "express: a catch that answers with null, as a success",
      filename: "server/src/routes/storage.ts",
      code: `import { Router } from 'express';
const router = Router();
router.get('/recordings', async (req, res) => {
  try {
    return res.send(await Robot.findAll({ where: { userId: req.user.id } }));
  } catch (e) {
    logger.log('info', 'Error while reading robots');
    return res.send(null);
  }
});
`,
      errors: [{ messageId: "errorBody", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `import { Router } from 'express';
const router = Router();
router.get('/recordings', async (req, res) => {
  try {
    return res.send(await Robot.findAll({ where: { userId: req.user.id } }));
  } catch (e) {
    logger.log('info', 'Error while reading robots');
    return res.status(500).send(null);
  }
});
` }] }],
    },
    {
      name: "express: a 2xx handed to next() as an error, with what was caught",
      filename: "server/routes/request.ts",
      code: `import { Router } from 'express';
const router = Router();
router.post('/', async (req, res, next) => {
  try {
    return res.status(201).json(await MediaRequest.request(req.body, req.user));
  } catch (error) {
    switch (error.constructor) {
      case DuplicateMediaRequestError:
        return next({ status: 409, message: error.message });
      case NoSeasonsAvailableError:
        return next({ status: 202, message: error.message });
      default:
        return next({ status: 500, message: error.message });
    }
  }
});
`,
      // The branch answers one error class of the application's: which status it deserves is its author's call.
      errors: [{ messageId: "errorBody", line: 11, suggestions: [] }],
    },
    {
      name: "next.js: the caught error, formatted by a helper, answered with the default 200",
      filename: "app/api/glm/route.ts",
      code: `import { NextRequest, NextResponse } from 'next/server';
import { prettyObject } from '@/app/utils/format';
export async function POST(req: NextRequest) {
  try {
    return await fetch('https://open.bigmodel.cn/api/paas/v4/chat/completions', { method: 'POST', body: req.body });
  } catch (e) {
    console.error('[GLM] ', e);
    return NextResponse.json(prettyObject(e));
  }
}
`,
      errors: [{ messageId: "errorBody", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "{ status: 502 }" }, output: `import { NextRequest, NextResponse } from 'next/server';
import { prettyObject } from '@/app/utils/format';
export async function POST(req: NextRequest) {
  try {
    return await fetch('https://open.bigmodel.cn/api/paas/v4/chat/completions', { method: 'POST', body: req.body });
  } catch (e) {
    console.error('[GLM] ', e);
    return NextResponse.json(prettyObject(e), { status: 502 });
  }
}
` }] }],
    },
    {
      name: "sveltekit: what a page's load and its form actions return as an object is page data, served with 200",
      filename: "src/routes/(site)/videos/[slug]/+page.server.ts",
      code: `import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
export const load: PageServerLoad = async ({ params }) => {
  const playlist = await db.playlist.findUnique({ where: { slug: params.slug } });
  if (!playlist) {
    return { status: 404, error: 'Playlist not found' };
  }
  return { playlist };
};
export const actions = {
  sync: async ({ params }) => {
    try {
      await syncPlaylist(params.slug);
      return { success: true, message: 'Synced' };
    } catch (error) {
      return { success: false, message: 'Error syncing the playlist' };
    }
  },
  async rename({ request }) {
    const data = await request.formData();
    if (!data.get('name')) return fail(400, { message: 'Name is required' });
    return { status: 'error', message: 'Invalid playlist' };
  },
} satisfies Actions;
`,
      errors: [
        { messageId: "errorBody", line: 6, suggestions: [] },
        { messageId: "errorBody", line: 16, suggestions: [] },
        { messageId: "errorBody", line: 22, suggestions: [] },
      ],
    },
    {
      name: "remix: a plain object an action returns goes out as 200 JSON, whatever status it writes inside",
      filename: "app/routes/api.v1.runs.$runId.reschedule.ts",
      code: `import { json, type ActionFunctionArgs } from '@remix-run/server-runtime';
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return { status: 405, body: 'Method Not Allowed' };
  }
  const project = await findProject(request);
  if (!project) return json({ error: 'Project not found' });
  return json({ ok: true, id: project.id });
}
`,
      errors: [
        // The object is not a Response: turning it into one is the author's choice, no fix in place.
        { messageId: "errorBody", line: 4, suggestions: [] },
        { messageId: "errorBody", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "{ status: 404 }" }, output: `import { json, type ActionFunctionArgs } from '@remix-run/server-runtime';
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return { status: 405, body: 'Method Not Allowed' };
  }
  const project = await findProject(request);
  if (!project) return json({ error: 'Project not found' }, { status: 404 });
  return json({ ok: true, id: project.id });
}
` }] },
      ],
    },
    {
      name: "nestjs: an exception filter that answers every error that reaches it with 200",
      filename: "src/filters/global-exception.filter.ts",
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    response?.status(HttpStatus.OK).json(toBody(exception));
  }
}
`,
      // One status answers every error there: no status change offered in place.
      errors: [{ messageId: "errorHandlerSuccess", line: 11, suggestions: [] }],
    },
    {
      name: "express: a catch that answers with only an error status written in the body ({ status: 500 }) sends it with 200; the try's status copied from a result is data",
      filename: "server/routes/printer-manager.routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();
router.post('/editPrinter', async (req, res) => {
  try {
    const editPrinter = await printers.edit(req.body);
    res.send({ status: editPrinter });
  } catch (e) {
    res.send({ status: 500 });
  }
});
module.exports = router;
`,
      errors: [{ messageId: "errorBody", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `const express = require('express');
const router = express.Router();
router.post('/editPrinter', async (req, res) => {
  try {
    const editPrinter = await printers.edit(req.body);
    res.send({ status: editPrinter });
  } catch (e) {
    res.status(500).send({ status: 500 });
  }
});
module.exports = router;
` }] }],
    },
    {
      name: "express: an error's words handed to a translation tag (t`User already exists`) are read as the words",
      filename: "server/src/controllers/users.ts",
      code: `import express from 'express';
import { t } from '@lingui/macro';
const router = express.Router();
router.post('/api/user/register', async (req, res) => {
  if (await users.findOne({ name: req.body.username })) {
    res.send({ errorMessage: t\`User already exists\`, MediaTrackerError: true });
    return;
  }
  res.send(await users.create(req.body));
});
`,
      errors: [{ messageId: "errorBody", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "res.status(409)" }, output: `import express from 'express';
import { t } from '@lingui/macro';
const router = express.Router();
router.post('/api/user/register', async (req, res) => {
  if (await users.findOne({ name: req.body.username })) {
    res.status(409).send({ errorMessage: t\`User already exists\`, MediaTrackerError: true });
    return;
  }
  res.send(await users.create(req.body));
});
` }] }],
    },
    {
      name: "express: error middleware whose request and next are placeholders (err, _, res, __) answers every error with res.json({ error }) and no status",
      filename: "server/api/index.ts",
      code: `import * as express from 'express';
import publicRoutes from './public';
function handleError(err, _, res, __) {
  console.error(err.stack);
  res.json({ error: err.message || err.toString() });
}
export default function api(server: express.Express) {
  server.use('/api/v1/public', publicRoutes, handleError);
}
`,
      errors: [{ messageId: "errorHandlerSuccess", line: 5, suggestions: [] }],
    },
    {
      name: "hono (JavaScript): the onError hook handed (err, c) that answers every error with c.json(...) and no status",
      filename: "mail-worker/src/hono/hono.js",
      languageOptions: javascript,
      code: `import { Hono } from 'hono';
import result from '../model/result';
const app = new Hono();
app.onError((err, c) => {
  if (err.name !== 'BizError') console.error(err);
  return c.json(result.fail(err.message, err.code));
});
export default app;
`,
      errors: [{ messageId: "errorHandlerSuccess", line: 6, suggestions: [] }],
    },
    {
      name: "express: error middleware that sends its error page with the default 200",
      filename: "src/middleware/errors.js",
      languageOptions: javascript,
      code: `module.exports = function handleErrors(err, req, res, next) {
  if (err.status === 302 && err.path) return res.status(200).json(err.path);
  res.render('500', { error: err.message });
  res.json({ error: 'Something went wrong' });
};
`,
      // The redirect an API client follows itself is no failure; the error page rendered with 200 is one.
      errors: [
        { messageId: "errorHandlerSuccess", line: 3, suggestions: [] },
        { messageId: "errorHandlerSuccess", line: 4, suggestions: [] },
      ],
    },
    {
      name: "express: an error page rendered with the default 200, its template named for the status it should have had",
      filename: "src/controllers/register.js",
      languageOptions: javascript,
      code: `exports.register = async function (req, res) {
  try {
    await verifyInvitation(req.query);
  } catch (e) {
    return res.render('400', { error: e.message });
  }
  res.render('register', { title: 'Register' });
};
`,
      errors: [{ messageId: "errorBody", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "res.status(400)" }, output: `exports.register = async function (req, res) {
  try {
    await verifyInvitation(req.query);
  } catch (e) {
    return res.status(400).render('400', { error: e.message });
  }
  res.render('register', { title: 'Register' });
};
` }] }],
    },
    {
      name: "trpc: a procedure built by the app (activeDriverProcedure) answers a failure with 200",
      filename: "src/trpc/routes/mail.ts",
      code: `import { activeDriverProcedure, router } from '../trpc';
export const mailRouter = router({
  toggleStar: activeDriverProcedure.input(schema).mutation(async ({ input }) => {
    if (!input.ids.length) return { success: false, error: 'No thread IDs provided' };
    return { success: true };
  }),
});
`,
      errors: [{ messageId: "errorBody", line: 4, suggestions: [] }],
    },
    {
      name: "trpc: a catch answers with the error told either way (error instanceof Error ? error.message : 'Unknown error')",
      filename: "src/server/api/routers/code.ts",
      code: `import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '../trpc';
export const utilsRouter = createTRPCRouter({
  applyDiff: protectedProcedure.input(z.object({ code: z.string() })).mutation(async ({ input }) => {
    try {
      return { result: await applyCodeChange(input.code), error: null };
    } catch (error) {
      return { error: error instanceof Error ? error.message : 'Unknown error', result: null };
    }
  }),
});
`,
      errors: [{ messageId: "errorBody", line: 8, suggestions: [] }],
    },
    {
      name: "fastify: a catch that answers with an empty list hides the failure as 'nothing found'",
      filename: "src/routes/gifs.ts",
      code: `import type { FastifyInstance } from 'fastify';
export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.get('/favorites', async (req, res) => {
    try {
      const gifs = await fastify.db.favorites.findMany({ where: { userId: req.userId } });
      return res.send({ gifs });
    } catch (err) {
      req.log.error({ err }, 'Error reading favorite gifs');
      return res.send({ gifs: [] });
    }
  });
}
`,
      errors: [{ messageId: "errorBody", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.code(500)" }, output: `import type { FastifyInstance } from 'fastify';
export default async function (fastify: FastifyInstance): Promise<void> {
  fastify.get('/favorites', async (req, res) => {
    try {
      const gifs = await fastify.db.favorites.findMany({ where: { userId: req.userId } });
      return res.send({ gifs });
    } catch (err) {
      req.log.error({ err }, 'Error reading favorite gifs');
      return res.code(500).send({ gifs: [] });
    }
  });
}
` }] }],
    },
    {
      name: "a catch that touches a task record without recording the failure still answers a failure with 200",
      filename: "src/routers/async/file.ts",
      code: `export async function embed(req: any, res: any) {
  const { ctx, input } = req;
  try {
    await embedChunks(input.fileId);
  } catch (e) {
    await ctx.asyncTaskModel.update(input.taskId, { progress: 100 });
    return res.json({ success: false, message: 'embedding failed' });
  }
}
`,
      errors: [{ messageId: "errorBody", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "res.status(500)" }, output: `export async function embed(req: any, res: any) {
  const { ctx, input } = req;
  try {
    await embedChunks(input.fileId);
  } catch (e) {
    await ctx.asyncTaskModel.update(input.taskId, { progress: 100 });
    return res.status(500).json({ success: false, message: 'embedding failed' });
  }
}
` }] }],
    },
    {
      name: "an error property made from the failure (mapError(result.error)) is there to describe it",
      filename: "src/integrations.ts",
      code: `export async function create(req: any, res: any) {
  const result = await testConnection(req.body);
  if (!result.success) {
    return res.json({ error: mapTestConnectionError(result.error) });
  }
  return res.status(201).json(await save(req.body));
}
`,
      // Nothing names the failure: no status to offer.
      errors: [{ messageId: "errorBody", line: 4, suggestions: [] }],
    },
    {
      name: "koa: an envelope built by a helper that cannot be followed, handed an error status and a message",
      filename: "src/controllers/interface.js",
      languageOptions: javascript,
      code: `module.exports = class InterfaceController {
  async list(ctx) {
    const projectId = ctx.params.project_id;
    if (!projectId) {
      return (ctx.body = yapi.commons.resReturn(null, 400, 'project id is required'));
    }
    ctx.body = yapi.commons.resReturn(await this.model.list(projectId, 500));
  }
};
`,
      errors: [{ messageId: "errorBody", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "ctx.status = 400" }, output: `module.exports = class InterfaceController {
  async list(ctx) {
    const projectId = ctx.params.project_id;
    if (!projectId) {
      ctx.status = 400;
      return (ctx.body = yapi.commons.resReturn(null, 400, 'project id is required'));
    }
    ctx.body = yapi.commons.resReturn(await this.model.list(projectId, 500));
  }
};
` }] }],
    },
    {
      name: "a helper the route hands its response to, known by its use (response.status(200).json)",
      filename: "src/resync.js",
      languageOptions: javascript,
      code: `async function resyncVideo({ link }, response) {
  try {
    const { content } = await fetchTranscript(link);
    response.status(200).json({ success: true, content });
  } catch (e) {
    response.status(200).json({ success: false, content: null });
  }
}
module.exports = { resyncVideo };
`,
      errors: [
        {
          messageId: "errorBody",
          line: 6,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: { status: 500, replacement: "500" },
              output: `async function resyncVideo({ link }, response) {
  try {
    const { content } = await fetchTranscript(link);
    response.status(200).json({ success: true, content });
  } catch (e) {
    response.status(500).json({ success: false, content: null });
  }
}
module.exports = { resyncVideo };
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: res.json({ error }) in a catch",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.get('/orders', async (req, res) => {
  try {
    const orders = await Order.find({ userId: req.user.id });
    res.json(orders);
  } catch (err) {
    res.json({ error: 'Could not load orders' });
  }
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 500 (or the 4xx or 5xx status that matches the failure)." },
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":500,"replacement":"res.status(500)"},
              output: `const express = require('express');
const router = express.Router();

router.get('/orders', async (req, res) => {
  try {
    const orders = await Order.find({ userId: req.user.id });
    res.json(orders);
  } catch (err) {
    res.status(500).json({ error: 'Could not load orders' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: success: false with a 200",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/subscribe', async (req, res) => {
  const result = await newsletter.subscribe(req.body.email);
  if (!result) {
    return res.status(200).json({ success: false, message: 'Subscription failed' });
  }
  res.json({ success: true });
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`success: false`). Nothing names the failure: send the 4xx or 5xx status that matches it." },
          line: 6,
          column: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: "express: sending the caught error",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await User.findById(req.params.id));
  } catch (e) {
    res.send(e.message);
  }
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (the caught error). Use 500 (or the 4xx or 5xx status that matches the failure)." },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":500,"replacement":"res.status(500)"},
              output: `const express = require('express');
const app = express();
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await User.findById(req.params.id));
  } catch (e) {
    res.status(500).send(e.message);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: a text saying a feature of the server is off or not set up refuses the work (403; 501 where it is not set up)",
      filename: "server/routes/convos.ts",
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/convos', async (ctx) => {
  if (!config.IS_PM_SYSTEM_ONLINE) {
    ctx.body = 'PM system currently disabled';
    return;
  }
  ctx.body = await db.findConvos(ctx.currUser.id);
});
router.get('/discord/callback', async (ctx) => {
  if (!discord) {
    ctx.body = 'Discord is not configured';
    return;
  }
  ctx.body = await discord.exchange(ctx.query.code);
});
router.post('/2fa/disable', async (ctx) => {
  await db.disableTwoFactor(ctx.currUser.id);
  ctx.body = 'Two-factor authentication has been disabled';
});
`,
      errors: [
        { messageId: "errorBody", data: { message: "200 success response carries an error body (text \"PM system currently disabled\"). Use 403 (or the 4xx or 5xx status that matches the failure)." }, line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "ctx.status = 403" }, output: `import Router from '@koa/router';
const router = new Router();
router.get('/convos', async (ctx) => {
  if (!config.IS_PM_SYSTEM_ONLINE) {
    ctx.status = 403;
    ctx.body = 'PM system currently disabled';
    return;
  }
  ctx.body = await db.findConvos(ctx.currUser.id);
});
router.get('/discord/callback', async (ctx) => {
  if (!discord) {
    ctx.body = 'Discord is not configured';
    return;
  }
  ctx.body = await discord.exchange(ctx.query.code);
});
router.post('/2fa/disable', async (ctx) => {
  await db.disableTwoFactor(ctx.currUser.id);
  ctx.body = 'Two-factor authentication has been disabled';
});
` }] },
        { messageId: "errorBody", data: { message: "200 success response carries an error body (text \"Discord is not configured\"). Use 501 (or the 4xx or 5xx status that matches the failure)." }, line: 12, suggestions: [{ messageId: "replaceStatus", data: { status: 501, replacement: "ctx.status = 501" }, output: `import Router from '@koa/router';
const router = new Router();
router.get('/convos', async (ctx) => {
  if (!config.IS_PM_SYSTEM_ONLINE) {
    ctx.body = 'PM system currently disabled';
    return;
  }
  ctx.body = await db.findConvos(ctx.currUser.id);
});
router.get('/discord/callback', async (ctx) => {
  if (!discord) {
    ctx.status = 501;
    ctx.body = 'Discord is not configured';
    return;
  }
  ctx.body = await discord.exchange(ctx.query.code);
});
router.post('/2fa/disable', async (ctx) => {
  await db.disableTwoFactor(ctx.currUser.id);
  ctx.body = 'Two-factor authentication has been disabled';
});
` }] },
      ],
    },
    {
      name: "koa: ctx.body with an error and no status",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Router = require('@koa/router');
const router = new Router();
router.get('/profile', async (ctx) => {
  const profile = await loadProfile(ctx.state.user);
  if (!profile) {
    ctx.body = { error: 'Profile not found' };
    return;
  }
  ctx.body = profile;
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"ctx.status = 404"},
              output: `const Router = require('@koa/router');
const router = new Router();
router.get('/profile', async (ctx) => {
  const profile = await loadProfile(ctx.state.user);
  if (!profile) {
    ctx.status = 404;
    ctx.body = { error: 'Profile not found' };
    return;
  }
  ctx.body = profile;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: reply.send with status: \"error\"",
      filename: "src/routes.ts",
      code: `import type { FastifyInstance } from 'fastify';
export default async function (app: FastifyInstance) {
  app.post('/jobs', async (request, reply) => {
    const job = await queue.add(request.body);
    if (!job) return reply.send({ status: 'error', message: 'Queue is full' });
    return reply.code(202).send({ id: job.id });
  });
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`status: \"error\"`). Nothing names the failure: send the 4xx or 5xx status that matches it." },
          line: 5,
          column: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "hono: c.json({ error }) without a status",
      filename: "src/routes.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/items/:id', async (c) => {
  const item = await getItem(c.req.param('id'));
  if (!item) return c.json({ error: 'Item not found' });
  return c.json(item);
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 5,
          column: 21,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"c.json(..., 404)"},
              output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/items/:id', async (c) => {
  const item = await getItem(c.req.param('id'));
  if (!item) return c.json({ error: 'Item not found' }, 404);
  return c.json(item);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "next: NextResponse.json({ error }) defaults to 200",
      filename: "app/api/item/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id');
  if (!id) return NextResponse.json({ error: 'id is required' });
  return NextResponse.json(await load(id));
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 400 (or the 4xx or 5xx status that matches the failure)." },
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":400,"replacement":"{ status: 400 }"},
              output: `import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id');
  if (!id) return NextResponse.json({ error: 'id is required' }, { status: 400 });
  return NextResponse.json(await load(id));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: @HttpCode(200) with an error body, reported where it is returned",
      filename: "src/routes.ts",
      code: `import { Controller, HttpCode, Post } from '@nestjs/common';
@Controller('imports')
export class ImportsController {
  @Post()
  @HttpCode(200)
  async run() {
    return { success: false, error: 'Import failed' };
  }
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`success: false`). Nothing names the failure: send the 4xx or 5xx status that matches it." },
          line: 7,
          column: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: "nest: the text a catch returns under @HttpCode(204) is sent with 204; no status edit is offered (the decorator serves the successful return too)",
      filename: "src/project/project.controller.ts",
      code: `import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
@Controller('project')
export class ProjectController {
  @Delete('/reset/:id')
  @HttpCode(204)
  async reset(@Param('id') id: string) {
    try {
      await this.clickhouse.command({ query: 'ALTER TABLE events DELETE WHERE pid={pid:String}', query_params: { pid: id } });
      return 'Project reset successfully';
    } catch (e) {
      this.logger.error(e);
      return 'Error while resetting your project';
    }
  }
}
`,
      errors: [{ messageId: "errorBody", line: 12, suggestions: [] }],
    },
    {
      name: "a status relayed from another service, inside the branch that found it 200",
      filename: "src/utils/proxy/handlers/generic.js",
      languageOptions: javascript,
      code: `export default async function genericProxyHandler(req, res) {
  const [status, contentType, data] = await httpProxy(req.query.url);
  if (status === 200) {
    if (!validateWidgetData(data)) {
      return res.status(status).json({ error: { message: 'Invalid data' } });
    }
    return res.status(status).send(data);
  }
  return res.status(status).send(data);
}
`,
      errors: [{ messageId: "errorBody", line: 5 }],
    },
    {
      name: "egg (tegg): what an @HTTPMethod method returns is sent with 200",
      filename: "app/port/controller/AdminController.ts",
      code: `import { Context, HTTPContext, HTTPController, HTTPMethod, HTTPMethodEnum } from 'egg';
@HTTPController()
export class AdminController {
  @HTTPMethod({ method: HTTPMethodEnum.PUT, path: '/-/admin/fix' })
  async fix(@HTTPContext() ctx: Context) {
    const isAdmin = await this.userRoleManager.isAdmin(ctx);
    if (!isAdmin) {
      return { ok: false, error: 'only admin can do this' };
    }
    return { ok: true };
  }
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`ok: false`). Use 403 (or the 4xx or 5xx status that matches the failure)." },
          line: 8,
          suggestions: [],
        },
      ],
    },
    {
      name: "nest: an exception returned instead of thrown is sent as a 200 body",
      filename: "src/server/server.service.ts",
      code: `import { Injectable, ServiceUnavailableException } from '@nestjs/common';
@Injectable()
export class ServerService {
  async getPairing() {
    if (!(await exists(this.path))) {
      return new ServiceUnavailableException('Pairing Information Not Available Yet');
    }
    return readJson(this.path);
  }
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`new ServiceUnavailableException(...)`, returned instead of thrown). Use 503 (or the 4xx or 5xx status that matches the failure)." },
          line: 6,
          suggestions: [],
        },
      ],
    },
    {
      name: "express: a handler that never touches its response returns its answer to the app's wrapper, which sends it with 200",
      filename: "src/routes/api/llm.ts",
      code: `import type { Request, Response } from 'express';
async function retryFailedIndexes(req: Request, res: Response) {
  const enabled = await options.getOptionBool('aiEnabled');
  if (!enabled) {
    return { success: false, message: 'AI features are disabled' };
  }
  return { success: true, count: await indexes.retry() };
}
export default { retryFailedIndexes };
`,
      errors: [
        {
          messageId: "errorBody",
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      name: "aws lambda / netlify function: what the handler returns is the response",
      filename: "netlify/functions/not-supported.js",
      languageOptions: javascript,
      code: `exports.handler = async () => ({
  statusCode: 200,
  body: JSON.stringify({ success: false, error: 'This action is not supported on Netlify' }),
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`success: false`). Nothing names the failure: send the 4xx or 5xx status that matches it." },
          line: 2,
          suggestions: [],
        },
      ],
    },
    {
      name: "fetch: Response.json with ok: false",
      filename: "functions/api/user.js",
      languageOptions: javascript,
      code: `export async function onRequest(context) {
  const user = await context.env.KV.get('user');
  if (!user) return Response.json({ ok: false, error: 'User not found' });
  return Response.json(JSON.parse(user));
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`ok: false`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"{ status: 404 }"},
              output: `export async function onRequest(context) {
  const user = await context.env.KV.get('user');
  if (!user) return Response.json({ ok: false, error: 'User not found' }, { status: 404 });
  return Response.json(JSON.parse(user));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: explicit 200 with an error",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const http = require('http');
http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ error: 'Method not allowed' }));
  }
  res.end('ok');
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 405 (or the 4xx or 5xx status that matches the failure)." },
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":405,"replacement":"405"},
              output: `const http = require('http');
http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.writeHead(405, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ error: 'Method not allowed' }));
  }
  res.end('ok');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: a handler without reply returns an error body",
      filename: "src/routes/invoices.ts",
      code: `import type { FastifyInstance } from 'fastify';

export default async function invoiceRoutes(app: FastifyInstance) {
  app.route({
    method: 'GET',
    url: '/invoices/:id',
    handler: async (request) => {
      const invoice = await app.db.invoice.findUnique({ where: { id: request.params.id } });
      if (!invoice) return { ok: false, error: 'Invoice not found' };
      return invoice;
    },
  });
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`ok: false`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 9,
          column: 28,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "node:http: an error body sent with res.end and no status",
      filename: "src/server.js",
      languageOptions: javascript,
      code: `import http from 'node:http';
import { findUser } from './users.js';

http.createServer(async (req, res) => {
  const user = await findUser(new URL(req.url, 'http://localhost').searchParams.get('id'));
  res.setHeader('content-type', 'application/json');
  if (!user) {
    res.end(JSON.stringify({ error: 'User not found' }));
    return;
  }
  res.end(JSON.stringify(user));
}).listen(3000);
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"res.statusCode = 404"},
              output: `import http from 'node:http';
import { findUser } from './users.js';

http.createServer(async (req, res) => {
  const user = await findUser(new URL(req.url, 'http://localhost').searchParams.get('id'));
  res.setHeader('content-type', 'application/json');
  if (!user) {
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'User not found' }));
    return;
  }
  res.end(JSON.stringify(user));
}).listen(3000);
`,
            },
          ],
        },
      ],
    },
    {
      name: "hapi: h.response without a code, and an error object returned",
      filename: "src/routes/subscriptions.ts",
      code: `import type { Server } from '@hapi/hapi';

export function subscriptionRoutes(server: Server) {
  server.route([
    {
      method: 'POST',
      path: '/subscriptions',
      handler: async (request, h) => {
        const plan = await plans.find(request.payload.planId);
        if (!plan) {
          return h.response({ success: false, message: 'Plan does not exist' });
        }
        return h.response(await subscriptions.create(plan)).code(201);
      },
    },
    {
      method: 'DELETE',
      path: '/subscriptions/{id}',
      options: {
        handler: async (request) => {
          try {
            await subscriptions.cancel(request.params.id);
            return { cancelled: true };
          } catch (err) {
            return { error: (err as Error).message };
          }
        },
      },
    },
  ]);
}
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (`success: false`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 11,
          column: 18,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"h.response(...).code(404)"},
              output: `import type { Server } from '@hapi/hapi';

export function subscriptionRoutes(server: Server) {
  server.route([
    {
      method: 'POST',
      path: '/subscriptions',
      handler: async (request, h) => {
        const plan = await plans.find(request.payload.planId);
        if (!plan) {
          return h.response({ success: false, message: 'Plan does not exist' }).code(404);
        }
        return h.response(await subscriptions.create(plan)).code(201);
      },
    },
    {
      method: 'DELETE',
      path: '/subscriptions/{id}',
      options: {
        handler: async (request) => {
          try {
            await subscriptions.cancel(request.params.id);
            return { cancelled: true };
          } catch (err) {
            return { error: (err as Error).message };
          }
        },
      },
    },
  ]);
}
`,
            },
          ],
        },
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `error`). Use 500 (or the 4xx or 5xx status that matches the failure)." },
          line: 25,
          column: 20,
          suggestions: [
          ],
        },
      ],
    },
    {
      name: "express: the words of an errors list give the status",
      filename: "src/routes/cart.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.post('/cart/items', async (req, res) => {
  const product = await products.bySku(req.body.sku);
  if (!product) {
    return res.json({ errors: [{ field: 'sku', message: 'Product not found' }] });
  }
  res.status(201).json(await cart.add(req.session.cartId, product));
});
`,
      errors: [
        {
          messageId: "errorBody",
          data: { message: "200 success response carries an error body (property `errors`). Use 404 (or the 4xx or 5xx status that matches the failure)." },
          line: 7,
          column: 12,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":404,"replacement":"res.status(404)"},
              output: `const express = require('express');
const router = express.Router();

router.post('/cart/items', async (req, res) => {
  const product = await products.bySku(req.body.sku);
  if (!product) {
    return res.status(404).json({ errors: [{ field: 'sku', message: 'Product not found' }] });
  }
  res.status(201).json(await cart.add(req.session.cartId, product));
});
`,
            },
          ],
        },
      ],
    },
  ],
});
