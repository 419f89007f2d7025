// Methods the application's middleware adds to the response object: `express.response.apiv3Err = function (err,
// status = 400) { this.status(status).json(...) }`, `res.badRequest = (message) => res.json({ error: message }, 400)`.
// A handler calls them on the response it is handed (`return res.apiv3Err(err, 409)`), so no import leads to them:
// they are found by the project search, then read as any other helper.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { expressDefaultStatusSends, expressResponseMethods, fastifyReplyMethods, headerSetters, honoContextMethods, honoDefaultStatusSends, koaContext, nodeResponseMethods } from '@status-lint/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberPath, propertyName, staticText, unwrap, type FunctionNode } from '../resolve/values.js';
import { definitionOf } from './definitions.js';
import { walk } from '../resolve/walk.js';
import { projectSearch, RESPONSE_OBJECT } from './project-search.js';
import { projectFolder, sourceFile, type SourceFile } from './source-files.js';

/**
 * The frameworks' own methods of a response, reply or context: never looked for in the application. Those that send,
 * set a status or set a header are the knowledge the front ends read them with; the rest are listed here.
 */
const FRAMEWORK_METHODS = new Set([
  ...[expressResponseMethods, nodeResponseMethods, fastifyReplyMethods, honoContextMethods].flatMap((methods) => methods.map((method) => method.name)),
  ...Object.keys(expressDefaultStatusSends),
  ...Object.keys(honoDefaultStatusSends),
  ...Object.values(headerSetters).flat(),
  koaContext.throwMethod,
  koaContext.assertMethod,
  'get', 'headers', 'getHeader', 'getHeaders', 'hasHeader', 'removeHeader', 'cookie', 'clearCookie', 'type', 'contentType', 'format',
  'attachment', 'location', 'links', 'vary', 'write', 'on', 'once', 'off', 'emit', 'pipe', 'destroy', 'flushHeaders', 'hijack', 'raw',
  'serialize', 'view', 'setCookie', 'is', 'accepts', 'setTimeout', 'cork', 'uncork', 'writeContinue', 'addTrailers',
]);

/** Is this the name of a method the application adds to its responses (and not the framework's own)? */
export function isAddedResponseMethod(name: string): boolean {
  return !FRAMEWORK_METHODS.has(name) && projectSearch(projectFolder()).responseMethodFiles.has(name);
}

type ResponseMember = { file: SourceFile; node: FunctionNode | TSESTree.NewExpression };

/** Functions Fastify's `decorateReply` makes methods of every reply (their `this` is the reply), as found where it is called. */
const decorated = new WeakSet<TSESTree.Node>();

/** The name a function is declared or bound with (`function domainError`, `const domainError = function ...`). */
function declaredName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/**
 * Is this function one `decorateReply` makes a method of every reply? Known when the call that decorates with it was
 * read; otherwise asked of the project by the name it is declared with, which reads that call: so the answer does not
 * hang on which file was read first.
 */
function isDecoratedReply(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  if (decorated.has(fn)) return true;
  const name = declaredName(fn);
  return name !== undefined && responseMethodDefinition(name)?.node === fn;
}

/**
 * The function (or the object of a class, `new ResponseUtils(res, next)`) a file assigns to `<response>.<name>`, or
 * hands to `decorateReply('<name>', fn)` (perhaps a function of another file), if it does.
 */
function assignedMember(parsed: SourceFile, name: string): ResponseMember | undefined {
  let found: ResponseMember | undefined;
  walk(parsed.context, parsed.program, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'decorateReply' && node.arguments.length >= 2) {
      if (staticText(parsed.context, node.arguments[0]) !== name) return undefined;
      const value = unwrap(node.arguments[1]);
      const definition = isFunction(value) ? { kind: 'function' as const, file: parsed, node: value } : definitionOf(parsed, value);
      if (definition?.kind === 'function') {
        decorated.add(definition.node);
        found = { file: definition.file, node: definition.node };
      }
      return undefined;
    }
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression || propertyName(node.left) !== name) return undefined;
    const owner = memberPath(node.left.object)?.split('.').pop() ?? '';
    const value = unwrap(node.right);
    if (RESPONSE_OBJECT.test(owner) && (isFunction(value) || value.type === AST_NODE_TYPES.NewExpression)) found = { file: parsed, node: value };
    return undefined;
  });
  return found;
}

/** Where the application defines the response member of this name: the file and the function, or the object made. */
export function responseMethodDefinition(name: string): ResponseMember | undefined {
  if (FRAMEWORK_METHODS.has(name)) return undefined;
  for (const path of projectSearch(projectFolder()).responseMethodFiles.get(name) ?? []) {
    const parsed = sourceFile(path);
    if (!parsed) continue;
    const key = `response-method:${name}`;
    if (!parsed.memo.has(key)) parsed.memo.set(key, assignedMember(parsed, name));
    const member = parsed.memo.get(key) as ResponseMember | undefined;
    if (member) return member;
  }
  return undefined;
}

/**
 * Is this the response a method of an object the application attaches to it sends through: `this.res` in
 * `class ResponseUtils { constructor(res, next) { this.res = res } error(data) { return this.res.status(400).json(...) } }`?
 */
export function isHeldResponse(fn: FunctionNode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || !RESPONSE_OBJECT.test(propertyName(node) ?? '')) return false;
  return fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'method';
}

/**
 * Is this the object a response method sends through: `this` in `express.response.apiv3Err = function () {...}`, or
 * the response a middleware closes over in `res.badRequest = (message) => res.json(...)`?
 */
export function isMethodReceiver(fn: FunctionNode, node: TSESTree.Node): boolean {
  // `server.decorateReply('domainError', domainError)`: `this.code(400)` in `function domainError(this: FastifyReply)`.
  if (node.type === AST_NODE_TYPES.ThisExpression && isDecoratedReply(fn)) return true;
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const owner = memberPath(assignment.left.object);
  if (!owner || !RESPONSE_OBJECT.test(owner.split('.').pop() ?? '')) return false;
  if (node.type === AST_NODE_TYPES.ThisExpression) return fn.type !== AST_NODE_TYPES.ArrowFunctionExpression;
  return node.type === AST_NODE_TYPES.Identifier && node.name === owner;
}
