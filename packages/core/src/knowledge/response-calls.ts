// Which calls send a response in each framework, and which argument carries what, as data shared by the front ends.

export type FrameworkId = 'express' | 'node-http' | 'koa' | 'fastify' | 'hono' | 'nestjs' | 'nextjs' | 'remix' | 'fetch' | 'http-errors' | 'boom' | 'hapi' | 'egg';

/** The modules whose import marks a file as code of a framework. */
export const frameworkModules: Readonly<Record<FrameworkId, readonly string[]>> = {
  express: ['express', 'express-serve-static-core', '@types/express'],
  'node-http': ['http', 'node:http', 'https', 'node:https', 'http2', 'node:http2'],
  koa: ['koa', '@koa/router', 'koa-router', 'koa-compose', 'koa-body', '@koa/cors'],
  fastify: ['fastify', 'fastify-plugin', '@fastify/sensible'],
  hono: ['hono', 'hono/http-exception', 'hono/factory', 'hono/types', '@hono/node-server', '@hono/zod-openapi', '@hono/zod-validator'],
  nestjs: ['@nestjs/common'],
  nextjs: ['next/server', 'next'],
  // `remix`: the single package Remix apps imported from before 1.0 split it (`import { json } from 'remix'`).
  remix: ['remix', '@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/react', 'react-router', '@react-router/node', '@react-router/cloudflare', 'remix-typedjson'],
  fetch: [],
  'http-errors': ['http-errors'],
  boom: ['@hapi/boom', 'boom'],
  hapi: ['@hapi/hapi', 'hapi'],
  // Egg.js and its tegg decorators (`@HTTPController`, `@HTTPMethod`); its `ctx` is Koa's.
  egg: ['egg', '@eggjs/tegg', '@eggjs/controller-decorator', '@eggjs/core'],
};

/**
 * Remix and React Router: functions that make a fetch `Response` (`json(body, { status })`, `json(body, 401)`,
 * React Router's `data(body, init)`, remix-typedjson's `typedjson(body, init)`). What a route module's `loader` or `action` returns as a plain object goes out
 * as JSON with 200.
 */
export const remixResponseFunctions: readonly string[] = ['json', 'data', 'typedjson'];

/**
 * SvelteKit: `json(body, init)` and `text(body, init)` make a fetch `Response` in a `+server.ts` handler;
 * `error(status, body)` throws the `HttpError` SvelteKit answers with that status.
 */
export const svelteKitModules: readonly string[] = ['@sveltejs/kit'];
export const svelteKitResponseFunctions: readonly string[] = ['json', 'text'];

/** A method on a response object (`res`, `reply`, `c`) that sends or sets the status. */
export interface ResponseMethod {
  readonly name: string;
  /** Sets the status from this argument. */
  readonly statusArgument?: number;
  /** Sends this argument as the body. */
  readonly bodyArgument?: number;
  /** Headers given as this argument (an object), or through a `{ status, headers }` init object. */
  readonly headersArgument?: number;
  /** Only sets the status; the body is sent by a later call or by the handler's return value. */
  readonly setsStatusOnly?: boolean;
  /** Sends the response: without a status set before, that is the framework's default 200. */
  readonly sends?: boolean;
}

/** Express (also Next.js API routes and NestJS `@Res()`), on `res`. */
export const expressResponseMethods: readonly ResponseMethod[] = [
  { name: 'status', statusArgument: 0, setsStatusOnly: true },
  { name: 'sendStatus', statusArgument: 0, sends: true },
  { name: 'json', bodyArgument: 0, sends: true },
  { name: 'jsonp', bodyArgument: 0, sends: true },
  { name: 'send', bodyArgument: 0, sends: true },
  { name: 'end', bodyArgument: 0, sends: true },
  { name: 'writeHead', statusArgument: 0, headersArgument: 1, setsStatusOnly: true },
];

/** Express calls that send without a body argument, with the status they send by default (`res.redirect(301, url)` takes its status first). */
export const expressDefaultStatusSends: Readonly<Record<string, number>> = {
  redirect: 302,
  render: 200,
  sendFile: 200,
  download: 200,
};

/** node:http `ServerResponse`. */
export const nodeResponseMethods: readonly ResponseMethod[] = [
  { name: 'writeHead', statusArgument: 0, headersArgument: 1, setsStatusOnly: true },
  { name: 'end', bodyArgument: 0, sends: true },
];

/** Fastify `reply`. */
export const fastifyReplyMethods: readonly ResponseMethod[] = [
  { name: 'code', statusArgument: 0, setsStatusOnly: true },
  { name: 'status', statusArgument: 0, setsStatusOnly: true },
  { name: 'send', bodyArgument: 0, sends: true },
];

/** Hono `c`. */
export const honoContextMethods: readonly ResponseMethod[] = [
  { name: 'status', statusArgument: 0, setsStatusOnly: true },
  { name: 'json', bodyArgument: 0, statusArgument: 1, headersArgument: 2, sends: true },
  { name: 'text', bodyArgument: 0, statusArgument: 1, headersArgument: 2, sends: true },
  { name: 'html', bodyArgument: 0, statusArgument: 1, headersArgument: 2, sends: true },
  { name: 'body', bodyArgument: 0, statusArgument: 1, headersArgument: 2, sends: true },
  { name: 'newResponse', bodyArgument: 0, statusArgument: 1, headersArgument: 2, sends: true },
];

/** Hono calls on `c` that answer with a status of their own: `c.notFound()`, `c.redirect(url, 301)` (the status comes second). */
export const honoDefaultStatusSends: Readonly<Record<string, { readonly status: number; readonly statusArgument?: number }>> = {
  notFound: { status: 404 },
  redirect: { status: 302, statusArgument: 1 },
};

/** Methods that set a header, by receiver kind. `name, value` pairs or one object of headers. */
export const headerSetters: Readonly<Record<'express' | 'node-http' | 'koa' | 'fastify' | 'hono' | 'fetch', readonly string[]>> = {
  express: ['set', 'header', 'setHeader', 'append', 'setHeaders'],
  'node-http': ['setHeader', 'appendHeader', 'setHeaders'],
  koa: ['set', 'append'],
  fastify: ['header', 'headers'],
  hono: ['header'],
  fetch: ['set', 'append'],
};

/** hapi's response toolkit `h`: `h.response(body)` makes a response (200 unless `.code(n)`), chained calls set status and headers. */
export const hapiToolkit = {
  responseMethod: 'response',
  statusMethod: 'code',
  headerMethod: 'header',
  /** The route config property that holds the handler, directly or under `options` / `config`. */
  handlerProperty: 'handler',
  optionsProperties: ['options', 'config'],
} as const;

/** Koa `ctx`: properties assigned to set the status and body, and the methods that throw or assert. */
export const koaContext = {
  statusProperty: 'status',
  bodyProperty: 'body',
  throwMethod: 'throw',
  assertMethod: 'assert',
} as const;

/** Callees whose handlers run when a rate limiter trips: such libraries set `Retry-After` themselves. */
export const rateLimiterModules: readonly string[] = [
  'express-rate-limit',
  'express-slow-down',
  'rate-limiter-flexible',
  '@fastify/rate-limit',
  'koa-ratelimit',
  'koa2-ratelimit',
  'hono-rate-limiter',
  '@nestjs/throttler',
  'express-brute',
];

/**
 * Rate limiters whose own error, thrown when they trip, comes after they set `Retry-After` on the response
 * (`@nestjs/throttler`'s guard sets it, then throws `ThrottlerException`). Not rate-limiter-flexible: its
 * `RateLimiterRes` only tells the code when to retry, and the code must say it.
 */
export const rateLimiterErrorModules: readonly string[] = ['@nestjs/throttler'];

/** A rate limiter option that decides whether the library sets `Retry-After` before it calls a custom handler. */
export interface RateLimiterHeaderOption {
  readonly name: string;
  /** Older names of the same option, read when `name` is not given. */
  readonly aliases?: readonly string[];
  /** The value when the option is not given: does the library then set the header? */
  readonly defaultSets: boolean;
}

/**
 * Rate limiters whose `Retry-After` depends on their options: the header is set when any of these options is on.
 * express-rate-limit sets it when `legacyHeaders` (default on; `headers` in v5) or `standardHeaders` (default off) is on.
 * Limiters not listed here are taken to set it always.
 */
export const rateLimiterHeaderOptions: Readonly<Record<string, readonly RateLimiterHeaderOption[]>> = {
  'express-rate-limit': [
    { name: 'legacyHeaders', aliases: ['headers'], defaultSets: true },
    { name: 'standardHeaders', defaultSets: false },
  ],
};
