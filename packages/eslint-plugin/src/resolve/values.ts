// Static values in code: what a name is bound to, the text of a string or template, the dotted path of a member.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileImports } from './imports.js';

export type Variable = TSESLint.Scope.Variable;

/** What the analysis of one file shares: the source, its imports and a cache of name lookups. */
export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly imports: FileImports;
  readonly filename: string;
  readonly variables: Map<TSESTree.Identifier, Variable | null>;
  /** The working directory paths in messages are shown relative to (ESLint's `cwd`). */
  readonly cwd?: string;
}

/** Helper parameters bound to the arguments of one call site, when a helper's send is read through its caller. */
export type Bindings = ReadonlyMap<Variable, TSESTree.Node>;
export const NO_BINDINGS: Bindings = new Map();

/** Strip what does not change a value: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b` wrappers. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The variable a name refers to from a scope: its own, or the nearest enclosing one that declares it (eslint-utils' `findVariable`, without loading it). */
function findVariable(initialScope: TSESLint.Scope.Scope, identifier: TSESTree.Identifier): Variable | null {
  for (let scope: TSESLint.Scope.Scope | null = initialScope; scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return null;
}

export function variableOf(context: FileContext, identifier: TSESTree.Identifier): Variable | null {
  const cached = context.variables.get(identifier);
  if (cached !== undefined) return cached;
  let found: Variable | null = null;
  try {
    found = findVariable(context.sourceCode.getScope(identifier), identifier);
  } catch {
    found = null;
  }
  context.variables.set(identifier, found);
  return found;
}

/** Is this identifier a global (not declared anywhere in the file)? */
export function isGlobalName(context: FileContext, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(context, identifier);
  return !variable || variable.defs.length === 0;
}

/** The one value a name is bound to: a `const`, or a `let`/`var` that is never written again. */
export function initializerOf(context: FileContext, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = variableOf(context, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!declarator.init) {
    // `let response; try { response = await fetch(url) } ...`: the one value ever written to it.
    const writes = variable.references.filter((reference) => reference.isWrite() && reference.writeExpr);
    return writes.length === 1 ? (writes[0].writeExpr as TSESTree.Expression) : undefined;
  }
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind !== 'const') {
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length > 1) return undefined;
  }
  return declarator.init;
}

/** Parameter decorators that hand a handler one value of the request (NestJS, its GraphQL resolvers, TypeGraphQL). */
const REQUEST_PARAMETER_DECORATORS: Readonly<Record<string, string>> = { Body: 'body', Query: 'query', Param: 'params', Args: 'args', Arg: 'args', Headers: 'headers' };

/** The decorators of a parameter, also of one with a default (`@Query() q = {}`) or a property (`@Inject() private x`). */
function parameterDecorators(parameter: TSESTree.Node): readonly TSESTree.Decorator[] {
  const decorated = parameter.parent?.type === AST_NODE_TYPES.AssignmentPattern || parameter.parent?.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parent : parameter;
  return 'decorators' in decorated ? ((decorated as { decorators?: TSESTree.Decorator[] }).decorators ?? []) : [];
}

/** `@Args('token') token: string`: the request's `args.token`. */
function decoratedParameterPath(parameter: TSESTree.Node): string | undefined {
  for (const decorator of parameterDecorators(parameter)) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) continue;
    const part = REQUEST_PARAMETER_DECORATORS[call.callee.name];
    const key = call.arguments[0];
    if (part && key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return `${part}.${key.value}`;
  }
  return undefined;
}

/** The request's data as a whole, as it came: `req.body`, `request.query`, `ctx.request.body`, `ctx.params`, `await c.req.json()`. */
const WHOLE_REQUEST_PART = /^(?:_?(?:req|request)|ctx\.request|ctx|context\.request)\.(?:body|query|params)$|^c\.req\.(?:json|parseBody|query|param)$/;

/**
 * Is this the request's data handed on whole, unread (`get_job(req.body)`, a NestJS `@Body() dto` parameter), rather
 * than one value of it or something the server made?
 */
export function isWholeRequestPart(context: FileContext, node: TSESTree.Node): boolean {
  const value = unwrapAwait(unwrap(node));
  const path = memberPath(value.type === AST_NODE_TYPES.CallExpression ? value.callee : value);
  if (path !== undefined && WHOLE_REQUEST_PART.test(path)) return value.type !== AST_NODE_TYPES.CallExpression || /^c\.req\./.test(path);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(context, value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter') return false;
  return parameterDecorators(definition.name).some((decorator) => {
    const call = decorator.expression;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && ['Body', 'Query'].includes(call.callee.name) && call.arguments.length === 0;
  });
}

/** A part of the request (`req.body`) or a value read off one (`req.body.events`, `ctx.params.version`). */
const REQUEST_PART_PREFIX = /^(?:_?(?:req|request)|ctx\.request|ctx|context\.request)\.(?:body|query|params)(?:\.|$)/;

/**
 * Is this a value of the request as the client sent it: the whole part (see `isWholeRequestPart`), one of its
 * fields (`req.body.events`), or a name destructured from one (`const { events } = ctx.request.body`)?
 */
export function isRequestValue(context: FileContext, node: TSESTree.Node): boolean {
  if (isWholeRequestPart(context, node)) return true;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) return REQUEST_PART_PREFIX.test(memberPath(value) ?? '');
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  return REQUEST_PART_PREFIX.test(destructuredPath(context, value) ?? '');
}

/**
 * For `const { id: userId } = req.user`, the member path `req.user.id` that `userId` holds; for a parameter the
 * framework fills from the request (`@Args('token') token`), the request's part (`args.token`).
 */
export function destructuredPath(context: FileContext, identifier: TSESTree.Identifier): string | undefined {
  const variable = variableOf(context, identifier);
  if (variable?.defs.length === 1 && variable.defs[0].type === 'Parameter') return decoratedParameterPath(variable.defs[0].name);
  if (!variable || variable.defs.length !== 1 || variable.defs[0].type !== 'Variable') return undefined;
  const declarator = variable.defs[0].node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return undefined;
  const base = memberPath(unwrapAwait(declarator.init));
  if (!base) return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === identifier.name) return `${base}.${property.key.name}`;
  }
  return undefined;
}

export function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  return current;
}

/** The exported declaration a function is the value of: `export const load = ...`, `export async function load()`. */
export function exportedNameOf(fn: TSESTree.Node): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id.name : undefined;
  // `export const actions = { ... } satisfies Actions`: the value seen through what only types it.
  let declarator = fn.parent;
  while (declarator && unwrap(declarator) !== declarator) declarator = declarator.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || unwrap(declarator.init) !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declarator.id.name : undefined;
}

/** `req.user.role` for `req.user?.role`, `req['user'].role`; `this.client.get`; undefined for anything with calls. */
export function memberPath(node: TSESTree.Node): string | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (current.type === AST_NODE_TYPES.Super) return 'super';
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = memberPath(current.object);
    const property = propertyName(current);
    if (object === undefined || property === undefined) return undefined;
    return `${object}.${property}`;
  }
  return undefined;
}

/** The name of a member's property when it is static: `a.b`, `a['b']`. */
export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') return member.property.value;
  if (!member.computed && member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return undefined;
}

/** The name of an object property's key when it is static. */
/** The property of an object literal with this key (`{ status: 401 }`), if written. */
export function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find((item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && keyName(item) === name);
}

export function keyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** `null` or `undefined`, written out. */
export function isNullish(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  return (current.type === AST_NODE_TYPES.Literal && current.value === null) || (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined');
}

/** A condition under its `!`s (`!!result.isOk()`), and whether they, with `flipped`, turn it around. */
export function withoutNegation(test: TSESTree.Node, flipped: boolean): { node: TSESTree.Node; negated: boolean } {
  let node = unwrap(test);
  let negated = flipped;
  while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    negated = !negated;
    node = unwrap(node.argument);
  }
  return { node, negated };
}

/** The root identifier of a member chain: `res` for `res.status(401).json`. */
export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return undefined;
  }
}

/** Follow a name to what it is bound to: helper arguments first, then constant bindings. */
export function followBinding(context: FileContext, node: TSESTree.Node, bindings: Bindings): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < 6 && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const variable = variableOf(context, current);
    const bound = variable ? bindings.get(variable) : undefined;
    if (bound) {
      current = unwrap(bound);
      continue;
    }
    const init = initializerOf(context, current);
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

/** Resolve `OBJ.KEY` where `OBJ` is a constant object literal in the file. */
export function constantObjectMember(context: FileContext, member: TSESTree.MemberExpression, bindings: Bindings): TSESTree.Node | undefined {
  const name = propertyName(member);
  if (name === undefined) return undefined;
  const object = followBinding(context, member.object, bindings);
  if (object.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && keyName(property) === name) return property.value;
    }
    return undefined;
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const inner = constantObjectMember(context, object, bindings);
    if (inner && unwrap(inner).type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of (unwrap(inner) as TSESTree.ObjectExpression).properties) {
        if (property.type === AST_NODE_TYPES.Property && keyName(property) === name) return property.value;
      }
    }
  }
  return undefined;
}

/**
 * The static text of a string expression: literals, templates (their static parts, with resolvable names
 * filled in), concatenations and constants. Undefined when nothing of it is static.
 */
export function staticText(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const current = followBinding(context, node, bindings);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return typeof current.value === 'string' ? current.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      current.quasis.forEach((quasi, index) => {
        text += quasi.value.cooked ?? quasi.value.raw;
        const expression = current.expressions[index];
        if (expression) {
          const inner = staticText(context, expression, bindings, depth + 1);
          text += inner !== undefined ? inner : ' ';
        }
      });
      const cleaned = text.replace(/\s+/g, ' ').trim();
      return cleaned.length > 0 ? cleaned : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (current.operator !== '+') return undefined;
      const left = staticText(context, current.left as TSESTree.Node, bindings, depth + 1);
      const right = staticText(context, current.right, bindings, depth + 1);
      if (left === undefined && right === undefined) return undefined;
      return `${left ?? ' '}${right ?? ' '}`.replace(/\s+/g, ' ').trim();
    }
    case AST_NODE_TYPES.MemberExpression: {
      const value = constantObjectMember(context, current, bindings);
      return value ? staticText(context, value, bindings, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return translationKeyText(context, current, bindings, depth);
    // Lingui's and similar translation tags (t`User already exists`, i18n._`...`, msg`...`): the words are the template's.
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return TRANSLATE_TAG.test(memberPath(current.tag) ?? '') ? staticText(context, current.quasi, bindings, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/** Tags that translate the template they are given: `t`, `i18n._`, `msg`, `defineMessage`. */
const TRANSLATE_TAG = /^(?:[\w$]+\.)*(?:t|_|msg|defineMessage|i18n|translate)$/;

/** Translation calls (`t('errors.member_already_exists')`, `i18n.t(...)`, `__()`): the key is the message's words. */
const TRANSLATE = /^(?:[\w$]+\.)*(?:t|\$t|__|translate|formatMessage)$/;

function translationKeyText(context: FileContext, call: TSESTree.CallExpression, bindings: Bindings, depth: number): string | undefined {
  const callee = memberPath(call.callee);
  if (!callee || !TRANSLATE.test(callee) || call.arguments.length === 0) return undefined;
  const key = staticText(context, call.arguments[0] as TSESTree.Node, bindings, depth + 1);
  // A sentence is its own key (`ctx.t('Too many failed attempts.')`); in `errors.member_already_exists` the namespace
  // says nothing and the last part says it all.
  if (key && /\s/.test(key.trim())) return key.trim();
  return key?.split(/[.:/]/).pop()?.replace(/[_-]+/g, ' ').trim() || undefined;
}

/** A static number: a literal, a negative literal, or a constant. */
export function staticNumber(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS): number | undefined {
  const current = followBinding(context, node, bindings);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'number') return current.value;
  return undefined;
}

/** The function a callee names, when it is declared in this file: `function send()`, `const send = () => ...`. */
export function localFunction(context: FileContext, callee: TSESTree.Node): FunctionNode | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, current);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition.type === 'Variable') {
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    if (init && (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression)) return init;
  }
  return undefined;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** The parameter identifier of a parameter node: `res`, `res: Response`, `res = x`, `@Res() res`, `private res`. */
export function parameterIdentifier(parameter: TSESTree.Parameter): TSESTree.Identifier | undefined {
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter;
  if (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) return parameter.left;
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) {
    const inner = parameter.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier) return inner;
    if (inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier) return inner.left;
  }
  return undefined;
}

/** Short source text for messages. */
export function shortText(context: FileContext, node: TSESTree.Node, limit = 80): string {
  const text = context.sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

/**
 * The declared type of a field of the class a node is in: `private readonly storage: Storage`, or a constructor's
 * parameter property (`constructor(private billing: BillingService)`), as dependency injection hands it over.
 */
export function fieldTypeOf(node: TSESTree.Node, field: string): TSESTree.TypeNode | undefined {
  let body: TSESTree.Node | undefined = node.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!body) return undefined;
  let annotation: TSESTree.TypeNode | undefined;
  for (const element of (body as TSESTree.ClassBody).body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && keyName(element) === field) annotation = element.typeAnnotation?.typeAnnotation;
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const parameter of element.value.params) {
      if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
      if (inner.type === AST_NODE_TYPES.Identifier && inner.name === field) annotation = inner.typeAnnotation?.typeAnnotation;
    }
  }
  return annotation;
}

/** `a.b.c.d` as its root (`a`, `this`, a call) and the names read from it (`['b', 'c', 'd']`); undefined for a computed name. */
export function memberChain(node: TSESTree.Node): { root: TSESTree.Node; names: string[] } | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  return { root: current, names };
}

/** Loggers and error reporters: a call of theirs only records what it is given. */
export const LOGGER_PATH = /^(?:console|logger|log|debug|winston|pino|Sentry|this\.logger|this\.log|(?:req|request|ctx|c|fastify|app|server)\.(?:log|logger))(?:\.|$)/;

/** The node a value is held in once `await` and type assertions are set aside (`throw (await make()) as Error`). */
function valueHolder(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression)) parent = parent.parent;
  return parent;
}

/** Is this value thrown where it is made (`throw new X()`, also through `await` and type assertions)? */
export function isThrown(node: TSESTree.Node): boolean {
  return valueHolder(node)?.type === AST_NODE_TYPES.ThrowStatement;
}

/**
 * The statement that throws this value: where it is made, or through the constant it is named by first
 * (`const error = new RelayLimitReachedError(...); this.logger.info(error.message); throw error;`).
 */
export function throwOf(context: FileContext, node: TSESTree.Node): TSESTree.ThrowStatement | undefined {
  const holder = valueHolder(node);
  if (holder?.type === AST_NODE_TYPES.ThrowStatement) return holder;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier || holder.parent.kind !== 'const') return undefined;
  const own = enclosingFunction(holder);
  for (const reference of variableOf(context, holder.id)?.references ?? []) {
    const statement = reference.identifier.parent;
    if (statement?.type === AST_NODE_TYPES.ThrowStatement && statement.argument === reference.identifier && enclosingFunction(statement) === own) return statement;
  }
  return undefined;
}

/** The function a node is written in. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The method of a class a node sits in (the nearest). */
export function enclosingMethod(node: TSESTree.Node): TSESTree.MethodDefinition | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === AST_NODE_TYPES.MethodDefinition) return current;
  return undefined;
}

/** What the class of a method extends (`ThrottlerGuard`, `think.Controller`), if it extends anything. */
export function superClassOf(method: TSESTree.MethodDefinition): TSESTree.Expression | undefined {
  const owner = method.parent?.parent;
  return (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) && owner.superClass ? owner.superClass : undefined;
}

/** The `catch` clause a node is in, within its own function (not one of a function it is nested in). */
export function enclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return current;
    if (isFunction(current)) return undefined;
  }
  return undefined;
}
