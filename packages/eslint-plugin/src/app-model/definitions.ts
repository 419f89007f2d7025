// What a name in the application stands for, across files: a function, a class, an object literal, or a module,
// through local declarations, ES imports and exports (named, default, `export *`, re-exports) and CommonJS.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { autoImportedFactory } from '@status-lint/core';
import { fieldTypeOf, isFunction, isNullish, memberPath, propertyName, unwrap, unwrapAwait, keyName, type FunctionNode } from '../resolve/values.js';
import { resolveModuleFile } from './module-resolution.js';
import { autoImportedUtility } from './nuxt-conventions.js';
import { walk } from '../resolve/walk.js';
import { currentFile, mayExport, sourceFile, type SourceFile } from './source-files.js';
import type { FileContext } from '../resolve/values.js';
import { RESPONSE_OBJECT } from './project-search.js';
import { responseMethodDefinition } from './response-methods.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export type Definition =
  | { readonly kind: 'function'; readonly file: SourceFile; readonly node: FunctionNode; readonly name: string }
  /** `instance`: an object of the class (an injected service, `this.billing: BillingService`), whose methods are its members. */
  | { readonly kind: 'class'; readonly file: SourceFile; readonly node: ClassNode; readonly name: string; readonly instance?: boolean }
  | { readonly kind: 'object'; readonly file: SourceFile; readonly node: TSESTree.ObjectExpression; readonly name: string }
  /** `enum HttpStatus { BAD_REQUEST = 400 }`: a table of named values. */
  | { readonly kind: 'enum'; readonly file: SourceFile; readonly node: TSESTree.TSEnumDeclaration; readonly name: string }
  | { readonly kind: 'module'; readonly file: SourceFile; readonly name: string }
  /**
   * A request context or response handed to a handler (`ctx` of a tRPC procedure, Express's `res`): its members are
   * what the file's middleware sets on it, or the methods the application's middleware adds to every response.
   */
  | { readonly kind: 'context'; readonly file: SourceFile; readonly name: string }
  /** What a call returned: `const EmailLimitError = createError('EMAIL_LIMIT', message, 429)`, a class made by a factory. */
  | { readonly kind: 'made'; readonly file: SourceFile; readonly call: TSESTree.CallExpression; readonly name: string }
  /** A constant written as a literal: `export const INVALID_PAYLOAD = 400` in the application's own table of statuses. */
  | { readonly kind: 'value'; readonly file: SourceFile; readonly node: TSESTree.Literal; readonly name: string }
  /** A package from the registry: `source` and the export, for framework knowledge (`@nestjs/common` `BadRequestException`). */
  | { readonly kind: 'package'; readonly source: string; readonly imported: string; readonly name: string };

const MAX_HOPS = 12;

/** The name a function or class is declared under: `function ApiResponse() {}`, `const ApiResponse = function () {}`. */
function declaredName(node: TSESTree.Node): string | undefined {
  if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) && node.id) return node.id.name;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** A top-level binding of a file by name (module scope), without an identifier node to start from. */
function topLevel(file: SourceFile, name: string): TSESTree.Identifier | undefined {
  const scope = file.context.sourceCode.getScope(file.program);
  const moduleScope = scope.childScopes.find((child) => child.block === file.program) ?? scope;
  const variable = moduleScope.set.get(name) ?? scope.set.get(name);
  return variable?.identifiers[0] as TSESTree.Identifier | undefined;
}

/** The module a `require('./x')` call names. */
function requiredSource(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const source = node.arguments[0];
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
}

/** Wrappers that remember what a function returns and otherwise leave it as it is. */
const MEMOIZER = /^(?:cache|unstable_cache|memoize|memoizee|pMemoize|mem|moize|memoizeOne)$/;

/** The function a memoizing wrapper keeps (`cache(async (did) => ...)`, React's `cache`, `unstable_cache`, `memoize`). */
export function memoizedFunction(value: TSESTree.Node): FunctionNode | undefined {
  if (value.type !== AST_NODE_TYPES.CallExpression || !MEMOIZER.test(memberPath(value.callee)?.split('.').pop() ?? '') || !value.arguments[0]) return undefined;
  const wrapped = unwrap(value.arguments[0]);
  return isFunction(wrapped) ? wrapped : undefined;
}

/** The keys that lead to a name in a destructuring pattern: `['MSGS', 'NOT_FOUND']` for `{ MSGS: { NOT_FOUND } }`. */
function patternPath(pattern: TSESTree.ObjectPattern, name: string, depth = 0): string[] | undefined {
  if (depth > 3) return undefined;
  for (const item of pattern.properties) {
    if (item.type !== AST_NODE_TYPES.Property) continue;
    const key = keyName(item);
    if (key === undefined) continue;
    const value = item.value.type === AST_NODE_TYPES.AssignmentPattern ? item.value.left : item.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === name) return [key];
    if (value.type === AST_NODE_TYPES.ObjectPattern) {
      const inner = patternPath(value, name, depth + 1);
      if (inner) return [key, ...inner];
    }
  }
  return undefined;
}

/** What a value expression of a file is. */
function definitionOfValue(file: SourceFile, node: TSESTree.Node, name: string, hops: number): Definition | undefined {
  // `const client = await createApiClient(token)`: what an async factory resolves to.
  const written = unwrap(node);
  const value = written.type === AST_NODE_TYPES.AwaitExpression && unwrap(written.argument).type === AST_NODE_TYPES.CallExpression ? unwrap(written.argument) : written;
  if (isFunction(value)) return { kind: 'function', file, node: value, name };
  if (value.type === AST_NODE_TYPES.ClassExpression || value.type === AST_NODE_TYPES.ClassDeclaration) return { kind: 'class', file, node: value, name };
  if (value.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', file, node: value, name };
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return definitionOf(file, value, hops + 1);
  // `export default HttpErrorHandler = { ... }`: the value assigned.
  if (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') return definitionOfValue(file, value.right, name, hops + 1);
  // `export const getPdsUrl = cache(async (did) => ...)`: a function kept in a memoizing wrapper (React's `cache`,
  // `unstable_cache`, `memoize`) does what it did, remembered.
  const memoized = memoizedFunction(value);
  if (memoized) return { kind: 'function', file, node: memoized, name };
  // `require('./errors')` as a value: the module.
  const required = requiredSource(value);
  if (required !== undefined) return moduleDefinition(file, required, '*', name);
  // `new DiscoverService(...)`: an instance of the application's class.
  if (value.type === AST_NODE_TYPES.NewExpression) {
    let made = definitionOf(file, value.callee, hops + 1);
    // `const SlackController = require('../controllers/SlackController')`: the class is what the module exports.
    if (made?.kind === 'module') made = exportOf(made.file, 'default', hops + 1);
    return made?.kind === 'class' ? { ...made, instance: true } : undefined;
  }
  if (value.type === AST_NODE_TYPES.CallExpression) return { kind: 'made', file, call: value, name };
  if (value.type === AST_NODE_TYPES.Literal && (typeof value.value === 'number' || typeof value.value === 'string')) return { kind: 'value', file, node: value, name };
  return undefined;
}

function moduleDefinition(from: SourceFile, source: string, imported: string, name: string, hops = 0, searching = false): Definition | undefined {
  const path = resolveModuleFile(from.file, source);
  if (!path) return { kind: 'package', source, imported, name };
  // Searched through `export *`: a file that cannot export the name is not parsed.
  if (searching && !mayExport(path, imported)) return undefined;
  const target = sourceFile(path);
  if (!target) return undefined;
  return imported === '*' ? { kind: 'module', file: target, name } : exportOf(target, imported, hops + 1);
}

/** What an export of a file is, following re-exports; remembered with the file. */
export function exportOf(file: SourceFile, name: string, hops = 0): Definition | undefined {
  if (hops > MAX_HOPS) return undefined;
  const key = `export:${name}`;
  if (file.memo.has(key)) return file.memo.get(key) as Definition | undefined;
  // A cycle of `export *` reads as not found.
  file.memo.set(key, undefined);
  const found = exportUncached(file, name, hops);
  file.memo.set(key, found);
  return found;
}

function exportUncached(file: SourceFile, name: string, hops: number): Definition | undefined {
  const starSources: string[] = [];
  for (const statement of file.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      if (name !== 'default') continue;
      const declaration = statement.declaration as TSESTree.Node;
      return definitionOfValue(file, declaration, declaredName(declaration) ?? 'default', hops);
    }
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (!statement.exported) starSources.push(statement.source.value);
      else if ((statement.exported.type === AST_NODE_TYPES.Identifier ? statement.exported.name : String((statement.exported as unknown as TSESTree.StringLiteral).value)) === name) return moduleDefinition(file, statement.source.value, '*', name, hops);
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration) {
      if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id?.name === name) return definitionOfValue(file, declaration, name, hops);
      if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init) return definitionOfValue(file, declarator.init, name, hops);
        }
      }
      if (declaration.type === AST_NODE_TYPES.TSEnumDeclaration && declaration.id.name === name) return { kind: 'enum', file, node: declaration, name };
      continue;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
      if (exported !== name) continue;
      const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value);
      if (statement.source) return moduleDefinition(file, statement.source.value, local, name, hops);
      const identifier = topLevel(file, local);
      return identifier ? definitionOf(file, identifier, hops + 1) : undefined;
    }
  }
  // CommonJS: `module.exports = { a }`, `module.exports.a = ...`, `exports.a = ...`.
  for (const statement of file.program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const target = sourceText(left);
    if (target === 'module.exports') {
      const value = unwrap(right);
      if (name === 'default') return definitionOfValue(file, value, 'default', hops);
      // `module.exports = require('./utils')`: the other module's exports are this one's.
      const required = requiredSource(value);
      if (required !== undefined) return moduleDefinition(file, required, name, name, hops);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) if (property.type === AST_NODE_TYPES.Property && keyName(property) === name) return definitionOfValue(file, property.value, name, hops);
        // `module.exports = { ...require('./errors'), other }`.
        for (const property of value.properties) {
          const spread = property.type === AST_NODE_TYPES.SpreadElement ? requiredSource(unwrap(property.argument)) : undefined;
          const found = spread !== undefined ? moduleDefinition(file, spread, name, name, hops, true) : undefined;
          if (found && found.kind !== 'package') return found;
        }
      }
      if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.ClassExpression || isFunction(value)) {
        const whole = definitionOfValue(file, value, name, hops);
        // `module.exports = ApiResponse`: its members (an object's properties, a class's statics, what is set on a function).
        if (whole?.kind === 'object' || whole?.kind === 'function' || whole?.kind === 'class') {
          const member = memberOf(whole, name, hops);
          if (member) return member;
        }
      }
    }
    if (target === `module.exports.${name}` || target === `exports.${name}`) return definitionOfValue(file, right, name, hops);
  }
  for (const source of starSources) {
    const found = moduleDefinition(file, source, name, name, hops, true);
    if (found && found.kind !== 'package') return found;
  }
  // A file that declares the name at the top without exporting it is read too (a namespace's members, a script).
  const identifier = topLevel(file, name);
  return identifier ? definitionOf(file, identifier, hops + 1) : undefined;
}

function sourceText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    const object = sourceText(node.object);
    return object ? `${object}.${node.property.name}` : undefined;
  }
  return undefined;
}

/** A member of an object, a module or a class (its static members). */
function memberOf(owner: Definition, member: string, hops: number): Definition | undefined {
  if (owner.kind === 'module') return exportOf(owner.file, member, hops + 1);
  if (owner.kind === 'object') {
    for (const property of owner.node.properties) {
      // `[ActivityTypeExceptionCodes.ACTIVITY_TYPE_001]: { message }`: a key taken from an enum member of the same name.
      const computedName = property.type === AST_NODE_TYPES.Property && property.computed && property.key.type === AST_NODE_TYPES.MemberExpression ? propertyName(property.key) : undefined;
      if (property.type === AST_NODE_TYPES.Property && (keyName(property) === member || computedName === member)) {
        if (property.shorthand && property.value.type === AST_NODE_TYPES.Identifier) return definitionOf(owner.file, property.value, hops + 1);
        return definitionOfValue(owner.file, property.value, member, hops);
      }
    }
    return undefined;
  }
  if (owner.kind === 'class') {
    for (const element of owner.node.body.body) {
      if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && element.static === !owner.instance && keyName(element) === member && element.value) {
        return definitionOfValue(owner.file, element.value, member, hops);
      }
    }
    const assigned = owner.instance ? undefined : assignedMember(owner, member, hops);
    if (assigned || !owner.node.superClass || hops >= MAX_HOPS) return assigned;
    // Inherited: `ParasController.sanitizedSend(...)`, a static method of the `AbstractController` it extends.
    const base = definitionOf(owner.file, owner.node.superClass, hops + 1);
    return base?.kind === 'class' ? memberOf({ ...base, instance: owner.instance }, member, hops + 1) : undefined;
  }
  if (owner.kind === 'function') return assignedMember(owner, member, hops);
  if (owner.kind === 'context') {
    const value = contextMembers(owner.file).get(member);
    if (value) return definitionOfValue(owner.file, value, member, hops + 1);
    // `res.apiv3Err(...)`: a method the application's middleware adds to every response.
    const method = responseMethodDefinition(member);
    return method ? definitionOfValue(method.file, method.node, member, hops + 1) : undefined;
  }
  if (owner.kind === 'package') return { kind: 'package', source: owner.source, imported: owner.imported === '*' || owner.imported === 'default' ? member : `${owner.imported}.${member}`, name: member };
  if (owner.kind === 'made') {
    const instance = instanceMadeBy(owner, hops);
    return instance ? memberOf(instance, member, hops + 1) : undefined;
  }
  return undefined;
}

/**
 * `createStripeService(env)` of `function createStripeService(env) { if (!env.KEY) return null; return new
 * StripeService(env) }`: what a factory of the application makes, when every value it returns (but nothing) is an
 * instance of one class of the application's.
 */
function instanceMadeBy(owner: Extract<Definition, { kind: 'made' }>, hops: number): Definition | undefined {
  if (hops > MAX_HOPS || owner.call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const factory = definitionOf(owner.file, owner.call.callee, hops + 1);
  if (factory?.kind !== 'function') return undefined;
  const fn = factory.node;
  const returned: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
  else {
    walk(factory.file.context, fn.body, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      return undefined;
    });
  }
  let made: Definition | undefined;
  for (const value of returned.map((item) => unwrapAwait(unwrap(item)))) {
    if (isNullish(value)) continue;
    // `createApiClient = async (token) => createApiClientFromUser(await getUser(token))`: what the other factory makes.
    const instance =
      value.type === AST_NODE_TYPES.NewExpression
        ? definitionOfValue(factory.file, value, owner.name, hops + 1)
        : value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier
          ? instanceMadeBy({ kind: 'made', file: factory.file, call: value, name: owner.name }, hops + 1)
          : undefined;
    if (instance?.kind !== 'class' || (made?.kind === 'class' && made.node !== instance.node)) return undefined;
    made = instance;
  }
  return made;
}

/**
 * A member set on a function or class after it is declared, as modules did before classes: `ApiResponse.error =
 * function (err, code) {...}` beside `function ApiResponse() {}` (`module.exports = ApiResponse`).
 */
function assignedMember(owner: Extract<Definition, { kind: 'function' | 'class' }>, member: string, hops: number): Definition | undefined {
  const name = declaredName(owner.node);
  if (!name) return undefined;
  for (const statement of owner.file.program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const left = statement.expression.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.Identifier || left.object.name !== name || propertyName(left) !== member) continue;
    return definitionOfValue(owner.file, statement.expression.right, member, hops + 1);
  }
  return undefined;
}

/**
 * `this.oauthRepository`, declared with its class as its type (`constructor(private oauthRepository: OAuthRepository)`,
 * `private readonly billing: BillingService`): an instance of that class, as dependency injection hands it over.
 */
function injectedInstance(file: SourceFile, node: TSESTree.MemberExpression, field: string, hops: number): Definition | undefined {
  const annotation = fieldTypeOf(node, field);
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  return instanceOfDeclared(file, annotation.typeName, hops);
}

/** An instance of the application's class a field or parameter is declared as, by the type's name. */
function instanceOfDeclared(file: SourceFile, typeName: TSESTree.Identifier, hops: number): Definition | undefined {
  const type = definitionOf(file, typeName, hops + 1);
  return type?.kind === 'class' ? { ...type, instance: true } : undefined;
}

/** The class a parameter is declared as (`paymentService: PaymentService`), by its name. */
export function parameterClassName(name: TSESTree.Node): TSESTree.Identifier | undefined {
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName : undefined;
}

/** The names a request context is handed under (`({ ctx }) => ...`). */
export const CONTEXT_NAME = /^(?:ctx|context)$/;

/**
 * The members a file's middleware sets on the request context: `next({ ctx: { discoverService: new DiscoverService() } })`
 * in a tRPC procedure's `.use(...)`, read as `ctx.discoverService` in the procedures of the same file.
 */
function contextMembers(file: SourceFile): Map<string, TSESTree.Node> {
  const cached = file.memo.get('context-members') as Map<string, TSESTree.Node> | undefined;
  if (cached) return cached;
  const members = new Map<string, TSESTree.Node>();
  // Only a file that writes `ctx:` can set members; the others are not walked.
  if (/\bctx\s*:/.test(file.context.sourceCode.text)) {
    walk(file.context, file.program, (node) => {
      if (node.type !== AST_NODE_TYPES.Property || keyName(node) !== 'ctx' || node.value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      for (const property of node.value.properties) {
        const name = property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined;
        if (name !== undefined && property.type === AST_NODE_TYPES.Property && !members.has(name)) members.set(name, property.value);
      }
      return undefined;
    });
  }
  file.memo.set('context-members', members);
  return members;
}

/** What an identifier or member expression of a file stands for. */
export function definitionOf(file: SourceFile, node: TSESTree.Node, hops = 0): Definition | undefined {
  if (hops > MAX_HOPS) return undefined;
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const member = propertyName(current);
    if (member === undefined) return undefined;
    if (current.object.type === AST_NODE_TYPES.ThisExpression) return injectedInstance(file, current, member, hops);
    const owner = definitionOf(file, current.object, hops + 1);
    return owner ? memberOf(owner, member, hops) : undefined;
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const scope = file.context.sourceCode.getScope(current);
  let variable = null as import('../resolve/values.js').Variable | null;
  for (let at: typeof scope | null = scope; at && !variable; at = at.upper) variable = at.set.get(current.name) ?? null;
  // `throw createError({ statusCode: 401 })` in a Nuxt or Nitro server file: h3's, imported for it by the framework.
  if (!variable) {
    const autoImported = autoImportedFactory(current.name);
    if (autoImported) return { kind: 'package', source: autoImported.modules[0], imported: current.name, name: current.name };
    // `return kunError(event, msg)` in a Nuxt server file: the utility `server/utils/kunError.ts` exports.
    const utility = autoImportedUtility(file.file, current.name);
    const target = utility ? sourceFile(utility.file) : undefined;
    return target && utility ? exportOf(target, utility.exported, hops + 1) : undefined;
  }
  const definition = variable.defs[0];
  if (!definition) return undefined;
  switch (definition.type) {
    case 'ImportBinding': {
      const specifier = definition.node as TSESTree.ImportClause;
      const declaration = definition.parent as TSESTree.ImportDeclaration;
      const imported =
        specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      return moduleDefinition(file, declaration.source.value, imported, current.name, hops);
    }
    case 'Parameter': {
      // `({ ctx }) => ctx.discoverService.getManifest(...)`: what the file's middleware puts on the context.
      // `(req, res) => res.apiv3Err(...)`: the response, whose added methods the project search knows.
      if (CONTEXT_NAME.test(current.name) || RESPONSE_OBJECT.test(current.name)) return { kind: 'context', file, name: current.name };
      // `(fastify, paymentService: PaymentService) => ...`: an instance of the application's class the parameter is declared as.
      const declared = parameterClassName(definition.name);
      return declared ? instanceOfDeclared(file, declared, hops) : undefined;
    }
    case 'FunctionName':
      return { kind: 'function', file, node: definition.node as FunctionNode, name: current.name };
    case 'ClassName':
      return { kind: 'class', file, node: definition.node as ClassNode, name: current.name };
    case 'TSEnumName':
      return { kind: 'enum', file, node: definition.node as TSESTree.TSEnumDeclaration, name: current.name };
    case 'Variable': {
      const declarator = definition.node as TSESTree.VariableDeclarator;
      if (!declarator.init) return undefined;
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        // `const { ValidationError } = require('./errors')`, and deeper: `const { MSGS: { NOT_FOUND } } = require('./constants')`.
        const keys = patternPath(declarator.id, current.name);
        if (!keys || keys.length === 0) return undefined;
        let owner = definitionOfValue(file, declarator.init, keys[0], hops);
        for (const key of keys) owner = owner ? memberOf(owner, key, hops) : undefined;
        return owner;
      }
      return definitionOfValue(file, declarator.init, current.name, hops);
    }
    default:
      return undefined;
  }
}

/**
 * Asked once per node of the linted file: several readings ask of the same callee (its body, its results, its
 * status). The node belongs to one parse of the file, so an edit elsewhere is seen at the next lint, which parses anew.
 */
const definitionsOfNodes = new WeakMap<TSESTree.Node, Definition | null>();

/** What a callee of the file being linted stands for; a failure of the model is "unknown", never a failed lint. */
export function definitionIn(context: FileContext, node: TSESTree.Node): Definition | undefined {
  const known = definitionsOfNodes.get(node);
  if (known !== undefined) return known ?? undefined;
  let found: Definition | undefined;
  try {
    found = definitionOf(currentFile(context), node);
  } catch {
    found = undefined;
  }
  definitionsOfNodes.set(node, found ?? null);
  return found;
}
