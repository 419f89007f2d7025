// Conditions that ask what a known caller may do, rather than who the caller is: a role, a permission, a scope, an
// ownership compared with the caller (`post.authorId !== req.user.id`), the admin the settings name. Read of the
// guards on a response's path, by the 401 rule (a 401 there is a 403) and the 400 rule (so is a 400).
import type { GuardEvidence } from './facts.js';
import { isRequestPath, isRequestValue } from './request-values.js';
import { lastSegment } from './member-path.js';

/** Last segments of members that hold what a known user may do. */
const PERMISSION_MEMBERS = /^(?:roles?|permissions?|perms|scopes?|privileges?|grants?|rights|acl|access(?:_?level)?|(?:account|user|permission|admin|auth|privilege|security)_?level|is\w*(?:admin|owner|staff|superuser|moderator|member|manager|beta\w*)|admin|superuser|staff|can[A-Z]\w*|capabilities|groups?|policies|entitlements?|tier|plan)$/i;
/**
 * A flag of what the caller may do, kept in an object of permissions (`permissions.manage`, `perms.inbox`,
 * `abilities.canEdit`), not one that says whether there is a caller (`permissions.auth`) nor an id it carries.
 */
function permissionFlag(member: string): boolean {
  const segments = member.split('.');
  const flag = segments[segments.length - 1];
  // `req.permission.orgId`: what the credential carries (whose it is), not a flag of what it allows.
  return segments.length >= 2 && /^(?:permissions?|perms|abilities|privileges|rights|grants)$/i.test(segments[segments.length - 2]) && !IDENTITY_MEMBERS.test(member) && !/(?:^ids?|[a-z0-9]Ids?|_ids?|[Kk]ey|[Tt]oken)$/.test(flag);
}
/** A method of an object of the caller's permissions (`permissions.getOrgIdsWithSystemrecht`, `this.abilities.for`). */
const PERMISSIONS_OBJECT_METHOD = /(?:^|\.)(?:permissions|perms|abilities|privileges)\.[A-Za-z_$][\w$]*$/;

/** Results of a permission check held in a variable: `isUserAuthorized`, `hasProjectAccess`, `isAllowed`. */
const PERMISSION_RESULTS = /^(?:is|has|can)[A-Z]?\w*(?:Authori[sz]ed|Access|Permissions?|Allowed|Privileges?|Rights)$/;
/** Last segments that name whom a resource belongs to. */
/** Also the id of a user or member a request targets, compared with the caller's own (`appMemberId !== user.id`: "not yourself"). */
const OWNER_MEMBERS = /^(?:owner(?:id)?|author(?:id)?|creator(?:id)?|created(?:by|byid)|user(?:id)?|account(?:id)?|tenant(?:id)?|org(?:anization)?(?:id)?|workspace(?:id)?|team(?:id)?|[a-z]\w*(?:member|user)id)$/i;
/** Callees that ask whether a known user may do something. */
const PERMISSION_CALLEES = /(?:^|\.)(?:can|cannot|may|allowed|isallowed|authorize|authorise|hasrole|hasroles|hasanyrole|hasallroles|haspermission|haspermissions|hasscope|hasscopes|hasaccess|checkpermission|checkpermissions|checkrole|checkaccess|isowner|isadmin|ismember|canaccess|canedit|canview|candelete|canupdate|canmanage|ability\.can|enforce|permits?|includes|some|every|has)$/i;
/**
 * Callees named for the permission they check, in an application's own words: `accessAllowedRead(req, user, table)`,
 * `potentiallyAccessAllowedWrite`, `isAllowedToEdit`, `userHasPermission`, `authorizeApi`. Not a check of credentials
 * (`isAuthenticated`, `authorizeToken`, `verifyAccessToken`): those ask who the caller is.
 */
const NAMED_PERMISSION_CALLEE = /^(?:(?:is|has|can|check|verify|ensure|user|caller|potentially|access)\w*)?(?:Allowed|Authori[sz]ed|Permitted|Permissions?|Access)(?:Read|Write|Edit|Delete|View|To[A-Z]\w*)?$|^authori[sz]e(?!(?:Token|Client|Code|Url|Request)$)[A-Z]\w*$|^(?:is|check|verify|ensure)[A-Z]\w*(?:Admin|Owner|Member|Moderator|Maintainer|Collaborator|Manager)$/;

/** Names of what proves who the caller is: a header, a token, a key. */
const CREDENTIAL_MEMBER = /(?:authorization|token|key|credentials?|password|secret|signature|headers?|cookies?)$/i;

/** Members that say whether the caller is identified at all: testing them is authentication. */
export const IDENTITY_MEMBERS = /(?:^|\.)(?:user|session|auth|currentuser|token|principal|identity|me|claims|account|jwt|apikey|authorization|isauthenticated|authenticated|loggedin|isloggedin)$/i;
/** The caller's id, by itself: `userId`, `req.user.id`, `session.user_id`. */
const CALLER_ID = /(?:^|\.)(?:user|session|currentuser|principal|account|viewer|actor)(?:\.?id|_id)$/i;

/** A variable named for the caller's id: `authenticatedUserId`, `currentUserId`, `loggedInUserId`, `callerId`. */
const CALLER_NAME = /^(?:authenticated|current|logged[-_]?in|session|caller|requesting|requester|viewer|actor|auth)[-_]?(?:user)?[-_]?id$/i;

export function isUserPath(member: string): boolean {
  return /(?:^|\.)(?:user|currentuser|me|session|auth|principal|identity|account|claims|viewer|actor|requester|authsubject|subject)(?:\.|$)/i.test(member);
}

/**
 * The tenant, organization or workspace the authentication put on the request's context or session (`ctx.tenant.id`,
 * `req.org.id`, `session.workspaceId`): the caller's own, as its user is.
 */
export const CALLER_TENANCY = /^(?:ctx|req|request|context|session|c\.var|res\.locals|locals|ctx\.state|ctx\.session)\.(?:tenant|org|organization|workspace|team|company|account)(?:\.id|Id|_id)?$|^(?:ctx|req|request|context|session|ctx\.state|ctx\.session)\.(?:tenant|org|organization|workspace|team|company)Id$/;

/** Names of elevated roles a caller's kind is compared with. */
const ROLE_NAME = /^(?:admin|administrator|super[-_ ]?admin|superuser|owner|moderator|staff|maintainer|root)$/i;

/** Does this guard ask whether there is a caller at all (`!req.user`, `!userId` where `userId = req.user?.id`)? */
export function testsIdentity(guard: GuardEvidence): boolean {
  // `!req.user` asks who the caller is; `!can(req.user, 'delete', doc)` only hands the user to a permission check.
  const passed = new Set(guard.passedMembers ?? []);
  // `!permissions.starred || !permissions.user?.id`: one alternative asks whether there is a caller's id (not
  // `membership.userId !== user.userId`, which compares it).
  const callerId = (member: string) => CALLER_ID.test(member) && !passed.has(member) && new RegExp(`!\\s*${member.split('.').map((part) => part.replace(/[$]/g, '\\$')).join('\\??\\.')}(?![\\w$.?]|\\s*[!=<>])`).test(guard.text);
  return guard.negated && (guard.members.some((member) => IDENTITY_MEMBERS.test(member) && !passed.has(member)) || (guard.members.length > 0 && guard.members.every((member) => CALLER_ID.test(member))) || (offersAlternatives(guard) && guard.members.some(callerId)));
}

/** `!a || !b`, or `!(a && b)` (the same, by De Morgan): the condition holds for either of its parts alone. */
export function offersAlternatives(guard: GuardEvidence): boolean {
  return /\|\|/.test(guard.text) || /^!\s*\(.*&&.*\)$/.test(guard.text.trim());
}

/**
 * A list of every role (`USER_ROLES`, `ALL_ROLES`, `VALID_ROLES`, `Object.values(Role)`) searched for the caller's role.
 * Constants only: `userRoles.includes('admin')` holds the caller's own roles, which is a permission check.
 */
const EVERY_ROLE_LIST = /\b(?:USER|ALL|VALID|KNOWN|AVAILABLE)_ROLES\.(?:indexOf|includes)\(|\bObject\.values\(\s*(?:User)?Roles?\s*\)\.includes\(/;

/** `['admin', 'super'].includes(user.role)`: a member tested against a list of strings written out, as a comparison is. */
const WRITTEN_LIST_TEST = /\[\s*(?:'[^']*'|"[^"]*")(?:\s*,\s*(?:'[^']*'|"[^"]*"))*\s*,?\s*\]\.includes\(\s*([\w$.?]+)\s*\)/g;

function listedMembers(guard: GuardEvidence): Set<string> {
  return new Set([...guard.text.matchAll(WRITTEN_LIST_TEST)].map((match) => match[1].replace(/\?\./g, '.')));
}

/** Is this guard a question about what an identified user may do (rather than who they are)? */
export function permissionGuardEvidence(guard: GuardEvidence): string | undefined {
  // `USER_ROLES.indexOf(loggedUser.role) === -1`: the role is tested against every role there is, which asks whether
  // the caller is a known user at all, not what a known one may do.
  if (EVERY_ROLE_LIST.test(guard.text)) return undefined;
  // Handed to a check, unless the check is a list of strings written out (`['admin', 'super'].includes(user.role)`).
  const listed = listedMembers(guard);
  const passed = new Set((guard.passedMembers ?? []).filter((member) => !listed.has(member)));
  const testsIdentityOnly = testsIdentity(guard);
  // `!ctx.session || !ctx.session.user || !ctx.session.user.isBetaUser`: one of the alternatives asks who the caller
  // is, another what a known caller holds; the 401 goes to both.
  const heldByCaller = guard.members.find((member) => ((isUserPath(member) && member.includes('.') && PERMISSION_MEMBERS.test(lastSegment(member))) || permissionFlag(member)) && !passed.has(member));
  if (testsIdentityOnly && heldByCaller && offersAlternatives(guard)) return `\`${heldByCaller}\``;
  // `!(appMemberId !== authSubject.id)`, with `authSubject` from `ctx.user`: the caller's id is compared, not tested.
  // `!userId || share.creatorId !== userId`: one alternative asks who the caller is, another whether they own the
  // record; the 401 goes to both, as above.
  if (testsIdentityOnly) return ownershipComparison(guard);
  // `isAuthorized` of what a credential check returned (`verifyAdminAuth(...)`) is about the credential, not a permission.
  const fromCredentialCheck = guard.lookups.some((lookup) => /verify|authenticat|login|signin|sign_in|decode|token|apikey|api_key|credential/i.test(lookup.callee));
  const ofCredential = (member: string) => member.includes('.') && /auth|token|credential|session|login|key/i.test(member.slice(0, member.lastIndexOf('.')));
  // `JwtType.ACCESS`, `Role.ADMIN`: a constant compared against, not something the caller holds (its other side says).
  const isConstant = (member: string) => /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Z0-9_]+$/.test(member);
  // A value of the request (`req.query.group`, and `group` where `const { group } = req.query`) is what the caller asks
  // for, not what the caller holds.
  const permissionMember = guard.members.find((member) => ((PERMISSION_MEMBERS.test(lastSegment(member)) || permissionFlag(member)) && !isConstant(member) && !isRequestValue(guard, member)) || (!fromCredentialCheck && !ofCredential(member) && PERMISSION_RESULTS.test(lastSegment(member))));
  if (permissionMember) return `\`${permissionMember}\``;
  // A check named in the application's words counts only handed the caller (`accessAllowedRead(req, user, table)`),
  // never a credential (`isAuthorized(authorization)`) nor the request alone (`hasConsoleAccess(c.req.raw)` reads its key).
  const handsOverCaller = [...passed].some((member) => isUserPath(member)) && ![...passed].some((member) => CREDENTIAL_MEMBER.test(lastSegment(member)));
  const permissionCall = guard.callees.find((callee) => {
    // `permissions.getOrgIdsWithSystemrecht([...])` of the caller's permissions object: what it answers is what the
    // caller may do, whatever the method is called.
    if (PERMISSIONS_OBJECT_METHOD.test(callee)) return true;
    if (!PERMISSION_CALLEES.test(callee)) return NAMED_PERMISSION_CALLEE.test(lastSegment(callee)) && handsOverCaller;
    // `includes` / `some` / `has` speak of permission only on a permission-like receiver.
    if (/(?:^|\.)(?:includes|some|every|has)$/i.test(callee)) return PERMISSION_MEMBERS.test(lastSegment(callee.replace(/\.(?:includes|some|every|has)$/i, '')));
    return true;
  });
  if (permissionCall) return `\`${permissionCall}(...)\``;
  // `user.type !== 'admin'`, `const notAdmin = !(entity.type === 'admin')`: the caller's kind compared with a role.
  const role = guard.comparedStrings?.find((value) => ROLE_NAME.test(value));
  if (role !== undefined && guard.members.length > 0) return `the role \`${role}\``;
  // `ctx.session.user.email !== env.ADMIN_EMAIL`: the caller compared with the one the server names as its admin.
  const configuredAdmin = guard.members.find((member) => /^(?:env|config|settings|process\.env)\./i.test(member) && /admin|superuser|root/i.test(lastSegment(member)));
  const callerMember = guard.members.find((member) => isUserPath(member));
  if (configuredAdmin && callerMember && /[!=]==?/.test(guard.text)) return `\`${callerMember}\` against \`${configuredAdmin}\``;
  return ownershipComparison(guard) ?? membershipLookup(guard, fromCredentialCheck);
}

/** Parts of credentials a lookup may be keyed by: then it checks the credential, not a membership. */
const CREDENTIAL_KEY = /(?:token|jwt|key|secret|password|passwd|hash|signature|otp|code|cookie|credential|session|email|username|login)s?$/i;

/**
 * A record looked up by the caller's id together with what the request acts on, and not found:
 * `prisma.userTeam.findUnique({ where: { userId_teamId: { userId, teamId } } })`, `team.findUnique({ where: { id:
 * teamId, users: { some: { userId } } } })` with `userId` from the session. The caller is known; what failed is their
 * membership of the team, or their ownership of the record. Not a lookup of the caller alone (`!user` for
 * `users.findUnique({ id: session.user.id })`: the account is gone), nor one keyed by a credential.
 */
function membershipLookup(guard: GuardEvidence, fromCredentialCheck: boolean): string | undefined {
  if (!guard.negated || fromCredentialCheck || offersAlternatives(guard)) return undefined;
  for (const lookup of guard.lookups) {
    if (!guard.members.includes(lookup.binding) || IDENTITY_MEMBERS.test(lookup.binding)) continue;
    const keys = lookup.keys ?? [];
    const caller = keys.find((key) => !isRequestPath(key) && (CALLER_ID.test(key) || CALLER_NAME.test(lastSegment(key))));
    if (keys.some((key) => CREDENTIAL_KEY.test(lastSegment(key)))) continue;
    const target = keys.find((key) => key !== caller && !CALLER_ID.test(key) && !CALLER_NAME.test(lastSegment(key)) && !isUserPath(key));
    if (caller && target) return `the caller's membership (\`${lookup.callee}(...)\` by \`${caller}\` and \`${target}\` found nothing)`;
  }
  return undefined;
}

/**
 * Whom a resource belongs to compared with the caller in one clause (`post.authorId !== user.id`, `appMemberId !==
 * authSubject.id`), not merely tested side by side (`authMode === JWT && !permission.orgId` asks whether the token
 * carries an organization at all). Members are dotted paths; the text may write `ctx.session?.orgId` or `user!.id`.
 */
function ownershipComparison(guard: GuardEvidence): string | undefined {
  const ownerMembers = guard.members.filter((member) => OWNER_MEMBERS.test(lastSegment(member)) && !isUserPath(member));
  // `userId` read off the caller (`const userId = request.user?.userId`), not off the request's values.
  const userMembers = guard.members.filter((member) => isUserPath(member) || CALLER_NAME.test(lastSegment(member)) || CALLER_TENANCY.test(member) || (!member.includes('.') && CALLER_ID.test(member) && !isRequestValue(guard, member)));
  const text = guard.text.replace(/\?\.(?=[\w$])/g, '.').replace(/!(?=\.)/g, '');
  const compared = (a: string, b: string) => text.split(/&&|\|\|/).some((part) => part.includes(a) && part.includes(b) && /[!=]==?/.test(part));
  for (const ownerMember of ownerMembers) {
    const userMember = userMembers.find((member) => member !== ownerMember && compared(ownerMember, member));
    if (userMember) return `\`${ownerMember}\` against \`${userMember}\``;
  }
  // `params.id !== ctx.session.user.id`: the user the request acts on compared with the caller.
  const targets = guard.members.filter((member) => TARGET_ID.test(member));
  for (const target of targets) {
    const caller = guard.members.find((member) => member !== target && CALLER_ID.test(member) && compared(target, member));
    if (caller) return `\`${target}\` against \`${caller}\``;
  }
  return undefined;
}

/** An id the request names (`params.id`, `req.params.userId`, `body.user_id`): who or what it acts on. */
const TARGET_ID = /^(?:(?:req|request|ctx|ctx\.request|c\.req)\.)?(?:params|query|body|args|input)\.(?:id|user_?id|account_?id|member_?id)$/i;

