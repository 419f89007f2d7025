// no-400-for-semantic-error: a 400 for a request that parses but conflicts with state (409) or breaks a business rule (422).
import type { GuardEvidence, ResponseFact } from '../facts.js';
import { decidingGuards } from '../deciding-guards.js';
import { defineRule } from '../rule.js';
import { isRequestPath, REQUEST_READ, testsOnlyReadValuesPresence, readsOnlyRequestValues, testsOnlyRequestPresence } from '../request-values.js';
import { carriesOAuthErrorCode } from '../knowledge/oauth-errors.js';
import { ENVIRONMENT_VARIABLE, processStateEvidence, settingGuardEvidence, testsMissingSettingValues } from '../server-settings.js';
import { classifyFact, operationsNote, textsOf } from '../fact-text.js';
import { classifyText, featureDisabledStatus, findSignal, hasSignal, hasStrongSignal, type Classification } from '../vocabulary.js';
import { upstreamFailure, upstreamStatusName } from '../upstream-failure.js';
import { isServiceSdkCallee } from '../knowledge/upstream-callees.js';
import { CALLER_TENANCY, isUserPath, permissionGuardEvidence } from '../permission-guards.js';
import { copiesMember } from '../member-path.js';
import { databaseErrorCodeStatus } from '../knowledge/database-errors.js';

/** A member that holds something of the caller: `ctx.user.isModerator`, `claims.workspaceId`, `req.jwtPayload.scope`, `isAdmin`. */
const onCaller = (member: string): boolean => isUserPath(member) || /(?:^|\.)jwt\w*\./i.test(member) || /^is(?:super)?(?:admin|moderator|owner|staff|superuser)$/i.test(member);

/**
 * A condition that only finds the caller's organization, tenant or workspace missing from the context the sign-in
 * built (`!ctx.organizationId`, or `!organizationId` of `const { organizationId } = ctx`): that path, when it is one.
 */
function missingCallerTenancy(guard: GuardEvidence): string | undefined {
  if (!guard.negated || guard.callees.length > 0 || guard.lookups.length > 0) return undefined;
  const tenancy = guard.members.filter((member) => CALLER_TENANCY.test(member));
  if (tenancy.length === 0) return undefined;
  const copies = (member: string) => tenancy.some((path) => copiesMember(member, path));
  const parts = guard.text.split('||').map((part) => part.trim());
  const tested = parts.every((part) => /^!\s*[\w$.?]+$/.test(part));
  return tested && guard.members.every((member) => CALLER_TENANCY.test(member) || copies(member)) ? tenancy[0] : undefined;
}

/** Whom a record belongs to, compared with the caller: `userReferralCode.userId !== userId`. */
const OWNERSHIP = /(?:^|\.)(?:user|owner|author|creator)(?:Id|_id)?$/i;

/** A text that is only the status's own name ("Bad Request", "BAD REQUEST"): it says nothing of what was sent. */
// Also as an exception class names it (`CruxBadRequest`, `BadRequestError`), read as a message when nothing else is said.
const BARE_REASON_PHRASE = /^\s*(?:400\s*[:-]?\s*)?(?:[A-Z][a-z]+)?bad[\s_-]?request(?:[\s_-]?(?:error|exception))?[.!]?\s*$/i;

/** "Invalid cart", "Invalid customer id.": the words are only "invalid" and the name of what was looked up and not found. */
function namesRecordNotFound(texts: readonly string[], guard: GuardEvidence): boolean {
  if (guard.lookups.length === 0 || texts.length === 0) return false;
  const records = new Set(guard.lookups.map((lookup) => lookup.binding.toLowerCase()));
  return texts.every((text) => {
    const named = /^\s*invalid\s+([a-z][\w-]*)(?:\s+(?:id|uuid|identifier|key|link))?\s*[.!]?\s*$/i.exec(text)?.[1]?.toLowerCase();
    return named !== undefined && records.has(named);
  });
}

/** Words that blame the value sent ("Invalid email", "Wrong password"); not "Something went wrong", the server's own failure. */
function blamesValueSentIn(classification: Classification, texts: readonly string[], namesRequestPart: boolean): boolean {
  if (texts.length > 0 && texts.every((text) => BARE_REASON_PHRASE.test(text))) return namesRequestPart;
  return namesRequestPart || hasSignal(classification, 'syntax-error') || hasSignal(classification, 'authentication-failure') || texts.some((text) => /\b(?:invalid|expired|malformed|incorrect|(?<!\b(?:went|gone|go|goes|going) )wrong|required|missing)\b/i.test(text));
}


export interface No400ForSemanticErrorOptions {
  /** The status for business-rule violations. 400 follows the Zalando and IBM guides: only state conflicts are reported. */
  readonly businessRuleStatus: 400 | 422;
  /**
   * Report a 400 sent only because the request came with a method the operation does not take (405 suggested). Off by
   * default: a wrong method is no semantic error, and four of the six real codebases' reviewers judged such a 400 fine.
   */
  readonly methodNotAllowed: boolean;
}

/** Callees whose result says whether something already exists. */
const LOOKUP_CALLEES = /(?:^|\.)(?:find\w*|get\w*|fetch\w*|exists?\w*|count\w*|lookup\w*|query\w*|select\w*|search\w*|load\w*|read\w*|has\w*|check\w*Exist\w*|is\w*(?:Taken|Used|Registered|Available))$/i;

/** A search of values already in hand: `Object.keys(filter).find(...)`, `items.map(...).find(...)`. */
const IN_MEMORY_SEARCH = /(?:^|\.)(?:Object|Array|Reflect)\.|(?:keys|values|entries|map|filter|split|flat|flatMap|sort|slice|concat|from)\(\)\.find\w*$/;

/** A read of what the client sent: `request.headers.get('Timeout-Seconds')`, `url.searchParams.get('q')`, `formData.get`. */
const READS_REQUEST = /^(?:req|request|ctx\.req(?:uest)?|c\.req|event\.request|context\.request)\.|(?:^|\.)(?:headers|searchParams|query|params|body|cookies|formData\(\)|form)\.(?:get|has|getAll)\w*$/;

/** A reader of a typed value out of what it is handed: `readOptionalString(input.field)`, `getBoolean(x)`, `toInt(x)`. */
const VALUE_READER = /(?:^|\.)(?:read|get|parse|to)(?:Optional|Required)?(?:String|Number|Int|Integer|Boolean|Bool|Array|Object|Enum|Date|Json)s?$/i;

/** Is this callee a lookup: `db.user.findUnique`, or a query-builder chain that selects (`db.select().from().where().limit`)? */
function isLookupCallee(callee: string): boolean {
  if (IN_MEMORY_SEARCH.test(callee) || READS_REQUEST.test(callee) || VALUE_READER.test(callee)) return false;
  if (LOOKUP_CALLEES.test(callee)) return true;
  return callee.split('.').some((segment) => segment.endsWith('()') && LOOKUP_CALLEES.test(segment.slice(0, -2)));
}

/** A guard that sends the 400 because a lookup found something: the thing already exists. */
export function existingLookupEvidence(guard: GuardEvidence): string | undefined {
  // `if (!session) return 401; ...; return 400` leaves `session` true on the path: a precondition, not the conflict.
  if (guard.negated || guard.afterEarlyExit) return undefined;
  // `const { error } = await supabase.from('data').select()...`: what came back is the call's failure, not a record.
  const lookup = guard.lookups.find((item) => (isLookupCallee(item.callee) || item.binding.endsWith('(...)')) && !ERROR_BINDING.test(item.binding) && !PERMISSION_ANSWER(item) && testsExistence(guard.text, item.binding));
  return lookup ? `\`${lookup.binding}\` from \`${lookup.callee}(...)\`` : undefined;
}

/** A name that holds the failure a call returned: `const { error } = await ...`, `{ error: storageError }`. */
const ERROR_BINDING = /^(?:e|err|error|errors|\w+(?:Error|Err))$/;

/** Queries and writes of a store's client, by the steps of their builder: `supabase.from().update().eq`, `storage.from().upload`. */
const STORE_OPERATION = /(?:^|\.)(?:from|rpc)(?:\(\))?\.|(?:^|\.)(?:insert|update|upsert|delete|select|single|maybeSingle|eq|neq|match|upload|download|remove|query|execute|rpc)$/;
/** Sign-in and session calls return the caller's failure the same way (`const { error } = await supabase.auth.signInWithPassword(...)`). */
const CREDENTIAL_CALL = /(?:^|\.)auth\.|sign(?:In|Up|Out)|log(?:in|In)|otp|Otp|session|Session|token|Token/;

/**
 * `const { error } = await supabase.from('data').update(...); if (error) return 400`: the server's own query or write
 * reported a failure, which no request of the client's caused. Not a check that returns its findings the same way
 * (`const { error } = schema.validate(body)`), nor a sign-in.
 */
function failedOwnCallEvidence(guard: GuardEvidence): { binding: string; callee: string } | undefined {
  if (guard.negated || guard.afterEarlyExit) return undefined;
  const lookup = guard.lookups.find((item) => ERROR_BINDING.test(item.binding) && testsExistence(guard.text, item.binding) && STORE_OPERATION.test(withoutCalls(item.callee)) && !checksClientInput(item.callee) && !CREDENTIAL_CALL.test(item.callee));
  return lookup ? { binding: lookup.binding, callee: lookup.callee } : undefined;
}

/**
 * A 400 decided by what a record found earlier holds: `if (user.id === 1)` or `if (!user.email || !user.password)`
 * after `user` was looked up and tested to exist. The request named something that exists, and its stored state
 * refuses the operation: a conflict with the current state, not a malformed request. Every member the deciding
 * condition reads must be of such a record (never of the request), and it must compare more than the record's presence.
 */
function storedStateEvidence(fact: ResponseFact): { guard: GuardEvidence; binding: string; callee: string } | undefined {
  const guards = fact.guards ?? [];
  const found = new Map<string, string>();
  for (const guard of guards) {
    if (!guard.afterEarlyExit) continue;
    for (const lookup of guard.lookups) if (isLookupCallee(lookup.callee) && !PERMISSION_ANSWER(lookup) && testsExistence(guard.text, lookup.binding)) found.set(lookup.binding, lookup.callee);
  }
  const deciding = decidingGuards(fact);
  if (deciding.length !== 1) return undefined;
  const [guard] = deciding;
  const rootOf = (member: string): string => member.split('.')[0];
  // `Availability.Private`, `Status.ACTIVE`: a constant the record's value is compared with.
  const constant = (member: string): boolean => /^[A-Z]/.test(rootOf(member)) && member.includes('.');
  // `retentionPolicy` beside `schedule.retentionPolicy` (`const retentionPolicy = schedule.retentionPolicy`): the same
  // value under a local name, read off the record, which the condition does not name itself (in `session.clientId !==
  // clientId` the bare name is another value). Not off the answer of another service (`fetchIssuerMetadata`).
  const copied = (member: string): boolean => guard.members.some((other) => copiesMember(member, other) && !guard.text.includes(other) && !FETCHED.test(found.get(rootOf(other)) ?? 'fetch'));
  const recordMembers = guard.members.filter((member) => !constant(member) && !copied(member));
  // `found?.isActive` of `const found = await this.journeysRepository.findOneBy(...)`: a record of the store, read
  // where it may be missing too (the optional chain): the condition's own callees say where it came from.
  if (found.size === 0 && guard.lookups.length === 0 && guard.callees.length === 1 && STORE_LOOKUP.test(guard.callees[0])) {
    const roots = new Set(recordMembers.map(rootOf));
    if (roots.size === 1 && !REQUEST_ROOT.test([...roots][0])) found.set([...roots][0], guard.callees[0]);
  }
  if (found.size === 0) return undefined;
  if (guard.members.length === 0 || guard.lookups.length > 0 || (guard.passedMembers ?? []).length > 0) return undefined;
  // A call in the condition computes a verdict (`isValid(user)`, `user.roles.includes(x)`) that may be the request's.
  if (guard.callees.some((callee) => !found.has(callee) && ![...found.values()].includes(callee))) return undefined;
  const binding = recordMembers.length > 0 ? rootOf(recordMembers[0]) : '';
  if (!found.has(binding) || !recordMembers.every((member) => member.includes('.') && found.has(rootOf(member)))) return undefined;
  return { guard, binding, callee: found.get(binding)! };
}

/** A call that asks another service rather than the server's store: `fetchCredentialIssuerMetadata`, `requestToken`. */
const FETCHED = /(?:^|\.)(?:fetch|request|call|download)\w*$/i;

/** A read of the server's store: `this.journeysRepository.findOneBy`, `db.asset.findUnique`, `repo.createQueryBuilder().getOne`. */
const STORE_LOOKUP = /(?:repository|repo|db|database|prisma|model|dal|store|collection|knex|manager)\w*(?:\(\))?\.(?:[\w$]+(?:\(\))?\.)*(?:find\w*|get(?:One|Many|By\w*|First)\w*|load\w*|select\w*)$/i;
/** Objects that hold what the request sent. */
const REQUEST_ROOT = /^(?:req|request|body|input|params|query|dto|payload|args|data|ctx|context|c)$/i;

/** `canCreateOwnTag` from `hasPermission(...)`: a permission answer, not a record that exists. */
const PERMISSION_ANSWER = (item: { binding: string; callee: string }): boolean => /^(?:can|has|is|may)[A-Z_]/.test(item.binding) || /(?:^|\.)(?:has|can|check|is|may)\w*(?:permission|access|role|allowed|authori[sz]ed|ability|entitle)/i.test(item.callee);

/**
 * A described 400 that lists many validation failures (required, invalid format, too long) and one state or rule
 * among them: an error catalogue copied onto the operation, whose one odd entry does not make the 400 a lie.
 */
function validationCatalogue(fact: ResponseFact, texts: readonly string[], phrase: string): boolean {
  if (texts.length < 4) return false;
  const classified = texts.map(classifyText);
  const semantic = classified.filter((item) => item.matches.some((match) => (match.signal === 'state-conflict' || match.signal === 'business-rule') && match.strength === 'strong')).length;
  const validation = classified.filter((item) => item.matches.some((match) => match.signal === 'syntax-error')).length;
  return semantic <= 1 && validation >= 3 && !fact.texts.some((text) => text.source === 'description' && text.text.toLowerCase().includes(phrase.toLowerCase()));
}

/** Callees that read one stored record: `db.user.findUnique`, `query.link.find`, `Model.findById`, `repo.getById`, `getTrackBySpotifyId`. */
const RECORD_LOOKUP = /(?:^|\.)(?:find(?:Unique|First|One|ById|ByPk|OneBy|UniqueOrThrow)?\w*|get\w*By[A-Z]\w*|fetch\w*By[A-Z]\w*|lookup\w*|load\w*ById)$/i;
/** Where stored records live: the object a record lookup is called on. */
const STORE_PATH = /(?:^|\.)(?:db|prisma|repo|repository|repositories|model|models|query|queries|knex|collection|store|dao|orm|em|manager|tx|trx|client|database|sql|drizzle|mongo|mongoose|service|services)(?:\.|$)|Repository\.|Model\.|Service\.|Store\./;

/** Keys of a lookup that are secrets the client proves itself with: `verifyToken`, `token`, `resetCode`, `otp`, `inviteCode`. */
const SECRET_KEY = /^(?:\w+[_-])?(?:token|otp|secret|nonce)$|^[a-z]\w*(?:Token|Otp|Secret|Nonce)$|^(?:verify|verification|reset|confirm|confirmation|activation|invite|invitation|auth|magic)_?code$/i;

/** The names of an operation's path parameters: `platformId` of `GET /players/:platformId`, `id` of `/items/{id}`. */
function pathParameters(operations: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const operation of operations) for (const found of operation.matchAll(/[:{]([A-Za-z_$][\w$]*)\}?/g)) names.add(found[1]);
  return names;
}

/** A key the request's path carries: `req.params.id`, `params.slug`, or a name of a path parameter of the route. */
function isPathKey(key: string, parameters: ReadonlySet<string>): boolean {
  return /(?:^|\.)params\.[\w$]+$/.test(key) || (!key.includes('.') && parameters.has(key));
}

/**
 * A guard that sends the 400 because a lookup of a stored record found nothing: `if (!link)` after `query.link.find(...)`.
 * Any lookup keyed by what the request's path names counts too (`players.get(platformId)` in `GET /players/:platformId`):
 * the path names a resource, and finding none of it is a 404, wherever the server keeps it.
 */
export function missingLookupEvidence(guard: GuardEvidence, operations: readonly string[] = []): string | undefined {
  if (guard.afterEarlyExit) return undefined;
  const parameters = pathParameters(operations);
  const lookup = guard.lookups.find((item) => {
    const last = item.callee.split('.').pop() ?? '';
    const byPath = LOOKUP_CALLEES.test(item.callee) && (item.keys ?? []).length > 0 && (item.keys ?? []).every((key) => isPathKey(key, parameters));
    const storeCall = byPath || (RECORD_LOOKUP.test(item.callee) && (STORE_PATH.test(item.callee) || /^(?:find|get|fetch|load)\w*By|^findUnique|^findFirst|^findOne/.test(last)));
    // `findOne({ email, verifyToken })`, `findOne('token', token)`: a record found by a secret the client sent (a
    // token, a code) is how the server checks that secret; finding none means the secret is wrong, a 400 (or 401).
    const bySecret = (item.keys ?? []).some((key) => SECRET_KEY.test(key.split('.').pop() ?? key));
    return storeCall && !bySecret && !/^(?:can|has|is|may)[A-Z_]/.test(item.binding) && testsAbsence(guard.text, item.binding, item.keys, item.onlyIf);
  });
  return lookup ? `\`${lookup.binding}\` from \`${lookup.callee}(...)\`` : undefined;
}

/** A name as a literal part of a pattern. */
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Does the condition ask whether the lookup found nothing (`!link`, `user === null`, `rows.length === 0`)? Also once
 * the key it was looked up by is there (`invitationId && !invitation` after `invitationId ? await
 * prisma.invitation.findUnique({ where: { id: invitationId } }) : null`).
 */
function testsAbsence(condition: string, binding: string, keys: readonly string[] = [], onlyIf?: string): boolean {
  const name = escaped(binding);
  const keyNames = new Set([...keys.flatMap((key) => [key, key.split('.').pop() ?? key]), ...(onlyIf !== undefined ? [onlyIf] : [])]);
  const whole = condition.replace(/\s+/g, ' ').trim();
  const parts = whole.split(/ ?&& ?/);
  const keyGiven = parts.length === 2 && parts.filter((part) => keyNames.has(part.trim())).length === 1;
  // A lookup made only when something holds is missing for nothing else than that unless the condition says it held.
  if (onlyIf !== undefined && !keyGiven) return false;
  const compact = keyGiven ? parts.find((part) => !keyNames.has(part.trim()))!.trim() : whole;
  const absent = new RegExp(`^(?:!${name}(?:\\.length)?|${name} ?={2,3} ?(?:null|undefined)|${name}\\.length ?(?:={2,3} ?0|< ?1))$`);
  if (compact.split(/ ?\|\| ?/).some((part) => absent.test(part.replace(/^\((.*)\)$/, '$1').trim()))) return true;
  // `!(method != null)`, `!(link)`: the `else` of `if (method != null) { ... }`, a test that it was found, not passed.
  const notFound = /^!\((.*)\)$/.exec(compact)?.[1];
  return notFound !== undefined && !/&&|\|\|/.test(notFound) && testsExistence(notFound, binding);
}

/** Names of calls that answer whether a record exists: `exists`, `emailTaken`, `isSlugUsed`, `findOne`, `countBy`. */
const EXISTENCE_PREDICATE = /exists?|Taken|Used$|Registered|Duplicate|^find|^count/i;

/**
 * Does the condition ask whether the lookup found something (`existing`, `clash !== null`, `count > 0`), rather
 * than compare what it found (`refunded.total + amount > payment.amount`, a business rule)? `if (await
 * this.translationKeyExists(key, language))`: an awaited call is the test itself, when its name asks whether
 * something exists rather than computes a verdict (`isValid`).
 */
function testsExistence(condition: string, binding: string): boolean {
  const call = binding.endsWith('(...)') ? binding.slice(0, -5) : undefined;
  if (call !== undefined && !EXISTENCE_PREDICATE.test(call.split('.').pop() ?? '')) return false;
  const found =
    call !== undefined
      ? new RegExp(`^(?:await )?${escaped(call)}\\(.*\\)$`)
      : new RegExp(`^(?:Boolean\\()?\\(?${escaped(binding)}(?:\\.(?:length|count|size))?\\)?(?: ?(?:!==?|!=) ?(?:null|undefined)| ?(?:>|>=|!==?) ?0| ?>= ?1)?\\)?$`);
  // `a || b`, `a && b`: each part on its own.
  const compact = condition.replace(/\s+/g, ' ').trim();
  if (compact.split(/ ?(?:\|\||&&) ?/).some((part) => found.test(part.replace(/^\((.*)\)$/, '$1')))) return true;
  // `!(!video || video.appId !== appId)`, the path past `if (!video || ...) return 404`: each part said absent, negated.
  const passed = /^!\((.*)\)$/.exec(compact)?.[1];
  return passed !== undefined && passed.split(/ ?\|\| ?/).some((part) => part.startsWith('!') && found.test(part.slice(1).replace(/^\((.*)\)$/, '$1')));
}

/** The author's note says the answer hides whether something exists: "would allow an attacker to check if an email is registered". */
const CONCEALING_NOTE = /\benumerat\w*|\battacker\b|\b(?:don'?t|do not|never|not) (?:want to )?(?:say|tell|reveal|expose|leak|disclose)\b|\b(?:reveal|leak|disclose|expose)\w* (?:whether|if|that) /i;

/** A sign-in: `validateUser(dto: LoginDto)` of a passport strategy, `login`, `POST /auth/sign-in`. */
const SIGN_IN_OPERATION = /^(?:login|logIn|signIn|signin|loginUser|signInUser|validateUser|authenticateUser|verifyCredentials|handleLogin)$|^(?:POST )?\S*\/(?:log-?in|sign-?in|signin)(?:\/|$)/i;

/** Is this answer part of a sign-in, where an account not found is credentials that failed, not a resource missing? */
function signingIn(fact: ResponseFact): boolean {
  return (fact.context?.operations ?? []).some((operation) => SIGN_IN_OPERATION.test(operation));
}

/** In a sign-in (see `signingIn`), the words or the lookup that say the account named was not found. */
function accountNotFoundAtSignIn(fact: ResponseFact, classification: Classification, namesRequestPart: boolean): { said: string; evidence: string } | undefined {
  const text = missingResourceText(classification, namesRequestPart);
  if (text) return { said: `the message says "${text}"`, evidence: text };
  const lookup = (fact.guards ?? []).map((guard) => missingLookupEvidence(guard, fact.context?.operations ?? [])).find((evidence) => evidence !== undefined);
  return lookup ? { said: `a lookup found nothing: ${lookup}`, evidence: lookup } : undefined;
}

function concealsExistence(fact: ResponseFact): boolean {
  return (fact.context?.notes ?? []).some((note) => CONCEALING_NOTE.test(note));
}

/** A membership test of a collection in hand (`seen.has(key)`, `ids.includes(id)`), not of a store. */
const IN_MEMORY_MEMBERSHIP = /^([\w$.]+)\.(?:has|includes|some)\(/;

/**
 * A list's values counted once against its length (`new Set(ids).size !== ids.length`): duplicates within the list.
 * Also through a name (`const uniqueIds = new Set(ids); if (uniqueIds.size !== ids.length)`): a size against a length.
 */
const DISTINCT_COUNT = /\bnew Set\(\s*([\w$.]+)[^)]*\)\.size\s*[!=<>]=?=?\s*\1\.length\b|\b([\w$.]+)\.length\s*[!=<>]=?=?\s*new Set\(\s*\2\b[^)]*\)\.size\b|^[\w$.]+\.size\s*[!=<>]=?=?\s*([\w$.]+)\.length$|^([\w$.]+)\.length\s*[!=<>]=?=?\s*[\w$.]+\.size$/;

/** Is the duplicate found among values already read from this request: every deciding guard tests membership in memory? */
function duplicateWithinRequest(fact: ResponseFact): boolean {
  const deciding = decidingGuards(fact);
  return (
    deciding.length > 0 &&
    deciding.every((guard) => {
      const text = guard.text.trim();
      const distinct = DISTINCT_COUNT.exec(text);
      const receiver = IN_MEMORY_MEMBERSHIP.exec(text)?.[1] ?? distinct?.slice(1).find((name) => name !== undefined);
      return receiver !== undefined && !STORE_PATH.test(`${receiver}.`);
    })
  );
}

/**
 * Sent because a value was compared with a constant (`if (userMessage.role !== 'user')`): whatever the words say is
 * missing ("No user prompt found"), nothing was looked up and not found; the request holds the wrong value.
 */
function comparesWithConstant(fact: ResponseFact): boolean {
  const deciding = decidingGuards(fact);
  return deciding.length > 0 && deciding.every((guard) => /^[\w$.?[\]'"]+\s*[!=]==?\s*(?:'[^']*'|"[^"]*"|`[^`$]*`|\d+)$/.test(guard.text.trim()));
}

/**
 * Sent because an entry of a table written in the code is not there (`if (!template)` after `const template =
 * templates[templateName]`): whatever the words say is missing ("No such template"), the request named a key the
 * table does not know, a value out of the set the server takes.
 */
function missingTableEntry(fact: ResponseFact): boolean {
  const deciding = decidingGuards(fact);
  return deciding.length > 0 && deciding.every((guard) => guard.negated && guard.lookups.length === 0 && guard.members.length > 0 && guard.members.every((member) => (guard.tableEntries ?? []).includes(member.split('.')[0])));
}

/** How many records a write changed, as database clients report it: TypeORM's `affected`, MongoDB's `modifiedCount`. */
const CHANGED_COUNT = /(?:^|\.)(?:affected|affectedRows|modifiedCount|matchedCount|nModified|deletedCount|rowCount|numUpdated|updatedCount)$/;
/** Calls that write a record: `repo.update`, `coll.updateOne`, `Model.deleteOne`, `repo.delete`. */
const WRITE_CALL = /(?:^|\.)(?:update|delete|remove|destroy|upsert|modify|patch|replace)\w*$/i;

/**
 * The condition that says a write changed no record (`res.affected > 0` that did not hold, `result.modifiedCount !== 1`):
 * of the write's own result, read where the response is decided or where an earlier success returned.
 */
function writeChangedNone(fact: ResponseFact): GuardEvidence | undefined {
  return (fact.guards ?? []).find((guard) => {
    if (guard.afterFailedCheck || !guard.callees.some((callee) => WRITE_CALL.test(callee))) return false;
    const counts = guard.members.filter((member) => CHANGED_COUNT.test(member));
    if (counts.length === 0 || counts.length !== guard.members.length) return false;
    return guard.negated || /(?:===?\s*0|!==?\s*1|<\s*1|<=\s*0)\s*$/.test(guard.text.trim());
  });
}

/** Names of what a caller presents to be recognised: a token, a cookie, a challenge, a nonce, a one-time code. */
const PRESENTED_TOKEN = /(?:token|cookie|challenge|nonce|otp|session|secret|signature|verifier)(?:id|key|value)?$/i;

/**
 * Looked up by a token the caller presented (`storage.challenges.getItem(challengeCookie)`), and not found: the token
 * is unknown or has expired, which says the caller's token is not valid ("Two Factor Challenge not found or timed
 * out"), not that a resource it named is missing.
 */
function lookedUpByPresentedToken(fact: ResponseFact): boolean {
  const deciding = decidingGuards(fact);
  return deciding.length > 0 && deciding.every((guard) => guard.negated && guard.lookups.length > 0 && guard.lookups.every((lookup) => (lookup.keys ?? []).length > 0 && (lookup.keys ?? []).every(presentedToken)));
}

/** `req.params.token`, `challengeCookie`: a token the request carries. Not `accessToken` alone, which the server may have fetched itself. */
function presentedToken(key: string): boolean {
  const name = key.split('.').pop() ?? '';
  return PRESENTED_TOKEN.test(name) && (isRequestPath(key) || /cookie|challenge|nonce|otp/i.test(name));
}

/**
 * "User not found", "no ticket exists": the request parsed and named something the server does not have. Not when the
 * text also speaks of a malformed request ("id is required or not found"), or when what is missing is part of the
 * request itself ("no file found in the request", "no email found in body"): that is a 400.
 */
function missingResourceText(classification: Classification, namesRequestPart: boolean): string | undefined {
  const missing = findSignal(classification, 'not-found');
  if (!missing || missing.strength !== 'strong') return undefined;
  if (hasSignal(classification, 'syntax-error') || namesRequestPart) return undefined;
  return missing.phrase;
}

/** A condition that the server's environment lacks a value: `!process.env.OPENAI_API_KEY`. */
const MISSING_CONFIGURATION = /^!\s*process\.env\.\w+(?:\s*\|\|\s*process\.env\.\w+\s*===?\s*(?:""|''))?$|^!\s*(?:import\.meta\.|Bun\.)?env\.[A-Z][A-Z0-9_]*$/;

/** `if (!env.X)`, or `if (!endpointSecret)` where `const endpointSecret = env.STRIPE_WEBHOOK_SECRET`. */
function testsMissingConfiguration(guard: GuardEvidence): boolean {
  if (MISSING_CONFIGURATION.test(guard.text)) return true;
  // `!process.env.SUPABASE_URL || !process.env.SUPABASE_KEY`: any of several settings missing.
  // A long condition's text is shortened (`!process.env.SUPABASE_URL_DOCUMENTS || !process.env.NEXT_PUBLIC_S...`): the
  // parts shown must each be a missing setting, and everything it reads (its members, listed whole) a setting.
  const shortened = guard.text.endsWith('...');
  const parts = guard.text.replace(/\.\.\.$/, '').replace(/^\(\s*([^()]*)\s*\)$/, '$1').split('||').map((part) => part.trim().replace(/^\(\s*(.*?)\s*\)$/, '$1'));
  const shown = shortened ? parts.slice(0, -1) : parts;
  const readsSettingsOnly = !shortened || (guard.callees.length === 0 && guard.members.length > 0 && guard.members.every((member) => ENVIRONMENT_VARIABLE.test(member)));
  if (parts.length > 1 && readsSettingsOnly && shown.every((part) => MISSING_CONFIGURATION.test(part))) return true;
  const copy = /^!\s*([\w$]+)$/.exec(guard.text.trim())?.[1];
  return copy !== undefined && guard.callees.length === 0 && guard.members.some((member) => ENVIRONMENT_VARIABLE.test(member)) && guard.members.every((member) => member === copy || ENVIRONMENT_VARIABLE.test(member));
}

/** Calls that test whether a value is valid: `isChainIdHexValid(x)`, `isValidEmail(x)`, `validateSlug(x)`. */
const VALIDITY_CHECK = /(?:^|\.)(?:is\w*Valid\w*|validate\w*|isSupported\w*|is\w*Supported)$/;

/** Calls that ask whether this caller may do something: `activeDoc.canCopyEverything(session)`, `hasPermission(...)`. */
const PERMISSION_CHECK = /(?:^|\.)(?:can[A-Z]\w*|ha(?:s|ve)\w*(?:Permission|Access|Role|Right)s?\w*|is(?:Allowed|Authori[sz]ed|Owner|Admin|Member)\w*|check\w*(?:Permission|Access)\w*|authori[sz]e\w*)$/;

/**
 * A refusal of a well-formed request: by permission or plan ("Premium not active", 403), by the server's
 * configuration ("Registration is disabled", 403), or for a capability the server is not set up for ("Payment is not
 * configured", 501). Not when the words also speak of credentials: that 400 may be a 401 done wrong, not this.
 */
/** A refusal said in one word, that names no credential: "Unauthorized!", "Not authorised", `unauthorized_error`. */
const BARE_REFUSAL = /^\W*(?:un|not[ _-]?)authori[sz]ed(?:[ _-](?:error|access))?\W*$/i;
const NAMES_CREDENTIAL = /\b(?:token|password|passcode|api[ _-]?key|key|credentials?|session|signature|cookie|jwt|expired|log(?:ged)? ?in|sign(?:ed)? ?in)\b/i;

function refusalText(classification: Classification, fact: ResponseFact): { phrase: string; status: 403 | 501 } | undefined {
  const deciding = decidingGuards(fact)[0];
  // `if (!scriptsMgr.isAuthorised(script, permission)) res.status(400).json({ message: 'Unauthorized!' })`: a failed
  // permission check said in one word that names no credential is a refusal of a known caller.
  const texts = textsOf(fact);
  const bare = texts.find((text) => BARE_REFUSAL.test(text));
  if (bare !== undefined && deciding?.negated && deciding.callees.some((callee) => PERMISSION_CHECK.test(callee)) && !texts.some((text) => NAMES_CREDENTIAL.test(text))) {
    return { phrase: bare.replace(/^\W+|\W+$/g, ''), status: 403 };
  }
  if (hasSignal(classification, 'authentication-failure')) return undefined;
  const permission = findSignal(classification, 'permission-denied');
  if (permission?.strength === 'strong') return { phrase: permission.phrase, status: 403 };
  // "access denied" said by the branch of a permission check (`if (!await doc.canCopyEverything(session))`).
  if (permission?.strength === 'medium' && deciding?.negated && deciding.callees.some((callee) => PERMISSION_CHECK.test(callee))) return { phrase: permission.phrase, status: 403 };
  const disabled = findSignal(classification, 'feature-disabled');
  if (!disabled) return undefined;
  return { phrase: disabled.phrase, status: featureDisabledStatus(disabled.phrase) };
}

/** Words that send the client to another operation: the request itself is wrong. */
const WRONG_OPERATION = /\buse (?:the )?[\w/{}:.-]+ (?:endpoint|route|api|method|operation|mutation|query) instead\b/i;

/** What is missing is a part of the request: a field, a parameter, a header, a file in the upload. */
const IN_REQUEST =
  /\b(?:in|from|within|on) (?:the |this |your |an? )?(?:[\w-]+ )?(?:request|body|payload|object|json|query|query string|params|parameters|headers?|form|form ?data|multipart|upload|input|url|path|cookies?|token|jwt|claims|signature|link)\b|\b(?:parameter|param|field|header|property|argument|query|attribute|key) [\w'"`.-]*\s*(?:is |was )?(?:not found|missing)\b|\bno (?:file|files|body|payload|data|input|parameters?|params|fields?|headers?|query) (?:was |were )?(?:found|exists?)\b|\bpage(?: number)? [\w\${}]*\s*(?:does not|doesn't) exist\b|\binvalid page\b/;

/** Calls that check what the client sent: a failure in them is the client's (`schema.parse`, `JSON.parse`, `verifySignature`, `new URL`). */
const CHECKS_INPUT = /(?:^|\.)(?:\w*(?:parse|validat|verif|authenticat|decod|sanitiz|normaliz|assertValid|checkValid|isValid|deserializ|signature)\w*|assert[A-Z]\w*|isSafe\w*|construct\w*Event\w*|unwrap|URL|zod|yup|joi|ajv|schema\w*)$/i;
/** A callee without its factory calls' parentheses: `db.select().from` -> `db.select.from`. */
const withoutCalls = (callee: string): string => callee.replace(/\(\)/g, '');

/**
 * Calls that never throw: `parseInt('x')` is `NaN`; reading an object's keys, sorting or testing an array's items
 * (`Object.keys(payload).sort()`, `keys.every(...)`) shapes values in hand. No failure a catch could answer.
 */
const NEVER_FAILS = /(?:^|\.)(?:parseInt|parseFloat)$|^(?:Object\.(?:keys|values|entries)|Array\.isArray|Math\.\w+|String|Number|Boolean)(?:\(\)\.\w+)*$|\.(?:sort|every|some|includes|join|trim|toLowerCase|toUpperCase)$/;

/** A condition on whether values are there (`a && a.length > 0 && !b`, `x != null`), comparing none with another. */
function testsOnlyPresence(condition: string): boolean {
  return !/[=<>]/.test(condition.replace(/\.length\s*(?:>=?|!==?|===?)\s*\d+/g, '').replace(/\s*[!=]==?\s*(?:null|undefined|''|""|0)\b/g, ''));
}

/** Calls that convert a value the client sent into another form and throw when it has none: `hexToBuffer(hash)`, `buildLabelSetId(query.id)`. */
const CONVERTS_INPUT = /(?:^|\.)(?:(?:hex|base64|bech32|utf8|string|str|bytes|buffer)To[A-Z]\w*|to(?:Buffer|Bytes|Hex|BigInt|Uint8Array|Checksum\w*)|(?:build|make|as|to)[A-Z]\w*Id)$/;

/** Reading the request's body as JSON or a form (`await c.req.json()`, `await request.formData()`): it fails on a body the client malformed. */
const READS_REQUEST_BODY = /^(?:req|request|c\.req|ctx\.req|ctx\.request|event\.request|event\.req)\.(?:json|formData|text|arrayBuffer|blob|parseBody)$/;

function checksClientInput(callee: string): boolean {
  const name = withoutCalls(callee);
  return (CHECKS_INPUT.test(name) || CONVERTS_INPUT.test(name) || READS_REQUEST_BODY.test(name)) && !NEVER_FAILS.test(callee);
}

/**
 * Beside a call to another service, only a check of what the client sent in particular (a webhook signature, a schema
 * or a validation) makes the failure possibly the client's: not `new URL(base)` or `JSON.parse`, which the call to the
 * service itself uses on its own address and answer.
 */
const CHECKS_REQUEST = /(?:^|\.)(?:\w*(?:validat|verif|signature)\w*|construct\w*Event\w*|unwrap|safeParse\w*|parse(?:Async)?)$/i;

function checksRequest(callee: string): boolean {
  const name = withoutCalls(callee);
  return name !== 'JSON.parse' && CHECKS_REQUEST.test(name);
}

/** A condition that reads the caught error (`err.statusCode === 413`, `e instanceof ZodError`). */
const TESTS_ERROR = /\b(?:e|err|error|ex|exception|cause)\b|Error\b/;

/** What a handler reads of an error to tell failures apart: its code, status or name, an error class, a text test. */
const TELLS_APART = /(?:^|\.)(?:code|status|statusCode|name|type|includes|startsWith|endsWith|test|match)$|^[A-Z][\w$]*(?:Error|Exception)$/;

/**
 * An error class that names the client's value as invalid: `InvalidPhoneNumberError`, `ValidationError`. A condition
 * counts when every class it tests is one (`err instanceof InvalidRecipientError || err instanceof
 * NotFoundSubscriptionError` also answers a record missing).
 */
const INPUT_ERROR_CLASS = /^(?:Invalid[A-Z]\w*|\w*Validation\w*|BadRequest\w*|Malformed\w*)(?:Error|Exception)$/;

/** Words of a message that say the input was at fault, or that the failure was told apart (`Validation error`). */
const BLAMES_INPUT = /\b(?:valid|invalid|validation|parse|parsing|malformed|format|schema|syntax|unsupported|not supported|missing|required|bad request|(?<!\b(?:went|gone|go|goes|going) )wrong|incorrect|expired|too (?:long|short|large|many|big)|exceed|limit|authenticat)\w*/i;

/**
 * A message that opens by saying the server's own write did not happen: "Failed to update the certificate". Not "Can't
 * create a campaign in that state", which refuses.
 */
const OWN_STEP_FAILED = /^(?:error:? )?(?:failed|unable|could not|couldn't) (?:to )?(?:create|update|insert|save|store|persist|delete|remove|generate|write|record)\b(?: (?:the |a |an |this |your |new )?[\w-]+){0,3}|\b(?:was not|were not|wasn't|weren't|has not been|have not been|hasn't been|haven't been|could not be|couldn't be) (?:created|updated|inserted|saved|stored|persisted|deleted|removed|generated|written|recorded)\b/i;

/** A condition on the error that compares it with status numbers other than 400 only: `error.message === "401"`. */
function namesOtherStatusOnly(guard: GuardEvidence): boolean {
  const compared = guard.comparedStrings ?? [];
  return guard.afterEarlyExit === true && compared.length > 0 && compared.every((text) => /^[45]\d\d$/.test(text) && text !== '400');
}

/**
 * `catch (error) { throw new TRPCError({ code: 'BAD_REQUEST', message: error.message }) }` around the server's own
 * work: whatever failed is answered 400, the database going away as much as a rule the client broke. Only when the
 * `try` checks nothing the client sent, no condition on the path tells failures apart, and the words (if any) blame
 * nothing in the request. The callee named is the first one the `try` calls.
 */
function catchAllEvidence(fact: ResponseFact, texts: readonly string[]): string | undefined {
  const upstream = fact.upstream;
  if (!upstream || (upstream.via !== 'catch' && upstream.via !== 'promise-catch') || upstream.readsRequestOnly) return undefined;
  // A condition on the path, or an earlier branch of the catch that tests the error (`if (err.statusCode === 413)`):
  // failures are told apart, and what is left may well be the client's.
  // A branch that only passes on a status the error names (`if (error.message === "401") return 401`) answers that
  // status: what is left is every other failure, still answered the same way.
  // A condition around the whole `try` (`if (relevantEvents.has(event.type)) { try ... }`) only decides whether the work
  // runs: every failure of it is still answered the same way.
  if ((fact.guards ?? []).some((guard) => (TESTS_ERROR.test(guard.text) || (!guard.afterEarlyExit && !guard.aroundFailedWork)) && !namesOtherStatusOnly(guard))) return undefined;
  // A handler that reads what failed (`error.message.includes('prior transactions')`, `err.code`, `e instanceof ZodError`)
  // tells failures apart even where no branch returns early; only `e instanceof Error ? e.message : ...` does not.
  if ((upstream.handledMarkers ?? []).some((marker) => !/^(?:e|err|error|ex|exception|cause|Error|\w+\.message|message)$/.test(marker) && (TELLS_APART.test(marker) || /[^\w$.]/.test(marker)))) return undefined;
  // Answers, errors being made and logging are not the work a `try` guards (`ctx.context.logger.warn(...)` included).
  // Nor is reading a value off the request (`req.nextUrl.searchParams.get('id')`) or `parseInt`, which cannot fail.
  const work = upstream.callees.filter((callee) => !/^(?:[A-Z]\w*Error|TRPCError|HttpException|require|\w+\.(?:status|json|send)(?:\(\)\.\w+)*)$|(?:^|\.)(?:logger|log|console)\.\w+$/.test(callee) && !REQUEST_READ.test(callee) && !NEVER_FAILS.test(callee));
  if (work.length === 0 || work.some(checksClientInput)) return undefined;
  if (texts.some((text) => BLAMES_INPUT.test(text))) return undefined;
  return work[0];
}

/**
 * A connection to another system that failed, in the words of a 400 ("Cannot connect to the database: ECONNREFUSED",
 * "request to the registry timed out"). Narrower than the 500 rule's reading: beside a 400, "invalid provider" or
 * "the asset is offline" usually describe what the client named.
 */
const CONNECTION_FAILURE = /\b(?:could not|couldn't|cannot|can't|unable to|failed to) (?:connect\b(?! (?:a|an|the|this|that|these|those|your|its|their|it|itself|yourself)\b)|reach\b)|\bconnection (?:refused|reset|timed out|failed)\b|\b(?:econnrefused|econnreset|enotfound|ehostunreach|etimedout)\b|\b(?:timed out|time-?out) (?:while |when )?(?:connecting|calling|waiting)\b/i;

function upstreamText(texts: readonly string[]): { phrase: string; status: 503 | 504 } | undefined {
  for (const text of texts) {
    const match = CONNECTION_FAILURE.exec(text);
    if (match) return { phrase: match[0], status: /time/i.test(match[0]) ? 504 : 503 };
  }
  return undefined;
}

/** The status of another service's answer: `error.response.statusCode`, `response.status`, `upstreamRes.status`. */
const ANSWER_STATUS = /(?:^|\.)(?:response|resp|upstream\w*|\w+Response|\w+Res)\.(?:status|statusCode)$/;
/** A test that it is a server error: `=== 500`, `>= 500`, `> 499`. */
const SERVER_ERROR_TEST = /(?:\.status|\.statusCode)\s*(?:===?\s*5\d\d\b|>=\s*500\b|>\s*499\b)/;
/** Network failures told by the error's name or code: got's, node-fetch's, undici's, Node's. */
const NETWORK_ERROR_TEST = /\.(?:name|code)\s*===?\s*['"`](RequestError|TimeoutError|FetchError|AbortError|ConnectTimeoutError|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT)['"`]/;

/**
 * A condition that asks whether another service failed: its answer's status is a server error (`error.response.statusCode
 * === 500`), or the request to it failed on the network (`error.name === 'TimeoutError'`). Not negated: the branch where it did.
 */
function upstreamFailureTested(guard: GuardEvidence): { what: string; status: 502 | 503 | 504 } | undefined {
  if (guard.negated) return undefined;
  if (SERVER_ERROR_TEST.test(guard.text) && guard.members.some((member) => ANSWER_STATUS.test(member))) return { what: 'another service answered with a server error', status: 502 };
  const network = NETWORK_ERROR_TEST.exec(guard.text);
  if (network) return { what: 'the request to another service failed on the network', status: /Timeout|ETIMEDOUT/i.test(network[1]) ? 504 : 503 };
  return undefined;
}

/** Credentials that were checked and did not match: a password, a token, a key or a code that is wrong or incorrect. */
const WRONG_CREDENTIALS = /\b(?:(?:wrong|incorrect|bad) (?:(?:user ?name|e-?mail|login)(?: (?:and|or|\/) |\/))?(?:password|passcode|credentials|secret(?: key)?|api[ -]?key|token|pin)|invalid (?:(?:user ?name|e-?mail|login)(?: (?:and|or|\/) |\/))?(?:password|passcode|credentials)|(?:password|passcode|credentials|secret(?: key)?|token|pin) (?:is |was )?(?:wrong|incorrect)|(?:password|credentials)s? (?:do(?:es)? not|don't|did not) match|(?:user ?name|e-?mail|login) (?:and|or|\/) password(?: [\w']+){0,4} (?:is|are|was|were) (?:invalid|incorrect|wrong))\b/;
/** The password a signed-in caller confirms in a change of password: a field of the form, not a sign-in. */
const CURRENT_PASSWORD = /\b(?:current|old|existing|previous) password\b/i;
/** Words of a webhook's signature or an OAuth client's check, which their protocols answer with 400. */
const PROTOCOL_CHECK = /\b(?:signature|webhook|hmac|client[ _]?(?:id|secret)|grant|csrf|captcha|state)\b/;

/** "Wrong password", "The token is incorrect", "Invalid credentials": credentials checked and refused, said strongly. */
function wrongCredentialsText(classification: Classification, texts: readonly string[], fact: ResponseFact): string | undefined {
  const failure = findSignal(classification, 'authentication-failure');
  // "Invalid credentials: account is disabled" also refuses a known account: no one status says both.
  // "invalid email" inside "invalid email or password" is part of the same words, not a format error besides them.
  const syntaxBeside = classification.matches.some((match) => match.signal === 'syntax-error' && !(failure?.phrase.includes(match.phrase) ?? false));
  if (failure?.strength !== 'strong' || syntaxBeside || hasSignal(classification, 'permission-denied')) return undefined;
  const said = texts.map((text) => text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  // "Current password is wrong" in a change of password: the caller is signed in, and a field of the form is refused.
  if (said.some((text) => PROTOCOL_CHECK.test(text) || CURRENT_PASSWORD.test(text) || /\b(?:required|missing|must|format|malformed|expired|too (?:short|long)|at least)\b/.test(text))) return undefined;
  const phrase = said.find((text) => WRONG_CREDENTIALS.test(text))?.match(WRONG_CREDENTIALS)?.[0];
  // "Invalid password" also says a password too short or missing: only where the condition compared or verified it.
  // Not "Invalid email or password": no format error is said of two fields at once, only a sign-in that failed.
  if (!phrase || !phrase.startsWith('invalid') || /^invalid (?:user ?name|e-?mail|login)(?: (?:and|or|\/) |\/)(?:password|passcode)$/.test(phrase)) return phrase;
  const deciding = decidingGuards(fact)[0];
  // `!correctpass` after `bcrypt.compare(...)`, `err instanceof InvalidPasswordError`: what was checked is the credentials.
  // "Invalid credentials" after the account was looked up and not found (`if (!user)` after `findOne({ email })`).
  if (phrase === 'invalid credentials' && deciding !== undefined && deciding.negated && deciding.lookups.length > 0) return phrase;
  const compared =
    deciding !== undefined &&
    !/\.length\b/.test(deciding.text) &&
    (/[!=]==?/.test(deciding.text) || /\binstanceof\s+[\w$.]*(?:Password|Credential)\w*/.test(deciding.text) || [...deciding.callees, ...deciding.lookups.map((lookup) => lookup.callee)].some((callee) => CREDENTIAL_CHECK.test(callee)));
  return compared ? phrase : undefined;
}

/** The request's method, wherever the framework keeps it: `req.method`, `request.method`, `c.req.method`, `event.method`. */
const REQUEST_METHOD = /^(?:(?:req|request|ctx|ctx\.request|ctx\.req|c\.req|event|event\.request|context\.request|r)\.)?method$/i;
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/**
 * The condition that sends this 400 is that the request's method is not the one (or ones) the operation takes:
 * `request.method !== 'POST'`, `!['GET', 'HEAD'].includes(req.method)`. Only the method is tested.
 */
function wrongMethodGuard(fact: ResponseFact): GuardEvidence | undefined {
  const deciding = decidingGuards(fact)[0];
  if (!deciding || deciding.members.length === 0 || !deciding.members.every((member) => REQUEST_METHOD.test(member) || /^[A-Z_]+$/.test(member))) return undefined;
  const compared = deciding.comparedStrings ?? [];
  const listed = [...deciding.text.matchAll(/['"`]([A-Za-z]+)['"`]/g)].map((match) => match[1]);
  const methods = compared.length > 0 ? compared : listed;
  if (methods.length === 0 || !methods.every((method) => HTTP_METHOD.test(method))) return undefined;
  const text = deciding.text.replace(/\s+/g, ' ').trim();
  const refuses = /!==?/.test(text) || /^!\s*\[.*\]\.includes\(/.test(text) || /^!\s*[\w$.]+\.(?:includes|has)\(/.test(text);
  return refuses && !/===?(?!=)/.test(text.replace(/!==?/g, '')) ? deciding : undefined;
}

/** Words of dates out of order or out of range: "end date must be after", "must be earlier than", "in the past". */
const DATE_ORDER = /\b(?:date|time|datetime|timestamp|at)\b.*\b(?:after|before|later|earlier|prior to|precede|follow|in the (?:past|future))\b|\bmust (?:be |come |occur |happen |fall |start |end )?(?:earlier|later|sooner|before|after|prior to)\b|\bin the (?:past|future)\b/;

/** A password check by name: `UserEntity.comparePassword`, `bcrypt.compare`, `argon2.verify`, `user.isPasswordValid`. */
const PASSWORD_CHECK = /(?:^|\.)(?:compare(?:Password|Passwords|Hash|Sync)?|verifyPassword|checkPassword|validatePassword|matchPassword|passwordMatches|isPasswordValid|isValidPassword|isPasswordCorrect)$|^(?:bcrypt|bcryptjs|argon2)\.(?:compare|compareSync|verify)$/i;
/** Password fields of a form that are no credential being checked: a confirmation, or the new password of a change. */
const NOT_CHECKED_PASSWORD = /confirm|repeat|retype|again|twice|check|verif|new|old|current|previous/i;
/** Where a request's own values are read from. */
const REQUEST_VALUE_ROOT = /^(?:req|request|ctx\.request|dto|body|input|params|query|payload|args|data|form|values)\./i;

/**
 * The condition that sends this 400 checks credentials and found them wrong, whatever its words say (they may be in
 * another language): `!(await UserEntity.comparePassword(password, user.password))`, or
 * `document.sharePassword !== dto.sharePassword`. Not a password compared with its confirmation.
 */
function credentialCheckEvidence(fact: ResponseFact): string | undefined {
  const deciding = decidingGuards(fact)[0];
  if (!deciding) return undefined;
  // The current password a signed-in caller confirms in a change of password: a field of the form (see the words' reading).
  const lastOf = (member: string) => member.slice(member.lastIndexOf('.') + 1);
  if ([...deciding.members, ...(deciding.passedMembers ?? [])].some((member) => /(?:current|old|previous|existing)_?pass/i.test(lastOf(member))) || textsOf(fact).some((text) => CURRENT_PASSWORD.test(text))) return undefined;
  const check = deciding.callees.find((callee) => PASSWORD_CHECK.test(callee));
  if (check) {
    const name = check.slice(check.lastIndexOf('.') + 1).replace(/[$]/g, '\\$&');
    if (new RegExp(String.raw`!\s*\(?\s*(?:await\s+)?[\w$.]*${name}\s*\(`).test(deciding.text)) return deciding.text;
  }
  // One side is what the server keeps (`document.sharePassword`), not two fields of the same request.
  const compared = /!==?/.test(deciding.text) && deciding.members.filter((member) => /pass(?:word|code)|^pin$/i.test(lastOf(member)));
  const kept = compared && compared.some((member) => member.includes('.') && !REQUEST_VALUE_ROOT.test(member));
  if (compared && compared.length >= 2 && kept && !compared.some((member) => NOT_CHECKED_PASSWORD.test(lastOf(member)))) return deciding.text;
  return undefined;
}

/** Calls that check credentials: `bcrypt.compare`, `verifyPassword`, `checkPassword`, `argon2.verify`, `authenticate`. */
const CREDENTIAL_CHECK = /(?:^|\.)(?:compare\w*|verify\w*|check\w*(?:Password|Credentials?|Secret|Token)|\w*(?:Password|Credentials?)Match\w*|authenticate\w*|validate(?:Password|Credentials?|User)\w*|login|signIn)$/i;

export const no400ForSemanticError = defineRule<No400ForSemanticErrorOptions>(
  {
    id: 'no-400-for-semantic-error',
    description: 'Disallow 400 for requests that parse but conflict with state (409) or break a business rule (422).',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    appliesTo: { statuses: [400] },
    optionsSchema: {
      type: 'object',
      properties: { businessRuleStatus: { enum: [400, 422], default: 422 }, methodNotAllowed: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    defaultOptions: { businessRuleStatus: 422, methodNotAllowed: false },
  },
  (fact: ResponseFact, options) => {
    if (fact.status !== 400) return undefined;
    const classification = classifyFact(fact);
    const texts = textsOf(fact);
    // "Cannot update with different phase - use /switch-to-next-phase endpoint instead": the request came to the wrong
    // operation, whatever rule its words name.
    if (texts.some((text) => WRONG_OPERATION.test(text))) return undefined;
    // `sendOAuthError(res, 400, 'invalid_grant', 'User not found')`: OAuth answers its protocol errors with 400.
    if (texts.some(carriesOAuthErrorCode)) return undefined;
    // `if (request.method !== 'POST') return new Response('', { status: 400 })`: the request came with a method the
    // operation does not take, which HTTP answers with 405 and the methods it takes in `Allow`.
    // A protocol error, not a semantic one: reported only when the option asks for it.
    const methodRefused = fact.origin === 'code' ? wrongMethodGuard(fact) : undefined;
    if (methodRefused && !options.methodNotAllowed) return undefined;
    if (methodRefused) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'methodGuard',
        message: `400 Bad Request sent for a request method the operation does not take (\`${methodRefused.text}\`). Use 405 Method Not Allowed, with an \`Allow\` header naming the methods it takes.`,
        evidence: methodRefused.text,
        suggestedStatus: 405,
      };
    }
    // `case 'P2002': return new BadRequestException(...)`, `if (err.code === 11000) res.status(400)`: the database
    // refused a write because the record exists (or updated none that did): the stored state, not the request's form.
    // Said by the words too ("already exists"), the words' reading speaks.
    const wordsSayState = hasSignal(classification, 'state-conflict') || hasSignal(classification, 'not-found');
    const databaseCode = fact.origin === 'code' && !wordsSayState ? (fact.guards ?? []).filter((guard) => !guard.afterEarlyExit && !guard.negated).map((guard) => ({ guard, status: databaseErrorCodeStatus(guard.text) })).find((item) => item.status !== undefined) : undefined;
    if (databaseCode?.status !== undefined) {
      const { guard, status } = databaseCode;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: status === 409 ? 'conflictLookup' : 'notFoundLookup',
        message: `400 Bad Request sent for the database's answer to a write (\`${guard.text}\`): ${status === 409 ? 'a unique constraint says the record already exists, a conflict with the current state. Use 409 Conflict.' : 'the record to change was not there. Use 404 Not Found.'}`,
        evidence: guard.text,
        suggestedStatus: status,
        fix: { kind: 'replace-status', status },
      };
    }
    // `const res = await repo.delete(id); if (res.affected > 0) return 'done'; throw new HttpException('Delete failed', 400)`,
    // `if (result.modifiedCount !== 1) throw Boom.badRequest(...)`: the write changed no record, so the record to change
    // was not there, as Prisma's `P2025` says.
    const changedNone = fact.origin === 'code' && !wordsSayState ? writeChangedNone(fact) : undefined;
    if (changedNone) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'notFoundLookup',
        message: `400 Bad Request sent because a write changed no record (\`${changedNone.text}\`): the record to change was not there. Use 404 Not Found.`,
        evidence: changedNone.text,
        suggestedStatus: 404,
        fix: { kind: 'replace-status', status: 404 },
      };
    }
    const conflict = findSignal(classification, 'state-conflict');
    const business = options.businessRuleStatus === 422 ? findSignal(classification, 'business-rule') : undefined;
    // "already received the maximum number of refills": a limit is the more specific meaning than "already".
    const limitFirst = business?.strength === 'strong' && /\b(?:maximum|max|limit|quota|at most|no more than|exceed)/.test(business.phrase);
    const chosen =
      conflict?.strength === 'strong' && !limitFirst
        ? { match: conflict, status: 409, meaning: 'a conflict with the current state', name: '409 Conflict' }
        : business?.strength === 'strong'
          ? { match: business, status: 422, meaning: 'a business rule on well-formed data', name: '422 Unprocessable Content' }
          : undefined;
    if (chosen && fact.origin === 'spec' && validationCatalogue(fact, texts, chosen.match.phrase)) return undefined;
    // "key 'x' is duplicated" after `seenKeys.has(key)`: a duplicate among the values of this request, found in memory.
    if (chosen?.status === 409 && /duplicat/.test(chosen.match.phrase) && duplicateWithinRequest(fact)) return undefined;
    // "Environment can only be provided if project is also provided" for `dto.environmentSlugs && !dto.projectSlug`:
    // a rule on how the request's own fields go together.
    const decidedBy = decidingGuards(fact)[0];
    // Only whether they are there: "You can't delete the @everyone role" for `role_id === guild_id` compares what they
    // name, a rule of the application.
    if (chosen?.status === 422 && fact.origin === 'code' && decidedBy !== undefined && testsOnlyPresence(decidedBy.text) && readsOnlyRequestValues(decidedBy)) return undefined;
    // "Start date must be before end date", "expiry date cannot be in the past" sent by code: the dates the request
    // carries are out of order or range, an invalid value of the request (six labellers of six real codebases agreed).
    // A description of a spec that documents it as a rule of its business keeps it (so did its labellers).
    if (chosen && fact.origin === 'code' && (DATE_ORDER.test(chosen.match.phrase) || texts.some((text) => /\bin the (?:past|future)\b/i.test(text) && text.toLowerCase().includes(chosen.match.phrase)))) return undefined;
    if (chosen) {
      // A 400 whose text also names parse errors still sends 400 for the conflict or rule it describes.
      const where = fact.origin === 'spec' ? 'description says' : 'message says';
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: chosen.status === 409 ? 'conflictText' : 'businessRuleText',
        message: `400 Bad Request used for ${chosen.meaning}: the ${where} "${chosen.match.phrase}"${operationsNote(fact)}. Use ${chosen.name}.`,
        evidence: chosen.match.phrase,
        suggestedStatus: chosen.status,
        fix: { kind: 'replace-status', status: chosen.status },
      };
    }
    // Code only: a described 400 lists what it covers ("the selected row does not exist on the dashboard" is an
    // out-of-range value); a sent 400 with "User not found" says why this one was sent.
    const namesRequestPart = texts.some((text) => IN_REQUEST.test(text.toLowerCase()));
    // What hides on purpose whether something exists is not told to say it does not.
    const conceals = concealsExistence(fact);
    // `if (!token) throw new EmailTokenNotFound()` for `@Args('token') token`: what is missing is the request's.
    // The condition that sends this 400 (the innermost).
    const deciding = decidingGuards(fact)[0];
    const requestLacksIt = deciding !== undefined && (testsOnlyRequestPresence(deciding) || testsOnlyReadValuesPresence(deciding));
    // `if (!isChainIdHexValid(chainIdHex)) throw ... 'No onchainInfo found for chainId'`: a value that failed a check of
    // validity, whatever the words say is missing.
    const failedValidity = deciding !== undefined && deciding.negated && deciding.callees.some((callee) => VALIDITY_CHECK.test(callee));
    // A sign-in whose account was not found (`validateUser` finding no one by the e-mail given): credentials that
    // failed, which clients answer by signing in again (401), not a resource to look for elsewhere (404).
    // Words that say the credentials did not match ("Wrong password") are reported as such, below.
    const signIn = signingIn(fact);
    const signInAccount = signIn && fact.origin === 'code' && !conceals && !requestLacksIt && !wrongCredentialsText(classification, texts, fact) ? accountNotFoundAtSignIn(fact, classification, namesRequestPart) : undefined;
    if (signInAccount) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'credentialsText',
        message: `400 Bad Request used for a sign-in whose account was not found: ${signInAccount.said}${operationsNote(fact)}. The request was well-formed and its credentials match no account: use 401 Unauthorized.`,
        evidence: signInAccount.evidence,
        suggestedStatus: 401,
        fix: { kind: 'replace-status', status: 401 },
      };
    }
    const missing = fact.origin === 'spec' || comparesWithConstant(fact) || missingTableEntry(fact) || lookedUpByPresentedToken(fact) || conceals || requestLacksIt || failedValidity || signIn ? undefined : missingResourceText(classification, namesRequestPart);
    if (missing) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'notFoundText',
        message: `400 Bad Request used for a resource that does not exist: the message says "${missing}"${operationsNote(fact)}. A well-formed request for something missing is 404 Not Found.`,
        evidence: missing,
        suggestedStatus: 404,
        fix: { kind: 'replace-status', status: 404 },
      };
    }
    // "Api endpoint unavailable as of 2.0.0": an operation the server took away, whatever the request holds (410).
    const removed = fact.origin === 'code' && !namesRequestPart ? findSignal(classification, 'gone') : undefined;
    if (removed?.strength === 'strong' && /\b(?:endpoint|route|api|operation|method|version)s?\b/i.test(removed.phrase)) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'notFoundText',
        message: `400 Bad Request used for an operation the server has removed: the message says "${removed.phrase}"${operationsNote(fact)}. Nothing in the request can fix it: use 410 Gone (or 404 Not Found).`,
        evidence: removed.phrase,
        suggestedStatus: 410,
        fix: { kind: 'replace-status', status: 410 },
      };
    }
    // Code only: "Please wait before requesting another email", "Too many attempts": a limit on how often, which clients
    // wait out (429 and its Retry-After), not a request to fix. A spec's 400 lists what it covers.
    const throttled = fact.origin === 'code' ? findSignal(classification, 'rate-limited') : undefined;
    if (throttled?.strength === 'strong' && !hasSignal(classification, 'syntax-error')) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'rateLimitText',
        message: `400 Bad Request used for a rate limit: the message says "${throttled.phrase}"${operationsNote(fact)}. The request was well-formed and comes too soon: use 429 Too Many Requests, with a \`Retry-After\` header that says when to try again.`,
        evidence: throttled.phrase,
        suggestedStatus: 429,
        fix: { kind: 'replace-status', status: 429 },
      };
    }
    // Code only: "Wrong password", "The token is incorrect": well-formed credentials that did not match are a failed
    // authentication (401), which clients answer by signing in again, not by fixing the request.
    const credentials = fact.origin === 'code' ? wrongCredentialsText(classification, texts, fact) : undefined;
    const checked = fact.origin === 'code' && !credentials && !hasSignal(classification, 'syntax-error') && !hasSignal(classification, 'permission-denied') ? credentialCheckEvidence(fact) : undefined;
    if (credentials || checked) {
      const said = credentials ? `the message says "${credentials}"` : `the condition checks them (\`${checked}\`)`;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'credentialsText',
        message: `400 Bad Request used for credentials that did not match: ${said}${operationsNote(fact)}. The request was well-formed and its credentials are wrong: use 401 Unauthorized.`,
        evidence: credentials ?? checked!,
        suggestedStatus: 401,
        fix: { kind: 'replace-status', status: 401 },
      };
    }
    // Code only, like the missing resource: "Premium not active", "Payment is disabled" say why this one was sent.
    const refusal = fact.origin === 'spec' || hasSignal(classification, 'syntax-error') ? undefined : refusalText(classification, fact);
    if (refusal) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: refusal.status === 403 ? 'refusalText' : 'unconfiguredText',
        message:
          refusal.status === 403
            ? `400 Bad Request used for a refusal: the message says "${refusal.phrase}"${operationsNote(fact)}. The request was well-formed and the server will not do it for this caller or on this server: use 403 Forbidden.`
            : `400 Bad Request used for a capability this server is not set up for: the message says "${refusal.phrase}"${operationsNote(fact)}. Nothing is wrong with the request: use 501 Not Implemented (or 503 if it is only for now).`,
        evidence: refusal.phrase,
        suggestedStatus: refusal.status,
        fix: { kind: 'replace-status', status: refusal.status },
      };
    }
    // Code only: `if (claims.workspaceId !== workspaceId)`, `if (user.role !== 'admin')`: the condition that sends it asks
    // what a known caller may do, not whether the request is well-formed.
    // Only a condition on the caller (`message.role !== 'user'` checks what the request sent).
    // Not in a `catch` (what failed decides there), and not where another part of the condition, about something other
    // than the caller, refuses (`status.mode === 'disabled' && !ctx.user.isModerator`: a switch moderators are exempt from).
    const aboutCaller = (guard: GuardEvidence) => guard.text.split(/&&/).every((part) => guard.members.some((member) => (onCaller(member) || OWNERSHIP.test(member)) && part.replace(/\?\./g, '.').includes(member)));
    const permission = fact.origin === 'code' && deciding && !fact.context?.inErrorHandler && deciding.members.some(onCaller) && aboutCaller(deciding) && !blamesValueSentIn(classification, texts, namesRequestPart) ? permissionGuardEvidence(deciding) : undefined;
    if (permission && deciding) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'permissionGuard',
        message: `400 Bad Request sent after checking ${permission} (\`${deciding.text}\`): the request was well-formed and the caller is not allowed. Use 403 Forbidden.`,
        evidence: deciding.text,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    // Code only: `const { organizationId } = ctx; if (!organizationId) throw BAD_REQUEST 'organizationId is required'`:
    // what is missing is the organization the caller's sign-in put on the context, not a part of the request, whatever
    // the words say. The caller is known and not placed in an organization: 403.
    const missingTenancy = fact.origin === 'code' && deciding && !fact.context?.inErrorHandler ? missingCallerTenancy(deciding) : undefined;
    if (missingTenancy && deciding) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'permissionGuard',
        message: `400 Bad Request sent because the caller's context lacks \`${missingTenancy}\` (\`${deciding.text}\`): nothing in the request decides it, the caller's sign-in does. Use 403 Forbidden (or 401 Unauthorized where there is no sign-in at all).`,
        evidence: deciding.text,
        suggestedStatus: 403,
        fix: { kind: 'replace-status', status: 403 },
      };
    }
    // Code only: `if (error.response && error.response.statusCode === 500) throw Boom.badRequest(...)`, `if (error.name ===
    // 'TimeoutError')`: what decides the 400 is another service's answer that it failed, or the connection to it failing.
    const relayed = fact.origin === 'code' && deciding ? upstreamFailureTested(deciding) : undefined;
    if (relayed && deciding) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'upstreamCall',
        message: `400 Bad Request sent because ${relayed.what} (\`${deciding.text}\`): the request was well-formed and another service failed. Use ${upstreamStatusName(relayed.status)}.`,
        evidence: deciding.text,
        suggestedStatus: relayed.status,
        fix: { kind: 'replace-status', status: relayed.status },
      };
    }
    // Code only: "Cannot connect to the database: ECONNREFUSED": the words say a connection to another system failed,
    // which the request cannot have caused. Not beside words that blame the request.
    const upstreamWords = fact.origin === 'code' && !namesRequestPart && !hasSignal(classification, 'syntax-error') ? upstreamText(texts) : undefined;
    if (upstreamWords) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'upstreamText',
        message: `400 Bad Request used for a failure of another system: the message says "${upstreamWords.phrase}"${operationsNote(fact)}. The request was well-formed: use ${upstreamStatusName(upstreamWords.status)}.`,
        evidence: upstreamWords.phrase,
        suggestedStatus: upstreamWords.status,
        fix: { kind: 'replace-status', status: upstreamWords.status },
      };
    }
    // "Invalid or expired token", "Invalid email.": the words blame the value sent, which is what a 400 says.
    const blamesValueSent = blamesValueSentIn(classification, texts, namesRequestPart);
    for (const guard of conceals || signIn ? [] : fact.guards ?? []) {
      // "Invalid cart" when the cart the request names was not found: the words name the record, not a value's form.
      if (blamesValueSent && !namesRecordNotFound(texts, guard)) continue;
      const evidence = missingLookupEvidence(guard, fact.context?.operations ?? []);
      if (!evidence) continue;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'notFoundLookup',
        message: `400 Bad Request sent because a lookup found nothing (${evidence}, tested in \`${guard.text}\`): the request was well-formed and named something that does not exist. Use 404 Not Found.`,
        evidence: guard.text,
        suggestedStatus: 404,
        fix: { kind: 'replace-status', status: 404 },
      };
    }
    // `catch (e) { res.status(400)... }` around a call to another service: the request was fine, the service failed.
    // Only a call that failed (a catch), not a response inspected for what the client pointed at (an OAuth protocol
    // error, `invalid_client_metadata` when the client's document cannot be read, was set aside above).
    // And only when the failure decides the 400: `catch { if (!purpose) return 400; return 500 }` sends it for the request.
    const upstreamResult = (guard: GuardEvidence) => guard.lookups.some((lookup) => fact.upstream?.callees.includes(lookup.callee)) || (fact.upstream?.via === 'not-ok-branch' && guard.callees.some((callee) => fact.upstream?.callees.includes(callee)));
    // After a call's result was inspected (`if (!response.ok)`), that test is what decides; a branch it sits in
    // (`if (!targetProjectId) { create one }`) only chose which call to make.
    const failureGuards = fact.upstream?.via === 'not-ok-branch' ? decidingGuards(fact).slice(0, 1) : decidingGuards(fact);
    const decidedByRequest = failureGuards.some((guard) => !upstreamResult(guard) && !TESTS_ERROR.test(guard.text));
    // A result inspected (`if (!subscription)` after `stripe.subscriptions.retrieve(...)`) counts only of a hosted
    // service's own SDK: what a general HTTP client fetched may be what the client pointed it at.
    const upstream = fact.upstream;
    const inspectedSdkResult = upstream?.via === 'not-ok-branch' && upstream.callees.some((callee) => isServiceSdkCallee(callee, upstream.calleeModules?.[callee]));
    const failedCall = (upstream?.via === 'catch' || upstream?.via === 'promise-catch' || inspectedSdkResult) && !decidedByRequest;
    // A `try` that also checks what the client sent (a webhook signature, a schema) may fail for the client's reason.
    // After a call's result was inspected, only the call the handler itself made counts: `verifyTurnstileToken(token)`
    // answers whether the client's token passed, whatever service it asked; what it calls inside does not.
    const reached = upstream?.reachedThrough ?? {};
    const checksInput = (upstream?.callees ?? []).some((callee) => checksRequest(callee) && (upstream?.via !== 'not-ok-branch' || (reached[callee] === undefined && /verif|validat/i.test(callee))));
    // Words that say the request was malformed, not the status's own name ("CruxBadRequest" beside "Failed to fetch gitlab prefix").
    const saysMalformed = texts.filter((text) => !BARE_REASON_PHRASE.test(text)).some((text) => hasStrongSignal(classifyText(text), 'syntax-error'));
    // A branch of the failure's handler for an error whose class says the client's value was invalid (`err instanceof
    // InvalidPhoneNumberError`): the other service refused what the client sent, which is the client's to fix.
    const inputRefused = (fact.guards ?? []).some((guard) => {
      const classes = guard.negated ? [] : [...guard.text.matchAll(/\binstanceof\s+([\w$.]+)/g)].map((match) => match[1].split('.').pop() ?? '');
      return classes.length > 0 && classes.every((name) => INPUT_ERROR_CLASS.test(name));
    });
    const failure = fact.origin === 'code' && failedCall && !checksInput && !saysMalformed && !namesRequestPart && !inputRefused ? upstreamFailure(fact) : undefined;
    if (failure) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'upstreamCall',
        message: `400 Bad Request sent ${failure.how} \`${failure.callee}(...)\` failed${failure.why}: the request was well-formed and another service failed (${failure.reason}). Use ${upstreamStatusName(failure.status)}.`,
        evidence: failure.callee,
        suggestedStatus: failure.status,
        fix: { kind: 'replace-status', status: failure.status },
      };
    }
    // In a sign-in, what a catch around finding the account answers is credentials that failed.
    const catchAll = fact.origin === 'code' && !blamesValueSent && !signIn ? catchAllEvidence(fact, texts) : undefined;
    if (catchAll) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'catchAll',
        message: `400 Bad Request sent for any failure of \`${catchAll}(...)\`: this catch answers every error the same way, so the server's own failures (a database error, a bug) are blamed on the client. Answer the client's mistakes with 400 (or 404, 409, 422) where they are known, and the rest with 500 Internal Server Error.`,
        evidence: catchAll,
        suggestedStatus: 500,
        fix: { kind: 'replace-status', status: 500 },
      };
    }
    const ownCall = fact.origin === 'code' && deciding !== undefined && !namesRequestPart ? failedOwnCallEvidence(deciding) : undefined;
    if (ownCall && deciding) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'ownCallFailed',
        message: `400 Bad Request sent because the server's own call failed (\`${ownCall.binding}\` from \`${ownCall.callee}(...)\`, tested in \`${deciding.text}\`): the store reported an error, not the request. Use 500 Internal Server Error.`,
        evidence: deciding.text,
        suggestedStatus: 500,
        fix: { kind: 'replace-status', status: 500 },
      };
    }
    // Only the condition that sends the 400 (the innermost): `if (existing) { ...; if (!ok) return 400 }` is sent by `!ok`.
    for (const guard of decidingGuards(fact).slice(0, 1)) {
      const evidence = existingLookupEvidence(guard);
      if (!evidence || blamesValueSent) continue;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'conflictLookup',
        message: `400 Bad Request sent because a lookup found a match (${evidence}, tested in \`${guard.text}\`): that is a conflict with existing state. Use 409 Conflict.`,
        evidence: guard.text,
        suggestedStatus: 409,
        fix: { kind: 'replace-status', status: 409 },
      };
    }
    const stored = fact.origin === 'code' && !blamesValueSent && !conceals ? storedStateEvidence(fact) : undefined;
    if (stored) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'storedState',
        message: `400 Bad Request sent because of what a stored record holds (\`${stored.guard.text}\`, with \`${stored.binding}\` from \`${stored.callee}(...)\`): the request named something that exists and its current state refuses it. Use 409 Conflict (or 403 Forbidden where the state is a permission).`,
        evidence: stored.guard.text,
        suggestedStatus: 409,
        fix: { kind: 'replace-status', status: 409 },
      };
    }
    // `if (!this.configService.serviceMode) throw new BadRequestException('This command is only available in service
    // mode')`: how the server is set up decides it, nothing the request holds. Not in a `catch`: there what failed decides.
    // `if (!process.env.OPENAI_API_KEY) return 400 'Missing OPENAI_API_KEY - add it to your .env file'`: the server lacks
    // its own configuration (503), whatever "missing" says.
    const missingEnvironment = deciding !== undefined && testsMissingConfiguration(deciding);
    // What the server lacks is decided by its environment alone: "API key is missing" there names the server's own key.
    const blamesRequest = missingEnvironment ? false : blamesValueSent;
    const setting = fact.origin === 'code' && !blamesRequest && !fact.context?.inErrorHandler && deciding ? settingGuardEvidence(deciding, { configurationOnly: true }) : undefined;
    if (setting && deciding) {
      // `!AUTH.OAUTH2.CLIENT_ID || !AUTH.OAUTH2.TOKEN_URL`: values of the configuration missing, as `!process.env.X` is.
      const missingConfiguration = missingEnvironment || testsMissingSettingValues(deciding);
      const status = missingConfiguration ? 503 : 403;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'settingGuard',
        message: missingConfiguration
          ? `400 Bad Request sent because the server lacks its own configuration (${setting}, in \`${deciding.text}\`): nothing in the request decides it. Use 503 Service Unavailable (or 500 Internal Server Error).`
          : `400 Bad Request sent because of a setting of the server (${setting}, in \`${deciding.text}\`): nothing in the request decides it, so sending it again cannot change the answer. Use 403 Forbidden (or 501 Not Implemented where the server is not set up for it).`,
        evidence: deciding.text,
        suggestedStatus: status,
        fix: { kind: 'replace-status', status },
      };
    }
    // `if (!global.activeSandbox) return 400 'No active sandbox'`: the state the server process is in decides it.
    const processState = fact.origin === 'code' && !blamesRequest && !fact.context?.inErrorHandler && deciding ? processStateEvidence(deciding) : undefined;
    if (processState && deciding) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'settingGuard',
        message: `400 Bad Request sent because of the state the server process is in (${processState}, in \`${deciding.text}\`): nothing in the request decides it, so sending it again cannot change the answer. Use 409 Conflict (or 503 Service Unavailable where the server is not ready).`,
        evidence: deciding.text,
        suggestedStatus: 409,
        fix: { kind: 'replace-status', status: 409 },
      };
    }
    // Code only: "Failed to update the certificate", "Could not generate a code for this user": the words say the
    // server did not manage its own write, and blame nothing the request sent. Not after another service's result said
    // it failed (`if (!res.ok)` after `fetch(url)`): that call's failure is what the words tell. Nor where the condition
    // found a value of the request missing (`if (!id) return 400 'Failed to generate the image'`): the words say what
    // could not be done, the condition why.
    const ownStep = fact.origin === 'code' && !blamesValueSent && !namesRequestPart && !requestLacksIt && fact.upstream?.via !== 'not-ok-branch' && !hasSignal(classification, 'syntax-error') && !texts.some((text) => BLAMES_INPUT.test(text)) ? texts.map((text) => OWN_STEP_FAILED.exec(text)?.[0]).find((phrase) => phrase !== undefined) : undefined;
    if (ownStep) {
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'ownFailureText',
        message: `400 Bad Request used for a failure of the server's own work: the message says "${ownStep}"${operationsNote(fact)}. Nothing in the request is blamed: use 500 Internal Server Error.`,
        evidence: ownStep,
        suggestedStatus: 500,
        fix: { kind: 'replace-status', status: 500 },
      };
    }
    return undefined;
  },
);
