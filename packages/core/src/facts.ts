// The facts model: plain readonly data about one HTTP response, produced by a front end (code or spec).

/** Where a fact came from. Rules may word messages differently, but decide the same way. */
export type FactOrigin = 'code' | 'spec';

/** A piece of human text attached to a response: a spec description, a message string in code. */
export interface TextEvidence {
  readonly source: 'description' | 'summary' | 'message' | 'example' | 'title' | 'body' | 'schema';
  readonly text: string;
}

/** A scalar a property can hold. */
export type Scalar = string | number | boolean | null;

/** What is known about the value of one body property. */
export type ValueShape =
  /** A literal value written in code, or a single `const` / one-value `enum` in a schema. */
  | { readonly kind: 'literal'; readonly value: Scalar }
  /** A schema `enum` of several values. */
  | { readonly kind: 'enum'; readonly values: readonly Scalar[] }
  /**
   * An array; `empty` when it is known to be empty (`[]`), `nonEmpty` when known to hold items; `items` the
   * shapes of the items written out (`['urls must be an array']`, an example's list), when known.
   */
  | { readonly kind: 'array'; readonly empty?: boolean; readonly nonEmpty?: boolean; readonly items?: readonly ValueShape[] }
  /** A nested object. */
  | { readonly kind: 'object'; readonly shape?: BodyShape }
  /** A caught error, or a property of one (`err`, `e.message`). */
  | { readonly kind: 'error-value' }
  /** Only the JSON type is known (schemas, typed code). */
  | { readonly kind: 'typed'; readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' }
  | { readonly kind: 'unknown' };

export interface BodyProperty {
  readonly name: string;
  readonly value: ValueShape;
  /** Code: the property is always present. Spec: listed in `required`. */
  readonly required: boolean;
}

/** The shape of a response body, normalized from an object literal in code or a schema in a spec. */
export interface BodyShape {
  readonly kind: 'object' | 'text' | 'caught-error' | 'array' | 'unknown';
  readonly properties?: readonly BodyProperty[];
  /** A text body: a string literal or the static parts of a template. */
  readonly text?: string;
  /** Spec: the name of the `$ref`'d schema (`ErrorResponse`); code: the class or type name when known. */
  readonly schemaName?: string;
  readonly title?: string;
  /** Spec: the media type (`application/problem+json`). */
  readonly mediaType?: string;
  /** The body is one of these (spec `oneOf` / `anyOf`, code branches). */
  readonly alternatives?: readonly BodyShape[];
  /** Example payloads, already turned into shapes. */
  readonly examples?: readonly BodyShape[];
  /**
   * Code: the body is built by a call handed an error status and a message, which cannot be followed
   * (`yapi.commons.resReturn(null, 400, 'id is required')`, `R.fail(500, e.message)`): the status it names, and the call.
   */
  readonly errorStatus?: { readonly status: number; readonly callee: string };
  /** Code: the body is `null` or `false`: it says nothing of what happened. */
  readonly nothing?: boolean;
}

/** Headers known to be sent with (code) or declared on (spec) the response. */
export interface HeaderEvidence {
  /** Header names, as written (case is not normalized). */
  readonly names: readonly string[];
  /** False when some headers could not be known (a spread, a variable, a middleware we cannot see). */
  readonly complete: boolean;
}

/** A condition in code under which the response is sent, normalized by the front end. */
export interface GuardEvidence {
  /** The condition's source text, for messages: `req.user.role !== "admin"`. */
  readonly text: string;
  /** Member paths it reads, dotted: `req.user.role`, `post.authorId`. */
  readonly members: readonly string[];
  /** Callees it calls: `can`, `user.permissions.includes`. */
  readonly callees: readonly string[];
  /**
   * Bindings it tests that hold the result of a call, with that callee: `existing` <- `db.user.findUnique`. `keys` are
   * the member paths the call was handed, where it has any: `input.email` in `users.findOne({ email: input.email })`.
   */
  readonly lookups: readonly {
    readonly binding: string;
    readonly callee: string;
    readonly keys?: readonly string[];
    /** The lookup is made only when this holds (`invitationId ? await find(invitationId) : null`): its absence alone says nothing. */
    readonly onlyIf?: string;
  }[];
  /** True when the condition is negated at its top (`!x`, `x === null`): the response is sent when the thing is absent. */
  readonly negated: boolean;
  /** The condition holds because an earlier `if (...) return` did not fire: a precondition of the path, not its trigger. */
  readonly afterEarlyExit?: boolean;
  /** That earlier exit threw (`if (payload.type !== ACCESS) throw ...`): a check that passed, not why this response is sent. */
  readonly afterFailedCheck?: boolean;
  /**
   * Members that appear only as arguments of calls in the condition (`req.user` in `!can(req.user, 'delete', doc)`):
   * handed to a check, not tested themselves. A subset of `members`.
   */
  readonly passedMembers?: readonly string[];
  /** Strings the condition compares with, also in the values of the names it tests: `admin` in `user.type !== 'admin'`. */
  readonly comparedStrings?: readonly string[];
  /**
   * The condition stands around the whole `try` (or promise chain) whose failure handler sends this response
   * (`if (relevantEvents.has(event.type)) { try { ... } catch { return 400 } }`): it decides whether the work runs,
   * not which failure is answered.
   */
  readonly aroundFailedWork?: boolean;
  /**
   * Names it tests that hold an entry of a table written in the code, read by a key (`template` of `const template =
   * templates[templateName]`): what is not there is a key the table does not know, no record looked up.
   */
  readonly tableEntries?: readonly string[];
}

/** Code: the response is sent after a call to another service failed. */
export interface UpstreamEvidence {
  /** Callees called in the `try` block or the promise chain: `fetch`, `axios.get`, `stripe.charges.create`. */
  readonly callees: readonly string[];
  /** `unhandled`: a call to another service in a route handler that nothing catches; the framework answers its failure. */
  readonly via: 'catch' | 'promise-catch' | 'not-ok-branch' | 'unhandled';
  /** Identifiers and strings tested on the path to this response: `ETIMEDOUT`, `AbortError`, `ECONNREFUSED`. */
  readonly errorMarkers: readonly string[];
  /**
   * The package each callee comes from, when the front end knows it from the imports: `stripe.charges.create`
   * -> `stripe` (a client made with `new Stripe()` from 'stripe'), `s3.send` -> `@aws-sdk/client-s3`.
   */
  readonly calleeModules?: Readonly<Record<string, string>>;
  /**
   * Markers tested anywhere in the failure handler (the whole `catch`, `.catch()` or `'error'` callback), not only
   * on the path to this response: a handler that tells `ECONNABORTED` or `isAxiosError` apart handles network
   * failures, so what its `try` called went over the network.
   */
  readonly handledMarkers?: readonly string[];
  /**
   * The same failure handler answers another of its paths with 502, 503 or 504 (`{ status: missingKey ? 500 : 502 }`,
   * `if (isTimeout(err)) return res.status(504)...`): the failures of the other service were told apart, and what is
   * answered 500 is what is left.
   */
  readonly answersUpstreamApart?: boolean;
  /**
   * Callees read inside a function the code calls rather than called where the failure is handled, with that call:
   * `getStripe().billingPortal.sessions.create` -> `createStripePortalSession`.
   */
  readonly reachedThrough?: Readonly<Record<string, string>>;
  /**
   * For `unhandled`: the library that hands the call's failure to the framework's error middleware, and how the call is
   * written: passport's `authenticate('github')` passes a failed request to the identity provider to `next(err)`.
   */
  readonly handedOnBy?: { readonly library: string; readonly call: string };
  /**
   * For `unhandled` in a function of the application rather than a handler: the file of the route handler (or NestJS
   * controller) that awaits it outside any `try` (`src/pods/pod.controller.ts`), which hands the failure on to the framework.
   */
  readonly awaitedIn?: string;
  /**
   * For `catch`: the `try` does one thing, a call handed only the request's data as it came (`get_job(req.body)`,
   * `getSecureMergedParams(req.query, req.body)`): what fails there is most likely what the client sent.
   */
  readonly readsRequestOnly?: boolean;
}

/** Where the response sits: used for messages and for rules that weigh siblings. */
export interface ResponseContext {
  /** `POST /users`, or the handler name in code. */
  readonly operations?: readonly string[];
  /** Statuses declared beside this one on the same operation (spec) as written: `403`, `4XX`. */
  readonly siblingStatuses?: readonly string[];
  /** Code: the response is sent in a `catch` clause or an error handler. */
  readonly inErrorHandler?: boolean;
  /**
   * Sent by the application's global error handler (Express error middleware, a NestJS exception filter, an
   * `onError` hook): it answers every error that reaches it, whatever the route.
   */
  readonly globalErrorHandler?: boolean;
  /** Code: the status is another service's, forwarded (`{ status: response.status }` after `fetch(...)`): the call. */
  readonly forwardedFrom?: string;
  /** Code: the response is an error the code makes (`throw new HttpException(msg, 202)`, `new ApiError(200, msg)`). */
  readonly raisedError?: boolean;
  /** Code: the calls the handler is wrapped in, innermost first (`withQstashOrInternal`, `withError`). */
  readonly wrappedBy?: readonly string[];
  /** Code: the status is a fallback for errors that carry none (`error.status || 500`). */
  readonly statusFallback?: boolean;
  /** Code: the status is implicit (Express `res.json(x)` sends 200). */
  readonly implicitStatus?: boolean;
  /** The framework or spec version that produced it: `express`, `openapi-3.1`. */
  readonly producer?: string;
  /** Code: the caller was authenticated before this code runs (a `protectedProcedure`): what authenticated it. */
  readonly callerAuthenticatedBy?: string;
  /**
   * Code: the author's comments just above the response, in the same function ("return 200 so that Stripe does not
   * retry"). Read only for why a status was chosen, never as the response's own words.
   */
  readonly notes?: readonly string[];
  /** Code: the file the response is sent from, relative to the project (Next.js route files name the route). */
  readonly file?: string;
  /**
   * Code: the `catch` this response is sent from first writes the failure on a record its callers read (a task or
   * job: `ctx.asyncTaskModel.update(taskId, { status: 'error', error })`): the call that records it.
   */
  readonly failureRecordedBy?: string;
}

/** One response, as the rules see it. */
export interface ResponseFact {
  readonly origin: FactOrigin;
  /** The concrete status (`401`), or undefined for a range key or `default`. */
  readonly status?: number;
  /** The status class 1-5, also known for range keys (`4XX` -> 4); undefined for `default`. */
  readonly statusClass?: number;
  /** The status as written: `401`, `4XX`, `default`, `StatusCodes.UNAUTHORIZED`. */
  readonly statusText: string;
  readonly texts: readonly TextEvidence[];
  readonly body?: BodyShape;
  readonly headers?: HeaderEvidence;
  readonly guards?: readonly GuardEvidence[];
  readonly upstream?: UpstreamEvidence;
  readonly context?: ResponseContext;
  /** Code: the status is decided away from the call (an app helper, error class or code table), and where. */
  readonly statusOrigin?: StatusOrigin;
}

/** Where a status sent through the application's own helper or error class is decided. */
export interface StatusOrigin {
  /** `unauthorized()`, `new ValidationError()`, `AppErrorCode.UNAUTHORIZED`. */
  readonly callee: string;
  /** How it decides it: `its class field`, `its super(...) call`, `a table of codes`. */
  readonly how?: string;
  /** Relative path and line of the definition. */
  readonly file: string;
  readonly line: number;
}

export type Severity = 'off' | 'warn' | 'error';

/** A change the front end can offer. */
export type SuggestedFix =
  | { readonly kind: 'replace-status'; readonly status: number }
  | { readonly kind: 'add-header'; readonly header: string };

/** What a rule found on one fact. Location-free: the front end maps it back to code or spec. */
export interface Finding {
  readonly ruleId: string;
  /** Stable id of the message template, for ESLint `messageId`. */
  readonly messageId: string;
  /** The full message, naming its evidence. */
  readonly message: string;
  /** The text or code that triggered the finding. */
  readonly evidence: string;
  readonly suggestedStatus?: number;
  readonly fix?: SuggestedFix;
  /** Where on the response the finding points; front ends default to the status. */
  readonly target?: 'status' | 'body' | 'headers';
}
