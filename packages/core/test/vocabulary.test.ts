import { describe, expect, it } from 'vitest';
import { classifyText, findSignal, normalizeText, statusForErrorText, type Signal } from '../src/vocabulary.js';

function signals(text: string): Signal[] {
  return [...new Set(classifyText(text).matches.filter((match) => match.strength === 'strong').map((match) => match.signal))];
}

describe('normalizeText', () => {
  it('lower-cases, unifies quotes and splits snake and camel case', () => {
    expect(normalizeText('Insufficient_Scope: the **caller’s** `role`')).toBe("insufficient scope: the caller's role");
    expect(normalizeText('PermissionDenied')).toBe('permission denied');
    expect(normalizeText('See [the docs](https://x.y/z) for\n\nmore')).toBe('see the docs for more');
  });
});

describe('an account its own state refuses', () => {
  it.each(['Email not verified', 'Your email address has not been verified yet', 'Please verify your email first'])('reads %j as a refusal that decides beside no credential wording', (text) => {
    expect(findSignal(classifyText(text), 'permission-denied')?.strength).toBe('medium');
  });
  it.each(['The project has been archived', 'Invalid email verification token', 'The email field is required and was not enabled in the form settings of your request'])('does not read %j as the account refused', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('permission-denied');
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('state-conflict');
  });
});

describe('who may, once signed in', () => {
  it.each(['This function is only available to signed-in users.', 'Only accessible to authenticated users'])('does not read %j as a permission refusal', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('permission-denied');
  });
  it.each(['This feature is only available to admins', 'Exports are only enabled for the workspace owner'])('still reads %j as one', (text) => {
    expect(signals(text)).toContain('permission-denied');
  });
});

describe('what the request asks for that matches nothing configured', () => {
  it.each(['No matching tune event found for the provided event.', 'No valid auth token found'])('does not read %j as a record not found', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('not-found');
  });
  it("does not read a rule on the request's own content ('more than one price item in the same product') as a limit on what the caller holds", () => {
    expect(classifyText("Can't have more than one price item in the same product").matches.map((match) => match.signal)).not.toContain('business-rule');
  });
  it("reads a space's last administrator as a rule about what it must keep, not as a permission", () => {
    expect(classifyText('Space needs at least one administrator.').matches.map((match) => match.signal)).not.toContain('permission-denied');
  });
});

describe('a thing not found beside an authorization word', () => {
  it.each(['Admin user not found or inactive', 'Role does not exist', 'Collection does not exists'])('reads %j as not found, not as a refusal', (text) => {
    expect(signals(text)).toContain('not-found');
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('permission-denied');
  });
});

describe('permission denial', () => {
  it.each([
    'You do not have permission to access this resource',
    "The caller's role does not allow this action.",
    'Token is valid but lacks the required scope',
    'INSUFFICIENT_PERMISSIONS',
    'Forbidden',
    'Only organization owners can delete a team',
    'Requires the `admin:org` scope',
    'The authenticated user does not own this repository',
    "You don't have access to this workspace",
    // An identified account that its plan, billing or settings refuse (real 401 examples of a streaming API).
    "Your account's status doesn't allow this action.",
    "This feature isn't enabled.",
    'Your billing status needs attention.',
    'Your trial has expired',
    'No active subscription',
  ])('finds it in %j', (text) => {
    expect(signals(text)).toContain('permission-denied');
  });

  it.each([
    'Permission granted',
    'Returned when the user has sufficient permissions',
    'Unauthorized',
    'Invalid or expired token',
    'Authentication required',
    'Not authorized',
    'Missing API key',
    'Bad credentials',
    'Google sign-in is not enabled on this server',
    'The session has expired',
  ])('does not find it in %j', (text) => {
    expect(signals(text)).not.toContain('permission-denied');
  });

  it.each([
    'authZ failure: your RBAC profile does not grant `switching:execute` on this substation.',
    'Dispatcher perms needed to change a flight status.',
    'The requesting reviewer is not on this matter ACL.',
    'Does your account have the Operator role? If not, you will get this.',
    'Tokens from users who are not a signing pathologist are refused here.',
  ])('reads an authorization concept with a refusal as a denial: %j', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain('permission-denied');
  });

  it('does not read a missing Authorization header as a permission problem', () => {
    expect(classifyText('The Authorization header is missing.').matches.map((match) => match.signal)).not.toContain('permission-denied');
  });

  it('reads "you don\'t have the authorization to" as a refusal that decides only without credential wording', () => {
    // In HTTP, "authorization" is also the credential a 401 asks for; "permissions" stay strong.
    expect(findSignal(classifyText("You don't have the authorization to accomplish this operation"), 'permission-denied')?.strength).toBe('medium');
    expect(findSignal(classifyText('You do not have the permissions to delete this'), 'permission-denied')?.strength).toBe('strong');
  });

  it('reads Discord\'s "Missing Access" as a refusal, never "missing access token"', () => {
    expect(findSignal(classifyText('Missing Access'), 'permission-denied')?.strength).toBe('strong');
    expect(findSignal(classifyText('Missing access token'), 'permission-denied')).toBeUndefined();
  });

  it('does not read "error while fetching" as another service failing: fetching is as often from the own database', () => {
    expect(findSignal(classifyText('Internal server error while fetching token usage'), 'upstream-failure')).toBeUndefined();
    expect(findSignal(classifyText('Error while contacting the payment provider'), 'upstream-failure')).toBeDefined();
  });
  it('reads a state the thing is already in ("This form is already live") and records that still depend on it ("Category still has apps, cannot delete") as conflicts', () => {
    expect(findSignal(classifyText('This form is already live. Create a new draft to change the form.'), 'state-conflict')?.phrase).toBe('already live');
    expect(findSignal(classifyText('Category still has apps, cannot delete'), 'state-conflict')).toBeDefined();
    expect(findSignal(classifyText('Cannot delete a team that still has members'), 'state-conflict')).toBeDefined();
    expect(findSignal(classifyText('The page is still loading, cannot delete yet'), 'state-conflict')).toBeUndefined();
  });
  it('does not read "via the API", the way the caller came, as another service: "Could not retrieve transactions via the API"', () => {
    expect(findSignal(classifyText('Could not retrieve transactions via the API: MongoError'), 'upstream-failure')).toBeUndefined();
    expect(findSignal(classifyText('Could not send the message via the SMS provider'), 'upstream-failure')).toBeDefined();
    expect(findSignal(classifyText('Could not fetch the invoice from the billing API'), 'upstream-failure')).toBeDefined();
  });

  it('reads a capability not enabled for the account, and a personal thing that cannot be deleted', () => {
    expect(findSignal(classifyText('Document OCR is not enabled for customer id 12'), 'permission-denied')).toBeDefined();
    expect(findSignal(classifyText('OCR is not enabled in this build'), 'permission-denied')).toBeUndefined();
    expect(findSignal(classifyText('cannot delete personal workspace'), 'business-rule')).toBeDefined();
  });

  it('reads "not allowed to <verb>" as a refusal that decides only without credential wording', () => {
    expect(findSignal(classifyText('User is not allowed to modify this project'), 'permission-denied')?.strength).toBe('medium');
  });

  it('treats a clause that defers to 403 as not describing this response', () => {
    const result = classifyText('The token is missing or invalid. If the user lacks permission, 403 is returned instead.');
    expect(result.matches.map((match) => match.signal)).not.toContain('permission-denied');
    expect(result.negated.map((match) => match.signal)).toContain('permission-denied');
  });

  it('reports the phrase it matched as evidence', () => {
    expect(findSignal(classifyText('Insufficient privileges for this operation.'), 'permission-denied')?.phrase).toBe('insufficient privileges');
  });
});

describe('authentication failure', () => {
  it.each(['Invalid or expired token', 'The API key is missing', 'Session expired, please log in again', 'Requires authentication', 'Bad username or password'])(
    'finds it in %j',
    (text) => {
      expect(signals(text)).toContain('authentication-failure');
    },
  );
  it('reads "No authenticated admin session" as nobody signed in, whatever kind of caller was needed', () => {
    expect(signals('No authenticated admin session')).toContain('authentication-failure');
    expect(signals('No authenticated user')).toContain('authentication-failure');
    expect(signals('no current plan')).not.toContain('authentication-failure');
  });
  it('does not read "token is missing the required scope" as a credential problem', () => {
    const found = signals('Token is missing the required scope');
    expect(found).toContain('permission-denied');
    expect(found).not.toContain('authentication-failure');
  });
});

describe("a state that is the request's, not the record's", () => {
  it.each(['Invalid state', 'Invalid OAuth state', 'invalid state parameter', 'Wrong CSRF state'])('does not read %j as a state conflict', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('state-conflict');
  });
});

describe('state conflict and business rules', () => {
  it.each([
    ['A user with this email already exists', 'state-conflict'],
    ['Returned when a duplicate exists', 'state-conflict'],
    ['The username is already taken.', 'state-conflict'],
    ['Version mismatch: the resource was modified by another request', 'state-conflict'],
    ['Order already cancelled', 'state-conflict'],
    ['game in wrong state:', 'state-conflict'],
    ['The order is in an invalid state', 'state-conflict'],
    ['invalid queue state', 'state-conflict'],
    ['You are already a deluxe member!', 'state-conflict'],
    ['Already an active subscriber', 'state-conflict'],
    ['Insufficient funds in the source account', 'business-rule'],
    ['Item is out of stock', 'business-rule'],
    ['End date must be after start date', 'business-rule'],
    ['Cannot cancel an order that has already shipped', 'business-rule'],
    ['Invalid state transition from DRAFT to ARCHIVED', 'business-rule'],
    ['Project limit reached for your plan', 'business-rule'],
    ['Cannot refund more than the captured amount', 'business-rule'],
    ['You cannot withdraw more than the available balance', 'business-rule'],
    ['Cannot reuse an already redeemed voucher', 'state-conflict'],
    ['This venue seats at most 120 people', 'business-rule'],
    ['Can only propose from a fork', 'business-rule'],
    ['You can only delete draft invoices', 'business-rule'],
    ['Can only mark UNKNOWN, PRINTING, or PAUSED jobs as cancelled', 'business-rule'],
    ['Api endpoint unavailable as of 2.0.0.; use path parameters instead.', 'gone'],
    ['Shared module is archived', 'state-conflict'],
    ['TwoFactorNotEnabled', 'state-conflict'],
    ['Worker owner must be a workspace member', 'permission-denied'],
    ['websiteAddonUnavailableDuringTrial', 'permission-denied'],
    ['Please wait before requesting another email', 'rate-limited'],
    ['Please wait 30 seconds before retrying', 'rate-limited'],
    ['Metrics not enabled', 'feature-disabled'],
    ['This server is invite only. Please provide an invite id.', 'feature-disabled'],
    ['Memory not configured for agent', 'feature-disabled'],
    ['Invitations can only be sent to work emails.', 'business-rule'],
    ['We currently only accept work email addresses for sign-up.', 'business-rule'],
    ['CannotCreateCommentOnArchivedStory', 'business-rule'],
    ['Cannot transition event from ONGOING to SCHEDULED', 'state-conflict'],
    ['cannot revoke the owner of an item', 'business-rule'],
    ["You can't remove the last admin of the workspace", 'business-rule'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it.each(['Malformed JSON body', 'email is required', 'id must be a number', 'Invalid query parameter', 'The request body could not be parsed'])(
    '%j is a syntax error only',
    (text) => {
      const found = signals(text);
      expect(found).toContain('syntax-error');
      expect(found).not.toContain('state-conflict');
      expect(found).not.toContain('business-rule');
    },
  );

  it('reads a refusal as the rule it states, but still reads "not" as a negation', () => {
    expect(classifyText('Cannot refund more than the captured amount').negated).toEqual([]);
    expect(signals('The amount is not more than the captured total')).not.toContain('business-rule');
    expect(signals('The field holds up to 255 characters')).not.toContain('business-rule');
    expect(signals('Name can only contain letters and digits')).not.toContain('business-rule');
    // The size of what the request uploads is a bound on the request; a count of what the account holds is a rule.
    expect(signals('Image size exceeds maximum allowed size of 4MB')).not.toContain('business-rule');
    expect(signals('The upload exceeds the maximum of 10 MB')).not.toContain('business-rule');
    expect(signals('You have reached the maximum number of projects for your plan')).toContain('business-rule');
  });

  it('does not read "the name is not a duplicate" as a conflict', () => {
    expect(signals('Returned when the payload is malformed, not when the name is a duplicate')).not.toContain('state-conflict');
  });
});

describe("the server's own configuration", () => {
  it('a key missing from the server environment is no credential problem of the caller', () => {
    expect(signals('missing BAIDU_API_KEY or BAIDU_SECRET_KEY in server env vars')).not.toContain('authentication-failure');
    expect(signals('OPENAI_API_KEY is missing from the environment variables')).not.toContain('authentication-failure');
    expect(signals('Missing API key')).toContain('authentication-failure');
  });
});

describe('upstream failures', () => {
  it("a connection to the server's own store is not another service's", () => {
    expect(signals('could not connect to redis')).not.toContain('upstream-unavailable');
    expect(signals('Unable to connect to the database')).not.toContain('upstream-unavailable');
    expect(signals('Could not connect to the payment gateway')).toContain('upstream-unavailable');
    // Nor an answer of the server's own work it found unexpected; another system's still is.
    expect(signals('Unexpected response from retry operation')).not.toContain('upstream-failure');
    expect(signals('Unexpected response from database query')).not.toContain('upstream-failure');
    expect(signals('Unexpected response from the payment provider')).toContain('upstream-failure');
    // Nor is the server's own database being unavailable (a client not set up, a pool that is down).
    expect(signals('Database not available')).not.toContain('upstream-unavailable');
    expect(signals('The database is currently unavailable')).not.toContain('upstream-unavailable');
    expect(signals('Payment provider is currently unavailable')).toContain('upstream-unavailable');
  });
  it.each([
    ['The upstream payment service returned an error', 'upstream-failure'],
    ['Error communicating with the shipping provider', 'upstream-failure'],
    ['Bad gateway', 'upstream-failure'],
    ['Timed out waiting for the inventory service', 'upstream-timeout'],
    ['Gateway timeout', 'upstream-timeout'],
    ['The search backend is temporarily unavailable', 'upstream-unavailable'],
    ['Connection refused by the ledger service', 'upstream-unavailable'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it.each(['Internal server error', 'Unexpected error', 'Something went wrong on our side', 'No upstream call was made; this is our own failure'])(
    '%j is not an upstream failure',
    (text) => {
      const found = signals(text);
      expect(found.filter((signal) => signal.startsWith('upstream'))).toEqual([]);
    },
  );
});

describe('statusForErrorText', () => {
  it.each([
    ['User not found', 404],
    ['Too many requests', 429],
    ['Email already exists', 409],
    ['Invalid token', 401],
    ['You do not have permission', 403],
    ['email is required', 400],
  ] as const)('%j points to %d', (text, status) => {
    expect(statusForErrorText(classifyText(text))).toBe(status);
  });

  it('gives nothing for neutral words', () => {
    expect(statusForErrorText(classifyText('Here is your order'))).toBeUndefined();
  });
});

describe('phrasings found by blind sets', () => {
  it.each([
    ['Dup PNR - a booking with that record locator exists.', 'state-conflict'],
    ['A sample carrying this barcode was registered previously.', 'state-conflict'],
    ['Your copy of the record is out of date: a colleague saved changes in the meantime.', 'state-conflict'],
    ['That person is already on the team', 'state-conflict'],
    ['Roster is full, a team can register max 25 players per season.', 'business-rule'],
    ['Cannot start the run: the concentration is below the 2 nM minimum for the chosen flow cell.', 'business-rule'],
    ['A legal hold cannot be released while the matter is still open.', 'business-rule'],
    ['Refund exceeds the captured amount', 'business-rule'],
    ['Cannot purchase add-ons while subscription is paused.', 'business-rule'],
    ['Cannot switch an archived split test to next phase', 'business-rule'],
    ['You have unpaid invoices. Please head over your billing portal to pay it.', 'business-rule'],
    ['The OCR vendor replied with an HTTP 5xx.', 'upstream-failure'],
    ["The printer's OctoPrint instance refused the connection.", 'upstream-unavailable'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it.each([
    ['The `limit` exceeds the maximum of 100.', 'business-rule'],
    ['Malformed query: duplicate `metrics` field.', 'state-conflict'],
    ['Your request could not be completed because the name contains an invalid word', 'business-rule'],
    ['The job queue is full, try again later', 'business-rule'],
    // Two values of one request that contradict each other: the request is wrong whatever the server holds (real code).
    ['Source and target id must be distinct', 'business-rule'],
    ['Cannot parse the closed bracket', 'business-rule'],
    ['Source and target language must be different.', 'business-rule'],
    ['Unexpected error; correlate the failure with API gateway logs.', 'upstream-failure'],
  ] as const)('%j is not %s', (text, signal) => {
    expect(signals(text)).not.toContain(signal);
  });
});

describe('phrasings found by the fourth blind set', () => {
  it.each([
    ['doorsOpenAt must be earlier than startsAt.', 'business-rule'],
    ['The requested quantity exceeds the seed stock available for this accession.', 'business-rule'],
    ['This error occurs when the fleet manager (an external robot controller) refuses the connection.', 'upstream-unavailable'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('does not read advice about client timeouts, or a timeout that did not happen, as an upstream timeout', () => {
    expect(signals('The request did not time out; retrying with a longer client timeout will not help.')).not.toContain('upstream-timeout');
    expect(signals('An unexpected error occurred. A client-side timeout of at least 30 seconds is recommended.')).not.toContain('upstream-timeout');
    expect(signals('Timeout.')).toContain('upstream-timeout');
    // A wait on the server's own lock is not a dependency's timeout; a wait on another service still is.
    expect(signals("Timed out after 5000ms waiting for lock 'sandbox-1'")).not.toContain('upstream-timeout');
    expect(signals('Timed out while acquiring the deployment mutex')).not.toContain('upstream-timeout');
    expect(signals('Timed out waiting for the inventory service')).toContain('upstream-timeout');
    // A message sent through a hosted service that failed to go out.
    expect(signals('Failed to send SNS message')).toContain('upstream-failure');
    expect(signals('Could not publish the Slack notification')).toContain('upstream-failure');
    expect(signals('Failed to send message')).not.toContain('upstream-failure');
    // A sign-in refused for both fields at once.
    expect(signals('The email or password you have entered is invalid')).toContain('authentication-failure');
    expect(signals('The email you have entered is invalid')).not.toContain('authentication-failure');
  });

  it('reads anonymous access as a credential problem, not a permission denial', () => {
    const result = classifyText('Anonymous access is not allowed on this instance; sign in with a library card first.');
    expect(result.matches.some((match) => match.signal === 'authentication-failure')).toBe(true);
    expect(result.matches.some((match) => match.signal === 'permission-denied' && match.strength === 'strong')).toBe(false);
  });
});

describe('phrasings found by the fifth blind set', () => {
  it.each([
    ['Unauthorised - you dont have the editor role', 'permission-denied'],
    ['Refund amount exceeds the amount paid for this order', 'business-rule'],
    ['Bookings can only be cancelled up to 24 hours before check-in', 'business-rule'],
    ['Thrown when the core banking system returns an error response.', 'upstream-failure'],
    ['upload to S3 failed', 'upstream-failure'],
    ['Expected an array of events', 'syntax-error'],
    ['No deliveries found', 'not-found'],
    ['No player with platform id  exists', 'not-found'],
    ['No user with that email was found', 'not-found'],
    ['cannot change startAt once the league has started', 'state-conflict'],
    ['Revision has since been updated from 3 to 4', 'state-conflict'],
    ['This document was modified by another user', 'state-conflict'],
    ['Failed to fetch repositories from GitHub', 'upstream-failure'],
    ['Could not post message to Slack', 'upstream-failure'],
  ] as const)('%j is %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });
});

describe('messages in other languages', () => {
  it.each([
    ['No tienes permiso para ver este pedido', 'permission-denied'],
    ['Accès refusé', 'permission-denied'],
    ['Nur für Administratoren', 'permission-denied'],
    ['El pedido ya está cancelado', 'state-conflict'],
    ['Doublon : cette référence existe déjà', 'state-conflict'],
    ['Stock insuffisant', 'business-rule'],
    ['Has alcanzado el límite de miembros de tu plan', 'business-rule'],
    ['上传会话不属于当前用户，拒绝访问', 'permission-denied'],
    ['您的角色没有发件权限', 'permission-denied'],
    ['该邮箱已存在', 'state-conflict'],
    ['订单不存在', 'not-found'],
    ['用户名或密码不正确', 'authentication-failure'],
    ['请先登录', 'authentication-failure'],
    ['请求过于频繁', 'rate-limited'],
    ['You are trying to remove the last admin user. This is prohibited.', 'business-rule'],
    ['You are trying to remove yourself. This is prohibited.', 'business-rule'],
    ['You cannot delete yourself', 'business-rule'],
    ['上传图片失败', 'error-text'],
    ['保存に失敗しました', 'error-text'],
    ['오류가 발생했습니다', 'error-text'],
    ['服务器异常', 'error-text'],
    ['注册未成功', 'error-text'],
    ['Space needs at least one administrator.', 'business-rule'],
    ['A team must have at least one owner', 'business-rule'],
    ['No pending cancellation request found for this bounty.', 'not-found'],
    ['No active pending invite to revoke', 'not-found'],
    ['You cannot have more than 200 topic subscriptions', 'business-rule'],
    ['PM system currently disabled', 'feature-disabled'],
  ] as const)('%j is %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });
});

describe('a state the record must be in', () => {
  it('reads "must be in status REJECTED" and "must be in PENDING state" as a state conflict, not "must be in a valid state"', () => {
    expect(classifyText('Access Request must be in status REJECTED to allow deletion.').matches.map((match) => match.signal)).toContain('state-conflict');
    expect(classifyText('Sandbox must be in started state').matches.map((match) => match.signal)).toContain('state-conflict');
    expect(classifyText('Address must be in a valid state').matches.map((match) => match.signal)).not.toContain('state-conflict');
  });
});

describe('a server component nobody configured', () => {
  it('reads "No inference client configured" as the server not set up, not "No active prompts configured", a record the user set up', () => {
    expect(classifyText('No inference client configured').matches.map((match) => match.signal)).toContain('feature-disabled');
    expect(classifyText('No SMTP server set up.').matches.map((match) => match.signal)).toContain('feature-disabled');
    expect(classifyText('No active prompts configured').matches.map((match) => match.signal)).not.toContain('feature-disabled');
  });

  it('reads the Chinese of it: "OSS 配置不完善" (configuration incomplete), "SMTP 未配置" (not configured)', () => {
    expect(classifyText('OSS 配置不完善，无法进行操作').matches.map((match) => match.signal)).toContain('feature-disabled');
    expect(classifyText('SMTP 未配置').matches.map((match) => match.signal)).toContain('feature-disabled');
    expect(classifyText('配置已保存').matches.map((match) => match.signal)).not.toContain('feature-disabled');
  });
});

describe('Chinese words that say two things', () => {
  it('reads nothing in "未授权" (unauthorized), said of a missing caller and of a refused one alike', () => {
    expect(classifyText('未授权').matches).toEqual([]);
  });
});

describe('phrasings found by the sixth blind set', () => {
  it('keeps the server own failure apart from domain words like upstream lineage or dependency ratio', () => {
    for (const text of ['Internal error while computing the upstream and downstream lineage graph.', 'Internal error while computing the old-age dependency ratio.', 'An internal error occurred while compiling the profile of this data provider.']) {
      expect(classifyText(text).matches.map((match) => match.signal).filter((signal) => signal.startsWith('upstream')), text).toEqual([]);
    }
  });

  it('does not read "duplicate invites are fine" as a conflict', () => {
    expect(classifyText('Missing email; duplicate invites are fine, we dedupe them for you.').matches.map((match) => match.signal)).not.toContain('state-conflict');
  });

  it.each([
    ['The user lacks the authorization object M_BEST_BSA for document type NB.', 'permission-denied'],
    ['Deficit of unrestricted-use stock; 12 PC are missing in plant 1000.', 'business-rule'],
    ['This dataset has been retired and is no longer available.', 'gone'],
  ] as const)('%j is %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });
});

describe('phrasings found by the seventh blind set', () => {
  it.each([
    ['A patient may hold at most three waitlist entries at a time.', 'business-rule'],
    ['Accounts with a pending loan disbursement cannot be frozen until the disbursement settles.', 'business-rule'],
    ['Only 3 units of this SKU are left in the selected warehouse, fewer than the quantity requested.', 'business-rule'],
    ['Only draft invoices can be edited.', 'business-rule'],
    ['The parcel has left the warehouse, so this order can no longer be cancelled.', 'business-rule'],
    ['This coupon has been redeemed the maximum number of times.', 'business-rule'],
    ['The slot you picked was just taken by another patient.', 'state-conflict'],
    ["Address validation through the national postal service's API did not finish within 8 seconds.", 'upstream-timeout'],
    ["The receiving bank's clearing interface replied with an unexpected rejection code.", 'upstream-failure'],
  ] as const)('%j is %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });

  it('reads a list of allowed values as values, not as what happened', () => {
    expect(classifyText('`reason` must be one of the strings patient_request, clinic_closure or duplicate_booking.').matches.map((match) => match.signal)).not.toContain('state-conflict');
  });
});

describe('phrasings found by the eighth blind set', () => {
  it.each([
    ['Rejected: your channel has used all of the upload minutes included in the Creator Basic subscription.', 'business-rule'],
    ['Clinicians may only open the records of patients under their care.', 'permission-denied'],
    ['Playlists can only be deleted by the profile that created them.', 'permission-denied'],
    ['Card network timeout.', 'upstream-timeout'],
    ['This booking has been cancelled before; it cannot be cancelled a second time.', 'state-conflict'],
  ] as const)('%j is %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });

  it.each([
    ['Malformed bundle: `resource` is required. (Conflicts with existing records are never reported here; they return 409.)', 'state-conflict'],
    ['Missing required field `passengers`. Travelers who already exist in your profile can be referenced by id instead.', 'state-conflict'],
    ['The `Idempotency-Key` header is missing. It is what prevents duplicate charges when a client retries.', 'state-conflict'],
    ['Unexpected error in the runner scheduler. Upstream timeouts are reported separately as 504.', 'upstream-timeout'],
    ['The mapping key `stages` is defined twice, which the parser rejects.', 'state-conflict'],
  ] as const)('%j is not %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain(signal);
  });

  it('reads "session expired ... not allowed to continue without signing in" as a credential problem', () => {
    const result = classifyText('Session expired. You are not allowed to continue without signing in again.');
    expect(result.matches.some((match) => match.signal === 'permission-denied' && match.strength === 'strong')).toBe(false);
  });
});

describe('credential wording seen in the public corpus', () => {
  it.each(['Invalid or missing grant', 'The client is not authorized to complete this request. Check to ensure a valid access token was passed in the headers.'])(
    '%j is a credential problem, not a permission denial',
    (text) => {
      const result = classifyText(text);
      expect(result.matches.some((match) => match.signal === 'authentication-failure')).toBe(true);
      expect(result.matches.some((match) => match.signal === 'permission-denied' && match.strength === 'strong')).toBe(false);
    },
  );
});

describe('phrases measured on real code and descriptions', () => {
  it.each([
    ['Cannot delete the last admin account', 'business-rule'],
    ['Atleast one admin is required', 'business-rule'],
    ['cannot delete home dashboard', 'business-rule'],
    ['This feature requires a valid enterprise license.', 'business-rule'],
    ['Only available for Paid accounts', 'business-rule'],
    ['Option is incompatible with the current plan', 'business-rule'],
    ['Subtasks cannot be created where subtasks are disabled', 'business-rule'],
    ['Batch export is not ready for download', 'state-conflict'],
    ['Share status is already ', 'state-conflict'],
    ['Domain is already banned.', 'state-conflict'],
    ['Cancellation of the task is not possible', 'state-conflict'],
    ['Cannot delete an active workflow', 'state-conflict'],
    ['The name is used by another screen.', 'state-conflict'],
    ['User cannot access resource', 'permission-denied'],
    ['Client is not sufficiently authorized', 'permission-denied'],
    ['FeatureNotEnabled', 'permission-denied'],
    ['INTERNAL_TIMEOUT', 'upstream-timeout'],
    ['NETWORK_ERR', 'upstream-failure'],
  ] as const)('%j reads as %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).toContain(signal);
  });

  it.each([
    ['Cannot delete the last admin account', 'permission-denied'],
    ['Duplicate stepIds are not allowed', 'state-conflict'],
    ['A network error in the client', 'upstream-failure'],
    // "duplicate" as the operation asked for, and a count the request must keep to.
    ["Unable to duplicate a page under a non-existent user's user page", 'state-conflict'],
    ['Only one restricted page can be selected', 'permission-denied'],
    // A kind of value the request may not carry, not a policy on one the server knows.
    ['Private/localhost URLs are not allowed', 'business-rule'],
  ] as const)('%j does not read as %s', (text, signal) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain(signal);
  });
});

describe('state words in another order, and things the request names that have expired', () => {
  it.each([
    ['Domain has been banned already.', 'state-conflict'],
    ['The order was cancelled already', 'state-conflict'],
    ['License has expired', 'business-rule'],
    ['The invitation has expired', 'business-rule'],
    ['This coupon is no longer valid', 'business-rule'],
  ])('reads %j as %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it.each(['Invalid or expired token', 'Session has expired', 'User is logged already'])('not %j', (text) => {
    expect(signals(text)).not.toContain('business-rule');
    expect(signals(text)).not.toContain('state-conflict');
  });
});

describe('phrasings found by the eleventh blind set', () => {
  it.each([
    ['This endpoint is unavailable due to current configurations', 'feature-disabled'],
    ['Your team has zero data retention enabled. This is not supported on extract. Please contact support@firecrawl.com to unblock this feature.', 'permission-denied'],
    ["Zero data retention is enabled for this team. If you're interested in ZDR, please contact support@firecrawl.com", 'permission-denied'],
    ['The form does not active', 'state-conflict'],
    ['This poll is closed', 'state-conflict'],
    ['Only intended for the staff of this instance.', 'permission-denied'],
    ['You missing the MANAGE_GUILD or MANAGE_CHANNELS permission', 'permission-denied'],
    ['Account has been taken down', 'permission-denied'],
    ['[destination-already-exists]', 'state-conflict'],
    ['auth/email-already-in-use', 'state-conflict'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('does not read a support address given for help, or an inactive field of the request, as a refusal or a conflict', () => {
    expect(signals('Something went wrong, please contact support@example.com')).not.toContain('permission-denied');
    expect(signals('Invalid form data')).not.toContain('state-conflict');
  });
});

describe('phrasings found by the twenty-first blind set', () => {
  it.each([
    ['ERRORS.QUEUE_NOT_PAUSED', 'state-conflict'],
    ['Job is not retriable', 'state-conflict'],
    ['The export is not yet completed', 'state-conflict'],
    ['You can have at most pending requests in this workspace.', 'business-rule'],
    ['This Workspace only allows a maximum of Address Book Items.', 'business-rule'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('keeps "not valid", "not allowed" and a length limit of a field out of them, and a thing saved beside a service is no upstream', () => {
    expect(signals('Token is not valid')).not.toContain('state-conflict');
    expect(signals('This action is not allowed')).not.toContain('state-conflict');
    // `at most ${max} characters`, its number left out: a length of a field.
    expect(signals('The name can have at most characters')).not.toContain('business-rule');
    expect(signals('Failed to save S3 configuration')).not.toContain('upstream-failure');
    expect(signals('Failed to upload the file to S3')).toContain('upstream-failure');
    // An object's key in storage is no credential; an API key still is.
    expect(signals('Video has no S3 key')).not.toContain('authentication-failure');
    expect(signals('No API key')).toContain('authentication-failure');
  });
});

describe('phrasings found by the twenty-seventh blind set', () => {
  it.each([
    ['Job is already being processed', 'state-conflict'],
    ['Already bound to another account', 'state-conflict'],
    ["You can't apply this action to yourself", 'business-rule'],
    ['You cannot remove the admin role from yourself', 'business-rule'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('reads a list of the fields a request may hold as a rule of the input, not as who may act', () => {
    expect(signals('Only name, email, and password fields may be updated for self')).not.toContain('permission-denied');
    expect(signals('Only admins may update this')).toContain('permission-denied');
  });
});

describe('phrasings found by the thirtieth blind set', () => {
  it.each([
    ['ALREADY_IMPORTING', 'state-conflict'],
    ['A sync is already running', 'state-conflict'],
    ['Payment already pending', 'state-conflict'],
  ] as const)('%j is %s', (text, signal) => {
    expect(signals(text)).toContain(signal);
  });

  it('reads no state in "already" before a word that only ends like a verb', () => {
    expect(signals('There is already nothing to do')).not.toContain('state-conflict');
    expect(signals('already having trouble')).not.toContain('state-conflict');
  });
});

describe('a success that reports a change', () => {
  it.each(['Record has been updated successfully', 'The league has started', 'Settings were changed'])('does not read %j as a conflict', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('state-conflict');
  });
});

describe('a hosted service named as a thing, not as where the work went', () => {
  it.each(['Failed to create task from GitHub issue', 'Failed to fetch user from database', 'Failed to load settings from disk'])('does not read %j as an upstream failure', (text) => {
    expect(classifyText(text).matches.map((match) => match.signal)).not.toContain('upstream-failure');
  });
});
