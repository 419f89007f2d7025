// Named status constants of the common packages (`StatusCodes.FORBIDDEN`, `HttpStatus.FORBIDDEN`, `httpStatus.FORBIDDEN`), as data.

/** Upper-snake names shared by http-status-codes, NestJS `HttpStatus` and the `http-status` package. */
const SHARED_NAMES: Readonly<Record<string, number>> = {
  CONTINUE: 100,
  SWITCHING_PROTOCOLS: 101,
  PROCESSING: 102,
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NON_AUTHORITATIVE_INFORMATION: 203,
  NO_CONTENT: 204,
  RESET_CONTENT: 205,
  PARTIAL_CONTENT: 206,
  MULTI_STATUS: 207,
  MOVED_PERMANENTLY: 301,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECONDITION_FAILED: 412,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUESTED_RANGE_NOT_SATISFIABLE: 416,
  EXPECTATION_FAILED: 417,
  UNPROCESSABLE_ENTITY: 422,
  LOCKED: 423,
  FAILED_DEPENDENCY: 424,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  HTTP_VERSION_NOT_SUPPORTED: 505,
  INSUFFICIENT_STORAGE: 507,
};

export type StatusConstantSourceId = 'http-status-codes' | 'nestjs' | 'http-status' | 'axios' | 'http2';

/** A package that exports status constants, and how code reaches them. */
export interface StatusConstantSource {
  readonly id: StatusConstantSourceId;
  /** Module specifiers it is imported from. */
  readonly modules: readonly string[];
  /** The named export that holds the constants (`StatusCodes`); `default` for a default export or the module object itself. */
  readonly exportNames: readonly string[];
  /** Also readable as named exports of the module itself (http-status-codes 1.x: `import { FORBIDDEN }`). */
  readonly namedConstants: boolean;
  readonly names: Readonly<Record<string, number>>;
}

const HTTP_STATUS_CODES_NAMES: Readonly<Record<string, number>> = {
  ...SHARED_NAMES,
  EARLY_HINTS: 103,
  MOVED_TEMPORARILY: 302,
  MULTIPLE_CHOICES: 300,
  USE_PROXY: 305,
  REQUEST_TOO_LONG: 413,
  REQUEST_URI_TOO_LONG: 414,
  IM_A_TEAPOT: 418,
  INSUFFICIENT_SPACE_ON_RESOURCE: 419,
  METHOD_FAILURE: 420,
  MISDIRECTED_REQUEST: 421,
  UPGRADE_REQUIRED: 426,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451,
  NETWORK_AUTHENTICATION_REQUIRED: 511,
};

const NEST_NAMES: Readonly<Record<string, number>> = {
  ...SHARED_NAMES,
  EARLYHINTS: 103,
  ALREADY_REPORTED: 208,
  CONTENT_DIFFERENT: 210,
  AMBIGUOUS: 300,
  FOUND: 302,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  I_AM_A_TEAPOT: 418,
  MISDIRECTED: 421,
  UNRECOVERABLE_ERROR: 456,
  LOOP_DETECTED: 508,
};

const HTTP_STATUS_NAMES: Readonly<Record<string, number>> = {
  ...SHARED_NAMES,
  EARLY_HINTS: 103,
  MULTIPLE_CHOICES: 300,
  FOUND: 302,
  USE_PROXY: 305,
  REQUEST_ENTITY_TOO_LARGE: 413,
  REQUEST_URI_TOO_LONG: 414,
  IM_A_TEAPOT: 418,
  MISDIRECTED_REQUEST: 421,
  TOO_EARLY: 425,
  UPGRADE_REQUIRED: 426,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451,
  VARIANT_ALSO_NEGOTIATES: 506,
  LOOP_DETECTED: 508,
  NOT_EXTENDED: 510,
  NETWORK_AUTHENTICATION_REQUIRED: 511,
};

function pascal(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** axios's `HttpStatusCode` enum: `HttpStatusCode.Forbidden`. */
const AXIOS_NAMES: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(SHARED_NAMES).map(([name, status]) => [pascal(name), status])),
  Ok: 200,
  PayloadTooLarge: 413,
  UriTooLong: 414,
  ImATeapot: 418,
  TooEarly: 425,
};

/** node:http2 `constants.HTTP_STATUS_FORBIDDEN`. */
const HTTP2_NAMES: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries({ ...SHARED_NAMES, PAYLOAD_TOO_LARGE: 413, URI_TOO_LONG: 414, TEAPOT: 418 }).map(([name, status]) => [`HTTP_STATUS_${name}`, status]),
);

export const statusConstantSources: readonly StatusConstantSource[] = [
  { id: 'http-status-codes', modules: ['http-status-codes'], exportNames: ['StatusCodes'], namedConstants: true, names: HTTP_STATUS_CODES_NAMES },
  { id: 'nestjs', modules: ['@nestjs/common'], exportNames: ['HttpStatus'], namedConstants: false, names: NEST_NAMES },
  { id: 'http-status', modules: ['http-status'], exportNames: ['default', 'status'], namedConstants: false, names: HTTP_STATUS_NAMES },
  { id: 'axios', modules: ['axios'], exportNames: ['HttpStatusCode'], namedConstants: false, names: AXIOS_NAMES },
  { id: 'http2', modules: ['http2', 'node:http2'], exportNames: ['constants'], namedConstants: false, names: HTTP2_NAMES },
];

export function findStatusConstantSource(id: StatusConstantSourceId): StatusConstantSource | undefined {
  return statusConstantSources.find((source) => source.id === id);
}

/** The status a constant name means in a package, if it is one of its constants. */
export function statusOfConstant(id: StatusConstantSourceId, name: string): number | undefined {
  const names = findStatusConstantSource(id)?.names;
  return names && Object.prototype.hasOwnProperty.call(names, name) ? names[name] : undefined;
}

/** The constant name a package uses for a status (`FORBIDDEN` for 403), preferring the shared name. */
export function constantNameOfStatus(id: StatusConstantSourceId, status: number): string | undefined {
  const names = findStatusConstantSource(id)?.names;
  if (!names) return undefined;
  if (id === 'axios') {
    const shared = Object.keys(SHARED_NAMES).find((name) => SHARED_NAMES[name] === status);
    if (shared && names[pascal(shared)] === status) return pascal(shared);
  }
  return Object.keys(names).find((name) => names[name] === status);
}

/** Short names packages of status constants also use (`statusCodes.internalError`, `HTTP.unprocessable`). */
const SHORT_NAMES: Readonly<Record<string, number>> = { internalerror: 500, servererror: 500, unprocessable: 422, unauthorised: 401, toomany: 429, ratelimited: 429, unavailable: 503, timeout: 504 };

const BY_REASON_NAME: ReadonlyMap<string, number> = new Map([
  ...Object.entries(SHARED_NAMES).map(([name, status]): [string, number] => [name.toLowerCase().replace(/_/g, ''), status]),
  ['payloadtoolarge', 413],
  ['unprocessablecontent', 422],
  ...Object.entries(SHORT_NAMES),
]);

/**
 * The status a member of a constants object names by its reason phrase, in any casing (`statusCodes.internalError`,
 * `HTTP_STATUS.NOT_FOUND`, `Status.badRequest`): for the tables of packages this project does not know by name.
 */
export function statusOfReasonName(name: string): number | undefined {
  return BY_REASON_NAME.get(name.toLowerCase().replace(/[_-]/g, ''));
}
