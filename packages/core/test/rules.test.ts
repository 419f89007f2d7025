import { describe, expect, it } from 'vitest';
import { no400ForSemanticError, no401ForForbidden, no500ForUpstreamError, noErrorBodyOnSuccess, requireRetryAfterOn429 } from '../src/rules/index.js';
import { codeFact, guard, objectBody, specFact, upstream } from './facts-for-tests.js';

describe('no-401-for-forbidden', () => {
  const check = (fact: Parameters<typeof no401ForForbidden.check>[0]) => no401ForForbidden.check(fact, {});

  it('reads a 401 whose message is the state of the account it found ("User disabled") as a refusal of a known account', () => {
    expect(check(codeFact(401, { message: 'User disabled' }))?.suggestedStatus).toBe(403);
    expect(check(codeFact(401, { message: 'Account suspended.' }))?.suggestedStatus).toBe(403);
    // Words about something else than the account, or a longer sentence, are left to the vocabulary.
    expect(check(codeFact(401, { message: 'Token disabled' }))).toBeUndefined();
    expect(check(codeFact(401, { message: 'User disabled the token' }))).toBeUndefined();
  });

  it("reads the name of the caught error a 401 answers when it says nothing else (case OFFERING_DOES_NOT_BELONG_TO_LOCATION: throw new UnauthorizedException(error.message))", () => {
    const answering = (name: string) => codeFact(401, { guards: [guard(`error.name === ${name}`, { members: ['error.name'] }), guard('error instanceof CustomNamedError', { members: ['error', 'CustomNamedError'] })], context: { inErrorHandler: true } });
    expect(check(answering('OFFERING_DOES_NOT_BELONG_TO_LOCATION'))?.suggestedStatus).toBe(403);
    expect(check(answering('INVALID_ACCESS_TOKEN'))).toBeUndefined();
    // Words of its own speak first; outside a catch, no error is answered.
    expect(check({ ...answering('OFFERING_DOES_NOT_BELONG_TO_LOCATION'), texts: [{ source: 'message', text: 'Token expired' }] })).toBeUndefined();
    expect(check({ ...answering('OFFERING_DOES_NOT_BELONG_TO_LOCATION'), context: { inErrorHandler: false } })).toBeUndefined();
  });

  it('flags a 401 described as a permission denial and names the phrase', () => {
    const finding = check(specFact(401, 'The API key is valid but does not have permission to delete projects.'));
    expect(finding?.suggestedStatus).toBe(403);
    expect(finding?.message).toContain('"does not have permission"');
    expect(finding?.fix).toEqual({ kind: 'replace-status', status: 403 });
  });

  it('leaves credential problems alone', () => {
    for (const text of ['Unauthorized', 'Access token is missing or invalid', 'Not authorized', 'Session expired']) {
      expect(check(specFact(401, text)), text).toBeUndefined();
    }
  });

  it('only looks at 401s', () => {
    expect(check(specFact(403, 'You do not have permission to do this'))).toBeUndefined();
  });

  it('flags mixed wording: the 401 is still sent for the refusal it describes', () => {
    const text = 'Invalid token or insufficient permissions';
    expect(check(specFact(401, text, { context: { siblingStatuses: ['200', '401', '403'] } }))?.evidence).toBe('insufficient permissions');
  });

  it('reads "access denied" as a refusal alone, and as a credential problem beside one', () => {
    expect(check(specFact(401, 'Access denied'))?.suggestedStatus).toBe(403);
    expect(check(specFact(401, 'Access denied: invalid API key'))).toBeUndefined();
  });

  it('flags a 401 in code sent under a role check', () => {
    const finding = check(codeFact(401, { guards: [guard("req.user.role !== 'admin'", { members: ['req.user.role'] })] }));
    expect(finding?.messageId).toBe('permissionGuard');
    expect(finding?.message).toContain('`req.user.role`');
  });

  it('flags an ownership check and a permission call', () => {
    expect(check(codeFact(401, { guards: [guard('post.authorId !== req.user.id', { members: ['post.authorId', 'req.user.id'] })] }))?.suggestedStatus).toBe(403);
    expect(check(codeFact(401, { guards: [guard('!can(user, "edit", doc)', { callees: ['can'], negated: true })] }))?.suggestedStatus).toBe(403);
    expect(check(codeFact(401, { guards: [guard('!user.permissions.includes("write")', { members: ['user.permissions'], callees: ['user.permissions.includes'], negated: true })] }))?.suggestedStatus).toBe(403);
  });

  it('reads a user handed to a permission check as a permission question, not an identity test', () => {
    const handed = guard("!can(req.user, 'delete', project)", { members: ['req.user', 'project'], passedMembers: ['req.user', 'project'], callees: ['can'], negated: true });
    expect(check(codeFact(401, { guards: [handed] }))?.suggestedStatus).toBe(403);
    const tested = guard("!req.user || !can(req.user, 'delete', project)", { members: ['req.user', 'project'], passedMembers: ['project'], callees: ['can'], negated: true });
    expect(check(codeFact(401, { guards: [tested] }))).toBeUndefined();
  });

  it('does not flag a 401 sent because there is no user', () => {
    expect(check(codeFact(401, { guards: [guard('!req.user', { members: ['req.user'], negated: true })] }))).toBeUndefined();
    expect(check(codeFact(401, { guards: [guard('!token', { members: ['token'], negated: true })] }))).toBeUndefined();
    expect(check(codeFact(401, { guards: [guard('!cache.has(key)', { callees: ['cache.has'], negated: true })] }))).toBeUndefined();
  });
});

describe('no-400-for-semantic-error', () => {
  it("reads a 400 decided by another service's failure: its answer's server error, or its connection failing", () => {
    const defaults = { businessRuleStatus: 422 as const };
    const relayed = codeFact(400, { guards: [guard('error.response && error.response.statusCode === 500', { members: ['error.response', 'error.response.statusCode'] })] });
    expect(no400ForSemanticError.check(relayed, defaults)?.suggestedStatus).toBe(502);
    const timedOut = codeFact(400, { guards: [guard("error.name === 'RequestError' || error.name === 'TimeoutError'", { members: ['error.name'] })] });
    expect(no400ForSemanticError.check(timedOut, defaults)?.suggestedStatus).toBe(503);
    expect(no400ForSemanticError.check(codeFact(400, { guards: [guard("err.code === 'ETIMEDOUT'", { members: ['err.code'] })] }), defaults)?.suggestedStatus).toBe(504);
    // The server's own answer, or the branch where the other service did not fail, is no such test.
    expect(no400ForSemanticError.check(codeFact(400, { guards: [guard('res.statusCode === 500', { members: ['res.statusCode'] })] }), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { guards: [guard('!(response.status >= 500)', { members: ['response.status'], negated: true })] }), defaults)).toBeUndefined();
  });

  it("reads a form's own message beside its fields' (`{ general: 'Owner already exists' }`, `non_field_errors`)", () => {
    const defaults = { businessRuleStatus: 422 as const };
    for (const key of ['general', 'non_field_errors', 'formError']) {
      const body = objectBody({ [key]: { required: true, value: { kind: 'literal', value: 'Owner already exists, please delete the current database and try again.' } }, errorType: { required: true, value: { kind: 'literal', value: 'ownerExists' } } });
      expect(no400ForSemanticError.check(codeFact(400, { body }), defaults)?.suggestedStatus, key).toBe(409);
    }
  });

  it("reads the messages a form's errors give its fields (`errors: { email: 'A user already exists with this email' }`)", () => {
    const defaults = { businessRuleStatus: 422 as const };
    const errors = (email: unknown) => objectBody({ errors: { required: true, value: { kind: 'object', shape: objectBody({ email: { required: true, value: email as never } }) } } });
    expect(no400ForSemanticError.check(codeFact(400, { body: errors({ kind: 'literal', value: 'A user already exists with this email' }) }), defaults)?.suggestedStatus).toBe(409);
    expect(no400ForSemanticError.check(codeFact(400, { body: errors({ kind: 'array', nonEmpty: true, items: [{ kind: 'literal', value: 'No account was found for this email' }] }) }), defaults)?.suggestedStatus).toBe(404);
    expect(no400ForSemanticError.check(codeFact(400, { body: errors({ kind: 'literal', value: 'Email must be a valid address' }) }), defaults)).toBeUndefined();
  });

  it('a catch-all is named for the work its try guards: not a read of the request, and parseInt never fails', () => {
    const defaults = { businessRuleStatus: 422 as const };
    const fact = codeFact(400, { upstream: upstream(['req.nextUrl.searchParams.get', 'parseInt', 'traceService.GetInferenceCostPerProject']) });
    const found = no400ForSemanticError.check(fact, defaults);
    expect(found?.messageId).toBe('catchAll');
    expect(found?.evidence).toBe('traceService.GetInferenceCostPerProject');
    expect(no400ForSemanticError.check(codeFact(400, { upstream: upstream(['req.nextUrl.searchParams.get', 'schema.parse', 'db.insert']) }), defaults)).toBeUndefined();
    // Converting a value the client sent (`hexToBuffer(hash)`, `buildLabelSetId(id)`) fails for the client's value.
    for (const convert of ['hexToBuffer', 'buildLabelSetId', 'utils.base64ToBytes']) expect(no400ForSemanticError.check(codeFact(400, { upstream: upstream([convert]) }), defaults), convert).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { upstream: upstream(['buildReport']) }), defaults)?.messageId).toBe('catchAll');
    // Words that say authenticating failed blame what the client gave to authenticate with (an OAuth code).
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Error authenticating with OAUTH.', upstream: upstream(['this.createOctokitInstance', 'appOctokit.auth', 'db.insert']) }), defaults)).toBeUndefined();
  });
  it("a 400 decided by the server's configuration alone is a refusal; a setting-like name of the request is not", () => {
    const defaults = { businessRuleStatus: 422 as const };
    const mode = guard('!this.configService.serviceMode', { members: ['this.configService.serviceMode'] });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Only available in the right mode', guards: [mode] }), defaults)?.messageId).toBe('settingGuard');
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Only available in the right mode', guards: [mode] }), defaults)?.suggestedStatus).toBe(403);
    // `searchConfig.mode` came with the request; a check handed the request's values decides by them.
    expect(no400ForSemanticError.check(codeFact(400, { message: 'mode must be discover or scrape', guards: [guard("!['discover'].includes(searchConfig.mode)", { members: ['searchConfig.mode'] })] }), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Field type does not support it', guards: [guard('!uniqueEnabled(type)', { callees: ['uniqueEnabled'], members: ['type'], passedMembers: ['type'] })] }), defaults)).toBeUndefined();
    // `if (!res.ok) return 400` after a fetch at a fixed outside address, inside a branch that chose which call to make.
    const notOk = { callees: ['fetch'], calleeModules: { fetch: 'https://api.vercel.com' }, via: 'not-ok-branch' as const, errorMarkers: [] };
    const branches = [guard('!createProjectResponse.ok', { members: ['createProjectResponse.ok'], callees: ['fetch'] }), guard('!targetProjectId', { members: ['targetProjectId'] })];
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Failed to create project', guards: branches, upstream: notOk }), defaults)?.suggestedStatus).toBe(502);
    // A general client at an address the code does not fix may be what the client pointed at.
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Failed to create project', guards: branches, upstream: { ...notOk, calleeModules: {} } }), defaults)).toBeUndefined();
    // The server lacks its own configuration: 503, whatever "missing" says.
    const env = guard('!process.env.OPENAI_API_KEY', { members: ['process.env.OPENAI_API_KEY'] });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Missing OPENAI_API_KEY - make sure to add it to your .env file.', guards: [env] }), defaults)?.suggestedStatus).toBe(503);
    // A Worker's bindings handed in with the request (`const { env } = req`): `req.env` is where `env` came from.
    const binding = guard('!env.CHAT_HISTORY', { members: ['env.CHAT_HISTORY', 'req.env'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Missing chat history', guards: [binding] }), defaults)?.suggestedStatus).toBe(503);
    // Values read off the configuration (`const { AUTH } = configuration`): missing, not a flag turned off.
    const values = guard('!AUTH.OAUTH2.AUTH_URL || !AUTH.OAUTH2.CLIENT_ID', { members: ['AUTH.OAUTH2.AUTH_URL', 'configuration.AUTH', 'AUTH.OAUTH2.CLIENT_ID'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Failed to initialize OAuth2Strategy.', guards: [values] }), defaults)?.suggestedStatus).toBe(503);
    const flag = guard('!config.features.signupEnabled', { members: ['config.features.signupEnabled'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Sign-ups are closed', guards: [flag] }), defaults)?.suggestedStatus).toBe(403);
    // The caller's organization missing from the context its sign-in built: not the request's fault, whatever the words.
    const tenancy = guard('!organizationId', { members: ['organizationId', 'ctx.organizationId'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'organizationId is required', guards: [tenancy] }), defaults)?.suggestedStatus).toBe(403);
    const sent = guard('!organizationId', { members: ['organizationId', 'input.organizationId'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'organizationId is required', guards: [sent] }), defaults)).toBeUndefined();
    // A name off the request is not a setting however it is named.
    const fromRequest = guard('!body.config.url', { members: ['body.config.url', 'req.body'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'url is required', guards: [fromRequest] }), defaults)).toBeUndefined();
  });

  const defaults = no400ForSemanticError.meta.defaultOptions;

  it('suggests 409 for a state conflict and 422 for a business rule', () => {
    expect(no400ForSemanticError.check(specFact(400, 'A user with this email already exists.'), defaults)?.suggestedStatus).toBe(409);
    expect(no400ForSemanticError.check(specFact(400, 'Insufficient funds.'), defaults)?.suggestedStatus).toBe(422);
  });

  it('leaves parse and shape errors alone, and a request sent to the wrong operation', () => {
    for (const text of ['Malformed JSON', 'The email field is required', 'Bad Request', 'Validation failed: name must be a string', 'Cannot update with different phase - use /switch-to-next-phase endpoint instead']) {
      expect(no400ForSemanticError.check(specFact(400, text), defaults), text).toBeUndefined();
    }
  });

  it('with businessRuleStatus 400 reports only state conflicts', () => {
    const options = { businessRuleStatus: 400 as const };
    expect(no400ForSemanticError.check(specFact(400, 'Insufficient funds.'), options)).toBeUndefined();
    expect(no400ForSemanticError.check(specFact(400, 'Duplicate order reference.'), options)?.suggestedStatus).toBe(409);
  });

  it('flags a 400 sent because a lookup found an existing record', () => {
    const finding = no400ForSemanticError.check(
      codeFact(400, { guards: [guard('existing', { members: ['existing'], lookups: [{ binding: 'existing', callee: 'db.user.findUnique' }] })] }),
      defaults,
    );
    expect(finding?.suggestedStatus).toBe(409);
    expect(finding?.message).toContain('db.user.findUnique');
  });

  it('flags a lookup tested for existence, not a comparison of what it found (a business rule, not a conflict)', () => {
    const lookups = [{ binding: 'refunded', callee: 'prisma.refund.aggregate' }];
    const comparison = guard('(refunded._sum.amount ?? 0) + body.amount > payment.amount', { members: ['refunded._sum.amount', 'body.amount', 'payment.amount'], lookups });
    expect(no400ForSemanticError.check(codeFact(400, { guards: [comparison] }), defaults)).toBeUndefined();
    for (const text of ['clash', 'clash !== null', 'clash.length > 0', '!body.force && clash']) {
      const existence = guard(text, { members: ['clash'], lookups: [{ binding: 'clash', callee: 'db.team.findFirst' }] });
      expect(no400ForSemanticError.check(codeFact(400, { guards: [existence] }), defaults)?.suggestedStatus, text).toBe(409);
    }
  });

  it('flags a 400 sent because a lookup of a stored record found nothing: 404', () => {
    const missing = (text: string, callee: string, message?: string) => codeFact(400, { message, guards: [guard(text, { members: ['product'], negated: true, lookups: [{ binding: 'product', callee }] })] });
    const finding = no400ForSemanticError.check(missing('!product', 'db.product.findUnique'), defaults);
    expect(finding?.suggestedStatus).toBe(404);
    expect(finding?.messageId).toBe('notFoundLookup');
    expect(finding?.message).toContain('`product` from `db.product.findUnique(...)`');
    for (const text of ['product === null', '!product || !product.active', 'product.length === 0']) expect(no400ForSemanticError.check(missing(text, 'query.product.find'), defaults)?.suggestedStatus, text).toBe(404);
    // The `else` of `if (product != null) { ... }`: the test that it was found, negated.
    for (const text of ['!(product != null)', '!(product)', '!(product !== undefined)']) expect(no400ForSemanticError.check(missing(text, 'ProductModel.findOne'), defaults)?.suggestedStatus, text).toBe(404);
    expect(no400ForSemanticError.check(missing('!(product != null && product.active)', 'ProductModel.findOne'), defaults)).toBeUndefined();
    // The words blame the value sent ("Invalid email."), or the lookup is not of a stored record, or it tests what it found.
    expect(no400ForSemanticError.check(missing('!product', 'db.product.findUnique', 'Invalid email.'), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(missing('!product', 'db.product.findUnique', 'Invalid or expired token'), defaults)).toBeUndefined();
    // "Something went wrong" says the server failed, not that the value sent was wrong: the lookup decides.
    expect(no400ForSemanticError.check(missing('product == null', 'ProductModel.findOne', 'Something went wrong. Please try again!'), defaults)?.suggestedStatus).toBe(404);
    expect(no400ForSemanticError.check(missing('product == null', 'ProductModel.findOne', 'Wrong product code'), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(missing('!product', 'parseProduct'), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(missing('product.price > 10', 'db.product.findUnique'), defaults)).toBeUndefined();
  });

  it('flags any lookup keyed by what the route path names that finds nothing: the path named a resource the server lacks', () => {
    const byPath = (callee: string, keys: string[], operations: string[]) =>
      codeFact(400, { context: { operations }, guards: [guard('player === undefined', { members: ['player'], negated: true, lookups: [{ binding: 'player', callee, keys }] })] });
    const finding = no400ForSemanticError.check(byPath('req.component.players.get', ['platformId'], ['GET /api/players/:platformId']), defaults);
    expect(finding?.suggestedStatus).toBe(404);
    expect(finding?.message).toContain('`player` from `req.component.players.get(...)`');
    expect(no400ForSemanticError.check(byPath('sessions.get', ['req.params.id'], []), defaults)?.suggestedStatus).toBe(404);
    expect(no400ForSemanticError.check(byPath('players.get', ['id'], ['GET /players/{id}']), defaults)?.suggestedStatus).toBe(404);
    // Keyed by something else (a body field, a query value), or by a path key beside another: not what the path names.
    expect(no400ForSemanticError.check(byPath('players.get', ['platformId'], ['GET /api/players']), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(byPath('players.get', ['body.name'], ['GET /api/players/:id']), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(byPath('players.get', ['id', 'body.name'], ['GET /api/players/:id']), defaults)).toBeUndefined();
    // Not a lookup: a check or a conversion of the value.
    expect(no400ForSemanticError.check(byPath('parsePlatform', ['platformId'], ['GET /api/players/:platformId']), defaults)).toBeUndefined();
  });

  it('leaves a lookup by a secret the client sent: finding none means the secret is wrong, not that something is missing', () => {
    const byKeys = (keys: string[]) => codeFact(400, { guards: [guard('!foundUser', { members: ['foundUser'], negated: true, lookups: [{ binding: 'foundUser', callee: 'this.systemUserModel.query().findOne', keys }] })] });
    for (const keys of [['email', 'verifyToken'], ['token'], ['input.reset_token'], ['body.inviteCode'], ['otp']]) expect(no400ForSemanticError.check(byKeys(keys), defaults), keys.join()).toBeUndefined();
    for (const keys of [['params.id'], ['email'], ['body.code'], ['slug']]) expect(no400ForSemanticError.check(byKeys(keys), defaults)?.suggestedStatus, keys.join()).toBe(404);
  });

  it("flags a bare 'Unauthorized!' sent with 400 by a failed permission check: 403, unless the words name a credential", () => {
    const check = (message: string, callee: string) => no400ForSemanticError.check(codeFact(400, { message, guards: [guard('!runtime.scriptsMgr.isAuthorised(script, permission)', { members: ['script'], callees: [callee], negated: true })] }), defaults);
    expect(check('Unauthorized!', 'runtime.scriptsMgr.isAuthorised')?.suggestedStatus).toBe(403);
    expect(check('unauthorized_error', 'authJwt.haveAdminPermission')?.suggestedStatus).toBe(403);
    expect(check('Unauthorized: token expired', 'runtime.scriptsMgr.isAuthorised')).toBeUndefined();
    expect(check('Unauthorized!', 'parseScript')).toBeUndefined();
  });

  it('flags a sent 400 whose message says what it names does not exist, not a missing part of the request', () => {
    for (const message of ['User not found', "Couldn't find the link.", 'Project does not exist']) {
      const finding = no400ForSemanticError.check(codeFact(400, { message }), defaults);
      expect(finding?.suggestedStatus, message).toBe(404);
      expect(finding?.messageId, message).toBe('notFoundText');
    }
    for (const message of ['No file found in the request', 'Parameter `id` not found', 'id is required or not found', 'No data found in body', 'User id not found in registration token', 'Page 7 does not exist.', 'Page does not exist.', 'cannot find content in formdata']) {
      expect(no400ForSemanticError.check(codeFact(400, { message }), defaults), message).toBeUndefined();
    }
    // A described 400 lists what it covers; "does not exist" there is often an out-of-range value.
    expect(no400ForSemanticError.check(specFact(400, 'The selected row does not exist on the dashboard.'), defaults)).toBeUndefined();
  });

  it('flags a sent 400 that refuses a well-formed request: by plan or permission, by configuration, or for want of a capability', () => {
    const cases: [string, number, string][] = [
      ['Premium not active', 403, 'refusalText'],
      ['User not premium', 403, 'refusalText'],
      ['Payment is disabled.', 403, 'refusalText'],
      ['Google sign-in is not enabled on this instance.', 403, 'refusalText'],
      ['This action is disabled because this is a read-only demo.', 403, 'refusalText'],
      ['Play Store billing is not configured.', 501, 'unconfiguredText'],
    ];
    for (const [message, status, messageId] of cases) {
      const finding = no400ForSemanticError.check(codeFact(400, { message }), defaults);
      expect(finding?.suggestedStatus, message).toBe(status);
      expect(finding?.messageId, message).toBe(messageId);
    }
    // The words also blame the value sent, or speak of credentials; or the 400 is described in a spec, which lists cases.
    for (const message of ['Invalid value: email is not configured', 'Invalid credentials: account is disabled']) {
      expect(no400ForSemanticError.check(codeFact(400, { message }), defaults), message).toBeUndefined();
    }
    expect(no400ForSemanticError.check(specFact(400, 'Payment is disabled.'), defaults)).toBeUndefined();
  });

  it('flags a 400 sent because a call to another service failed, not a protocol error or a 400 the request decides', () => {
    const failed = (message: string, extra: Parameters<typeof codeFact>[1] = {}) => no400ForSemanticError.check(codeFact(400, { message, upstream: upstream(['axios.get']), ...extra }), defaults);
    const finding = failed('Unable to validate connection: verify credentials');
    expect(finding?.suggestedStatus).toBe(502);
    expect(finding?.messageId).toBe('upstreamCall');
    expect(failed('Failed to fetch the feed', { upstream: upstream(['fetch'], ['ETIMEDOUT']) })?.suggestedStatus).toBe(504);
    // The OAuth protocol prescribes this 400; the request's own value decides it; the response was read, not the call failed.
    expect(failed('invalid_client_metadata: Failed to fetch client metadata document')).toBeUndefined();
    expect(failed('Purpose is not set', { guards: [guard('!purpose', { negated: true })] })).toBeUndefined();
    expect(failed('Something went wrong', { upstream: upstream(['axios.get'], [], 'not-ok-branch') })).toBeUndefined();
    // A hosted service's SDK that answered with nothing is the service failing; what a general HTTP client fetched is not judged so.
    const empty = (callee: string) => failed('Could not retrieve the subscription', { upstream: upstream([callee], [], 'not-ok-branch'), guards: [guard('!subscription', { negated: true, lookups: [{ binding: 'subscription', callee }] })] });
    expect(empty('stripe.subscriptions.retrieve')?.suggestedStatus).toBe(502);
    expect(empty('axios.get')).toBeUndefined();
    // Checking a webhook's signature is no call to another service.
    expect(failed('Webhook signature verification failed', { upstream: upstream(['stripe.webhooks.constructEvent']) })).toBeUndefined();
    // Building the service's own address (`new URL(base)`) or reading its answer (`JSON.parse`) checks nothing the client sent.
    expect(failed('Failed to exchange token', { upstream: upstream(['URL', 'fetch', 'JSON.parse']) })?.suggestedStatus).toBe(502);
    expect(failed('Failed to exchange token', { upstream: upstream(['schema.parse', 'fetch']) })).toBeUndefined();
  });

  it('reads rules about the caller\'s own record and banned values, and not advice about what the caller may have done', () => {
    expect(no400ForSemanticError.check(codeFact(400, { message: 'You cannot remove yourself from the team' }), defaults)?.suggestedStatus).toBe(422);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Domain is banned.' }), defaults)?.suggestedStatus).toBe(422);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Cannot reset own password' }), defaults)?.suggestedStatus).toBe(422);
    // The state of what the request names, and an account the server refuses.
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Session cannot be paused in current status' }), defaults)?.suggestedStatus).toBe(409);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Task is not success status' }), defaults)?.suggestedStatus).toBe(409);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Status is not a valid state' }), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { message: 'User is suspended - cannot register device' }), defaults)?.suggestedStatus).toBe(403);
    // A connection to another system that failed; not a provider the request named.
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Cannot connect to the database: ECONNREFUSED' }), defaults)?.suggestedStatus).toBe(503);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Could not reach the server' }), defaults)?.suggestedStatus).toBe(503);
    // Connecting one thing of the application to another is no network connection.
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Cannot connect a prompt to itself' }), defaults)?.suggestedStatus).not.toBe(503);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Invalid provider' }), defaults)).toBeUndefined();
    const advice = "Invalid credentials. You might need to reset your password if you're sure you already signed up with this email.";
    // Nor, with no comparison in sight, credentials that did not match: "invalid" also says a value missing or too short.
    expect(no400ForSemanticError.check(codeFact(400, { message: advice }), defaults)).toBeUndefined();
    // "Invalid password" after the password was verified is a failed sign-in; after a length check, a field refused.
    const verified = guard('!correctpass', { members: ['correctpass'], negated: true, lookups: [{ binding: 'correctpass', callee: 'bcrypt.compare' }] });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Invalid password', guards: [verified] }), defaults)?.suggestedStatus).toBe(401);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Invalid password', guards: [guard('password.length < 8', { members: ['password.length'] })] }), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Wrong password' }), defaults)?.suggestedStatus).toBe(401);
    // A bound on what the query asks for is a 400: "exceeded maximum resolution of points per timeseries".
    expect(no400ForSemanticError.check(codeFact(400, { message: 'exceeded maximum resolution of 11,000 points per timeseries' }), defaults)).toBeUndefined();
  });
});

describe('no-401-for-forbidden: another system refused credentials', () => {
  it('"Failed to authenticate with Docker Hub" is the server refused by a registry, not the caller: 502 suggested, no edit', () => {
    for (const message of ['Failed to authenticate with Docker Hub', 'Failed to authenticate with the gitlab registry', 'Unable to log in to the LDAP server']) {
      const finding = no401ForForbidden.check(codeFact(401, { message }), {});
      expect(finding?.messageId, message).toBe('otherSystemCredentials');
      expect(finding?.evidence, message).not.toMatch(/^Failed to authenticate with the \w+$/);
      expect(finding?.suggestedStatus).toBe(502);
      expect(finding?.fix).toBeUndefined();
    }
  });

  it('not what the caller sent: "Failed to authenticate with the provided credentials", "with your password"', () => {
    for (const message of ['Failed to authenticate with the provided credentials', 'Could not authenticate with your password', 'Unable to sign in with this token', 'Invalid token']) {
      expect(no401ForForbidden.check(codeFact(401, { message }), {}), message).toBeUndefined();
    }
  });
});

describe("no-401-for-forbidden: the caller's organization", () => {
  it('a missing organization of a signed-in caller is a 400 (a value of the request) or a 403 (refused or not ready)', () => {
    const cases: [string, number][] = [
      ['Organization ID is required.', 400],
      ['Tenant not found.', 403],
      ['Tenant database is not seeded with initial data yet.', 403],
      ['You must be in an organization to perform this action', 403],
      ['No active organization', 403],
    ];
    for (const [message, status] of cases) expect(no401ForForbidden.check(codeFact(401, { message }), {})?.suggestedStatus, message).toBe(status);
  });

  it('not when a credential is what is looked up or named: an API key whose organization is not found is a bad key', () => {
    const byKey = guard('!org', { members: ['org'], negated: true, lookups: [{ binding: 'org', callee: 'db.organization.findByApiKey', keys: ['apiKey'] }] });
    expect(no401ForForbidden.check(codeFact(401, { message: 'Organization not found', guards: [byKey] }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { message: 'Invalid token: organization not found' }), {})).toBeUndefined();
  });
});

describe('no-401-for-forbidden: what the request asks for, and callers sent away earlier', () => {
  it('a group named in the query is what the caller asks for, not a group the caller holds', () => {
    const asked = guard('!(!group || !service)', { members: ['group', 'req.query.group', 'service', 'req.query.service'], afterEarlyExit: true });
    const login = guard('data.toString() !== "Ok."', { members: ['data'], callees: ['data.toString'] });
    expect(no401ForForbidden.check(codeFact(401, { guards: [login, asked] }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('!req.user.groups.includes(group)', { members: ['req.user.groups', 'group'], callees: ['req.user.groups.includes'] })] }), {})?.suggestedStatus).toBe(403);
  });

  it('after the privileged callers left (`if (req.isAdmin) return next()`), a 401 for something missing is not a refusal of a known caller', () => {
    const adminLeft = guard('!(req.isAdmin)', { members: ['req.isAdmin'], negated: true, afterEarlyExit: true });
    const noRoles = guard('!userRoles.length', { members: ['userRoles.length'], negated: true });
    expect(no401ForForbidden.check(codeFact(401, { guards: [noRoles, adminLeft] }), {})).toBeUndefined();
    // What is left after the permission check, or a flag that only says how to answer, is still the refusal.
    expect(no401ForForbidden.check(codeFact(401, { guards: [adminLeft] }), {})?.suggestedStatus).toBe(403);
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('req.noResponse', { members: ['req.noResponse'] }), adminLeft] }), {})?.suggestedStatus).toBe(403);
  });
});

describe('no-401-for-forbidden: a caller\'s kind compared with a role', () => {
  it("`user.type !== 'admin'` asks what a known caller is; a kind of credential compared is not a role", () => {
    expect(no401ForForbidden.check(codeFact(401, { message: 'Unauthorized', guards: [guard("user?.type !== 'admin'", { members: ['user.type'], comparedStrings: ['admin'] })] }), {})?.suggestedStatus).toBe(403);
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard("payload.type !== 'access'", { members: ['payload.type'], comparedStrings: ['access'] })] }), {})).toBeUndefined();
  });
});

describe('no-401-for-forbidden: ownership guards', () => {
  it('an owner compared with the caller is a permission question; the two merely tested side by side are not', () => {
    const check = (text: string, members: string[]) => no401ForForbidden.check(codeFact(401, { guards: [guard(text, { members })] }), {});
    expect(check('post.authorId !== req.user.id', ['post.authorId', 'req.user.id'])?.suggestedStatus).toBe(403);
    expect(check('req.auth.authMode === AuthMode.JWT && !req.permission.orgId', ['req.auth.authMode', 'req.permission.orgId'])).toBeUndefined();
    // Optional chaining in the text, a member path without it.
    expect(check('server.organizationId !== ctx.session?.activeOrganizationId', ['server.organizationId', 'ctx.session.activeOrganizationId'])?.suggestedStatus).toBe(403);
    // Any flag of an elevated role: `isSuperAdmin`, `isOrgOwner`.
    expect(check('!user.isSuperAdmin', ['user.isSuperAdmin'])?.suggestedStatus).toBe(403);
    // A role looked for in the list of every role asks whether the caller is a known user; the caller's own roles do not.
    expect(check('!loggedUser || USER_ROLES.indexOf(loggedUser.role) === -1', ['loggedUser', 'loggedUser.role', 'USER_ROLES'])).toBeUndefined();
    expect(check("!user.roles.includes('admin')", ['user.roles'])?.suggestedStatus).toBe(403);
    // The caller's id read into a local name (`const userId = request.user?.userId`), tested and compared in one guard:
    // the 401 answers both the missing caller and the one who does not own the record.
    const both = no401ForForbidden.check(codeFact(401, { guards: [guard('!userId || share.creatorId !== userId', { members: ['userId', 'request.user.userId', 'share.creatorId'], negated: true })] }), {});
    expect(both?.suggestedStatus).toBe(403);
    expect(both?.message).toContain('fails the comparison of `share.creatorId` against `userId`');
    expect(check('share.creatorId !== userId', ['userId', 'request.user.userId', 'share.creatorId'])?.suggestedStatus).toBe(403);
    // An id the request names is who the request acts on, not the caller.
    expect(check('share.creatorId !== userId', ['userId', 'req.params.userId', 'share.creatorId'])).toBeUndefined();
    expect(check('!userId', ['userId', 'request.user.userId'])).toBeUndefined();
  });

  it('a plan that does not cover the request is a refusal of a known caller; a mode of the server decides no credential', () => {
    expect(no401ForForbidden.check(codeFact(401, { message: 'No subscription found' }), {})?.suggestedStatus).toBe(403);
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('!multiUserMode', { members: ['multiUserMode'] })] }), {})?.messageId).toBe('settingGuard');
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('!token', { members: ['token'] })] }), {})).toBeUndefined();
    // A flag's value read from the settings, also as what is left after earlier exits.
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('!flagValue', { members: ['flagValue'] })] }), {})?.messageId).toBe('settingGuard');
    const left = [guard('featureFlagKey', { members: ['featureFlagKey'], afterEarlyExit: true }), guard('!(flagValue === "enabled")', { members: ['flagValue'], afterEarlyExit: true })];
    expect(no401ForForbidden.check(codeFact(401, { guards: left }), {})?.messageId).toBe('settingGuard');
    // A signature check inside a condition on the environment: the signature decides.
    const signed = [guard('!isValid', { members: ['isValid'] }), guard('process.env.VERCEL === "1"', { members: ['process.env.VERCEL'] })];
    expect(no401ForForbidden.check(codeFact(401, { guards: signed }), {})).toBeUndefined();
    // Words of authorization after a credential compared (a hash of the email link) speak of the credential.
    const hashed = [guard('rebuiltHash !== hash', { members: ['rebuiltHash', 'hash'] })];
    expect(no401ForForbidden.check(codeFact(401, { message: 'Email not authorized to view secret', guards: hashed }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { message: 'Email not authorized to view secret' }), {})?.suggestedStatus).toBe(403);
    // `if (req.isAuthenticated()) return next(); if (isBasicAuthEnabled) return 401`: the path found the caller not signed in.
    const notSignedIn = [guard('!(req.isAuthenticated())', { callees: ['req.isAuthenticated'], negated: true, afterEarlyExit: true }), guard('isBasicAuthEnabled', { members: ['isBasicAuthEnabled'] })];
    expect(no401ForForbidden.check(codeFact(401, { guards: notSignedIn }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard('!multiUserMode', { members: ['multiUserMode'] })] }), {})?.messageId).toBe('settingGuard');
    // The caller is not signed in: what a 401 says, whatever its words.
    expect(no401ForForbidden.check(codeFact(401, { message: 'forbidden', guards: [guard('!req.isAuthenticated()', { callees: ['req.isAuthenticated'] })] }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { message: 'forbidden' }), {})?.suggestedStatus).toBe(403);
    // The server's own key for another service is a setting, not one that turns authentication on.
    expect(no401ForForbidden.check(codeFact(401, { message: "Missing BLOB_READ_WRITE_TOKEN. Don't forget to add that to your .env file.", guards: [guard('!process.env.BLOB_READ_WRITE_TOKEN', { members: ['process.env.BLOB_READ_WRITE_TOKEN'] })] }), {})?.messageId).toBe('settingGuard');
    // A setting that turns authentication on is what a 401 answers.
    expect(no401ForForbidden.check(codeFact(401, { guards: [notSignedIn[1]] }), {})).toBeUndefined();
    expect(no401ForForbidden.check(codeFact(401, { guards: [guard("this.configService.ui.auth !== 'none'", { members: ['this.configService.ui.auth'] })] }), {})).toBeUndefined();
  });
});

describe('no-500-for-upstream-error', () => {
  const defaults = no500ForUpstreamError.meta.defaultOptions;

  it('reads upstream failures in descriptions', () => {
    expect(no500ForUpstreamError.check(specFact(500, 'The payment provider did not respond in time.'), defaults)?.suggestedStatus).toBe(504);
    expect(no500ForUpstreamError.check(specFact(500, 'Failure from an upstream service.'), defaults)?.suggestedStatus).toBe(502);
    expect(no500ForUpstreamError.check(specFact(500, 'Internal server error.'), defaults)).toBeUndefined();
    // A hosted model answers every AI feature; "validation failed" is no model's.
    expect(no500ForUpstreamError.check(codeFact(500, { message: 'AI generation failed, please try again later.' }), defaults)?.suggestedStatus).toBe(502);
    expect(no500ForUpstreamError.check(codeFact(500, { message: 'Email validation failed' }), defaults)).toBeUndefined();
  });

  it('maps upstream calls in code by the error they handle', () => {
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['axios.get']) }), defaults)?.suggestedStatus).toBe(502);
    // What is left after `if (error instanceof Error) { ... return }` was thrown as no Error: no failed request.
    const notAnError = guard('!(error instanceof Error)', { members: ['error'], negated: true, afterEarlyExit: true });
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['fetch']), guards: [notAnError] }), defaults)).toBeUndefined();
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['fetch'], ['AbortError']) }), defaults)?.suggestedStatus).toBe(504);
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['got.post'], ['ECONNREFUSED']) }), defaults)?.suggestedStatus).toBe(503);
  });

  it('ignores calls that are not upstream unless configured', () => {
    const fact = codeFact(500, { upstream: upstream(['paymentsClient.charge', 'db.query']) });
    expect(no500ForUpstreamError.check(fact, defaults)).toBeUndefined();
    expect(no500ForUpstreamError.check(fact, { upstreamCallees: ['paymentsClient.*'] })?.evidence).toBe('paymentsClient.charge');
  });

  it('knows hosted-API SDKs, by the package they come from before the name they are held in', () => {
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['stripe.paymentIntents.create']) }), defaults)?.suggestedStatus).toBe(502);
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['this.openai.chat.completions.create']) }), defaults)?.evidence).toBe('this.openai.chat.completions.create');
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: upstream(['s3Client.send']) }), defaults)?.suggestedStatus).toBe(502);
    const fromSdk = { ...upstream(['storage.send']), calleeModules: { 'storage.send': '@aws-sdk/client-s3' } };
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: fromSdk }), defaults)?.evidence).toBe('storage.send');
    // A client named `openai` that comes from a package that makes no request (a model factory) is not a call.
    const notSdk = { ...upstream(['openai.languageModel']), calleeModules: { 'openai.languageModel': '@ai-sdk/openai' } };
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: notSdk }), defaults)).toBeUndefined();
  });

  it('takes a catch that tells network errors apart as proof of an upstream call, with the markers on the path deciding the status', () => {
    const unknownClient = (markers: string[]) => ({ ...upstream(['this.taxClient.quote', 'this.logger.error'], markers), handledMarkers: ['ECONNABORTED', 'ETIMEDOUT'] });
    const later = no500ForUpstreamError.check(codeFact(500, { upstream: unknownClient([]) }), defaults);
    expect(later?.suggestedStatus).toBe(502);
    expect(later?.message).toContain('`this.taxClient.quote(...)`');
    expect(later?.message).toContain('`ECONNABORTED`');
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: unknownClient(['ETIMEDOUT']) }), defaults)?.suggestedStatus).toBe(504);
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: { ...upstream(['computeRefund']), handledMarkers: ['RangeError'] } }), defaults)).toBeUndefined();
    // A database refusing connections is the server's own failure.
    const database = { ...upstream(['pool.query', 'this.prisma.order.update', 'JSON.stringify', 'orders.insertOne'], []), calleeModules: { 'orders.insertOne': 'mongodb' }, handledMarkers: ['ECONNREFUSED'] };
    expect(no500ForUpstreamError.check(codeFact(500, { upstream: database }), defaults)).toBeUndefined();
  });
});

describe('require-retry-after-on-429', () => {
  it('flags a 429 without the header and accepts it in any case', () => {
    expect(requireRetryAfterOn429.check(specFact(429, 'Too many requests'), {})?.fix).toEqual({ kind: 'add-header', header: 'Retry-After' });
    expect(requireRetryAfterOn429.check(specFact(429, '', { headers: { names: ['X-RateLimit-Reset'], complete: true } }), {})?.message).toContain('X-RateLimit-Reset');
    for (const name of ['Retry-After', 'retry-after', 'RETRY-AFTER']) {
      expect(requireRetryAfterOn429.check(specFact(429, '', { headers: { names: [name], complete: true } }), {}), name).toBeUndefined();
    }
  });

  it('stays quiet when headers cannot be known', () => {
    expect(requireRetryAfterOn429.check(codeFact(429, { headers: { names: [], complete: false } }), {})).toBeUndefined();
    expect(requireRetryAfterOn429.check(codeFact(429), {})).toBeUndefined();
  });
});

describe('no-error-body-on-success', () => {
  const defaults = noErrorBodyOnSuccess.meta.defaultOptions;
  const check = (fact: Parameters<typeof noErrorBodyOnSuccess.check>[0], options = defaults) => noErrorBodyOnSuccess.check(fact, options);

  it('flags error schemas and names them', () => {
    expect(check(specFact(200, 'OK', { body: { kind: 'object', schemaName: 'ErrorResponse', properties: [] } }))?.message).toContain('`ErrorResponse`');
    expect(check(specFact(200, 'OK', { body: { kind: 'unknown', mediaType: 'application/problem+json' } }))?.ruleId).toBe('no-error-body-on-success');
    expect(check(specFact('2XX', 'OK', { body: objectBody({ success: { required: true, value: { kind: 'literal', value: false } } }) }))?.ruleId).toBe('no-error-body-on-success');
  });

  it("reads the reason phrase of an error status in an envelope's status (`{ status: 'Unauthorized', message, data: null }`)", () => {
    const body = objectBody({ status: { required: true, value: { kind: 'literal', value: 'Unauthorized' } }, message: { required: false, value: { kind: 'unknown' } }, data: { required: true, value: { kind: 'literal', value: null } } });
    expect(check(codeFact(200, { body }))?.suggestedStatus).toBe(401);
    const fine = objectBody({ status: { required: true, value: { kind: 'literal', value: 'Success' } }, data: { required: true, value: { kind: 'literal', value: null } } });
    expect(check(codeFact(200, { body: fine }))).toBeUndefined();
  });

  it('reads a message in Chinese: a failure ("获取管理员信息失败", "餐馆名称已存在") is an error, a success ("删除成功") is not', () => {
    const envelope = (message: string) => objectBody({ status: { required: true, value: { kind: 'literal', value: 0 } }, type: { required: true, value: { kind: 'literal', value: 'ERROR_SESSION' } }, message: { required: true, value: { kind: 'literal', value: message } } });
    expect(check(codeFact(200, { body: envelope('获取管理员信息失败') }))?.ruleId).toBe('no-error-body-on-success');
    expect(check(codeFact(200, { body: envelope('餐馆名称已存在') }))?.suggestedStatus).toBe(409);
    expect(check(codeFact(200, { body: envelope('参数错误') }))?.ruleId).toBe('no-error-body-on-success');
    expect(check(codeFact(200, { body: envelope('删除成功') }))).toBeUndefined();
    expect(check(codeFact(200, { body: envelope('部分成功') }))).toBeUndefined();
  });

  it('flags a caught error sent as a 200 in code and suggests 500', () => {
    const finding = check(codeFact(200, { body: { kind: 'caught-error' }, context: { implicitStatus: true, inErrorHandler: true } }));
    expect(finding?.suggestedStatus).toBe(500);
    expect(finding?.target).toBe('body');
  });

  it('reads a discriminant (`kind: "error"`) and an HTTP error status written into an envelope, suggesting that status', () => {
    const tagged = objectBody({ kind: { required: true, value: { kind: 'literal', value: 'error' } }, error: { required: true, value: { kind: 'literal', value: 'Project not found' } } });
    expect(check(codeFact(200, { body: tagged }))?.suggestedStatus).toBe(404);
    const envelope = objectBody({ status: { required: true, value: { kind: 'literal', value: 405 } }, body: { required: true, value: { kind: 'literal', value: 'Nope' } } });
    expect(check(codeFact(200, { body: envelope }))?.suggestedStatus).toBe(405);
    // A status that is data (`lastStatus: 503` of a monitor beside its url) is not the answer's.
    const monitor = objectBody({ lastStatus: { required: true, value: { kind: 'literal', value: 503 } }, url: { required: true, value: { kind: 'literal', value: 'https://example.com' } } });
    expect(check(codeFact(200, { body: monitor }))).toBeUndefined();
  });

  it('answers every error that reaches a global error handler as a success: reported, without a fix in place', () => {
    const finding = check(codeFact(200, { body: { kind: 'unknown' }, context: { globalErrorHandler: true, inErrorHandler: true } }));
    expect(finding?.messageId).toBe('errorHandlerSuccess');
    expect(finding?.fix).toBeUndefined();
    expect(check(codeFact(200, { body: { kind: 'unknown' }, context: { inErrorHandler: true } }))).toBeUndefined();
  });

  it('suggests the status the error words point to', () => {
    const body = objectBody({ error: { required: true, value: { kind: 'literal', value: 'User not found' } } });
    expect(check(codeFact(200, { body }))?.suggestedStatus).toBe(404);
  });

  it('does not flag successes that only look like errors', () => {
    const stats = objectBody({ requests: { required: true, value: { kind: 'typed', type: 'integer' } }, errors: { required: true, value: { kind: 'typed', type: 'integer' } } });
    const validation = objectBody({ valid: { required: true, value: { kind: 'literal', value: false } }, problems: { required: true, value: { kind: 'array' } } });
    const event = { kind: 'object' as const, schemaName: 'ErrorEvent', properties: [] };
    const okFlag = objectBody({ ok: { required: true, value: { kind: 'literal', value: true } } });
    for (const body of [stats, validation, event, okFlag]) expect(check(specFact(200, 'OK', { body })), JSON.stringify(body)).toBeUndefined();
  });

  it('does not read a resource that holds an error field or a failed state as an error body', () => {
    const build = objectBody({
      url: { required: true, value: { kind: 'typed', type: 'string' } },
      status: { required: true, value: { kind: 'enum', values: ['built', 'building', 'errored'] } },
      error: { required: true, value: { kind: 'object' } },
      commit: { required: true, value: { kind: 'typed', type: 'string' } },
      duration: { required: true, value: { kind: 'typed', type: 'integer' } },
      created_at: { required: true, value: { kind: 'typed', type: 'string' } },
    });
    expect(check(specFact(200, 'The latest build', { body: build }))).toBeUndefined();
    const poll = objectBody(
      { status: { required: true, value: { kind: 'enum', values: ['pending', 'done', 'failed'] } } },
      { examples: [objectBody({ status: { required: true, value: { kind: 'literal', value: 'failed' } } })] },
    );
    expect(check(specFact(200, 'Job state', { body: poll }))).toBeUndefined();
    const failedOnly = objectBody({}, { examples: [objectBody({ status: { required: true, value: { kind: 'literal', value: 'failed' } }, message: { required: true, value: { kind: 'literal', value: 'Card declined' } } })] });
    expect(check(specFact(200, 'Result', { body: failedOnly }))?.suggestedStatus).toBe(422);
  });

  it("reads an operation output's errors list as per-item failures (partial), not as a failed call", () => {
    const errorsOnly = (schemaName: string) => objectBody({ errors: { required: true, value: { kind: 'array' } } }, { schemaName });
    expect(check(specFact(200, 'OK', { body: errorsOnly('UpdatePermissionsResponse') }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body: errorsOnly('BatchEvaluateGeofencesOutput') }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body: errorsOnly('ValidationErrors') }))?.ruleId).toBe('no-error-body-on-success');
  });

  it('leaves 207 Multi-Status alone: failures inside it are by design', () => {
    const body = objectBody({ errors: { required: true, value: { kind: 'array', nonEmpty: true } } });
    expect(check(specFact(207, 'Per-item results', { body }))).toBeUndefined();
    expect(check(specFact(200, 'Per-item results', { body }))?.ruleId).toBe('no-error-body-on-success');
  });

  it('reads the words of an errors list to suggest a status', () => {
    const body = objectBody({ errors: { required: true, value: { kind: 'array', nonEmpty: true, items: [{ kind: 'literal', value: 'items must be an array' }] } } });
    expect(check(codeFact(200, { body }))?.suggestedStatus).toBe(400);
    const nested = objectBody({ errors: { required: true, value: { kind: 'array', nonEmpty: true, items: [{ kind: 'object', shape: objectBody({ message: { required: true, value: { kind: 'literal', value: 'Invoice not found' } } }) }] } } });
    expect(check(codeFact(200, { body: nested }))?.suggestedStatus).toBe(404);
  });

  it('treats data beside an errors list as partial success, reported only on request', () => {
    const body = objectBody({ data: { required: true, value: { kind: 'object' } }, errors: { required: false, value: { kind: 'array' } } });
    expect(check(specFact(200, 'OK', { body }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body }), { reportPartialSuccess: true })?.messageId).toBe('partialBody');
    expect(check(codeFact(200, { body: objectBody({ data: { required: true, value: { kind: 'unknown' } }, errors: { required: true, value: { kind: 'array', empty: true } } }) }))).toBeUndefined();
  });

  it('flags a success described by an error reason phrase', () => {
    expect(check(specFact(200, 'Not Found'))?.suggestedStatus).toBe(404);
    expect(check(specFact(200, 'Successful operation'))).toBeUndefined();
  });
});

describe('which calls reach another service', () => {
  it('SDKs of mail, identity, name resolution and hosted APIs by their package; a client made by a factory by its name', async () => {
    const { isUpstreamCallee } = await import('../src/knowledge/upstream-callees.js');
    for (const [callee, module] of [['transporter.sendMail', 'nodemailer'], ['discovery', 'openid-client'], ['dnsLookup', 'node:dns'], ['client.listTools', '@modelcontextprotocol/sdk'], ['client.aiGateway.list', 'cloudflare'], ['client.getEntries', 'contentful']]) {
      expect(isUpstreamCallee(callee, [], module), `${callee} from ${module}`).toBe(true);
    }
    // The MCP SDK's server registers tools and answers clients, and its types test a message: not calls to another system.
    for (const [callee, module] of [['server.tool', '@modelcontextprotocol/sdk/server/mcp.js'], ['server.connect', '@modelcontextprotocol/sdk/server/streamableHttp.js'], ['isInitializeRequest', '@modelcontextprotocol/sdk/types.js']]) {
      expect(isUpstreamCallee(callee, [], module), `${callee} from ${module}`).toBe(false);
    }
    expect(isUpstreamCallee('client.callTool', [], '@modelcontextprotocol/sdk/client/index.js')).toBe(true);
    // Packages named for an AI service, code sandboxes, and more hosted APIs; not a provider adapter, which makes a model object.
    for (const [callee, module] of [['together.chat.completions.create', 'together-ai'], ['fal.subscribe', '@fal-ai/client'], ['Sandbox.create', '@e2b/code-interpreter'], ['webhook.send', '@slack/webhook'], ['client.getToken', 'google-auth-library'], ['spotifyApi.getMe', 'spotify-web-api-node']]) {
      expect(isUpstreamCallee(callee, [], module), `${callee} from ${module}`).toBe(true);
    }
    // Packages named for reaching other services; not a framework's own transport package.
    expect(isUpstreamCallee('RWAPIMicroservice.requestToMicroservice', [], 'rw-api-microservice-node')).toBe(true);
    expect(isUpstreamCallee('client.orders.list', [], '@acme/api-client')).toBe(true);
    expect(isUpstreamCallee('ClientProxyFactory.create', [], '@nestjs/microservices')).toBe(false);
    // A log line through an SDK's own logger sends nothing.
    expect(isUpstreamCallee('LogService.info', [], 'matrix-bot-sdk')).toBe(false);
    expect(isUpstreamCallee('MatrixClient.sendMessage', [], 'matrix-bot-sdk')).toBe(true);
    expect(isUpstreamCallee('createOllama', [], 'ollama-ai-provider')).toBe(false);
    expect(isUpstreamCallee('client.generateAuthUrl', [], 'google-auth-library')).toBe(false);
    // Signing a URL or naming an object's address happens in the process: the AWS SDK v2's promise form, Qiniu's URLs.
    expect(isUpstreamCallee('this.s3.getSignedUrlPromise', [], 'aws-sdk')).toBe(false);
    expect(isUpstreamCallee('this.bucketManager.privateDownloadUrl', [], 'qiniu')).toBe(false);
    expect(isUpstreamCallee('this.bucketManager.listPrefix', [], 'qiniu')).toBe(true);
    expect(isUpstreamCallee('getStripe().billingPortal.sessions.create')).toBe(true);
    expect(isUpstreamCallee('createOpenAIClient().chat.completions.create')).toBe(true);
    // The application's own modules and functions say nothing by their names.
    expect(isUpstreamCallee('getUser().profile.load')).toBe(false);
    expect(isUpstreamCallee('findOrder', [], '@/lib/orders')).toBe(false);
  });

  it('a local git client reaches a remote only by the methods that do (clone, pull, fetch, push)', async () => {
    const { isUpstreamCallee } = await import('../src/knowledge/upstream-callees.js');
    expect(isUpstreamCallee('git.clone', [], 'simple-git')).toBe(true);
    expect(isUpstreamCallee('git.pull', [], 'simple-git')).toBe(true);
    expect(isUpstreamCallee('git.status', [], 'simple-git')).toBe(false);
    expect(isUpstreamCallee('git.revparse', [], 'simple-git')).toBe(false);
  });

  it('a client the application points at an outside address reaches that service; one pointed at this machine does not', async () => {
    const { isUpstreamCallee } = await import('../src/knowledge/upstream-callees.js');
    expect(isUpstreamCallee('tmdb.getLanguages', [], 'https://api.themoviedb.org/3')).toBe(true);
    expect(isUpstreamCallee('self.getStatus', [], 'http://localhost:5055/api/v1')).toBe(false);
    expect(isUpstreamCallee('self.getStatus', [], 'http://127.0.0.1:8080')).toBe(false);
  });
});

describe('clients carried on a context object', () => {
  it('ctx.stripe, c.var.openai and deps.twilio are the SDKs they name; ctx.db and ctx.prisma are not', async () => {
    const { isUpstreamCallee } = await import('../src/knowledge/upstream-callees.js');
    for (const callee of ['ctx.stripe.customers.create', 'c.var.openai.chat.completions.create', 'deps.twilio.messages.create']) expect(isUpstreamCallee(callee), callee).toBe(true);
    for (const callee of ['ctx.db.user.findUnique', 'ctx.prisma.order.create', 'ctx.stripe']) expect(isUpstreamCallee(callee), callee).toBe(false);
  });
});

describe('which responses need upstream evidence', () => {
  it('every status a rule that reads the evidence applies to gathers it, and no other', async () => {
    const { readsUpstreamEvidence } = await import('../src/upstream-failure.js');
    for (const rule of [no400ForSemanticError, no401ForForbidden, no500ForUpstreamError, noErrorBodyOnSuccess]) {
      const { statuses = [], classes = [] } = rule.meta.appliesTo as { statuses?: number[]; classes?: number[] };
      for (const status of [...statuses, ...classes.flatMap((statusClass) => [statusClass * 100, statusClass * 100 + 4])]) expect(readsUpstreamEvidence(status), `${rule.meta.id} ${status}`).toBe(true);
    }
    // The evidence changes nothing for these: a 403, a 404, a 429 are judged without it.
    for (const status of [403, 404, 429, 503]) expect(readsUpstreamEvidence(status)).toBe(false);
  });
});

describe('lines by their starts', () => {
  it('finds the line an offset is on, the first and last included', async () => {
    const { lineIndexOf } = await import('../src/line-starts.js');
    const starts = [0, 4, 9, 15];
    expect([0, 3, 4, 8, 9, 14, 15, 99].map((offset) => lineIndexOf(starts, offset))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(lineIndexOf([0], 7)).toBe(0);
  });
});

describe('an answer that carries an outcome code', () => {
  it('a single code that names a failure is an error body; a next step or a success code is not', () => {
    const check = (fact: Parameters<typeof noErrorBodyOnSuccess.check>[0]) => noErrorBodyOnSuccess.check(fact, noErrorBodyOnSuccess.meta.defaultOptions);
    const status = (value: string) => objectBody({ status: { required: true, value: { kind: 'literal', value } } });
    expect(check(codeFact(200, { body: status('INVALID_TOTP_CODE') }))?.messageId).toBe('errorBody');
    expect(check(codeFact(200, { body: status('PENDING_LOGIN_EXPIRED') }))?.messageId).toBe('errorBody');
    expect(check(codeFact(200, { body: status('TOTP_REQUIRED') }))).toBeUndefined();
    expect(check(codeFact(200, { body: status('LOGIN_SUCCEEDED') }))).toBeUndefined();
  });
});

describe('readings added for the twenty-eighth blind set', () => {
  const defaults = { businessRuleStatus: 422 as const };
  it('a 400 decided by the state the server process holds (global.activeSandbox) is a conflict, not a bad request', () => {
    const sandbox = guard('!global.activeSandbox', { members: ['global.activeSandbox'], negated: true });
    const found = no400ForSemanticError.check(codeFact(400, { message: 'No active sandbox', guards: [sandbox] }), defaults);
    expect(found?.suggestedStatus).toBe(409);
    expect(found?.message).toContain('global.activeSandbox');
    // A value the request sent, checked beside it, decides by the request.
    const command = guard('!command', { members: ['command'], negated: true });
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Command is required', guards: [command] }), defaults)).toBeUndefined();
  });

  it('words that say the server did not manage its own write are its failure; a refusal to delete is not', () => {
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Note with id  was not deleted' }), defaults)?.suggestedStatus).toBe(500);
    expect(no400ForSemanticError.check(codeFact(400, { message: 'Note was created' }), defaults)).toBeUndefined();
    expect(no400ForSemanticError.check(codeFact(400, { message: 'This note cannot be deleted' }), defaults)?.suggestedStatus).not.toBe(500);
  });

  it("the caller's id compared with the member a request targets says the caller is known: a 401 there is a 403", () => {
    const self = guard('!(appMemberId !== authSubject!.id)', { members: ['appMemberId', 'authSubject.id', 'ctx.user'], negated: true });
    expect(no401ForForbidden.check(codeFact(401, { message: 'Cannot use this endpoint to patch your own properties', guards: [self] }), {})?.suggestedStatus).toBe(403);
    // `!ctx.user` alone still asks whether there is a caller.
    const anonymous = guard('!ctx.user', { members: ['ctx.user'], negated: true });
    expect(no401ForForbidden.check(codeFact(401, { message: 'Cannot use this endpoint', guards: [anonymous] }), {})).toBeUndefined();
  });
});

describe('registration', () => {
  it('whoever registers is nobody signed in yet: a refusal of the registration is no 403 for 401, unless the path found the caller', () => {
    const register = { operations: ['registerAppMemberWithEmail'], inErrorHandler: false, implicitStatus: false };
    expect(no401ForForbidden.check(codeFact(401, { message: 'App member is not allowed to register due to the app security policy', context: register }), {})).toBeUndefined();
    const role = guard('!(app.definition?.security?.default?.role != null)', { members: ['app.definition.security.default.role'], negated: true });
    expect(no401ForForbidden.check(codeFact(401, { message: 'This app has no default role', guards: [role], context: register }), {})).toBeUndefined();
    // The same words elsewhere are a refusal of a known caller.
    expect(no401ForForbidden.check(codeFact(401, { message: 'App member is not allowed to register due to the app security policy', context: { ...register, operations: ['inviteMember'] } }), {})?.suggestedStatus).toBe(403);
  });
});

