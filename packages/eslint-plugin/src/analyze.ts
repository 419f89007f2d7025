// The analysis of one file, done once and shared by all rules: imports, response objects, adapters, sites.
import { mayRespond } from './may-respond.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { headerSetters } from '@status-lint/core';
import { boomDraft } from './frameworks/boom.js';
import { customErrorDraft, thrownErrorGivenStatusDraft } from './frameworks/custom-errors.js';
import { appProducerDraft, mayTouchHeaders } from './app-model/call-sites.js';
import { plainErrorDraft, unhandledUpstreamDraft } from './frameworks/default-errors.js';
import { thinkjsFailDrafts } from './frameworks/thinkjs.js';
import { currentFile, projectFolder, setProjectRoot } from './app-model/source-files.js';
import { projectSearch } from './app-model/project-search.js';
import { expressDrafts, EXPRESS_HEADER_SETTERS, nextErrorDrafts } from './frameworks/express.js';
import { fastifyDrafts, fastifyReturnDrafts, FASTIFY_HEADER_SETTERS } from './frameworks/fastify.js';
import { hapiRouteDrafts } from './frameworks/hapi.js';
import { fetchResponseDraft } from './frameworks/fetch-response.js';
import { honoDrafts, honoExceptionDraft } from './frameworks/hono.js';
import { httpErrorsDraft } from './frameworks/http-errors.js';
import { koaDrafts, koaMemberContextDrafts } from './frameworks/koa.js';
import { trpcReturnDrafts } from './frameworks/trpc.js';
import { h3ReturnDrafts } from './frameworks/h3.js';
import { chanfanaReturnDrafts } from './frameworks/chanfana.js';
import { isRouteModule, remixReturnDrafts } from './frameworks/remix.js';
import { svelteKitReturnDrafts } from './frameworks/sveltekit.js';
import { tsRestReturnDrafts } from './frameworks/ts-rest.js';
import { resultObjectDrafts } from './frameworks/result-objects.js';
import { nestExceptionDraft, nestReturnDrafts, nestServiceResultDrafts } from './frameworks/nest.js';
import { eggReturnDrafts } from './frameworks/egg.js';
import { passportProviderDrafts } from './frameworks/passport.js';
import { rateLimiterConfigDrafts } from './frameworks/rate-limiters.js';
import { detectRoles, handlerTest, type Role } from './resolve/handlers.js';
import { headersOfSetterCall, mergeHeaders, type HeaderNames } from './resolve/headers.js';
import { FileImports, recordImport } from './resolve/imports.js';
import { enclosingHandler, inCondition } from './resolve/path.js';
import { usagesOf, type Usage } from './resolve/usage.js';
import { isFunction, localFunction, LOGGER_PATH, memberPath, propertyName, rootIdentifier, unwrap, type FileContext, type FunctionNode, type Variable } from './resolve/values.js';
import { walk } from './resolve/walk.js';
import { finalize, type Draft, type HeaderEvent, type ResponseSite, type SiteBuilder } from './sites.js';
import { lineOf } from './positions.js';

/** A send whose status could not be resolved in this file: a variable, or a parameter of a helper called from elsewhere. */
export interface UnresolvedSend {
  readonly draft: Draft;
  /** The helper call it was read through, if any. */
  readonly via?: TSESTree.CallExpression;
}

/** A response object handed to a call this file cannot see into: `proxy(req, res)`, `sendError(res, 401)` from another module. */
export interface ResponseHandoff {
  readonly call: TSESTree.CallExpression;
  /** Which argument is the response object. */
  readonly argumentIndex: number;
  readonly role: Role;
}

/** Everything the analysis of one file found: the sites the rules read, and what a project scanner needs to follow across files. */
export interface FileAnalysis {
  readonly context: FileContext;
  readonly sites: readonly ResponseSite[];
  readonly unresolved: readonly UnresolvedSend[];
  readonly handoffs: readonly ResponseHandoff[];
  readonly roles: ReadonlyMap<Variable, Role>;
}

const cache = new WeakMap<TSESTree.Program, FileAnalysis>();

/**
 * Code that runs in a browser: `window.`, `localStorage.`, and the DOM's own `document` (`document.getElementById`),
 * not any variable named `document` (a record of a document store: `prisma.document.findUnique`).
 */
const BROWSER_CODE = /(?<![\w$.])(?:localStorage|sessionStorage)\.\w|(?<![\w$.])document\.(?:getElementById|getElementsBy\w+|querySelector(?:All)?|createElement|createTextNode|cookie|body|head|documentElement|addEventListener|removeEventListener|location|title|readyState|visibilityState)\b/;
/** The browser's `window`, unless the file names a variable so (`let window = windows.get(key)` of a rate limiter). */
const BROWSER_WINDOW = /(?<![\w$.])window\.\w/;
const OWN_WINDOW = /\b(?:let|const|var)\s+window\b|[(,]\s*window\s*[:,)=]/;

function isBrowserCode(text: string): boolean {
  return BROWSER_CODE.test(text) || (BROWSER_WINDOW.test(text) && !OWN_WINDOW.test(text));
}
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|spec)[\\/]|\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;
/** Calls whose arguments are test doubles or assertions, never a response the server sends. */
const TEST_ROOTS = /^(?:expect|jest|vi|sinon|nock|td|it|test|describe|beforeEach|beforeAll|afterEach|afterAll)$/;
const TEST_METHODS = /^(?:mock\w*|spyOn|fn|stub|returns|resolves|rejects|toThrow\w*|toEqual|toStrictEqual|toMatchObject|toBe|toHaveBeenCalledWith|calledWith\w*|callsFake)$/;

function inTestDouble(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      const root = rootIdentifier(callee)?.name;
      if ((method && TEST_METHODS.test(method)) || (root && TEST_ROOTS.test(root))) return true;
    }
  }
  return false;
}

function headerSettersFor(role: Role): ReadonlySet<string> {
  switch (role.kind) {
    case 'express':
      return EXPRESS_HEADER_SETTERS;
    case 'fastify':
      return FASTIFY_HEADER_SETTERS;
    case 'koa':
      return new Set(headerSetters.koa);
    case 'hono':
      return new Set(headerSetters.hono);
  }
}

/** Headers set through a response object, and where it is handed to code we cannot see. */
function headerEvents(context: FileContext, role: Role, usages: readonly Usage[]): HeaderEvent[] {
  const setters = headerSettersFor(role);
  const events: HeaderEvent[] = [];
  for (const usage of usages) {
    if (usage.passedTo) {
      const callee = memberPath(usage.passedTo.callee) ?? '';
      // Loggers, local helpers (read on their own) and checks (`isLimited(c)`, `getUser(ctx)`) set no headers.
      if (inCondition(usage.passedTo) || LOGGER_PATH.test(callee) || localFunction(context, usage.passedTo.callee) || /(?:^|\.)(?:is|has|get|should|can|check|count|read|parse|validate|verify|assert)[A-Z\w]*$/.test(callee)) continue;
      // `logRequest(c)` sets no header: only calls that may (by name, by their code, or a package's) leave the headers open.
      if (!mayTouchHeaders(context, usage.passedTo.callee)) continue;
      // `authUtils.clearCookie(res, name)`, `setSessionCookie(reply, token)`: named for the cookie they write, and nothing else.
      if (/(?:^|\.)(?:set|clear|delete|remove|unset|write|add)\w*Cookies?$/i.test(callee)) {
        events.push({ position: usage.passedTo.range[0], end: usage.passedTo.range[1], headers: { names: ['Set-Cookie'], complete: true } });
        continue;
      }
      events.push({ position: usage.passedTo.range[0], end: usage.passedTo.range[1], headers: { names: [], complete: false } });
      continue;
    }
    // `ctx.response.set(...)`, `c.res.headers.set(...)`, `ctx.res.setHeader(...)`.
    const path = usage.path[0] === 'response' || usage.path[0] === 'res' ? usage.path.slice(1) : usage.path;
    const calls = usage.call ? [{ name: path[path.length - 1], call: usage.call, direct: path.length === 1 }, ...usage.chain.map((item) => ({ ...item, direct: true }))] : [];
    for (const { name, call, direct } of calls) {
      const headersObject = path.length === 2 && path[0] === 'headers' && (name === 'set' || name === 'append');
      if ((direct && setters.has(name)) || headersObject || (path.length === 1 && (name === 'setHeader' || name === 'appendHeader'))) {
        events.push({ position: call.range[0], end: call.range[1], headers: headersOfSetterCall(context, call) });
      }
    }
  }
  return events;
}

/**
 * The response sites the rules judge. A file with no construct of a response (types, most components and utilities)
 * has none and is not walked; the in-depth analysis (the project scanner's, which also wants handler roles for its
 * routes) reads every file it is given.
 */
export function analyzeFile(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd?: string, nodes?: FileNodes): ResponseSite[] {
  if (!mayRespond(sourceCode.text) && !awaitedByRouteHandlers(filename, sourceCode.text, cwd)) return [];
  return analyzeFileInDepth(sourceCode, filename, cwd, nodes).sites as ResponseSite[];
}

/** Can the analysis of this file find any site? Test files and files with no construct of a response have none. */
export function mayHaveSites(text: string, filename: string, cwd?: string): boolean {
  return !TEST_FILE.test(filename) && (mayRespond(text) || awaitedByRouteHandlers(filename, text, cwd));
}

/**
 * A module of the application whose functions a route handler awaits outside any `try` (`lib/github.ts`): what they
 * let fail is answered by the framework, though nothing in the module looks like a response.
 */
function awaitedByRouteHandlers(filename: string, text: string, cwd: string | undefined): boolean {
  if (!text.includes('await ') || !/\bexport\b|module\.exports|exports\./.test(text)) return false;
  setProjectRoot(cwd);
  return projectSearch(projectFolder()).routeAwaitedFiles.has(filename);
}

/** The nodes the analysis reads, each list in the order of a depth-first traversal. */
export interface FileNodes {
  /** Where imports are recorded: declarations, `require(...)` calls and the variables they are bound to. */
  readonly imports: TSESTree.Node[];
  readonly functions: FunctionNode[];
  readonly constructions: TSESTree.NewExpression[];
  readonly calls: TSESTree.CallExpression[];
  /** Decorated methods only (`@Get()`, `@Post()`): the routes of a Nest or Egg controller. */
  readonly methods: TSESTree.MethodDefinition[];
}

function emptyNodes(): FileNodes {
  return { imports: [], functions: [], constructions: [], calls: [], methods: [] };
}

function addNode(nodes: FileNodes, node: TSESTree.Node): void {
  switch (node.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
    case AST_NODE_TYPES.VariableDeclarator:
      nodes.imports.push(node);
      break;
    case AST_NODE_TYPES.CallExpression:
      nodes.imports.push(node);
      nodes.calls.push(node);
      break;
    case AST_NODE_TYPES.NewExpression:
      nodes.constructions.push(node);
      break;
    case AST_NODE_TYPES.MethodDefinition:
      if (node.decorators && node.decorators.length > 0) nodes.methods.push(node);
      break;
    default:
      if (isFunction(node)) nodes.functions.push(node);
  }
}

/** The nodes of a file, gathered by a walk of its own (the project scanner's, and any file not linted by ESLint). */
function collectNodes(context: FileContext, program: TSESTree.Program): FileNodes {
  const nodes = emptyNodes();
  walk(context, program, (node) => addNode(nodes, node));
  return nodes;
}

/** The node types `addNode` keeps: ESLint calls the gatherer's listeners for these alone. */
const GATHERED_TYPES = [
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MethodDefinition,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
] as const;

/**
 * The same nodes gathered during ESLint's own traversal of the file, so that the analysis does not walk it a second
 * time: listeners to add to a rule's, and the lists they fill (complete by `Program:exit`).
 */
export function nodeGatherer(): { nodes: FileNodes; listeners: Record<string, (node: TSESTree.Node) => void> } {
  const nodes = emptyNodes();
  const gather = (node: TSESTree.Node) => addNode(nodes, node);
  return { nodes, listeners: Object.fromEntries(GATHERED_TYPES.map((type) => [type, gather])) };
}

/**
 * The analysis of one file with what the rules do not need: unresolved sends and response objects handed away.
 * `nodes`, when given, are the file's nodes gathered during ESLint's traversal; otherwise the file is walked here.
 */
export function analyzeFileInDepth(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd?: string, nodes?: FileNodes): FileAnalysis {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const context: FileContext = { sourceCode, imports: new FileImports(), filename, variables: new Map(), cwd };
  // Test files hold stub servers and mock replies that lie on purpose; nothing in them is the API's behaviour.
  if (TEST_FILE.test(filename)) {
    const empty: FileAnalysis = { context, sites: [], unresolved: [], handoffs: [], roles: new Map() };
    cache.set(program, empty);
    return empty;
  }
  // Kept for the application model: files linted later that import this one read it without parsing it again.
  if (!filename.startsWith('<')) currentFile(context);
  const { imports, functions, constructions, calls, methods } = nodes ?? collectNodes(context, program);
  for (const node of imports) recordImport(node, context.imports);

  const roles = detectRoles(context, functions);
  const usages = new Map<Variable, Usage[]>();
  const events = new Map<Variable, HeaderEvent[]>();
  for (const role of roles.values()) {
    const list = usagesOf(role.variable);
    usages.set(role.variable, list);
    events.set(role.variable, headerEvents(context, role, list));
  }
  // A local helper that sets headers on the object it is handed sets them for its caller.
  for (const role of roles.values()) {
    for (const usage of usages.get(role.variable) ?? []) {
      if (!usage.passedTo) continue;
      const helper = localFunction(context, usage.passedTo.callee);
      if (!helper) continue;
      const index = usage.passedTo.arguments.indexOf(usage.identifier);
      const helperRole = [...roles.values()].find((item) => item.fn === helper && helper.params[index] && item.variable.defs.some((definition) => definition.name === helper.params[index] || (definition.name as TSESTree.Node).parent === helper.params[index]));
      const inner: HeaderNames = helperRole ? mergeHeaders(...(events.get(helperRole.variable) ?? []).map((event) => event.headers)) : { names: [], complete: false };
      if (inner.names.length > 0 || !inner.complete) events.get(role.variable)!.push({ position: usage.passedTo.range[0], end: usage.passedTo.range[1], headers: inner });
    }
  }
  const builder: SiteBuilder = { context, roles, headerEvents: events, isHandler: handlerTest(roles) };

  const drafts: Draft[] = [];
  for (const role of roles.values()) {
    const list = usages.get(role.variable) ?? [];
    if (role.kind === 'express') drafts.push(...expressDrafts(context, role, list), ...nextErrorDrafts(context, role));
    else if (role.kind === 'koa') drafts.push(...koaDrafts(context, role, list));
    else if (role.kind === 'fastify') drafts.push(...fastifyDrafts(context, role, list));
    else drafts.push(...honoDrafts(context, role, list));
  }

  // Browser code builds `new Response(...)` for fallbacks and mocks; it answers no request of a server's.
  // A Remix route module holds its page's browser code beside the server's loader and action.
  const skipFetchResponses = TEST_FILE.test(filename) || (isBrowserCode(sourceCode.text) && !isRouteModule(context));
  // The first role of each function that hands its object to no helper: asked for every construction and call.
  const roleByFunction = new Map<FunctionNode, Role>();
  for (const role of roles.values()) if (role.helperCalls.length === 0 && !roleByFunction.has(role.fn)) roleByFunction.set(role.fn, role);
  const roleOf = (fn: FunctionNode | undefined): Role | undefined => (fn ? roleByFunction.get(fn) : undefined);
  const boundaryOf = (node: TSESTree.Node): FunctionNode | undefined => enclosingHandler(node, builder.isHandler);
  for (const node of constructions) {
    if (inTestDouble(node)) continue;
    const boundary = boundaryOf(node);
    const role = roleOf(boundary);
    const draft =
      nestExceptionDraft(context, node, boundary, role) ??
      (node.callee.type === AST_NODE_TYPES.Identifier && context.imports.isFrom(node.callee.name, ['hono/http-exception', 'hono'], ['HTTPException']) ? honoExceptionDraft(context, node, boundary, role) : undefined) ??
      httpErrorsDraft(context, node, boundary, role) ??
      boomDraft(context, node, boundary, role) ??
      (skipFetchResponses ? undefined : fetchResponseDraft(context, node, boundary, role)) ??
      appProducerDraft(context, node, boundary, role) ??
      customErrorDraft(context, node, boundary, role) ??
      thrownErrorGivenStatusDraft(context, node, boundary, role) ??
      plainErrorDraft(context, node, boundary, role, builder.isHandler);
    if (draft) drafts.push(draft);
  }
  // `res.badRequest(msg)`, read by its name by the framework's reading: the application's own definition, when the
  // model finds one, says more (its status, body and headers) and takes its place.
  const anchored = new Map(drafts.map((draft, index) => [draft.anchor, index]));
  for (const node of calls) {
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') continue;
    if (inTestDouble(node)) continue;
    const callee = node.callee;
    const quick = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberPath(callee.object)?.split('.')[0] : undefined;
    if (!quick) continue;
    const known = Boolean(context.imports.binding(quick)) || quick === 'Response' || Boolean(memberPath(callee)?.includes('httpErrors'));
    const boundary = boundaryOf(node);
    const role = roleOf(boundary);
    const draft =
      (known ? (httpErrorsDraft(context, node, boundary, role) ?? boomDraft(context, node, boundary, role) ?? (skipFetchResponses ? undefined : fetchResponseDraft(context, node, boundary, role))) : undefined) ??
      (skipFetchResponses ? undefined : appProducerDraft(context, node, boundary, role));
    const earlier = anchored.get(node);
    if (draft && earlier !== undefined) drafts[earlier] = draft;
    else if (draft) drafts.push(draft);
  }
  // Calls to another service that the handler neither catches nor hands on: the framework's 500 when they fail.
  for (const node of calls) {
    if (anchored.has(node) || inTestDouble(node) || skipFetchResponses) continue;
    const boundary = boundaryOf(node);
    const draft = unhandledUpstreamDraft(context, node, boundary, roleOf(boundary), builder.isHandler);
    if (draft) drafts.push(draft);
  }
  drafts.push(...koaMemberContextDrafts(context, calls, boundaryOf), ...rateLimiterConfigDrafts(context, calls), ...passportProviderDrafts(context, calls), ...thinkjsFailDrafts(context, calls));
  for (const method of methods) drafts.push(...nestReturnDrafts(context, method), ...eggReturnDrafts(context, method));
  drafts.push(...nestServiceResultDrafts(context, functions));
  drafts.push(...fastifyReturnDrafts(context, functions, roles), ...hapiRouteDrafts(context, calls), ...trpcReturnDrafts(context, calls), ...h3ReturnDrafts(context, calls), ...chanfanaReturnDrafts(context, functions), ...tsRestReturnDrafts(context, functions), ...remixReturnDrafts(context, functions), ...svelteKitReturnDrafts(context, functions));
  // Plain result objects last: anything an adapter already read is not read again.
  drafts.push(...resultObjectDrafts(context, functions, new Set(drafts.map((draft) => draft.anchor))));

  const sites: ResponseSite[] = [];
  const unresolved: UnresolvedSend[] = [];
  for (const draft of drafts) {
    try {
      sites.push(...finalize(builder, draft, (item, via) => unresolved.push({ draft: item, via })));
    } catch (error) {
      // Odd syntax must never break linting: a draft we cannot read is skipped (`STATUS_LINT_DEBUG=1` says which).
      if (process.env.STATUS_LINT_DEBUG) process.stderr.write(`status-lint: ${filename}:${lineOf(draft.anchor)}: skipped: ${(error as Error)?.stack ?? String(error)}\n`);
    }
  }
  const handoffs: ResponseHandoff[] = [];
  for (const role of roles.values()) {
    for (const usage of usages.get(role.variable) ?? []) {
      const call = usage.passedTo;
      if (!call || localFunction(context, call.callee) || inCondition(call) || LOGGER_PATH.test(memberPath(call.callee) ?? '')) continue;
      handoffs.push({ call, argumentIndex: call.arguments.indexOf(usage.identifier), role });
    }
  }
  const analysis: FileAnalysis = { context, sites, unresolved, handoffs, roles };
  cache.set(program, analysis);
  return analysis;
}
