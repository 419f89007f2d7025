// What the error constructors of the frameworks mean: NestJS exception classes, Boom helpers, http-errors names.

/** NestJS built-in exceptions (`@nestjs/common`), by class name. */
export const nestExceptionStatuses: Readonly<Record<string, number>> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  NotAcceptableException: 406,
  RequestTimeoutException: 408,
  ConflictException: 409,
  GoneException: 410,
  PreconditionFailedException: 412,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  ImATeapotException: 418,
  MisdirectedException: 421,
  UnprocessableEntityException: 422,
  InternalServerErrorException: 500,
  NotImplementedException: 501,
  BadGatewayException: 502,
  ServiceUnavailableException: 503,
  GatewayTimeoutException: 504,
  HttpVersionNotSupportedException: 505,
};

/** The NestJS class whose arguments take an explicit status: `new HttpException(body, status)`. */
export const nestGenericException = { className: 'HttpException', bodyArgument: 0, statusArgument: 1 } as const;

/** Boom helpers (`@hapi/boom`), by method name. */
export const boomMethodStatuses: Readonly<Record<string, number>> = {
  badRequest: 400,
  unauthorized: 401,
  paymentRequired: 402,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  notAcceptable: 406,
  proxyAuthRequired: 407,
  clientTimeout: 408,
  conflict: 409,
  resourceGone: 410,
  lengthRequired: 411,
  preconditionFailed: 412,
  entityTooLarge: 413,
  uriTooLong: 414,
  unsupportedMediaType: 415,
  rangeNotSatisfiable: 416,
  expectationFailed: 417,
  teapot: 418,
  badData: 422,
  locked: 423,
  failedDependency: 424,
  tooEarly: 425,
  preconditionRequired: 428,
  tooManyRequests: 429,
  illegal: 451,
  internal: 500,
  badImplementation: 500,
  notImplemented: 501,
  badGateway: 502,
  serverUnavailable: 503,
  gatewayTimeout: 504,
};

/** The Boom method preferred when suggesting a status (`badImplementation` and `internal` both mean 500). */
export const boomMethodForStatus: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(boomMethodStatuses)
    .filter(([name]) => name !== 'badImplementation')
    .map(([name, status]) => [status, name]),
);

/** http-errors constructor names (`createError.Unauthorized`), also the names of `@fastify/sensible` in camel case. */
export const httpErrorNameStatuses: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  PaymentRequired: 402,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  ProxyAuthenticationRequired: 407,
  RequestTimeout: 408,
  Conflict: 409,
  Gone: 410,
  LengthRequired: 411,
  PreconditionFailed: 412,
  PayloadTooLarge: 413,
  URITooLong: 414,
  UnsupportedMediaType: 415,
  RangeNotSatisfiable: 416,
  ExpectationFailed: 417,
  ImATeapot: 418,
  MisdirectedRequest: 421,
  UnprocessableEntity: 422,
  Locked: 423,
  FailedDependency: 424,
  TooEarly: 425,
  UpgradeRequired: 426,
  PreconditionRequired: 428,
  TooManyRequests: 429,
  RequestHeaderFieldsTooLarge: 431,
  UnavailableForLegalReasons: 451,
  InternalServerError: 500,
  NotImplemented: 501,
  BadGateway: 502,
  ServiceUnavailable: 503,
  GatewayTimeout: 504,
  HTTPVersionNotSupported: 505,
  VariantAlsoNegotiates: 506,
  InsufficientStorage: 507,
  LoopDetected: 508,
  BandwidthLimitExceeded: 509,
  NotExtended: 510,
  NetworkAuthenticationRequired: 511,
};

/**
 * Packages whose error classes are named for their status: `createError.Unauthorized` of http-errors,
 * `ForbiddenError` and `E404` of egg-errors (Egg.js), `NotFoundError` of routing-controllers and restify-errors,
 * `BadRequest` of @tsed/exceptions.
 */
export const statusNamedErrorModules: readonly string[] = ['http-errors', 'egg-errors', 'egg/errors', '@eggjs/errors', 'routing-controllers', 'restify-errors', '@tsed/exceptions', 'ts-httpexceptions'];

/** The status an error class of those packages names: `E404`, `NotFoundError`, `BadRequest`, `InternalServerErrorException`. */
export function statusOfErrorClassName(name: string): number | undefined {
  const numbered = /^E([45]\d\d)$/.exec(name);
  if (numbered) return Number(numbered[1]);
  if (Object.hasOwn(httpErrorNameStatuses, name)) return httpErrorNameStatuses[name];
  const bare = name.replace(/(?:Error|Exception)$/, '');
  return bare !== name && Object.hasOwn(httpErrorNameStatuses, bare) ? httpErrorNameStatuses[bare] : undefined;
}

/** `@fastify/sensible`: `reply.unauthorized()`, `fastify.httpErrors.tooManyRequests()`. */
export const sensibleMethodStatuses: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(httpErrorNameStatuses).map(([name, status]) => [
    name === 'URITooLong' ? 'uriTooLong' : name === 'HTTPVersionNotSupported' ? 'httpVersionNotSupported' : name === 'ImATeapot' ? 'imateapot' : name.charAt(0).toLowerCase() + name.slice(1),
    status,
  ]),
);

/**
 * Methods an application or a framework adds to the response, named for the status they send: `res.badRequest(msg)`,
 * `res.forbidden()`, `res.notFound()` (Sails.js, express response helpers, apps that decorate `res` in a middleware),
 * `res.serverError()`, `res.ratelimited()`. `res.ok()` is left out: it names no failure.
 */
export const statusNamedResponseMethods: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(sensibleMethodStatuses).filter(([, status]) => status >= 400)),
  serverError: 500,
  ratelimited: 429,
  rateLimited: 429,
};

/** Invert a name table: the first name for each status. */
export function nameForStatus(table: Readonly<Record<string, number>>, status: number): string | undefined {
  return Object.keys(table).find((name) => table[name] === status);
}

/** Built-in JavaScript errors: never an HTTP response on their own. */
export const builtInErrorClasses: readonly string[] = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'DOMException'];

/** The names code gives the error a `catch` or an error handler is handed: `err`, `error`, `e`. */
export const CAUGHT_ERROR_NAME = /^(?:e|err|error|ex|exception)$/;
