// RPC frameworks name errors by code; their HTTP transports answer each code with a fixed status. These tables are
// the frameworks' own (tRPC's getHTTPStatusCodeFromError, the Connect protocol's code-to-HTTP mapping).
import { httpErrorNameStatuses } from './exception-classes.js';

/** The codes tRPC and oRPC both name after HTTP statuses, with those statuses. */
const HTTP_NAMED_CODES: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** tRPC `TRPCError({ code })` (`@trpc/server`). */
export const trpcCodeStatuses: Readonly<Record<string, number>> = { ...HTTP_NAMED_CODES, PARSE_ERROR: 400, PAYMENT_REQUIRED: 402 };

/** oRPC `new ORPCError(code, { message, status })` (`@orpc/server`): its common error definitions. A code it does not
 * define answers 500 unless `status` says otherwise. */
export const orpcCodeStatuses: Readonly<Record<string, number>> = { ...HTTP_NAMED_CODES, NOT_ACCEPTABLE: 406 };

/** ConnectRPC / gRPC `Code` enum members (`@connectrpc/connect`, `Code.AlreadyExists`), over the Connect protocol. */
export const connectCodeStatuses: Readonly<Record<string, number>> = {
  Canceled: 499,
  Unknown: 500,
  InvalidArgument: 400,
  DeadlineExceeded: 504,
  NotFound: 404,
  AlreadyExists: 409,
  PermissionDenied: 403,
  ResourceExhausted: 429,
  FailedPrecondition: 400,
  Aborted: 409,
  OutOfRange: 400,
  Unimplemented: 501,
  Internal: 500,
  Unavailable: 503,
  DataLoss: 500,
  Unauthenticated: 401,
};

/**
 * Statuses named in upper snake case (`BAD_REQUEST`, `TOO_MANY_REQUESTS`), as better-call's `APIError` takes them
 * (better-auth's `throw new APIError('UNAUTHORIZED', { message })`).
 */
export const snakeCaseStatusNames: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(httpErrorNameStatuses).map(([name, status]) => [name.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toUpperCase(), status]),
);

export const rpcErrorClasses = [
  { className: 'TRPCError', modules: ['@trpc/server'], codeProperty: 'code', table: trpcCodeStatuses },
  { className: 'ORPCError', modules: ['@orpc/server', '@orpc/client', '@orpc/contract'], codeArgument: 0, table: orpcCodeStatuses },
  { className: 'ConnectError', modules: ['@connectrpc/connect', '@bufbuild/connect'], codeArgument: 1, table: connectCodeStatuses },
  { className: 'APIError', modules: ['better-call', 'better-auth/api', 'better-auth', '@better-auth/core/error'], codeArgument: 0, table: snakeCaseStatusNames },
] as const;

/**
 * Functions of a package that make an error from an options object, its status in a property (`statusCode`, or
 * `status` where the package takes both) and a default when none is given: h3's `createError({ statusCode: 401,
 * statusMessage })`, which Nuxt and Nitro also import for the server's files without an `import`.
 */
export const statusPropertyFactories: readonly { readonly name: string; readonly modules: readonly string[]; readonly statusProperty: string; readonly otherwise: number; readonly autoImported?: boolean }[] = [
  { name: 'createError', modules: ['h3', '#imports', '#app', 'nuxt/app', 'nitropack/runtime'], statusProperty: 'statusCode', otherwise: 500, autoImported: true },
  // Structured errors of logging libraries, thrown as h3's are: `createError({ message, status: 429, why, fix })`.
  { name: 'createError', modules: ['evlog'], statusProperty: 'status', otherwise: 500 },
  { name: 'createStructuredError', modules: ['autotel'], statusProperty: 'status', otherwise: 500 },
];

/** The factory a framework imports for the server's files without an `import` (h3's `createError` in Nuxt), by its name. */
export function autoImportedFactory(name: string): (typeof statusPropertyFactories)[number] | undefined {
  return statusPropertyFactories.find((known) => known.autoImported && known.name === name);
}

/** Framework exception classes whose constructor takes the status as an argument: an app class extending one passes it in `super(...)`. */
export const statusArgumentClasses: readonly { readonly className: string; readonly modules: readonly string[]; readonly statusArgument: number; readonly otherwise?: number }[] = [
  { className: 'HttpException', modules: ['@nestjs/common'], statusArgument: 1 },
  { className: 'HTTPException', modules: ['hono/http-exception', 'hono'], statusArgument: 0 },
  { className: 'HttpError', modules: ['http-errors', 'routing-controllers'], statusArgument: 0 },
  // lambert-server (Spacebar, Fosscord): `new HTTPError(message, code = 400)`.
  { className: 'HTTPError', modules: ['lambert-server'], statusArgument: 1, otherwise: 400 },
  // api-problem (RFC 7807 problem details): `new Problem(403, { detail: 'You cannot remove yourself' })`, the module's
  // default export (the whole module when required); the error handler sends it (`err.send(res)`) with its status.
  { className: 'default', modules: ['api-problem'], statusArgument: 0 },
  { className: '*', modules: ['api-problem'], statusArgument: 0 },
];
