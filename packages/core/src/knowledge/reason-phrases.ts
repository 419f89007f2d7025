// HTTP reason phrases of error statuses: a success response described by one of them is mislabelled.
const ERROR_REASON_PHRASES: Readonly<Record<string, number>> = {
  'bad request': 400,
  unauthorized: 401,
  unauthorised: 401,
  'payment required': 402,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  'not acceptable': 406,
  'request timeout': 408,
  conflict: 409,
  gone: 410,
  'precondition failed': 412,
  'payload too large': 413,
  'unsupported media type': 415,
  'unprocessable entity': 422,
  'unprocessable content': 422,
  'too many requests': 429,
  'internal server error': 500,
  'server error': 500,
  'not implemented': 501,
  'bad gateway': 502,
  'service unavailable': 503,
  'gateway timeout': 504,
  error: 500,
  'unexpected error': 500,
  'an error occurred': 500,
  'validation error': 400,
  'invalid input': 400,
  'invalid request': 400,
  'resource not found': 404,
  'access denied': 403,
  'permission denied': 403,
  'authentication failed': 401,
  'authentication required': 401,
};

/** The error status a whole description names ("Not Found.", "**Unauthorized**", "404 Not Found"), if any. */
export function reasonPhraseStatus(description: string): number | undefined {
  const bare = description
    .toLowerCase()
    .replace(/[*_`"'.:!\s-]+/g, ' ')
    .trim();
  const numbered = /^([45]\d\d)(?: [a-z ]+)?$/.exec(bare);
  if (numbered) return Number(numbered[1]);
  return ERROR_REASON_PHRASES[bare];
}
