// Summaries of the application's own response producers: functions that return or throw an HTTP error or send a
// response, and error classes. A summary says where the status comes from (a constant, an argument, a property of
// an argument, or a code looked up in a table), so that each call site can be judged like a direct send.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { handledCodesOf, handledStatusOf } from './error-handlers.js';
import { frameworkModules, nestExceptionStatuses, remixResponseFunctions, rpcErrorClasses, sensibleMethodStatuses, statusArgumentClasses, statusNamedErrorModules, statusOfErrorClassName, statusPropertyFactories, svelteKitModules } from '@status-lint/core';
import { resolveStatus } from '../resolve/status.js';
import { isFunction, keyName, memberPath, objectProperty, parameterIdentifier, propertyName, rootIdentifier, staticText, unwrap, type FunctionNode } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { returnedValues } from '../resolve/returns.js';
import { definitionOf, exportOf, type ClassNode, type Definition } from './definitions.js';
import type { SourceFile } from './source-files.js';
import { isHeldResponse, isMethodReceiver } from './response-methods.js';
import { relative } from 'node:path';
import { lineOf } from '../positions.js';
import { isH3Function } from '../frameworks/h3.js';

/** Which argument (and which property of it) a value comes from. */
export interface ArgumentRef {
  readonly index: number;
  readonly property?: string;
  /** A part of a code written as one string: `const [type] = errorCode.split(':')` reads `bad_request` of `'bad_request:database'`. */
  readonly part?: { readonly separator: string; readonly index: number };
}

export type StatusSource =
  | { readonly kind: 'constant'; readonly status: number }
  | { readonly kind: 'argument'; readonly ref: ArgumentRef; readonly otherwise?: number }
  | { readonly kind: 'table'; readonly ref: ArgumentRef; readonly table: ReadonlyMap<string, number>; readonly otherwise?: number };

export interface Producer {
  readonly status: StatusSource;
  /** `unauthorized()`, `new ValidationError()`; how (a class field, super, a table) and where. */
  readonly callee: string;
  readonly how?: string;
  readonly file: string;
  readonly line: number;
  /** It sends through a response object it is handed (a statement on its own is a send), or returns/throws. */
  readonly sendsItself: boolean;
  /** Header names it sets on the response (`Retry-After`), and whether it hands the response on where we cannot see. */
  readonly headers: readonly string[];
  /** Headers it sets only when the caller passes this argument (`problem(429, msg, retryAfter?)`). */
  readonly headerArguments?: readonly { readonly name: string; readonly index: number }[];
  /** A function that writes no header but those in `headers` (its code sets none any other way). */
  readonly headersSeen?: boolean;
  /** The object literal it sends as the body (`c.json({ status: 'error', error: code, message }, 200)`), read per call. */
  readonly body?: { readonly file: SourceFile; readonly fn: FunctionNode; readonly node: TSESTree.ObjectExpression };
  /** Words every error it makes carries, fixed where it was made (`createErrorFactory({ message: 'Already a member.' })`). */
  readonly texts?: readonly string[];
  /** What it answers is an error it makes (an error class, a framework's error factory), whatever status it is given. */
  readonly makesError?: boolean;
  /** It throws what it answers (`throwCliError(code, msg)`, a function whose every answer is a `throw`). */
  readonly throwsItself?: boolean;
  /** The argument it sends as the body (`sanitizedSend(res, body)` doing `res.send(sanitizeNumbers(body))`). */
  readonly bodyArgument?: number;
}

const MAX_DEPTH = 5;

/** The name of an error class, or of the class it extends. */
const ERROR_NAME = /(?:Error|Exception|Problem|Fault|Failure)$/;

/**
 * An answer returned as an object for the route to send, `{ status, body }` and at most its `headers` (bull-board's
 * handlers, ts-rest, a Lambda's `{ statusCode, body }`): its status, body and the headers it names.
 */
function answerObject(object: TSESTree.ObjectExpression): { status: TSESTree.Node; body: TSESTree.Node; headers: string[] } | undefined {
  const keys = object.properties.map((item) => (item.type === AST_NODE_TYPES.Property ? keyName(item) : undefined));
  if (keys.some((key) => key === undefined || !/^(?:status|statusCode|body|headers)$/.test(key))) return undefined;
  const status = objectProperty(object, 'status') ?? objectProperty(object, 'statusCode');
  const body = objectProperty(object, 'body');
  if (!status || !body) return undefined;
  return { status: status.value, body: body.value, headers: headerNamesIn(object) };
}

/** The `headers` property of an object and its value when that is an object literal (`{ status, headers: { ... } }`). */
function headersObject(object: TSESTree.ObjectExpression | undefined): { property: TSESTree.Property; value: TSESTree.ObjectExpression } | undefined {
  const property = object ? objectProperty(object, 'headers') : undefined;
  const value = property ? unwrap(property.value) : undefined;
  return property && value?.type === AST_NODE_TYPES.ObjectExpression ? { property, value } : undefined;
}

/** The `headers: { ... }` of a response's options when it is written out whole (no spread, no computed name): every header it sets is read. */
function literalHeaders(object: TSESTree.ObjectExpression | undefined): TSESTree.Property | undefined {
  const headers = headersObject(object);
  return headers?.value.properties.every((item) => item.type === AST_NODE_TYPES.Property && !item.computed && keyName(item) !== undefined) ? headers.property : undefined;
}

/** The names of the headers an object lists under `headers` (`{ status, headers: { 'Retry-After': '60' } }`). */
function headerNamesIn(object: TSESTree.ObjectExpression | undefined): string[] {
  return (headersObject(object)?.value.properties ?? []).flatMap((item) => (item.type === AST_NODE_TYPES.Property && keyName(item) ? [keyName(item)!] : []));
}

/** A function's text with the given nodes blanked out (`offset`: where the text starts in its file). */
function textWithout(text: string, offset: number, nodes: readonly TSESTree.Node[]): string {
  let result = text;
  for (const node of nodes) result = result.slice(0, node.range[0] - offset) + ' '.repeat(node.range[1] - node.range[0]) + result.slice(node.range[1] - offset);
  return result;
}

/** Code that may write a header: a setter, a headers object, a call the response is handed on to. */
const HEADER_WRITE = /\b(?:set|header|setHeader|headers|append|appendHeader|writeHead|Headers|next)\b|\(\s*(?:res|reply|ctx|c|response)\s*[,)]/;
/** Fields that hold an error's kind rather than its status: `this.type = type`. */
const KIND_FIELDS = new Set(['type', 'kind', 'errorType', 'errorCode']);
const STATUS_FIELDS = new Set(['status', 'statusCode', 'httpStatus', 'httpStatusCode', 'httpCode', 'code', 'statuscode', 'status_code']);

/** The field an assignment to `this` writes and its value (`this.status = 409`), if the expression is one. */
function thisFieldAssigned(expression: TSESTree.Expression): { field: string; value: TSESTree.Expression } | undefined {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.MemberExpression || expression.left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const field = propertyName(expression.left);
  return field === undefined ? undefined : { field, value: expression.right };
}

/** Where a value of a function (or constructor) comes from, in terms of its parameters. */
function parameterRef(fn: FunctionNode | undefined, node: TSESTree.Node): (ArgumentRef & { otherwise?: TSESTree.Node }) | undefined {
  if (!fn) return undefined;
  const value = unwrap(node);
  let name: string | undefined;
  let property: string | undefined;
  if (value.type === AST_NODE_TYPES.Identifier) name = value.name;
  else if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed && unwrap(value.object).type === AST_NODE_TYPES.Identifier) {
    name = (unwrap(value.object) as TSESTree.Identifier).name;
    property = propertyName(value);
  }
  if (!name) return thisFieldRef(fn, value);
  for (const [index, raw] of fn.params.entries()) {
    const parameter = raw.type === AST_NODE_TYPES.TSParameterProperty ? raw.parameter : raw;
    const identifier = parameterIdentifier(parameter as TSESTree.Parameter);
    if (identifier?.name === name) return { index, property, otherwise: parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.right : undefined };
    // `({ status, message }) => ...`: a property of the argument.
    const pattern = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    if (pattern.type === AST_NODE_TYPES.ObjectPattern && !property) {
      for (const item of pattern.properties) {
        if (item.type !== AST_NODE_TYPES.Property) continue;
        const local = item.value.type === AST_NODE_TYPES.AssignmentPattern ? item.value.left : item.value;
        if (local.type === AST_NODE_TYPES.Identifier && local.name === name) {
          return { index, property: keyName(item), otherwise: item.value.type === AST_NODE_TYPES.AssignmentPattern ? item.value.right : undefined };
        }
      }
    }
  }
  return property ? undefined : (splitPartRef(fn, name) ?? restPartRef(fn, name));
}

/** `function createAppException(...args) { const [code, payload] = args as [...] }`: a local that is one of the arguments. */
function restPartRef(fn: FunctionNode, name: string): ArgumentRef | undefined {
  const restIndex = fn.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.RestElement);
  const rest = fn.params[restIndex];
  if (rest?.type !== AST_NODE_TYPES.RestElement || rest.argument.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const statement of bodyStatements(fn)) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ArrayPattern || !declarator.init) continue;
      const init = unwrap(declarator.init);
      if (init.type !== AST_NODE_TYPES.Identifier || init.name !== rest.argument.name) continue;
      const part = declarator.id.elements.findIndex((element) => element?.type === AST_NODE_TYPES.Identifier && element.name === name);
      if (part >= 0) return { index: restIndex + part };
    }
  }
  return undefined;
}

/** `const definition = APP_ERROR_DEFINITIONS[code]` in the function: the table entry a local holds. */
function localTableEntry(fn: FunctionNode | undefined, name: string): TSESTree.MemberExpression | undefined {
  const init = localConstValue(fn, name);
  return init?.type === AST_NODE_TYPES.MemberExpression && init.computed ? init : undefined;
}

/** The value a `const` of the function's own body holds (`const status = errorCodeToHttpStatus[code]`). */
function localConstValue(fn: FunctionNode | undefined, name: string): TSESTree.Node | undefined {
  if (!fn) return undefined;
  for (const statement of bodyStatements(fn)) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return unwrap(declarator.init);
    }
  }
  return undefined;
}

/** `super(...args)` in `constructor(...args)`: every argument handed on in place. */
function isRestPassThrough(fn: FunctionNode, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const rest = fn.params[0];
  const spread = args[0];
  return fn.params.length === 1 && args.length === 1 && rest?.type === AST_NODE_TYPES.RestElement && rest.argument.type === AST_NODE_TYPES.Identifier && spread?.type === AST_NODE_TYPES.SpreadElement && spread.argument.type === AST_NODE_TYPES.Identifier && spread.argument.name === rest.argument.name;
}

/** The statements of a function's own body, in order (none for an expression body). */
function bodyStatements(fn: FunctionNode): readonly TSESTree.Statement[] {
  return fn.body?.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
}

/** `const [type, surface] = errorCode.split(':')`: a local that is one part of a parameter written as `type:surface`. */
function splitPartRef(fn: FunctionNode, name: string): ArgumentRef | undefined {
  for (const statement of bodyStatements(fn)) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ArrayPattern || !declarator.init) continue;
      const part = declarator.id.elements.findIndex((element) => element?.type === AST_NODE_TYPES.Identifier && element.name === name);
      const init = unwrap(declarator.init);
      if (part < 0 || init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(init.callee) !== 'split') continue;
      const separator = init.arguments[0];
      if (separator?.type !== AST_NODE_TYPES.Literal || typeof separator.value !== 'string' || separator.value === '') continue;
      const whole = unwrap(init.callee.object);
      const ref = whole.type === AST_NODE_TYPES.Identifier ? parameterRef(fn, whole) : undefined;
      if (ref && !ref.property && !ref.part) return { index: ref.index, part: { separator: separator.value, index: part } };
    }
  }
  return undefined;
}

/** `this.type`, read in the constructor that set it from a parameter (`this.type = type`) before. */
function thisFieldRef(fn: FunctionNode, value: TSESTree.Node): ArgumentRef | undefined {
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || unwrap(value.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const field = propertyName(value);
  for (const statement of bodyStatements(fn)) {
    if (statement.range[0] >= value.range[0]) break;
    const assigned = statement.type === AST_NODE_TYPES.ExpressionStatement ? thisFieldAssigned(statement.expression) : undefined;
    const source = assigned && assigned.field === field ? unwrap(assigned.value) : undefined;
    if (source && source.type !== AST_NODE_TYPES.MemberExpression) return parameterRef(fn, source);
  }
  return undefined;
}

/** `const { code, status = 400 } = typeof input === 'string' ? { code: input } : input; this.status = status`: the default when the first argument does not say. */
function destructuredDefault(file: SourceFile, fn: FunctionNode, node: TSESTree.Node): StatusSource | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.AssignmentPattern) continue;
        const local = property.value.left;
        if (local.type !== AST_NODE_TYPES.Identifier || local.name !== value.name) continue;
        const otherwise = resolveStatus(file.context, property.value.right)?.status;
        const key = keyName(property);
        return otherwise !== undefined && key ? { kind: 'argument', ref: { index: 0, property: key }, otherwise } : undefined;
      }
    }
  }
  return undefined;
}

/** The one top-level object literal of a file whose values are statuses (`errorCodeToHttpStatus`), if there is exactly one. */
function fileStatusTable(file: SourceFile): Map<string, number> | undefined {
  const tables: Map<string, number>[] = [];
  for (const statement of file.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init ? unwrap(declarator.init) : undefined;
      if (init?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const table = statusTable(file, init);
      if (table && table.size >= 2 && [...table.values()].every((status) => status >= 400)) tables.push(table);
    }
  }
  return tables.length === 1 ? tables[0] : undefined;
}

/** Which argument a value of a function is (for readers of what helpers return). */
export function parameterRefOf(fn: FunctionNode, node: TSESTree.Node): ArgumentRef | undefined {
  const ref = parameterRef(fn, node);
  return ref ? { index: ref.index, property: ref.property } : undefined;
}

/** Entries of an object literal (or enum-keyed object) whose values are statuses: `{ NOT_FOUND: 404, [Code.Conflict]: 409 }`. */
function statusTable(file: SourceFile, node: TSESTree.Node): Map<string, number> | undefined {
  const definition = definitionOf(file, node);
  const object = definition?.kind === 'object' ? definition : unwrap(node).type === AST_NODE_TYPES.ObjectExpression ? { file, node: unwrap(node) as TSESTree.ObjectExpression } : undefined;
  if (!object) return undefined;
  const table = new Map<string, number>();
  for (const property of object.node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const resolved = resolveStatus(object.file.context, property.value);
    if (!resolved) continue;
    const key = property.computed ? codeKey(object.file, property.key) : keyName(property);
    if (key !== undefined) table.set(key, resolved.status);
  }
  return table.size > 0 ? table : undefined;
}

/** The key a code is looked up by: its string (`'rate_limit_exceeded'`) or its member name (`AppErrorCode.UNAUTHORIZED`). */
export function codeKey(file: SourceFile, node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) return propertyName(value);
  return staticText(file.context, value);
}

/** `switch (code) { case 'X': return 400; ... }` in a function of one parameter: a table of codes. */
function switchTable(file: SourceFile, fn: FunctionNode, statusOf: (node: TSESTree.Node) => number | undefined): { ref: ArgumentRef; table: Map<string, number>; otherwise?: number } | undefined {
  let found: { ref: ArgumentRef; table: Map<string, number>; otherwise?: number } | undefined;
  walk(file.context, fn.body, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.SwitchStatement || found) return undefined;
    const ref = parameterRef(fn, node.discriminant);
    if (!ref) return undefined;
    const table = new Map<string, number>();
    let otherwise: number | undefined;
    let pending: string[] = [];
    for (const switchCase of node.cases) {
      const key = switchCase.test ? codeKey(file, switchCase.test) : undefined;
      if (key !== undefined) pending.push(key);
      const returned = switchCase.consequent.flatMap((statement) => (statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement])).find((statement) => statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) as TSESTree.ReturnStatement | TSESTree.ThrowStatement | undefined;
      if (!returned?.argument) {
        // `case 'error': response = ...; break;`: a case with statements of its own does not fall through to the next.
        if (switchCase.consequent.length > 0) pending = [];
        continue;
      }
      const status = statusOf(returned.argument);
      if (status !== undefined) {
        for (const item of pending) table.set(item, status);
        if (!switchCase.test) otherwise = status;
      }
      pending = [];
    }
    if (table.size > 0) found = { ref: { index: ref.index, property: ref.property }, table, otherwise };
    return undefined;
  });
  return found;
}

/** Local constants followed in a row (`const statusCode = status || 500`), whatever the depth of the reading. */
const MAX_LOCAL_HOPS = 3;

/** Read an expression of a producer (a status value) as a source in terms of `fn`'s parameters. */
function sourceOfValue(file: SourceFile, fn: FunctionNode | undefined, node: TSESTree.Node, depth: number, hops = 0): StatusSource | undefined {
  const resolved = resolveStatus(file.context, node);
  if (resolved) return { kind: 'constant', status: resolved.status };
  const ref = parameterRef(fn, node);
  if (ref) {
    const otherwise = ref.otherwise ? resolveStatus(file.context, ref.otherwise)?.status : undefined;
    return { kind: 'argument', ref: { index: ref.index, property: ref.property }, otherwise };
  }
  const value = unwrap(node);
  // `httpCode === null ? 400 : httpCode`, `status ?? 500` spelled as a condition: the argument, with a default.
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    for (const [given, fallback] of [[value.alternate, value.consequent], [value.consequent, value.alternate]] as const) {
      const argument = parameterRef(fn, given);
      const otherwise = argument ? resolveStatus(file.context, fallback)?.status : undefined;
      if (argument && otherwise !== undefined) return { kind: 'argument', ref: { index: argument.index, property: argument.property }, otherwise };
    }
  }
  // `statusCode ?? 500`, `status || 400`, `status || cause.status || 500`: the argument, with a default.
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||')) {
    const operands = fallbackChain(value);
    const argument = parameterRef(fn, operands[0]);
    const otherwise = argument ? resolveStatus(file.context, operands[operands.length - 1])?.status : undefined;
    if (argument && otherwise !== undefined) return { kind: 'argument', ref: { index: argument.index, property: argument.property }, otherwise };
  }
  // `isNotFoundError(cause) ? 404 : status || 500`: where the status given is kept on one branch and every other branch
  // is a constant or the same argument, a call that gives a status is answered with it.
  if (value.type === AST_NODE_TYPES.ConditionalExpression && depth < MAX_DEPTH) {
    const branches = [sourceOfValue(file, fn, value.consequent, depth + 1), sourceOfValue(file, fn, value.alternate, depth + 1)];
    const argument = branches.find((branch) => branch?.kind === 'argument');
    const sameOrConstant = (branch: StatusSource | undefined): boolean => branch?.kind === 'constant' || (branch?.kind === 'argument' && argument?.kind === 'argument' && branch.ref.index === argument.ref.index && branch.ref.property === argument.ref.property);
    if (argument && branches.every(sameOrConstant)) return argument;
  }
  // `const definition = APP_ERROR_DEFINITIONS[code]; ... definition.status`: `APP_ERROR_DEFINITIONS[code].status`.
  if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed && unwrap(value.object).type === AST_NODE_TYPES.Identifier) {
    const entry = localTableEntry(fn, (unwrap(value.object) as TSESTree.Identifier).name);
    const field = propertyName(value);
    const keyRef = entry ? parameterRef(fn, entry.property) : undefined;
    const table = entry && keyRef && field ? nestedTable(file, entry.object, field) : undefined;
    if (keyRef && table) return { kind: 'table', ref: { index: keyRef.index, property: keyRef.property, part: keyRef.part }, table };
  }
  // `STATUS_BY_CODE[code]`, `ERRORS[code].status`.
  const lookup = value.type === AST_NODE_TYPES.MemberExpression && value.computed ? value : value.type === AST_NODE_TYPES.MemberExpression && unwrap(value.object).type === AST_NODE_TYPES.MemberExpression && (unwrap(value.object) as TSESTree.MemberExpression).computed ? (unwrap(value.object) as TSESTree.MemberExpression) : undefined;
  if (lookup) {
    const keyRef = parameterRef(fn, lookup.property);
    const inner = lookup === value ? undefined : propertyName(value as TSESTree.MemberExpression);
    const table = keyRef ? (inner ? nestedTable(file, lookup.object, inner) : statusTable(file, lookup.object)) : undefined;
    if (keyRef && table) return { kind: 'table', ref: { index: keyRef.index, property: keyRef.property, part: keyRef.part }, table };
  }
  // `codeToStatus(code)`, `getStatus(error.code)`: a function of the code.
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length >= 1 && depth < MAX_DEPTH) {
    const keyRef = parameterRef(fn, value.arguments[0]);
    const callee = keyRef ? definitionOf(file, value.callee) : undefined;
    if (keyRef && callee?.kind === 'function') {
      const table = switchTable(callee.file, callee.node, (returned) => resolveStatus(callee.file.context, returned)?.status) ?? mappedTable(callee.file, callee.node);
      if (table && table.ref.index === 0 && !table.ref.property) return { kind: 'table', ref: { index: keyRef.index, property: keyRef.property, part: keyRef.part }, table: table.table, otherwise: table.otherwise };
    }
  }
  // `const status = errorCodeToHttpStatus[code]; ... new HTTPException(status, ...)`, `const statusCode = status || 500;
  // res.status(statusCode)`: what the local holds.
  const local = value.type === AST_NODE_TYPES.Identifier && hops < MAX_LOCAL_HOPS ? localConstValue(fn, value.name) : undefined;
  if (local) return sourceOfValue(file, fn, local, depth, hops + 1);
  return undefined;
}

/** The operands of `a || b || c` (or `??`), in order. */
function fallbackChain(value: TSESTree.LogicalExpression): TSESTree.Node[] {
  const left = unwrap(value.left);
  const head = left.type === AST_NODE_TYPES.LogicalExpression && left.operator === value.operator ? fallbackChain(left) : [value.left];
  return [...head, value.right];
}

/** `ERRORS = { NOT_FOUND: { status: 404, ... } }` read as `ERRORS[code].status`. */
function nestedTable(file: SourceFile, node: TSESTree.Node, field: string): Map<string, number> | undefined {
  const definition = definitionOf(file, node);
  if (definition?.kind !== 'object') return undefined;
  const table = new Map<string, number>();
  for (const property of definition.node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || unwrap(property.value).type !== AST_NODE_TYPES.ObjectExpression) continue;
    const inner = objectProperty(unwrap(property.value) as TSESTree.ObjectExpression, field);
    const status = inner ? resolveStatus(definition.file.context, inner.value)?.status : undefined;
    const key = property.computed ? codeKey(definition.file, property.key) : keyName(property);
    if (status !== undefined && key !== undefined) table.set(key, status);
  }
  return table.size > 0 ? table : undefined;
}

/** `(code) => TABLE[code]` as a function. */
function mappedTable(file: SourceFile, fn: FunctionNode): { ref: ArgumentRef; table: Map<string, number>; otherwise?: number } | undefined {
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? (fn.body.body.find((statement) => statement.type === AST_NODE_TYPES.ReturnStatement) as TSESTree.ReturnStatement | undefined)?.argument : fn.body;
  if (!body) return undefined;
  const source = sourceOfValue(file, fn, unwrap(body).type === AST_NODE_TYPES.LogicalExpression ? (unwrap(body) as TSESTree.LogicalExpression).left : body, MAX_DEPTH);
  if (source?.kind !== 'table') return undefined;
  const fallback = unwrap(body).type === AST_NODE_TYPES.LogicalExpression ? resolveStatus(file.context, (unwrap(body) as TSESTree.LogicalExpression).right)?.status : undefined;
  return { ref: source.ref, table: new Map(source.table), otherwise: fallback };
}

/** Compose: a producer called with these arguments, seen from `fn` (whose parameters they may be). */
export function applySource(file: SourceFile, fn: FunctionNode | undefined, source: StatusSource, args: readonly TSESTree.Node[]): StatusSource | undefined {
  if (source.kind === 'constant') return source;
  const argument = argumentAt(file, args, source.ref);
  if (!argument) return source.otherwise !== undefined ? { kind: 'constant', status: source.otherwise } : undefined;
  if (source.kind === 'argument') {
    // One level more: `super(codeToStatus(code), ...)` hands the base a function of the code.
    const inner = sourceOfValue(file, fn, argument, MAX_DEPTH - 1);
    if (inner) return inner;
    // The default stands only for an absent value (`null`, `undefined`): a value the model cannot read is unknown.
    return source.otherwise !== undefined && isAbsentValue(argument) ? { kind: 'constant', status: source.otherwise } : undefined;
  }
  const whole = codeKey(file, argument);
  const key = whole !== undefined && source.ref.part ? whole.split(source.ref.part.separator)[source.ref.part.index] : whole;
  if (key !== undefined && source.table.has(key)) return { kind: 'constant', status: source.table.get(key)! };
  const ref = parameterRef(fn, argument);
  if (ref && !(ref.part && source.ref.part)) return { kind: 'table', ref: { index: ref.index, property: ref.property, part: ref.part ?? source.ref.part }, table: source.table, otherwise: source.otherwise };
  return source.otherwise !== undefined && key !== undefined ? { kind: 'constant', status: source.otherwise } : undefined;
}

/** `null`, `undefined`, `void 0`: an argument that leaves a parameter at its default. */
function isAbsentValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void');
}

/** The argument node a reference names: `args[1]`, or the `status` property of an object literal argument. */
export function argumentAt(file: SourceFile, args: readonly TSESTree.Node[], ref: ArgumentRef): TSESTree.Node | undefined {
  const argument = args[ref.index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (!ref.property) return argument;
  const value = unwrap(argument);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return parameterRefNode(argument, ref.property);
  // `{ statusCode: 401 }` and `{ status: 401 }` say the same: a package that reads one reads the other too (h3, Fastify's errors).
  const property = objectProperty(value, ref.property) ?? (STATUS_ALIASES[ref.property] ? objectProperty(value, STATUS_ALIASES[ref.property]) : undefined);
  return property?.value;
}

const STATUS_ALIASES: Readonly<Record<string, string>> = { statusCode: 'status', status: 'statusCode' };

/** `opts` handed on whole: the property is read from the caller's own parameter (`opts.status`), kept as a member. */
function parameterRefNode(argument: TSESTree.Node, property: string): TSESTree.Node | undefined {
  const value = unwrap(argument);
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { type: AST_NODE_TYPES.MemberExpression, object: value, property: { type: AST_NODE_TYPES.Identifier, name: property, range: value.range, loc: value.loc }, computed: false, optional: false, range: value.range, loc: value.loc, parent: value.parent } as unknown as TSESTree.Node;
}

/** A file as findings show it: relative to the project, with forward slashes (absolute when outside it). */
export function shown(file: SourceFile, cwd: string): string {
  const path = relative(cwd, file.file);
  return path.startsWith('..') ? file.file : path.split('\\').join('/');
}

const memoKey = (kind: string, node: TSESTree.Node) => `${kind}:${node.range[0]}:${node.range[1]}`;

/**
 * Functions of a package that take the status first: `createError(400, message)`, `httpErrors(401)` of http-errors;
 * SvelteKit's `error(404, 'Not found')`, which throws the error it answers with (since version 2, without a `throw`).
 */
const STATUS_FIRST_FUNCTIONS: readonly { modules: readonly string[]; imports: readonly string[]; throwsItself?: boolean }[] = [
  { modules: ['http-errors'], imports: ['default', '*', 'createError'] },
  { modules: svelteKitModules, imports: ['error'], throwsItself: true },
];

/** A framework class of a package, known by name: its status (fixed, or from an argument or a code). */
function packageClassSource(source: string, imported: string): { source: StatusSource; how: string; throwsItself?: boolean } | undefined {
  const module = source.replace(/^node:/, '');
  if ((module === '@nestjs/common' || module.startsWith('@nestjs/')) && Object.hasOwn(nestExceptionStatuses, imported)) return { source: { kind: 'constant', status: nestExceptionStatuses[imported] }, how: `extends ${imported}` };
  for (const known of statusArgumentClasses) {
    if (known.className === imported && known.modules.some((item) => module === item || module.startsWith(`${item}/`))) return { source: { kind: 'argument', ref: { index: known.statusArgument }, otherwise: known.otherwise }, how: `extends ${imported}` };
  }
  for (const known of rpcErrorClasses) {
    if (known.className !== imported || !known.modules.some((item) => module === item || module.startsWith(`${item}/`))) continue;
    const table = new Map(Object.entries(known.table));
    const ref = 'codeProperty' in known ? { index: 0, property: known.codeProperty } : { index: known.codeArgument };
    return { source: { kind: 'table', ref, table }, how: `a ${imported} code` };
  }
  for (const known of statusPropertyFactories) {
    if (known.name === imported && known.modules.includes(module)) return { source: { kind: 'argument', ref: { index: 0, property: known.statusProperty }, otherwise: known.otherwise }, how: module };
  }
  // `httpErrors.badRequest(msg)` of `@fastify/sensible` (`import { httpErrors } from '@fastify/sensible'`), kept in the
  // application's own table of errors (`export const errors = { badRequest: httpErrors.badRequest }`).
  const sensible = module === '@fastify/sensible' ? /^(?:default\.)?httpErrors\.(\w+)$/.exec(imported)?.[1] : undefined;
  if (sensible !== undefined && Object.hasOwn(sensibleMethodStatuses, sensible) && sensibleMethodStatuses[sensible] >= 400) return { source: { kind: 'constant', status: sensibleMethodStatuses[sensible] }, how: `httpErrors.${sensible}` };
  const statusFirst = STATUS_FIRST_FUNCTIONS.find((known) => known.modules.includes(module) && known.imports.includes(imported));
  if (statusFirst) return { source: { kind: 'argument', ref: { index: 0 } }, how: module, ...(statusFirst.throwsItself ? { throwsItself: true } : {}) };
  const named = statusNamedErrorModules.some((item) => module === item || module.startsWith(`${item}/`)) ? statusOfErrorClassName(imported) : undefined;
  if (named !== undefined) return { source: { kind: 'constant', status: named }, how: `extends ${imported}` };
  return undefined;
}

/** Packages whose function makes an error class with a status: `createError(code, message, statusCode)` of `@fastify/error`. */
const FACTORY_STATUS_ARGUMENTS: readonly { module: string; imports: readonly string[]; statusArgument: number; otherwise: number }[] = [
  { module: '@fastify/error', imports: ['default', '*', 'createError'], statusArgument: 2, otherwise: 500 },
  { module: 'fastify-error', imports: ['default', '*', 'createError'], statusArgument: 2, otherwise: 500 },
];

/**
 * The field a status getter of the class returns: `type` in `get statusCode(): number { const { type } = this; if
 * (type < 400) return 500; return type }`. The last return is the value; earlier ones guard against odd values.
 */
function statusGetterField(node: ClassNode): string | undefined {
  for (const element of node.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'get' || element.static || !STATUS_FIELDS.has(keyName(element) ?? '') || keyName(element) === 'code') continue;
    const body = element.value.body?.body ?? [];
    const last = body[body.length - 1];
    if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return undefined;
    const value = unwrap(last.argument);
    if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression) return propertyName(value);
    if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
    // `const { type } = this`.
    for (const statement of body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        if (declarator.init?.type !== AST_NODE_TYPES.ThisExpression || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === value.name) return keyName(property);
      }
    }
  }
  return undefined;
}

/** Methods that send a body with the framework's default 200: Express's `res.send(x)`, `res.json(x)`, Fastify's `reply.send(x)`. */
const DEFAULT_SEND = /^(?:send|json)$/;

/**
 * A helper whose one answer is the body it is handed, sent with the default 200 on the response it is handed:
 * `static sanitizedSend(res, body, options) { res.send(sanitizeNumbers(body, options)) }`. The index of that argument.
 * A transform of it (a call given it first) is still it.
 */
function relayedBody(fn: FunctionNode, statements: readonly TSESTree.Node[]): number | undefined {
  const sends = statements.filter((node) => {
    const value = unwrap(node);
    return value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && DEFAULT_SEND.test(propertyName(value.callee) ?? '');
  }) as TSESTree.CallExpression[];
  if (sends.length !== 1) return undefined;
  const [send] = sends;
  const owner = (send.callee as TSESTree.MemberExpression).object;
  const ownerRef = owner.type === AST_NODE_TYPES.Identifier && RESPONSE_PARAMETER.test(owner.name) ? parameterRef(fn, owner) : undefined;
  if (!ownerRef || ownerRef.property !== undefined || send.arguments.length !== 1) return undefined;
  let body = unwrap(send.arguments[0]);
  if (body.type === AST_NODE_TYPES.CallExpression && body.arguments[0]) body = unwrap(body.arguments[0]);
  const ref = body.type === AST_NODE_TYPES.Identifier ? parameterRef(fn, body) : undefined;
  return ref && ref.property === undefined && fn.params[ref.index]?.type !== AST_NODE_TYPES.RestElement ? ref.index : undefined;
}

/** The response a helper is handed, by the names Express and Fastify code give it. */
const RESPONSE_PARAMETER = /^(?:res|response|reply)$/;

export class ProducerReader {
  constructor(private readonly cwd: string) {}

  /** The producer a callee stands for (`unauthorized`, `ValidationError`, `errors.forbidden`), if the app defines one. */
  ofCallee(file: SourceFile, callee: TSESTree.Node, depth = 0): Producer | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const definition = definitionOf(file, callee);
    if (!definition) return undefined;
    return this.ofDefinition(definition, depth);
  }

  ofDefinition(definition: Definition, depth: number): Producer | undefined {
    if (definition.kind === 'package') {
      const known = packageClassSource(definition.source, definition.imported);
      return known ? { status: known.source, callee: definition.imported, how: undefined, file: definition.source, line: 0, sendsItself: known.throwsItself === true, headers: [], makesError: true } : undefined;
    }
    if (definition.kind === 'made') return this.ofFactoryCall(definition.file, definition.call, definition.name, depth);
    // `const AppError = require('./AppError')`, called or extended: what the module exports as a whole
    // (`module.exports = AppError`).
    if (definition.kind === 'module') {
      const whole = exportOf(definition.file, 'default');
      return whole && whole.kind !== 'module' ? this.ofDefinition(whole, depth + 1) : undefined;
    }
    if (definition.kind !== 'function' && definition.kind !== 'class') return undefined;
    const key = memoKey(definition.kind, definition.node);
    if (definition.file.memo.has(key)) return definition.file.memo.get(key) as Producer | undefined;
    // A cycle (a class whose base is itself, mutually recursive helpers) reads as unknown.
    definition.file.memo.set(key, undefined);
    // An error class (`class NotFoundError extends HttpError`), not a response class (`new OkResponse(data)`).
    const ofClass = definition.kind === 'class' ? this.ofClass(definition.file, definition.node, definition.name, depth) : undefined;
    const errorClass = ofClass !== undefined && (ERROR_NAME.test(definition.name) || ERROR_NAME.test(ofClass.how?.replace(/^extends /, '') ?? ''));
    const producer = definition.kind === 'class' ? (ofClass && errorClass ? { ...ofClass, makesError: true } : ofClass) : this.ofFunction(definition.file, definition.node, definition.name, depth);
    definition.file.memo.set(key, producer);
    return producer;
  }

  /**
   * An error class a factory makes: `createError('EMAIL_LIMIT', message, 429)` from `@fastify/error`, or the app's
   * own factory whose returned class holds a status field set from the factory's parameter (`status = status`).
   */
  private ofFactoryCall(file: SourceFile, call: TSESTree.CallExpression, name: string, depth: number): Producer | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const factory = definitionOf(file, call.callee);
    const label = `new ${name}()`;
    if (factory?.kind === 'package') {
      const known = FACTORY_STATUS_ARGUMENTS.find((item) => item.module === factory.source && item.imports.includes(factory.imported));
      if (!known) return undefined;
      const argument = call.arguments[known.statusArgument];
      const status = argument ? resolveStatus(file.context, argument)?.status : known.otherwise;
      return status === undefined ? undefined : this.made(file, call, label, { kind: 'constant', status }, `made by ${factory.source}`);
    }
    if (factory?.kind !== 'function') return undefined;
    const returned = returnedValues(factory.file.context, factory.node).map(unwrap);
    const made = returned.length === 1 && returned[0].type === AST_NODE_TYPES.ClassExpression ? returned[0] : undefined;
    if (!made) return returned.length === 1 && isFunction(returned[0]) ? this.ofMadeFunction(file, call, name, factory, returned[0], depth) : undefined;
    for (const element of made.body.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || !element.value || element.static || !STATUS_FIELDS.has(keyName(element) ?? '')) continue;
      const ref = parameterRef(factory.node, element.value);
      if (!ref) continue;
      const argument = argumentAt(file, call.arguments, ref);
      const status = argument ? resolveStatus(file.context, argument)?.status : ref.otherwise ? resolveStatus(factory.file.context, ref.otherwise)?.status : undefined;
      if (status !== undefined) return this.made(file, call, label, { kind: 'constant', status }, `made by ${factory.name}()`);
    }
    return this.ofClass(factory.file, made, name, depth + 1);
  }

  /**
   * A function a factory returns, whose one result is another producer's call given an options object the factory's
   * options are spread into: `createErrorFactory({ message, code, statusCode: 409 })` returning
   * `(options) => createError({ ...base, ...options })`. The status (and the message) are the ones the factory was given.
   */
  private ofMadeFunction(file: SourceFile, call: TSESTree.CallExpression, name: string, factory: Extract<Definition, { kind: 'function' }>, made: FunctionNode, depth: number): Producer | undefined {
    const results = returnedValues(factory.file.context, made).map(unwrap);
    const inner = results.length === 1 && (results[0].type === AST_NODE_TYPES.CallExpression || results[0].type === AST_NODE_TYPES.NewExpression) ? results[0] : undefined;
    if (!inner) return undefined;
    const target = this.ofCallee(factory.file, inner.callee, depth + 1);
    if (!target) return undefined;
    const how = `made by ${factory.name}()`;
    if (target.status.kind === 'constant') return this.made(file, call, `${name}()`, target.status, how, { sendsItself: target.sendsItself });
    const ref = target.status.ref;
    const options = inner.arguments[ref.index] ? unwrap(inner.arguments[ref.index]) : undefined;
    if (target.status.kind !== 'argument' || !ref.property || options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const names = [ref.property, STATUS_ALIASES[ref.property]].filter((item): item is string => item !== undefined);
    // The value of a property of the options object, written there or in the factory's options spread into it.
    const valueOf = (property: string): { value: TSESTree.Node; file: SourceFile } | undefined => {
      for (const element of [...options.properties].reverse()) {
        if (element.type === AST_NODE_TYPES.Property && keyName(element) === property) return { value: element.value, file: factory.file };
        if (element.type !== AST_NODE_TYPES.SpreadElement || element.argument.type !== AST_NODE_TYPES.Identifier) continue;
        const spread = element.argument.name;
        const index = factory.node.params.findIndex((parameter) => parameterIdentifier(parameter as TSESTree.Parameter)?.name === spread);
        const given = index >= 0 && call.arguments[index] ? unwrap(call.arguments[index]) : undefined;
        const found = given?.type === AST_NODE_TYPES.ObjectExpression ? objectProperty(given, property) : undefined;
        if (found) return { value: found.value, file };
      }
      return undefined;
    };
    const statusValue = names.map(valueOf).find((item) => item !== undefined);
    const status = statusValue ? resolveStatus(statusValue.file.context, statusValue.value)?.status : undefined;
    if (status === undefined) return undefined;
    const message = valueOf('message');
    const text = message ? staticText(message.file.context, message.value) : undefined;
    return this.made(file, call, `${name}()`, { kind: 'constant', status }, how, { sendsItself: target.sendsItself, ...(text ? { texts: [text] } : {}) });
  }

  private made(file: SourceFile, node: TSESTree.Node, callee: string, status: StatusSource, how: string | undefined, extra: Partial<Producer> = {}): Producer {
    return { status, callee, how, file: shown(file, this.cwd), line: lineOf(node), sendsItself: false, headers: [], ...extra };
  }

  private ofClass(file: SourceFile, node: ClassNode, name: string, depth: number): Producer | undefined {
    const producer = this.classStatus(file, node, name, depth);
    // An error that carries when to retry (`retryAfterMs`, `Retry-After`): its handler is taken to send the header.
    if (producer && (/retry[-_]?after|retryAfter|resetAt|retryIn/i.test(file.context.sourceCode.getText(node)) || this.headerHelperWritesRetryAfter(file, node))) return { ...producer, headers: [...producer.headers, 'Retry-After'] };
    return producer;
  }

  /** `super({ statusCode: 429, headers: getRateLimitHeaders(result) })`, where that helper of the app writes `Retry-After`. */
  private headerHelperWritesRetryAfter(file: SourceFile, node: ClassNode): boolean {
    let found = false;
    walk(file.context, node, (inner) => {
      if (found) return false;
      if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.Identifier || !/headers?/i.test(inner.callee.name)) return undefined;
      const definition = definitionOf(file, inner.callee);
      if (definition?.kind === 'function' && /retry-after/i.test(definition.file.context.sourceCode.getText(definition.node))) found = true;
      return undefined;
    });
    return found;
  }

  private classStatus(file: SourceFile, node: ClassNode, name: string, depth: number): Producer | undefined {
    const label = `new ${name}()`;
    const constructor = node.body.body.find((element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor');
    const ctor = constructor?.value as FunctionNode | undefined;
    // `this.status = ...` in the constructor, and `super(...)` with the base's own source.
    if (ctor?.body) {
      let found: StatusSource | undefined;
      let how: string | undefined;
      let codeRef: ArgumentRef | undefined;
      // `this.type = type`: a kind kept beside the status, which the error handler may switch on.
      let kindRef: ArgumentRef | undefined;
      // `constructor(message: string, readonly statusCode: number)`: a parameter property is the field. So is one a
      // status getter returns (`constructor(public type: ResponseType)` with `get statusCode() { return this.type }`).
      const gotten = statusGetterField(node);
      for (const [index, parameter] of ctor.params.entries()) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const named = parameterIdentifier(parameter.parameter as TSESTree.Parameter);
        const identifier = named && named.name === gotten ? { ...named, name: 'status' } : named;
        const otherwise = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? resolveStatus(file.context, parameter.parameter.right)?.status : undefined;
        // `public code: number = 400` holds a status (its default is one); a bare `code` is an error code.
        if (identifier?.name === 'code' && otherwise === undefined) codeRef = { index };
        if (!identifier || !STATUS_FIELDS.has(identifier.name) || (identifier.name === 'code' && otherwise === undefined)) continue;
        found = { kind: 'argument', ref: { index }, otherwise };
        how = 'its constructor';
      }
      for (const statement of (ctor.body as TSESTree.BlockStatement).body) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const expression = statement.expression;
        const assigned = thisFieldAssigned(expression);
        if (assigned && STATUS_FIELDS.has(assigned.field)) {
          const source = sourceOfValue(file, ctor, assigned.value, depth) ?? destructuredDefault(file, ctor, assigned.value);
          // `this.code = code` holds an error code, not a status, unless it resolves to one.
          if (source && (assigned.field !== 'code' || source.kind === 'constant')) {
            found = source;
            how = 'its constructor';
          }
          if (assigned.field === 'code' && !found) codeRef = parameterRefOf(ctor, assigned.value);
        }
        // `this.type = type` (`new MedusaError(MedusaError.Types.NOT_FOUND, msg)`): a kind an error handler may switch on.
        if (assigned && KIND_FIELDS.has(assigned.field)) kindRef ??= parameterRefOf(ctor, assigned.value);
        if (!found && expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Super && node.superClass) {
          const base = this.ofCallee(file, node.superClass, depth + 1);
          // `constructor(...args) { super(...args) }`: the arguments are handed on as they are.
          const handedOn = isRestPassThrough(ctor, expression.arguments);
          const applied = base ? (handedOn ? base.status : applySource(file, ctor, base.status, expression.arguments)) : undefined;
          if (applied) {
            found = applied;
            how = `its super(...) call to ${base!.callee.replace(/^new |\(\)$/g, '')}`;
          }
        }
      }
      // A field of the class itself (`override code = HttpStatus.NOT_FOUND`) is set after `super(...)` returns: it wins.
      const ownField = how?.startsWith('its super(') ? this.ownFieldStatus(file, node, label, ctor) : undefined;
      if (ownField) return ownField;
      // A kind kept beside a status that is only a fallback (`this.type = type; this.statusCode = statusCode || 500`):
      // the error handler's `switch (error.type)` answers the kinds it names, before it reads the status.
      const fallbackOnly = found !== undefined && found.kind !== 'constant' && kindRef !== undefined;
      const switched = !found || fallbackOnly ? (codeRef ?? kindRef) : undefined;
      const handled = switched ? handledCodesOf(this.cwd) : undefined;
      if (found && !(fallbackOnly && handled)) return this.made(file, constructor!, label, found, how);
      // `this.code = code` and, in the same file, a table from codes to statuses (`errorCodeToHttpStatus`).
      const tableRef = found ? undefined : (codeRef ?? kindRef);
      const table = tableRef ? fileStatusTable(file) : undefined;
      if (tableRef && table) return this.made(file, constructor!, label, { kind: 'table', ref: tableRef, table }, 'a table of codes in its file');
      // Or the `switch` over that code in the application's error handler. A kind the switch does not name falls to
      // the status the error carries (its default, `statusCode || 500`).
      const otherwise = found?.kind === 'argument' ? found.otherwise : undefined;
      if (switched && handled) return this.made(file, constructor!, label, { kind: 'table', ref: switched, table: handled.table, ...(otherwise !== undefined ? { otherwise } : {}) }, `its error handler's switch (${handled.file}:${handled.line})`);
    }
    // A class field: `status = 409`, `readonly statusCode = HttpStatus.CONFLICT`.
    const field = this.ownFieldStatus(file, node, label, ctor);
    if (field) return field;
    // Otherwise what its base says, with the same arguments (an implicit constructor passes them on).
    if (node.superClass) {
      const base = this.ofCallee(file, node.superClass, depth + 1);
      if (base && (base.status.kind === 'constant' || !constructor)) return this.made(file, node, label, base.status, base.how ?? `extends ${base.callee.replace(/^new |\(\)$/g, '')}`);
    }
    // No status of its own: the one the application's error handler sends for it (`if (err instanceof InvalidError)
    // res.status(400)`), also for a class that extends nothing (`class ValidationError { constructor(message) {...} }`).
    const handled = handledStatusOf(this.cwd, name, file.file);
    if (handled) return this.made(file, node, label, { kind: 'constant', status: handled.status }, `its error handler (${handled.file}:${handled.line})`);
    return undefined;
  }

  /** The status a field of the class itself holds. A static one (`static httpCode = 400`) is the class's default, read only when no constructor sets the status. */
  private ownFieldStatus(file: SourceFile, node: ClassNode, label: string, ctor: FunctionNode | undefined): Producer | undefined {
    for (const element of node.body.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || !element.value || !STATUS_FIELDS.has(keyName(element) ?? '') || (element.static && ctor)) continue;
      const resolved = resolveStatus(file.context, element.value);
      if (resolved) return this.made(file, element, label, { kind: 'constant', status: resolved.status }, 'its class field');
    }
    return undefined;
  }

  private ofFunction(file: SourceFile, fn: FunctionNode, name: string, depth: number): Producer | undefined {
    const label = `${name}()`;
    const sources: StatusSource[] = [];
    const headers = new Set<string>();
    // Header objects written out whole in the responses it makes (`NextResponse.json(b, { status: 429, headers: { ... } })`).
    const headersRead: TSESTree.Property[] = [];
    let sendsItself = false;
    let makesError = false;
    const bodies: TSESTree.Node[] = [];
    const produced = (expression: TSESTree.Node): StatusSource | undefined => {
      const value = unwrap(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
      // `Object.assign(new TRPCError({ code }), { causeData })`: the error made, with more fields on it.
      const assigned = value.type === AST_NODE_TYPES.CallExpression && memberPath(value.callee) === 'Object.assign' ? value.arguments[0] : undefined;
      if (assigned && (assigned.type === AST_NODE_TYPES.NewExpression || assigned.type === AST_NODE_TYPES.CallExpression)) return produced(assigned);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        const answer = answerObject(value);
        if (!answer) return undefined;
        for (const header of answer.headers) headers.add(header);
        bodies.push(unwrap(answer.body));
        return sourceOfValue(file, fn, answer.status, MAX_DEPTH);
      }
      // `ctx.response.status = status`, `res.statusCode = 401`: a status set on the response the helper was handed.
      if (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=' && value.left.type === AST_NODE_TYPES.MemberExpression && /^status(?:Code)?$/.test(propertyName(value.left) ?? '')) {
        const owner = rootIdentifier(value.left.object);
        if (!owner || !parameterRef(fn, owner)) return undefined;
        const source = sourceOfValue(file, fn, value.right, MAX_DEPTH);
        if (source) sendsItself = true;
        return source;
      }
      if (value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.CallExpression) return undefined;
      // h3's `sendError(event, createError({ statusCode }))`: the error handed to it is sent, with its status.
      if (value.type === AST_NODE_TYPES.CallExpression && value.arguments[1] && isH3Function(file.context, value.callee, ['sendError'])) {
        const source = produced(value.arguments[1]);
        if (source) sendsItself = true;
        return source;
      }
      const direct = this.frameworkResponse(file, fn, value);
      if (direct) {
        if (direct.sendsItself) sendsItself = true;
        for (const header of direct.headers) headers.add(header);
        if (direct.headersRead) headersRead.push(direct.headersRead);
        if (direct.body) bodies.push(unwrap(direct.body));
        return direct.status;
      }
      const inner = this.ofCallee(file, value.callee, depth + 1);
      if (!inner) return undefined;
      if (inner.sendsItself) sendsItself = true;
      if (inner.makesError) makesError = true;
      for (const header of inner.headers) headers.add(header);
      return applySource(file, fn, inner.status, value.arguments);
    };
    const returns: TSESTree.Node[] = [];
    const thrown = new Set<TSESTree.Node>();
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returns.push(fn.body);
    else {
      walk(file.context, fn.body, (node) => {
        if (isFunction(node)) return false;
        if ((node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) && node.argument) returns.push(node.argument);
        if (node.type === AST_NODE_TYPES.ThrowStatement && node.argument) thrown.add(node.argument);
        // A send through a response object the helper was handed: `res.status(401).json(...)` as a statement.
        if (node.type === AST_NODE_TYPES.ExpressionStatement) returns.push(node.expression);
        return undefined;
      });
    }
    // A helper that writes `Retry-After`: always, or only when its caller passes the delay (`retryAfter?`).
    const headerArguments: { name: string; index: number }[] = [];
    if (/retry-after/i.test(file.context.sourceCode.getText(fn))) {
      const delay = fn.params.findIndex((parameter) => /retry|reset|delay|wait|seconds|after/i.test(parameterIdentifier(parameter as TSESTree.Parameter)?.name ?? ''));
      if (delay >= 0) headerArguments.push({ name: 'Retry-After', index: delay });
      else headers.add('Retry-After');
    }
    const table = switchTable(file, fn, (returned) => {
      const source = produced(returned);
      return source?.kind === 'constant' ? source.status : undefined;
    });
    // `res.status(status).json({ error })` and nothing more: every header it sets is known.
    // So is a response whose `headers: { ... }` is written out whole: the names read are all it sets.
    // (Asked once every response it makes was read.)
    const headersSeen = () => !HEADER_WRITE.test(textWithout(file.context.sourceCode.getText(fn), fn.range[0], headersRead));
    if (table) return this.made(file, fn, label, { kind: 'table', ...table }, 'a switch over codes', { sendsItself, headers: [...headers], headerArguments, headersSeen: headersSeen() });
    let throwsOnly = true;
    for (const expression of returns) {
      const source = produced(expression);
      if (!source) continue;
      sources.push(source);
      if (!thrown.has(expression)) throwsOnly = false;
    }
    if (sources.length === 0) {
      const relay = relayedBody(fn, returns);
      if (relay !== undefined) return this.made(file, fn, label, { kind: 'constant', status: 200 }, undefined, { sendsItself: true, headers: [], bodyArgument: relay });
      return this.constructorFunction(file, fn, label, depth);
    }
    // `throwCliError(code, message)` as a statement throws its error: a call on its own answers, like a send.
    if (throwsOnly) sendsItself = true;
    const throwsItself = throwsOnly || undefined;
    const first = sources[0];
    const key = (source: StatusSource) => JSON.stringify(source, (_, value: unknown) => (value instanceof Map ? [...value] : value));
    const same = sources.every((source) => key(source) === key(first));
    // Several different statuses: which one a call sends depends on more than its arguments; never a guess.
    if (!same) return undefined;
    const body = bodies.length === 1 && bodies[0].type === AST_NODE_TYPES.ObjectExpression ? { file, fn, node: bodies[0] } : undefined;
    return this.made(file, fn, label, first, undefined, { sendsItself, headers: [...headers], headerArguments, headersSeen: headersSeen(), ...(body ? { body } : {}), ...(makesError ? { makesError } : {}), ...(throwsItself ? { throwsItself } : {}) });
  }

  /**
   * An error made by a constructor function, the way before classes (`BadRequest: function (msg) { this.code = 400;
   * this.message = msg; Error.call(this, msg) }`, then `inherits(...)`): its status is the field it sets on `this`.
   */
  private constructorFunction(file: SourceFile, fn: FunctionNode, label: string, depth: number): Producer | undefined {
    if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    for (const statement of fn.body.body) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const assigned = thisFieldAssigned(statement.expression);
      if (!assigned || !STATUS_FIELDS.has(assigned.field)) continue;
      const source = sourceOfValue(file, fn, assigned.value, depth);
      // `this.code = code` holds an error code unless it resolves to a status.
      if (source && (assigned.field !== 'code' || source.kind === 'constant' || source.kind === 'argument')) return this.made(file, statement, `new ${label.replace(/\(\)$/, '')}()`, source, 'its constructor');
    }
    return undefined;
  }

  /** A response made by framework code inside a helper: `Response.json(b, { status })`, `c.json(b, 401)`, `res.status(s).json(b)`. */
  private frameworkResponse(file: SourceFile, fn: FunctionNode, node: TSESTree.CallExpression | TSESTree.NewExpression): { status: StatusSource; sendsItself: boolean; headers: string[]; body?: TSESTree.Node; headersRead?: TSESTree.Property } | undefined {
    const callee = unwrap(node.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const options = (index: number) => {
      const argument = node.arguments[index];
      const value = argument ? unwrap(argument) : undefined;
      return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
    };
    // `new Response(body, { status })`, `Response.json(body, { status })`, `NextResponse.json(body, { status })`.
    const isResponse = (callee.type === AST_NODE_TYPES.Identifier && /^(?:Response|NextResponse)$/.test(callee.name)) || (callee.type === AST_NODE_TYPES.MemberExpression && /^(?:Response|NextResponse)$/.test(callee.object.type === AST_NODE_TYPES.Identifier ? callee.object.name : '') && (method === 'json' || method === 'redirect'));
    // Remix's and React Router's `json(body, { status })`, `data(body, 401)`: `const unauthorized = (data) => json(data, { status: 401 })`.
    const isRemix = callee.type === AST_NODE_TYPES.Identifier && file.context.imports.isFrom(callee.name, frameworkModules.remix, remixResponseFunctions);
    if (isResponse || isRemix) {
      const init = options(1);
      // Remix's functions also take the status itself in place of the init.
      const second = isRemix && !init ? node.arguments[1] : undefined;
      const statusValue = init ? objectProperty(init, 'status')?.value : second && second.type !== AST_NODE_TYPES.SpreadElement ? second : undefined;
      const source: StatusSource | undefined = statusValue ? sourceOfValue(file, fn, statusValue, MAX_DEPTH) : { kind: 'constant', status: 200 };
      const headersRead = literalHeaders(init);
      return source ? { status: source, sendsItself: false, headers: headerNamesIn(init), body: node.arguments[0], ...(headersRead ? { headersRead } : {}) } : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !method) return undefined;
    // Calls on a parameter (the response or context object the helper is handed).
    let root: TSESTree.Node = callee.object;
    const chain: TSESTree.CallExpression[] = [];
    while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) {
      chain.push(root);
      root = root.callee.object;
    }
    const ownerNode = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root;
    // Or, in a method the application adds to the response, the response itself (`this.status(status).json(...)`).
    // Or the response an object the application attaches to it holds (`this.res.status(400).json(error)`).
    if (!parameterRef(fn, ownerNode) && !isMethodReceiver(fn, ownerNode) && !isHeldResponse(fn, root)) return undefined;
    const calls = [node as TSESTree.CallExpression, ...chain];
    for (const call of calls) {
      const name = call.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(call.callee) : undefined;
      // Express/Fastify `status(s)`/`code(s)`/`sendStatus(s)`, Koa `ctx.throw(s, msg)`, Hono `c.json(body, s)`.
      const statusArgument = name === 'status' || name === 'code' || name === 'sendStatus' || name === 'throw' ? call.arguments[0] : (name === 'json' || name === 'text' || name === 'body' || name === 'html') && call.arguments.length >= 2 ? call.arguments[1] : undefined;
      if (!statusArgument) continue;
      const source = sourceOfValue(file, fn, statusArgument, MAX_DEPTH);
      if (source) return { status: source, sendsItself: true, headers: [], body: calls[0].arguments[0] };
    }
    return undefined;
  }
}

const readers = new Map<string, ProducerReader>();
/** The one reader of a project's producers, per project folder. */
export function readerFor(cwd: string): ProducerReader {
  let reader = readers.get(cwd);
  if (!reader) {
    reader = new ProducerReader(cwd);
    readers.set(cwd, reader);
  }
  return reader;
}
