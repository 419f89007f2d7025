// no-400-for-semantic-error: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.
import { javascript, ruleTester } from './rule-tester.js';
import rule from '../src/rules/no-400-for-semantic-error.js';

ruleTester.run("no-400-for-semantic-error", rule, {
  valid: [
    {
      name: "hono: a catch around reading the request's body as JSON (await c.req.json()) answers a body the client malformed",
      filename: "src/routes/ops.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/explain', async (c) => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return c.json({ message: 'Could not read the body' }, 400);
  }
  return c.json({ received: body });
});
`,
    },
    {
      name: "hono: a challenge read from the request's cookie (getCookie) that is missing, or names no stored challenge (not found or timed out): the caller's token is not valid, no resource is missing",
      filename: "src/routes/two-factor.ts",
      code: `import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { storage } from '../storage';
const app = new Hono();
app.post('/2fa/verify', async (c) => {
  const challengeCookie = getCookie(c, 'two-factor-challenge');
  if (!challengeCookie) return c.json({ error: 'Two factor challenge not found' }, 400);
  const challenge = await storage.challenges.getItem(challengeCookie);
  if (!challenge) return c.json({ error: 'Two factor challenge not found or timed out' }, 400);
  return c.json({ verified: true });
});
`,
    },
    {
      name: "express: a catch around checks of the payload's keys (Object.keys(...).sort(), every) that throw their own 'Invalid request payload': no other work can fail there",
      filename: "src/routes/webhook.ts",
      code: `import express from 'express';
const EXPECTED = ['action', 'ref', 'repository'];
const app = express();
app.post('/webhook', (req, res, next) => {
  const { body: payload } = req;
  try {
    const keys = Object.keys(payload).sort();
    if (keys.length !== EXPECTED.length) throw new Error('Invalid request payload');
    if (!keys.every((key, index) => key === EXPECTED[index])) throw new Error('Invalid request payload');
  } catch (err) {
    res.status(400).end();
    return next(err);
  }
  next();
});
`,
    },
    {
      name: "express: an entry of a table written in the file, read by the request's key ('No such plan'): a key the table does not know",
      filename: "src/routes/plans.ts",
      code: `import express from 'express';
const PLANS = { basic: { seats: 1 }, team: { seats: 10 } } as Record<string, { seats: number }>;
const app = express();
app.post('/subscribe', (req, res) => {
  const plan = PLANS[req.body.plan];
  if (!plan) return res.status(400).json({ error: \`No such plan: \${req.body.plan}\` });
  res.json({ seats: plan.seats });
});
`,
    },
    {
      name: "express: a catch around an SMS provider's call whose 400 branch is for an error class that names the client's value invalid (InvalidPhoneNumberError)",
      filename: "src/sms/send.ts",
      code: `import express from 'express';
import twilio from 'twilio';
import { InvalidPhoneNumberError } from './errors';
const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const app = express();
app.post('/sms', async (req, res) => {
  try {
    await client.messages.create({ to: req.body.recipient, from: '+15550000000', body: req.body.body });
    res.status(201).json({ sent: true });
  } catch (err) {
    if (err instanceof InvalidPhoneNumberError) {
      return res.status(400).json({ message: \`Phone number \${req.body.recipient} could not be used\` });
    }
    return res.status(502).json({ message: 'Provider failed' });
  }
});
`,
    },
    {
      name: "sveltekit: a catch around the application's service that checks a Stripe webhook's signature (constructWebhookEvent) answers the client's signature",
      filename: "src/routes/api/webhooks/stripe/+server.ts",
      code: `import { json } from '@sveltejs/kit';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const stripeService = { constructWebhookEvent: (payload: string, signature: string) => stripe.webhooks.constructEvent(payload, signature, process.env.STRIPE_WEBHOOK_SECRET!) };
export async function POST({ request }) {
  const signature = request.headers.get('stripe-signature');
  if (!signature) return json({ error: 'Missing stripe-signature header' }, { status: 400 });
  const payload = await request.text();
  let event: Stripe.Event;
  try {
    event = await stripeService.constructWebhookEvent(payload, signature);
  } catch (err) {
    return json({ error: 'Webhook signature check did not pass' }, { status: 400 });
  }
  return json({ received: event.type });
}
`,
    },
    {
      name: "express: 'formSubmissionId not found' when the id is in neither the path nor the query (nor where a middleware kept it) is a value the request lacks",
      filename: "app/src/forms/auth/middleware/userAccess.js",
      code: `import Problem from 'api-problem';
export const hasSubmissionPermissions = (permissions) => async (req, res, next) => {
  const submissionId = req.params.formSubmissionId || req.query.formSubmissionId || req.currentFileRecord?.formSubmissionId;
  if (!submissionId) {
    throw new Problem(400, { detail: 'formSubmissionId not found' });
  }
  next();
};
`,
    },
    {
      name: "trpc: a record looked up only when the request names it (id ? await find(id) : null) is not missing where the request named none",
      filename: "src/server/trpc/signup.ts",
      code: `import { TRPCError } from '@trpc/server';
export const signup = t.procedure.mutation(async ({ ctx: { prisma }, input }) => {
  const invitation = input.invitationId ? await prisma.invitation.findUnique({ where: { id: input.invitationId } }) : null;
  if (invitation) return prisma.user.create({ data: { ...input, organizationId: invitation.organizationId } });
  const domain = getDomain(input.email);
  if (!domain) throw new TRPCError({ code: 'BAD_REQUEST' });
  return prisma.user.create({ data: input });
});
`,
    },
    {
      name: "next.js pages api: a 400 for a method the handler does not take is a protocol error, no semantic one (reported only with methodNotAllowed)",
      filename: "pages/api/account/account.js",
      code: `export default async function handler(req, res) {
  if (req.method !== "GET") {
    return res.status(400).json({ error: "Invalid request: GET required" });
  }
  return res.status(200).json(await getAccount(req));
}
`,
    },
    {
      name: "next.js: a long condition that also reads the request is not the server's configuration alone",
      filename: "app/api/whisper/upload/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const body = await request.json();
  if (!process.env.NEXT_PUBLIC_SUPABASE_URL_DOCUMENTS || !process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY_DOCUMENTS || !body.path) {
    return NextResponse.json({ error: 'Missing path or configuration' }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}
`,
    },
    {
      name: "next pages: a 400 for a body that lacks a field on the method the route takes is no refusal of the method",
      filename: "pages/api/notes.ts",
      code: `export default async function handler(req: any, res: any) {
  if (req.method === 'POST' && !req.body.title) return res.status(400).json({ error: 'title is required' });
  if (req.method !== 'POST') return res.status(405).setHeader('Allow', 'POST').end();
  return res.status(201).json(await createNote(req.body));
}
`,
    },
    {
      name: "nest: dates of the request out of order or in the past are an invalid value of the request (so six labellers of real code judged them), not a business rule",
      filename: "src/logs/logs.service.ts",
      code: `import { BadRequestException } from '@nestjs/common';
export function checkRange(dto: { from: Date; to: Date; expiresAt: Date }) {
  if (dto.from > dto.to) throw new BadRequestException('Start date must be before end date');
  if (dto.expiresAt < new Date()) throw new BadRequestException('The expiry date is already in the past');
  return true;
}
`,
    },
    {
      name: "next: an end date before the start date is an invalid value of the request (so real code's labellers judged it), not a business rule",
      filename: "app/api/bookings/route.ts",
      code: `import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const { start, end } = await req.json();
  if (new Date(end) <= new Date(start)) {
    return NextResponse.json({ error: 'End date must be after start date' }, { status: 400 });
  }
  return NextResponse.json(await book(start, end), { status: 201 });
}
`,
    },
    {
      name: "express: a 400 when a schema check returned an error ({ error } from schema.validate) is the request's fault",
      filename: "src/routes/items.js",
      code: `router.post('/items', async (req, res) => {
  const { error } = itemSchema.validate(req.body);
  if (error) return res.status(400).json({ message: error.message });
  const { error: signInError } = await supabase.auth.signInWithPassword(req.body);
  if (signInError) return res.status(400).json({ message: signInError.message });
  res.sendStatus(201);
});
`,
    },
    {
      name: "express: a catch-all 400 around one call handed the request's body as it came reads what the client sent",
      filename: "src/routes/run.js",
      code: `router.post('/run', async (req, res) => {
  let task;
  try {
    task = await buildTask(req.body);
  } catch (problem) {
    return res.status(400).json(problem);
  }
  res.json(await task.start());
});
`,
    },
    {
      name: "koa: a catch-all 400 around one call handed only values read off the request (the events of the body, the version of the path) reads what the client sent",
      filename: "src/controllers/eventTest.ts",
      code: `export class EventTestController {
  public static async testEvent(ctx: Context) {
    const { version, destination } = ctx.params as any;
    const { events } = ctx.request.body as any;
    try {
      ctx.body = await EventTesterService.testEvent(events, version, destination);
    } catch (err: any) {
      ctx.body = { error: err.message };
      ctx.status = 400;
    }
  }
}
`,
    },
    {
      name: "nest: a catch-all 400 around a check named assert... (the destination the client gave) blames that value",
      filename: "src/hooks/hooks.service.ts",
      code: `import { BadRequestException } from '@nestjs/common';
export class HooksService {
  async register(url: string) {
    try {
      await assertReachableTarget(url);
    } catch (reason) {
      throw new BadRequestException('Rejected hook target');
    }
    return this.store.add(url);
  }
}
`,
    },
    {
      name: "express: 'no ... found' after a failed validity check of a value of the request is an invalid value",
      filename: "src/handlers/score.ts",
      code: `export const scoreHandler = async (req: any, res: any) => {
  const { network } = req.body;
  if (!isNetworkSupported(network)) {
    return res.status(400).json({ error: \`No settings found for network \${network}\` });
  }
  res.json(await score(network));
};
`,
    },
    {
      name: "express: 'no recipient found in the object' speaks of what the request's payload lacks",
      filename: "src/federation/inbox.ts",
      code: `export async function onAccept(req: any, res: any) {
  const target = targetOf(req.body);
  if (!target) {
    return res.status(400).send('No target found in the object');
  }
  res.sendStatus(202);
}
`,
    },
    {
      name: "express: an error thrown in a try whose catch answers by itself (401) never goes out with its own 400, also where the catch normalizes it first",
      filename: "modules/auth/strategies/local.ts",
      code: `export function login(app: any, deps: any) {
  app.post('/auth/local/login', async (req: any, res: any, next: any) => {
    try {
      const valid = await deps.validateUserPassword({ email: req.body.email, password: req.body.password });
      if (!valid) throw new UserInputError('Invalid credentials.');
      return next();
    } catch (err) {
      const e = ensureError(err, 'Unexpected issue occurred while logging in');
      req.log.info({ err: e }, 'Error while logging in.');
      return res.status(401).send({ err: true, message: 'Invalid credentials.' });
    }
  });
}
class UserInputError extends Error {
  statusCode = 400;
}
`,
    },
    {
      name: "nest: a rule on how the request's own fields go together ('can only be provided if') is how the request is invalid",
      filename: "src/integration/integration.service.ts",
      code: `import { BadRequestException } from '@nestjs/common';
export class IntegrationService {
  async create(dto: { projectSlug?: string; environmentSlugs?: string[] }) {
    if (dto.environmentSlugs && dto.environmentSlugs.length > 0 && !dto.projectSlug) {
      throw new BadRequestException('Environment can only be provided if project is also provided');
    }
    return this.repo.save(dto);
  }
}
`,
    },
    {
      name: "nest: the words a message falls back to are read (`err.message || 'URL is invalid'`): a catch around parsing the request's URL",
      filename: "src/shortener/shortener.service.ts",
      code: `import { BadRequestException, Injectable } from '@nestjs/common';
@Injectable()
export class ShortenerService {
  validateUrl(url: string) {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
      if (this.isUrlAlreadyShortened(url)) {
        throw new Error('The URL is already shortened...');
      }
    } catch (err) {
      throw new BadRequestException(err.message || 'URL is invalid');
    }
    return parsedUrl;
  }
  isUrlAlreadyShortened(url: string) {
    return new RegExp(this.domain).test(url);
  }
}
`,
    },
    {
      name: "a value of the request found missing, whatever the words say could not be done ('Failed to generate the image')",
      filename: "app/og/post/route.tsx",
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const id = searchParams.get('id');
  if (!id) {
    return new Response('Failed to generate the image', { status: 400 });
  }
  return new Response(await render(id));
}
`,
    },
    {
      name: "a signed-in caller's current password refused in a change of password, a webhook's signature and a malformed token are the request's fault",
      filename: "pages/api/password.ts",
      code: `import express from 'express';
const app = express();
app.put('/password', async (req, res) => {
  if (!(await verifyPassword(req.body.currentPassword, req.user.password))) return res.status(400).json({ error: 'Your current password is incorrect' });
  if (!verify(req.headers['stripe-signature'])) return res.status(400).send('Invalid signature: wrong secret');
  if (!payload.userId) return res.status(400).send('Invalid token');
  if (!req.body.password || req.body.password.length < 8) return res.status(400).send('Invalid password');
  const { password, passwordCheck } = req.body;
  if (password !== passwordCheck) return res.status(400).json({ msg: 'Enter the same password twice.' });
  res.sendStatus(204);
});
`,
    },
    {
      name: "a failure to read what the client uploaded is the client's ('Failed to parse the uploaded file')",
      filename: "src/routes/import.ts",
      code: `import express from 'express';
const app = express();
app.post('/import', async (req, res) => {
  const rows = await readRows(req.file);
  if (!rows) return res.status(400).json({ message: 'Failed to parse the uploaded file' });
  res.json({ imported: rows.length });
});
`,
    },
    {
      name: "a rate limit named among what the request got wrong ('limit' is required) is the request's mistake",
      filename: "src/routes/list.ts",
      code: `import express from 'express';
const app = express();
app.get('/items', (req, res) => {
  if (!req.query.limit) return res.status(400).json({ message: 'The rate limit parameter is required' });
  res.json([]);
});
`,
    },
    {
      name: "fetch: a header the request lacks or a secret the server lacks, read by calls and the environment: no record was looked up",
      filename: "app/api/webhooks/route.ts",
      code: `export async function POST(req: Request) {
  const body = await req.text();
  const sig = req.headers.get('stripe-signature');
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!sig || !webhookSecret) return new Response('Webhook secret not found.', { status: 400 });
  return new Response(JSON.stringify(await handle(body, sig, webhookSecret)));
}
`,
    },
    {
      name: "a catch that tells a failure apart by its own words leaves what may be the client's",
      filename: "server/api/UploadRoute.js",
      languageOptions: javascript,
      code: `app.post('/upload', (req, res) => {
  return uploads.store(req.body)
    .then((file) => res.status(200).send(file))
    .catch((error) => {
      if (error.message === "TOO_LARGE") {
        return res.status(413).send({ error: "File too large" });
      }
      return res.status(400).send(error);
    });
});
`,
    },
    {
      name: "express: an upload without the file field it needs is a request that lacks a part",
      filename: "src/backend/routes/api/transport.ts",
      code: `router.post('/transport/image', async (req, res) => {
  if (!('image' in req.files)) {
    res.status(400).json({ success: 0, message: 'No images found' });
    return;
  }
  res.json(await uploadImage(req.files.image));
});
`,
    },
    {
      name: "express: a role written in the request body (the last message must come from the user) is the request's shape",
      filename: "server/endpoints/chat.js",
      code: `app.post('/v1/chat', async (req, res) => {
  const userMessage = req.body.messages.pop();
  if (userMessage.role !== 'user') {
    return res.status(400).json({ error: 'The last message must be from the user' });
  }
  res.json(await chat(userMessage));
});
`,
    },
    {
      name: "nest graphql: a \"not found\" for an argument the request left empty is the request's fault",
      filename: "src/auth/auth.resolver.ts",
      code: `import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { BadRequestException } from '@nestjs/common';
@Resolver()
export class AuthResolver {
  @Mutation(() => Boolean)
  async verifyEmail(@Args('token') token: string) {
    if (!token) throw new BadRequestException('Email token not found');
    return this.auth.verify(token);
  }
}
`,
    },
    {
      name: "express: a \"not found\" for a field the body lacks is the request's fault",
      filename: "src/mail.ts",
      code: `import { Router } from 'express';
const router = Router();
router.post('/mail', async (req, res) => {
  const { email } = req.body;
  if (!email) return res.status(400).json({ error: 'Email not found' });
  await mailer.send(email);
  res.json({ ok: true });
});
`,
    },
    {
      name: "remix: a wrong current password, checked inside the branch where the stored password was found",
      filename: "app/routes/me_.password.tsx",
      code: `import { json, type ActionFunctionArgs } from '@remix-run/node';
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const currentPassword = String(form.get('currentPassword') ?? '');
  const existingPassword = await db.password.findFirst({ where: { userId: await requireUserId(request) } });
  if (existingPassword) {
    const ok = await verifyPassword({ password: currentPassword, hash: existingPassword.hash });
    if (!ok) return json({ status: 'error', errors: { currentPassword: 'Current password is incorrect' } }, 400);
  }
  return json({ status: 'success' });
}
`,
    },
    {
      name: "express: a stored record compared with what the request sent is a check of the request",
      filename: "src/invites.ts",
      code: `import { Router } from 'express';
const router = Router();
router.post('/invites/:id/accept', async (req, res) => {
  const invite = await inviteRepository.findOne({ where: { id: req.params.id } });
  if (!invite) return res.status(404).json({ message: 'Invite not found.' });
  if (invite.email !== req.body.email) return res.status(400).json({ message: 'This invite is for another address.' });
  return res.status(200).json(invite);
});
`,
    },
    {
      name: "a duplicate among the values of one request, found in a set built from it, is the request's fault",
      filename: "src/server/compile.ts",
      code: `export function compile(items: { key: string }[]) {
  const seenKeys = new Set<string>();
  for (const item of items) {
    if (seenKeys.has(item.key)) return Response.json({ error: \`key '\${item.key}' is duplicated\` }, { status: 400 });
    seenKeys.add(item.key);
  }
  return Response.json({ ok: true });
}
`,
    },
    {
      name: "nest: a list with the same id twice, found by counting its distinct values, is the request's fault",
      filename: "src/tiers/tier.service.ts",
      code: `import { BadRequestException, Injectable } from '@nestjs/common';
@Injectable()
export class TierService {
  async reorder(agentId: string, ids: string[]) {
    if (new Set(ids).size !== ids.length) {
      throw new BadRequestException('reorder list must not contain duplicate ids');
    }
    return this.repo.reorder(agentId, ids);
  }
}
`,
    },
    {
      name: "a list's distinct values kept in a name first, then counted against the list, are duplicates within the request",
      filename: "app/server/modules/backups/backups.service.ts",
      code: `import { BadRequestError } from 'http-errors-enhanced';
export const reorderSchedules = async (scheduleShortIds: string[]) => {
  const uniqueIds = new Set(scheduleShortIds);
  if (uniqueIds.size !== scheduleShortIds.length) {
    throw new BadRequestError('Duplicate schedule IDs in reorder request');
  }
  return db.reorder(scheduleShortIds);
};
`,
    },
    {
      name: "two fields of one request that contradict each other, read with a typed reader, are the request's fault",
      filename: "src/server/compile-blocks.ts",
      code: `export function compile(input: any, context: string, associationLeaf: string) {
  const associationField = readOptionalString(input.associationField);
  if (associationField && associationField !== associationLeaf) {
    return Response.json({ error: \`\${context}.associationField conflicts with \${context}.associationPathName\` }, { status: 400 });
  }
  return Response.json({ ok: true });
}
`,
    },
    {
      name: "a lookup that found nothing, answered as the request's fault on purpose: the note says it hides who is registered",
      filename: "app/routes/reset-password.server.ts",
      code: `export async function handleVerification(target: string) {
  const user = await prisma.user.findFirst({ where: { email: target } });
  // we don't want to say the user is not found if the email is not found
  // because that would allow an attacker to check if an email is registered
  if (!user) {
    return Response.json({ error: 'User not found' }, { status: 400 });
  }
  return Response.json({ ok: true });
}
`,
    },
    {
      name: "words of something missing, sent because a value of the request was compared with a constant",
      filename: "server/endpoints/chat.js",
      code: `export function chat(request, response) {
  const { messages } = request.body;
  const userMessage = messages.pop();
  if (userMessage.role !== 'user') return response.status(400).json({ error: 'No user prompt found' });
  return response.json({ ok: true });
}
`,
    },
    {
      name: "a value read from the request and found present is not a record that exists",
      filename: "app/routes/sessions.$id.ts",
      code: `export async function loader({ request }: { request: Request }) {
  const raw = request.headers.get('Timeout-Seconds');
  if (raw !== null) {
    if (!Number.isInteger(Number(raw))) return new Response('Invalid timeout', { status: 400 });
  }
  const tag = new URL(request.url).searchParams.get('tag');
  if (tag) return new Response('Tags cannot be combined with a cursor', { status: 400 });
  return new Response('ok');
}
`,
    },
    {
      name: "a catch around a parse, and a catch that tells failures apart, answer the client's mistakes with 400",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/import', async (req, res) => {
  try {
    const rows = schema.parse(req.body);
    await saveRows(rows);
  } catch (error) {
    return res.status(400).json({ error: error.message });
  }
});
app.post('/upload', async (req, res) => {
  try {
    await storage.save(req.body);
  } catch (err) {
    if (err.statusCode === 413) return res.status(413).json({ error: 'Too large' });
    return res.status(400).json({ error: 'Error processing file upload.' });
  }
});
app.post('/promotions', async (req, res) => {
  try {
    await billing.applyPromotion(req.body.code);
  } catch (error) {
    logPromotionError(error);
    let message = 'Failed to apply promotion code';
    if (error.message.includes('prior transactions')) message = 'This promotion is for new customers only';
    return res.status(400).json({ message });
  }
});
app.post('/webhook', async (req, res) => {
  try {
    const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);
    await handle(event);
    await sendReceiptEmail(event.data.object);
  } catch (err) {
    return res.status(400).send(\`Webhook Error: \${err.message}\`);
  }
});
`,
    },
    {
      name: "express: malformed input is a 400",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/items', (req, res) => {
  if (typeof req.body.price !== 'number') {
    return res.status(400).json({ error: 'price must be a number' });
  }
  if (!req.body.name) return res.status(400).json({ error: 'name is required' });
  res.status(201).json(req.body);
});
`,
    },
    {
      name: "express: 409 used correctly",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/users', async (req, res) => {
  const existing = await User.findOne({ email: req.body.email });
  if (existing) return res.status(409).json({ error: 'Email already registered' });
  res.status(201).json(await User.create(req.body));
});
`,
    },
    {
      name: "express: 400 when a lookup found nothing",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.post('/coupons/apply', async (req, res) => {
  const coupon = await Coupon.findOne({ code: req.body.code });
  if (!coupon) return res.status(400).json({ error: 'Invalid coupon code' });
  res.json(coupon);
});
`,
    },
    {
      name: "express: a 400 when a query-builder lookup finds nothing",
      filename: "src/routes/teams.ts",
      code: `import { Router } from 'express';
import { supabase } from '../supabase.js';

export const teams = Router();

teams.post('/teams/:slug/invites', async (req, res) => {
  const { data: team } = await supabase.from('teams').select('id').eq('slug', req.params.slug).maybeSingle();
  if (!team) {
    return res.status(400).json({ error: 'teamSlug must name an existing team' });
  }
  res.status(201).json(await invite(team.id, req.body.email));
});
`,
    },
  ],
  invalid: [
    {
      name: "express: a 400 for an endpoint the server removed at a version ('unavailable as of 2.0.0') is 410 Gone",
      filename: "routes/citoid.js",
      languageOptions: javascript,
      code: `const router = require('express').Router();
router.get('/api', (req, res) => {
  res.status(400).json({ error: 'Api endpoint unavailable as of 2.0.0; use path parameters instead.' });
});
module.exports = router;
`,
      errors: [{ messageId: "notFoundText", line: 3, suggestions: [{ messageId: "replaceStatus", data: { status: 410, replacement: "410" }, output: `const router = require('express').Router();
router.get('/api', (req, res) => {
  res.status(410).json({ error: 'Api endpoint unavailable as of 2.0.0; use path parameters instead.' });
});
module.exports = router;
` }] }],
    },
    {
      name: "sveltekit: fail(400, data) from a form action's catch around the server's own work answers its failures as the client's",
      filename: "src/routes/admin/videos/import/+page.server.ts",
      code: `import { fail } from '@sveltejs/kit';
export const actions = {
  async import() {
    try {
      await importRemotePlaylists();
      return { message: 'Imported Playlists' };
    } catch (error) {
      console.error(error);
      return fail(400, { message: 'Import/Sync Failed' });
    }
  },
};
`,
      errors: [{ messageId: "catchAll", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `import { fail } from '@sveltejs/kit';
export const actions = {
  async import() {
    try {
      await importRemotePlaylists();
      return { message: 'Imported Playlists' };
    } catch (error) {
      console.error(error);
      return fail(500, { message: 'Import/Sync Failed' });
    }
  },
};
` }] }],
    },
    {
      name: "express: 'Invalid cart id', translated, when the cart the path names was not found: the words name the record (404)",
      filename: "src/modules/checkout/api/addCartItem/addItemToCart.js",
      languageOptions: javascript,
      code: `import { translate } from '../lib/translate.js';
export default async (request, response) => {
  const cart = await select().from('cart').where('uuid', '=', request.params.cart_id).load(pool);
  if (!cart) {
    response.status(400);
    return response.json({ error: { status: 400, message: translate('Invalid cart id') } });
  }
  return response.json({ data: cart });
};
`,
      errors: [{ messageId: "notFoundLookup", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import { translate } from '../lib/translate.js';
export default async (request, response) => {
  const cart = await select().from('cart').where('uuid', '=', request.params.cart_id).load(pool);
  if (!cart) {
    response.status(404);
    return response.json({ error: { status: 400, message: translate('Invalid cart id') } });
  }
  return response.json({ data: cart });
};
` }] }],
    },
    {
      name: "trpc: a record looked up only when the request names it (id ? await find(id) : null), found missing once the id is there, with 'Invalid invitation link' (404)",
      filename: "src/server/trpc/auth.ts",
      code: `import { TRPCError } from '@trpc/server';
export const signup = t.procedure.mutation(async ({ ctx: { prisma }, input }) => {
  const { invitationId } = input;
  const invitation = invitationId ? await prisma.userOrganizationInvitation.findUnique({ where: { id: invitationId } }) : null;
  if (invitationId && !invitation) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid invitation link' });
  }
  return prisma.user.create({ data: input });
});
`,
      errors: [{ messageId: "notFoundLookup", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "'NOT_FOUND'" }, output: `import { TRPCError } from '@trpc/server';
export const signup = t.procedure.mutation(async ({ ctx: { prisma }, input }) => {
  const { invitationId } = input;
  const invitation = invitationId ? await prisma.userOrganizationInvitation.findUnique({ where: { id: invitationId } }) : null;
  if (invitationId && !invitation) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Invalid invitation link' });
  }
  return prisma.user.create({ data: input });
});
` }] }],
    },
    {
      name: "express: what a space must keep ('Space needs at least one administrator.') is a business rule (422)",
      filename: "routes/api/space_memberships.js",
      code: `import express from 'express';
const router = express.Router();
router.delete('/:id', async (req, res) => {
  const admins = await Membership.count({ where: { space_id: req.params.id, role: 'admin' } });
  if (admins > 1) return res.sendStatus(204);
  res.status(400).json({ error: 'Space needs at least one administrator.' });
});
`,
      errors: [{ messageId: "businessRuleText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 422, replacement: "422" }, output: `import express from 'express';
const router = express.Router();
router.delete('/:id', async (req, res) => {
  const admins = await Membership.count({ where: { space_id: req.params.id, role: 'admin' } });
  if (admins > 1) return res.sendStatus(204);
  res.status(422).json({ error: 'Space needs at least one administrator.' });
});
` }] }],
    },
    {
      name: "nest: a 400 for the database's unique-constraint code (Prisma P2002, MongoDB 11000) is a conflict (409), whatever its words say",
      filename: "src/common/filters/prisma-errors.ts",
      code: `import { BadRequestException, HttpException } from '@nestjs/common';
export function convertPrismaError(error: { code: string; meta?: { target?: string[] } }): HttpException {
  switch (error.code) {
    case 'P2002':
      return new BadRequestException(error.meta?.target ? \`Invalid \${error.meta.target[0]}\` : 'Invalid data');
    default:
      return new BadRequestException('Invalid data');
  }
}
export async function saveUser(res: any, user: object) {
  try {
    await users.insertOne(user);
  } catch (err: any) {
    if (err.code === 11000) return res.status(400).json({ message: 'Invalid user' });
    throw err;
  }
}
`,
      errors: [
        { messageId: "conflictLookup", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "ConflictException" }, output: `import { BadRequestException, HttpException, ConflictException } from '@nestjs/common';
export function convertPrismaError(error: { code: string; meta?: { target?: string[] } }): HttpException {
  switch (error.code) {
    case 'P2002':
      return new ConflictException(error.meta?.target ? \`Invalid \${error.meta.target[0]}\` : 'Invalid data');
    default:
      return new BadRequestException('Invalid data');
  }
}
export async function saveUser(res: any, user: object) {
  try {
    await users.insertOne(user);
  } catch (err: any) {
    if (err.code === 11000) return res.status(400).json({ message: 'Invalid user' });
    throw err;
  }
}
` }] },
        { messageId: "conflictLookup", line: 14, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { BadRequestException, HttpException } from '@nestjs/common';
export function convertPrismaError(error: { code: string; meta?: { target?: string[] } }): HttpException {
  switch (error.code) {
    case 'P2002':
      return new BadRequestException(error.meta?.target ? \`Invalid \${error.meta.target[0]}\` : 'Invalid data');
    default:
      return new BadRequestException('Invalid data');
  }
}
export async function saveUser(res: any, user: object) {
  try {
    await users.insertOne(user);
  } catch (err: any) {
    if (err.code === 11000) return res.status(409).json({ message: 'Invalid user' });
    throw err;
  }
}
` }] },
      ],
    },
    {
      name: "express 4: res.send(400) with the number alone sends it as the status, here for a lookup that found nothing (404)",
      filename: "server/src/controllers/progress.ts",
      code: `import express from 'express';
const router = express.Router();
router.put('/api/progress', async (req, res) => {
  const mediaItem = await mediaItemRepository.findOne({ id: req.query.mediaItemId });
  if (!mediaItem) {
    res.send(400);
    return;
  }
  res.send(await progressRepository.add(mediaItem, req.query));
});
`,
      errors: [{ messageId: "notFoundLookup", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import express from 'express';
const router = express.Router();
router.put('/api/progress', async (req, res) => {
  const mediaItem = await mediaItemRepository.findOne({ id: req.query.mediaItemId });
  if (!mediaItem) {
    res.send(404);
    return;
  }
  res.send(await progressRepository.add(mediaItem, req.query));
});
` }] }],
    },
    {
      name: "fastify: a record looked up once there is an id to look it up by (id && await find(...)), and not found, is a 404",
      filename: "src/routes/categories.ts",
      code: `import Fastify from 'fastify';
const app = Fastify();
app.delete('/categories/:category', async (req: any, res: any) => {
  const categoryId = Number(req.params.category);
  const original = categoryId && await prisma.category.findUnique({ where: { id: categoryId } });
  if (!original) return res.code(400).send({ message: 'Bad Request' });
  return res.send(await prisma.category.delete({ where: { id: categoryId } }));
});
`,
      errors: [{ messageId: "notFoundLookup", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import Fastify from 'fastify';
const app = Fastify();
app.delete('/categories/:category', async (req: any, res: any) => {
  const categoryId = Number(req.params.category);
  const original = categoryId && await prisma.category.findUnique({ where: { id: categoryId } });
  if (!original) return res.code(404).send({ message: 'Bad Request' });
  return res.send(await prisma.category.delete({ where: { id: categoryId } }));
});
` }] }],
    },
    {
      name: "cloudflare pages function: a 400 for a method the operation does not take is a 405 (methodNotAllowed on)",
      filename: "functions/api/v1/statuses.ts",
      options: [{ methodNotAllowed: true }],
      code: `export async function handleRequest(request: Request): Promise<Response> {
  if (request.method !== 'POST') {
    return new Response('', { status: 400 });
  }
  return Response.json(await publish(await request.json()));
}
`,
      errors: [{ messageId: "methodGuard", line: 3, data: { message: "400 Bad Request sent for a request method the operation does not take (\`request.method !== 'POST'\`). Use 405 Method Not Allowed, with an \`Allow\` header naming the methods it takes." }, suggestions: [] }],
    },
    {
      name: "sveltekit: error(400, ...) (which throws itself since SvelteKit 2) and json(body, { status: 400 }) are read as sends",
      filename: "src/routes/api/lists/+server.ts",
      code: `import { json, error } from '@sveltejs/kit';
export const POST = async ({ request, locals }) => {
  const { name } = await request.json();
  if (!name) return json({ error: 'name is required' }, { status: 400 });
  const existing = await locals.db.findByName(name);
  if (existing) error(400, 'A list with this name already exists');
  if (existing === null) return json({ error: 'A list with this name already exists' }, { status: 400 });
  return json(await locals.db.create(name), { status: 201 });
};
`,
      errors: [
        { messageId: "conflictText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { json, error } from '@sveltejs/kit';
export const POST = async ({ request, locals }) => {
  const { name } = await request.json();
  if (!name) return json({ error: 'name is required' }, { status: 400 });
  const existing = await locals.db.findByName(name);
  if (existing) error(409, 'A list with this name already exists');
  if (existing === null) return json({ error: 'A list with this name already exists' }, { status: 400 });
  return json(await locals.db.create(name), { status: 201 });
};
` }] },
        { messageId: "conflictText", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { json, error } from '@sveltejs/kit';
export const POST = async ({ request, locals }) => {
  const { name } = await request.json();
  if (!name) return json({ error: 'name is required' }, { status: 400 });
  const existing = await locals.db.findByName(name);
  if (existing) error(400, 'A list with this name already exists');
  if (existing === null) return json({ error: 'A list with this name already exists' }, { status: 409 });
  return json(await locals.db.create(name), { status: 201 });
};
` }] },
      ],
    },
    {
      name: "koa: a catch-all 400 around a lookup handed values of the request (getSource(id)) is still a catch-all: what it does not find is missing, what else fails is the server's",
      filename: "src/controllers/source.ts",
      code: `export class SourceController {
  public static async show(ctx: Context) {
    const { id } = ctx.params as any;
    try {
      ctx.body = await SourceService.getSource(id);
    } catch (err: any) {
      ctx.body = { error: err.message };
      ctx.status = 400;
    }
  }
}
`,
      errors: [{ messageId: "catchAll", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `export class SourceController {
  public static async show(ctx: Context) {
    const { id } = ctx.params as any;
    try {
      ctx.body = await SourceService.getSource(id);
    } catch (err: any) {
      ctx.body = { error: err.message };
      ctx.status = 500;
    }
  }
}
` }] }],
    },
    {
      name: "nest: in a sign-in (validateUser of a passport strategy), an account not found by the name given is credentials that failed (401), not a missing resource; a catch around finding it is not reported as a catch-all",
      filename: "src/users/users.repository.ts",
      code: `import { BadRequestException } from '@nestjs/common';
export class UsersRepository {
  async validateUser(dto: { email: string; password: string }) {
    let user;
    try {
      user = await this.findOneOrFail({ where: { email: dto.email } });
    } catch (err) {
      throw new BadRequestException('Something went wrong');
    }
    const account = await this.findOne({ where: { email: dto.email } });
    if (!account) throw new BadRequestException('Account not found');
    return user;
  }
}
`,
      errors: [{ messageId: "credentialsText", line: 11, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "UnauthorizedException" }, output: `import { BadRequestException, UnauthorizedException } from '@nestjs/common';
export class UsersRepository {
  async validateUser(dto: { email: string; password: string }) {
    let user;
    try {
      user = await this.findOneOrFail({ where: { email: dto.email } });
    } catch (err) {
      throw new BadRequestException('Something went wrong');
    }
    const account = await this.findOne({ where: { email: dto.email } });
    if (!account) throw new UnauthorizedException('Account not found');
    return user;
  }
}
` }] }],
    },
    {
      name: "nest: a state the resource is not in ('must be running to'), or a change still under way, even when the words are an error handed to the exception, is a conflict",
      filename: "src/pool/pool.service.ts",
      code: `import { BadRequestException } from '@nestjs/common';
class AppError extends Error {}
export class PoolService {
  async mount(id: string) {
    if (!(await this.isRunning())) {
      throw new BadRequestException('Pool must be running to mount disks');
    }
    if (this.pending) {
      throw new BadRequestException(new AppError('Pool state is still being updated'));
    }
    return this.disks.mount(id);
  }
}
`,
      errors: [
        { messageId: "conflictText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "ConflictException" }, output: `import { BadRequestException, ConflictException } from '@nestjs/common';
class AppError extends Error {}
export class PoolService {
  async mount(id: string) {
    if (!(await this.isRunning())) {
      throw new ConflictException('Pool must be running to mount disks');
    }
    if (this.pending) {
      throw new BadRequestException(new AppError('Pool state is still being updated'));
    }
    return this.disks.mount(id);
  }
}
` }] },
        { messageId: "conflictText", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "ConflictException" }, output: `import { BadRequestException, ConflictException } from '@nestjs/common';
class AppError extends Error {}
export class PoolService {
  async mount(id: string) {
    if (!(await this.isRunning())) {
      throw new BadRequestException('Pool must be running to mount disks');
    }
    if (this.pending) {
      throw new ConflictException(new AppError('Pool state is still being updated'));
    }
    return this.disks.mount(id);
  }
}
` }] },
      ],
    },
    {
      name: "next: a 400 when the server's own query or write returned an error ({ error } from supabase) is the store's failure",
      filename: "app/api/items/route.ts",
      code: `import { createClient } from '@supabase/supabase-js';
const supabase = createClient('https://db.example.org', 'key');
export async function POST(req: Request) {
  const body = await req.json();
  const { error: saveError } = await supabase.from('items').update({ done: true }).eq('id', body.id);
  if (saveError) return new Response(\`Could not save: \${saveError.message}\`, { status: 400 });
  return Response.json({ ok: true });
}
`,
      errors: [
        {
          messageId: "ownCallFailed",
          line: 6,
          suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `import { createClient } from '@supabase/supabase-js';
const supabase = createClient('https://db.example.org', 'key');
export async function POST(req: Request) {
  const body = await req.json();
  const { error: saveError } = await supabase.from('items').update({ done: true }).eq('id', body.id);
  if (saveError) return new Response(\`Could not save: \${saveError.message}\`, { status: 500 });
  return Response.json({ ok: true });
}
` }],
        },
      ],
    },
    {
      name: "nestjs: an RxJS catchError on HttpService's observable answers the other service's failure; a 400 there blames the client",
      filename: "src/registry/registry.guard.ts",
      code: `import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { catchError, map } from 'rxjs';
@Injectable()
export class RegistryGuard {
  constructor(private readonly httpService: HttpService) {}
  validate(url: string) {
    return this.httpService.get(url).pipe(
      map((res) => res.status === 200),
      catchError((error) => {
        if (error.response?.status === 404) throw new NotFoundException('Registry not found');
        throw new BadRequestException('Failed to fetch registry');
      }),
    );
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 12, suggestions: [{ messageId: "replaceStatus", output: `import { BadGatewayException, Injectable, NotFoundException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { catchError, map } from 'rxjs';
@Injectable()
export class RegistryGuard {
  constructor(private readonly httpService: HttpService) {}
  validate(url: string) {
    return this.httpService.get(url).pipe(
      map((res) => res.status === 200),
      catchError((error) => {
        if (error.response?.status === 404) throw new NotFoundException('Registry not found');
        throw new BadGatewayException('Failed to fetch registry');
      }),
    );
  }
}
` }] }],
    },
    {
      name: "nest: an HttpException whose errors list says what conflicts ('must be unique'), under a generic 'validation failed'",
      filename: "src/user/user.service.ts",
      code: `import { HttpException, HttpStatus } from '@nestjs/common';
export class UserService {
  async create(dto: { username: string; email: string }) {
    const count = await this.repo.count({ username: dto.username });
    if (count > 0) {
      throw new HttpException(
        { message: 'Input data validation failed', errors: { username: 'Username and email must be unique.' } },
        HttpStatus.BAD_REQUEST,
      );
    }
  }
}
`,
      errors: [{ messageId: "conflictText", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "HttpStatus.CONFLICT" }, output: `import { HttpException, HttpStatus } from '@nestjs/common';
export class UserService {
  async create(dto: { username: string; email: string }) {
    const count = await this.repo.count({ username: dto.username });
    if (count > 0) {
      throw new HttpException(
        { message: 'Input data validation failed', errors: { username: 'Username and email must be unique.' } },
        HttpStatus.CONFLICT,
      );
    }
  }
}
` }] }],
    },
    {
      name: "express: 'Invalid email or password' after a lookup by the e-mail found no one is a failed sign-in (401), whatever 'invalid email' says alone",
      filename: "src/routes/auth.ts",
      code: `import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email.toLowerCase() });
  if (!user) {
    return res.status(400).json({ error: 'Invalid email or password' });
  }
  return res.json({ token: sign(user) });
});
`,
      errors: [{ messageId: "credentialsText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "401" }, output: `import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email.toLowerCase() });
  if (!user) {
    return res.status(401).json({ error: 'Invalid email or password' });
  }
  return res.json({ token: sign(user) });
});
` }] }],
    },
    {
      name: "express: a lookup named for its key (getTrackBySpotifyId) found nothing, and nothing is said (404)",
      filename: "src/routes/spotify.ts",
      code: `import { Router } from 'express';
import { getTrackBySpotifyId } from '../database/track';
const router = Router();
router.post('/play', async (req, res) => {
  const { id } = req.body;
  const track = await getTrackBySpotifyId(id);
  if (!track) {
    res.status(400).end();
    return;
  }
  res.status(200).end();
});
`,
      errors: [{ messageId: "notFoundLookup", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import { Router } from 'express';
import { getTrackBySpotifyId } from '../database/track';
const router = Router();
router.post('/play', async (req, res) => {
  const { id } = req.body;
  const track = await getTrackBySpotifyId(id);
  if (!track) {
    res.status(404).end();
    return;
  }
  res.status(200).end();
});
` }] }],
    },
    {
      name: "express: a query built in a chain (select().from().where(...).load(pool)) is keyed by what its calls are handed: a record the path names is missing (404); a secret sent that finds nothing is not",
      filename: "src/modules/customer/api/deleteCustomerAddress.js",
      languageOptions: javascript,
      code: `import { select } from '@evershop/postgres-query-builder';
import { pool } from '../lib/postgres.js';
export default async (request, response) => {
  const customer = await select().from('customer').where('uuid', '=', request.params.customer_id).load(pool);
  if (!customer) {
    return response.status(400).end();
  }
  const token = await select().from('reset_token').where('token', '=', request.params.token).load(pool);
  if (!token) {
    return response.status(400).end();
  }
  response.json({ customer, token });
};
`,
      errors: [{ messageId: "notFoundLookup", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `import { select } from '@evershop/postgres-query-builder';
import { pool } from '../lib/postgres.js';
export default async (request, response) => {
  const customer = await select().from('customer').where('uuid', '=', request.params.customer_id).load(pool);
  if (!customer) {
    return response.status(404).end();
  }
  const token = await select().from('reset_token').where('token', '=', request.params.token).load(pool);
  if (!token) {
    return response.status(400).end();
  }
  response.json({ customer, token });
};
` }] }],
    },
    {
      name: "nest: a rule that compares what two values of the request name ('can't delete the default role') is the application's rule, not the request's shape",
      filename: "src/roles/roles.controller.ts",
      code: `import { BadRequestException } from '@nestjs/common';
export class RolesController {
  remove(params: { roleId: string; guildId: string }) {
    if (params.roleId === params.guildId) throw new BadRequestException("You can't delete the default role");
    return this.roles.remove(params.roleId);
  }
}
`,
      errors: [{ messageId: "businessRuleText", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 422, replacement: "UnprocessableEntityException" }, output: `import { UnprocessableEntityException } from '@nestjs/common';
export class RolesController {
  remove(params: { roleId: string; guildId: string }) {
    if (params.roleId === params.guildId) throw new UnprocessableEntityException("You can't delete the default role");
    return this.roles.remove(params.roleId);
  }
}
` }] }],
    },
    {
      name: "nest: the words a message is built from by a helper call (constructErrorBody('Onboarding already finished', ...)) are read",
      filename: "src/user/user.service.ts",
      code: `import { BadRequestException } from '@nestjs/common';
import { constructErrorBody } from '../common/util';
export class UserService {
  async finishOnboarding(user: { id: string; isOnboardingFinished: boolean }) {
    if (user.isOnboardingFinished) {
      throw new BadRequestException(constructErrorBody('Onboarding already finished', 'You have already finished your onboarding'));
    }
  }
}
`,
      errors: [{ messageId: "conflictText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "ConflictException" }, output: `import { ConflictException } from '@nestjs/common';
import { constructErrorBody } from '../common/util';
export class UserService {
  async finishOnboarding(user: { id: string; isOnboardingFinished: boolean }) {
    if (user.isOnboardingFinished) {
      throw new ConflictException(constructErrorBody('Onboarding already finished', 'You have already finished your onboarding'));
    }
  }
}
` }] }],
    },
    {
      name: "next.js: any of several settings of the server missing, whatever 'API key is missing' says (503)",
      filename: "app/api/scrape/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function POST() {
  if (!process.env.SUPABASE_URL || !process.env.SUPABASE_KEY) {
    return NextResponse.json({ error: 'Supabase credentials are missing' }, { status: 400 });
  }
  if (!process.env.FIRECRAWL_API_KEY) {
    return NextResponse.json({ error: 'Firecrawl API key is missing' }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}
`,
      errors: [
        { messageId: "settingGuard", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 503, replacement: "503" }, output: `import { NextResponse } from 'next/server';
export async function POST() {
  if (!process.env.SUPABASE_URL || !process.env.SUPABASE_KEY) {
    return NextResponse.json({ error: 'Supabase credentials are missing' }, { status: 503 });
  }
  if (!process.env.FIRECRAWL_API_KEY) {
    return NextResponse.json({ error: 'Firecrawl API key is missing' }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}
` }] },
        { messageId: "settingGuard", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 503, replacement: "503" }, output: `import { NextResponse } from 'next/server';
export async function POST() {
  if (!process.env.SUPABASE_URL || !process.env.SUPABASE_KEY) {
    return NextResponse.json({ error: 'Supabase credentials are missing' }, { status: 400 });
  }
  if (!process.env.FIRECRAWL_API_KEY) {
    return NextResponse.json({ error: 'Firecrawl API key is missing' }, { status: 503 });
  }
  return NextResponse.json({ ok: true });
}
` }] },
      ],
    },
    {
      name: "next.js: settings missing in a condition too long to be shown whole (503)",
      filename: "app/api/whisper/audio/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function POST() {
  if (
    !process.env.NEXT_PUBLIC_SUPABASE_URL_DOCUMENTS ||
    !process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY_DOCUMENTS
  ) {
    return NextResponse.json({ error: 'Supabase credentials for uploading context documents are missing' }, { status: 400 });
  }
  return NextResponse.json({ ok: true });
}
`,
      errors: [
        { messageId: "settingGuard", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 503, replacement: "503" }, output: `import { NextResponse } from 'next/server';
export async function POST() {
  if (
    !process.env.NEXT_PUBLIC_SUPABASE_URL_DOCUMENTS ||
    !process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY_DOCUMENTS
  ) {
    return NextResponse.json({ error: 'Supabase credentials for uploading context documents are missing' }, { status: 503 });
  }
  return NextResponse.json({ ok: true });
}
` }] },
      ],
    },
    {
      name: "nest: a condition that checks the password found it wrong, whatever language the words are in (401)",
      filename: "src/services/user.service.ts",
      code: `import { HttpException, HttpStatus } from '@nestjs/common';
export class UserService {
  async login(name: string, password: string) {
    const existUser = await this.userRepo.findOne({ where: { name } });
    if (!existUser || !(await UserEntity.comparePassword(password, existUser.password))) {
      throw new HttpException('用户名或密码错误', HttpStatus.BAD_REQUEST);
    }
    return existUser;
  }
}
`,
      errors: [{ messageId: "credentialsText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "HttpStatus.UNAUTHORIZED" }, output: `import { HttpException, HttpStatus } from '@nestjs/common';
export class UserService {
  async login(name: string, password: string) {
    const existUser = await this.userRepo.findOne({ where: { name } });
    if (!existUser || !(await UserEntity.comparePassword(password, existUser.password))) {
      throw new HttpException('用户名或密码错误', HttpStatus.UNAUTHORIZED);
    }
    return existUser;
  }
}
` }] }],
    },
    {
      name: "express: a 400 whose words say the credentials did not match is a failed sign-in (401)",
      filename: "src/controller/sessionController.ts",
      code: `import { Request, Response } from 'express';
export async function showAllSessions(req: Request, res: Response) {
  const tokenDecrypt = decrypt(req.params.secretkey);
  if (tokenDecrypt !== req.serverOptions.secretKey) {
    return res.status(400).json({ response: false, message: 'The token is incorrect' });
  }
  res.json(await listSessions());
}
`,
      errors: [{ messageId: "credentialsText", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 401, replacement: "401" }, output: `import { Request, Response } from 'express';
export async function showAllSessions(req: Request, res: Response) {
  const tokenDecrypt = decrypt(req.params.secretkey);
  if (tokenDecrypt !== req.serverOptions.secretKey) {
    return res.status(401).json({ response: false, message: 'The token is incorrect' });
  }
  res.json(await listSessions());
}
` }] }],
    },
    {
      name: "express: a 400 whose words say the server's own write did not happen blames nothing the client sent",
      filename: "src/routes/certificates.ts",
      code: `import express from 'express';
const app = express();
app.put('/certificates/:id', async (req, res) => {
  const updated = await certificates.update(req.params.id, req.body);
  if (!updated) {
    return res.status(400).json({ message: 'Failed to update the certificate' });
  }
  res.json(updated);
});
`,
      errors: [{ messageId: "ownFailureText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `import express from 'express';
const app = express();
app.put('/certificates/:id', async (req, res) => {
  const updated = await certificates.update(req.params.id, req.body);
  if (!updated) {
    return res.status(500).json({ message: 'Failed to update the certificate' });
  }
  res.json(updated);
});
` }] }],
    },
    {
      name: "express: a 400 whose words say the request came too soon (a cooldown) is a rate limit",
      filename: "src/routes/email.ts",
      code: `import express from 'express';
const app = express();
app.post('/email', async (req, res) => {
  if (await cooldownActive(req.body.mailbox)) {
    return res.status(400).json({ message: 'Please wait before requesting another email' });
  }
  res.json({ ok: true });
});
`,
      errors: [{ messageId: "rateLimitText", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 429, replacement: "429" }, output: `import express from 'express';
const app = express();
app.post('/email', async (req, res) => {
  if (await cooldownActive(req.body.mailbox)) {
    return res.status(429).json({ message: 'Please wait before requesting another email' });
  }
  res.json({ ok: true });
});
` }] }],
    },
    {
      name: "a service error returned as an object whose status is a constant of a status table (StatusCodes.BAD_REQUEST), through satisfies",
      filename: "src/app/settings/actions.ts",
      code: `'use server';
import { StatusCodes } from 'http-status-codes';
export const renameOrg = async (name: string) => {
  if (await orgs.exists(name)) {
    return {
      statusCode: StatusCodes.BAD_REQUEST,
      errorCode: 'ORG_NAME_TAKEN',
      message: 'An organization with this name already exists.',
    } satisfies ServiceError;
  }
  return { success: true };
};
`,
      errors: [{ messageId: "conflictText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "StatusCodes.CONFLICT" }, output: `'use server';
import { StatusCodes } from 'http-status-codes';
export const renameOrg = async (name: string) => {
  if (await orgs.exists(name)) {
    return {
      statusCode: StatusCodes.CONFLICT,
      errorCode: 'ORG_NAME_TAKEN',
      message: 'An organization with this name already exists.',
    } satisfies ServiceError;
  }
  return { success: true };
};
` }] }],
    },
    {
      name: "a text that is only the status's own name (\"BAD REQUEST\") blames nothing: the lookup that found nothing decides",
      filename: "src/routers/email_attachment.ts",
      code: `router.post('/attachment', async (req, res) => {
  const uploadFile = await findUploadFileById(req.body.uploadFileId);
  if (!uploadFile) {
    return res.status(400).send('BAD REQUEST');
  }
  if (!req.body.name) {
    return res.status(400).send('Bad Request');
  }
  return res.send(uploadFile);
});
`,
      errors: [{ messageId: "notFoundLookup", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `router.post('/attachment', async (req, res) => {
  const uploadFile = await findUploadFileById(req.body.uploadFileId);
  if (!uploadFile) {
    return res.status(404).send('BAD REQUEST');
  }
  if (!req.body.name) {
    return res.status(400).send('Bad Request');
  }
  return res.send(uploadFile);
});
` }] }],
    },
    {
      name: "next: reading the request's query and parseInt cannot fail: the catch answers the failures of the service's query, named as such",
      filename: "app/api/metrics/cost/route.ts",
      code: `import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  try {
    const projectId = req.nextUrl.searchParams.get('projectId') as string;
    const days = parseInt(req.nextUrl.searchParams.get('days') ?? '7');
    const cost = await traceService.GetInferenceCostPerProject(projectId, days);
    return NextResponse.json({ cost });
  } catch (error) {
    return NextResponse.json({ error }, { status: 400 });
  }
}
`,
      errors: [{ messageId: "catchAll", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `import { NextRequest, NextResponse } from 'next/server';
export async function GET(req: NextRequest) {
  try {
    const projectId = req.nextUrl.searchParams.get('projectId') as string;
    const days = parseInt(req.nextUrl.searchParams.get('days') ?? '7');
    const cost = await traceService.GetInferenceCostPerProject(projectId, days);
    return NextResponse.json({ cost });
  } catch (error) {
    return NextResponse.json({ error }, { status: 500 });
  }
}
` }] }],
    },
    {
      name: "fetch: a condition around the whole try only decides whether the work runs; its catch still answers every failure with 400",
      filename: "app/api/webhooks/route.ts",
      code: `export async function POST(req: Request) {
  const event = await verifiedEvent(req);
  if (relevantEvents.has(event.type)) {
    try {
      await upsertProductRecord(event.data.object);
    } catch (error) {
      console.log(error);
      return new Response('Webhook handler failed.', { status: 400 });
    }
  }
  return new Response(JSON.stringify({ received: true }));
}
`,
      errors: [{ messageId: "catchAll", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `export async function POST(req: Request) {
  const event = await verifiedEvent(req);
  if (relevantEvents.has(event.type)) {
    try {
      await upsertProductRecord(event.data.object);
    } catch (error) {
      console.log(error);
      return new Response('Webhook handler failed.', { status: 500 });
    }
  }
  return new Response(JSON.stringify({ received: true }));
}
` }] }],
    },
    {
      name: "a catch that passes on only a status its error names (error.message === \"401\") answers every other failure with 400",
      filename: "server/api/ProjectRoute.js",
      languageOptions: javascript,
      code: `app.get('/project/team/:team_id', verifyToken, (req, res) => {
  return projectController.getTeamProjects(req.params.team_id)
    .then((projects) => res.status(200).send(projects))
    .catch((error) => {
      if (error.message === "401") {
        return res.status(401).send({ error: "Not authorized" });
      }
      return res.status(400).send(error);
    });
});
`,
      errors: [{ messageId: "catchAll", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 500, replacement: "500" }, output: `app.get('/project/team/:team_id', verifyToken, (req, res) => {
  return projectController.getTeamProjects(req.params.team_id)
    .then((projects) => res.status(200).send(projects))
    .catch((error) => {
      if (error.message === "401") {
        return res.status(401).send({ error: "Not authorized" });
      }
      return res.status(500).send(error);
    });
});
` }] }],
    },
    {
      name: "next: a webhook secret the server's environment lacks (t3-env, through a local copy) is the server's fault, not the request's",
      filename: "src/app/webhook/stripe/route.ts",
      code: `import { env } from '@/env';
export async function POST(request: Request) {
  const endpointSecret = env.STRIPE_WEBHOOK_SECRET;
  if (!endpointSecret) {
    return new Response('STRIPE_WEBHOOK_SECRET is not set', { status: 400 });
  }
  return new Response('ok');
}
`,
      errors: [{ messageId: "settingGuard", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 503, replacement: "503" }, output: `import { env } from '@/env';
export async function POST(request: Request) {
  const endpointSecret = env.STRIPE_WEBHOOK_SECRET;
  if (!endpointSecret) {
    return new Response('STRIPE_WEBHOOK_SECRET is not set', { status: 503 });
  }
  return new Response('ok');
}
` }] }],
    },
    {
      name: "next.js: a token for another workspace than the one requested, refused with 400",
      filename: "pages/api/billing/manage.ts",
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const claims = await auth(req, res);
  if (!claims) return;
  const workspaceId = req.query.workspaceId as string;
  if (claims.type === 'user' && claims.workspaceId !== workspaceId) {
    return res.status(400).json({ ok: false, error: 'Claimed workspaceId does not match requested workspaceId' });
  }
  if (!ctxUser.isModerator) return res.status(400).json({ error: 'Referral codes are closed' });
  return res.json(await billing(workspaceId));
}
`,
      errors: [
        { messageId: "permissionGuard", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const claims = await auth(req, res);
  if (!claims) return;
  const workspaceId = req.query.workspaceId as string;
  if (claims.type === 'user' && claims.workspaceId !== workspaceId) {
    return res.status(403).json({ ok: false, error: 'Claimed workspaceId does not match requested workspaceId' });
  }
  if (!ctxUser.isModerator) return res.status(400).json({ error: 'Referral codes are closed' });
  return res.json(await billing(workspaceId));
}
` }] },
      ],
    },
    {
      name: "express: \"access denied\" said by the branch of a permission check",
      filename: "app/server/lib/DocApi.ts",
      code: `import { Router } from 'express';
const router = Router();
router.get('/api/docs/:docId/proposals', async (req, res) => {
  const activeDoc = await getActiveDoc(req.params.docId);
  if (!await activeDoc.canCopyEverything(docSessionFromRequest(req))) {
    return res.status(400).json({ error: 'access denied' });
  }
  res.json(await activeDoc.getProposals());
});
`,
      errors: [{ messageId: "refusalText", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import { Router } from 'express';
const router = Router();
router.get('/api/docs/:docId/proposals', async (req, res) => {
  const activeDoc = await getActiveDoc(req.params.docId);
  if (!await activeDoc.canCopyEverything(docSessionFromRequest(req))) {
    return res.status(403).json({ error: 'access denied' });
  }
  res.json(await activeDoc.getProposals());
});
` }] }],
    },
    {
      name: "nest: a record of the store read where it may be missing too (found?.isActive)",
      filename: "src/api/journeys/journeys.service.ts",
      code: `import { HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class JourneysService {
  async setPaused(id: string, value: boolean) {
    const found = await this.journeysRepository.findOneBy({ id });
    if (!found?.isActive) throw new HttpException('The Journey has not been started yet.', 400);
    if (found.availability !== Availability.Private) throw new HttpException('The journey is public.', 400);
    return this.journeysRepository.save({ ...found, isPaused: value });
  }
}
`,
      errors: [{ messageId: "storedState", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class JourneysService {
  async setPaused(id: string, value: boolean) {
    const found = await this.journeysRepository.findOneBy({ id });
    if (!found?.isActive) throw new HttpException('The Journey has not been started yet.', 409);
    if (found.availability !== Availability.Private) throw new HttpException('The journey is public.', 400);
    return this.journeysRepository.save({ ...found, isPaused: value });
  }
}
` }] }, { messageId: "storedState", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { HttpException, Injectable } from '@nestjs/common';
@Injectable()
export class JourneysService {
  async setPaused(id: string, value: boolean) {
    const found = await this.journeysRepository.findOneBy({ id });
    if (!found?.isActive) throw new HttpException('The Journey has not been started yet.', 400);
    if (found.availability !== Availability.Private) throw new HttpException('The journey is public.', 409);
    return this.journeysRepository.save({ ...found, isPaused: value });
  }
}
` }] }],
    },
    {
      name: "express: a 400 decided by what a record found earlier holds",
      filename: "src/linked-accounts.ts",
      code: `import { Router } from 'express';
const router = Router();
router.delete('/:id/linked-accounts/plex', async (req, res) => {
  const user = await userRepository.createQueryBuilder('user').where('user.id = :id', { id: Number(req.params.id) }).getOne();
  if (!user) return res.status(404).json({ message: 'User not found.' });
  if (user.id === 1) return res.status(400).json({ message: 'Cannot unlink media server accounts for the primary administrator.' });
  if (!user.email || !user.password) return res.status(400).json({ message: 'User does not have a local email or password set.' });
  return res.status(204).send();
});
`,
      errors: [
        { messageId: "storedState", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { Router } from 'express';
const router = Router();
router.delete('/:id/linked-accounts/plex', async (req, res) => {
  const user = await userRepository.createQueryBuilder('user').where('user.id = :id', { id: Number(req.params.id) }).getOne();
  if (!user) return res.status(404).json({ message: 'User not found.' });
  if (user.id === 1) return res.status(409).json({ message: 'Cannot unlink media server accounts for the primary administrator.' });
  if (!user.email || !user.password) return res.status(400).json({ message: 'User does not have a local email or password set.' });
  return res.status(204).send();
});
` }] },
        { messageId: "storedState", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 409, replacement: "409" }, output: `import { Router } from 'express';
const router = Router();
router.delete('/:id/linked-accounts/plex', async (req, res) => {
  const user = await userRepository.createQueryBuilder('user').where('user.id = :id', { id: Number(req.params.id) }).getOne();
  if (!user) return res.status(404).json({ message: 'User not found.' });
  if (user.id === 1) return res.status(400).json({ message: 'Cannot unlink media server accounts for the primary administrator.' });
  if (!user.email || !user.password) return res.status(409).json({ message: 'User does not have a local email or password set.' });
  return res.status(204).send();
});
` }] },
      ],
    },
    {
      name: "a catch that answers every failure of the server's own work with 400",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `app.post('/ports', async (req, res) => {
  try {
    await createPort(req.body);
  } catch (error) {
    return res.status(400).json({ message: 'Error input: Inserting port', cause: error.message });
  }
});
`,
      errors: [
        {
          messageId: "catchAll",
          data: { message: "400 Bad Request sent for any failure of \`createPort(...)\`: this catch answers every error the same way, so the server's own failures (a database error, a bug) are blamed on the client. Answer the client's mistakes with 400 (or 404, 409, 422) where they are known, and the rest with 500 Internal Server Error." },
          line: 5,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: { status: 500, replacement: "500" },
              output: `app.post('/ports', async (req, res) => {
  try {
    await createPort(req.body);
  } catch (error) {
    return res.status(500).json({ message: 'Error input: Inserting port', cause: error.message });
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: duplicate email",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.post('/register', async (req, res) => {
  const { email, password } = req.body;
  if (!email || !password) {
    return res.status(400).json({ message: 'Email and password are required' });
  }
  const existingUser = await User.findOne({ email });
  if (existingUser) {
    return res.status(400).json({ message: 'User already exists' });
  }
  const user = await User.create({ email, password });
  res.status(201).json(user);
});
`,
      errors: [
        {
          messageId: "conflictText",
          data: { message: "400 Bad Request used for a conflict with the current state: the message says \"already exists\". Use 409 Conflict." },
          line: 11,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"409"},
              output: `const express = require('express');
const router = express.Router();

router.post('/register', async (req, res) => {
  const { email, password } = req.body;
  if (!email || !password) {
    return res.status(400).json({ message: 'Email and password are required' });
  }
  const existingUser = await User.findOne({ email });
  if (existingUser) {
    return res.status(409).json({ message: 'User already exists' });
  }
  const user = await User.create({ email, password });
  res.status(201).json(user);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: lookup found a match, message says nothing",
      filename: "src/routes.ts",
      code: `import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/workspaces', async (req, res) => {
  const slug = String(req.body.slug);
  const workspace = await prisma.workspace.findUnique({ where: { slug } });
  if (workspace) {
    return res.status(400).json({ code: 'SLUG' });
  }
  res.status(201).json(await prisma.workspace.create({ data: { slug } }));
});
`,
      errors: [
        {
          messageId: "conflictLookup",
          data: { message: "400 Bad Request sent because a lookup found a match (`workspace` from `prisma.workspace.findUnique(...)`, tested in `workspace`): that is a conflict with existing state. Use 409 Conflict." },
          line: 10,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"409"},
              output: `import { Router } from 'express';
import { prisma } from '../db';

export const router = Router();

router.post('/workspaces', async (req, res) => {
  const slug = String(req.body.slug);
  const workspace = await prisma.workspace.findUnique({ where: { slug } });
  if (workspace) {
    return res.status(409).json({ code: 'SLUG' });
  }
  res.status(201).json(await prisma.workspace.create({ data: { slug } }));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: insufficient funds",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();

app.post('/transfers', async (req, res) => {
  const account = await Account.findById(req.body.from);
  if (account.balance < req.body.amount) {
    return res.status(StatusCodes.BAD_REQUEST).json({ error: 'Insufficient funds' });
  }
  res.json(await transfer(req.body));
});
`,
      errors: [
        {
          messageId: "businessRuleText",
          data: { message: "400 Bad Request used for a business rule on well-formed data: the message says \"insufficient funds\". Use 422 Unprocessable Content." },
          line: 8,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":422,"replacement":"StatusCodes.UNPROCESSABLE_ENTITY"},
              output: `const express = require('express');
const { StatusCodes } = require('http-status-codes');
const app = express();

app.post('/transfers', async (req, res) => {
  const account = await Account.findById(req.body.from);
  if (account.balance < req.body.amount) {
    return res.status(StatusCodes.UNPROCESSABLE_ENTITY).json({ error: 'Insufficient funds' });
  }
  res.json(await transfer(req.body));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: cannot cancel a shipped order",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Router = require('koa-router');
const router = new Router();

router.post('/orders/:id/cancel', async (ctx) => {
  const order = await Order.findById(ctx.params.id);
  if (order.status === 'shipped') {
    ctx.status = 400;
    ctx.body = { error: 'Cannot cancel an order that has already shipped' };
    return;
  }
  ctx.body = await order.cancel();
});
`,
      errors: [
        {
          messageId: "conflictText",
          data: { message: "400 Bad Request used for a conflict with the current state: the message says \"already shipped\". Use 409 Conflict." },
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"409"},
              output: `const Router = require('koa-router');
const router = new Router();

router.post('/orders/:id/cancel', async (ctx) => {
  const order = await Order.findById(ctx.params.id);
  if (order.status === 'shipped') {
    ctx.status = 409;
    ctx.body = { error: 'Cannot cancel an order that has already shipped' };
    return;
  }
  ctx.body = await order.cancel();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: out of stock",
      filename: "src/routes.ts",
      code: `import type { FastifyInstance } from 'fastify';

export default async function (app: FastifyInstance) {
  app.post('/cart/items', async (request, reply) => {
    const product = await findProduct(request.body.sku);
    if (product.stock === 0) {
      return reply.status(400).send({ message: 'Product is out of stock' });
    }
    return addToCart(product);
  });
}
`,
      errors: [
        {
          messageId: "businessRuleText",
          data: { message: "400 Bad Request used for a business rule on well-formed data: the message says \"out of stock\". Use 422 Unprocessable Content." },
          line: 7,
          column: 27,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":422,"replacement":"422"},
              output: `import type { FastifyInstance } from 'fastify';

export default async function (app: FastifyInstance) {
  app.post('/cart/items', async (request, reply) => {
    const product = await findProduct(request.body.sku);
    if (product.stock === 0) {
      return reply.status(422).send({ message: 'Product is out of stock' });
    }
    return addToCart(product);
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "hono: HTTPException for a taken username",
      filename: "src/routes.ts",
      code: `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

const app = new Hono();
app.post('/users', async (c) => {
  const { username } = await c.req.json();
  if (await isTaken(username)) {
    throw new HTTPException(400, { message: 'Username is already taken' });
  }
  return c.json({ username }, 201);
});
`,
      errors: [
        {
          messageId: "conflictText",
          data: { message: "400 Bad Request used for a conflict with the current state: the message says \"already taken\". Use 409 Conflict." },
          line: 8,
          column: 29,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"409"},
              output: `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

const app = new Hono();
app.post('/users', async (c) => {
  const { username } = await c.req.json();
  if (await isTaken(username)) {
    throw new HTTPException(409, { message: 'Username is already taken' });
  }
  return c.json({ username }, 201);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: BadRequestException for a duplicate",
      filename: "src/routes.ts",
      code: `import { BadRequestException, Injectable } from '@nestjs/common';

@Injectable()
export class TagsService {
  async create(name: string) {
    const tag = await this.repo.findOneBy({ name });
    if (tag) throw new BadRequestException('Duplicate tag name');
    return this.repo.save({ name });
  }
}
`,
      errors: [
        {
          messageId: "conflictText",
          data: { message: "400 Bad Request used for a conflict with the current state: the message says \"duplicate\". Use 409 Conflict." },
          line: 7,
          column: 24,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"ConflictException"},
              output: `import { ConflictException, Injectable } from '@nestjs/common';

@Injectable()
export class TagsService {
  async create(name: string) {
    const tag = await this.repo.findOneBy({ name });
    if (tag) throw new ConflictException('Duplicate tag name');
    return this.repo.save({ name });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "boom: badRequest for a state conflict",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Boom = require('@hapi/boom');

async function publish(request) {
  const article = await Article.get(request.params.id);
  if (article.published) throw Boom.badRequest('Article is already published');
  return article.publish();
}
module.exports = { publish };
`,
      errors: [
        {
          messageId: "conflictText",
          data: { message: "400 Bad Request used for a conflict with the current state: the message says \"already published\". Use 409 Conflict." },
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"Boom.conflict"},
              output: `const Boom = require('@hapi/boom');

async function publish(request) {
  const article = await Article.get(request.params.id);
  if (article.published) throw Boom.conflict('Article is already published');
  return article.publish();
}
module.exports = { publish };
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: a service refuses a business rule with a 400",
      filename: "src/wallet/wallet.service.ts",
      code: `import { BadRequestException, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class WalletService {
  constructor(private readonly prisma: PrismaService) {}

  async withdraw(walletId: string, amount: number) {
    if (!Number.isFinite(amount) || amount <= 0) {
      throw new BadRequestException('amount must be a positive number');
    }
    const wallet = await this.prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
    if (amount > wallet.balance) {
      throw new BadRequestException('You cannot withdraw more than the available balance');
    }
    return this.prisma.wallet.update({ where: { id: walletId }, data: { balance: { decrement: amount } } });
  }
}
`,
      errors: [
        {
          messageId: "businessRuleText",
          data: { message: "400 Bad Request used for a business rule on well-formed data: the message says \"more than the available\". Use 422 Unprocessable Content." },
          line: 14,
          column: 17,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":422,"replacement":"UnprocessableEntityException"},
              output: `import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class WalletService {
  constructor(private readonly prisma: PrismaService) {}

  async withdraw(walletId: string, amount: number) {
    if (!Number.isFinite(amount) || amount <= 0) {
      throw new BadRequestException('amount must be a positive number');
    }
    const wallet = await this.prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
    if (amount > wallet.balance) {
      throw new UnprocessableEntityException('You cannot withdraw more than the available balance');
    }
    return this.prisma.wallet.update({ where: { id: walletId }, data: { balance: { decrement: amount } } });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: a capacity rule in a chained, multi-line send",
      filename: "src/routes/reservations.ts",
      code: `import { Router } from 'express';
import { db } from '../db.js';

export const reservations = Router();

reservations.post('/tables/:id/reservations', async (req, res) => {
  const table = await db.table.findUniqueOrThrow({ where: { id: req.params.id } });
  if (req.body.partySize > table.seats) {
    return res
      .status(400)
      .json({ message: \`This table seats at most \${table.seats} people\` });
  }
  res.status(201).json(await db.reservation.create({ data: { tableId: table.id, ...req.body } }));
});
`,
      errors: [
        {
          messageId: "businessRuleText",
          data: { message: "400 Bad Request used for a business rule on well-formed data: the message says \"seats at most people\". Use 422 Unprocessable Content." },
          line: 10,
          column: 15,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":422,"replacement":"422"},
              output: `import { Router } from 'express';
import { db } from '../db.js';

export const reservations = Router();

reservations.post('/tables/:id/reservations', async (req, res) => {
  const table = await db.table.findUniqueOrThrow({ where: { id: req.params.id } });
  if (req.body.partySize > table.seats) {
    return res
      .status(422)
      .json({ message: \`This table seats at most \${table.seats} people\` });
  }
  res.status(201).json(await db.reservation.create({ data: { tableId: table.id, ...req.body } }));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: a lookup destructured from a query-builder chain",
      filename: "src/routes/teams.ts",
      code: `import { Router } from 'express';
import { supabase } from '../supabase.js';

export const teams = Router();

teams.post('/teams', async (req, res) => {
  const { data: existing } = await supabase.from('teams').select('id').eq('slug', req.body.slug).maybeSingle();
  if (existing) {
    return res.status(400).json({ error: 'Pick another slug' });
  }
  const { data } = await supabase.from('teams').insert({ slug: req.body.slug, name: req.body.name }).select().single();
  res.status(201).json(data);
});
`,
      errors: [
        {
          messageId: "conflictLookup",
          data: { message: "400 Bad Request sent because a lookup found a match (`existing` from `supabase.from().select().eq().maybeSingle(...)`, tested in `existing`): that is a conflict with existing state. Use 409 Conflict." },
          line: 9,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":409,"replacement":"409"},
              output: `import { Router } from 'express';
import { supabase } from '../supabase.js';

export const teams = Router();

teams.post('/teams', async (req, res) => {
  const { data: existing } = await supabase.from('teams').select('id').eq('slug', req.body.slug).maybeSingle();
  if (existing) {
    return res.status(409).json({ error: 'Pick another slug' });
  }
  const { data } = await supabase.from('teams').insert({ slug: req.body.slug, name: req.body.name }).select().single();
  res.status(201).json(data);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
