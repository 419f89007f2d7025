// no-401-for-forbidden: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.
import { javascript, ruleTester } from './rule-tester.js';
import rule from '../src/rules/no-401-for-forbidden.js';

ruleTester.run("no-401-for-forbidden", rule, {
  valid: [
    {
      name: "express: step-up authentication (checkIfElevated) refused: the caller must sign in again first, whatever 'not allowed to perform' says",
      filename: "src/routes/security.ts",
      code: `import express from 'express';
import { checkIfElevated } from '../auth/elevation';
const app = express();
app.post('/security/2fa/disable', async (req, res) => {
  if (!(await checkIfElevated(req))) {
    return res.status(401).json({ error: 'You are not allowed to perform elevated action at this moment. Please try again' });
  }
  res.json({ disabled: true });
});
`,
    },
    {
      name: "hono: generic words ('Not authorized to access this resource') answering whatever the token's check threw, in the catch of an auth middleware and in the helper it hands the error to",
      filename: "src/middleware/auth.ts",
      code: `import type { Context, Next } from 'hono';
import { verify } from 'hono/jwt';
const handleError = (err: Error, c: Context) => {
  if (err instanceof SyntaxError) return c.json({ error: 'Invalid token structure.' }, 400);
  return c.json({ error: 'Not authorized to access this resource.' }, 401);
};
export const authMiddleware = async (c: Context, next: Next) => {
  try {
    const token = c.req.header('Authorization')?.replace('Bearer ', '') ?? '';
    c.set('user', await verify(token, c.env.JWT_SECRET));
    await next();
  } catch (err) {
    return handleError(err as Error, c);
  }
};
export const strictAuth = async (c: Context, next: Next) => {
  try {
    c.set('user', await verify(c.req.header('Authorization') ?? '', c.env.JWT_SECRET));
  } catch (error) {
    return c.json({ error: 'Not authorized to access this resource.' }, 401);
  }
  await next();
};
`,
    },
    {
      name: "a sign-in refused because the password did not check out (a name that says so: isPasswordValid) is a credential failure, after the account was found",
      filename: "src/modules/auth/services/authService.ts",
      code: `import { HTTPException } from 'hono/http-exception';
export async function login(email: string, password: string) {
  const user = await db.query.users.findFirst({ where: (users, { eq }) => eq(users.email, email) });
  if (!user) throw new HTTPException(401, { message: 'Invalid credentials' });
  const isPasswordValid = await Bun.password.verify(password, user.password);
  if (!isPasswordValid) {
    await logActivity({ userId: user.id, activityType: 'login_failed' });
    throw new HTTPException(401);
  }
  return createSession(user);
}
`,
    },
    {
      name: "nest: a 401 for a token that decodes to no user id, after the token was found, is about the credential",
      filename: "src/modules/user/user.controller.ts",
      code: `import { Controller, HttpException, HttpStatus, Post, Req } from '@nestjs/common';
@Controller('user')
export class UserController {
  constructor(private readonly jwtService: any, private readonly userService: any) {}
  @Post('update')
  async update(@Req() req: any) {
    let token = req.headers['authorization'];
    if (!token) {
      throw new HttpException('未认证', HttpStatus.UNAUTHORIZED);
    }
    const tokenUser = this.jwtService.decode(token.split(' ').pop());
    const id = tokenUser.id;
    if (!id) {
      throw new HttpException('未认证', HttpStatus.UNAUTHORIZED);
    }
    return this.userService.update(id, req.body);
  }
}
`,
    },
    {
      name: "next pages: a 401 when the caller's own account, looked up by the session's id alone, is gone",
      filename: "pages/api/me.ts",
      code: `export default async function handler(req: any, res: any) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end('Unauthorized');
  const userId = (session.user as CustomUser).id;
  const profile = await prisma.profile.findUnique({ where: { userId } });
  if (!profile) return res.status(401).end('Unauthorized');
  return res.json(profile);
}
`,
    },
    {
      name: "next pages: a 401 when no API key matches the hash the caller sent, even looked up with the caller's id",
      filename: "pages/api/keys/check.ts",
      code: `export default async function handler(req: any, res: any) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).end('Unauthorized');
  const userId = session.user.id;
  const apiKey = await prisma.apiKey.findFirst({ where: { hashedKey: hash(req.headers['x-api-key']), userId } });
  if (!apiKey) return res.status(401).end('Unauthorized');
  return res.json({ ok: true });
}
`,
    },
    {
      name: "express: a sign-in route whose catch answers 401 when the provider refused the caller's token (no guard signed the caller in)",
      filename: "src/auth/google.ts",
      code: `import axios from 'axios';
router.post('/auth/google', async (req: any, res: any) => {
  try {
    const profile = await axios.get('https://oauth2.example.com/tokeninfo', { params: { id_token: req.body.token } });
    res.json(await signIn(profile.data));
  } catch (error) {
    res.status(401).json({ message: 'Invalid token' });
  }
});
`,
    },
    {
      name: "hono: a 401 when no record is found for the device id the caller presented: the credential is unknown, not a setting",
      filename: "src/middleware/deviceAuth.ts",
      code: `import { HTTPException } from 'hono/http-exception';
export const deviceAuth = async (c: any, next: any) => {
  const deviceId = c.req.header('x-device');
  if (!deviceId) throw new HTTPException(401, { message: 'Missing device' });
  const deviceConfig = await loadDeviceConfig({ db: c.get('db'), deviceId });
  if (!deviceConfig) {
    throw new HTTPException(401, { message: 'Device ID invalid' });
  }
  await next();
};
`,
    },
    {
      name: "nest: after a role check fails, a 401 for a guest and a 403 for a known caller",
      filename: "src/guards/identity.guard.ts",
      code: `import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class IdentityGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { identity } = context.switchToHttp().getRequest();
    const onlyRoles = this.reflector.getAllAndOverride<string[]>('roles', [context.getHandler()]);
    if (onlyRoles === undefined) return true;
    if (onlyRoles.includes(identity.role)) return true;
    if (identity.isGuest) {
      throw new UnauthorizedException('Please login to access this resource');
    } else {
      throw new ForbiddenException('You do not have permission to access this resource');
    }
  }
}
`,
    },
    {
      name: "hono: inside a failed permission check, a 401 for a caller the middleware did not put on the context, a 403 for a known one",
      filename: "src/utils/require-workspace-permission.ts",
      code: `import type { Context, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
export function requireWorkspacePermission(permissions: string[]) {
  return async (c: Context, next: Next) => {
    if (!(await hasWorkspacePermission(c, permissions))) {
      if (!c.get('userId')) {
        throw new HTTPException(401, { message: 'Unauthorized' });
      }
      throw new HTTPException(403, { message: 'Insufficient permissions' });
    }
    return next();
  };
}
`,
    },
    {
      name: "nest: a sign-in by e-mail refused for the state of the account the request named: nobody is signed in yet",
      filename: "src/auth/auth.service.ts",
      code: `import { UnauthorizedException } from '@nestjs/common';
export class AuthService {
  async signIn(dto: { email: string; password: string }) {
    const user = await this.users.findOne({ where: { email: dto.email } });
    if (!user) throw new UnauthorizedException('Invalid credentials');
    if (!user.isEmailVerified) throw new UnauthorizedException('Please verify your email first');
    return this.tokens.issue(user);
  }
}
`,
    },
    {
      name: "nest: 'Access denied' where one branch of the condition is a caller nobody signed in as (`!request.user?.id || !request.user?.roles?.length`)",
      filename: "src/filters/auth.interceptor.ts",
      code: `import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    if (!request.user?.id || !request.user?.roles?.length) throw new HttpException('Access denied', HttpStatus.UNAUTHORIZED);
    return true;
  }
}
`,
    },
    {
      name: "a sign-in that finds no account by the user name (the record is called admin) after asking only that both fields were sent: nobody is signed in",
      filename: "backend/src/services/adminService.js",
      languageOptions: javascript,
      code: `export async function login(db, username, password, repositoryFactory) {
  if (!username || !password) {
    throw new ValidationError('用户名和密码不能为空');
  }
  const adminRepository = repositoryFactory.getAdminRepository();
  const admin = await adminRepository.findByUsername(username);
  if (!admin) {
    throw new AuthenticationError('用户名或密码错误');
  }
  return admin;
}
export class ValidationError extends Error { constructor(message) { super(message); this.status = 400; } }
export class AuthenticationError extends Error { constructor(message) { super(message); this.status = 401; } }
`,
    },
    {
      name: "an account found by the e-mail the request gives (a magic link) is nobody signed in: its refusals are no permission's",
      filename: "src/routes/auth/send-magic-link.ts",
      code: `import { TRPCError } from '@trpc/server';
export const handler = async (ctx: Context, input: { email: string }) => {
  const user = await ctx.db.users.findOne({ email: input.email });
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resource not found' });
  if (user.emailVerificationCode) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email not verified' });
  const sent = await ctx.redis.get(\`user:\${user._id}:magicLinkSent\`);
  if (sent === 'true') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  await sendMagicLink(user);
};
`,
    },
    {
      name: "a login's missing user name, password or token is a missing credential: a 401 is right",
      filename: "src/routes/login.ts",
      code: `import express from 'express';
const app = express();
app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  if (!email || !password) return res.status(401).json({ message: 'Fill in both fields' });
  if (!req.query.token) return res.status(401).json({ message: 'Missing link' });
  if (!req.body.name) return res.status(401).json({ message: 'Your session has expired' });
  res.json(await signIn(email, password));
});
`,
    },
    {
      name: "a check named for access but handed the credential (isAuthorized(authorization)) asks who the caller is",
      filename: "src/files/minio/api.ts",
      code: `import express from 'express';
const app = express();
app.post('/minio', async (req, res) => {
  const { authorization } = req.headers;
  if (!(await isAuthorized(authorization))) {
    return res.status(401).end();
  }
  res.end();
});
`,
    },
    {
      name: "a check named for access and handed the request alone (hasConsoleAccess(req)) reads its key: who the caller is",
      filename: "src/auth/console.ts",
      code: `import express from 'express';
const app = express();
app.get('/console', (req, res) => {
  if (!checkNoteAccess(req.params.noteId, req, res)) {
    res.set('WWW-Authenticate', 'Basic realm="notes"');
    return res.status(401).send('Unauthorized');
  }
  res.send('ok');
});
`,
    },
    {
      name: "express: behind an authentication middleware, a check that the user is there at all is still about who the caller is",
      filename: "server/src/routes/auth.ts",
      code: `import { Router } from 'express';
import { requireSignIn } from '../middlewares/auth';
export const router = Router();
router.get('/user/:id', requireSignIn, async (req, res) => {
  if (!req.user || !req.user.id) {
    return res.status(401).json({ message: 'Unauthorized' });
  }
  res.json(await findUser(req.params.id));
});
`,
    },
    {
      name: "express: a middleware that only tries to authenticate lets anonymous callers through",
      filename: "server/routes/pages.js",
      code: `const express = require('express');
const router = express.Router();
router.put('/rename', optionalAuth, async (req, res) => {
  const page = await Page.findById(req.body.pageId);
  if (page == null) {
    return res.status(401).json({ error: 'The page is not found' });
  }
  res.json(await page.rename(req.body.newPath));
});
module.exports = router;
`,
    },
    {
      name: "an error thrown inside a try whose catch only logs it and returns false: never sent (Nest answers the guard's false with 403)",
      filename: "libs/core/src/guards/gql-auth.guard.ts",
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { UnauthorizedError } from '@app/errors';
@Injectable()
export class GqlAuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      const user = context.switchToHttp().getRequest().user;
      const resp = await this.roles.hasRights({ sub: user.id });
      if (resp.access === false) {
        throw new UnauthorizedError('Not authorized to read tenant');
      }
      return resp.access;
    } catch (e) {
      this.logger.error(e);
      return false;
    }
  }
}
`,
    },
    {
      name: "basic auth: a 401 that challenges for credentials says 'Access denied' of the credentials it did not get",
      filename: "src/app/middleware/basicAuth.ts",
      code: `import auth from 'basic-auth';
export const basicAuth = (username, password) => (req, res, next) => {
  const credentials = auth(req);
  if (credentials && check(credentials.name, credentials.pass)) {
    return next();
  }
  res.setHeader('WWW-Authenticate', 'Basic realm="admin"');
  res.status(401).send('Access denied');
};
`,
    },
    {
      name: "hono: the route's access level picks which credentials are wanted; the request's own key failed",
      filename: "packages/server-hono/src/auth/middleware.ts",
      code: `import type { Context, Next } from 'hono';
export function createAuthMiddleware(config) {
  return async (c: Context, next: Next) => {
    const access = resolveAccess(c.req.method, c.req.path, config);
    if (access === 'public') return next();
    if (access === 'console') {
      if (hasConsoleAccess(c.req.raw)) {
        return next();
      }
      return c.json({ success: false, error: 'Console access required' }, 401);
    }
    return next();
  };
}
`,
    },
    {
      name: "trpc: a check for a missing user kept inside a protected procedure is still about who the caller is",
      filename: "src/server/api/routers/domain.ts",
      code: `import { TRPCError } from '@trpc/server';
import { createTRPCRouter, protectedProcedure } from '../trpc';
export const domainRouter = createTRPCRouter({
  getOwnedDomains: protectedProcedure.query(async ({ ctx }) => {
    const user = ctx.user;
    if (!user) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
    }
    return ctx.db.query.domains.findMany({ where: { userId: user.id } });
  }),
});
`,
    },
    {
      name: "trpc: a 401 for a missing session or user, and nothing else",
      filename: "src/server/api/trpc.ts",
      code: `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<{ session?: { user?: { id: string } } }>().create();
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.session.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next();
});
`,
    },
    {
      name: "the parts of a verified token checked after its user: still the credential",
      filename: "app/server/lib/AccessTokens.ts",
      code: `import jwt from 'jsonwebtoken';
import { ApiError } from './ApiError';
export function verify(secret: string, token: string) {
  const content: any = jwt.verify(token, secret);
  const userId = content.userId;
  const docId = content.docId;
  if (!userId) { throw new ApiError('no userId in access token', 401); }
  if (!docId) { throw new ApiError('no docId in access token', 401); }
  return content;
}
`,
    },
    {
      name: "nest: a guard that let public routes through, then finds no user on the request",
      filename: "src/user/guards/ability.guard.ts",
      code: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class Ability implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    if (roles?.includes('public')) return true;
    const { user } = context.switchToHttp().getRequest();
    if (!user) throw new UnauthorizedException();
    return this.permissionService.can(user, roles);
  }
}
`,
    },
    {
      name: "trpc: a password check failed in the try, behind a setting that let it run",
      filename: "src/routers/api-keys.ts",
      code: `import { TRPCError } from '@trpc/server';
export const exchange = publicProcedure.mutation(async ({ input, ctx }) => {
  if (serverConfig.auth.disablePasswordAuth) throw new TRPCError({ code: 'FORBIDDEN', message: 'Password authentication is disabled' });
  try {
    return await validatePassword(input.email, input.password, ctx.db);
  } catch {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
});
`,
    },
    {
      name: "express: missing and invalid credentials are a 401",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

app.use((req, res, next) => {
  const header = req.headers.authorization;
  if (!header) return res.status(401).json({ error: 'Missing token' });
  try {
    req.user = jwt.verify(header.slice(7), process.env.SECRET);
    next();
  } catch (err) {
    return res.status(401).json({ error: 'Invalid or expired token' });
  }
});
`,
    },
    {
      name: "express: a 403 used correctly",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.authorId !== req.user.id) return res.status(403).json({ error: 'You can only delete your own posts' });
  res.status(204).end();
});
`,
    },
    {
      name: "express: 401 when the user is absent",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
app.get('/me', (req, res) => {
  if (!req.user || !req.session) {
    return res.status(401).json({ message: 'Please log in' });
  }
  res.json(req.user);
});
`,
    },
    {
      name: "client code reads a 401",
      filename: "src/client/api.ts",
      code: `export async function loadProfile() {
  const response = await fetch('/api/me');
  if (response.status === 401) {
    window.location.assign('/login');
    return null;
  }
  return response.json();
}
`,
    },
    {
      name: "a test asserts a 401",
      filename: "test/admin.test.ts",
      code: `import request from 'supertest';
import { app } from '../src/app';

describe('GET /admin', () => {
  it('rejects a regular user', async () => {
    const res = await request(app).get('/admin').set('Authorization', 'Bearer user');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Insufficient permissions' });
  });
});
`,
    },
    {
      name: "a variable named res that is not a response",
      filename: "src/script.js",
      languageOptions: javascript,
      code: `const res = await db.query('select role from users where id = $1', [id]);
if (res.rows[0].role !== 'admin') {
  console.log(res.status(401));
}
`,
    },
    {
      name: "nest: UnauthorizedException for a bad password",
      filename: "src/routes.ts",
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';

@Injectable()
export class AuthService {
  async login(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
      throw new UnauthorizedException('Invalid email or password');
    }
    return this.jwt.sign({ sub: user.id });
  }
}
`,
    },
    {
      name: "express: the user tested for presence beside a permission check",
      filename: "src/routes/billing.ts",
      code: `import { Router } from 'express';
import { hasPermission } from '../auth/permissions.js';

export const billing = Router();

billing.put('/billing/plan', async (req, res) => {
  if (!req.user || !hasPermission(req.user, 'billing:write')) {
    return res.sendStatus(401);
  }
  res.json(await changePlan(req.user.orgId, req.body.plan));
});
`,
    },
  ],
  invalid: [
    {
      name: "nuxt: a 401 when the key the caller stored for another system is missing ('OpenAI API key not found'): the caller's credentials did not fail (403)",
      filename: "server/utils/providers/openai.ts",
      code: `export async function useOpenAI(userId: string) {
  const data = await useDb().query.keys.findFirst({ where: { userId: parseInt(userId), provider: 'openai' } });
  if (!data?.apiKey) {
    throw createError({ statusCode: 401, statusMessage: 'OpenAI API key not found. Please set it up in the settings.' });
  }
  return createOpenAI({ apiKey: data.apiKey });
}
`,
      errors: [{ messageId: "otherSystemCredentials", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `export async function useOpenAI(userId: string) {
  const data = await useDb().query.keys.findFirst({ where: { userId: parseInt(userId), provider: 'openai' } });
  if (!data?.apiKey) {
    throw createError({ statusCode: 403, statusMessage: 'OpenAI API key not found. Please set it up in the settings.' });
  }
  return createOpenAI({ apiKey: data.apiKey });
}
` }] }],
    },
    {
      name: "nest: a 401 decided by what a method of the caller's permissions object answers (permissions.getOrgIdsWithSystemrecht) is a permission refusal (403)",
      filename: "src/modules/person/api/person.controller.ts",
      code: `import { Controller, Get, UnauthorizedException } from '@nestjs/common';
@Controller('personen')
export class PersonController {
  @Get()
  public async findPersons(@Permissions() permissions: IPersonPermissions) {
    const permittedOrgas = await permissions.getOrgIdsWithSystemrecht([RollenSystemRecht.PERSONEN_VERWALTEN], true);
    if (!permittedOrgas.all && permittedOrgas.orgaIds.length === 0) {
      throw new UnauthorizedException('NOT_AUTHORIZED');
    }
    return this.personRepository.find(permittedOrgas);
  }
}
`,
      errors: [{ messageId: "permissionGuard", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "ForbiddenException" }, output: `import { Controller, Get, ForbiddenException } from '@nestjs/common';
@Controller('personen')
export class PersonController {
  @Get()
  public async findPersons(@Permissions() permissions: IPersonPermissions) {
    const permittedOrgas = await permissions.getOrgIdsWithSystemrecht([RollenSystemRecht.PERSONEN_VERWALTEN], true);
    if (!permittedOrgas.all && permittedOrgas.orgaIds.length === 0) {
      throw new ForbiddenException('NOT_AUTHORIZED');
    }
    return this.personRepository.find(permittedOrgas);
  }
}
` }] }],
    },
    {
      name: "next pages: a 401 when a flag of the caller's permissions object is false (403); with the flag that says there is a caller, both are told apart",
      filename: "pages/api/invites/index.ts",
      code: `export default async function handler(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.body.communityId } });
  if (!permissions.manage) {
    return res.status(401).json({});
  }
  return res.json(await createInvite(req.body));
}
export async function plans(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.query.id } });
  if (!permissions.auth || !permissions.manage) {
    return res.status(401).end();
  }
  return res.json(await listPlans(req.query.id));
}
export async function starred(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.query.id } });
  if (!permissions.starred || !permissions.user?.id) {
    return res.status(401).end();
  }
  return res.json(await listStarred(permissions.user.id));
}
`,
      errors: [
        { messageId: "permissionGuard", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `export default async function handler(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.body.communityId } });
  if (!permissions.manage) {
    return res.status(403).json({});
  }
  return res.json(await createInvite(req.body));
}
export async function plans(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.query.id } });
  if (!permissions.auth || !permissions.manage) {
    return res.status(401).end();
  }
  return res.json(await listPlans(req.query.id));
}
export async function starred(req: any, res: any) {
  const permissions = await PermissionsService.get({ request: req, response: res, params: { communityId: req.query.id } });
  if (!permissions.starred || !permissions.user?.id) {
    return res.status(401).end();
  }
  return res.json(await listStarred(permissions.user.id));
}
` }] },
        { messageId: "permissionGuard", line: 11, suggestions: [] },
        { messageId: "permissionGuard", line: 18, suggestions: [] },
      ],
    },
    {
      name: "next pages: a 401 when the membership looked up by the signed-in caller's id and the team is not found (403)",
      filename: "pages/api/links/[id]/duplicate.ts",
      code: `export default async function handler(req: any, res: any) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    return res.status(401).end('Unauthorized');
  }
  const { teamId } = req.body as { teamId: string };
  const userId = (session.user as CustomUser).id;
  const teamAccess = await prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId } } });
  if (!teamAccess) {
    return res.status(401).end('Unauthorized');
  }
  return res.json(await duplicate(req.query.id, teamId));
}
`,
      errors: [{ messageId: "permissionGuard", line: 10, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `export default async function handler(req: any, res: any) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    return res.status(401).end('Unauthorized');
  }
  const { teamId } = req.body as { teamId: string };
  const userId = (session.user as CustomUser).id;
  const teamAccess = await prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId } } });
  if (!teamAccess) {
    return res.status(403).end('Unauthorized');
  }
  return res.json(await duplicate(req.query.id, teamId));
}
` }] }],
    },
    {
      name: "next app router: the same membership, looked up beside the record in one Promise.all",
      filename: "app/api/teams/[teamId]/datarooms/[id]/route.ts",
      code: `import { NextResponse } from 'next/server';
export async function GET(req: Request, { params }: { params: { teamId: string; id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const userId = session.user.id;
  const [teamAccess, dataroom] = await Promise.all([
    prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId: params.teamId } } }),
    prisma.dataroom.findUnique({ where: { id: params.id } }),
  ]);
  if (!teamAccess) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json(dataroom);
}
`,
      errors: [{ messageId: "permissionGuard", line: 11, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import { NextResponse } from 'next/server';
export async function GET(req: Request, { params }: { params: { teamId: string; id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const userId = session.user.id;
  const [teamAccess, dataroom] = await Promise.all([
    prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId: params.teamId } } }),
    prisma.dataroom.findUnique({ where: { id: params.id } }),
  ]);
  if (!teamAccess) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 403 });
  }
  return NextResponse.json(dataroom);
}
` }] }],
    },
    {
      name: "nest: a 401 when a call to another service failed, for a caller a guard already signed in, is that service's failure (502)",
      filename: "src/account/account.controller.ts",
      code: `import { Controller, Get, UnauthorizedException, UseGuards } from '@nestjs/common';
import axios from 'axios';
@Controller('account')
@UseGuards(UserSessionAuthGuard)
export class AccountController {
  @Get('providers')
  async providers() {
    try {
      const response = await axios.get('https://id.example.org/api/connections');
      return response.data;
    } catch (error) {
      throw new UnauthorizedException();
    }
  }
}
`,
      errors: [{ messageId: "upstreamCall", line: 12, suggestions: [{ messageId: "replaceStatus", data: { status: 502, replacement: "BadGatewayException" }, output: `import { Controller, Get, BadGatewayException, UseGuards } from '@nestjs/common';
import axios from 'axios';
@Controller('account')
@UseGuards(UserSessionAuthGuard)
export class AccountController {
  @Get('providers')
  async providers() {
    try {
      const response = await axios.get('https://id.example.org/api/connections');
      return response.data;
    } catch (error) {
      throw new BadGatewayException();
    }
  }
}
` }] }],
    },
    {
      name: "koa: the user the request acts on compared with the caller (params.id !== ctx.session.user.id)",
      filename: "server/lib/users/user-api.ts",
      code: `import httpErrors from 'http-errors';
import Router from '@koa/router';
const router = new Router();
router.post('/users/:id/language', async (ctx) => {
  const { params } = ctx;
  if (params.id !== ctx.session!.user.id) {
    throw new httpErrors.Unauthorized("Can't change another user's language");
  }
  ctx.status = 204;
});
`,
      errors: [{ messageId: "permissionGuard", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "httpErrors.Forbidden" }, output: `import httpErrors from 'http-errors';
import Router from '@koa/router';
const router = new Router();
router.post('/users/:id/language', async (ctx) => {
  const { params } = ctx;
  if (params.id !== ctx.session!.user.id) {
    throw new httpErrors.Forbidden("Can't change another user's language");
  }
  ctx.status = 204;
});
` }] }],
    },
    {
      name: "trpc: a record's tenant compared with the tenant the context holds for the caller (channel.tenantId !== ctx.tenant.id)",
      filename: "lib/trpc/routers/report.ts",
      code: `import { TRPCError } from '@trpc/server';
import { t } from '../trpc';
export const reportRouter = t.router({
  createSlack: t.procedure.input(schema).mutation(async ({ ctx, input }) => {
    const channel = await db.channel.findUnique({ where: { id: input.channelId } });
    if (!channel) {
      throw new TRPCError({ code: 'NOT_FOUND' });
    }
    if (channel.tenantId !== ctx.tenant.id) {
      throw new TRPCError({ code: 'UNAUTHORIZED' });
    }
    return channel;
  }),
});
`,
      errors: [{ messageId: "permissionGuard", line: 10, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "'FORBIDDEN'" }, output: `import { TRPCError } from '@trpc/server';
import { t } from '../trpc';
export const reportRouter = t.router({
  createSlack: t.procedure.input(schema).mutation(async ({ ctx, input }) => {
    const channel = await db.channel.findUnique({ where: { id: input.channelId } });
    if (!channel) {
      throw new TRPCError({ code: 'NOT_FOUND' });
    }
    if (channel.tenantId !== ctx.tenant.id) {
      throw new TRPCError({ code: 'FORBIDDEN' });
    }
    return channel;
  }),
});
` }] }],
    },
    {
      name: "nest: a state of the caller's own account (user.isOnboardingFinished) after the token found them",
      filename: "src/auth/auth.guard.ts",
      code: `import { CanActivate, ExecutionContext, UnauthorizedException } from '@nestjs/common';
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    const user = await this.authService.userOf(request.headers.authorization);
    if (!user) throw new UnauthorizedException('Invalid token');
    if (!user.isOnboardingFinished) {
      throw new UnauthorizedException('Onboarding not finished. Please complete the onboarding');
    }
    return true;
  }
}
`,
      errors: [{ messageId: "authenticatedCaller", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "ForbiddenException" }, output: `import { CanActivate, ExecutionContext, UnauthorizedException, ForbiddenException } from '@nestjs/common';
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    const user = await this.authService.userOf(request.headers.authorization);
    if (!user) throw new UnauthorizedException('Invalid token');
    if (!user.isOnboardingFinished) {
      throw new ForbiddenException('Onboarding not finished. Please complete the onboarding');
    }
    return true;
  }
}
` }] }],
    },
    {
      name: "express: the caller's own account must change its password first (req.user.needsPasswordChange): known, and refused",
      filename: "src/middleware/password.ts",
      code: `import type { NextFunction, Request, Response } from 'express';
export function requireFreshPassword(req: Request, res: Response, next: NextFunction) {
  if (!req.user) return res.status(401).json({ error: 'Not signed in' });
  if (req.user.needsPasswordChange) {
    return res.status(401).json({ error: 'Password change required', code: 'PasswordChangeRequired' });
  }
  return next();
}
`,
      errors: [{ messageId: "authenticatedCaller", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import type { NextFunction, Request, Response } from 'express';
export function requireFreshPassword(req: Request, res: Response, next: NextFunction) {
  if (!req.user) return res.status(401).json({ error: 'Not signed in' });
  if (req.user.needsPasswordChange) {
    return res.status(403).json({ error: 'Password change required', code: 'PasswordChangeRequired' });
  }
  return next();
}
` }] }],
    },
    {
      name: "express: a response renamed with a cast (`const res = response as ServiceResponse`) is the same response",
      filename: "src/utils/middlewares.ts",
      code: `import type { NextFunction, Request, Response } from 'express';
export function onlyRoles(roles: string[]) {
  return (request: Request, response: Response, next: NextFunction) => {
    const req = request as ServiceRequest;
    const res = response as ServiceResponse;
    if (!req.user) return res.sendStatus(401);
    if (!req.user.role) return res.sendStatus(401);
    next();
  };
}
`,
      errors: [{ messageId: "permissionGuard", line: 7, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import type { NextFunction, Request, Response } from 'express';
export function onlyRoles(roles: string[]) {
  return (request: Request, response: Response, next: NextFunction) => {
    const req = request as ServiceRequest;
    const res = response as ServiceResponse;
    if (!req.user) return res.sendStatus(401);
    if (!req.user.role) return res.sendStatus(403);
    next();
  };
}
` }] }],
    },
    {
      name: "express: a check named in the application's words (accessAllowedRead) handed the caller asks what a known caller may do",
      filename: "packages/server/routes/api.ts",
      code: `import express from 'express';
const router = express.Router();
router.get('/count/:table', (req, res) => {
  passport.authenticate('api-bearer', { session: false }, async (err, user) => {
    if (await accessAllowedRead(req, user, req.params.table)) {
      res.json({ success: await countRows(req.params.table) });
    } else {
      res.status(401).json({ error: 'Not authorized' });
    }
  })(req, res);
});
`,
      errors: [{ messageId: "permissionGuard", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import express from 'express';
const router = express.Router();
router.get('/count/:table', (req, res) => {
  passport.authenticate('api-bearer', { session: false }, async (err, user) => {
    if (await accessAllowedRead(req, user, req.params.table)) {
      res.json({ success: await countRows(req.params.table) });
    } else {
      res.status(403).json({ error: 'Not authorized' });
    }
  })(req, res);
});
` }] }],
    },
    {
      name: "express: a route behind loginRequiredStrictly only runs for a known caller: a page it looked up and did not find is a 404",
      filename: "server/routes/pages.js",
      code: `const express = require('express');
const router = express.Router();
router.put('/rename', loginRequiredStrictly, async (req, res) => {
  const page = await Page.findById(req.body.pageId);
  if (page == null) {
    return res.status(401).json({ error: 'The page is not found' });
  }
  res.json(await page.rename(req.body.newPath));
});
module.exports = router;
`,
      errors: [{ messageId: "authenticatedCaller", line: 6, suggestions: [{ messageId: "replaceStatus", data: { status: 404, replacement: "404" }, output: `const express = require('express');
const router = express.Router();
router.put('/rename', loginRequiredStrictly, async (req, res) => {
  const page = await Page.findById(req.body.pageId);
  if (page == null) {
    return res.status(404).json({ error: 'The page is not found' });
  }
  res.json(await page.rename(req.body.newPath));
});
module.exports = router;
` }] }],
    },
    {
      name: "nest: a controller guarded by @UseGuards(JwtAuthGuard) refuses a known caller with 401",
      filename: "src/vault/vault.controller.ts",
      code: `import { Controller, Get, Param, UnauthorizedException, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
@Controller('vault')
@UseGuards(JwtAuthGuard)
export class VaultController {
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const vault = await this.vaults.findOne(id);
    if (vault.archived) throw new UnauthorizedException('Vault is archived');
    return vault;
  }
}
`,
      errors: [{ messageId: "authenticatedCaller", line: 9, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "ForbiddenException" }, output: `import { Controller, Get, Param, ForbiddenException, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
@Controller('vault')
@UseGuards(JwtAuthGuard)
export class VaultController {
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const vault = await this.vaults.findOne(id);
    if (vault.archived) throw new ForbiddenException('Vault is archived');
    return vault;
  }
}
` }] }],
    },
    {
      name: "express: res.status(401) then a thrown Error that the error middleware sends with that status",
      filename: "backend/middleware/authMiddleware.js",
      languageOptions: javascript,
      code: `const admin = (req, res, next) => {
  if (req.user && req.user.isAdmin) {
    next();
  } else {
    res.status(401);
    throw new Error('Not authorized as an admin');
  }
};
const owner = (req, res, next) => {
  if (!(req.user && req.user.isOwner)) {
    res.status(401);
    throw new Error('Nope');
  }
  next();
};
module.exports = { admin, owner };
`,
      // The second answers no user and a user who is not the owner alike: no single status replaces it.
      errors: [
        { messageId: "permissionText", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `const admin = (req, res, next) => {
  if (req.user && req.user.isAdmin) {
    next();
  } else {
    res.status(403);
    throw new Error('Not authorized as an admin');
  }
};
const owner = (req, res, next) => {
  if (!(req.user && req.user.isOwner)) {
    res.status(401);
    throw new Error('Nope');
  }
  next();
};
module.exports = { admin, owner };
` }] },
        { messageId: "permissionGuard", line: 11, suggestions: [] },
      ],
    },
    {
      name: "trpc: one 401 for a missing session and for a signed-in user who is not a beta user",
      filename: "src/server/api/trpc.ts",
      code: `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<{ session?: { user?: { id: string; email: string; isBetaUser: boolean } } }>().create();
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.session.user || !ctx.session.user.isBetaUser) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } });
});
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (process.env.IS_CLOUD && ctx.session.user.email !== process.env.ADMIN_EMAIL) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  return next();
});
`,
      // The first answers two callers: no single status replaces it. The second is only a known caller's: FORBIDDEN.
      errors: [
        { messageId: "permissionGuard", line: 5, suggestions: [] },
        { messageId: "permissionGuard", line: 11, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "'FORBIDDEN'" }, output: `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<{ session?: { user?: { id: string; email: string; isBetaUser: boolean } } }>().create();
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.session.user || !ctx.session.user.isBetaUser) {
    throw new TRPCError({ code: 'UNAUTHORIZED' });
  }
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } });
});
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (process.env.IS_CLOUD && ctx.session.user.email !== process.env.ADMIN_EMAIL) {
    throw new TRPCError({ code: 'FORBIDDEN' });
  }
  return next();
});
` }] },
      ],
    },
    {
      name: "express: a 401 after asking whether the signed-in user is an admin of the organization (isUserAnOrgAdmin)",
      filename: "api/organization/update.js",
      code: `module.exports = async (req, res, ctx) => {
  const org = await ctx.db.organization.get({ orgId: req.body.organizationId });
  const user = await ctx.db.user.get({ userId: req.session.userId });
  if (!await ctx.github.isUserAnOrgAdmin({ userGitHubId: user.githubId, organization: org })) {
    res.status(401);
    return res.send({ success: false });
  }
  return res.send({ success: true });
};
`,
      errors: [{ messageId: "permissionGuard", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `module.exports = async (req, res, ctx) => {
  const org = await ctx.db.organization.get({ orgId: req.body.organizationId });
  const user = await ctx.db.user.get({ userId: req.session.userId });
  if (!await ctx.github.isUserAnOrgAdmin({ userGitHubId: user.githubId, organization: org })) {
    res.status(403);
    return res.send({ success: false });
  }
  return res.send({ success: true });
};
` }] }],
    },
    {
      name: "express: one 401 for no user and for a user whose account level is below admin",
      filename: "lib/auth.js",
      code: `function requireAdminOr401(req, res, next) {
  if (!req.user || !req.user['account_level'] || req.user.account_level < 1) {
    res.status(401).send('not authorized');
  } else {
    next();
  }
}
module.exports = { requireAdminOr401 };
`,
      // The account level is what a known caller holds; the same 401 answers a missing user too: no single edit.
      errors: [{ messageId: "permissionGuard", line: 3, suggestions: [] }],
    },
    {
      name: "nest: a guard that compares the caller's kind with a role (const notAdmin = !(req.user?.type === 'admin'))",
      filename: "src/common/guards/admin-auth.guard.ts",
      code: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AdminAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    const notAdmin = !(req.user?.type === 'admin');
    if (notAdmin) {
      throw new UnauthorizedException('Unauthorized');
    }
    return true;
  }
}
`,
      errors: [{ messageId: "permissionGuard", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "ForbiddenException" }, output: `import { CanActivate, ExecutionContext, Injectable, ForbiddenException } from '@nestjs/common';
@Injectable()
export class AdminAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    const notAdmin = !(req.user?.type === 'admin');
    if (notAdmin) {
      throw new ForbiddenException('Unauthorized');
    }
    return true;
  }
}
` }] }],
    },
    {
      name: "koa: an error given a status, then thrown",
      filename: "src/routes/documents.js",
      languageOptions: javascript,
      code: `router.del('/documents/:id', async (ctx) => {
  const document = await Document.findByPk(ctx.params.id);
  if (document.createdById !== ctx.state.user.id) {
    const err = new Error('Only the author can delete this document');
    err.status = 401;
    throw err;
  }
  await document.destroy();
  ctx.status = 204;
});
`,
      errors: [{ messageId: "permissionText", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `router.del('/documents/:id', async (ctx) => {
  const document = await Document.findByPk(ctx.params.id);
  if (document.createdById !== ctx.state.user.id) {
    const err = new Error('Only the author can delete this document');
    err.status = 403;
    throw err;
  }
  await document.destroy();
  ctx.status = 204;
});
` }] }],
    },
    {
      name: "nest: a field the request lacks, after the caller was found on the path",
      filename: "src/workflow/controllers/workflow-version.controller.ts",
      code: `import { Body, Controller, Post, Req, UnauthorizedException } from '@nestjs/common';
@Controller('workflow-versions')
export class WorkflowVersionController {
  @Post()
  async commit(@Req() req: any, @Body() dto: { action: string; parentVersion?: string }) {
    const userId = req.session?.passport?.user?.id;
    if (!userId) throw new UnauthorizedException('Only authenticated users can create workflows');
    if (dto.action === 'restore' && !dto.parentVersion) throw new UnauthorizedException('Parent version must be supplied');
    return this.service.commit(userId, dto);
  }
}
`,
      errors: [{ messageId: "authenticatedCaller", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "BadRequestException" }, output: `import { Body, Controller, Post, Req, UnauthorizedException, BadRequestException } from '@nestjs/common';
@Controller('workflow-versions')
export class WorkflowVersionController {
  @Post()
  async commit(@Req() req: any, @Body() dto: { action: string; parentVersion?: string }) {
    const userId = req.session?.passport?.user?.id;
    if (!userId) throw new UnauthorizedException('Only authenticated users can create workflows');
    if (dto.action === 'restore' && !dto.parentVersion) throw new BadRequestException('Parent version must be supplied');
    return this.service.commit(userId, dto);
  }
}
` }] }],
    },
    {
      name: "express: a value of the body or the upload missing is no credential; the request lacks it (400)",
      filename: "src/controller/groupController.ts",
      code: `import { Request, Response } from 'express';
export async function setGroupProfilePic(req: Request, res: Response) {
  const { groupId, path } = req.body;
  if (!path && !req.file)
    return res.status(401).send({ message: 'Sending the image is mandatory' });
  await req.client.setGroupIcon(groupId, path);
  res.status(201).json({ status: 'success' });
}
`,
      errors: [{ messageId: "missingRequestValue", line: 5, data: { message: "401 Unauthorized sent because the request lacks `path`, `req.file` (`!path && !req.file`), which is no credential: sending credentials again cannot change the answer. What the request lacks is a 400 Bad Request." }, suggestions: [{ messageId: "replaceStatus", data: { status: 400, replacement: "400" }, output: `import { Request, Response } from 'express';
export async function setGroupProfilePic(req: Request, res: Response) {
  const { groupId, path } = req.body;
  if (!path && !req.file)
    return res.status(400).send({ message: 'Sending the image is mandatory' });
  await req.client.setGroupIcon(groupId, path);
  res.status(201).json({ status: 'success' });
}
` }] }],
    },
    {
      name: "express: an error given a status before it is handed to next()",
      filename: "src/routes/admin.js",
      languageOptions: javascript,
      code: `router.delete('/users/:id', (req, res, next) => {
  if (req.user.role !== 'admin') {
    const err = new Error('Only admins can delete users');
    err.status = 401;
    return next(err);
  }
  res.sendStatus(204);
});
`,
      errors: [{ messageId: "permissionText", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `router.delete('/users/:id', (req, res, next) => {
  if (req.user.role !== 'admin') {
    const err = new Error('Only admins can delete users');
    err.status = 403;
    return next(err);
  }
  res.sendStatus(204);
});
` }] }],
    },
    {
      name: "next.js: a key the server's own configuration lacks is no credential of the caller's",
      filename: "app/api/baidu.ts",
      code: `import { NextRequest, NextResponse } from 'next/server';
export async function handle(req: NextRequest) {
  if (!serverConfig.baiduApiKey || !serverConfig.baiduSecretKey) {
    return NextResponse.json({ error: true, message: 'missing BAIDU_API_KEY or BAIDU_SECRET_KEY in server env vars' }, { status: 401 });
  }
  return fetch('https://aip.baidubce.com/oauth/2.0/token', { method: 'POST' });
}
`,
      errors: [{ messageId: "settingGuard", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "403" }, output: `import { NextRequest, NextResponse } from 'next/server';
export async function handle(req: NextRequest) {
  if (!serverConfig.baiduApiKey || !serverConfig.baiduSecretKey) {
    return NextResponse.json({ error: true, message: 'missing BAIDU_API_KEY or BAIDU_SECRET_KEY in server env vars' }, { status: 403 });
  }
  return fetch('https://aip.baidubce.com/oauth/2.0/token', { method: 'POST' });
}
` }] }],
    },
    {
      name: "trpc: a resolver written apart from its router, typed with the context only authenticated callers get",
      filename: "src/server/controllers/stripe.controller.ts",
      code: `import { TRPCError } from '@trpc/server';
import type { ProtectedContext } from '~/server/createContext';
export const createSessionHandler = async ({ input, ctx }: { input: { amount: number }; ctx: ProtectedContext }) => {
  const { email } = ctx.user;
  if (!email) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'email required' });
  return createSession({ ...input, email });
};
export const publicHandler = async ({ ctx }: { ctx: Context }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return ctx.user.id;
};
`,
      errors: [{ messageId: "authenticatedCaller", line: 5, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "'FORBIDDEN'" }, output: `import { TRPCError } from '@trpc/server';
import type { ProtectedContext } from '~/server/createContext';
export const createSessionHandler = async ({ input, ctx }: { input: { amount: number }; ctx: ProtectedContext }) => {
  const { email } = ctx.user;
  if (!email) throw new TRPCError({ code: 'FORBIDDEN', message: 'email required' });
  return createSession({ ...input, email });
};
export const publicHandler = async ({ ctx }: { ctx: Context }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return ctx.user.id;
};
` }] }],
    },
    {
      name: "trpc: the account named by the request's e-mail, once its password was checked, is the caller",
      filename: "src/routes/auth/login.ts",
      code: `import { TRPCError } from '@trpc/server';
import bcrypt from 'bcryptjs';
export const handler = async (ctx: Context, input: { email: string; password: string }) => {
  const user = await ctx.db.users.findOne({ email: input.email });
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resource not found' });
  if (!(await bcrypt.compare(input.password, user.password))) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong password' });
  const sent = await ctx.redis.get(\`user:\${user._id}:loginLocked\`);
  if (sent === 'true') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  return createSession(user);
};
`,
      errors: [{ messageId: "authenticatedCaller", line: 8, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "'FORBIDDEN'" }, output: `import { TRPCError } from '@trpc/server';
import bcrypt from 'bcryptjs';
export const handler = async (ctx: Context, input: { email: string; password: string }) => {
  const user = await ctx.db.users.findOne({ email: input.email });
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'Resource not found' });
  if (!(await bcrypt.compare(input.password, user.password))) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong password' });
  const sent = await ctx.redis.get(\`user:\${user._id}:loginLocked\`);
  if (sent === 'true') throw new TRPCError({ code: 'FORBIDDEN', message: 'Unauthorized' });
  return createSession(user);
};
` }] }],
    },
    {
      name: "express: an error object handed to next() is answered with its status",
      filename: "src/issues.ts",
      code: `import { Router, type NextFunction, type Request, type Response } from 'express';
const router = Router();
router.post('/:id/resolved', async (req: Request, res: Response, next: NextFunction) => {
  const issue = await issueRepository.findOneOrFail({ where: { id: Number(req.params.id) } });
  if (!req.user?.hasPermission('MANAGE_ISSUES') && issue.createdBy.id !== req.user?.id) {
    return next({ status: 401, message: 'You do not have permission to modify this issue.' });
  }
  if (!req.user) return next({ status: 401, message: 'You must be signed in.' });
  return res.status(200).json(issue);
});
`,
      errors: [
        {
          messageId: "permissionText",
          line: 6,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: { status: 403, replacement: "403" },
              output: `import { Router, type NextFunction, type Request, type Response } from 'express';
const router = Router();
router.post('/:id/resolved', async (req: Request, res: Response, next: NextFunction) => {
  const issue = await issueRepository.findOneOrFail({ where: { id: Number(req.params.id) } });
  if (!req.user?.hasPermission('MANAGE_ISSUES') && issue.createdBy.id !== req.user?.id) {
    return next({ status: 403, message: 'You do not have permission to modify this issue.' });
  }
  if (!req.user) return next({ status: 401, message: 'You must be signed in.' });
  return res.status(200).json(issue);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "a resource's owner compared with a variable named for the caller's id (authenticatedUserId)",
      filename: "src/upload.ts",
      code: `import { ORPCError } from '@orpc/server';
export async function parseFilePath(authenticatedUserId: string | undefined, input: { userId: string }) {
  if (!authenticatedUserId) throw new ORPCError('UNAUTHORIZED', { message: 'You must be logged in' });
  if (input.userId !== authenticatedUserId) throw new ORPCError('UNAUTHORIZED', { message: 'Upload refused' });
  return input.userId;
}
`,
      errors: [{ messageId: "permissionGuard", line: 4, suggestions: [{ messageId: "replaceStatus", data: { status: 403, replacement: "'FORBIDDEN'" }, output: `import { ORPCError } from '@orpc/server';
export async function parseFilePath(authenticatedUserId: string | undefined, input: { userId: string }) {
  if (!authenticatedUserId) throw new ORPCError('UNAUTHORIZED', { message: 'You must be logged in' });
  if (input.userId !== authenticatedUserId) throw new ORPCError('FORBIDDEN', { message: 'Upload refused' });
  return input.userId;
}
` }] }],
    },
    {
      name: "express: a 401 decided by a mode of the server, not by credentials",
      filename: "src/admin.js",
      languageOptions: javascript,
      code: `app.post('/admin/invite', [validApiKey], async (request, response) => {
  if (!(await SystemSettings.isMultiUserMode())) {
    response.sendStatus(401).end();
    return;
  }
  response.status(200).json({ invite: await Invite.create() });
});
app.post('/login', async (request, response) => {
  if (!config.passwordLogin.enabled && !request.body.token) return response.sendStatus(401);
  response.json({ ok: true });
});
`,
      errors: [
        {
          messageId: "settingGuard",
          line: 3,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: { status: 403, replacement: "403" },
              output: `app.post('/admin/invite', [validApiKey], async (request, response) => {
  if (!(await SystemSettings.isMultiUserMode())) {
    response.sendStatus(403).end();
    return;
  }
  response.status(200).json({ invite: await Invite.create() });
});
app.post('/login', async (request, response) => {
  if (!config.passwordLogin.enabled && !request.body.token) return response.sendStatus(401);
  response.json({ ok: true });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: role check answered with 401",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const router = express.Router();

router.delete('/users/:id', async (req, res) => {
  if (!req.user) {
    return res.status(401).json({ error: 'Not authenticated' });
  }
  if (req.user.role !== 'admin') {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  await User.deleteOne({ _id: req.params.id });
  res.status(204).end();
});
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `req.user.role` (`req.user.role !== 'admin'`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 9,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const express = require('express');
const router = express.Router();

router.delete('/users/:id', async (req, res) => {
  if (!req.user) {
    return res.status(401).json({ error: 'Not authenticated' });
  }
  if (req.user.role !== 'admin') {
    return res.status(403).json({ error: 'Unauthorized' });
  }
  await User.deleteOne({ _id: req.params.id });
  res.status(204).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: middleware factory with StatusCodes",
      filename: "src/routes.ts",
      code: `import type { NextFunction, Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';

export const requireRole = (role: string) => (req: Request, res: Response, next: NextFunction) => {
  const roles: string[] = req.user?.roles ?? [];
  if (!roles.includes(role)) {
    return res.status(StatusCodes.UNAUTHORIZED).json({ message: 'Access denied' });
  }
  next();
};
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"access denied\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 7,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"StatusCodes.FORBIDDEN"},
              output: `import type { NextFunction, Request, Response } from 'express';
import { StatusCodes } from 'http-status-codes';

export const requireRole = (role: string) => (req: Request, res: Response, next: NextFunction) => {
  const roles: string[] = req.user?.roles ?? [];
  if (!roles.includes(role)) {
    return res.status(StatusCodes.FORBIDDEN).json({ message: 'Access denied' });
  }
  next();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: helper with the status as a parameter",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();

function sendError(res, status, message) {
  return res.status(status).json({ success: false, message });
}

app.put('/teams/:id', async (req, res) => {
  const team = await Team.findById(req.params.id);
  if (!team) return sendError(res, 404, 'Team not found');
  if (!team.members.some((member) => member.userId === req.user.id && member.isOwner)) {
    return sendError(res, 401, 'Only team owners can update the team');
  }
  res.json(await team.update(req.body));
});
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"only team owners can\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 12,
          column: 27,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const express = require('express');
const app = express();

function sendError(res, status, message) {
  return res.status(status).json({ success: false, message });
}

app.put('/teams/:id', async (req, res) => {
  const team = await Team.findById(req.params.id);
  if (!team) return sendError(res, 404, 'Team not found');
  if (!team.members.some((member) => member.userId === req.user.id && member.isOwner)) {
    return sendError(res, 403, 'Only team owners can update the team');
  }
  res.json(await team.update(req.body));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: ownership check with early return before",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const express = require('express');
const app = express();
const UNAUTHORIZED = 401;

app.patch('/posts/:id', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (post.authorId === req.user.id) {
    await post.update(req.body);
    return res.json(post);
  }
  return res.status(UNAUTHORIZED).send('Not allowed');
});
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `post.authorId` against `req.user.id` (`!(post.authorId === req.user.id)`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 11,
          column: 21,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const express = require('express');
const app = express();
const UNAUTHORIZED = 401;

app.patch('/posts/:id', async (req, res) => {
  const post = await Post.findByPk(req.params.id);
  if (post.authorId === req.user.id) {
    await post.update(req.body);
    return res.json(post);
  }
  return res.status(403).send('Not allowed');
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: ctx.throw with a permission message",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Router = require('@koa/router');
const router = new Router();

router.post('/billing/refunds', async (ctx) => {
  const { user } = ctx.state;
  if (!user.permissions.includes('billing:refund')) {
    ctx.throw(401, 'You do not have permission to issue refunds');
  }
  ctx.body = await issueRefund(ctx.request.body);
});
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"do not have permission\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 7,
          column: 15,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const Router = require('@koa/router');
const router = new Router();

router.post('/billing/refunds', async (ctx) => {
  const { user } = ctx.state;
  if (!user.permissions.includes('billing:refund')) {
    ctx.throw(403, 'You do not have permission to issue refunds');
  }
  ctx.body = await issueRefund(ctx.request.body);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "koa: ctx.assert on a role",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  ctx.assert(ctx.state.user.isAdmin, 401, 'Admins only');
  await next();
});
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"admins only\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  ctx.assert(ctx.state.user.isAdmin, 403, 'Admins only');
  await next();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "fastify: reply.code(401) under a scope check",
      filename: "src/routes.ts",
      code: `import Fastify from 'fastify';
const app = Fastify();

app.get('/reports', async (request, reply) => {
  const scopes = request.user.scopes;
  if (!scopes.includes('reports:read')) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
  return listReports();
});
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `scopes` (`!scopes.includes('reports:read')`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 7,
          column: 23,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `import Fastify from 'fastify';
const app = Fastify();

app.get('/reports', async (request, reply) => {
  const scopes = request.user.scopes;
  if (!scopes.includes('reports:read')) {
    return reply.code(403).send({ error: 'Unauthorized' });
  }
  return listReports();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "hono: c.json(body, 401) for a non-owner",
      filename: "src/routes.ts",
      code: `import { Hono } from 'hono';
const app = new Hono();

app.delete('/files/:id', async (c) => {
  const file = await getFile(c.req.param('id'));
  const user = c.get('user');
  if (file.ownerId !== user.id) {
    return c.json({ message: 'Unauthorized' }, 401);
  }
  await deleteFile(file.id);
  return c.body(null, 204);
});
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `file.ownerId` against `user.id` (`file.ownerId !== user.id`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 8,
          column: 48,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `import { Hono } from 'hono';
const app = new Hono();

app.delete('/files/:id', async (c) => {
  const file = await getFile(c.req.param('id'));
  const user = c.get('user');
  if (file.ownerId !== user.id) {
    return c.json({ message: 'Unauthorized' }, 403);
  }
  await deleteFile(file.id);
  return c.body(null, 204);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: UnauthorizedException for a role",
      filename: "src/routes.ts",
      code: `import { Injectable, CanActivate, ExecutionContext, UnauthorizedException } from '@nestjs/common';

@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user) throw new UnauthorizedException();
    if (!user.roles.includes('admin')) {
      throw new UnauthorizedException('Insufficient permissions');
    }
    return true;
  }
}
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"insufficient permissions\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 9,
          column: 17,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"ForbiddenException"},
              output: `import { Injectable, CanActivate, ExecutionContext, UnauthorizedException, ForbiddenException } from '@nestjs/common';

@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user) throw new UnauthorizedException();
    if (!user.roles.includes('admin')) {
      throw new ForbiddenException('Insufficient permissions');
    }
    return true;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "nest: HttpException with HttpStatus.UNAUTHORIZED",
      filename: "src/routes.ts",
      code: `import { Controller, Delete, HttpException, HttpStatus, Param, Req } from '@nestjs/common';

@Controller('projects')
export class ProjectsController {
  @Delete(':id')
  async remove(@Param('id') id: string, @Req() req: any) {
    const project = await this.projects.find(id);
    if (project.ownerId !== req.user.id) {
      throw new HttpException('You are not the owner of this project', HttpStatus.UNAUTHORIZED);
    }
    return this.projects.remove(id);
  }
}
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"are not the owner\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 9,
          column: 72,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"HttpStatus.FORBIDDEN"},
              output: `import { Controller, Delete, HttpException, HttpStatus, Param, Req } from '@nestjs/common';

@Controller('projects')
export class ProjectsController {
  @Delete(':id')
  async remove(@Param('id') id: string, @Req() req: any) {
    const project = await this.projects.find(id);
    if (project.ownerId !== req.user.id) {
      throw new HttpException('You are not the owner of this project', HttpStatus.FORBIDDEN);
    }
    return this.projects.remove(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "next: route handler with a role check",
      filename: "app/api/users/route.ts",
      code: `import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';

export async function DELETE(request: Request) {
  const session = await getServerSession();
  if (!session) {
    return NextResponse.json({ error: 'Sign in required' }, { status: 401 });
  }
  if (session.user.role !== 'admin') {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  return NextResponse.json({ ok: true });
}
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `session.user.role` (`session.user.role !== 'admin'`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 10,
          column: 67,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';

export async function DELETE(request: Request) {
  const session = await getServerSession();
  if (!session) {
    return NextResponse.json({ error: 'Sign in required' }, { status: 401 });
  }
  if (session.user.role !== 'admin') {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 403 });
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
      name: "fetch: Response.json for a scope check",
      filename: "src/worker.js",
      languageOptions: javascript,
      code: `export default {
  async fetch(request, env) {
    const token = await verify(request.headers.get('authorization'));
    if (!token.scope.includes('admin')) {
      return Response.json({ error: 'Unauthorized' }, { status: 401 });
    }
    return new Response('ok');
  },
};
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `token.scope` (`!token.scope.includes('admin')`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 5,
          column: 65,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `export default {
  async fetch(request, env) {
    const token = await verify(request.headers.get('authorization'));
    if (!token.scope.includes('admin')) {
      return Response.json({ error: 'Unauthorized' }, { status: 403 });
    }
    return new Response('ok');
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "http-errors: createError(401) with a permission message",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `import createError from 'http-errors';

export async function archive(req, res, next) {
  const project = await Project.findById(req.params.id);
  if (!project.canArchive(req.user)) {
    return next(createError(401, 'Not allowed to archive this project'));
  }
  res.json(await project.archive());
}
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"not allowed to archive\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 6,
          column: 29,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `import createError from 'http-errors';

export async function archive(req, res, next) {
  const project = await Project.findById(req.params.id);
  if (!project.canArchive(req.user)) {
    return next(createError(403, 'Not allowed to archive this project'));
  }
  res.json(await project.archive());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "http-errors: createError.Unauthorized",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const createError = require('http-errors');

module.exports = function requireAdmin(req, res, next) {
  if (!req.user.isAdmin) throw new createError.Unauthorized('Admin access required');
  next();
};
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"admin access required\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 4,
          column: 48,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"createError.Forbidden"},
              output: `const createError = require('http-errors');

module.exports = function requireAdmin(req, res, next) {
  if (!req.user.isAdmin) throw new createError.Forbidden('Admin access required');
  next();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "boom: Boom.unauthorized for insufficient scope",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `import Boom from '@hapi/boom';

export const handler = (request, h) => {
  const { scope } = request.auth.credentials;
  if (!scope.includes('write')) {
    throw Boom.unauthorized('Insufficient scope');
  }
  return h.response().code(204);
};
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"insufficient scope\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 6,
          column: 16,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"Boom.forbidden"},
              output: `import Boom from '@hapi/boom';

export const handler = (request, h) => {
  const { scope } = request.auth.credentials;
  if (!scope.includes('write')) {
    throw Boom.forbidden('Insufficient scope');
  }
  return h.response().code(204);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "node:http: writeHead(401) for a non-admin",
      filename: "src/routes.js",
      languageOptions: javascript,
      code: `const http = require('node:http');

http.createServer(async (req, res) => {
  const user = await authenticate(req);
  if (user && !user.isAdmin) {
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'Admins only' }));
    return;
  }
  res.end('ok');
}).listen(8080);
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"admins only\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 6,
          column: 19,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `const http = require('node:http');

http.createServer(async (req, res) => {
  const user = await authenticate(req);
  if (user && !user.isAdmin) {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'Admins only' }));
    return;
  }
  res.end('ok');
}).listen(8080);
`,
            },
          ],
        },
      ],
    },
    {
      name: "custom error class with http-status",
      filename: "src/controllers/user.controller.js",
      languageOptions: javascript,
      code: `const httpStatus = require('http-status');
const ApiError = require('../utils/ApiError');

const deleteUser = async (req, res) => {
  if (req.params.userId !== req.user.id && req.user.role !== 'admin') {
    throw new ApiError(httpStatus.UNAUTHORIZED, 'Forbidden');
  }
  await userService.deleteUserById(req.params.userId);
  res.status(httpStatus.NO_CONTENT).send();
};
`,
      errors: [
        {
          messageId: "permissionText",
          data: { message: "401 Unauthorized used for a permission denial: the message says \"forbidden\". Use 403 Forbidden when the caller is known but not allowed." },
          line: 6,
          column: 24,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"httpStatus.FORBIDDEN"},
              output: `const httpStatus = require('http-status');
const ApiError = require('../utils/ApiError');

const deleteUser = async (req, res) => {
  if (req.params.userId !== req.user.id && req.user.role !== 'admin') {
    throw new ApiError(httpStatus.FORBIDDEN, 'Forbidden');
  }
  await userService.deleteUserById(req.params.userId);
  res.status(httpStatus.NO_CONTENT).send();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "express: the user handed to a permission check",
      filename: "src/routes/billing.ts",
      code: `import { Router } from 'express';
import { hasPermission } from '../auth/permissions.js';

export const billing = Router();

billing.put('/billing/plan', async (req, res) => {
  if (!hasPermission(req.user, 'billing:write')) {
    return res.sendStatus(401);
  }
  res.json(await changePlan(req.user.orgId, req.body.plan));
});
`,
      errors: [
        {
          messageId: "permissionGuard",
          data: { message: "401 Unauthorized sent after checking `hasPermission(...)` (`!hasPermission(req.user, 'billing:write')`): the caller is known but not allowed. Use 403 Forbidden." },
          line: 8,
          column: 27,
          suggestions: [
            {
              messageId: "replaceStatus",
              data: {"status":403,"replacement":"403"},
              output: `import { Router } from 'express';
import { hasPermission } from '../auth/permissions.js';

export const billing = Router();

billing.put('/billing/plan', async (req, res) => {
  if (!hasPermission(req.user, 'billing:write')) {
    return res.sendStatus(403);
  }
  res.json(await changePlan(req.user.orgId, req.body.plan));
});
`,
            },
          ],
        },
      ],
    },
  ],
});
