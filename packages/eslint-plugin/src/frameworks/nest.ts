// NestJS: `throw new UnauthorizedException(msg)`, `new HttpException(body, status)`, and bodies returned under `@HttpCode(n)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { nameForStatus, nestExceptionStatuses, nestGenericException } from '@status-lint/core';
import type { Role } from '../resolve/handlers.js';
import { enclosingCatch, fieldTypeOf, followBinding, isFunction, keyName, NO_BINDINGS, unwrap, type FileContext, type FunctionNode } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { returnedValues, returnStatements } from '../resolve/returns.js';
import { IMPLICIT_SUCCESS, type Draft, type Suggestion } from '../sites.js';
import { projectSearch } from '../app-model/project-search.js';
import { projectFolder } from '../app-model/source-files.js';
import { resolveModuleFile } from '../app-model/module-resolution.js';
import { constructedProperties, helperReturnedProperties } from '../app-model/returned-bodies.js';

const NEST = ['@nestjs/common'];
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head']);

/** The written words of an `errors` list or map: `{ username: 'must be unique' }`, `['Name is taken']`. */
function wordsListed(value: TSESTree.Node): TSESTree.Node[] {
  const written = (node: TSESTree.Node | null) => node !== null && (node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string'));
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && written(unwrap(property.value)) ? [property.value] : []));
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && written(unwrap(element)));
  return [];
}

/** Message texts of an exception argument: a string, or an object's `message` / `error` (and the words its `errors` list). */
function messagesOf(context: FileContext, argument: TSESTree.Node | undefined): TSESTree.Node[] {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
  const value = followBinding(context, argument, NO_BINDINGS);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return [];
      const key = keyName(property) ?? '';
      if (['message', 'error', 'detail', 'reason'].includes(key)) return [property.value];
      // `{ message: 'Input data validation failed', errors: { username: 'Username and email must be unique.' } }`:
      // the words of each error listed say what failed.
      if (key === 'errors') return wordsListed(unwrap(property.value));
      return [];
    });
  }
  return [argument];
}

/** Identifiers named `name` outside the import declaration: the uses a class keeps after one of them is renamed. */
function otherUses(context: FileContext, name: string, except: TSESTree.Node, declaration: TSESTree.Node | undefined): number {
  let count = 0;
  walk(context, context.sourceCode.ast, (node) => {
    if (node === declaration) return false;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name && node !== except) count++;
    return undefined;
  });
  return count;
}

/**
 * Rename the class and import the new one: in place of the old one when nothing else in the file uses it (no import
 * left unused), beside it otherwise.
 */
function renameClass(context: FileContext, callee: TSESTree.Identifier, className: string): Suggestion {
  const program = context.sourceCode.ast;
  const declaration = program.body.find(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === '@nestjs/common' && statement.specifiers.some((specifier) => specifier.local.name === callee.name),
  );
  const imported = declaration?.specifiers.some((specifier) => specifier.local.name === className) ?? true;
  const last = declaration?.specifiers[declaration.specifiers.length - 1];
  const oldSpecifier = declaration?.specifiers.find((specifier) => specifier.local.name === callee.name);
  const soleUse = oldSpecifier?.type === AST_NODE_TYPES.ImportSpecifier && oldSpecifier.imported.type === AST_NODE_TYPES.Identifier && oldSpecifier.imported.name === callee.name && otherUses(context, callee.name, callee, declaration) === 0;
  return {
    text: className,
    fix: (fixer) => {
      const fixes = [fixer.replaceText(callee, className)];
      if (!imported && soleUse) fixes.push(fixer.replaceText(oldSpecifier, className));
      else if (soleUse) fixes.push(fixer.removeRange(specifierRange(context, oldSpecifier)));
      else if (!imported && last) fixes.push(fixer.insertTextAfter(last, `, ${className}`));
      return fixes;
    },
  };
}

/** The range of an import specifier with the comma and space that join it to its neighbour. */
function specifierRange(context: FileContext, specifier: TSESTree.ImportClause): [number, number] {
  const text = context.sourceCode.text;
  let [start, end] = specifier.range;
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return [start, end + after[0].length];
  const before = /,\s*$/.exec(text.slice(0, start));
  if (before) start -= before[0].length;
  return [start, end];
}

const ERROR_CLASS_NAME = /(?:Error|Exception)$/;

/**
 * `return new BadRequestException(msg)` from a function that otherwise returns data (`return config`): the exception
 * is handed back as a value, and a controller that returns it sends it as a body with 200. A factory that returns
 * only errors (`notFound() { return new NotFoundException() }`) makes them for callers to throw.
 */
function returnedAsValue(context: FileContext, node: TSESTree.NewExpression): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.AwaitExpression)) {
    child = parent;
    parent = parent.parent;
  }
  let fn: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
    for (fn = parent.parent; fn && !isFunction(fn); fn = fn.parent);
  } else if (parent && isFunction(parent) && parent.body === child) fn = parent;
  if (!fn || !isFunction(fn)) return false;
  // `function generationError(err): HttpException`: declared to make errors.
  const declared = fn.returnType ? context.sourceCode.getText(fn.returnType) : '';
  if (/(?:Error|Exception)\b/.test(declared)) return false;
  const returned = returnedValues(context, fn);
  const isError = (value: TSESTree.Node): boolean =>
    (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && ERROR_CLASS_NAME.test(value.callee.name)) ||
    (value.type === AST_NODE_TYPES.Identifier && /^(?:e|err|error|ex|exc|exception|cause)$/i.test(value.name));
  return returned.some((value) => !isError(value));
}

export function nestExceptionDraft(context: FileContext, node: TSESTree.NewExpression, boundary: FunctionNode | undefined, role: Role | undefined): Draft | undefined {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !context.imports.isFrom(callee.name, NEST)) return undefined;
  // Returned, not thrown: the exception is the body of a 200.
  if (returnedAsValue(context, node)) return { producer: 'nestjs', anchor: node, ...IMPLICIT_SUCCESS, bodyNode: node, boundary, role, replaceStatus: () => undefined };
  const className = context.imports.binding(callee.name)?.imported ?? callee.name;
  if (className === nestGenericException.className) {
    const statusNode = node.arguments[nestGenericException.statusArgument];
    if (!statusNode || statusNode.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const body = node.arguments[nestGenericException.bodyArgument];
    return {
      producer: 'nestjs',
      anchor: node,
      statusNode,
      messageNodes: messagesOf(context, body),
      bodyNode: undefined,
      boundary,
      role,
    };
  }
  const status = nestExceptionStatuses[className];
  if (status === undefined || !Object.prototype.hasOwnProperty.call(nestExceptionStatuses, className)) return undefined;
  return {
    producer: 'nestjs',
    anchor: node,
    knownStatus: { status, text: className, node: callee },
    messageNodes: [...messagesOf(context, node.arguments[0]), ...messagesOf(context, node.arguments[1])].filter((item) => item.type !== AST_NODE_TYPES.ObjectExpression),
    boundary,
    role,
    replaceStatus: (next) => {
      const replacement = nameForStatus(nestExceptionStatuses, next);
      return replacement ? renameClass(context, callee, replacement) : undefined;
    },
  };
}

function decoratorName(decorator: TSESTree.Decorator): { name: string; call?: TSESTree.CallExpression } | undefined {
  const expression = decorator.expression;
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier) return { name: expression.callee.name, call: expression };
  if (expression.type === AST_NODE_TYPES.Identifier) return { name: expression.name };
  return undefined;
}

/** Bodies a controller method returns: sent with `@HttpCode(n)`, or 200 (201 for `@Post`). */
export function nestReturnDrafts(context: FileContext, method: TSESTree.MethodDefinition): Draft[] {
  const names = decoratorNames(method).filter((item) => context.imports.isFrom(item.name, NEST));
  const route = names.find((item) => ROUTE_DECORATORS.has(context.imports.binding(item.name)?.imported ?? ''));
  if (!route) return [];
  const httpCode = names.find((item) => context.imports.binding(item.name)?.imported === 'HttpCode');
  const implicitStatus = context.imports.binding(route.name)?.imported === 'Post' ? 201 : 200;
  const statusNode = httpCode?.call?.arguments[0];
  return returnedObjectDrafts(context, method, 'nestjs', implicitStatus, statusNode && statusNode.type !== AST_NODE_TYPES.SpreadElement ? statusNode : undefined);
}

/** The method this function is, of a class decorated with NestJS's `@Injectable()`, and that class. */
function injectableMethodOf(context: FileContext, fn: FunctionNode): { method: TSESTree.MethodDefinition; owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression } | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method' || method.static || method.value !== fn) return undefined;
  const owner = method.parent.parent;
  if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  return (owner.decorators ?? []).some((decorator) => decoratorName(decorator)?.name === 'Injectable' && context.imports.isFrom('Injectable', NEST)) ? { method, owner } : undefined;
}

/**
 * A method of an injectable service whose result a controller of the project returns as it is
 * (`return this.settingsService.addRadarrSetting(payload)`): the objects it returns are the bodies sent, with a 2xx,
 * whatever they say (`{ status: 'NOK', code: 0, message: 'Failure' }`).
 */
export function nestServiceResultDrafts(context: FileContext, functions: readonly FunctionNode[]): Draft[] {
  if (!/@Injectable\(/.test(context.sourceCode.text) || /@Controller\(/.test(context.sourceCode.text)) return [];
  let returned: ReadonlySet<string> | undefined;
  const drafts: Draft[] = [];
  for (const fn of functions) {
    const method = injectableMethodOf(context, fn)?.method;
    if (!method) continue;
    returned ??= projectSearch(projectFolder()).controllerReturnedMethods;
    const name = keyName(method);
    if (name === undefined || !returned.has(name)) continue;
    drafts.push(...returnedObjectDrafts(context, method, 'nestjs', 200, undefined));
  }
  return drafts;
}

/**
 * The file of a controller of the project that awaits or returns this method of an injectable service outside any
 * `try` (`await this.podService.getPodNameListByAppid(appid)`): what the method lets fail reaches NestJS, which answers 500.
 */
export function awaitingControllerOf(context: FileContext, fn: FunctionNode): string | undefined {
  const { method, owner } = injectableMethodOf(context, fn) ?? {};
  const name = method ? keyName(method) : undefined;
  return name === undefined || !owner?.id ? undefined : projectSearch(projectFolder()).controllerAwaitedMethods.get(`${owner.id.name}.${name}`);
}

/**
 * Is `this.<field>` of the class around this method a service of the application (`private readonly mailService:
 * MailService`, its class imported from the project), not a client of another system (`private plaidClient: PlaidApi`
 * from 'plaid', `private stripe = new Stripe(...)`)?
 */
export function injectsApplicationService(context: FileContext, fn: FunctionNode, field: string): boolean {
  if (fn.parent?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  const type = fieldTypeOf(fn, field);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const source = context.imports.binding(type.typeName.name)?.source;
  return source !== undefined && (source.startsWith('.') || resolveModuleFile(context.filename, source) !== undefined);
}

/** The object literals a controller method returns, each a body sent with the status the method's decorators give. */
export function returnedObjectDrafts(context: FileContext, method: TSESTree.MethodDefinition, producer: string, implicitStatus: number, statusNode: TSESTree.Node | undefined): Draft[] {
  const fn = method.value;
  if (!isFunction(fn) || !fn.body) return [];
  // Objects, and the text a `catch` answers with (`catch (e) { return 'Error while resetting your project' }`).
  const objects = returnStatements(context, fn).flatMap((statement): TSESTree.Expression[] => {
    const argument = statement.argument;
    if (argument?.type === AST_NODE_TYPES.ObjectExpression) return [argument];
    if (argument && applicationAnswer(context, argument)) return [argument];
    const text = argument?.type === AST_NODE_TYPES.TemplateLiteral || (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string');
    return text && enclosingCatch(statement) !== undefined ? [argument] : [];
  });
  return objects.map((object) => ({
    producer,
    anchor: object,
    statusNode,
    knownStatus: statusNode ? undefined : { status: implicitStatus, text: String(implicitStatus) },
    implicit: !statusNode,
    bodyNode: object,
    boundary: fn,
    // `@HttpCode(204)` serves every return of the method: changing it would change the successful ones too. The fix
    // is to throw the exception the failure calls for, which no single edit of this return writes.
    replaceStatus: () => undefined,
  }));
}

/**
 * An answer the application's own helper or class builds: `return ResponseUtil.error('Bucket not found')`, `return
 * new ApiResult(null, msg)`. Not what an injected service returns (`this.appService.create(dto)`): that is read in the
 * service, where it is written.
 */
function applicationAnswer(context: FileContext, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.NewExpression) return constructedProperties(context, value) !== undefined;
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  if (value.callee.type === AST_NODE_TYPES.MemberExpression && unwrap(value.callee.object).type === AST_NODE_TYPES.MemberExpression) return false;
  return helperReturnedProperties(context, value) !== undefined;
}

export function decoratorNames(method: TSESTree.MethodDefinition): { name: string; call?: TSESTree.CallExpression }[] {
  return (method.decorators ?? []).map(decoratorName).filter((item): item is { name: string; call?: TSESTree.CallExpression } => item !== undefined);
}
