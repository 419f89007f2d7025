// no-401-for-forbidden: a 401 sent to a caller who is known but not allowed; that is a 403.
import type { GuardEvidence, ResponseFact } from '../facts.js';
import { decidingGuard } from '../deciding-guards.js';
import { defineRule } from '../rule.js';
import { settingGuardEvidence } from '../server-settings.js';
import { upstreamFailure, upstreamStatusName } from '../upstream-failure.js';
import { lastSegment } from '../member-path.js';
import { IDENTITY_MEMBERS, offersAlternatives, permissionGuardEvidence, testsIdentity } from '../permission-guards.js';
import { classifyFact, operationsNote, textsOf } from '../fact-text.js';
import { CAUGHT_ERROR_NAME } from '../knowledge/exception-classes.js';
import { classifyText, findSignal, hasSignal, hasStrongSignal, type Classification, type SignalMatch } from '../vocabulary.js';

/** Operations that make an account: `register`, `registerAppMemberWithEmail`, `signUp`, `createAccount`. */
const REGISTRATION = /^(?:register|sign_?up|signUp|createAccount|createUserAccount)(?:[A-Z_]\w*)?$/i;

/** Values a credential check compares: a hash, a signature, a token, a password, a one-time code. */
const CREDENTIAL_VALUE = /(?:hash|hashed|signature|digest|hmac|token|password|passwd|secret|otp|totp|passcode|apikey|api_key|credential)s?$/i;

/** Settings that turn authentication on: `ui.auth`, `authEnabled`, `requireLogin`, `basicAuth`. */
const AUTH_SETTING = /(?:^|[.\s(!])(?:(?:is|has|basic|require|requires|enable|use)[-_]?)*(?:auth(?:entication)?[-_]?(?:enabled|required|mode|type)?|login[-_]?(?:required|enabled)?|sign[-_]?in[-_]?(?:required|enabled)?)\b/i;

/** A call that asks whether the caller is signed in: `req.isAuthenticated()`, `await isLoggedIn(req)`. */
const SIGN_IN_CALL = String.raw`(?:await\s+)?[\w$.]*(?:isAuthenticated|isLoggedIn|isSignedIn|isLoggedOn)\([^()]*\)`;

/** A condition that the caller is not signed in: `!req.isAuthenticated()`, `!(await isLoggedIn(req))`. */
const SIGN_IN_CHECK = new RegExp(String.raw`^!\s*\(?\s*${SIGN_IN_CALL}\s*\)?$`);

/** Checks that the caller signed in again recently (step-up, sudo mode): `checkIfElevated`, `isRecentlyAuthenticated`, `requireFreshLogin`. */
const STEP_UP_CHECK = /^(?:check|is|has|require|ensure|verify)?(?:If)?(?:Elevated|Reauthenticated|ReAuthenticated|RecentlyAuthenticated|RecentLogin|RecentAuth\w*|FreshLogin|FreshAuth\w*|SudoMode|InSudoMode|StepUp\w*)$/i;

/** A condition on the path that found the caller not signed in: `!(req.isAuthenticated())`, `!(await isLoggedIn(req))`. */
const NOT_SIGNED_IN = new RegExp(String.raw`^!\(\s*${SIGN_IN_CALL}\s*\)$`);

/**
 * A 401's message that is the state of the account it found ("User disabled", "Account suspended"): the account is
 * known and refused. Read here only: in a 2xx the same words are the toast of an admin who disabled a user.
 */
const ACCOUNT_STATE = /^(?:the )?(?:user|account|member|owner)(?: account)? (?:disabled|deactivated|suspended|banned|blocked|locked)\.?$/i;

function accountStateText(fact: ResponseFact): SignalMatch | undefined {
  const text = fact.texts.find((item) => item.source === 'message' && ACCOUNT_STATE.test(item.text.trim()));
  return text ? { signal: 'permission-denied', phrase: text.text.trim().toLowerCase(), strength: 'strong' } : undefined;
}

/**
 * A 401 whose words say something is not the caller's ("offering does not belong to location", the name of the error
 * it answers): credentials never fail that way; the caller is known and the record is someone else's. Read here only:
 * in a 400 the same words may be a request that pairs two records wrongly.
 */
const NOT_BELONGING = /\b(?:does not|doesn't|do not|don't|did not) belong to\b/;

function notBelongingText(fact: ResponseFact): SignalMatch | undefined {
  const text = textsOf(fact).find((item) => NOT_BELONGING.test(item.toLowerCase()));
  return text ? { signal: 'permission-denied', phrase: NOT_BELONGING.exec(text.toLowerCase())![0], strength: 'strong' } : undefined;
}

/**
 * The permission refusal a 401's words describe. A strong one counts beside credential problems; a medium one
 * ("not authorized to use this API") counts alone, or as a listed case of its own (one enum value or example beside
 * another that speaks of credentials), but not inside the same sentence as a credential problem ("Access denied: invalid key").
 */
function permissionText(fact: ResponseFact, classification: Classification, credentialProblem: boolean): SignalMatch | undefined {
  const permission = findSignal(classification, 'permission-denied') ?? accountStateText(fact) ?? notBelongingText(fact);
  if (!permission) return undefined;
  if (permission.strength === 'strong' || (permission.strength === 'medium' && !credentialProblem)) return permission;
  if (permission.strength !== 'medium') return undefined;
  // Alternatives are the listed cases (examples, enum values); a description sums them up and is not one of them.
  const alternatives = fact.texts.filter((text) => text.source === 'example' || text.source === 'schema').map((text) => classifyText(text.text));
  const credentialCase = alternatives.some((own) => hasStrongSignal(own, 'authentication-failure'));
  for (const own of alternatives) {
    const refusal = findSignal(own, 'permission-denied');
    if (credentialCase && refusal && refusal.strength !== 'weak' && !hasStrongSignal(own, 'authentication-failure')) return refusal;
  }
  return undefined;
}

/** Members that name who the caller is: `userId`, `req.user.id`, `session.user`, `ctx.state.user`. */
const CALLER_IDENTITY = /(?:^|\.)(?:user|users?Id|session|currentUser|principal|account|accountId|me)(?:\.(?:id|uuid|_id|userId))?$/i;
/** Values of the request itself: `dto.parentVersion`, `req.body.name`, `input.id`, `params.slug`. */
const REQUEST_VALUE = /^(?:dto|body|input|params|query|payload|args|data|req\.(?:body|query|params)|request\.(?:body|query|params))\./i;
/** A name for whether a credential checked out: `isPasswordValid`, `passwordMatches`, `validOtp`, `isTokenCorrect`. */
const CREDENTIAL_VERDICT = /^(?:is|has|valid|correct)?[A-Z]?\w*(?:password|passwd|token|otp|totp|pin|passcode|code|credentials?|signature|secret)\w*(?:valid|correct|match(?:es|ed)?|ok|verified)$|^(?:is)?(?:valid|correct)(?:password|passwd|token|otp|totp|pin|passcode|code|credentials?|signature|secret)s?$/i;
/** What credentials are made of: a token, a key, a password, a code of a second factor. */
const CREDENTIAL_PART = /(?:token|jwt|key|secret|password|passwd|hash|signature|otp|totp|mfa|2fa|twoFactor|code|cookie|credential|session|auth\w*)s?$/i;

/** "OpenAI API key not found", "Anthropic API key is missing": the key of a named system (capitalized) missing. */
const OTHER_SYSTEM_KEY_MISSING = /\b([A-Z][\w.-]*) API key (?:was |is )?(?:not found|missing|not set|not configured|not provided|required)\b/;

/**
 * Words that say the server failed to sign in to another system: "Failed to authenticate with Docker Hub", "could not
 * authenticate with the gitlab registry", "unable to authenticate against the LDAP server". Not what the caller sent
 * ("authenticate with the provided credentials", "with your password").
 */
const OTHER_SYSTEM_SIGN_IN = /\b(?:failed|unable|could not|couldn't|cannot|can't) (?:to )?(?:authenticate|log ?in|sign ?in) (?:with|to|against|into) (?!(?:the |your |these |those |this |provided |given |supplied |valid |correct |given )*(?:credentials?|password|passcode|token|key|api key|username|email|account|user|code|otp|session|cookie|header|request)s?\b)(?:the |a |an )?[\w.-]+(?: (?!(?:because|as|since|when|for|with|due|after)\b)[\w.-]+){0,2}/i;

/**
 * Words of the caller's organization, tenant or workspace that is missing or not ready: "Organization ID is required.",
 * "Tenant not found.", "Tenant database is not seeded", "You must be in an organization to perform this action". The
 * caller signed in; what is missing is which organization they act for, or its state. A request value missing is a
 * 400, the rest a 403.
 */
const TENANT_CONTEXT = /\b(?:organi[sz]ation|tenant|workspace|org)(?:[ -]?id| database| account| record| context)? (?:(?:is|was|has) (?:not |been )?)?(?:required|missing|not found|not (?:yet )?(?:selected|set|provided|specified|initiali[sz]ed|seeded|migrated|ready|active))\b|\bmust (?:be in|belong to|be a member of|select|have) (?:an? |the )?(?:organi[sz]ation|tenant|workspace|team)\b|\bno (?:active |current |selected )?(?:organi[sz]ation|tenant|workspace)\b(?! (?:with|for|by|matching) )/i;
const TENANT_VALUE_MISSING = /\b(?:required|missing|not (?:provided|specified|set))\b/i;

/** Words of credentials and their states. */
const CREDENTIAL_WORDS = /\b(?:token|api[ -]?key|key|credentials?|jwt|password|signature|session|cookie|expired|revoked|invalid|sign(?:ed)?[ -]?in|log(?:ged)?[ -]?in|authenticat\w*)\b/i;

/** A name one signs in with: the key of a lookup that finds an account, not the caller. */
const SIGN_IN_NAME = /^(?:e?-?mail|e?mail_?address|user_?name|login|phone(?:_?number)?)$/i;
/** A check of a credential on the path: `bcrypt.compare(...)`, `user.verifyPassword(...)`, `!validPassword`. */
const CREDENTIAL_CHECKED = /(?:compare|verify)\w*$/i;

/**
 * `const user = await users.findOne({ email: input.email }); if (!user) ...`: an account found by the name the request
 * gives, as a sign-in or a magic link does. Nobody is signed in until a credential of it was checked on the path.
 */
function accountNamedByRequest(guard: GuardEvidence, guards: readonly GuardEvidence[]): boolean {
  const lookups = guard.lookups.filter((lookup) => guard.members.includes(lookup.binding));
  if (lookups.length === 0 || !lookups.every((lookup) => (lookup.keys ?? []).some((key) => SIGN_IN_NAME.test(lastSegment(key))))) return false;
  // `if (!username || !password) throw ...` before the lookup only asks that both were sent: nothing is checked yet.
  const presenceOnly = (other: GuardEvidence) => other.callees.length === 0 && other.text.replace(/^!\((.*)\)$/, '$1').split('||').every((part) => BARE_ABSENCE.test(part.trim()));
  return !guards.some((other) => !presenceOnly(other) && [...other.members, ...other.callees].some((name) => CREDENTIAL_VALUE.test(lastSegment(name)) || CREDENTIAL_CHECKED.test(lastSegment(name))));
}

/**
 * `!request.user?.id || !request.user?.roles?.length`: absences only, one of them the caller's own (read off the
 * request, `getRequest()` aside), none a question (`isAdmin`).
 */
function callerMaybeAbsent(guard: GuardEvidence): boolean {
  const parts = guard.text.split('||').map((part) => part.trim());
  if (!guard.negated || parts.length < 2 || !parts.every((part) => BARE_ABSENCE.test(part))) return false;
  if (!guard.callees.every((callee) => /(?:^|\.)(?:getRequest|switchToHttp)$/.test(callee))) return false;
  return guard.members.some((member) => CALLER_IDENTITY.test(member)) && !guard.members.some((member) => PREDICATE_NAME.test(lastSegment(member)));
}

/** The check earlier on the path that exited when no caller was known (`if (!userId) throw ...`), if any. */
function identityFoundBefore(guards: readonly GuardEvidence[]): GuardEvidence | undefined {
  return guards.find((guard) => guard.afterEarlyExit && guard.afterFailedCheck && !guard.negated && guard.members.length > 0 && guard.members.every((member) => CALLER_IDENTITY.test(member) || IDENTITY_MEMBERS.test(member)) && !accountNamedByRequest(guard, guards));
}

/** The caller's own record, as the authentication left it: `user`, `req.user`, `ctx.state.user`, `currentUser`, `session.user`. */
const CALLER_RECORD = /^(?:(?:req|request|ctx\.state|ctx|c\.var|res\.locals|session|context)\.)?(?:user|currentUser|me|account|authUser)$/;
/**
 * A state of an account (`isOnboardingFinished`, `emailVerified`, `isActive`, `banned`, `needsPasswordChange`): what
 * its holder may do, not who they are; not a role (`isOwner`).
 */
const ACCOUNT_FLAG = /(?:verified|active|activated|enabled|confirmed|finished|completed|approved|onboarded|banned|blocked|suspended|disabled|deactivated|locked|password(?:change|reset|update)(?:required|needed)?|changepassword)$/i;

/**
 * `if (!onboardingBypassed && !user.isOnboardingFinished) throw new UnauthorizedException('Onboarding not finished')`:
 * a state of the caller's own account, read off the record the path holds. The member it reads, if so.
 */
function callerAccountFlag(guard: GuardEvidence): string | undefined {
  if (guard.lookups.length > 0) return undefined;
  return guard.members.find((member) => {
    const cut = member.lastIndexOf('.');
    if (cut < 0) return false;
    const flag = member.slice(cut + 1);
    return CALLER_RECORD.test(member.slice(0, cut)) && ACCOUNT_FLAG.test(flag) && !CREDENTIAL_PART.test(flag) && !CREDENTIAL_VALUE.test(flag) && !/(?:authenticat|loggedin|signedin)/i.test(flag);
  });
}

/** A caller tested for being anonymous: `identity.isGuest`, `req.isAnonymous`, `!req.isAuthenticated()`, `!session.loggedIn`. */
const CALLER_ANONYMOUS = /^(?:[\w$]+(?:\??\.[\w$]+)*\??\.)?(?:isGuest|isAnonymous|guest|anonymous)$|^!\s*(?:[\w$]+(?:\??\.[\w$]+)*\??\.)?(?:isAuthenticated|isLoggedIn|loggedIn|isSignedIn|signedIn|authenticated)(?:\(\))?$/;

/** A caller the authentication put on the request's context, tested for absence: `!c.get('userId')`, `!ctx.get("user")`, `!c.var.session`. */
const CONTEXT_CALLER_MISSING = /^!\s*(?:c|ctx|context)\.(?:get\(\s*['"`](?:user|userId|user_id|session|sessionId|auth|currentUser|account|accountId|principal)['"`]\s*\)|var\.(?:user|userId|session|auth|currentUser|principal))$/;

/** A value read off what a credential carries: `tokenUser.id` of `jwtService.decode(token)`, `decoded.sub`, `claims.uid`. */
const OF_CREDENTIAL = /(?:token|jwt|claims|payload|decoded|credential)/i;

/** Does a condition read nothing of who the caller is or of a credential? */
function readsNoIdentity(guard: GuardEvidence): boolean {
  const read = [...guard.members, ...guard.callees];
  const ofCredential = (name: string) => name.includes('.') && OF_CREDENTIAL.test(name.slice(0, name.lastIndexOf('.')));
  return read.length > 0 && read.every((name) => !CALLER_IDENTITY.test(name) && !IDENTITY_MEMBERS.test(name) && !CREDENTIAL_PART.test(lastSegment(name)) && !CREDENTIAL_VALUE.test(lastSegment(name)) && !CREDENTIAL_VERDICT.test(lastSegment(name)) && !ofCredential(name));
}

/** The request itself, or its headers, handed to a check: `hasConsoleAccess(c.req.raw)`, `verify(req)`, `check(request.headers)`. */
const REQUEST_OBJECT = /^(?:req|request|c\.req|ctx\.req|ctx\.request|context\.req|event)(?:\.(?:raw|headers|header|node\.req))?$|^headers$/;

/** A test that a value is absent, and nothing more: `!user`, `!(ctx.session?.user)` (or each part of `!req.user || !req.user.id`); not `!(await ctx.user.is2faEnabled())`. */
const BARE_ABSENCE = /^!\s*\(?\s*[\w$]+(?:(?:\?\.|\.)[\w$]+)*\s*\)?$/;

/** Where authentication middleware leaves who the caller is: `req.userId`, `req.role`, `ctx.state.user`, `res.locals.role`. */
const AUTH_CONTEXT = /^(?:req|request|ctx\.state|ctx\.request|res\.locals|c\.var|event\.locals|locals)\./;
/** A name that asks a question (`isAdmin`, `canEdit`, `hasAccess`): its absence is a refusal, not a missing caller. */
const PREDICATE_NAME = /^(?:is|has|can|may|should|allow|allowed)[A-Z_]/;

/**
 * `const { userId, role } = req; if (!userId || !role) return 401`: only absences, of the caller's id and of what the
 * authentication left beside it on the request. Nothing says who the caller is, so no caller is known.
 */
function authContextMissing(guard: GuardEvidence): boolean {
  if (!guard.negated || guard.callees.length > 0 || !guard.text.split('||').every((part) => BARE_ABSENCE.test(part.trim()))) return false;
  const asksForCaller = guard.members.some((member) => IDENTITY_MEMBERS.test(member) || CALLER_IDENTITY.test(member));
  const onRequest = (member: string) => AUTH_CONTEXT.test(member) || guard.members.some((other) => AUTH_CONTEXT.test(other) && lastSegment(other) === member);
  return asksForCaller && guard.members.every((member) => !PREDICATE_NAME.test(lastSegment(member)) && (IDENTITY_MEMBERS.test(member) || CALLER_IDENTITY.test(member) || onRequest(member)));
}

/** A value the request itself carries in its body, query or path, or a file it uploads: `req.body.phone`, `req.file`. */
const REQUEST_CARRIED = /^(?:(?:req|request|ctx\.request)\.(?:body|query|params|files?)|ctx\.(?:query|params))(?:\.[\w$]+)*$/;
/** Parts of a request that identify or authenticate: whoever lacks them is not signed in (`!email`, `!username`). */
const SIGN_IN_PART = /^(?:e?mail|user_?name|username|login|phone_?number|user|users?_?id|account\w*)$/i;

/**
 * A condition that only finds values of the request's body, query or path (or its upload) missing, none of them a
 * credential or a name to sign in with: `!phone || !id` after `const { phone, id } = req.query`, `!path && !req.file`.
 * Returns the names it tests.
 */
function missingRequestValue(guard: GuardEvidence): string | undefined {
  if (!guard.negated || guard.callees.length > 0 || guard.lookups.length > 0 || guard.afterEarlyExit) return undefined;
  if (!guard.text.split(/\|\||&&/).every((part) => BARE_ABSENCE.test(part.trim()))) return undefined;
  const carried = guard.members.filter((member) => REQUEST_CARRIED.test(member));
  // A local is the request's when it was read from it (`const { phone } = req.query` gives `phone` and `req.query.phone`).
  const ofRequest = (member: string) => REQUEST_CARRIED.test(member) || carried.some((other) => lastSegment(other) === member);
  if (carried.length === 0 || !guard.members.every(ofRequest)) return undefined;
  const named = guard.members.filter((member) => !carried.includes(member) || !guard.members.includes(lastSegment(member)));
  if (named.some((member) => CREDENTIAL_PART.test(lastSegment(member)) || CREDENTIAL_VALUE.test(lastSegment(member)) || SIGN_IN_PART.test(lastSegment(member)) || IDENTITY_MEMBERS.test(member) || CALLER_IDENTITY.test(member))) return undefined;
  return named.map((member) => `\`${member}\``).join(', ');
}

/** Calls that only read the request the identity would be on: `context.switchToHttp().getRequest()`, `req.get`. */
const REQUEST_GETTER = /(?:^|\.)(?:getRequest|switchToHttp)$|^(?:req|request)\.(?:get|header)$/;

export const no401ForForbidden = defineRule<Record<string, never>>(
  {
    id: 'no-401-for-forbidden',
    description: 'Disallow 401 for a caller who is authenticated but not allowed; use 403.',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    appliesTo: { statuses: [401] },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  (fact: ResponseFact) => {
    if (fact.status !== 401) return undefined;
    const classification = classifyFact(fact);
    const credentialProblem = hasStrongSignal(classification, 'authentication-failure');
    // `if (rebuiltHash !== hash) throw 401 'Email not authorized to view secret'`: a credential compared decides it,
    // whatever the words say of authorization (a refusal said strongly still counts).
    const guards = fact.guards ?? [];
    const innermost = decidingGuard(fact);
    const credentialCompared = innermost !== undefined && /[!=]==?|[<>]/.test(innermost.text) && [...innermost.members, ...innermost.callees].some((name) => CREDENTIAL_VALUE.test(lastSegment(name)));
    // `if (!req.isAuthenticated()) return res.status(401).send({ status: 'forbidden' })`: the caller is not signed in,
    // which is what a 401 says, whatever its words.
    if (innermost !== undefined && SIGN_IN_CHECK.test(innermost.text)) return undefined;
    // `if (!(await checkIfElevated(ctx))) throw 401 'You are not allowed to perform elevated action at this moment'`:
    // step-up authentication, the caller must sign in again (recently) first, which is what a 401 asks.
    if (innermost !== undefined && innermost.negated && innermost.callees.some((callee) => STEP_UP_CHECK.test(lastSegment(callee)))) return undefined;
    // `if (!request.user?.id || !request.user?.roles?.length) throw 401 'Access denied'`: one branch of the condition
    // is a caller nobody signed in as; the words cannot tell the branches apart.
    if (innermost !== undefined && callerMaybeAbsent(innermost)) return undefined;
    // A 401 that challenges for credentials (`WWW-Authenticate: Basic realm=...`) asks the caller to sign in: its
    // "Access denied" is said of the credentials it did not get; only a refusal said strongly counts there.
    const challenges = fact.headers?.names.some((name) => name.toLowerCase() === 'www-authenticate') ?? false;
    // An account found by the e-mail the request gives, with no credential of it checked (a magic link): "Email not
    // verified" refuses someone not signed in, as a credential problem would.
    const anonymousAccount = guards.some((guard) => accountNamedByRequest(guard, guards));
    // `registerAppMemberWithEmail`, `signup`: whoever registers is nobody signed in yet, unless the path found them.
    const registering = (fact.context?.operations ?? []).some((operation) => REGISTRATION.test(operation)) && identityFoundBefore(guards) === undefined;
    // "Failed to authenticate with Docker Hub": the server (or the credentials it holds for a registry, an API) was
    // refused by another system; the caller's own credentials are not what failed, and a client that reads 401 signs
    // its user out. A 502 when the server's own credentials for it failed; a 400/422 when the request supplied them.
    const otherSystem = textsOf(fact).map((text) => OTHER_SYSTEM_SIGN_IN.exec(text)).find((found) => found !== null);
    if (otherSystem) {
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'otherSystemCredentials',
        message: `401 Unauthorized used where another system refused credentials: the message says "${otherSystem[0]}". The caller's own credentials are not what failed, and a client that reads 401 signs its user out. Use 502 Bad Gateway when the server's credentials for that system failed, or 422 Unprocessable Content when the request supplied them.`,
        evidence: otherSystem[0],
        suggestedStatus: 502,
      };
    }
    // "OpenAI API key not found. Please set it up in the settings.": a key for another system is missing, the one the
    // caller stored for it or the server's own; the caller's credentials are not what failed.
    const otherKey = textsOf(fact).map((text) => OTHER_SYSTEM_KEY_MISSING.exec(text)).find((found) => found !== null);
    if (otherKey && !/^(?:your|the|an?|this|valid|invalid|user|api)$/i.test(otherKey[1])) {
      const stored = guards.some((guard) => guard.callees.length > 0 || guard.lookups.length > 0);
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'otherSystemCredentials',
        message: `401 Unauthorized used where a key for another system is missing: the message says "${otherKey[0]}". The caller's own credentials are not what failed, and a client that reads 401 signs its user out. ${stored ? 'Use 403 Forbidden (the caller must set the key up first)' : 'Use 503 Service Unavailable (the server lacks its own key)'}.`,
        evidence: otherKey[0],
        suggestedStatus: stored ? 403 : 503,
        fix: { kind: 'replace-status', status: stored ? 403 : 503 },
      };
    }
    // "Organization ID is required.", "Tenant not found.": the organization the signed-in caller acts for is missing or
    // not ready. Not where the words or the lookup speak of a credential (an API key whose organization is not found).
    const keyedByCredential = guards.some((guard) => guard.lookups.some((lookup) => (lookup.keys ?? []).some((key) => CREDENTIAL_WORDS.test(lastSegment(key)))));
    const tenant = credentialProblem || keyedByCredential ? undefined : textsOf(fact).filter((text) => !CREDENTIAL_WORDS.test(text)).map((text) => TENANT_CONTEXT.exec(text)).find((found) => found !== null);
    if (tenant) {
      const status = TENANT_VALUE_MISSING.test(tenant[0]) && !/\bmust\b/i.test(tenant[0]) ? 400 : 403;
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'authenticatedCaller',
        message: `401 Unauthorized used for the caller's organization: the message says "${tenant[0]}". The caller signed in; what is ${status === 400 ? 'missing is which organization they act for, a value of the request: 400 Bad Request' : 'refused is the organization they act for or its state: 403 Forbidden'}. A client that reads 401 signs its user out.`,
        evidence: tenant[0],
        suggestedStatus: status,
        fix: { kind: 'replace-status', status },
      };
    }
    // `catch (err) { return c.json({ error: 'Not authorized to access this resource.' }, 401) }` around the token's check:
    // generic words that answer whatever the `try` threw (a token that did not verify) say no refusal of a known caller.
    const answersCaughtFailure = fact.origin === 'code' && (fact.context?.inErrorHandler === true || (guards.length > 0 && guards.every((guard) => guard.members.some((member) => CAUGHT_ERROR_NAME.test(member)) && guard.members.every((member) => CAUGHT_ERROR_NAME.test(member) || /^[A-Z][\w$]*(?:Error|Exception)$/.test(member)))));
    const permission = registering ? undefined : permissionText(fact, classification, credentialProblem || credentialCompared || challenges || anonymousAccount || answersCaughtFailure);
    if (permission) {
      // A 401 whose text also names credential problems still sends 401 for the refusal it describes.
      const where = fact.origin === 'spec' ? 'description says' : 'message says';
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'permissionText',
        message: `401 Unauthorized used for a permission denial: the ${where} "${permission.phrase}"${operationsNote(fact)}. Use 403 Forbidden when the caller is known but not allowed.`,
        evidence: permission.phrase,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    // `if (!userId) throw 401; ...; if (!dto.parentVersion) throw 401`: the caller was found on this path, and what
    // decides this 401 reads no credential and no identity. A missing part of the request is a 400; the rest a 403.
    // Not where the words speak of a credential ("no docId in access token", "Service Account has expired").
    const speaksOfCredentials = fact.texts.some((text) => CREDENTIAL_WORDS.test(text.text));
    const knownOnPath = innermost && !credentialProblem && !credentialCompared && !speaksOfCredentials ? identityFoundBefore(guards) : undefined;
    if (knownOnPath && innermost && readsNoIdentity(innermost)) {
      const requestPart = hasSignal(classification, 'syntax-error') || innermost.members.every((member) => REQUEST_VALUE.test(member));
      const status = requestPart ? 400 : 403;
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'authenticatedCaller',
        message: `401 Unauthorized sent after the caller was found on this path (\`${knownOnPath.text}\`), for \`${innermost.text}\`, which no credential decides. ${status === 400 ? 'What the request lacks is a 400 Bad Request.' : 'Use 403 Forbidden.'}`,
        evidence: innermost.text,
        suggestedStatus: status,
        fix: { kind: 'replace-status', status },
      };
    }
    // `if (!user.isOnboardingFinished) throw 401 'Onboarding not finished'`: the caller's account was found, and its state
    // refuses them. Not where the account was named by the request (a sign-in by e-mail) or is being made.
    const accountFlag = innermost && !credentialProblem && !credentialCompared && !speaksOfCredentials && !challenges && !anonymousAccount && !registering ? callerAccountFlag(innermost) : undefined;
    if (accountFlag && innermost) {
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'authenticatedCaller',
        message: `401 Unauthorized sent for a state of the caller's own account (\`${accountFlag}\`, in \`${innermost.text}\`): the caller is known, and signing in again cannot change it. Use 403 Forbidden.`,
        evidence: innermost.text,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    // `if (!phone || !id) res.status(401).send({ message: 'Please send the number and productId.' })`: the request
    // lacks a value of its body or query that is no credential; sending credentials cannot change that. A 400.
    const missing = innermost && !credentialProblem && !credentialCompared && !challenges && !textsOf(fact).some((text) => CREDENTIAL_WORDS.test(text)) ? missingRequestValue(innermost) : undefined;
    if (missing) {
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'missingRequestValue',
        message: `401 Unauthorized sent because the request lacks ${missing} (\`${innermost!.text}\`), which is no credential: sending credentials again cannot change the answer. What the request lacks is a 400 Bad Request.`,
        evidence: innermost!.text,
        suggestedStatus: 400,
        fix: { kind: 'replace-status', status: 400 },
      };
    }
    // Inside a procedure that only runs for an authenticated caller, a 401 can only be about what that caller may do.
    const authenticatedBy = fact.context?.callerAuthenticatedBy;
    // `if (!ctx.user) throw UNAUTHORIZED` inside such a procedure: a check for a missing caller, kept for safety, is
    // still about who the caller is.
    const asksForCaller = innermost !== undefined && testsIdentity(innermost) && innermost.text.split('||').every((part) => BARE_ABSENCE.test(part.trim()));
    // `catch { throw new UnauthorizedException() }` around a call to another service, for a caller already signed in:
    // that service failed (or refused the server's own credentials), not the caller's.
    const failure = authenticatedBy && !asksForCaller && fact.upstream?.via !== 'unhandled' ? upstreamFailure(fact) : undefined;
    if (failure) {
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'upstreamCall',
        message: `401 Unauthorized sent ${failure.how} \`${failure.callee}(...)\` failed${failure.why}, to a caller already authenticated (\`${authenticatedBy}\`): another service failed, not the caller's credentials (${failure.reason}). Use ${upstreamStatusName(failure.status)}.`,
        evidence: failure.callee,
        suggestedStatus: failure.status,
        fix: { kind: 'replace-status', status: failure.status },
      };
    }
    if (authenticatedBy && !credentialProblem && !asksForCaller) {
      // `catch (e) { if (e instanceof EntityNotFoundError) return next({ status: 401 }) }`, "Page not found": what the
      // known caller asked for is not there, which is a 404.
      // Only of what was looked up (`page == null` after `Page.findById(...)`) or an error of a missing record: "Team not
      // found" of the caller's own context (`if (!teamId)`) is the caller not being allowed.
      const notFound = innermost !== undefined && (/\bNotFound|NotFound\w*Error\b|\w+NotFound\b/.test(innermost.text) || (hasStrongSignal(classification, 'not-found') && innermost.lookups.length > 0));
      const status = notFound ? 404 : 403;
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'authenticatedCaller',
        message: `401 Unauthorized sent where the caller is already authenticated (\`${authenticatedBy}\`): ${notFound ? 'what the known caller asked for is not there. Use 404 Not Found.' : 'the caller is known but not allowed. Use 403 Forbidden.'}`,
        evidence: authenticatedBy,
        suggestedStatus: status,
        fix: { kind: 'replace-status', status },
      };
    }
    // The innermost condition of this response (`if (!isValid)` inside `if (process.env.VERCEL)` is a signature check),
    // or, when the response is what is left after earlier exits, every condition on its path.
    // Not a response in a `catch`: what failed in the `try` (a password check) decides it, not the setting that let it run.
    const pathOfSettings = !fact.context?.inErrorHandler && guards.every((guard) => settingGuardEvidence(guard));
    // `if (req.isAuthenticated()) return next(); if (isBasicAuthEnabled) return 401`: the path already found the caller
    // not signed in, and the setting only says that signing in is required here.
    const notSignedIn = guards.some((guard) => NOT_SIGNED_IN.test(guard.text));
    const settingGuard = credentialProblem || notSignedIn ? undefined : (innermost ?? (pathOfSettings ? guards[guards.length - 1] : undefined));
    // `if (this.configService.ui.auth !== 'none')`, `if (isBasicAuthEnabled)`: a setting that requires signing in is
    // what a 401 answers.
    // `if (!process.env.HTTP_BASIC_AUTH_PASSWORD)`: the credentials the server checks callers against are not set, so no
    // caller can sign in; a broken configuration (a 5xx) rather than a refusal, and no 403 either. Not a key the server
    // holds for another service (`BAIDU_API_KEY`), whose absence refuses callers who did sign in.
    const serverCredential = settingGuard !== undefined && settingGuard.members.some((member) => /(?:auth|login|basic)\w*?_?(?:user_?name|user|password|passwd|pass)$/i.test(lastSegment(member)));
    const setting = settingGuard && !AUTH_SETTING.test(settingGuard.text) && !serverCredential ? settingGuardEvidence(settingGuard) : undefined;
    if (settingGuard && setting) {
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'settingGuard',
        message: `401 Unauthorized sent because of a setting of the server (${setting}, in \`${settingGuard.text}\`): no credential decides it, so sending credentials again cannot change the answer. Use 403 Forbidden (or 404 Not Found where the feature should not be seen).`,
        evidence: settingGuard.text,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    // `if (!user) throw new UnauthorizedException()` after a role check let the request through: no caller is known,
    // whatever was checked before.
    const identityMissing = innermost !== undefined && innermost.negated && innermost.members.length > 0 && innermost.members.every((member) => IDENTITY_MEMBERS.test(member)) && innermost.callees.every((callee) => REQUEST_GETTER.test(callee));
    // `if (!c.get('userId')) throw new HTTPException(401)` inside a failed permission check: the caller the middleware
    // put on the context is missing, so the 401 is for no caller (the 403 for a known one follows).
    // So is `if (identity.isGuest) throw new UnauthorizedException(...)` after a role check failed: the caller is anonymous.
    const callerAbsent = innermost !== undefined && (CONTEXT_CALLER_MISSING.test(innermost.text.trim()) || CALLER_ANONYMOUS.test(innermost.text.trim()));
    if (identityMissing || callerAbsent || (innermost !== undefined && authContextMissing(innermost))) return undefined;
    // `if (req.isAdmin) return next(); ...; if (!userRoles.length) return 401`: the privileged callers left earlier, and
    // what sends this 401 is something missing that asks no permission; the callers left include anonymous ones.
    const ownConditionDecides = innermost !== undefined && innermost.negated && permissionGuardEvidence(innermost) === undefined;
    // `if (access === 'console') { if (hasConsoleAccess(c.req.raw)) return next(); return 401 }`: what failed last is
    // a check of the request's own credentials; the conditions around it only say which credentials are wanted.
    const nearest = guards[0];
    if (nearest?.afterEarlyExit && nearest.negated && (nearest.passedMembers ?? []).some((member) => REQUEST_OBJECT.test(member)) && permissionGuardEvidence(nearest) === undefined) return undefined;
    // At registration the roles read are the ones the new account would get (`app.definition.security.default.role`).
    if (registering) return undefined;
    for (const guard of guards) {
      if (guard.afterFailedCheck || (ownConditionDecides && guard.afterEarlyExit)) continue;
      const evidence = permissionGuardEvidence(guard);
      // `const admin = await admins.findByUsername(username); if (!admin) throw 401`: the account a sign-in names was not
      // found, whatever the record is called; nobody is signed in yet.
      if (!evidence || credentialProblem || accountNamedByRequest(guard, guards)) continue;
      // `!session || !session.user.isBetaUser`: the same 401 answers a missing caller and a known one without the
      // permission. Only the second is a 403, so no one status replaces it.
      if (testsIdentity(guard) && offersAlternatives(guard)) {
        return {
          ruleId: 'no-401-for-forbidden',
          messageId: 'permissionGuard',
          message: `401 Unauthorized sent both when there is no caller and when a known caller ${evidence.includes(' against ') ? `fails the comparison of ${evidence}` : `lacks ${evidence}`} (\`${guard.text}\`). Test them apart: 401 for the missing caller, 403 Forbidden for the ${evidence.includes(' against ') ? 'record the caller does not own' : 'permission'}.`,
          evidence: guard.text,
          suggestedStatus: 403,
        };
      }
      return {
        ruleId: 'no-401-for-forbidden',
        messageId: 'permissionGuard',
        message: `401 Unauthorized sent after checking ${evidence} (\`${guard.text}\`): the caller is known but not allowed. Use 403 Forbidden.`,
        evidence: guard.text,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    return undefined;
  },
);
