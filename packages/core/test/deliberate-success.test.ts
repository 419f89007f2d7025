// When a 2xx that carries a failure is the protocol or the product (measured on real code and descriptions, issue 11).
import { describe, expect, it } from 'vitest';
import { noErrorBodyOnSuccess } from '../src/rules/index.js';
import { codeFact, objectBody, specFact, upstream } from './facts-for-tests.js';

const check = (fact: Parameters<typeof noErrorBodyOnSuccess.check>[0]) => noErrorBodyOnSuccess.check(fact, { reportPartialSuccess: false });
const errorBody = objectBody({ error: { required: true, value: { kind: 'literal', value: 'invalid signature' } } });
const okFalse = objectBody({ ok: { required: true, value: { kind: 'literal', value: false } } });

describe('a 2xx with a failure in it that is not a lie', () => {
  it('a webhook receiver acknowledges a delivery it cannot use, named by its route or file, or said so in a comment', () => {
    const unusable = objectBody({ error: { required: true, value: { kind: 'literal', value: 'Customer not found' } } });
    expect(check(codeFact(200, { body: unusable, context: { operations: ['POST /webhooks/stripe'] } }))).toBeUndefined();
    expect(check(codeFact(200, { body: unusable, context: { file: 'app/api/webhook/route.ts', operations: ['POST'] } }))).toBeUndefined();
    expect(check(codeFact(200, { body: errorBody, context: { notes: ['return 200 so that Stripe does not retry the event'] } }))).toBeUndefined();
    // Not when it refused the sender's credentials ("invalid signature"), nor when its own work failed and was caught:
    // the 2xx tells a forger it got through, and loses a delivery a 5xx would have had retried.
    expect(check(codeFact(200, { body: errorBody, context: { operations: ['POST /webhooks/stripe'] } }))?.suggestedStatus).toBe(401);
    expect(check(codeFact(200, { body: unusable, upstream: upstream(['db.order.update']), context: { operations: ['POST /webhooks/stripe'], inErrorHandler: true } }))).toBeDefined();
    // A retry said of callers, not of a sender, is no acknowledgement; an OAuth callback is no webhook.
    expect(check(codeFact(200, { body: errorBody, context: { notes: ['not a state callers should retry'] } }))).toBeDefined();
    expect(check(codeFact(200, { body: errorBody, context: { operations: ['GET /auth/oauth/callback'] } }))).toBeDefined();
  });

  it('a stream: a described route named for one, or a streaming media type; in code a response sent whole is no stream', () => {
    const failed = objectBody({ success: { required: true, value: { kind: 'literal', value: false } }, error: { required: true, value: { kind: 'literal', value: 'No active sandbox found' } } });
    expect(check(codeFact(200, { body: failed, context: { file: 'app/api/apply-ai-code-stream/route.ts', operations: ['POST'] } }))).toBeDefined();
    expect(check(codeFact(200, { body: { ...failed, mediaType: 'text/event-stream' }, context: { operations: ['POST'] } }))).toBeUndefined();
  });

  it("a test of a connection to a service (`testRadarr` asking its client) answers how it went; a `testUpdate` that asks no client does not", () => {
    const nok = objectBody({ status: { required: true, value: { kind: 'literal', value: 'NOK' } }, message: { required: true, value: { kind: 'literal', value: 'Failure' } } });
    expect(check(codeFact(200, { body: nok, upstream: upstream(['this.servarr.getRadarrApiClient', 'apiClient.info']), context: { operations: ['testRadarr'], inErrorHandler: true } }))).toBeUndefined();
    expect(check(codeFact(200, { body: nok, upstream: upstream(['this.repo.update']), context: { operations: ['testUpdate'], inErrorHandler: true } }))).toBeDefined();
    expect(check(codeFact(200, { body: nok, upstream: upstream(['this.servarr.getRadarrApiClient', 'apiClient.info']), context: { operations: ['addRadarrSetting'], inErrorHandler: true } }))).toBeDefined();
  });

  it('a connection test answers whether it connected; the shapes a called function returns answer with a flag each has', () => {
    const notOwner = objectBody({ connection: { required: true, value: { kind: 'literal', value: false } }, error: { required: true, value: { kind: 'literal', value: 'You are not the owner of this server' } } });
    expect(check(codeFact(200, { body: notOwner, context: { operations: ['GET /test_plex'] } }))).toBeUndefined();
    const refused = objectBody({ canSend: { required: true, value: { kind: 'literal', value: false } }, error: { required: true, value: { kind: 'literal', value: 'Daily limit reached' } } });
    const allowed = objectBody({ canSend: { required: true, value: { kind: 'literal', value: true } } });
    expect(check(codeFact(200, { body: { kind: 'unknown', alternatives: [refused, allowed] } }))).toBeUndefined();
    // A flag only some shapes have says nothing of the others.
    const failed = objectBody({ error: { required: true, value: { kind: 'literal', value: 'Daily limit reached' } } });
    expect(check(codeFact(200, { body: { kind: 'unknown', alternatives: [failed, allowed] } }))).toBeDefined();
  });

  it('best-effort work whose author says a failure must not fail the caller', () => {
    const failed = objectBody({ success: { required: true, value: { kind: 'literal', value: false } } });
    for (const note of ["Don't throw the error: a failed report must not affect the main flow", '不抛出错误，因为上报失败不应影响主流程', 'best-effort telemetry']) {
      expect(check(codeFact(200, { body: failed, context: { notes: [note], inErrorHandler: true } })), note).toBeUndefined();
    }
    // Said of a refused caller rather than of the work's own failure, the comment excuses nothing.
    expect(check(codeFact(200, { body: failed, context: { notes: ['fire-and-forget from onboarding: missing auth is a no-op'] } }))).toBeDefined();
    // A comment about something else leaves the finding.
    expect(check(codeFact(200, { body: failed, context: { notes: ['update the task status'], inErrorHandler: true } }))).toBeDefined();
  });

  it('protocol envelopes and streams', () => {
    expect(check(codeFact(200, { body: objectBody({ jsonrpc: { required: true, value: { kind: 'literal', value: '2.0' } }, error: { required: true, value: { kind: 'object' } } }) }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body: { ...errorBody, mediaType: 'text/event-stream' } }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body: errorBody, context: { operations: ['GET /2/tweets/compliance/stream'] } }))).toBeUndefined();
    expect(check(specFact(200, 'OK', { body: errorBody, context: { operations: ['POST /graphql'] } }))).toBeUndefined();
  });

  it('a verdict that is the product, unless the check itself failed', () => {
    expect(check(specFact(200, 'Result', { body: okFalse, context: { operations: ['POST /matrix/validation'] } }))).toBeUndefined();
    expect(check(codeFact(200, { body: objectBody({ isValid: { required: true, value: { kind: 'literal', value: false } }, error: { required: true, value: { kind: 'literal', value: 'bad' } } }) }))).toBeUndefined();
    // A failure written on the task its callers poll: the 2xx only ends the call.
    expect(check(codeFact(200, { body: okFalse, context: { inErrorHandler: true, failureRecordedBy: 'ctx.asyncTaskModel.update' } }))).toBeUndefined();
    expect(check(codeFact(200, { body: okFalse, context: { inErrorHandler: true } }))).toBeDefined();
    expect(check(codeFact(200, { body: objectBody({ isAccessible: { required: true, value: { kind: 'literal', value: false } }, error: { required: true, value: { kind: 'literal', value: 'Notion page is private' } } }) }))).toBeUndefined();
    expect(check(codeFact(200, { body: okFalse, context: { operations: ['POST /test-send'], inErrorHandler: true }, upstream: upstream(['sendgrid.send']) }))?.suggestedStatus).toBe(502);
    // A handler named for a validity check (`exp.checkValid`) whose catch answers "Invalid": the verdict it was asked for.
    const invalid = { kind: 'text' as const, text: 'Invalid' };
    expect(check(codeFact(200, { body: invalid, context: { operations: ['checkValid'], inErrorHandler: true } }))).toBeUndefined();
    expect(check(codeFact(200, { body: invalid, context: { operations: ['checkout'], inErrorHandler: true } }))).toBeDefined();
    // `POST /verify` whose try only throws its own checks: the catch answers the verdict; one that called a service did not.
    const failMessage = objectBody({ status: { required: true, value: { kind: 'literal', value: 'Fail' } }, message: { required: true, value: { kind: 'error-value' } } });
    expect(check(codeFact(200, { body: failMessage, context: { operations: ['POST /verify'], inErrorHandler: true }, upstream: upstream(['res.send']) }))).toBeUndefined();
    expect(check(codeFact(200, { body: failMessage, context: { operations: ['POST /verify'], inErrorHandler: true }, upstream: upstream(['res.send', 'mailer.verify']) }))).toBeDefined();
    // A connection test reports whether the connection works; a test that sends something and fails is still a failure.
    expect(check(codeFact(200, { body: okFalse, context: { operations: ['testHttpProxy'], inErrorHandler: true } }))).toBeUndefined();
    expect(check(codeFact(200, { body: okFalse, context: { operations: ['testUpdate'], inErrorHandler: true } }))).toBeDefined();
    // A webhook receiver named in camel case (`chat21WebHook.js`) acknowledges what it cannot use.
    expect(check(codeFact(200, { body: objectBody({ error: { required: true, value: { kind: 'literal', value: 'Customer not found' } } }), context: { file: 'channels/chat21/chat21WebHook.js', operations: ['POST'] } }))).toBeUndefined();
  });

  it('a 202 whose job is not done yet, and a success message that names what it removed', () => {
    expect(check(specFact(202, 'Report not generated yet, try again later', { body: objectBody({}, { schemaName: 'ErrorResponse' }) }))).toBeUndefined();
    expect(check(codeFact(200, { body: objectBody({ message: { required: true, value: { kind: 'literal', value: 'Link has been deleted successfully.' } } }) }))).toBeUndefined();
  });

  it('an error example on a typed success schema is the example\u2019s mistake, unless the description admits the failure', () => {
    const typed = objectBody({ id: { required: true, value: { kind: 'typed', type: 'string' } } }, { examples: [errorBody] });
    expect(check(specFact(200, 'Success', { body: typed }))).toBeUndefined();
    expect(check(specFact(200, 'Result. Errors are also returned with HTTP 200, see example.', { body: typed }))).toBeDefined();
  });
});

describe('what the finding suggests', () => {
  it('the status the words name, the failed call, the caught exception, or none', () => {
    expect(check(codeFact(200, { body: objectBody({ error: { required: true, value: { kind: 'literal', value: 'User not found' } } }) }))?.suggestedStatus).toBe(404);
    expect(check(codeFact(200, { body: okFalse, upstream: upstream(['axios.post']), context: { inErrorHandler: true } }))?.message).toContain('Use 502 (`axios.post(...)` failed;');
    expect(check(codeFact(200, { body: { kind: 'caught-error' }, context: { inErrorHandler: true } }))?.suggestedStatus).toBe(500);
    const unnamed = check(codeFact(200, { body: okFalse }));
    expect(unnamed?.suggestedStatus).toBeUndefined();
    expect(unnamed?.fix).toBeUndefined();
    expect(unnamed?.message).toContain('Nothing names the failure');
  });
});
