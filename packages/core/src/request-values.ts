// Values a condition reads from the request itself: what the caller sent or asks for, not what the server holds.
import type { GuardEvidence } from './facts.js';
import { ENVIRONMENT_VARIABLE } from './server-settings.js';

/**
 * What the request carries: `req.query.group`, `ctx.request.body.role`, `params.scope`, `args.token` (a resolver's
 * arguments), `input.name` (a tRPC procedure's), `dto.projectSlug` or `createUserDto.email` (a Nest body).
 */
const REQUEST_INPUT = /^(?:(?:req|request|ctx|ctx\.request|c\.req)\.)?(?:body|query|params|searchParams|args|input|\w*dto)\.|^(?:req|request|ctx\.request)\.(?:files?|body|query|params)$/i;

/**
 * Calls that read the request itself: `req.headers.get('stripe-signature')`, `req.get('x-api-key')`, `c.req.query('id')`,
 * `url.searchParams.get('code')`, `(await headers()).get(...)`, `formData.get('file')`, h3's and Hono's
 * `getCookie(event, name)`. What they return was sent by the caller; it is no record the server looked up.
 */
export const REQUEST_READ = /^(?:(?:req|request|c\.req|ctx\.req|ctx\.request|event\.request)\.(?:headers\.get|get|header|query|param|cookies\.get)|(?:[\w$]+\.)*(?:searchParams|formData|headers\(\)|cookies\(\))\.get|getCookie|getSignedCookie|getHeader|getRequestHeader|getQuery|getRouterParams?)$/;

/**
 * Does the condition only test whether values read from the request by a call, or the server's environment, are
 * there (`const sig = req.headers.get('stripe-signature'); const secret = process.env.SECRET; if (!sig || !secret)`)?
 * What is missing is then a part of the request or of the server's setup, never a stored record.
 */
export function testsOnlyReadValuesPresence(guard: GuardEvidence): boolean {
  if (!guard.negated || guard.lookups.length > 0 || guard.callees.length === 0 || !guard.callees.every((callee) => REQUEST_READ.test(callee))) return false;
  return guard.members.every((member) => !member.includes('.') || isRequestValue(guard, member) || ENVIRONMENT_VARIABLE.test(member));
}

/** Is this path a value the request carries (`req.params.userId`, `body.teamId`, `input.id`)? */
export function isRequestPath(path: string): boolean {
  return REQUEST_INPUT.test(path);
}

/** Is this member a value of the request, written as its path or as the local name that holds it (`group` beside `req.query.group`)? */
export function isRequestValue(guard: GuardEvidence, member: string): boolean {
  return guard.members.some((value) => REQUEST_INPUT.test(value) && (value === member || value.endsWith(`.${member}`)));
}

/**
 * Does the condition only test whether the request carries something (`if (!token)` for `@Args('token') token`,
 * `if (!req.body.email)`)? Then what is missing is a part of the request, not something the server lacks.
 */
export function testsOnlyRequestPresence(guard: GuardEvidence): boolean {
  if (!guard.negated || guard.lookups.length > 0 || guard.callees.length > 0 || guard.members.length === 0) return false;
  // `const videoIdToUse = 'videoId' in body ? body.videoId : fromKey; if (!videoIdToUse)`: a local name made of what the
  // request carries (and named for it), with no call on the way, is part of the request too. Not `user` beside
  // `req.body.createProfile` in `!user && !createProfile`: that name holds something else.
  const requestNames = guard.members.filter((member) => member.includes('.') && isRequestValue(guard, member)).map((member) => member.slice(member.lastIndexOf('.') + 1).toLowerCase());
  // `submissionId` of `req.params.formSubmissionId || req.query.formSubmissionId`: named for what it was read from.
  const namedFromRequest = (member: string) => !member.includes('.') && requestNames.some((name) => (name.length > 2 && member.toLowerCase().includes(name)) || (member.length > 5 && name.includes(member.toLowerCase())));
  // `|| req.currentFileRecord?.formSubmissionId`: the same value, where the request did not carry it, read elsewhere.
  const sameValueElsewhere = (member: string) => member.includes('.') && requestNames.includes(member.slice(member.lastIndexOf('.') + 1).toLowerCase());
  return guard.members.every((member) => isRequestValue(guard, member) || guard.members.some((other) => other !== member && other.startsWith(`${member}.`) && isRequestValue(guard, other)) || namedFromRequest(member) || sameValueElsewhere(member));
}

/**
 * Does the condition read nothing but values of the request (`dto.environmentSlugs && !dto.projectSlug`)? A rule it
 * enforces is then one on the request's own fields, which is how the request is invalid, not a business rule on data
 * the server holds.
 */
export function readsOnlyRequestValues(guard: GuardEvidence): boolean {
  return guard.lookups.length === 0 && guard.callees.length === 0 && guard.members.length > 0 && guard.members.every((member) => isRequestValue(guard, member));
}
