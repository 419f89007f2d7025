// Calls to other services on the way to a response: what a `try` (or a promise chain) calls, with HTTP clients named canonically.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { EVENT_WIRING, isClientOnlyModule, isHttpClientModule, isNetworkErrorMarker, isOutsideAddress, isUpstreamCallee, isUpstreamModule, type UpstreamEvidence } from '@status-lint/core';
import { conditionMarkers } from './guards.js';
import type { PathInfo } from './path.js';
import { notOkBinding } from './path.js';
import { fieldTypeOf, initializerOf, isFunction, isRequestValue, isWholeRequestPart, localFunction, memberChain, memberPath, propertyName, rootIdentifier, unwrap, unwrapAwait, variableOf, withoutNegation, type FileContext } from './values.js';
import { walk } from './walk.js';
import { returnedValues } from './returns.js';
import { applicationFunction } from '../app-model/call-sites.js';
import { resolveModuleFile } from '../app-model/module-resolution.js';
import { definitionIn, definitionOf, type ClassNode } from '../app-model/definitions.js';
import { projectFolder, sourceFile, type SourceFile } from '../app-model/source-files.js';
import { projectSearch } from '../app-model/project-search.js';
import { directlyEscapingRequestOf, requestCallOf } from '../app-model/request-functions.js';

/** Modules of HTTP clients, and the name their default or namespace import stands for. */
const CLIENT_MODULES: Readonly<Record<string, string>> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  undici: 'undici',
  superagent: 'superagent',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  'isomorphic-unfetch': 'fetch',
  ofetch: 'ofetch',
  needle: 'needle',
  http: 'http',
  https: 'https',
};
const CLIENT_NAMES = new Set(Object.values(CLIENT_MODULES));

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** The class a `this.name` member sits in. */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  return current;
}

/** Every value each field of a class is set to in its methods (`this.client = makeWASocket(config)` in `connect()`), read once per class. */
const assignedFields = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.Expression[]>>();

function fieldAssignments(context: FileContext, body: TSESTree.ClassBody): Map<string, TSESTree.Expression[]> {
  const cached = assignedFields.get(body);
  if (cached) return cached;
  const found = new Map<string, TSESTree.Expression[]>();
  for (const item of body.body) {
    if (item.type !== AST_NODE_TYPES.MethodDefinition || !item.value.body) continue;
    walk(context, item.value.body, (node) => {
      // A class nested in a method has a `this` of its own.
      if (node.type === AST_NODE_TYPES.ClassBody) return false;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression || node.left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const name = propertyName(node.left);
      if (name !== undefined) found.set(name, [...(found.get(name) ?? []), node.right]);
      return undefined;
    });
  }
  assignedFields.set(body, found);
  return found;
}

/**
 * The one value a field is set to: `private readonly tax = axios.create(...)`, `this.tax = ...` in the constructor, or
 * `this.client = makeWASocket(config)` in the method that connects.
 */
function fieldInitializer(context: FileContext, member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const name = propertyName(member);
  const body = name !== undefined ? enclosingClass(member) : undefined;
  if (!body || name === undefined) return undefined;
  const values: TSESTree.Expression[] = [];
  for (const item of body.body) {
    if (item.type === AST_NODE_TYPES.PropertyDefinition && !item.computed && item.key.type === AST_NODE_TYPES.Identifier && item.key.name === name && item.value) values.push(item.value);
  }
  values.push(...(fieldAssignments(context, body).get(name) ?? []));
  // `private client: WASocket | null = null`, `this.client = undefined` on close: a reset, not what the field holds.
  const held = values.filter((value) => !(value.type === AST_NODE_TYPES.Literal && value.value === null) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined'));
  return held.length === 1 ? held[0] : undefined;
}

/**
 * The call or construction that made the client a callee is called on, with the members read after it:
 * `api.get` on `const api = axios.create()` is `axios.create()` and `['get']`; `this.tax.post` on a field likewise.
 */
function heldClient(context: FileContext, callee: TSESTree.Node): { made: TSESTree.CallExpression | TSESTree.NewExpression; rest: string[] } | undefined {
  const madeBy = (init: TSESTree.Expression | undefined, rest: string[]): { made: TSESTree.CallExpression | TSESTree.NewExpression; rest: string[] } | undefined => {
    const value = init ? unwrapAwait(init) : undefined;
    return value && (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) ? { made: value, rest } : undefined;
  };
  const rest: string[] = [];
  let current = unwrap(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(current.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return madeBy(fieldInitializer(context, current), rest);
    const name = propertyName(current);
    if (name === undefined) return undefined;
    rest.unshift(name);
    if (object.type === AST_NODE_TYPES.Identifier) return madeBy(initializerOf(context, object) ?? destructuredFrom(context, object), rest);
    current = object;
  }
  return undefined;
}

/** `const { coreApi } = KubernetesClient.getInstance()`: the value a destructured name was taken from. */
function destructuredFrom(context: FileContext, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = variableOf(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  return declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init ? declarator.init : undefined;
}

/** A callee named so that core recognizes the client: `https.get` for an imported `get`, `axios.get` for `api.get` on `axios.create()`. */
export function canonicalCallee(context: FileContext, callee: TSESTree.Node, depth = 0): string[] {
  const path = memberPath(callee) ?? factoryChainPath(callee);
  if (!path) return [];
  const names = [path];
  const segments = path.split('.');
  const root = segments[0];
  const binding = context.imports.binding(root);
  if (binding && CLIENT_MODULES[binding.source] !== undefined) {
    const client = CLIENT_MODULES[binding.source];
    const base = binding.imported === 'default' || binding.imported === '*' ? client : binding.imported === 'fetch' ? 'fetch' : `${client}.${binding.imported}`;
    names.unshift([base, ...segments.slice(1)].join('.'));
  } else if (segments.length > 1 && depth < 3) {
    // `const api = axios.create(...)`, `private readonly tax = axios.create(...)`, `const s3 = new S3Client(...)`.
    const held = heldClient(context, callee);
    if (held) {
      const created = canonicalCallee(context, held.made.callee, depth + 1)[0];
      const createdRoot = created?.split('.')[0];
      if (createdRoot && CLIENT_NAMES.has(createdRoot)) names.unshift([createdRoot, ...held.rest].join('.'));
      else if (held.made.type === AST_NODE_TYPES.NewExpression && held.made.callee.type === AST_NODE_TYPES.Identifier) names.push([held.made.callee.name, ...held.rest].join('.'));
    }
  }
  if (root === 'this' && segments.length > 2) names.push(segments.slice(1).join('.'));
  return [...new Set(names)];
}

/** `getStripe().billingPortal.sessions.create`: a client made by a factory call, named with the factory. */
function factoryChainPath(callee: TSESTree.Node): string | undefined {
  const chain = memberChain(callee);
  if (!chain) return undefined;
  const { root: current, names: rest } = chain;
  if (current.type !== AST_NODE_TYPES.CallExpression || rest.length === 0) return undefined;
  const factory = memberPath(current.callee);
  return factory ? [`${factory}()`, ...rest].join('.') : undefined;
}

function isPackage(source: string): boolean {
  return !source.startsWith('.') && !source.startsWith('/');
}

/** The package a callee's client comes from: an import, or a client made with an imported class or factory (`new Stripe(key)`). */
/**
 * An import's source when it is a package from the registry; a path alias or a workspace package of the application
 * (`@/features/billing/service`) resolves to a file of the application and is no package.
 */
function packageOfImport(context: FileContext, source: string): string | undefined {
  return isPackage(source) && !resolveModuleFile(context.filename, source) ? source : undefined;
}

export function calleeModule(context: FileContext, callee: TSESTree.Node, depth = 0, makesClient = false): string | undefined {
  if (depth > 3) return undefined;
  // `const stripe = require('stripe')(key)`: the client is made by what a `require()` returns.
  const current = unwrap(callee);
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require') {
    const source = current.arguments[0];
    return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' && isPackage(source.value) ? source.value : undefined;
  }
  // `const dnsLookup = promisify(dns.lookup)`: the promisified function's own package.
  const init = current.type === AST_NODE_TYPES.Identifier ? initializerOf(context, current) : undefined;
  if (init?.type === AST_NODE_TYPES.CallExpression && /(?:^|\.)promisify$/.test(memberPath(init.callee) ?? '') && init.arguments[0] && init.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    return calleeModule(context, init.arguments[0], depth + 1);
  }
  const root = memberPath(callee)?.split('.')[0];
  const binding = root ? context.imports.binding(root) : undefined;
  // A path alias or a workspace package of the application (`@/features/billing/service`) is no SDK: its name says
  // nothing; a function of it that calls an outside address over HTTP reaches that service.
  if (binding) {
    const imported = packageOfImport(context, binding.source);
    // `isJidGroup(jid)` of a WhatsApp client package reads a string; only the socket it makes calls WhatsApp.
    if (imported !== undefined && !makesClient && isClientOnlyModule(imported) && current.type === AST_NODE_TYPES.Identifier) return undefined;
    if (imported !== undefined) return imported;
    // `stripeClient.checkout.sessions.create(...)` on a client another file of the application made and exports.
    const client = current.type === AST_NODE_TYPES.MemberExpression ? importedClient(context, binding.source, binding.imported) : undefined;
    const module = client ? calleeModule(client.context, client.made.callee, depth + 1, true) : undefined;
    return module ?? outsideAddressCalledBy(context, callee);
  }
  const held = heldClient(context, callee);
  if (!held) return typedClientModule(context, callee) ?? returnedClientModule(context, callee, depth, makesClient);
  const wrapped = madeClass(context, held.made);
  const sdk = wrapped ? wrappedSdk(wrapped.context, wrapped.name) : undefined;
  if (sdk) return sdk;
  return calleeModule(context, held.made.callee, depth + 1, true);
}

type MadeClient = { context: FileContext; made: TSESTree.CallExpression | TSESTree.NewExpression };

/**
 * The construction a client is made by: `new Stripe(key)`, and the one branch that makes it where the other is nothing
 * (`key ? new Stripe(key) : null`, `globalForPrisma.prisma ?? new PrismaClient()`).
 */
function construction(value: TSESTree.Expression): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const current = unwrapAwait(unwrap(value) as TSESTree.Expression);
  if (current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) return current;
  const sides = current.type === AST_NODE_TYPES.ConditionalExpression ? [current.consequent, current.alternate] : current.type === AST_NODE_TYPES.LogicalExpression && current.operator !== '&&' ? [current.left, current.right] : [];
  const made = sides.map((side) => unwrap(side)).filter((side): side is TSESTree.CallExpression | TSESTree.NewExpression => side.type === AST_NODE_TYPES.NewExpression || side.type === AST_NODE_TYPES.CallExpression);
  return made.length === 1 ? made[0] : undefined;
}

/** The top-level name a file exports as `name`: `export const stripe = ...`, `export { client as stripe }`, `export default stripe`. */
function exportedIdentifier(file: SourceFile, name: string): TSESTree.Identifier | undefined {
  let local: string | undefined;
  for (const statement of file.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) return declarator.id;
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
        if (exported === name && specifier.local.type === AST_NODE_TYPES.Identifier) local = specifier.local.name;
      }
    }
    if (name === 'default' && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && statement.declaration.type === AST_NODE_TYPES.Identifier) local = statement.declaration.name;
  }
  if (local === undefined) return undefined;
  for (const statement of file.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === local) return declarator.id;
  }
  return undefined;
}

/**
 * A client another file of the application makes and exports, as Next.js and serverless apps keep them
 * (`lib/stripe.ts`: `export const stripeClient = key ? new Stripe(key) : null`): the call that made it, in that file.
 */
function importedClient(context: FileContext, source: string, imported: string): MadeClient | undefined {
  const path = resolveModuleFile(context.filename, source);
  const file = path ? sourceFile(path) : undefined;
  if (!file) return undefined;
  const key = `exported-client:${imported}`;
  if (file.memo.has(key)) return file.memo.get(key) as MadeClient | undefined;
  const identifier = exportedIdentifier(file, imported);
  const init = identifier ? initializerOf(file.context, identifier) : undefined;
  const made = init ? construction(init) : undefined;
  const found = made ? { context: file.context, made } : undefined;
  file.memo.set(key, found);
  return found;
}

/**
 * A client a function of the application returns, called on at once or by the caller:
 * `this.googleService.getAnalyticsDataClient().properties.batchRunReports(...)`, where the method returns a field made
 * by `google.analyticsdata(...)`; `client.send(command)` with `client = this.createClient(region)`, a method returning
 * `new S3Client(...)`. The package the returned client comes from.
 */
function returnedClientModule(context: FileContext, callee: TSESTree.Node, depth: number, makesClient: boolean): string | undefined {
  if (depth > 3) return undefined;
  let current = unwrap(callee);
  // The call the chain starts from (`getAnalyticsDataClient()`), or the function named itself (`this.createClient`).
  while (current.type === AST_NODE_TYPES.MemberExpression && unwrap(current.object).type !== AST_NODE_TYPES.ThisExpression && unwrap(current.object).type !== AST_NODE_TYPES.Identifier) current = unwrap(current.object);
  // Named itself only where it is what made the client a call is made on (a call of it makes no call to the service).
  const named = current.type === AST_NODE_TYPES.CallExpression ? unwrap(current.callee) : makesClient && current === unwrap(callee) ? current : undefined;
  if (!named) return undefined;
  let made: { fn: FunctionNode; context: FileContext } | undefined;
  if (named.type === AST_NODE_TYPES.MemberExpression && unwrap(named.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = propertyName(named);
    const method = enclosingClass(named)?.body.find((item): item is TSESTree.MethodDefinition => item.type === AST_NODE_TYPES.MethodDefinition && !item.computed && item.key.type === AST_NODE_TYPES.Identifier && item.key.name === name);
    if (method) made = { fn: method.value as FunctionNode, context };
  }
  made ??= applicationFunction(context, named);
  if (!made?.fn.body) return undefined;
  for (const returned of returnedValues(made.context, made.fn)) {
    let value = unwrapAwait(unwrap(returned) as TSESTree.Expression);
    // `return this.analyticsDataClient`: what the field holds.
    if (value.type === AST_NODE_TYPES.MemberExpression && unwrap(value.object).type === AST_NODE_TYPES.ThisExpression) value = fieldInitializer(made.context, value) ?? value;
    if (value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.CallExpression) continue;
    const module = calleeModule(made.context, value.callee, depth + 1, true);
    if (module !== undefined) return module;
  }
  return undefined;
}

/** The type a name is declared with: `ctx: GSCContext`, `const sc: Searchconsole = ...`. */
function declaredType(context: FileContext, identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const definition = variableOf(context, identifier)?.defs[0];
  const name = definition?.name as TSESTree.Identifier | undefined;
  return name?.typeAnnotation?.typeAnnotation;
}

/** The package a type comes from: `Searchconsole` or `searchconsole_v1.Searchconsole` imported from one, `ReturnType<typeof searchconsole>`. */
function packageOfType(context: FileContext, type: TSESTree.TypeNode, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  let name: TSESTree.EntityName | undefined;
  if (type.type === AST_NODE_TYPES.TSTypeQuery) name = type.exprName.type === AST_NODE_TYPES.TSImportType ? undefined : type.exprName;
  else if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const wrapper = type.typeName.type === AST_NODE_TYPES.Identifier && /^(?:ReturnType|InstanceType|Awaited|Promise|NonNullable|Readonly)$/.test(type.typeName.name);
    const inner = type.typeArguments?.params[0];
    if (wrapper) return inner ? packageOfType(context, inner, depth + 1) : undefined;
    name = type.typeName;
  }
  while (name && name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  if (name?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = context.imports.binding(name.name);
  return binding ? packageOfImport(context, binding.source) : undefined;
}

/** The type of a member of a type declared in this file (`type GSCContext = { sc: ... }`, an interface, a type literal). */
function memberType(context: FileContext, type: TSESTree.TypeNode, member: string): TSESTree.TypeNode | undefined {
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) members = type.members;
  else if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
    const wanted = type.typeName.name;
    for (const statement of context.sourceCode.ast.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
      if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === wanted && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) members = declaration.typeAnnotation.members;
      if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === wanted) members = declaration.body.body;
    }
  }
  const named = (item: TSESTree.TSPropertySignature): string | undefined => (item.key.type === AST_NODE_TYPES.Identifier && !item.computed ? item.key.name : item.key.type === AST_NODE_TYPES.Literal ? String(item.key.value) : undefined);
  const property = members?.find((item): item is TSESTree.TSPropertySignature => item.type === AST_NODE_TYPES.TSPropertySignature && named(item) === member);
  return property?.typeAnnotation?.typeAnnotation;
}

/**
 * The package of a client known by its declared type alone, as dependency injection and typed contexts hand it over:
 * `ctx.sc.searchanalytics.query` where `ctx: GSCContext` and `GSCContext = { sc: ReturnType<typeof searchconsole> }`,
 * `this.storage.upload` where `private storage: Storage` from '@google-cloud/storage'.
 */
function typedClientModule(context: FileContext, callee: TSESTree.Node): string | undefined {
  const chain = memberChain(callee);
  if (!chain) return undefined;
  const { root: current, names: segments } = chain;
  let type: TSESTree.TypeNode | undefined;
  if (current.type === AST_NODE_TYPES.Identifier) type = declaredType(context, current);
  else if (current.type === AST_NODE_TYPES.ThisExpression && segments.length > 1) type = fieldTypeOf(current, segments.shift()!);
  // The last segment is the method called; the members before it lead to the client.
  for (let index = 0; type && index < segments.length; index++) {
    const module = packageOfType(context, type);
    // `req.client.setGroupIcon(...)` where the app adds `client: Whatsapp` to Express's `Request`: the member's package.
    if (module && EXPRESS_REQUEST_MODULES.has(module) && index + 1 < segments.length) return requestMemberModule(segments[index]) ?? module;
    if (module) return module;
    type = memberType(context, type, segments[index]);
  }
  return undefined;
}

const EXPRESS_REQUEST_MODULES = new Set(['express', 'express-serve-static-core']);

/**
 * The package of a member the application adds to Express's `Request` in a declaration of its own
 * (`declare global { namespace Express { interface Request { client: Whatsapp & { status: string } } } }`).
 */
function requestMemberModule(member: string): string | undefined {
  for (const path of projectSearch(projectFolder()).requestAugmentationFiles) {
    const file = sourceFile(path);
    if (!file) continue;
    // Read once per member and declaration file (the memo goes with the file when it changes): every call on `req` asks.
    const key = `request-member:${member}`;
    if (!file.memo.has(key)) file.memo.set(key, declaredRequestMemberModule(file, member));
    const found = file.memo.get(key) as string | undefined;
    if (found) return found;
  }
  return undefined;
}

/** In one declaration file: the package of the type it gives `member` of Express's `Request`. */
function declaredRequestMemberModule(file: SourceFile, member: string): string | undefined {
  let found: string | undefined;
  walk(file.context, file.context.sourceCode.ast, (node) => {
    if (found || node.type !== AST_NODE_TYPES.TSInterfaceDeclaration || node.id.name !== 'Request') return undefined;
    const property = node.body.body.find((item): item is TSESTree.TSPropertySignature => item.type === AST_NODE_TYPES.TSPropertySignature && item.key.type === AST_NODE_TYPES.Identifier && item.key.name === member);
    const type = property?.typeAnnotation?.typeAnnotation;
    const parts = type?.type === AST_NODE_TYPES.TSIntersectionType || type?.type === AST_NODE_TYPES.TSUnionType ? type.types : type ? [type] : [];
    found = parts.map((part) => packageOfType(file.context, part)).find((module) => module !== undefined);
    return false;
  });
  return found;
}

/**
 * The class of the application a client was made from: `new MCPClient(params)`, a static factory of the class
 * (`KubernetesClient.getInstance()`), or a function that says it returns one (`this.getClient(): Promise<MCPClient>`).
 */
function madeClass(context: FileContext, made: TSESTree.CallExpression | TSESTree.NewExpression): { context: FileContext; name: TSESTree.Identifier } | undefined {
  const callee = made.callee;
  if (made.type === AST_NODE_TYPES.NewExpression) return callee.type === AST_NODE_TYPES.Identifier ? { context, name: callee } : undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(callee.object.name)) return { context, name: callee.object };
  const maker = methodOfThis(context, callee) ?? localFunction(context, callee);
  const local = maker && returnedClass(maker);
  if (local) return { context, name: local };
  // A factory of another file (`createTmdbWithRegionLanguage(): TheMovieDb`): the class is named where the factory is.
  const definition = maker || callee.type !== AST_NODE_TYPES.Identifier || !context.imports.binding(callee.name) ? undefined : definitionIn(context, callee);
  if (definition?.kind !== 'function') return undefined;
  const returned = returnedClass(definition.node);
  return returned ? { context: definition.file.context, name: returned } : undefined;
}

/**
 * The SDK an application class wraps: the hosted service's package its module imports (`@modelcontextprotocol/sdk`,
 * `@octokit/rest`, `openai`), when the class comes from a file of the application. An instance's methods reach that
 * service. A general HTTP client (`axios`) is no hosted service's SDK (`isUpstreamModule` says no): a module that
 * imports one may well call the application itself, unless the class points it at an outside address.
 */
function wrappedSdk(context: FileContext, className: TSESTree.Identifier): string | undefined {
  if (!/^[A-Z]/.test(className.name) || !context.imports.binding(className.name)) return undefined;
  // Through barrels (`@/libs/mcp` re-exporting `./client`) to the file that declares the class.
  const definition = definitionIn(context, className);
  if (definition?.kind !== 'class') return undefined;
  // Not a package of which only the client it makes calls out (`baileys` imported for its `BufferJSON` helpers).
  // A package it takes values from: `import { type AppDefinition } from '@appsemble/lang-sdk'` uses no client of it.
  return [...definition.file.context.imports.valueSources].find((source) => isPackage(source) && isUpstreamModule(source) && !isClientOnlyModule(source)) ?? outsideAddressOf(definition.file, definition.node);
}

/** Roots of general HTTP clients' calls: `fetch(url)`, `axios.post(url)`, `got(url)`. */
export const HTTP_CALL_ROOT = /^(?:fetch|axios|got|ky|ofetch|\$fetch|superagent|needle|undici)$/;

/** The text an address is written with: a string, the head of a template, a `const` holding one, `new URL('...')`. */
function addressText(context: FileContext, node: TSESTree.Node, depth = 0): string | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' ? current.value : undefined;
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.quasis[0]?.value.cooked ?? undefined;
  // `'https://api.pwnedpasswords.com/range/' + prefix`: the address starts with its left side.
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+' && depth < 3) return addressText(context, current.left, depth + 1);
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'URL' && current.arguments[0] && depth < 3) return addressText(context, current.arguments[0], depth + 1);
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(current.callee) === 'toString' && depth < 3) return addressText(context, current.callee.object, depth + 1);
  if (current.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const init = initializerOf(context, current);
    return init ? addressText(context, init, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The outside service a general HTTP client is called at, when the code fixes it
 * (`fetch('https://api.vercel.com/v9/projects', ...)`): its origin. Not an address the request names or builds
 * (`fetch(`https://api.github.com/repos/${req.query.repo}`)`), where a failure may be what the client pointed at.
 */
function fixedOutsideAddress(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const root = memberPath(call.callee)?.split('.')[0];
  const address = call.arguments[0];
  // `fetch(...)`, `axios.get(...)`, or a function of a general HTTP client package (`betterFetch` from @better-fetch/fetch).
  const client = root !== undefined && (HTTP_CALL_ROOT.test(root) || isHttpClientModule(context.imports.binding(root)?.source ?? ''));
  if (!root || !client || !address || address.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const written = addressText(context, address);
  if (written === undefined || !isOutsideAddress(written) || /\b(?:req|request|params|query|body|input|args|ctx)\b/.test(addressSource(context, address))) return undefined;
  return /^[a-z]+:\/\/[^/?#]+/i.exec(written)?.[0];
}

/** The package a call's client comes from; for a general HTTP client, the outside address the code fixes, where it does. */
function serviceOf(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const packageOf = calleeModule(context, call.callee);
  return packageOf === undefined || isHttpClientModule(packageOf) ? (fixedOutsideAddress(context, call) ?? packageOf) : packageOf;
}

/** Texts that build the server's own address: the request's own URL, host or origin, the app's own base URL. */
const OWN_ADDRESS = /\b(?:req|request)\.(?:url|nextUrl)\b|\b(?:req|request|currentUrl|url|nextUrl)\.(?:host|hostname|origin|protocol)\b|headers(?:\.get\(\s*['"`]|\[\s*['"`]|\.)(?:host|origin|x-forwarded-host)|\b(?:NEXTAUTH_URL|NEXT_PUBLIC_(?:APP|SITE|BASE|WEBAPP)_URL|(?:APP|SITE|BASE|WEBAPP|SELF)_URL|VERCEL_URL)\b|\/\/(?:localhost|127\.0\.0\.1)\b/;

/** The text of an address argument, with the `const`s it is built from written out (two levels). */
function addressSource(context: FileContext, node: TSESTree.Node, depth = 0): string {
  let text = context.sourceCode.getText(node);
  if (depth >= 2) return text;
  walk(context, node, (inner) => {
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const init = initializerOf(context, inner);
    if (init) text += ` ${addressSource(context, init, depth + 1)}`;
    return undefined;
  });
  return text;
}

/**
 * A call of a general HTTP client at the server's own address (`fetch('/api/usage')`, `fetch(new URL('/api/x', req.url))`,
 * ``fetch(`${process.env.NEXTAUTH_URL}/api/x`)``): the application calling itself, not another service.
 */
export function callsOwnAddress(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const root = memberPath(call.callee)?.split('.')[0];
  const address = call.arguments[0];
  if (!root || !HTTP_CALL_ROOT.test(root) || !address || address.type === AST_NODE_TYPES.SpreadElement) return false;
  const written = addressText(context, address);
  if (written !== undefined && written.startsWith('/') && !written.startsWith('//')) return true;
  return OWN_ADDRESS.test(addressSource(context, address));
}

/**
 * The outside address a function of the application (in another file) calls over HTTP: `addSubscriberToForm` doing
 * `fetch('https://api.kit.com/v3/forms/...')`. Only an address written in the function: a helper that fetches a URL
 * it is handed may call the application itself.
 */
function outsideAddressCalledBy(context: FileContext, callee: TSESTree.Node): string | undefined {
  const definition = applicationFunction(context, callee);
  if (!definition) return undefined;
  let address: string | undefined;
  walk(definition.context, definition.fn.body, (node) => {
    if (address !== undefined) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || !node.arguments[0]) return undefined;
    const root = memberPath(node.callee)?.split('.')[0];
    if (!root || !HTTP_CALL_ROOT.test(root)) return undefined;
    const text = addressText(definition.context, node.arguments[0]);
    if (text !== undefined && isOutsideAddress(text)) address = text;
    return undefined;
  });
  return address;
}

/**
 * The outside address an application class points a general HTTP client at: `class TheMovieDb extends ExternalAPI`
 * calling `super('https://api.themoviedb.org/3')`, where the base class makes an `axios` client. The class, or the base
 * class it extends (one level), must import the HTTP client; the address is written in the class itself.
 */
function outsideAddressOf(file: SourceFile, node: ClassNode): string | undefined {
  const importsClient = (holder: SourceFile): boolean => [...holder.context.imports.sources].some(isHttpClientModule);
  let clientHeld = importsClient(file);
  if (!clientHeld && node.superClass?.type === AST_NODE_TYPES.Identifier) {
    let base: ReturnType<typeof definitionOf> | undefined;
    try {
      base = definitionOf(file, node.superClass);
    } catch {
      base = undefined;
    }
    clientHeld = base?.kind === 'class' && importsClient(base.file);
  }
  if (!clientHeld) return undefined;
  let address: string | undefined;
  walk(file.context, node.body, (inner) => {
    if (address !== undefined) return false;
    const text = inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.TemplateLiteral ? addressText(file.context, inner) : undefined;
    if (text !== undefined && isOutsideAddress(text)) address = text;
    return undefined;
  });
  return address;
}

/** The class a function's declared return type names: `MCPClient` of `Promise<MCPClient>` or `MCPClient`. */
function returnedClass(fn: FunctionNode): TSESTree.Identifier | undefined {
  let type: TSESTree.TypeNode | undefined = fn.returnType?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise') type = type.typeArguments?.params[0];
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName : undefined;
}

/** `this.request(...)` in a method: the method of the same class (in the class's own body) it names. */
export function methodOfThis(context: FileContext, callee: TSESTree.Node): FunctionNode | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.object.type !== AST_NODE_TYPES.ThisExpression || current.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = current.property.name;
  const body = enclosingClass(current);
  if (!body) return undefined;
  for (const member of body.body) {
    if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
      const value = member.value;
      if (value && isFunction(value)) return value;
    }
  }
  void context;
  return undefined;
}

interface CalleeList {
  readonly callees: string[];
  readonly modules: Record<string, string>;
  /** Callees read inside a function the block calls, with the name of that call (the first seen stays). */
  readonly through: Record<string, string>;
}

function emptyList(): CalleeList {
  return { callees: [], modules: {}, through: {} };
}

/** Add a callee once, with the package it comes from when known (the first module seen for a name stays). */
function addCallee(list: CalleeList, name: string, module: string | undefined, through?: string): void {
  if (!list.callees.includes(name)) {
    list.callees.push(name);
    if (through !== undefined && through !== name) list.through[name] = through;
  }
  if (module !== undefined && list.modules[name] === undefined) list.modules[name] = module;
}

/** Does a catch pass what it caught on (`throw`), so that an outer catch still sees the calls of its `try`? */
export function rethrows(context: FileContext, handler: TSESTree.CatchClause): boolean {
  return passesFailureOn(context, handler.body, false);
}

/** Does a promise's failure handler (`.catch((err) => { if (err.status === 404) return; throw err })`) pass failures on? */
export function handlerPassesOn(context: FileContext, handler: TSESTree.Node | undefined): boolean {
  return handler !== undefined && isFunction(handler) && passesFailureOn(context, handler.body, true);
}

/**
 * Does a handler's body pass a failure on: a `throw` of its own (not of a function nested in it), and where asked, a
 * `Promise.reject(...)`, which a promise handler returns to the same effect?
 */
function passesFailureOn(context: FileContext, body: TSESTree.Node, rejects: boolean): boolean {
  let found = false;
  walk(context, body, (node) => {
    if (found || (node !== body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    if (rejects && node.type === AST_NODE_TYPES.CallExpression && memberPath(node.callee) === 'Promise.reject') found = true;
    return undefined;
  });
  return found;
}

/**
 * A function of the application that keeps its own failure: the work it waits on is inside a `try` whose `catch` does
 * not pass the failure on (`try { await client.send(msg); return true } catch (error) { log(error); return false }`).
 * Its caller learns of a failure from what it returns, never from a throw.
 */
export function keepsOwnFailure(context: FileContext, callee: TSESTree.Node): boolean {
  const local = localFunction(context, callee);
  const definition = local ? { fn: local, context } : applicationFunction(context, callee);
  const body = definition?.fn.body;
  if (!definition || body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const keeps = (statement: TSESTree.Node) => statement.type === AST_NODE_TYPES.TryStatement && statement.handler !== null && statement.block.body.length > 0 && !rethrows(definition.context, statement.handler);
  if (!body.body.some(keeps)) return false;
  // The work it waits on is all inside such a `try`: `await exchangeCodeForToken(code)` before it fails the caller.
  let waitsOutside = false;
  walk(definition.context, body, (node) => {
    if (waitsOutside || keeps(node) || (node !== body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) waitsOutside = true;
    return undefined;
  });
  return !waitsOutside;
}

/** Functions handed to `.catch` that only log or do nothing: `console.error`, `logger.warn`, `this.logger.error`, `noop`. */
const LOGGING_HANDLER = /^(?:(?:this\.)?(?:console|logger|log|_logger|this\.log)\.(?:error|warn|log|info|debug|trace)|noop|_\.noop|ignore|ignoreError|logError|swallow)$/;

/** The handler of a `.catch(handler)` that does not pass the failure on (no `throw`, no `Promise.reject`). */
export function swallowingCatchHandler(context: FileContext, call: TSESTree.CallExpression): FunctionNode | TSESTree.Expression | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'catch') return undefined;
  const handler = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  // `.catch(console.error)`, `.catch(logger.warn)`, `.catch(noop)`: a logger or a no-op handed as the handler passes nothing on.
  if (handler && (handler.type === AST_NODE_TYPES.MemberExpression || handler.type === AST_NODE_TYPES.Identifier) && LOGGING_HANDLER.test(memberPath(handler) ?? '')) return handler as TSESTree.Expression;
  if (!handler || (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression)) return undefined;
  return passesFailureOn(context, handler.body, true) ? undefined : handler;
}

/** Is a call's promise caught further along its chain by a handler that passes nothing on (`.catch(() => null)`)? */
export function swallowedInChain(context: FileContext, call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.parent.callee === current.parent) {
    const chained: TSESTree.CallExpression = current.parent.parent;
    if (swallowingCatchHandler(context, chained)) return true;
    current = chained;
  }
  return false;
}

/**
 * The callees of an application function defined in another file, read in that file (one level, no further). Used
 * for the branch where that one call's result says it failed; a catch-all around several calls is not read through
 * helpers (measured: that made generic catch-alls look like upstream failures).
 */
function helperCallees(context: FileContext, callee: TSESTree.Node, depth = 0): { name: string; module?: string; made?: boolean }[] {
  const root = unwrap(callee);
  if (root.type !== AST_NODE_TYPES.Identifier && root.type !== AST_NODE_TYPES.MemberExpression) return [];
  const definition = applicationFunction(context, root);
  if (!definition) return [];
  const found: { name: string; module?: string; made?: boolean }[] = [];
  // `sqlToJson(...)`, whose one piece of work is `fetcherJSON(...)`, the app's client of its backend: that function is
  // read too, for its calls to another service only. Not a helper that does several things (`backupSessions(req)`
  // zipping files and notifying a webhook): the failure its caller answers is as likely any of them.
  const sole = depth === 0 ? soleCall(definition.context, definition.fn.body) : undefined;
  walk(definition.context, definition.fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (callsOwnAddress(definition.context, node)) return undefined;
    // `this.s3.putObject(param).promise().catch((err) => err)`: its failure stays in the helper.
    if (node.type === AST_NODE_TYPES.CallExpression && swallowedInChain(definition.context, node)) return undefined;
    // `throw new Stripe.errors.StripeInvalidRequestError({ ... })`: an error made, not a client nor a call.
    if (node.type === AST_NODE_TYPES.NewExpression && /(?:Error|Exception)$/.test(memberPath(node.callee) ?? '')) return undefined;
    const names = canonicalCallee(definition.context, node.callee);
    const module = names.length > 0 ? serviceOf(definition.context, node) : undefined;
    // `new App({ appId, privateKey })`: a client made, which calls nothing yet.
    for (const name of names) found.push({ name, module, ...(node.type === AST_NODE_TYPES.NewExpression ? { made: true } : {}) });
    if (node === sole) found.push(...helperCallees(definition.context, node.callee, depth + 1).filter((inner) => isUpstreamCallee(inner.name, [], inner.module)));
    return undefined;
  });
  return found;
}

/** Calls that build or send the answer, or log: not the work a `try` guards. */
const ANSWER_OR_LOG = /^(?:Response|NextResponse|res|reply|c|ctx|context|h|console|logger|log|Sentry|span|tracer|JSON|Object|Array|String|Number|Promise|Math|Date)(?:\.|$)/;

/** Calls that read the request, the caller's session or a schema before the work: `request.json()`, `getServerSession()`, `Schema.parse(body)`. */
const PREPARES_WORK = /^(?:req|request)\.(?:json|text|formData)$|^(?:getServerSession|getSession|auth|currentUser|getCurrentUser)$|\.(?:parse|safeParse|parseAsync|safeParseAsync)$/;

/** The one call in a block that does work (answers, logging, reading the request and the session aside), if there is exactly one. */
function soleCall(context: FileContext, block: TSESTree.Node): TSESTree.CallExpression | undefined {
  const calls: TSESTree.CallExpression[] = [];
  walk(context, block, (node) => {
    if (isFunction(node)) return false;
    // `ctx.throw(...)` answers; `ctx.discoverService.getManifest(...)` is work done by a service the context carries.
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    // `res.status(200).send(...)`: a chain of calls is named by its root.
    const path = memberPath(node.callee) ?? rootIdentifier(node.callee)?.name ?? '';
    const carriedService = /^(?:ctx|context|c)\.\w+\.\w+/.test(path) && !/^c\.(?:req|res|env)\./.test(path);
    if (carriedService || (!ANSWER_OR_LOG.test(path) && !PREPARES_WORK.test(path))) calls.push(node);
    return undefined;
  });
  return calls.length === 1 ? calls[0] : undefined;
}

/** Calls that store or send what they are handed: the server's own work with the request, not a reading of it. */
const STORES = /(?:^|\.)(?:create|insert|save|update|upsert|delete|remove|add|put|write|store|send|post|publish|register|import|upload|persist|enqueue|process|handle|run|execute)\w*$/i;

/** Calls that look a record up: `getUser(id)`, `this.repo.findOne(...)`, `loadProject(slug)`. */
const LOOKS_UP = /(?:^|\.)(?:get|find|fetch|load|read|query|search|lookup|retrieve)\w*$/i;

/** Callees that hand control on rather than call a service: `next(err)`, `done()`. */
export const HAND_ON = /^(?:next|done|cb|callback|resolve|reject)$/;

function collectCallees(context: FileContext, root: TSESTree.Node, list: CalleeList, depth: number, seen: Set<TSESTree.Node>, through?: string): void {
  walk(context, root, (node) => {
    // An inner `try` whose catch handles what it calls: those failures never reach this catch.
    if (node !== root && node.type === AST_NODE_TYPES.TryStatement && node.handler && !rethrows(context, node.handler)) {
      collectCallees(context, node.handler.body, list, depth, seen, through);
      if (node.finalizer) collectCallees(context, node.finalizer, list, depth, seen, through);
      return false;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return;
    // `client.on('message', handler)`, `sock.ev.process(async (events) => ...)`: the handler runs when the event comes,
    // long after this `try`; its failures never reach this catch.
    if (node.type === AST_NODE_TYPES.CallExpression && EVENT_WIRING.test(memberPath(node.callee) ?? '')) return false;
    // `await api.getPods().catch((err) => { log(err); return null; })`: the chain handles its own failure.
    const handler = node.type === AST_NODE_TYPES.CallExpression ? swallowingCatchHandler(context, node) : undefined;
    if (handler) {
      if (isFunction(handler)) collectCallees(context, handler.body, list, depth, seen, through);
      return false;
    }
    if (node.callee.type === AST_NODE_TYPES.Identifier && HAND_ON.test(node.callee.name)) return;
    if (callsOwnAddress(context, node)) return;
    // `await sendEmail(msg)` whose own `try` answers its failure with `false`: its failure never reaches this catch.
    if (node.type === AST_NODE_TYPES.CallExpression && keepsOwnFailure(context, node.callee)) return;
    // `sendMail({ ... });` in an async function, neither awaited nor returned nor kept: its promise fails after the
    // `try` has moved on, so its failure never reaches this catch (what its arguments await still does).
    if (node.type === AST_NODE_TYPES.CallExpression && floatingInAsync(node)) return undefined;
    const names = canonicalCallee(context, node.callee);
    const module = names.length > 0 ? serviceOf(context, node) : undefined;
    for (const name of names) {
      // A client being built (`new OpenAI()`, `new Metrics(kc)`) contacts nothing: only the calls made with it do.
      if (node.type === AST_NODE_TYPES.NewExpression) {
        if (module !== undefined && list.modules[name] === undefined) list.modules[name] = module;
      } else addCallee(list, name, module, through);
    }
    // `await createTeamRequest(data, token)`, a function of the application whose whole work is a request to another
    // service: that service is called here.
    // So is one that waits on such a request among other work and lets its failure out (`OktaService.login(...)`,
    // awaiting `OktaApiService.postLogin(...)` outside any `try`): its failure reaches this `catch`.
    if (node.type === AST_NODE_TYPES.CallExpression && names.length > 0 && !names.some((name) => isUpstreamCallee(name, [], module))) {
      const request = requestCallOf(context, node.callee) ?? directlyEscapingRequestOf(context, node.callee);
      if (request) addCallee(list, request.name, request.module, through ?? names[0]);
    }
    if (depth >= 2) return;
    const local = localFunction(context, node.callee) ?? methodOfThis(context, node.callee);
    if (local && !seen.has(local)) {
      seen.add(local);
      collectCallees(context, local.body, list, depth + 1, seen, through ?? names[0]);
    }
    return undefined;
  });
}

/** A call whose result is dropped (`sendMail(job);` as a statement) inside an `async` function. */
function floatingInAsync(call: TSESTree.CallExpression): boolean {
  if (call.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) if (isFunction(node)) return node.async === true;
  return false;
}

/** Every callee called in a subtree, and in the local functions it calls (two levels down), with the packages they come from. */
function calleeListIn(context: FileContext, root: TSESTree.Node): CalleeList {
  const list = emptyList();
  collectCallees(context, root, list, 0, new Set());
  return list;
}

/** Every callee called in a subtree, and in the local functions it calls (two levels down). */
export function calleesIn(context: FileContext, root: TSESTree.Node): string[] {
  return calleeListIn(context, root).callees;
}

/** What a promise chain is made of: the chain itself, or the call a name holds (`const upstreamReq = https.request(...)`). */
function chainSource(context: FileContext, chain: TSESTree.Node): TSESTree.Node {
  const current = unwrap(chain);
  if (current.type !== AST_NODE_TYPES.Identifier) return chain;
  const init = initializerOf(context, current);
  return init ?? chain;
}

/**
 * Markers a failure handler tests anywhere in it: conditions and comparisons (`err.code === 'ECONNABORTED'`,
 * `axios.isAxiosError(err)`, `err.response?.status === 404`), not only those on the path to one response.
 */
function handledMarkers(context: FileContext, handler: TSESTree.Node): string[] {
  const markers = new Set<string>();
  const add = (node: TSESTree.Node | null | undefined): void => {
    if (node) for (const marker of conditionMarkers(context, node)) markers.add(marker);
  };
  walk(context, handler, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        add(node.test);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        add(node.discriminant);
        for (const item of node.cases) add(item.test);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (['===', '!==', '==', '!=', 'instanceof'].includes(node.operator)) add(node);
        break;
      case AST_NODE_TYPES.CallExpression:
        // `logger.error('...', getProviderErrorDetails(error))`: the handler names what failed by the helper it hands the error to.
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.arguments.length > 0) markers.add(node.callee.name);
        break;
      default:
        break;
    }
    return undefined;
  });
  return [...markers];
}

/**
 * `const { data, error } = await supabase.storage.from(b).createSignedUrl(...)`; `if (error) ...`: clients that answer
 * with an error value instead of throwing. The branch where that `error` is set is the call's failure.
 */
function errorResult(context: FileContext, test: TSESTree.Node): { binding: TSESTree.Identifier; property: string } | undefined {
  let found: { binding: TSESTree.Identifier; property: string } | undefined;
  walk(context, test, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return false;
    if (node.type === AST_NODE_TYPES.Identifier && /^(?:error|err|\w+Error)$/.test(node.name) && destructuredProperty(context, node) === 'error') found = { binding: node, property: 'error' };
    return undefined;
  });
  return found;
}

const ERROR_KEY = /^(?:error|errors|message|err)$/;

/**
 * The answer a call returned holds an error: `'errors' in response` (GitHub's REST and GraphQL shapes),
 * `response.errors && response.errors.length > 0`, `result.error`, `data.errors?.length`.
 */
function carriesError(test: TSESTree.Node): { binding: TSESTree.Identifier; property: string } | undefined {
  const current = unwrap(test);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return carriesError(current.left) ?? carriesError(current.right);
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === 'in') {
    if (current.left.type !== AST_NODE_TYPES.Literal) return undefined;
    const key = current.left.value;
    const subject = unwrap(current.right);
    return typeof key === 'string' && ERROR_KEY.test(key) && subject.type === AST_NODE_TYPES.Identifier ? { binding: subject, property: key } : undefined;
  }
  let subject: TSESTree.Node = current;
  // `errors.length > 0`, `error != null`.
  if (current.type === AST_NODE_TYPES.BinaryExpression) {
    const right = unwrap(current.right);
    const againstZero = ['>', '!==', '!='].includes(current.operator) && right.type === AST_NODE_TYPES.Literal && right.value === 0;
    const againstNothing = ['!==', '!='].includes(current.operator) && ((right.type === AST_NODE_TYPES.Literal && right.value === null) || (right.type === AST_NODE_TYPES.Identifier && right.name === 'undefined'));
    if (!againstZero && !againstNothing) return undefined;
    subject = unwrap(current.left as TSESTree.Node);
  }
  if (subject.type === AST_NODE_TYPES.MemberExpression && propertyName(subject) === 'length') subject = unwrap(subject.object);
  if (subject.type !== AST_NODE_TYPES.MemberExpression || subject.computed) return undefined;
  const key = propertyName(subject);
  const owner = unwrap(subject.object);
  return key && ERROR_KEY.test(key) && owner.type === AST_NODE_TYPES.Identifier ? { binding: owner, property: key } : undefined;
}

/** Functions that make a client or read its configuration, rather than call the service. */
const CLIENT_FACTORY = /(?:^|\.)(?:get|create|make|init|build|new|load|read)\w*(?:Client|Config|Configuration|Instance|Sdk|SDK|Transport|Transporter|Settings|Options)$/;

/**
 * A test that the result of a call came back empty: `!mail.accepted.length` after `transporter.sendMail(...)`,
 * `!session.customer` after `stripe.checkout.sessions.retrieve(...)`. Whether the call reached another service is
 * the core's to decide from its callee.
 */
function emptyResult(test: TSESTree.Node): { binding: TSESTree.Identifier; property: string } | undefined {
  const current = unwrap(test);
  // `!widgets || !Array.isArray(widgets)`: nothing came back, or not what was asked for.
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '||') return emptyResult(current.left);
  let subject: TSESTree.Node | undefined;
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') subject = unwrap(current.argument);
  else if (current.type === AST_NODE_TYPES.BinaryExpression && ['===', '=='].includes(current.operator) && current.right.type === AST_NODE_TYPES.Literal && (current.right.value === 0 || current.right.value === false)) subject = unwrap(current.left as TSESTree.Node);
  if (subject?.type === AST_NODE_TYPES.Identifier) return { binding: subject, property: '' };
  if (!subject || subject.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let root: TSESTree.Node = subject;
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = unwrap(root.object);
  return root.type === AST_NODE_TYPES.Identifier ? { binding: root, property: propertyName(subject) ?? '' } : undefined;
}

/** The property of an upstream response a destructured name holds: `statusCode` in `const { statusCode, body } = await request(url)`. */
function destructuredProperty(context: FileContext, identifier: TSESTree.Identifier): string | undefined {
  const variable = variableOf(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === identifier.name) return property.key.name;
  }
  return undefined;
}

/**
 * The call whose result a name holds: its initializer (also through destructuring), or, for a callback's parameter,
 * the call the callback is handed to (`https.request(options, (upstreamRes) => ...)`, `req.on('response', (res) => ...)`
 * on a request made by one).
 */
/** Reading the body of a response: `response.json()`, `res.text()`; and `response.data` of an axios-like client. */
const BODY_READERS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);
const BODY_PROPERTIES = new Set(['data', 'body']);

function resultCall(context: FileContext, identifier: TSESTree.Identifier, depth = 0): TSESTree.CallExpression | undefined {
  const variable = variableOf(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    // `let res; try { res = await fetch(url) } catch {...}`: the one value ever written to it.
    const writes = declarator.init ? [declarator.init] : variable!.references.filter((reference) => reference.isWrite() && reference.writeExpr).map((reference) => reference.writeExpr as TSESTree.Node);
    let value = writes.length === 1 ? unwrapAwait(writes[0] as TSESTree.Expression) : undefined;
    // `await response.json().catch(() => null)`: the call's result, or nothing when it failed.
    while (value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'catch') value = unwrapAwait(value.callee.object);
    // `const data = await response.json(); const { error } = data`: the error came in the body of the call that made `response`.
    if (depth < 3 && value?.type === AST_NODE_TYPES.Identifier) return resultCall(context, value, depth + 1);
    if (depth < 3 && value?.type === AST_NODE_TYPES.MemberExpression && BODY_PROPERTIES.has(propertyName(value) ?? '') && value.object.type === AST_NODE_TYPES.Identifier) return resultCall(context, value.object, depth + 1);
    if (depth < 3 && value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && BODY_READERS.has(propertyName(value.callee) ?? '')) {
      const reader = unwrapAwait(value.callee.object);
      if (reader.type === AST_NODE_TYPES.Identifier) return resultCall(context, reader, depth + 1) ?? value;
      // `await (await fetch(url)).json()`: the body of the call made in place.
      if (reader.type === AST_NODE_TYPES.CallExpression) return reader;
    }
    return value?.type === AST_NODE_TYPES.CallExpression ? value : undefined;
  }
  if (definition.type !== 'Parameter') return undefined;
  const fn = definition.node as TSESTree.Node;
  const call = fn.parent;
  if (!isFunction(fn) || call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['on', 'once'].includes(propertyName(callee) ?? '')) {
    const source = unwrapAwait(chainSource(context, callee.object));
    return source.type === AST_NODE_TYPES.CallExpression ? source : undefined;
  }
  return call;
}

const SUCCESS_OUTCOME = /^(?:success|succeeded|successful|ok|sent|delivered|completed)$/i;
const FAILURE_OUTCOME = /^(?:error|errored|failed|failure|fail|rejected)$/i;

/**
 * The result a condition finds failed by the outcome it reports in words: `response.status !== 'success'`, or the
 * `else` of `response.status === 'success'`, or `result.status === 'error'`.
 */
function outcomeFailure(test: TSESTree.Node, flipped: boolean): TSESTree.Identifier | undefined {
  const { node, negated } = withoutNegation(test, flipped);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(node.operator) || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const textOf = (side: TSESTree.Node) => (side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string' ? side.value : undefined);
  const word = textOf(node.right) ?? textOf(node.left);
  const member = unwrap(textOf(node.right) !== undefined ? node.left : node.right);
  if (word === undefined || member.type !== AST_NODE_TYPES.MemberExpression || !['status', 'state', 'result'].includes(propertyName(member) ?? '')) return undefined;
  const object = unwrap(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const equal = node.operator.startsWith('=') !== negated;
  return (equal && FAILURE_OUTCOME.test(word)) || (!equal && SUCCESS_OUTCOME.test(word)) ? object : undefined;
}

/** `result.isErr()`, `!result.isOk()` of a Result type (neverthrow's, ts-results'): the binding whose call failed. */
function resultTypeFailure(test: TSESTree.Node, flipped: boolean): TSESTree.Identifier | undefined {
  const { node, negated } = withoutNegation(test, flipped);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0 || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(node.callee);
  const object = unwrap(node.callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  return (method === 'isErr' && !negated) || (method === 'isOk' && negated) ? object : undefined;
}

/** The promise a Result type was made from: `ResultAsync.fromPromise(call, toError)`, `fromPromise(call, ...)`, `fromSafePromise(call)`. */
const FROM_PROMISE = /(?:^|\.)(?:fromPromise|fromSafePromise|fromAsyncThrowable|tryCatchAsync)$/;

function promiseWrapped(call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  const first = call.arguments[0] ? unwrapAwait(call.arguments[0]) : undefined;
  return FROM_PROMISE.test(memberPath(call.callee) ?? '') && first?.type === AST_NODE_TYPES.CallExpression ? first : undefined;
}

/**
 * `{ status: response.status }` where `response` is the answer of a call to another service (`await fetch(url)` at an
 * outside address): the status is that service's, forwarded. The call's name, or undefined when it is not one.
 */
export function forwardedStatusOf(context: FileContext, node: TSESTree.Node): string | undefined {
  return upstreamAnswerRead(context, node, ['status', 'statusCode']);
}

/** `{ success: result.ok }` where `result` is the answer of a call to another service: that call's name, or undefined. */
export function forwardedOkOf(context: FileContext, node: TSESTree.Node): string | undefined {
  return upstreamAnswerRead(context, node, ['ok']);
}

/** A call to another service (`fetch(url)` at an outside address, `openai.chat.completions.create(...)`): its name and module. */
export function upstreamCallOf(context: FileContext, call: TSESTree.CallExpression): { name: string; module?: string } | undefined {
  // `await s3.getObject(params).promise()`: the AWS SDK v2's request, sent by `.promise()`, is the call before it.
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'promise' && call.arguments.length === 0 && unwrap(callee.object).type === AST_NODE_TYPES.CallExpression) {
    return upstreamCallOf(context, unwrap(callee.object) as TSESTree.CallExpression);
  }
  if (callsOwnAddress(context, call)) return undefined;
  const module = serviceOf(context, call);
  const name = canonicalCallee(context, call.callee).find((item) => isUpstreamCallee(item, [], module));
  return name ? { name, ...(module ? { module } : {}) } : undefined;
}

/** A property (`status`, `ok`) read off the answer of a call to another service: the call's name. */
function upstreamAnswerRead(context: FileContext, node: TSESTree.Node, properties: readonly string[]): string | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression || !properties.includes(propertyName(value) ?? '') || value.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = resultCall(context, value.object);
  return call ? upstreamCallOf(context, call)?.name : undefined;
}

function reachedThrough(list: CalleeList): { reachedThrough?: Record<string, string> } {
  return Object.keys(list.through).length > 0 ? { reachedThrough: list.through } : {};
}

/** Names of the gateway statuses: `StatusCodes.BAD_GATEWAY`, `HttpStatus.SERVICE_UNAVAILABLE`, `BadGatewayException`. */
const GATEWAY_STATUS_NAME = /^(?:BAD_?GATEWAY|SERVICE_?UNAVAILABLE|GATEWAY_?TIME_?OUT)$|^(?:BadGateway|ServiceUnavailable|GatewayTimeout)(?:Exception|Error)?$/i;

/**
 * Does a failure handler answer a failure it picked out (a test that holds) with 500, and everything else with 502, 503
 * or 504 (`{ status: missingKey ? 500 : 502 }`, `if (missingKey) return res.status(500)...; return res.status(502)...`)?
 * Then the other service's failures were answered apart and the 500 is what the test picked out. Not the other way
 * round (`if (error instanceof HTTPError) return 502; return 500`): what is left there still holds the failures to
 * connect, which are the service's too.
 */
function answersGatewayStatus(context: FileContext, handler: TSESTree.Node): boolean {
  // A test of a network error (`err.code === 'ECONNREFUSED'`) picks out the service's failure itself.
  const picksOwnFailure = (test: TSESTree.Node): boolean => !conditionMarkers(context, test).some(isNetworkErrorMarker);
  let found = false;
  walk(context, handler, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ConditionalExpression && holdsStatus(context, node.consequent, isServerError) && holdsStatus(context, node.alternate, isGatewayStatus) && picksOwnFailure(node.test)) found = true;
    if (node.type === AST_NODE_TYPES.IfStatement && holdsStatus(context, node.consequent, isServerError) && picksOwnFailure(node.test)) {
      const block = node.parent;
      const after = block?.type === AST_NODE_TYPES.BlockStatement ? block.body.slice(block.body.indexOf(node) + 1) : [];
      if ((node.alternate && holdsStatus(context, node.alternate, isGatewayStatus)) || after.some((statement) => holdsStatus(context, statement, isGatewayStatus))) found = true;
    }
    return undefined;
  });
  return found;
}

const isServerError = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && node.value === 500;
/** 502, 503 or 504 written out, or by its name: `StatusCodes.BAD_GATEWAY`, `HttpStatus.SERVICE_UNAVAILABLE`, `BadGatewayException`. */
const isGatewayStatus = (node: TSESTree.Node): boolean =>
  (node.type === AST_NODE_TYPES.Literal && (node.value === 502 || node.value === 503 || node.value === 504)) || (node.type === AST_NODE_TYPES.Identifier && GATEWAY_STATUS_NAME.test(node.name));

/** Is there such a status in the subtree, not as an operand of a comparison (`err.status === 503` tests one)? */
function holdsStatus(context: FileContext, root: TSESTree.Node, matches: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walk(context, root, (node) => {
    if (found) return false;
    if (matches(node) && !(node.parent?.type === AST_NODE_TYPES.BinaryExpression && /^(?:[!=]==?|[<>]=?)$/.test(node.parent.operator))) found = true;
    return undefined;
  });
  return found;
}

/** What the path says about an upstream failure: a catch whose try calls something, a `.catch()`, a `!resp.ok` branch. */
export function upstreamEvidence(context: FileContext, path: PathInfo): UpstreamEvidence | undefined {
  if (path.catchClause) {
    const tryStatement = path.catchClause.parent as TSESTree.TryStatement;
    const list = calleeListIn(context, tryStatement.block);
    // A `try` around one call of an app helper (`await createStripePortalSession(...)`) handles that helper's failure:
    // what it calls is read. A catch-all around several calls is not (measured: it made them look like upstreams).
    const only = soleCall(context, tryStatement.block);
    const onlyName = only ? canonicalCallee(context, only.callee)[0] : undefined;
    if (only) for (const inner of helperCallees(context, only.callee)) addCallee(list, inner.name, inner.module, onlyName);
    // `try { job = await get_job(req.body) } catch { 400 }`: the one thing tried is reading what the client sent. Not
    // where the call stores it (`createPort(req.body)`): that is the server's own work, which fails for its own reasons.
    // So is one handed only values read off it (`testEvent(events, version, destination)` of the body and path), unless
    // it looks something up by them (`getUser(id)`): what it does not find is a resource missing, not a bad request.
    const readsRequestOnly =
      only !== undefined &&
      only.arguments.length > 0 &&
      !STORES.test(onlyName ?? '') &&
      (only.arguments.every((argument) => isWholeRequestPart(context, argument)) || (!LOOKS_UP.test(onlyName ?? '') && only.arguments.every((argument) => isRequestValue(context, argument))));
    const apart = answersGatewayStatus(context, path.catchClause.body) ? { answersUpstreamApart: true } : {};
    return { callees: list.callees, calleeModules: list.modules, via: 'catch', errorMarkers: path.errorMarkers, handledMarkers: handledMarkers(context, path.catchClause.body), ...reachedThrough(list), ...(readsRequestOnly ? { readsRequestOnly: true } : {}), ...apart };
  }
  if (path.promiseCatch) {
    const { callees, modules } = calleeListIn(context, chainSource(context, path.promiseCatch));
    const handled = path.promiseHandler ? handledMarkers(context, path.promiseHandler.body) : [];
    return { callees, calleeModules: modules, via: 'promise-catch', errorMarkers: path.errorMarkers, handledMarkers: handled };
  }
  for (const { test, flipped } of path.conditions) {
    const stated = notOkBinding(test, flipped, (identifier) => destructuredProperty(context, identifier)) ?? (flipped ? undefined : errorResult(context, test));
    // An empty result says the call failed only of a call to another service: `!session` after `auth()` is no upstream failure.
    // So does an answer that carries an error (`'errors' in response` after a GraphQL call): only of another service.
    const empty = stated || flipped ? undefined : (emptyResult(test) ?? carriesError(test));
    // `if (response.status === 'success') ... else` after `sendEmail(...)`: an outcome the call reported, as words.
    const outcome = stated || empty ? undefined : outcomeFailure(test, flipped);
    // `if (result.isErr())` of `const result = await ResultAsync.fromPromise(openai.chat.completions.create(...), ...)`.
    const wrapped = stated || empty || outcome ? undefined : resultTypeFailure(test, flipped);
    const found = stated ?? empty ?? (outcome ? { binding: outcome } : wrapped ? { binding: wrapped } : undefined);
    if (!found) continue;
    const held = resultCall(context, found.binding);
    const call = wrapped && held ? promiseWrapped(held) : held;
    if (!call || callsOwnAddress(context, call)) continue;
    const names = canonicalCallee(context, call.callee);
    if (names.length === 0) continue;
    const module = serviceOf(context, call);
    const list = emptyList();
    for (const name of names) addCallee(list, name, module);
    const inners = helperCallees(context, call.callee);
    for (const inner of inners) addCallee(list, inner.name, inner.module, names[0]);
    if ((empty || outcome) && !list.callees.some((name) => isUpstreamCallee(name, [], list.modules[name]))) continue;
    // `if (!githubApp)` after `getGithubApp()`, which only makes the SDK's client (`new App(...)`): nothing was called.
    const upstreamInners = inners.filter((inner) => isUpstreamCallee(inner.name, [], inner.module));
    if (empty && !names.some((name) => isUpstreamCallee(name, [], module)) && upstreamInners.length > 0 && upstreamInners.every((inner) => inner.made)) continue;
    // `if (!s3Client)` after `getS3Client()`: a client that was not made is missing configuration, no failed call.
    if (empty && CLIENT_FACTORY.test(memberPath(call.callee) ?? '')) continue;
    return { callees: list.callees, calleeModules: list.modules, via: 'not-ok-branch', errorMarkers: [], ...reachedThrough(list) };
  }
  return undefined;
}
