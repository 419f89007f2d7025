// Can a file answer a request at all? Read from its text before it is walked: a throw of something other than a
// built-in error, a call on a response or context (`.status(`, `.json(`, `.code(`), a status written as a number
// (`quickError(401, ...)`, `status: 400`), the response or context handed to a helper (`sendError(res, ...)`),
// `Response`/`NextResponse`, framework errors, route decorators and NestJS services (whose failures a controller hands on), a plain `Error` thrown beside a call to another service, calls named as an answer (`unauthorized(...)`,
// `handleApiError(...)`), tRPC resolvers (`.mutation(async ...)`) and h3 event handlers (`defineEventHandler(...)`): what they return is answered with 200, a rate limiter that answers itself (`express-rate-limit`), returned calls named so (`return deny()`), result objects that say they failed (`{ success: false }`, `error:`, `status: 'NOK'`) passport's sign-in routes (`passport.authenticate`), and the `load`, `actions`, `loader` and `action` exports of SvelteKit's and Remix's route modules, whose returns are the page's data. Shared by the ESLint
// rules (a file without any of them is not analyzed) and the project scanner (it is not parsed).

const MAY_RESPOND =
  /\bthrow\s+(?:new\s+(?!(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|AggregateError)\b)\w|(?!new\b)\w)|\.(?:status|code|sendStatus|json|send|writeHead|throw|redirect|text|html|body|response)\s*\(|\bstatus(?:Code)?\s*[:=]\s*(?:\d{3}|HttpStatus|StatusCodes|httpStatus)|\bnew\s+Response\b|\bResponse\.json\b|\bNextResponse\b|\bTRPCError\b|\bBoom\b|\bHttpStatus\b|[\w$]Exception\b|@(?:Get|Post|Put|Patch|Delete|All|Controller|Injectable)\b|\bctx\.(?:status|body)\s*=|[(,]\s*[45]\d\d\s*[,)]|\b(?:res|reply|ctx|c)\s*[,)]|\b(?:unauthorized|forbidden|badRequest|notFound|conflict|tooManyRequests|serverError|internalError)\s*\(|\b(?:success|ok)\s*:\s*false\b|\.(?:query|mutation)\(\s*async\b|\b(?:define|cached)(?:Cached)?EventHandler\s*\(|['"]express-rate-limit['"]|\berror\s*:\s*(?:['`"]|[\w.]+\.message\b|true\b)|\bstatus\s*:\s*['"](?:NOK|KO|error|fail|failed|failure)['"]|\bpassport\.authenticate\b|\bexport\s+(?:const|let|(?:async\s+)?function)\s+(?:load|actions|loader|action)\b/;

/** A returned call (`return deny()`, `=> quickError(...)`): its own name (the last part of a member path) is read as the model reads names. */
const RETURNED_CALL = /(?:\breturn|=>)\s*(?:await\s+)?([\w.$]+)\s*\(/g;

/**
 * Names of calls that speak of an answer (`unauthorized()`, `quickError()`, `responses.tooManyRequests()`,
 * `handleApiError()`): the application model reads a returned call in another file only when its name is one.
 */
export const ANSWER_NAME = /error|exception|fail|deny|denied|forbid|unauthori|unauthen|reject|respon|reply|send|problem|invalid|conflict|not_?found|bad_?request|too_?many|limit|http|status|abort|quick|json|result|refus|gone|exists|duplicate|unprocessable|(?:^|\.)(?:ok|err|created|accepted|noContent|badGateway|unavailable|timeout)$/i;

/** A call of a name that ends in an answer (`ValidationError(`, `sendFailure(`, `jsonResponse(`), not a built-in error. */
const ANSWER_SUFFIX_CALL = /[\w$](?:Error|Failure|Fail|Denied|Response|Reply|Problem)\s*\(/g;
const BUILT_IN_ERROR = /(?:^|[^\w$])(?:Type|Range|Syntax|Reference|Aggregate|URI|Eval|DOM)$/;

function callsAnswerNamed(text: string): boolean {
  ANSWER_SUFFIX_CALL.lastIndex = 0;
  for (let match = ANSWER_SUFFIX_CALL.exec(text); match; match = ANSWER_SUFFIX_CALL.exec(text)) {
    // `TypeError(`: the letter before "Error" ends a built-in's name.
    if (match[0].slice(1).startsWith('Error') && BUILT_IN_ERROR.test(text.slice(Math.max(0, match.index - 10), match.index + 1))) continue;
    return true;
  }
  return false;
}

/** `if (!res.ok) throw new Error(...)` after a call to another service: the framework answers it with 500. */
const PLAIN_ERROR = /\bthrow\s+new\s+Error\b/;
const HTTP_CALL = /\bfetch\s*\(|\baxios\b|\.ok\b/;

/** Decided once per text: every rule of a lint asks it of the same file. */
const decided = new Map<string, boolean>();

export function mayRespond(text: string): boolean {
  const known = decided.get(text);
  if (known !== undefined) return known;
  let verdict = MAY_RESPOND.test(text) || callsAnswerNamed(text) || (PLAIN_ERROR.test(text) && HTTP_CALL.test(text));
  if (!verdict) for (const match of text.matchAll(RETURNED_CALL)) if (ANSWER_NAME.test(match[1].slice(match[1].lastIndexOf('.') + 1))) { verdict = true; break; }
  // Only the last few texts: the rules of one file ask one after another.
  if (decided.size >= 8) decided.delete(decided.keys().next().value as string);
  decided.set(text, verdict);
  return verdict;
}
