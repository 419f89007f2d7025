// Which parameters are response objects: found through types, decorators, imports and the handler signatures people write.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { frameworkModules, rateLimiterErrorModules, rateLimiterHeaderOptions, rateLimiterModules } from '@status-lint/core';
import { enclosingFunction, enclosingMethod, followBinding, isFunction, keyName, localFunction, memberPath, NO_BINDINGS, parameterIdentifier, propertyName, superClassOf, unwrap, variableOf, type FileContext, type FunctionNode, type Variable, objectProperty } from './values.js';
import { resolveStatus } from './status.js';
import { declaresFastifyOnly } from '../app-model/package-manifests.js';

export type RoleKind = 'express' | 'fastify' | 'koa' | 'hono';

/** A call that hands a response object to a local helper: `sendError(res, 401, 'x')`. */
export interface HelperCall {
  readonly call: TSESTree.CallExpression;
  /** The role of the argument at the call site. */
  readonly caller: Role;
}

export interface Role {
  readonly kind: RoleKind;
  readonly variable: Variable;
  readonly fn: FunctionNode;
  /** The framework named in facts: `express`, `node-http`, `nextjs`, `nestjs`, `fastify`, `koa`, `hono`. */
  readonly producer: string;
  /** A rate limiter's handler: the library sets `Retry-After` itself. */
  readonly rateLimited: boolean;
  readonly errorHandler: boolean;
  /** Set when this is a helper's parameter: the calls that pass it a response object. */
  readonly helperCalls: HelperCall[];
  /**
   * Read by how it is used, in a file that imports no framework (Hono's context through the application's own package):
   * what such an application answers for a failure that escapes is its own hook's to say, not the framework's default.
   */
  readonly byUse?: boolean;
}

const TYPE_ROLES: readonly { modules: readonly string[]; names: readonly string[]; kind: RoleKind; producer: string }[] = [
  { modules: ['express', 'express-serve-static-core'], names: ['Response'], kind: 'express', producer: 'express' },
  { modules: ['next'], names: ['NextApiResponse'], kind: 'express', producer: 'nextjs' },
  { modules: ['http', 'https', 'http2'], names: ['ServerResponse', 'Http2ServerResponse'], kind: 'express', producer: 'node-http' },
  { modules: ['fastify'], names: ['FastifyReply'], kind: 'fastify', producer: 'fastify' },
  { modules: ['koa', '@koa/router', 'koa-router'], names: ['Context', 'ParameterizedContext', 'RouterContext', 'DefaultContext', 'ExtendableContext', 'RouterParamContext'], kind: 'koa', producer: 'koa' },
  { modules: ['hono'], names: ['Context'], kind: 'hono', producer: 'hono' },
];

function typeRole(context: FileContext, identifier: TSESTree.Identifier): { kind: RoleKind; producer: string } | undefined {
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  return annotation ? typeReferenceRole(context, annotation, 0) : undefined;
}

/** The type a local alias stands for: `type CallbackReply = FastifyReply` (or one with type arguments), declared at the top of the file. */
function localTypeAlias(context: FileContext, name: string): TSESTree.TypeNode | undefined {
  for (const statement of context.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) return declaration.typeAnnotation;
  }
  return undefined;
}

function typeReferenceRole(context: FileContext, annotation: TSESTree.TypeNode, depth: number): { kind: RoleKind; producer: string } | undefined {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const typeName = annotation.typeName;
  let local: string | undefined;
  let name: string | undefined;
  if (typeName.type === AST_NODE_TYPES.Identifier) {
    local = typeName.name;
    name = context.imports.binding(local)?.imported;
  } else if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
    local = typeName.left.name;
    name = typeName.right.name;
  }
  if (!local) return undefined;
  const binding = context.imports.binding(local);
  if (!binding) {
    // `res: CallbackReply` where the file says `type CallbackReply = FastifyReply`.
    const aliased = typeName.type === AST_NODE_TYPES.Identifier && depth < 3 ? localTypeAlias(context, local) : undefined;
    return aliased ? typeReferenceRole(context, aliased, depth + 1) : undefined;
  }
  if (!name) return undefined;
  for (const entry of TYPE_ROLES) {
    if (entry.modules.includes(binding.source) && entry.names.includes(name)) return { kind: entry.kind, producer: entry.producer };
  }
  return undefined;
}

function decoratorRole(context: FileContext, parameter: TSESTree.Parameter): boolean {
  const decorators = (parameter as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  return decorators.some((decorator) => {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    return callee.type === AST_NODE_TYPES.Identifier && ['Res', 'Response', 'Reply'].includes(context.imports.binding(callee.name)?.imported ?? '') && context.imports.isFrom(callee.name, ['@nestjs/common']);
  });
}

const REQUEST_NAME = /^_?(?:req|request)$/i;
const RESPONSE_NAME = /^_?(?:res|response|resp)$/;
const REPLY_NAME = /^_?(?:reply|rep)$/;

function expressProducer(context: FileContext): string {
  if (context.imports.importsAny(frameworkModules.express)) return 'express';
  if (context.imports.importsAny(['next'])) return 'nextjs';
  if (context.imports.importsAny(frameworkModules['node-http'])) return 'node-http';
  return 'express';
}

/**
 * `response.status(200).json(...)`, `res.sendStatus(401)`: a parameter used as Express's response, in a helper the
 * route hands it to from another file (`resyncYouTube(body, response)`), whatever its other parameters are.
 */
function usesExpressResponse(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier || parent.property.type !== AST_NODE_TYPES.Identifier) return false;
    const call = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
    const name = parent.property.name;
    if (name === 'sendStatus') return true;
    // `.status(n)` with a chained send: a fetch `Response` has a `status` property, never a method.
    return name === 'status' && call.parent?.type === AST_NODE_TYPES.MemberExpression && call.parent.property.type === AST_NODE_TYPES.Identifier && /^(?:json|send|end)$/.test(call.parent.property.name);
  });
}

/** Koa's own ways of answering on `ctx`: proof enough that an untyped `ctx` is Koa's. */
function usesKoaContext(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier || parent.property.type !== AST_NODE_TYPES.Identifier) return false;
    const name = parent.property.name;
    // `ctx.render('package', locals)`: koa-views and Egg render a template into the body.
    if (name === 'throw' || name === 'assert' || name === 'render') return parent.parent?.type === AST_NODE_TYPES.CallExpression;
    return (name === 'body' || name === 'status') && parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent;
  });
}

/**
 * `c.json(body, 400)`, `c.req.param('id')`: a context used as Hono's is (in a file that imports Hono through the
 * application's own package, `createHonoApp()` of `@u22n/hono`). Both a response method called and the request read.
 */
function usesHonoContext(variable: Variable): boolean {
  const used = new Set<string>();
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier || parent.property.type !== AST_NODE_TYPES.Identifier) continue;
    const name = parent.property.name;
    if ((name === 'json' || name === 'text' || name === 'body') && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) used.add('answer');
    if (name === 'req' || name === 'var' || name === 'env') used.add('request');
  }
  return used.size === 2;
}

/**
 * Does a limiter configured with these options set `Retry-After` itself before it calls the handler? Only the
 * options named in `rateLimiterHeaderOptions` can turn it off, and only when written as literals.
 */
export function limiterSetsRetryAfter(context: FileContext, module: string | undefined, options: TSESTree.Node | undefined): boolean {
  const known = module ? rateLimiterHeaderOptions[module] : undefined;
  if (!known) return true;
  const object = options ? followBinding(context, options, NO_BINDINGS) : undefined;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || object.properties.some((property) => property.type !== AST_NODE_TYPES.Property)) return true;
  const valueOf = (name: string): TSESTree.Node | undefined => {
    const property = objectProperty(object, name);
    return property?.value;
  };
  return known.some((option) => {
    const value = [option.name, ...(option.aliases ?? [])].map(valueOf).find((item) => item !== undefined);
    if (!value) return option.defaultSets;
    const current = unwrap(value);
    if (current.type === AST_NODE_TYPES.Literal) return Boolean(current.value);
    // A value known only at run time may turn the header on.
    return true;
  });
}

/**
 * A throw in a rate limiter's own hook for its 429 (`throwThrottlingException` of a guard that extends
 * `@nestjs/throttler`'s `ThrottlerGuard`): the guard set `Retry-After` on the response before it called the hook.
 */
export function inRateLimiterHook(context: FileContext, node: TSESTree.Node): boolean {
  // `rateLimiter({ standardHeaders: 'draft-6', handler: () => { throw Errors.TooManyRequests() } })`: the limiter set
  // `Retry-After` on the response before it called the handler, whatever the handler sends or throws.
  // Handed as an option (`handler:`), or by a name handed so; not a task handed to a concurrency limiter
  // (`customerLimiter(() => ...)`).
  const handler = enclosingFunction(node);
  const asOption = handler?.parent?.type === AST_NODE_TYPES.Property || handler?.parent?.type === AST_NODE_TYPES.VariableDeclarator || handler?.type === AST_NODE_TYPES.FunctionDeclaration;
  if (handler && asOption && isRateLimiterHandler(context, handler)) return true;
  const method = enclosingMethod(node);
  if (method?.key.type !== AST_NODE_TYPES.Identifier || method.key.name !== 'throwThrottlingException') return false;
  const base = superClassOf(method);
  const root = base ? (memberPath(base) ?? '').split('.')[0] : '';
  return root !== '' && context.imports.isFrom(root, rateLimiterErrorModules);
}

/**
 * Does a 429 only pass on one decided elsewhere: renaming a rate limiter's own error, or, in a global error handler,
 * answering an error whose status is 429 (`if (exception.getStatus() === HttpStatus.TOO_MANY_REQUESTS)`)? There the
 * limiter's guard set `Retry-After` on the same reply; a 429 the app threw itself is judged where it is thrown.
 */
export function passesOnRateLimit(context: FileContext, conditions: readonly { readonly test: TSESTree.Node; readonly flipped: boolean }[], globalErrorHandler: boolean): boolean {
  return convertsLimiterError(context, conditions) || (globalErrorHandler && testsErrorStatus(context, conditions, 429));
}

/** A condition on the path that an error's status is this one (`status === HttpStatus.TOO_MANY_REQUESTS`, `err.status == 429`). */
function testsErrorStatus(context: FileContext, conditions: readonly { readonly test: TSESTree.Node; readonly flipped: boolean }[], status: number): boolean {
  return conditions.some(({ test, flipped }) => {
    const current = unwrap(test);
    if (flipped || current.type !== AST_NODE_TYPES.BinaryExpression || (current.operator !== '===' && current.operator !== '==')) return false;
    return [current.left, current.right].some((side) => resolveStatus(context, side as TSESTree.Node)?.status === status);
  });
}

/**
 * Is a response sent on the path where a rate limiter's own error was caught (`error instanceof ThrottlerException`)?
 * The limiter tripped and answered that request's headers itself; the code only renames its error.
 */
function convertsLimiterError(context: FileContext, conditions: readonly { readonly test: TSESTree.Node; readonly flipped: boolean }[]): boolean {
  return conditions.some(({ test, flipped }) => {
    const current = unwrap(test);
    if (flipped || current.type !== AST_NODE_TYPES.BinaryExpression || current.operator !== 'instanceof') return false;
    const root = (memberPath(current.right) ?? '').split('.')[0];
    return root !== '' && context.imports.isFrom(root, rateLimiterErrorModules);
  });
}

/**
 * Is this function the handler a rate limiter calls for its 429, and does that limiter set `Retry-After` first?
 * Written in the options (`rateLimit({ handler: (req, res) => ... })`) or held by a name handed there
 * (`const onLimit = (req, res) => ...; rateLimit({ handler: onLimit })`).
 */
function isRateLimiterHandler(context: FileContext, fn: FunctionNode): boolean {
  if (handedToLimiter(context, fn)) return true;
  const handedAsOption = (uses: TSESTree.Node[]) => uses.filter((use) => use.parent?.type === AST_NODE_TYPES.Property && use.parent.value === use);
  const byName = handedAsOption(usesOfName(context, fn));
  if (byName.length > 0) return byName.every((use) => handedToLimiter(context, use));
  // `const createRateLimitHandler = (message) => (req, res) => ...; rateLimit({ handler: createRateLimitHandler(msg) })`:
  // the handler a factory makes, handed to the limiter by each call of the factory.
  const factory = factoryReturning(fn);
  const made = factory ? handedAsOption(usesOfName(context, factory).map((use) => use.parent as TSESTree.Node).filter((call) => call.type === AST_NODE_TYPES.CallExpression && call.callee !== undefined)) : [];
  return made.length > 0 && made.every((call) => handedToLimiter(context, call));
}

/** Where a function held by a name (`const onLimit = (req, res) => ...`, `function makeHandler() {}`) is read. */
function usesOfName(context: FileContext, fn: FunctionNode): TSESTree.Node[] {
  const declarator = fn.parent;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn ? declarator.id : undefined;
  if (id?.type !== AST_NODE_TYPES.Identifier) return [];
  return (variableOf(context, id)?.references ?? []).filter((reference) => !reference.isWrite()).map((reference) => reference.identifier as TSESTree.Node);
}

/** The function whose result this one is (`(message) => (req, res) => ...`, or `return (req, res) => ...` in its body). */
function factoryReturning(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (parent && isFunction(parent) && parent.body === fn) return parent;
  return parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : undefined;
}

/** Is what starts here (a handler, or a name that holds one) handed to a rate limiter that sets `Retry-After` before it calls it? */
function handedToLimiter(context: FileContext, start: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = start.parent;
  let options: TSESTree.Node | undefined;
  let handedByName = false;
  for (let depth = 0; current && depth < 5; depth++, current = (current.parent ?? undefined) as TSESTree.Node | undefined) {
    // `const limiterOptions = { onRateLimited() {...} }; app.use(expressLimiter(redis)(limiterOptions))`: the call it is handed to.
    if (current.type === AST_NODE_TYPES.VariableDeclarator && options && current.init === options && current.id.type === AST_NODE_TYPES.Identifier) {
      const parents: (TSESTree.Node | undefined)[] = (variableOf(context, current.id)?.references ?? []).map((reference) => reference.identifier.parent as TSESTree.Node | undefined);
      const handedTo: TSESTree.Node | undefined = parents.find((parent) => parent?.type === AST_NODE_TYPES.CallExpression);
      if (!handedTo) return false;
      current = handedTo;
      handedByName = true;
    }
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      // `expressLimiter(redisClient)(options)`: the limiter is named by the call that made the middleware.
      let named: TSESTree.Node = current.callee;
      while (named.type === AST_NODE_TYPES.CallExpression) named = named.callee;
      const callee = memberPath(named) ?? '';
      const root = callee.split('.')[0];
      if (context.imports.isFrom(root, rateLimiterModules)) {
        // `rateLimit({ standardHeaders: false, legacyHeaders: false, handler })`: the library sets no header, the handler must.
        const handedOptions = options && (handedByName || current.arguments.includes(options as TSESTree.CallExpressionArgument)) ? options : undefined;
        return limiterSetsRetryAfter(context, context.imports.binding(root)?.source, handedOptions);
      }
      return /rate-?limit|limiter|throttl|slowdown/i.test(callee);
    }
    if (current.type === AST_NODE_TYPES.ObjectExpression) options = current;
  }
  return false;
}

/** The first parameter of Express error middleware: `(err, req, res, next)`. */
const ERROR_PARAMETER = /^_*(?:err|error|e|ex|exc|exception)\w*$/i;

function isErrorHandler(fn: FunctionNode): boolean {
  // Four parameters make Express error middleware only when the first is the error: a controller method with four
  // decorated parameters, or a helper `byType(type, req, res, next)`, is not one.
  if (fn.params.length === 4) {
    const first = parameterIdentifier(fn.params[0]);
    if (first && ERROR_PARAMETER.test(first.name)) return true;
  }
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = memberPath(parent.callee)?.split('.').pop();
  return method === 'onError' || method === 'setErrorHandler';
}

/**
 * `catch (e) { handleException(e, method, path, res) }`, `.catch((e) => handleException(e, method, path, res))` in a
 * route wrapper: the helper is handed what the handlers threw, as its first parameter, and answers it. It is the
 * application's error handler (what it sends for an error class is what every wrapped handler's throw gets).
 */
function answersCaughtError(context: FileContext, call: TSESTree.CallExpression, helper: FunctionNode): boolean {
  const first = helper.params[0] ? parameterIdentifier(helper.params[0]) : undefined;
  const handed = call.arguments[0];
  if (!first || !ERROR_PARAMETER.test(first.name) || handed?.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = variableOf(context, handed)?.defs[0];
  if (definition?.type === 'CatchClause') return true;
  if (definition?.type !== 'Parameter') return false;
  const catcher = definition.node.parent;
  return catcher?.type === AST_NODE_TYPES.CallExpression && catcher.arguments[0] === definition.node && catcher.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(catcher.callee) === 'catch';
}

/** The roles of the parameters of every function in the file. */
export function detectRoles(context: FileContext, functions: readonly FunctionNode[]): Map<Variable, Role> {
  const roles = new Map<Variable, Role>();
  const importsKoa = context.imports.importsAny(frameworkModules.koa);
  const importsHono = context.imports.importsAny(frameworkModules.hono);
  const importsFastify = context.imports.importsAny(frameworkModules.fastify);
  for (const fn of functions) {
    fn.params.forEach((parameter, index) => {
      const identifier = parameterIdentifier(parameter);
      if (!identifier) return;
      let found: { kind: RoleKind; producer: string; byUse?: boolean } | undefined = typeRole(context, identifier);
      if (!found && decoratorRole(context, parameter)) found = { kind: 'express', producer: 'nestjs' };
      if (!found && index >= 1) {
        const previous = parameterIdentifier(fn.params[index - 1]);
        if (previous && REQUEST_NAME.test(previous.name)) {
          // `(req, res)` of a route of a Fastify instance, in a file that imports Fastify and not Express: the reply.
          // In a file that imports neither, the application's manifest says which (a route module a Fastify plugin loads).
          const importsExpress = context.imports.importsAny(frameworkModules.express);
          const fastify = importsFastify ? !importsExpress : !importsExpress && declaresFastifyOnly(context.filename);
          if (RESPONSE_NAME.test(identifier.name)) found = fastify ? { kind: 'fastify', producer: 'fastify' } : { kind: 'express', producer: expressProducer(context) };
          else if (REPLY_NAME.test(identifier.name)) found = { kind: 'fastify', producer: 'fastify' };
        }
      }
      // `function handleError(err, _, res, __)`: Express's error middleware, whose third parameter is the response
      // whatever the others are called.
      if (!found && index === 2 && RESPONSE_NAME.test(identifier.name) && isErrorHandler(fn) && !importsFastify && !importsKoa && !importsHono) found = { kind: 'express', producer: expressProducer(context) };
      if (!found && RESPONSE_NAME.test(identifier.name)) {
        const variable = variableOf(context, identifier);
        if (variable && usesExpressResponse(variable)) found = { kind: 'express', producer: expressProducer(context) };
      }
      if (!found && index === 0 && fn.params.length <= 2) {
        const second = fn.params[1] ? parameterIdentifier(fn.params[1]) : undefined;
        const secondOk = !second || /^_?next$/.test(second.name);
        if (secondOk && /^(?:ctx|context)$/.test(identifier.name)) {
          if (importsHono && !importsKoa) found = { kind: 'hono', producer: 'hono' };
          else if (importsKoa) found = { kind: 'koa', producer: 'koa' };
          else if (!importsFastify) {
            const variable = variableOf(context, identifier);
            if (variable && usesKoaContext(variable)) found = { kind: 'koa', producer: 'koa' };
          }
        } else if (secondOk && identifier.name === 'c' && importsHono) {
          found = { kind: 'hono', producer: 'hono' };
        } else if (secondOk && identifier.name === 'c' && !importsKoa && !importsFastify) {
          const variable = variableOf(context, identifier);
          if (variable && usesHonoContext(variable)) found = { kind: 'hono', producer: 'hono', byUse: true };
        }
      }
      // `app.onError((err, c) => c.json(...))`: Hono's error handler is handed the context after the error.
      if (!found && index === 1 && importsHono && !importsKoa && /^(?:c|ctx|context)$/.test(identifier.name) && isErrorHandler(fn)) found = { kind: 'hono', producer: 'hono' };
      if (!found) return;
      const variable = variableOf(context, identifier);
      if (!variable || roles.has(variable)) return;
      roles.set(variable, { ...found, variable, fn, rateLimited: isRateLimiterHandler(context, fn), errorHandler: isErrorHandler(fn), helperCalls: [] });
    });
  }
  nestHostResponses(context, functions, roles);
  propagateToAliases(context, roles);
  propagateToHelpers(context, roles);
  return roles;
}

/** `const res = response as ServiceResponse`: another name for the same response object, in the same handler. */
function propagateToAliases(context: FileContext, roles: Map<Variable, Role>): void {
  for (const role of [...roles.values()]) {
    for (const reference of role.variable.references) {
      let value: TSESTree.Node = reference.identifier;
      while (value.parent && (value.parent.type === AST_NODE_TYPES.TSAsExpression || value.parent.type === AST_NODE_TYPES.TSTypeAssertion || value.parent.type === AST_NODE_TYPES.TSNonNullExpression || value.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) value = value.parent;
      const declarator = value.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
      if ((declarator.parent as TSESTree.VariableDeclaration | undefined)?.kind !== 'const') continue;
      const variable = variableOf(context, declarator.id);
      if (!variable || roles.has(variable)) continue;
      roles.set(variable, { ...role, variable, helperCalls: [] });
    }
  }
}

/**
 * `const response = host.switchToHttp().getResponse<Response>()` in a NestJS exception filter, guard or interceptor:
 * the platform's response object (Express's, or Fastify's reply when typed so). In the `catch` of an `@Catch()` filter
 * it answers every error that reaches the filter.
 */
function nestHostResponses(context: FileContext, functions: readonly FunctionNode[], roles: Map<Variable, Role>): void {
  if (!context.sourceCode.text.includes('getResponse') || !context.imports.importsAny(frameworkModules.nestjs)) return;
  for (const fn of functions) {
    if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of fn.body.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        const init = declarator.init ? unwrap(declarator.init) : undefined;
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(init.callee) !== 'getResponse') continue;
        const variable = variableOf(context, declarator.id);
        if (!variable || roles.has(variable)) continue;
        const typed = (init as { typeArguments?: TSESTree.Node }).typeArguments;
        const fastify = typed !== undefined && /\bFastifyReply\b/.test(context.sourceCode.getText(typed));
        roles.set(variable, { kind: fastify ? 'fastify' : 'express', producer: 'nestjs', variable, fn, rateLimited: false, errorHandler: isExceptionFilterCatch(context, fn), helperCalls: [] });
      }
    }
  }
}

/** The `catch(exception, host)` method of a class decorated with `@Catch(...)`. */
function isExceptionFilterCatch(context: FileContext, fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || keyName(method) !== 'catch') return false;
  const classNode = method.parent.parent;
  const decorators = (classNode as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
  return decorators.some((decorator) => {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    return callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(callee.name, frameworkModules.nestjs, ['Catch']);
  });
}

/** `sendError(res, 401, 'x')`: the helper's parameter is a response object too, known through its callers. */
function propagateToHelpers(context: FileContext, roles: Map<Variable, Role>): void {
  let pending = [...roles.values()];
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const added: Role[] = [];
    for (const role of pending) {
      for (const reference of role.variable.references) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
        const index = call.arguments.indexOf(reference.identifier as TSESTree.Identifier);
        if (index < 0) continue;
        const helper = localFunction(context, call.callee);
        if (!helper || helper === role.fn) continue;
        const parameter = helper.params[index];
        const identifier = parameter ? parameterIdentifier(parameter) : undefined;
        if (!identifier) continue;
        const variable = variableOf(context, identifier);
        if (!variable) continue;
        const existing = roles.get(variable);
        if (existing) {
          // A helper typed as taking a response (`res: Response`) is still read through each caller that hands it one.
          if (existing.helperCalls.length > 0 || !existing.errorHandler) existing.helperCalls.push({ call, caller: role });
          continue;
        }
        const created: Role = { kind: role.kind, variable, fn: helper, producer: role.producer, rateLimited: role.rateLimited, errorHandler: answersCaughtError(context, call, helper), helperCalls: [{ call, caller: role }] };
        roles.set(variable, created);
        added.push(created);
      }
    }
    pending = added;
  }
}

/** Is this function's body a handler (it holds a response object)? */
export function handlerTest(roles: Map<Variable, Role>): (fn: FunctionNode) => boolean {
  const handlers = new Set([...roles.values()].map((role) => role.fn));
  return (fn) => handlers.has(fn);
}

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return isFunction(node);
}
