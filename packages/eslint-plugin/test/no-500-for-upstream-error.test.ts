// no-500-for-upstream-error: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.
import { javascript, ruleTester } from './rule-tester.js';
import rule from '../src/rules/no-500-for-upstream-error.js';

/** A Next.js route that asks OpenAI, whose `catch` is `catchBody`. */
const openAiRoute = (catchBody: string): string => `import { NextResponse } from 'next/server';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function GET() {
  try {
    return NextResponse.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: [] }));
  } catch (error) {
${catchBody}
  }
}
`;

ruleTester.run("no-500-for-upstream-error", rule, {
  valid: [
    {
      name: "next: a catch that answers the service's failures with 502 on another path; its 500 is what it told apart (a missing key)",
      filename: "app/api/chat/route.ts",
      code: openAiRoute(`    const missingKey = error instanceof Error && error.message === 'OPENAI_KEY not set';
    return NextResponse.json({ error: missingKey ? 'OPENAI_KEY not set' : 'OpenAI request failed' }, { status: missingKey ? 500 : 502 });`),
    },
    {
      name: "hono: an awaited call whose .catch keeps every failure (returns a fallback)",
      filename: "src/routes/repos.ts",
      code: `import { Hono } from 'hono';
import { Octokit } from '@octokit/rest';
const octokit = new Octokit();
const app = new Hono();
app.get('/repos/:name', async (c) => {
  const repo = await octokit.repos.get({ owner: 'o', repo: c.req.param('name') }).catch(() => undefined);
  return c.json({ repo: repo?.data ?? null });
});
`,
    },
    {
      name: "next: calls gathered in Promise.allSettled (which never rejects), or in a Promise.all the handler catches",
      filename: "app/api/files/route.ts",
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function GET() {
  const settled = await Promise.allSettled([openai.files.retrieve('a')]);
  try {
    await Promise.all([openai.files.retrieve('b')]);
  } catch {
    return Response.json({ error: 'unavailable' }, { status: 502 });
  }
  return Response.json(settled);
}
`,
    },
    {
      name: "next: a catch that answered the SDK's root error class (its connection errors extend it) before a last 500 for the rest",
      filename: "app/api/ask/route.ts",
      code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function POST(req: Request) {
  try {
    const body = await req.json();
    const answer = await anthropic.messages.create({ model: 'm', max_tokens: 100, messages: body.messages });
    return Response.json({ answer });
  } catch (error) {
    if (error instanceof Anthropic.APIError) {
      return Response.json({ error: error.message }, { status: error.status ?? 502 });
    }
    return Response.json({ error: 'Unexpected failure' }, { status: 500 });
  }
}
`,
    },
    {
      name: "passport: a local or token strategy asks no one; an OAuth 2.0 start only redirects; a callback of the app's answers the error; a middleware before it catches errors",
      filename: "config/routes.js",
      code: `const passport = require('passport');
module.exports = function (app) {
  app.post('/users/session', passport.authenticate('local', { failureRedirect: '/login' }), users.session);
  app.get('/me', passport.authenticate('jwt', { session: false }), users.me);
  app.get('/auth/github', passport.authenticate('github', { scope: ['user:email'] }));
  app.get('/auth/gitlab/callback', (req, res, next) => passport.authenticate('gitlab', (err, user) => (err ? res.status(502).end() : res.redirect('/')))(req, res, next));
  app.get('/auth/google/callback', catchError, passport.authenticate('google', { failureRedirect: '/login' }));
};
`,
    },
    {
      name: "next: an app helper that keeps its own failures (its catch rethrows nothing) lets no service failure reach the framework",
      filename: "app/api/tickets/route.ts",
      code: `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });
async function sendAssignedEmail(to: string) {
  try {
    await transporter.sendMail({ to, subject: 'Assigned', text: 'A ticket was assigned to you' });
  } catch (error) {
    console.log(error);
  }
}
export async function POST(req: Request) {
  const { email, items } = await req.json();
  await sendAssignedEmail(email);
  const names = await Promise.resolve(items.map((item: { name: string }) => item.name));
  return Response.json({ ok: true, names });
}
`,
    },
    {
      name: "express 4 answers no rejection of an async handler, and a helper's call may be caught by its callers: no framework 500 is read there",
      filename: "src/routes/chat.ts",
      code: `import express from 'express';
import OpenAI from 'openai';
const openai = new OpenAI();
const app = express();
app.post('/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
  res.json(completion);
});
export async function summarize(text: string) {
  return await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
}
`,
    },
    {
      name: "a mail sent and not awaited in an async handler fails after the try moved on: the catch answers the server's own work",
      filename: "src/routers/contact.ts",
      code: `import express from 'express';
import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
const app = express();
app.post('/contact', async (req, res) => {
  try {
    await prisma.notification.create({ data: { content: req.body.message } });
    transport.sendMail({ to: 'artist@example.com', text: req.body.message });
    res.json({ message: 'sent' });
  } catch (e) {
    res.status(500).json({ message: 'Could not store the message' });
  }
});
`,
    },
    {
      name: "the else of one test of the client's error (err instanceof AxiosError) answers what is left: the server's own failures",
      filename: "src/api/capture.ts",
      code: `import axios, { AxiosError } from 'axios';
export default async (request, response) => {
  try {
    await axios.post('https://api.paypal.com/v2/capture', request.body);
    await saveCapture(request.body);
    response.json({ ok: true });
  } catch (err) {
    if (err instanceof AxiosError) {
      response.status(502).json({ message: err.message });
    } else {
      response.status(500).json({ message: 'Internal error' });
    }
  }
};
`,
    },
    {
      name: "words of a storage service's failure after work its SDK does alone (a presigned address) name no failed call",
      filename: "server/src/common/utils/aws-utils.ts",
      code: `import { internal } from '@hapi/boom';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
const s3Client = new S3Client({});
export const s3SignedUrl = async (bucket: string, key: string) => {
  try {
    return await getSignedUrl(s3Client, new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    throw internal('error getting s3 file url', { key, bucket });
  }
};
`,
    },
    {
      name: "nest: words of an unavailable service on the path where the client's failures were told apart ('!(error instanceof AxiosError)') name no failed call",
      filename: "src/modules/common/credit-account.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { AxiosError } from 'axios';
@Injectable()
export class CreditAccountService {
  private handleError(error: unknown): void {
    if (!(error instanceof AxiosError)) {
      throw new InternalServerErrorException('Credit Account is unavailable.');
    }
  }
}
`,
    },
    {
      name: "next: streamText returns at once and its provider's failures arrive in the stream, not in this catch; tool() is local",
      filename: "app/api/chat/route.ts",
      code: `import { streamText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function POST(req: Request) {
  try {
    const { messages } = await req.json();
    const result = streamText({ model: openai('gpt-4o'), messages, tools: { weather: tool({ description: 'x' }) } });
    return result.toTextStreamResponse();
  } catch (error) {
    return Response.json({ error: 'Internal server error' }, { status: 500 });
  }
}
`,
    },
    {
      name: "nest: a handler wired to a client's events runs later (client.ev.process, client.on); a class that only imports the package's helpers is no client",
      filename: "src/whatsapp/whatsapp.service.ts",
      code: `import { InternalServerErrorException } from '@nestjs/common';
import makeWASocket from '@whiskeysockets/baileys';
import { AuthStateProvider } from './auth-state-provider';
export class WhatsappService {
  private client: ReturnType<typeof makeWASocket> | null = null;
  private authState = new AuthStateProvider();
  async connect() {
    try {
      const state = await this.authState.load();
      this.client = makeWASocket({ auth: state });
      this.client.ev.process(async (events) => {
        if (events.call) await this.client.rejectCall(events.call[0].id, events.call[0].from);
      });
      this.client.on('close', async () => { await this.client.sendMessage('admin', { text: 'closed' }); });
      return this.client;
    } catch (error) {
      throw new InternalServerErrorException(error?.toString());
    }
  }
}
`,
    },
    {
      name: "express: a failure of the server's own work handed to next(error) is the 500 it is",
      filename: "controllers/user.js",
      languageOptions: javascript,
      code: `export async function getAccount(req, res, next) {
  try {
    const user = await User.findById(req.user.id);
    res.render('account/profile', { user });
  } catch (error) {
    next(error);
  }
}
`,
    },
    {
      name: "a client typed by a local class of the application is not a package's",
      filename: "src/files/files.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { LocalStore } from './local-store';
@Injectable()
export class FilesService {
  constructor(private readonly store: LocalStore) {}
  async save(name: string, data: Buffer) {
    try {
      await this.store.write(name, data);
    } catch (error) {
      throw new InternalServerErrorException('Save failed');
    }
  }
}
`,
    },
    {
      name: "the calls to another service each handle their own failure (.catch(() => null)); the outer catch answers the rest",
      filename: "src/pages/api/kubernetes/stats.js",
      code: `import { CoreV1Api, Metrics } from '@kubernetes/client-node';
import { getKubeConfig } from '../../../utils/kubernetes';
export default async function handler(req, res) {
  try {
    const kc = getKubeConfig();
    const coreApi = kc.makeApiClient(CoreV1Api);
    const metricsApi = new Metrics(kc);
    const pods = await coreApi.listNamespacedPod({ namespace: req.query.namespace }).catch((err) => { logger.error(err); return null; });
    if (!pods) return res.status(502).send({ error: 'Error communicating with kubernetes' });
    const metrics = await metricsApi.getPodMetrics(req.query.namespace).then((response) => response.items).catch(() => null);
    res.status(200).json({ pods: pods.items.length, metrics: summarize(metrics) });
  } catch (e) {
    res.status(500).send({ error: 'unknown error' });
  }
}
`,
    },
    {
      name: "next.js: a failed call of the app's own route (its own origin, or a relative path) is the server's own failure",
      filename: "src/pages/api/chat.ts",
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const currentUrl = new URL(req.url!, \`http://\${req.headers.host}\`);
  const usageUrl = new URL(currentUrl.protocol + '//' + currentUrl.host + '/api/usage');
  const usageRes = await fetch(usageUrl, { method: 'GET' });
  if (!usageRes.ok) return res.status(500).json({ error: usageRes.statusText });
  try {
    await fetch('/api/collect', { method: 'POST', body: JSON.stringify(req.body) });
  } catch (error) {
    return res.status(500).json({ error: 'Could not store the chat' });
  }
  try {
    await fetch(\`\${process.env.NEXTAUTH_URL}/api/audit\`, { method: 'POST' });
  } catch (error) {
    return res.status(500).json({ error: 'Could not audit' });
  }
  res.status(200).json(await usageRes.json());
}
`,
    },
    {
      name: "next.js: minting a LiveKit access token is local work of the SDK (AccessToken#toJwt), no call to LiveKit",
      filename: "app/api/livekit/route.ts",
      code: `import { AccessToken } from 'livekit-server-sdk';
import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  try {
    const at = new AccessToken(process.env.LIVEKIT_API_KEY, process.env.LIVEKIT_API_SECRET, { identity: 'me' });
    at.addGrant({ room: 'r', roomJoin: true });
    const token = await at.toJwt();
    return NextResponse.json({ token });
  } catch (error) {
    return NextResponse.json({ error: 'Failed to generate token' }, { status: 500 });
  }
}
`,
    },
    {
      name: "presigning a URL and making a command object call nothing; a try that runs the server's own transaction is a catch-all",
      filename: "src/uploads.ts",
      code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { UploadPartCommand } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export async function presign(req: any, res: any) {
  try {
    const url = await getSignedUrl(client, new UploadPartCommand({ Bucket: 'b', Key: req.body.key, PartNumber: 1, UploadId: req.body.id }));
    return res.json({ url });
  } catch (err) {
    return res.status(500).json(err);
  }
}
export async function serveAsset(assetPath: string, res: any) {
  try {
    if (await readFromStorage(assetPath, res)) return;
    await readFromDb(assetPath, res);
  } catch (err: any) {
    if (err.code === 'ECONNABORTED' || err.code === 'EPIPE') return;
    res.sendStatus(500);
  }
}
export async function sync(req: any, res: any) {
  try {
    const list = await stripe.subscriptions.list({ customer: req.body.customer });
    await db.transaction(async (trx: any) => {
      await trx.update(users).set({ tier: list.data.length > 0 ? 'paid' : 'free' });
    });
    return res.json({ ok: true });
  } catch (err) {
    return res.status(500).json({ error: 'Internal server error' });
  }
}
`,
    },
    {
      name: "express: 500 for the server's own failure",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/reports', async (req, res) => {
  try {
    const report = buildReport(req.body);
    await db.reports.insert(report);
    res.status(201).json(report);
  } catch (err) {
    res.status(500).json({ error: 'Internal server error' });
  }
});
`,
    },
    {
      name: "express: 502 used correctly",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const axios = require('axios');
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json((await axios.get('https://x.example.com')).data);
  } catch (err) {
    res.status(502).json({ error: 'upstream failed' });
  }
});
`,
    },
    {
      name: "express: error middleware",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.message });
});
`,
    },
    {
      name: "client: fetch wrapper is not a server",
      filename: "src/client.js",
      languageOptions: javascript,
      code: `async function load() {
  try {
    const res = await fetch('/api/data');
    return await res.json();
  } catch (error) {
    return { status: 500 };
  }
}
`,
    },
    {
      name: "express: a client named like an SDK that its package says makes no request",
      filename: "src/routes/models.ts",
      code: `import express from 'express';
import { openai } from '@ai-sdk/openai';

const app = express();

app.get('/models/:id', (req, res) => {
  try {
    const model = openai.languageModel(req.params.id);
    res.json({ id: model.modelId });
  } catch {
    res.status(500).json({ error: 'Unexpected model id' });
  }
});
`,
    },
    {
      name: "express: a status compared with a word is a state of a record, not an HTTP status",
      filename: "src/routes/jobs.ts",
      code: `import express from 'express';
import { prisma } from '../db.js';

const app = express();

app.get('/jobs/:id/result', async (req, res) => {
  const job = await prisma.job.findUniqueOrThrow({ where: { id: req.params.id } });
  if (job.status === 'failed') {
    return res.status(500).json({ error: 'The job failed' });
  }
  res.json(job.result);
});
`,
    },
    {
      name: "nest: a catch that only tells its own errors apart",
      filename: "src/pricing/pricing.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { PriceTable } from './price-table';

@Injectable()
export class PricingService {
  constructor(private readonly table: PriceTable) {}

  quote(sku: string, quantity: number) {
    try {
      return this.table.priceFor(sku, quantity);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new InternalServerErrorException('Price table is corrupt');
      }
      throw error;
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "next: a catch that only tests for the service's 503 (err.status === 503) still answers its other failures 500",
      filename: "app/api/projects/route.ts",
      code: openAiRoute(`    if ((error as { statusCode?: number }).statusCode === 503) console.warn(error);
    return NextResponse.json({ error: 'OpenAI request failed' }, { status: 500 });`),
      errors: [{ messageId: "upstreamText", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: openAiRoute(`    if ((error as { statusCode?: number }).statusCode === 503) console.warn(error);
    return NextResponse.json({ error: 'OpenAI request failed' }, { status: 502 });`) }] }],
    },
    {
      name: "hono: an awaited call whose .catch passes on what it does not expect (throw err), or that is only read with .then, still fails the handler",
      filename: "src/routes/repos.ts",
      code: `import { Hono } from 'hono';
import { Octokit } from '@octokit/rest';
const octokit = new Octokit();
const app = new Hono();
app.get('/repos/:name', async (c) => {
  const repo = await octokit.repos.get({ owner: 'o', repo: c.req.param('name') }).catch((err) => {
    if (err.status === 404) return undefined;
    throw err;
  });
  if (!repo) return c.json({ error: 'not found' }, 404);
  const topics = await octokit.repos.getAllTopics({ owner: 'o', repo: repo.data.name }).then((answer) => answer.data.names);
  return c.json({ repo: repo.data, topics });
});
`,
      errors: [
        { messageId: "upstreamCall", line: 6, suggestions: [] },
        { messageId: "upstreamCall", line: 11, suggestions: [] },
      ],
    },
    {
      name: "next: calls to another service gathered in an awaited Promise.all (inside .map, or kept and listed) reject what the handler awaits",
      filename: "app/api/files/route.ts",
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function GET(request: Request) {
  const ids = new URL(request.url).searchParams.getAll('id');
  const details = await Promise.all(
    ids.map(async (id) => {
      const file = await openai.files.retrieve(id);
      return { name: file.filename };
    }),
  );
  const notify = openai.moderations.create({ input: 'listed' });
  await Promise.all([notify]);
  return Response.json(details);
}
`,
      errors: [
        { messageId: "upstreamCall", line: 7, suggestions: [] },
        { messageId: "upstreamCall", line: 11, suggestions: [] },
      ],
    },
    {
      name: "express: a catch that answers 500 when Svix's API (a resource of its client) failed",
      filename: "src/routes/portal.ts",
      code: `import { Svix, Webhook } from 'svix';
import express from 'express';
const app = express();
const svix = new Svix('key');
app.post('/portal', async (req, res) => {
  try {
    const access = await svix.authentication.appPortalAccess('app-1', {});
    res.json(access);
  } catch (e) {
    res.status(500).json({ error: 'failed' });
  }
});
app.post('/hooks/in', async (req, res) => {
  try {
    new Webhook('secret').verify(req.body, req.headers as Record<string, string>);
    res.sendStatus(204);
  } catch (e) {
    res.status(500).json({ error: 'bad delivery' });
  }
});
`,
      errors: [{ messageId: "upstreamCall", line: 10, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import { Svix, Webhook } from 'svix';
import express from 'express';
const app = express();
const svix = new Svix('key');
app.post('/portal', async (req, res) => {
  try {
    const access = await svix.authentication.appPortalAccess('app-1', {});
    res.json(access);
  } catch (e) {
    res.status(502).json({ error: 'failed' });
  }
});
app.post('/hooks/in', async (req, res) => {
  try {
    new Webhook('secret').verify(req.body, req.headers as Record<string, string>);
    res.sendStatus(204);
  } catch (e) {
    res.status(500).json({ error: 'bad delivery' });
  }
});
` }] }],
    },
    {
      name: "passport: the provider's callback (and an OAuth 1.0a or OpenID start) asks the provider; its failure goes to next(err) and the error middleware answers 500",
      filename: "config/routes.js",
      code: `module.exports = function (app, passport) {
  const pauth = passport.authenticate.bind(passport);
  app.get('/auth/github', pauth('github', { failureRedirect: '/login' }), users.signin);
  app.get('/auth/github/callback', pauth('github', { failureRedirect: '/login' }), users.authCallback);
  app.get('/auth/twitter', pauth('twitter'), users.signin);
  app.get('/login/discord', passport.authenticate('discord'));
  app.get('/login/auth/discord', passport.authenticate('discord', { failureRedirect: '/login' }), redirectPostLogin);
};
`,
      errors: [
        { messageId: "upstreamCall", line: 4, suggestions: [] },
        { messageId: "upstreamCall", line: 5, suggestions: [] },
        { messageId: "upstreamCall", line: 7, suggestions: [] },
      ],
    },
    {
      name: "express: a router made with express-promise-router hands a rejected handler's error to the error middleware (500)",
      filename: "src/service/router.ts",
      code: `import Router from 'express-promise-router';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export function createRouter() {
  const router = Router();
  router.post('/checkout', async (req, res) => {
    const session = await stripe.checkout.sessions.create({ mode: 'payment' });
    res.json({ url: session.url });
  });
  return router;
}
`,
      errors: [{ messageId: "upstreamCall", line: 7, suggestions: [] }],
    },
    {
      name: "trpc: Clerk's Backend API and Stripe called in procedures with nothing catching them; testing what was found is no handling of a failure",
      filename: "packages/api/src/router/organizations.ts",
      code: `import { auth, clerkClient, currentUser } from '@clerk/nextjs';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export const organizationsRouter = createTRPCRouter({
  inviteMember: protectedProcedure.mutation(async (opts) => {
    const { orgId } = auth();
    const users = await clerkClient.users.getUserList({ emailAddress: [opts.input.email] });
    const user = users[0];
    if (!user) throw new TRPCError({ code: 'NOT_FOUND' });
    return { orgId, userId: user.id };
  }),
  checkout: protectedProcedure.mutation(async () => {
    const session = await stripe.checkout.sessions.create({ mode: 'subscription' });
    if (!session.url) return { success: false as const };
    return { success: true as const, url: session.url };
  }),
  me: protectedProcedure.query(async () => {
    const result = await fetchProfile();
    if (!result.ok) return null;
    return currentUser();
  }),
});
`,
      errors: [
        { messageId: "upstreamCall", line: 7, suggestions: [] },
        { messageId: "upstreamCall", line: 13, suggestions: [] },
        { messageId: "upstreamCall", line: 20, suggestions: [] },
      ],
    },
    {
      name: "express: a handler handed to an async wrapper (asyncHandler) passes its rejection to the error middleware, whose answer is 500; a bare async handler's gets none",
      filename: "src/routes/otp.ts",
      code: `import express from 'express';
import axios from 'axios';
import asyncHandler from 'express-async-handler';
const router = express.Router();
router.post('/otp', asyncHandler(async (req, res) => {
  await axios.post(process.env.EMAILER_URL + '/otp', { email: req.body.email });
  res.sendStatus(204);
}));
router.post('/plain', async (req, res) => {
  await axios.post(process.env.EMAILER_URL + '/otp', { email: req.body.email });
  res.sendStatus(204);
});
`,
      errors: [{ messageId: "upstreamCall", line: 6, suggestions: [] }],
    },
    {
      name: "fastify: a call of an AWS SDK v2 client (sent by .promise(), or awaited as is) that nothing catches is answered 500; the SDK's own settings are local work",
      filename: "lib/routes/email.js",
      languageOptions: javascript,
      code: `const AWS = require('aws-sdk');
module.exports = async function (server) {
  AWS.config.update({ region: process.env.AWS_REGION });
  const ses = new AWS.SES();
  const sqs = new AWS.SQS();
  server.route({
    method: 'POST',
    url: '/email',
    handler: async (request, reply) => {
      await ses.sendEmail({ Source: 'a@b.c' }).promise();
      await sqs.sendMessage({ QueueUrl: 'q' });
      reply.status(204);
    },
  });
  server.route({
    method: 'POST',
    url: '/settings',
    handler: async (request, reply) => {
      AWS.config.update({ region: request.body.region });
      reply.status(204);
    },
  });
};
`,
      errors: [
        { messageId: "upstreamCall", line: 10, suggestions: [] },
        { messageId: "upstreamCall", line: 11, suggestions: [] },
      ],
    },
    {
      name: "remix: a route module's loader that does not catch a call of Stripe's client is answered 500 by Remix (its error boundary); a component's function is not a loader",
      filename: "app/routes/billing.ts",
      code: `import { json } from '@remix-run/node';
import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
export async function loader() {
  const customer = await stripe.customers.retrieve('cus_1');
  return json({ customer });
}
export async function refresh() {
  return stripe.customers.retrieve('cus_1');
}
`,
      errors: [{ messageId: "upstreamCall", line: 5, suggestions: [] }],
    },
    {
      name: "fastify: a catch that releases the database client and throws what it caught lets an uncaught service call reach the framework's 500; one that answers is read there",
      filename: "src/routes/assets/asset.ts",
      code: `import axios from 'axios';
import { FastifyInstance } from 'fastify';
export default async function route(fastify: FastifyInstance) {
  fastify.get('/assets/:asset', async (request: any, reply) => {
    const client = await fastify.pg.connect();
    try {
      const { rows } = await client.query('select 1', [request.params.asset]);
      const metadata = await axios.get(\`https://tokens.cardano.org/metadata/\${request.params.asset}\`);
      return reply.send({ ...rows[0], metadata: metadata.data });
    } catch (error) {
      client.release();
      throw error;
    }
  });
  fastify.get('/assets/:asset/history', async (request: any, reply) => {
    try {
      const history = await axios.get(\`https://tokens.cardano.org/history/\${request.params.asset}\`);
      return reply.send(history.data);
    } catch (error) {
      if (request.params.asset === 'x') throw error;
      return reply.send([]);
    }
  });
}
`,
      errors: [{ messageId: "upstreamCall", line: 8, suggestions: [] }],
    },
    {
      name: "sveltekit: a 500 in the branch where a Result made from a call of OpenAI's client is an error (neverthrow's ResultAsync.fromPromise)",
      filename: "src/routes/api/enhance-prompt/+server.ts",
      code: `import { error, json } from '@sveltejs/kit';
import { ResultAsync } from 'neverthrow';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST({ request }) {
  const { prompt } = await request.json();
  const enhanced = await ResultAsync.fromPromise(openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }), (e) => String(e));
  if (enhanced.isErr()) {
    return error(500, 'error enhancing the prompt');
  }
  return json({ enhanced_prompt: enhanced.value.choices[0]?.message?.content });
}
`,
      errors: [{ messageId: "upstreamCall", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import { error, json } from '@sveltejs/kit';
import { ResultAsync } from 'neverthrow';
import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST({ request }) {
  const { prompt } = await request.json();
  const enhanced = await ResultAsync.fromPromise(openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }), (e) => String(e));
  if (enhanced.isErr()) {
    return error(502, 'error enhancing the prompt');
  }
  return json({ enhanced_prompt: enhanced.value.choices[0]?.message?.content });
}
` }] }],
    },
    {
      name: "next pages: an API route that does not catch a call of Stripe's client, or of its own function whose work is Stripe's, is answered 500 by Next.js",
      filename: "pages/api/plans/index.ts",
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_API_KEY!);
async function create(email: string, priceId: string) {
  const customer = await stripe.customers.create({ email });
  const session = await stripe.checkout.sessions.create({ customer: customer.id, line_items: [{ price: priceId, quantity: 1 }] });
  return session.url;
}
export default async function handler(request: NextApiRequest, response: NextApiResponse) {
  if (request.method === 'POST') {
    const url = await create(request.body.email, request.body.priceId);
    return response.status(200).json({ redirectUrl: url });
  }
  const { data } = await stripe.products.list({ active: true });
  return response.status(200).json({ plans: data });
}
`,
      errors: [
        { messageId: "upstreamCall", line: 11, suggestions: [] },
        { messageId: "upstreamCall", line: 14, suggestions: [] },
      ],
    },
    {
      name: "sveltekit: a page's load and a form action that do not catch a call of OpenAI's client are answered 500 by SvelteKit; another function of the module is not",
      filename: "src/routes/admin/+page.server.ts",
      code: `import OpenAI from 'openai';
import type { Actions } from './$types';
const openai = new OpenAI();
export const load = async () => {
  const models = await openai.models.list();
  return { models };
};
export const actions = {
  summarize: async ({ request }) => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [] });
    return { summary: completion.choices[0].message.content };
  },
} satisfies Actions;
export async function warm() {
  return openai.models.list();
}
`,
      errors: [
        { messageId: "upstreamCall", line: 5, suggestions: [] },
        { messageId: "upstreamCall", line: 10, suggestions: [] },
      ],
    },
    {
      name: "next: a call to a named service's client that nothing in the route handler catches is answered 500 by the framework; a caught call, a tested answer and a bare fetch are not read so",
      filename: "app/api/chat/route.ts",
      code: `import OpenAI from 'openai';
import axios from 'axios';
const openai = new OpenAI();
export async function POST(req: Request) {
  const { prompt } = await req.json();
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
  const items = await axios.get('https://api.example.com/v1/items');
  const extra = await axios.get('https://api.example.com/v1/extra').catch(() => null);
  const origin = await fetch(process.env.ORIGIN + '/items');
  const checked = await axios.get('https://api.example.com/v1/checked');
  if (checked.status !== 200) return Response.json({ error: 'upstream' }, { status: 502 });
  return Response.json({ text: completion.choices[0].message.content, items: items.data, extra: extra?.data, origin: origin.ok });
}
`,
      errors: [
        { messageId: "upstreamCall", line: 6, suggestions: [] },
        { messageId: "upstreamCall", line: 7, suggestions: [] },
      ],
    },
    {
      name: "cloudflare pages: a function the onRequest export hands its whole work to fails as the handler does; its call is reported where it is made, once",
      filename: "functions/api/v1/billing.ts",
      code: `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
export const onRequest: PagesFunction = async ({ request }) => {
  return handleRequest(request);
};
export async function handleRequest(request: Request): Promise<Response> {
  const customer = await stripe.customers.create({ email: (await request.json()).email });
  return Response.json({ id: customer.id });
}
`,
      errors: [{ messageId: "upstreamCall", line: 7, suggestions: [] }],
    },
    {
      name: "hono: a fetch of an outside address the code writes out, uncaught, is answered 500 by the framework; a fetch of an address from the environment is not read so",
      filename: "src/routes/releases.ts",
      code: `import { Hono } from 'hono';
export const releases = new Hono();
releases.get('/releases', async (c) => {
  const response = await fetch('https://api.github.com/repos/acme/app/releases', { headers: { accept: 'application/vnd.github+json' } });
  const own = await fetch(process.env.ORIGIN + '/internal/cache');
  return c.json({ releases: await response.json(), cached: own.ok });
});
`,
      errors: [{ messageId: "upstreamCall", line: 4, suggestions: [] }],
    },
    {
      name: "express: a local the handler reads from the error (get(e, 'response.status')) is what it tests: an answer of the service",
      filename: "server/lib/gateway/gateway.getKeys.js",
      languageOptions: javascript,
      code: `const { get } = require('lodash');
const gateway = require('./gateway-client');
async function getKeys(req, res) {
  try {
    const keys = await gateway.getUsersInstance();
    res.json(keys);
  } catch (e) {
    const status = get(e, 'response.status');
    if (status) {
      res.status(500).json({ message: 'Gateway refused' });
    }
  }
}
module.exports = { getKeys };
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after \`gateway.getUsersInstance(...)\` failed (its failure handler tests \`response.status\`, a network error); the upstream call failed. Use 502 Bad Gateway." },
          line: 10,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: { status: 502, replacement: "502" },
              output: `const { get } = require('lodash');
const gateway = require('./gateway-client');
async function getKeys(req, res) {
  try {
    const keys = await gateway.getUsersInstance();
    res.json(keys);
  } catch (e) {
    const status = get(e, 'response.status');
    if (status) {
      res.status(502).json({ message: 'Gateway refused' });
    }
  }
}
module.exports = { getKeys };
`,
            },
          ],
        },
      ],
    },
    {
      name: "next: generateText of the Vercel AI SDK asks the model's provider; its failure caught and answered 500",
      filename: "app/api/research/route.ts",
      code: `import { generateText } from 'ai';
import { xai } from '@ai-sdk/xai';
export async function POST(req: Request) {
  try {
    const { prompt } = await req.json();
    const { text } = await generateText({ model: xai.responses('grok-4'), prompt });
    return Response.json({ text });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal server error' }, { status: 500 });
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 10, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import { generateText } from 'ai';
import { xai } from '@ai-sdk/xai';
export async function POST(req: Request) {
  try {
    const { prompt } = await req.json();
    const { text } = await generateText({ model: xai.responses('grok-4'), prompt });
    return Response.json({ text });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal server error' }, { status: 502 });
  }
}
` }] }],
    },
    {
      name: "nest: the socket a WhatsApp client package makes in a method (this.client = makeWASocket()) calls WhatsApp; a function imported from it (isJidGroup) is local",
      filename: "src/whatsapp/whatsapp.service.ts",
      code: `import { InternalServerErrorException } from '@nestjs/common';
import makeWASocket, { isJidGroup } from '@whiskeysockets/baileys';
export class WhatsappService {
  private client: ReturnType<typeof makeWASocket> | null = null;
  async connect(config) {
    this.client = makeWASocket(config);
  }
  async updateProfileName(name: string) {
    try {
      await this.client.updateProfileName(name);
      return { update: 'success' };
    } catch (error) {
      throw new InternalServerErrorException('Error updating profile name', error.toString());
    }
  }
  async isGroup(jid: string) {
    try {
      return { group: isJidGroup(jid), known: await this.repository.findChat(jid) };
    } catch (error) {
      throw new InternalServerErrorException('Error reading chat', error.toString());
    }
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 13, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "BadGatewayException" }, output: `import { InternalServerErrorException, BadGatewayException } from '@nestjs/common';
import makeWASocket, { isJidGroup } from '@whiskeysockets/baileys';
export class WhatsappService {
  private client: ReturnType<typeof makeWASocket> | null = null;
  async connect(config) {
    this.client = makeWASocket(config);
  }
  async updateProfileName(name: string) {
    try {
      await this.client.updateProfileName(name);
      return { update: 'success' };
    } catch (error) {
      throw new BadGatewayException('Error updating profile name', error.toString());
    }
  }
  async isGroup(jid: string) {
    try {
      return { group: isJidGroup(jid), known: await this.repository.findChat(jid) };
    } catch (error) {
      throw new InternalServerErrorException('Error reading chat', error.toString());
    }
  }
}
` }] }],
    },
    {
      name: "next.js: a plain Error thrown in the route when the storage service answered non-OK is the framework's 500",
      filename: "app/api/files/[key]/route.ts",
      code: `export async function DELETE(request: Request, { params }: { params: { key: string } }) {
  const res = await fetch('https://api.cloudinary.com/v1_1/demo/resources/image/upload?public_ids=' + params.key, { method: 'DELETE' });
  if (!res.ok) {
    throw new Error('Failed to delete object');
  }
  const row = await db.files.findOne({ key: params.key });
  if (!row) throw new Error('File not found in the database');
  return Response.json({ deleted: true });
}
export class CloudinaryAdapter {
  async deleteObject(key: string) {
    const res = await fetch('https://api.cloudinary.com/v1_1/demo/resources/image/upload?public_ids=' + key, { method: 'DELETE' });
    if (!res.ok) throw new Error('Failed to delete object');
  }
}
`,
      // The error carries no status to rewrite: no edit is offered. A helper's error (the adapter's) may be caught by its
      // callers and answered otherwise: not reported there.
      errors: [{ messageId: "upstreamCall", line: 4, suggestions: [] }],
    },
    {
      name: "express: the caught failure of another service handed to next(error), which the error middleware answers with 500",
      filename: "controllers/api.js",
      languageOptions: javascript,
      code: `import { Octokit } from '@octokit/rest';
export async function getGithub(req, res, next) {
  try {
    const github = new Octokit();
    const { data: repo } = await github.repos.get({ owner: 'sahat', repo: 'hackathon-starter' });
    res.render('api/github', { repo });
  } catch (error) {
    next(error);
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 8, suggestions: [] }],
    },
    {
      name: "a general HTTP client (betterFetch) at an outside address the code fixes: its error result and its catch are that service's failure",
      filename: "src/plugins/haveibeenpwned.ts",
      code: `import express from 'express';
import { betterFetch } from '@better-fetch/fetch';
const app = express();
app.post('/password/check', async (req, res) => {
  const prefix = '21BD1';
  try {
    const { data, error } = await betterFetch<string>('https://api.pwnedpasswords.com/range/' + prefix);
    if (error) return res.status(500).json({ message: 'Failed to check password' });
    return res.json({ found: data.includes(prefix) });
  } catch (error) {
    return res.status(500).json({ message: 'Failed to check password. Please try again later.' });
  }
});
`,
      errors: [
        { messageId: "upstreamCall", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import express from 'express';
import { betterFetch } from '@better-fetch/fetch';
const app = express();
app.post('/password/check', async (req, res) => {
  const prefix = '21BD1';
  try {
    const { data, error } = await betterFetch<string>('https://api.pwnedpasswords.com/range/' + prefix);
    if (error) return res.status(502).json({ message: 'Failed to check password' });
    return res.json({ found: data.includes(prefix) });
  } catch (error) {
    return res.status(500).json({ message: 'Failed to check password. Please try again later.' });
  }
});
` }] },
        { messageId: "upstreamCall", line: 11, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import express from 'express';
import { betterFetch } from '@better-fetch/fetch';
const app = express();
app.post('/password/check', async (req, res) => {
  const prefix = '21BD1';
  try {
    const { data, error } = await betterFetch<string>('https://api.pwnedpasswords.com/range/' + prefix);
    if (error) return res.status(500).json({ message: 'Failed to check password' });
    return res.json({ found: data.includes(prefix) });
  } catch (error) {
    return res.status(502).json({ message: 'Failed to check password. Please try again later.' });
  }
});
` }] },
      ],
    },
    {
      name: "nest: a client known only by its declared type (ctx: GSCContext = { sc: ReturnType<typeof searchconsole> }) is that package's",
      filename: "src/project/gsc.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { searchconsole } from '@googleapis/searchconsole';
export type GSCContext = { sc: ReturnType<typeof searchconsole>; siteUrl: string };
@Injectable()
export class GSCService {
  async topPages(ctx: GSCContext) {
    try {
      const { data } = await ctx.sc.searchanalytics.query({ siteUrl: ctx.siteUrl });
      return data.rows ?? [];
    } catch {
      throw new InternalServerErrorException('Failed to fetch top pages from Search Console');
    }
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 11, suggestions: [{ messageId: "replaceStatus", data: {"status":502,"replacement":"BadGatewayException"}, output: `import { Injectable, BadGatewayException } from '@nestjs/common';
import { searchconsole } from '@googleapis/searchconsole';
export type GSCContext = { sc: ReturnType<typeof searchconsole>; siteUrl: string };
@Injectable()
export class GSCService {
  async topPages(ctx: GSCContext) {
    try {
      const { data } = await ctx.sc.searchanalytics.query({ siteUrl: ctx.siteUrl });
      return data.rows ?? [];
    } catch {
      throw new BadGatewayException('Failed to fetch top pages from Search Console');
    }
  }
}
` }] }],
    },
    {
      name: "nest: a client injected by its type (private readonly storage: Storage from @google-cloud/storage)",
      filename: "src/files/files.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { Storage } from '@google-cloud/storage';
@Injectable()
export class FilesService {
  constructor(private readonly storage: Storage) {}
  async upload(name: string, data: Buffer) {
    try {
      await this.storage.bucket('files').file(name).save(data);
    } catch (error) {
      throw new InternalServerErrorException('Upload failed');
    }
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 10, suggestions: [{ messageId: "replaceStatus", data: {"status":502,"replacement":"BadGatewayException"}, output: `import { Injectable, BadGatewayException } from '@nestjs/common';
import { Storage } from '@google-cloud/storage';
@Injectable()
export class FilesService {
  constructor(private readonly storage: Storage) {}
  async upload(name: string, data: Buffer) {
    try {
      await this.storage.bucket('files').file(name).save(data);
    } catch (error) {
      throw new BadGatewayException('Upload failed');
    }
  }
}
` }] }],
    },
    {
      name: "a .catch() that passes the failure on leaves it to the outer catch",
      filename: "src/pages/api/metrics.js",
      code: `import { Metrics } from '@kubernetes/client-node';
export default async function handler(req, res) {
  try {
    const metricsApi = new Metrics(kc);
    const metrics = await metricsApi.getPodMetrics('default').catch((err) => { logger.error(err); throw err; });
    res.json(metrics);
  } catch (e) {
    res.status(500).send({ error: 'unknown error' });
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import { Metrics } from '@kubernetes/client-node';
export default async function handler(req, res) {
  try {
    const metricsApi = new Metrics(kc);
    const metrics = await metricsApi.getPodMetrics('default').catch((err) => { logger.error(err); throw err; });
    res.json(metrics);
  } catch (e) {
    res.status(502).send({ error: 'unknown error' });
  }
}
` }] }],
    },
    {
      name: "a body another service sent that could not be read (json().catch(() => null)), or not the list asked for",
      filename: "app/server/lib/WidgetRepository.ts",
      code: `export async function getWidgets(res: { status(code: number): { json(body: unknown): void } }) {
  const response = await fetch('https://widgets.example.net/manifest.json');
  const widgets = await response.json().catch(() => null);
  if (!widgets || !Array.isArray(widgets)) {
    return Response.json({ error: 'Error reading widget list' }, { status: 500 });
  }
  return Response.json(widgets);
}
`,
      errors: [{ messageId: "upstreamCall", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `export async function getWidgets(res: { status(code: number): { json(body: unknown): void } }) {
  const response = await fetch('https://widgets.example.net/manifest.json');
  const widgets = await response.json().catch(() => null);
  if (!widgets || !Array.isArray(widgets)) {
    return Response.json({ error: 'Error reading widget list' }, { status: 502 });
  }
  return Response.json(widgets);
}
` }] }],
    },
    {
      name: "ky's HTTPError answered apart leaves the call's network failures: the 500 after it is still an upstream's",
      filename: "src/domains.ts",
      code: `import express from 'express';
import ky, { HTTPError } from 'ky';
const app = express();
app.delete('/domains/:name', async (req, res) => {
  try {
    await ky.delete('https://api.vercel.com/v9/domains/' + req.params.name);
  } catch (error) {
    if (error instanceof HTTPError) return res.status(502).json({ error: 'Vercel refused' });
    return res.status(500).json({ error: 'Failed to delete domain' });
  }
  res.sendStatus(204);
});
`,
      errors: [{ messageId: "upstreamCall", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "502" }, output: `import express from 'express';
import ky, { HTTPError } from 'ky';
const app = express();
app.delete('/domains/:name', async (req, res) => {
  try {
    await ky.delete('https://api.vercel.com/v9/domains/' + req.params.name);
  } catch (error) {
    if (error instanceof HTTPError) return res.status(502).json({ error: 'Vercel refused' });
    return res.status(502).json({ error: 'Failed to delete domain' });
  }
  res.sendStatus(204);
});
` }] }],
    },
    {
      name: "a function named for sending mail reaches a mail provider",
      filename: "src/users.ts",
      code: `import { TRPCError } from '@trpc/server';
import { sendVerificationEmail } from './email';
export async function resend(email: string, token: string) {
  try {
    await sendVerificationEmail(email, token);
  } catch (error) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not send the verification email' });
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 7 , suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "'BAD_GATEWAY'" }, output: `import { TRPCError } from '@trpc/server';
import { sendVerificationEmail } from './email';
export async function resend(email: string, token: string) {
  try {
    await sendVerificationEmail(email, token);
  } catch (error) {
    throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Could not send the verification email' });
  }
}
` }] }],
    },
    {
      name: "express: catch after axios",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const axios = require('axios');
const router = express.Router();

router.get('/weather/:city', async (req, res) => {
  try {
    const { data } = await axios.get(\`https://api.weather.example/v1/\${req.params.city}\`, { timeout: 3000 });
    res.json(data);
  } catch (error) {
    console.error(error);
    res.status(500).json({ message: 'Failed to fetch weather' });
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `axios.get(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 11,
          column: 16,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `const express = require('express');
const axios = require('axios');
const router = express.Router();

router.get('/weather/:city', async (req, res) => {
  try {
    const { data } = await axios.get(\`https://api.weather.example/v1/\${req.params.city}\`, { timeout: 3000 });
    res.json(data);
  } catch (error) {
    console.error(error);
    res.status(502).json({ message: 'Failed to fetch weather' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: timeout branch in the catch",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const axios = require('axios');
const app = express();

app.get('/quotes', async (req, res) => {
  try {
    const response = await axios.get(process.env.QUOTES_URL, { timeout: 2000 });
    return res.json(response.data);
  } catch (err) {
    if (err.code === 'ECONNABORTED') {
      return res.status(500).json({ error: 'Quotes service is slow' });
    }
    return res.status(500).json({ error: 'Something went wrong' });
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `axios.get(...)` failed; it handles `ECONNABORTED`. Use 504 Gateway Timeout." },
          line: 11,
          column: 25,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":504,"replacement":"504"},
              output: `const express = require('express');
const axios = require('axios');
const app = express();

app.get('/quotes', async (req, res) => {
  try {
    const response = await axios.get(process.env.QUOTES_URL, { timeout: 2000 });
    return res.json(response.data);
  } catch (err) {
    if (err.code === 'ECONNABORTED') {
      return res.status(504).json({ error: 'Quotes service is slow' });
    }
    return res.status(500).json({ error: 'Something went wrong' });
  }
});
`,
            },
          ],
        },
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `axios.get(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 13,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `const express = require('express');
const axios = require('axios');
const app = express();

app.get('/quotes', async (req, res) => {
  try {
    const response = await axios.get(process.env.QUOTES_URL, { timeout: 2000 });
    return res.json(response.data);
  } catch (err) {
    if (err.code === 'ECONNABORTED') {
      return res.status(500).json({ error: 'Quotes service is slow' });
    }
    return res.status(502).json({ error: 'Something went wrong' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: helper that calls fetch",
      filename: "src/routes.ts",
      code: `import express from 'express';

const app = express();

async function getExchangeRate(currency: string) {
  const response = await fetch(\`https://rates.example.com/\${currency}\`);
  return response.json();
}

app.get('/convert', async (req, res) => {
  try {
    const rate = await getExchangeRate(String(req.query.to));
    res.json({ amount: Number(req.query.amount) * rate });
  } catch {
    res.sendStatus(500);
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `getExchangeRate(...)` failed (it calls `fetch(...)`); the upstream call failed. Use 502 Bad Gateway." },
          line: 15,
          column: 20,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import express from 'express';

const app = express();

async function getExchangeRate(currency: string) {
  const response = await fetch(\`https://rates.example.com/\${currency}\`);
  return response.json();
}

app.get('/convert', async (req, res) => {
  try {
    const rate = await getExchangeRate(String(req.query.to));
    res.json({ amount: Number(req.query.amount) * rate });
  } catch {
    res.sendStatus(502);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: promise .catch()",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const fetch = require('node-fetch');
const app = express();

app.get('/repos/:user', (req, res) => {
  fetch(\`https://api.github.com/users/\${req.params.user}/repos\`)
    .then((response) => response.json())
    .then((repos) => res.json(repos))
    .catch((err) => res.status(500).send({ error: err.message }));
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `fetch(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 9,
          column: 32,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `const express = require('express');
const fetch = require('node-fetch');
const app = express();

app.get('/repos/:user', (req, res) => {
  fetch(\`https://api.github.com/users/\${req.params.user}/repos\`)
    .then((response) => response.json())
    .then((repos) => res.json(repos))
    .catch((err) => res.status(502).send({ error: err.message }));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "next: if (!resp.ok) branch",
      filename: "app/api/invoices/route.ts",
      code: `import { NextResponse } from 'next/server';

export async function GET() {
  const resp = await fetch('https://billing.example.com/invoices', { cache: 'no-store' });
  if (!resp.ok) {
    return NextResponse.json({ error: 'Could not load invoices' }, { status: 500 });
  }
  return NextResponse.json(await resp.json());
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent when the response of `fetch(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 6,
          column: 78,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import { NextResponse } from 'next/server';

export async function GET() {
  const resp = await fetch('https://billing.example.com/invoices', { cache: 'no-store' });
  if (!resp.ok) {
    return NextResponse.json({ error: 'Could not load invoices' }, { status: 502 });
  }
  return NextResponse.json(await resp.json());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: InternalServerErrorException after HttpService",
      filename: "src/routes.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class GeoService {
  constructor(private readonly httpService: HttpService) {}

  async lookup(ip: string) {
    try {
      const { data } = await firstValueFrom(this.httpService.get(\`https://geo.example.com/\${ip}\`));
      return data;
    } catch (error) {
      throw new InternalServerErrorException('Geo lookup failed');
    }
  }
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `this.httpService.get(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 14,
          column: 17,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"BadGatewayException"},
              output: `import { Injectable, BadGatewayException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class GeoService {
  constructor(private readonly httpService: HttpService) {}

  async lookup(ip: string) {
    try {
      const { data } = await firstValueFrom(this.httpService.get(\`https://geo.example.com/\${ip}\`));
      return data;
    } catch (error) {
      throw new BadGatewayException('Geo lookup failed');
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: configured SDK client",
      filename: "src/charges.js",
      languageOptions: javascript,
      options: [{"upstreamCallees":["stripe.*"]}],
      code: `const Router = require('@koa/router');
const router = new Router();

router.post('/charges', async (ctx) => {
  try {
    ctx.body = await stripe.charges.create(ctx.request.body);
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Payment failed' };
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `stripe.charges.create(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 8,
          column: 18,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `const Router = require('@koa/router');
const router = new Router();

router.post('/charges', async (ctx) => {
  try {
    ctx.body = await stripe.charges.create(ctx.request.body);
  } catch (err) {
    ctx.status = 502;
    ctx.body = { error: 'Payment failed' };
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: got with a timeout marker",
      filename: "src/routes.ts",
      code: `import type { FastifyInstance } from 'fastify';
import got from 'got';

export default async function (app: FastifyInstance) {
  app.get('/status', async (request, reply) => {
    try {
      return await got('https://status.example.com/api', { timeout: { request: 1000 } }).json();
    } catch (error: any) {
      if (error.name === 'TimeoutError') return reply.code(500).send({ error: 'status check failed' });
      throw error;
    }
  });
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `got(...)` failed; it handles `TimeoutError`. Use 504 Gateway Timeout." },
          line: 9,
          column: 60,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":504,"replacement":"504"},
              output: `import type { FastifyInstance } from 'fastify';
import got from 'got';

export default async function (app: FastifyInstance) {
  app.get('/status', async (request, reply) => {
    try {
      return await got('https://status.example.com/api', { timeout: { request: 1000 } }).json();
    } catch (error: any) {
      if (error.name === 'TimeoutError') return reply.code(504).send({ error: 'status check failed' });
      throw error;
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "hono: c.json(..., 500) after fetch",
      filename: "src/routes.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();

app.get('/avatar/:id', async (c) => {
  try {
    const res = await fetch(\`https://avatars.example.com/\${c.req.param('id')}\`);
    return c.body(await res.arrayBuffer());
  } catch (e) {
    return c.json({ error: 'avatar fetch failed' }, 500);
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `fetch(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 9,
          column: 53,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import { Hono } from 'hono';
const app = new Hono();

app.get('/avatar/:id', async (c) => {
  try {
    const res = await fetch(\`https://avatars.example.com/\${c.req.param('id')}\`);
    return c.body(await res.arrayBuffer());
  } catch (e) {
    return c.json({ error: 'avatar fetch failed' }, 502);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: error event of https.get",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const http = require('http');
const https = require('https');

http.createServer((req, res) => {
  https.get('https://inventory.internal/stock', (upstream) => upstream.pipe(res)).on('error', () => {
    res.statusCode = 500;
    res.end('error');
  });
}).listen(3000);
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `https.get(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 6,
          column: 22,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `const http = require('http');
const https = require('https');

http.createServer((req, res) => {
  https.get('https://inventory.internal/stock', (upstream) => upstream.pipe(res)).on('error', () => {
    res.statusCode = 502;
    res.end('error');
  });
}).listen(3000);
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: SDK client known by its package, whatever it is named",
      filename: "src/routes/notify.ts",
      code: `import { Router } from 'express';
import twilio from 'twilio';

const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export const notify = Router();

notify.post('/notify/sms', async (req, res) => {
  try {
    const message = await sms.messages.create({ to: req.body.to, from: process.env.TWILIO_FROM, body: req.body.text });
    res.status(201).json({ sid: message.sid });
  } catch (err) {
    res.status(500).json({ error: 'Could not send the text message' });
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `sms.messages.create(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 12,
          column: 16,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import { Router } from 'express';
import twilio from 'twilio';

const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export const notify = Router();

notify.post('/notify/sms', async (req, res) => {
  try {
    const message = await sms.messages.create({ to: req.body.to, from: process.env.TWILIO_FROM, body: req.body.text });
    res.status(201).json({ sid: message.sid });
  } catch (err) {
    res.status(502).json({ error: 'Could not send the text message' });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "next.js: a failed upload to Vercel Blob, a hosted storage service",
      filename: "app/api/files/upload/route.ts",
      code: `import { put } from '@vercel/blob';
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const form = await request.formData();
  const file = form.get('file') as File;
  try {
    const data = await put(file.name, await file.arrayBuffer(), { access: 'public' });
    return NextResponse.json(data);
  } catch {
    return NextResponse.json({ error: 'Upload failed' }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `put(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 10,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import { put } from '@vercel/blob';
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const form = await request.formData();
  const file = form.get('file') as File;
  try {
    const data = await put(file.name, await file.arrayBuffer(), { access: 'public' });
    return NextResponse.json(data);
  } catch {
    return NextResponse.json({ error: 'Upload failed' }, { status: 502 });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: AWS SDK v3 client.send",
      filename: "src/routes/files.ts",
      code: `import express from 'express';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

const storage = new S3Client({ region: 'eu-west-1' });
const app = express();

app.get('/files/:key', async (req, res) => {
  try {
    const object = await storage.send(new GetObjectCommand({ Bucket: 'uploads', Key: req.params.key }));
    res.type(object.ContentType ?? 'application/octet-stream');
    res.send(await object.Body?.transformToByteArray());
  } catch {
    res.sendStatus(500);
  }
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `storage.send(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 13,
          column: 20,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import express from 'express';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

const storage = new S3Client({ region: 'eu-west-1' });
const app = express();

app.get('/files/:key', async (req, res) => {
  try {
    const object = await storage.send(new GetObjectCommand({ Bucket: 'uploads', Key: req.params.key }));
    res.type(object.ContentType ?? 'application/octet-stream');
    res.send(await object.Body?.transformToByteArray());
  } catch {
    res.sendStatus(502);
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: ok destructured from a renamed undici import",
      filename: "src/routes/quotes.ts",
      code: `import express from 'express';
import { fetch as undiciFetch } from 'undici';

const app = express();

app.get('/quotes/:symbol', async (req, res) => {
  const { ok, json } = await undiciFetch(\`https://quotes.example.com/v1/\${req.params.symbol}\`);
  if (!ok) {
    return res.status(500).json({ error: 'Quote lookup failed' });
  }
  res.json(await json());
});
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent when the response of `fetch(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 9,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import express from 'express';
import { fetch as undiciFetch } from 'undici';

const app = express();

app.get('/quotes/:symbol', async (req, res) => {
  const { ok, json } = await undiciFetch(\`https://quotes.example.com/v1/\${req.params.symbol}\`);
  if (!ok) {
    return res.status(502).json({ error: 'Quote lookup failed' });
  }
  res.json(await json());
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: a catch that tells network errors apart, with the status read on each path",
      filename: "src/geo/geo.service.ts",
      code: `import { HttpException, HttpStatus, Injectable, InternalServerErrorException } from '@nestjs/common';
import { GeoClient } from '../clients/geo-client';

@Injectable()
export class GeoService {
  constructor(private readonly geo: GeoClient) {}

  async locate(ip: string) {
    try {
      return await this.geo.lookup(ip);
    } catch (error: any) {
      if (error.code === 'ETIMEDOUT') {
        throw new HttpException('Geo lookup is slow', HttpStatus.INTERNAL_SERVER_ERROR);
      }
      throw new InternalServerErrorException('Geo lookup failed');
    }
  }
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `this.geo.lookup(...)` failed; it handles `ETIMEDOUT`. Use 504 Gateway Timeout." },
          line: 13,
          column: 55,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":504,"replacement":"HttpStatus.GATEWAY_TIMEOUT"},
              output: `import { HttpException, HttpStatus, Injectable, InternalServerErrorException } from '@nestjs/common';
import { GeoClient } from '../clients/geo-client';

@Injectable()
export class GeoService {
  constructor(private readonly geo: GeoClient) {}

  async locate(ip: string) {
    try {
      return await this.geo.lookup(ip);
    } catch (error: any) {
      if (error.code === 'ETIMEDOUT') {
        throw new HttpException('Geo lookup is slow', HttpStatus.GATEWAY_TIMEOUT);
      }
      throw new InternalServerErrorException('Geo lookup failed');
    }
  }
}
`,
            },
          ],
        },
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `this.geo.lookup(...)` failed (its failure handler tests `ETIMEDOUT`, a network error); the upstream call failed. Use 502 Bad Gateway." },
          line: 15,
          column: 17,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"BadGatewayException"},
              output: `import { HttpException, HttpStatus, Injectable, BadGatewayException } from '@nestjs/common';
import { GeoClient } from '../clients/geo-client';

@Injectable()
export class GeoService {
  constructor(private readonly geo: GeoClient) {}

  async locate(ip: string) {
    try {
      return await this.geo.lookup(ip);
    } catch (error: any) {
      if (error.code === 'ETIMEDOUT') {
        throw new HttpException('Geo lookup is slow', HttpStatus.INTERNAL_SERVER_ERROR);
      }
      throw new BadGatewayException('Geo lookup failed');
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: HTTP client held in a class field",
      filename: "src/shipping/shipping.service.ts",
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
import got from 'got';

@Injectable()
export class ShippingService {
  private readonly carrier = got.extend({ prefixUrl: 'https://api.carrier.example.com', timeout: { request: 4000 } });

  async rates(parcel: { weight: number; to: string }) {
    try {
      return await this.carrier.post('rates', { json: parcel }).json();
    } catch {
      throw new InternalServerErrorException('No shipping rates');
    }
  }
}
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `got.post(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 12,
          column: 17,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"BadGatewayException"},
              output: `import { Injectable, BadGatewayException } from '@nestjs/common';
import got from 'got';

@Injectable()
export class ShippingService {
  private readonly carrier = got.extend({ prefixUrl: 'https://api.carrier.example.com', timeout: { request: 4000 } });

  async rates(parcel: { weight: number; to: string }) {
    try {
      return await this.carrier.post('rates', { json: parcel }).json();
    } catch {
      throw new BadGatewayException('No shipping rates');
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: response callback of http.get and the error listener of its request",
      filename: "src/gateway.js",
      languageOptions: javascript,
      code: `import http from 'node:http';

http.createServer((req, res) => {
  const upstreamReq = http.get('http://users.internal:8080' + req.url, (upstream) => {
    if (upstream.statusCode !== 200) {
      res.statusCode = 500;
      res.end('users service failed');
      upstream.resume();
      return;
    }
    upstream.pipe(res);
  });
  upstreamReq.on('error', (err) => {
    if (err.code === 'ENOTFOUND') {
      res.statusCode = 500;
      return res.end('users service not found');
    }
    res.statusCode = 502;
    res.end('bad gateway');
  });
}).listen(8080);
`,
      errors: [
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent when the response of `http.get(...)` failed; the upstream call failed. Use 502 Bad Gateway." },
          line: 6,
          column: 24,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":502,"replacement":"502"},
              output: `import http from 'node:http';

http.createServer((req, res) => {
  const upstreamReq = http.get('http://users.internal:8080' + req.url, (upstream) => {
    if (upstream.statusCode !== 200) {
      res.statusCode = 502;
      res.end('users service failed');
      upstream.resume();
      return;
    }
    upstream.pipe(res);
  });
  upstreamReq.on('error', (err) => {
    if (err.code === 'ENOTFOUND') {
      res.statusCode = 500;
      return res.end('users service not found');
    }
    res.statusCode = 502;
    res.end('bad gateway');
  });
}).listen(8080);
`,
            },
          ],
        },
        {
          messageId: "upstreamCall",
          data: { message: "500 Internal Server Error sent after `http.get(...)` failed; it handles `ENOTFOUND`. Use 503 Service Unavailable." },
          line: 15,
          column: 24,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":503,"replacement":"503"},
              output: `import http from 'node:http';

http.createServer((req, res) => {
  const upstreamReq = http.get('http://users.internal:8080' + req.url, (upstream) => {
    if (upstream.statusCode !== 200) {
      res.statusCode = 500;
      res.end('users service failed');
      upstream.resume();
      return;
    }
    upstream.pipe(res);
  });
  upstreamReq.on('error', (err) => {
    if (err.code === 'ENOTFOUND') {
      res.statusCode = 503;
      return res.end('users service not found');
    }
    res.statusCode = 502;
    res.end('bad gateway');
  });
}).listen(8080);
`,
            },
          ],
        },
      ],
    },
  ],
});
