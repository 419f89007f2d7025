// Body-shape classification: does a response body say the operation succeeded, failed, or partly failed?
import type { BodyProperty, BodyShape, Scalar, ValueShape } from './facts.js';
import { reasonPhraseStatus } from './knowledge/reason-phrases.js';

export type BodyVerdict = 'error' | 'partial' | 'success' | 'unknown';

export interface BodyClassification {
  readonly verdict: BodyVerdict;
  /** What made the verdict, for messages: "property `error`", "schema `ErrorResponse`". */
  readonly evidence?: string;
  /** Words the body carries (error messages, codes, titles) that may point to the right status. */
  readonly words: readonly string[];
  /** The HTTP error status the body itself names (`{ status: 405, body: 'Method Not Allowed' }`). */
  readonly namedStatus?: number;
}

const ERROR_PROPERTIES = new Set(['error', 'err', 'errormessage', 'errorcode', 'errordescription', 'errordetail', 'errordetails', 'fault', 'exception', 'errorinfo', 'errortype', 'errmsg', 'errorcodes']);
const FAILURE_VALUES = new Set(['error', 'fail', 'failed', 'failure', 'errored', 'ko', 'nok', 'not ok', 'exception', 'fault']);
const FLAG_PROPERTIES = new Set(['success', 'ok', 'succeeded', 'successful', 'issuccess', 'is_success']);
const STATUS_PROPERTIES = new Set(['status', 'result', 'outcome', 'state', 'kind']);
/** Properties that carry real data beside an `errors` list: a partial success, not a failure. */
const DATA_PROPERTIES = new Set(['data', 'result', 'results', 'items', 'records', 'rows', 'succeeded', 'successes', 'successful', 'processed', 'created', 'updated', 'accepted', 'imported', 'entries', 'values', 'payload', 'response', 'content', 'hits', 'nodes', 'edges', 'objects', 'resources', 'responses', 'operations', 'body', 'value', 'output', 'summary']);
// Also a form's own message beside its fields' (`{ general: 'Owner already exists' }`, Django's `non_field_errors`).
const MESSAGE_PROPERTIES = new Set(['message', 'msg', 'detail', 'details', 'title', 'description', 'reason', 'code', 'error', 'errormessage', 'errordescription', 'error_description', 'type', 'status', 'response', 'statusmessage', 'statustext', 'hint', 'general', 'nonfielderrors', 'formerror', 'globalerror']);
const ERROR_NAME_WORDS = new Set(['error', 'errors', 'problem', 'fault', 'exception']);
const ERROR_NAME_SUFFIXES = new Set(['response', 'result', 'model', 'body', 'dto', 'details', 'detail', 'object', 'payload', 'message', 'info', 'schema', 'envelope', 'wrapper', 'data', 'json', 'representation', 'content', 'resource', 'type']);

/** Properties an error envelope carries beside its error: anything else is data of a resource. */
const ENVELOPE_PROPERTIES = new Set(['message', 'msg', 'code', 'details', 'detail', 'status', 'statuscode', 'timestamp', 'time', 'path', 'type', 'title', 'instance', 'requestid', 'traceid', 'correlationid', 'documentationurl', 'docs', 'help', 'hint', 'reason', 'description', 'meta', 'links', 'errors', 'success', 'ok', 'data', 'result', 'httpstatus', 'method', 'url', 'uri', 'level', 'severity', 'info', 'context', 'target', 'innererror', 'fields', 'field', 'violations', 'retryable', 'retryafter', 'locale']);

/** A text that marks itself as an error, as a command line does: `ERROR: Command not read-only`, `Error: no such key`. */
const ERROR_MARKED = /^\s*(?:ERROR|Error|ERR|FATAL|FAILED|Failed)\s*:\s*\S/;

const PROBLEM_PROPERTIES = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors', 'invalidparams', 'traceid', 'code']);

/** A body with several data properties is a resource that may hold an `error` field (a failed build), not an error. */
function looksLikeResource(properties: readonly BodyProperty[]): boolean {
  const dataProperties = properties.filter((property) => {
    const key = keyOf(property.name);
    return !ENVELOPE_PROPERTIES.has(key) && !ERROR_PROPERTIES.has(key);
  });
  return dataProperties.length >= 3;
}

const OPERATION_VERBS = new Set(['describe', 'get', 'list', 'create', 'update', 'delete', 'put', 'batch', 'bulk', 'search', 'query', 'fetch', 'retrieve', 'read', 'find', 'count', 'export', 'import', 'evaluate', 'send', 'publish', 'associate', 'disassociate', 'register', 'deregister', 'add', 'remove', 'set']);

/**
 * `BatchGetItemsResponse`, `UpdatePermissionsOutput`: an operation's own output, whose `errors` list reports the
 * items it could not process (partial success), not a failure of the whole call.
 */
function isOperationOutput(schemaName: string | undefined): boolean {
  if (!schemaName) return false;
  const words = nameWords(schemaName);
  return words.length > 1 && OPERATION_VERBS.has(words[0]) && ['response', 'output', 'result'].includes(words[words.length - 1]);
}

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Property names repeat across a description's thousands of bodies: each is normalized once. */
const keys = new Map<string, string>();

function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.toLowerCase().replace(/[-_\s]/g, '');
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}

/** Schema names such as `Error`, `ErrorResponse`, `ApiError`, `basic-error`, `ProblemDetails`; not `ErrorEvent`. */
export function isErrorSchemaName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  // `DescribeProblemResponse`, `ListErrorsOutput`: an operation's output named after a resource.
  if (OPERATION_VERBS.has(words[0])) return false;
  const last = words[words.length - 1];
  // `WorkflowTransitionRulesUpdateErrors`: the errors of an operation on many items, listed in its answer.
  if (last === 'errors' && words.slice(0, -1).some((word) => OPERATION_VERBS.has(word))) return false;
  if (ERROR_NAME_WORDS.has(last)) return true;
  const firstErrorIndex = words.findIndex((word) => ERROR_NAME_WORDS.has(word));
  if (firstErrorIndex < 0) return false;
  return words.slice(firstErrorIndex + 1).every((word) => ERROR_NAME_SUFFIXES.has(word) || ERROR_NAME_WORDS.has(word));
}

function isTruthyPresent(value: ValueShape, required: boolean): boolean {
  switch (value.kind) {
    case 'literal':
      return Boolean(value.value);
    case 'enum':
      return required && value.values.length > 0 && value.values.every(Boolean);
    case 'error-value':
    case 'object':
      return required;
    case 'array':
      return value.nonEmpty === true || (required && value.empty !== true && value.nonEmpty !== false);
    case 'typed':
      return required && value.type !== 'boolean' && value.type !== 'null' && value.type !== 'integer' && value.type !== 'number';
    case 'unknown':
      return required;
  }
}

function valuesOf(value: ValueShape): readonly Scalar[] | undefined {
  if (value.kind === 'literal') return [value.value];
  if (value.kind === 'enum') return value.values;
  return undefined;
}

function isFalseOnly(value: ValueShape): boolean {
  const values = valuesOf(value);
  return values !== undefined && values.length > 0 && values.every((item) => item === false || item === 'false');
}

/** An outcome code that names a failure: `INVALID_TOTP_CODE`, `PENDING_LOGIN_EXPIRED`, `ACCESS_DENIED`. */
const FAILURE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const FAILURE_CODE_WORD = /(?:^|_)(?:INVALID|EXPIRED|DENIED|FAILED|FAILURE|ERROR|NOT_FOUND|UNAUTHORIZED|FORBIDDEN|REJECTED|INCORRECT|WRONG)(?:_|$)/;

function isFailureOnly(value: ValueShape): boolean {
  // A single code written in the answer (`{ status: 'INVALID_TOTP_CODE' }`), never one of a schema's enum.
  if (value.kind === 'literal' && typeof value.value === 'string' && FAILURE_CODE.test(value.value) && FAILURE_CODE_WORD.test(value.value)) return true;
  const values = valuesOf(value);
  return values !== undefined && values.length > 0 && values.every((item) => typeof item === 'string' && FAILURE_VALUES.has(item.toLowerCase()));
}

/** Lists whose items are messages: `errors: ['urls must be an array']`, `messages: [{ message: '...' }]`. */
const MESSAGE_LIST_PROPERTIES = new Set(['errors', 'messages', 'details', 'issues', 'problems', 'violations', 'reasons', 'warnings']);

function wordsOfValue(value: ValueShape, depth: number): string[] {
  // An enum lists every code the schema allows, not what this response says: only single values count.
  if (value.kind === 'literal' && typeof value.value === 'string') return [value.value];
  if (value.kind === 'object' && value.shape) return wordsOf(value.shape);
  if (value.kind === 'array' && depth < 2) return (value.items ?? []).flatMap((item) => wordsOfValue(item, depth + 1));
  return [];
}

/** The texts a form's errors give its fields: each field's message, or its list of messages. */
function fieldMessages(shape: BodyShape | undefined): string[] {
  return (shape?.properties ?? []).flatMap((field) => (field.value.kind === 'literal' && typeof field.value.value === 'string' ? [field.value.value] : field.value.kind === 'array' ? wordsOfValue(field.value, 1) : []));
}

function wordsOf(shape: BodyShape): string[] {
  const words: string[] = [];
  if (shape.text) words.push(shape.text);
  if (shape.title) words.push(shape.title);
  for (const property of shape.properties ?? []) {
    const key = keyOf(property.name);
    if (MESSAGE_PROPERTIES.has(key) || ERROR_PROPERTIES.has(key) || (MESSAGE_LIST_PROPERTIES.has(key) && property.value.kind === 'array')) words.push(...wordsOfValue(property.value, 0));
    // `errors: { email: 'A user already exists with this email' }`: the messages of a form's fields, by field.
    else if (MESSAGE_LIST_PROPERTIES.has(key) && property.value.kind === 'object') words.push(...fieldMessages(property.value.shape));
  }
  for (const example of shape.examples ?? []) words.push(...wordsOf(example));
  return words;
}

/** Is a body with an `errors` list a partial success (it carries data too)? */
function hasDataBeside(properties: readonly BodyProperty[], errorName: string): boolean {
  return properties.some((property) => {
    if (property.name === errorName) return false;
    const key = keyOf(property.name);
    return DATA_PROPERTIES.has(key) || (!ENVELOPE_PROPERTIES.has(key) && !ERROR_PROPERTIES.has(key) && !FLAG_PROPERTIES.has(key));
  });
}

/** The schema allows this property other values than failures: a failed state is one state of a resource. */
function allowsOtherStates(declared: readonly BodyProperty[] | undefined, name: string): boolean {
  const property = declared?.find((item) => item.name === name);
  const values = property ? valuesOf(property.value) : undefined;
  if (values === undefined) return false;
  // `status: success | fail` (JSend) is an outcome envelope: its failing example is an error sent as a success.
  const outcomesOnly = values.every((value) => typeof value === 'string' && (FAILURE_VALUES.has(value.toLowerCase()) || SUCCESS_VALUES.has(value.toLowerCase())));
  return !outcomesOnly && values.some((value) => !(typeof value === 'string' && FAILURE_VALUES.has(value.toLowerCase())));
}

/** Properties that hold an HTTP status when they hold a number of one. */
const HTTP_STATUS_PROPERTIES = new Set(['status', 'statuscode', 'httpstatus', 'httpcode', 'code']);

function isHttpErrorStatus(value: BodyProperty['value']): boolean {
  return value.kind === 'literal' && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 400 && value.value <= 599;
}

const SUCCESS_VALUES = new Set(['success', 'succeeded', 'successful', 'ok']);

/** The schema declares a flag that may be true or false: an example with `false` shows one answer. */
function declaredAsFlag(declared: readonly BodyProperty[] | undefined, name: string): boolean {
  const property = declared?.find((item) => item.name === name);
  if (!property) return false;
  return !isFalseOnly(property.value);
}

/** Words that say the work was done: "Request reached and fulfilled.", "x toggled to true", "Saved successfully". */
const SAYS_DONE = /\b(?:fulfilled|succeeded|successful(?:ly)?|toggled (?:to|on|off))\b/i;

function classifyObject(
  shape: BodyShape,
  textSaysError: (text: string) => boolean,
  errorsAreResources: boolean,
  declared?: readonly BodyProperty[],
): BodyClassification | undefined {
  const properties = shape.properties ?? [];
  const words = wordsOf(shape);
  for (const property of properties) {
    const key = keyOf(property.name);
    // `ok: false` in one example of a schema whose `ok` may be true, beside real data, is an answer (a test found issues).
    const oneAnswerOfMany = declaredAsFlag(declared, property.name) && hasDataBeside(properties, property.name);
    if (FLAG_PROPERTIES.has(key) && isFalseOnly(property.value) && !oneAnswerOfMany) {
      return { verdict: 'error', evidence: `\`${property.name}: false\``, words };
    }
  }
  // RFC 9457 problem details (`type`, `title`, `status`, `detail`, `instance`) is an error by its shape, whatever its name.
  const names = new Set(properties.map((property) => keyOf(property.name)));
  if (names.has('title') && names.has('detail') && [...names].every((name) => PROBLEM_PROPERTIES.has(name) || ENVELOPE_PROPERTIES.has(name))) {
    return { verdict: 'error', evidence: 'a problem-details shape (`title`, `detail`)', words };
  }
  // `{ status: 405, body: 'Method Not Allowed' }`, `{ statusCode: 500, message }`: an HTTP error status written into
  // an envelope sent as a success (a Remix action's plain object, a result copied into a 200).
  const envelopeOnly = properties.every((property) => ENVELOPE_PROPERTIES.has(keyOf(property.name)) || ERROR_PROPERTIES.has(keyOf(property.name)) || keyOf(property.name) === 'body');
  const statusProperty = envelopeOnly ? properties.find((property) => HTTP_STATUS_PROPERTIES.has(keyOf(property.name)) && isHttpErrorStatus(property.value)) : undefined;
  // Alone too (`res.send({ status: 500 })` in a `catch`): a status the code writes out as a number says what happened.
  if (statusProperty) {
    const namedStatus = (statusProperty.value as { value: number }).value;
    return { verdict: 'error', evidence: `\`${statusProperty.name}: ${namedStatus}\``, words, namedStatus };
  }
  // `{ status: 'Unauthorized', message, data: null }`: the reason phrase of an error status written into the envelope.
  const phraseProperty = envelopeOnly ? properties.find((property) => STATUS_PROPERTIES.has(keyOf(property.name)) && property.value.kind === 'literal' && typeof property.value.value === 'string' && !FAILURE_VALUES.has(property.value.value.toLowerCase()) && reasonPhraseStatus(property.value.value) !== undefined) : undefined;
  if (phraseProperty && properties.length > 1) {
    const phrase = (phraseProperty.value as { value: string }).value;
    return { verdict: 'error', evidence: `\`${phraseProperty.name}: ${JSON.stringify(phrase)}\``, words, namedStatus: reasonPhraseStatus(phrase) };
  }
  // A job, build or analysis resource may hold `status: "failed"` or an `error` field as its own data.
  if (errorsAreResources || looksLikeResource(properties)) return undefined;
  // `{ status: 'ok', data: { error_code: 'INVALID_ACCESS_TOKEN', error_type, reason } }`: the data it answers with is
  // only an error, whatever the envelope says.
  for (const property of properties) {
    if (!DATA_PROPERTIES.has(keyOf(property.name)) || property.value.kind !== 'object') continue;
    const shape = property.value.shape;
    const inner = shape?.kind === 'object' ? (shape.properties ?? []) : [];
    const error = inner.find((item) => ERROR_PROPERTIES.has(keyOf(item.name)) && isTruthyPresent(item.value, item.required));
    if (error && inner.every((item) => ERROR_PROPERTIES.has(keyOf(item.name)) || ENVELOPE_PROPERTIES.has(keyOf(item.name)))) {
      return { verdict: 'error', evidence: `\`${property.name}.${error.name}\``, words };
    }
  }
  for (const property of properties) {
    const key = keyOf(property.name);
    if (STATUS_PROPERTIES.has(key) && isFailureOnly(property.value) && !allowsOtherStates(declared, property.name)) {
      const values = valuesOf(property.value) ?? [];
      return { verdict: 'error', evidence: `\`${property.name}: ${JSON.stringify(values.length === 1 ? values[0] : values)}\``, words };
    }
  }
  for (const property of properties) {
    const key = keyOf(property.name);
    // An example with an `error` the schema makes optional shows one state of a resource (a failed delivery).
    if (declared?.some((item) => item.name === property.name && !item.required)) continue;
    if (ERROR_PROPERTIES.has(key) && isTruthyPresent(property.value, property.required)) {
      if (property.value.kind === 'typed' && property.value.type === 'boolean') continue;
      // `{ error: 'Request reached and fulfilled.' }`: a field named for errors that says the work was done.
      const said = property.value.kind === 'literal' && typeof property.value.value === 'string' ? property.value.value : undefined;
      if (said !== undefined && SAYS_DONE.test(said) && !textSaysError(said)) continue;
      if (hasDataBeside(properties, property.name) && !property.required) {
        return { verdict: 'partial', evidence: `property \`${property.name}\` beside data`, words };
      }
      return { verdict: 'error', evidence: `property \`${property.name}\``, words };
    }
    if (key === 'errors') {
      const value = property.value;
      if (value.kind === 'typed' && (value.type === 'integer' || value.type === 'number')) continue;
      if (value.kind === 'literal' && typeof value.value === 'number') continue;
      if (value.kind === 'array' && value.empty) continue;
      // `errors: { exposure: null, image: null }`: a form's errors by field, every one of them empty.
      const fields = value.kind === 'object' ? (value.shape?.properties ?? []) : [];
      if (fields.length > 0 && fields.every((field) => field.value.kind === 'literal' && (field.value.value === null || field.value.value === false || field.value.value === ''))) continue;
      const present = value.kind === 'array' ? value.nonEmpty === true || property.required : isTruthyPresent(value, property.required);
      if (!present) {
        if (hasDataBeside(properties, property.name)) return { verdict: 'partial', evidence: 'optional `errors` beside data', words };
        continue;
      }
      if (hasDataBeside(properties, property.name) || isOperationOutput(shape.schemaName)) return { verdict: 'partial', evidence: '`errors` beside data', words };
      return { verdict: 'error', evidence: 'property `errors`', words };
    }
  }
  // A message-only object whose words are an error: `{ message: "User not found" }` sent as a success.
  // Beside data (`{ nameAvailable: false, message: "already in use" }`) the message is part of an answer.
  if (properties.some((property) => !ENVELOPE_PROPERTIES.has(keyOf(property.name)) && !ERROR_PROPERTIES.has(keyOf(property.name)))) return undefined;
  const messageTexts = properties
    .filter((property) => ['message', 'msg', 'detail'].includes(keyOf(property.name)))
    .flatMap((property) => (valuesOf(property.value) ?? []).filter((value): value is string => typeof value === 'string'));
  const saying = messageTexts.find(textSaysError);
  if (saying !== undefined) return { verdict: 'error', evidence: `message "${saying}"`, words };
  // `{ data: 'ERROR: Command not read-only' }`: the only thing the answer carries is a text marked as an error.
  const marked = properties
    .filter((property) => ['data', 'result', 'output', 'response'].includes(keyOf(property.name)))
    .flatMap((property) => (valuesOf(property.value) ?? []).filter((value): value is string => typeof value === 'string'))
    .find((value) => ERROR_MARKED.test(value));
  if (marked !== undefined) return { verdict: 'error', evidence: `text "${marked}"`, words };
  // `{ message: error.message }`: the only thing said is what was caught.
  const caught = properties.find((property) => ['message', 'msg', 'detail'].includes(keyOf(property.name)) && property.value.kind === 'error-value');
  if (caught) return { verdict: 'error', evidence: `\`${caught.name}\` from the caught error`, words };
  return undefined;
}

/**
 * Classify a body. `textSaysError` is the classifier's judgement of a text (passed in so that this module
 * stays free of vocabulary details); `nameMayBeResource` is true where the API's own business is errors
 * (an `ErrorEvent` store), so a schema name alone proves nothing.
 */
export function classifyBody(
  shape: BodyShape,
  textSaysError: (text: string) => boolean,
  nameMayBeResource = false,
  declared?: readonly BodyProperty[],
): BodyClassification {
  const words = wordsOf(shape);
  if (shape.kind === 'caught-error') return { verdict: 'error', evidence: 'the caught error', words };
  if (shape.errorStatus) {
    const { status, callee } = shape.errorStatus;
    // `return new BadRequestException(msg)`: an exception handed back as a value instead of thrown.
    const evidence = callee.startsWith('new ') ? `\`${callee}(...)\`, returned instead of thrown` : `the error status ${status} handed to \`${callee}(...)\``;
    return { verdict: 'error', evidence, words };
  }
  if (shape.mediaType && /^application\/problem\+(?:json|xml)\b/i.test(shape.mediaType)) {
    return { verdict: 'error', evidence: `media type \`${shape.mediaType}\``, words };
  }
  if (shape.kind === 'text' && shape.text !== undefined && textSaysError(shape.text)) {
    return { verdict: 'error', evidence: `text "${shape.text}"`, words };
  }
  if (shape.kind === 'object') {
    const objectVerdict = classifyObject(shape, textSaysError, nameMayBeResource, declared);
    if (objectVerdict) {
      const named = shape.schemaName && objectVerdict.evidence ? `schema \`${shape.schemaName}\` with ${objectVerdict.evidence}` : objectVerdict.evidence;
      return { ...objectVerdict, evidence: named };
    }
  }
  if (shape.schemaName && !nameMayBeResource && isErrorSchemaName(shape.schemaName)) {
    // `allOf: [PickupList, error_response_body]`: the data is there, and the error part's `errors` list reports beside it.
    if (hasDataBeside(shape.properties ?? [], 'errors') && (shape.properties ?? []).some((property) => keyOf(property.name) === 'errors')) return { verdict: 'partial', evidence: '`errors` beside data', words };
    return { verdict: 'error', evidence: `schema \`${shape.schemaName}\``, words };
  }
  let partial: BodyClassification | undefined;
  for (const alternative of shape.alternatives ?? []) {
    const verdict = classifyBody(alternative, textSaysError, nameMayBeResource);
    if (verdict.verdict === 'error') {
      return { verdict: 'error', evidence: `one of its shapes has ${verdict.evidence}`, words: [...words, ...verdict.words] };
    }
    if (verdict.verdict === 'partial') partial ??= verdict;
  }
  for (const example of shape.examples ?? []) {
    const verdict = classifyBody(example, textSaysError, nameMayBeResource, shape.properties);
    if (verdict.verdict === 'error') {
      return { verdict: 'error', evidence: `its example has ${verdict.evidence}`, words: [...words, ...verdict.words] };
    }
  }
  if (partial) return partial;
  return { verdict: shape.kind === 'unknown' ? 'unknown' : 'success', words };
}

/** Turn a JSON value (a spec example, a literal body) into a body shape. */
export function bodyShapeFromValue(value: unknown, depth = 0): BodyShape {
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (Array.isArray(value)) return { kind: 'array' };
  if (value === null || typeof value !== 'object' || depth > 4) return { kind: 'unknown' };
  const properties: BodyProperty[] = Object.entries(value as Record<string, unknown>).map(([name, item]) => ({
    name,
    required: true,
    value: valueShapeFromValue(item, depth + 1),
  }));
  return { kind: 'object', properties };
}

function valueShapeFromValue(value: unknown, depth: number): ValueShape {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'literal', value };
  }
  if (Array.isArray(value)) {
    const items = depth <= 4 ? value.slice(0, 20).map((item) => valueShapeFromValue(item, depth + 1)) : undefined;
    return { kind: 'array', empty: value.length === 0, nonEmpty: value.length > 0, items };
  }
  if (typeof value === 'object') return { kind: 'object', shape: bodyShapeFromValue(value, depth) };
  return { kind: 'unknown' };
}
