// The search of a project's own files for what no import leads to: its global error handlers (registered once at
// start-up) and the methods its middleware adds to the response object (`express.response.apiv3Err = function`,
// `res.badRequest = (message) => ...`). Every file is read once per project and process, the first time either is
// asked for; most are only searched as bytes, never decoded or parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folders that hold no handler of the application: dependencies, builds, tests. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo', '.cache', 'vendor', 'public', 'static', '__tests__', '__mocks__', 'test', 'tests', 'e2e', 'fixtures', 'migrations', 'generated']);
/** Script files only: a `.tsx` / `.jsx` file is a component, and a server's error handler is never one (a third of a full-stack project's files). */
const SOURCE_FILE = /\.[cm]?[jt]s$/;
const DECLARATION_OR_TEST = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** A declaration file: read only for what it adds to Express's `Request`. */
const DECLARATION = /\.d\.[cm]?ts$/;
/** A project this large is searched only up to here: the handlers of a server sit near its top. */
const MAX_FILES = 20_000;
const MAX_BYTES = 512 * 1024;

/** A file that may map error classes to statuses: it tests `instanceof` (or switches on an error's kind) and sets a status. */
const MAY_MAP = /\binstanceof\s+[\w$.]+/;
const SWITCHES_ON_KIND = /\bswitch\s*\(\s*[\w$.]+\.(?:type|code|kind|name|errorType|errorCode)\s*\)/;
const SETS_STATUS = /\.(?:status|sendStatus|code)\s*\(|\bstatus(?:Code)?\s*=|\bstatus\s*:/;
/** A global error handler's signature: `(err, req, res, next)`, a NestJS filter, an `onError` / `setErrorHandler` hook. */
const HANDLER_SHAPE = /@Catch\(|\bExceptionFilter\b|\b_*(?:err|error|e|ex|exc|exception)\w*\s*(?::\s*[\w.<>[\]| ]+)?\s*,\s*_*(?:req|request)\b|\.(?:onError|setErrorHandler|errorHandler)\s*\(|\bfunction\s+[\w$]+\s*\(\s*_*(?:err|error|e|ex|exc|exception)\s*(?::\s*[\w.<>[\]| ]+)?,[^)]*\b(?:res|response|reply|ctx)\b/;

/** A function that maps an error to an answer: `function handleAIServiceError(error: AssistantError)`, `(err) => ...`. */
const ERROR_MAPPER = /\bfunction\s+[\w$]*\s*\(\s*_*(?:err|error|e|ex|exc|exception)\b|=\s*(?:async\s*)?\(\s*_*(?:err|error|e|ex|exc|exception)\s*(?::\s*[\w$.<>| ]+)?\)\s*(?::\s*[\w$.<>| ]+)?\s*=>/;

/** The names the response (or a Koa context) is known by where middleware adds a method to it. */
export const RESPONSE_OBJECT = /^(?:res|response|reply|ctx|context)$/;
/** `express.response.apiv3Err = function (...)`, `res.badRequest = (message) => ...`, `ctx.fail = async function`. */
// Or an object of the application's class that sends through it: `res.utils = new ResponseUtils(res, next)`.
const ADDS_RESPONSE_METHOD = /(?:res|response|reply|ctx|context)\.([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\(|[\w$]+\s*=>|new\s+[A-Z][\w$]*\s*\()/g;

export interface ProjectSearch {
  /** Files that may hold a global error handler. */
  readonly errorHandlerFiles: readonly string[];
  /** Files that hold a global error hook or middleware at all (`app.onError(...)`, `(err, req, res, next)`), whatever it tests. */
  readonly errorHookFiles: readonly string[];
  /** Files that add members to Express's `Request` (`declare global { namespace Express { interface Request { client: Whatsapp } } }`), declarations included. */
  readonly requestAugmentationFiles: readonly string[];
  /** For each method name middleware adds to the response, the files that add it. */
  readonly responseMethodFiles: ReadonlyMap<string, readonly string[]>;
  /** Methods of injected services whose result a NestJS controller returns as it is (`return this.settingsService.addSetting(dto)`). */
  readonly controllerReturnedMethods: ReadonlySet<string>;
  /** `Class.method` of injected services a NestJS controller awaits or returns outside any `try` (`await this.podService.list(appid)`), with that controller's file. */
  readonly controllerAwaitedMethods: ReadonlyMap<string, string>;
}

/** `return this.settingsService.addRadarrSetting(payload)`, `return await this.service.find(id)` in a controller. */
const RETURNED_SERVICE_CALL = /\breturn\s+(?:await\s+)?this\.[\w$]+\.([\w$]+)\s*\(/g;

/** The methods of injected services a NestJS controller's text returns the result of. */
export function controllerReturnedMethodsIn(text: string): string[] {
  const names: string[] = [];
  RETURNED_SERVICE_CALL.lastIndex = 0;
  for (let match = RETURNED_SERVICE_CALL.exec(text); match; match = RETURNED_SERVICE_CALL.exec(text)) names.push(match[1]);
  return names;
}

/** `await this.podService.getPodNameListByAppid(appid)`, `return this.service.find(id)`: a service's method a controller awaits or returns. */
const AWAITED_SERVICE_CALL = /\b(?:return\s+(?:await\s+)?|await\s+)this\.([\w$]+)\.([\w$]+)\s*\(/g;
/** A service injected into a controller's constructor, with its class: `private readonly podService: PodService`. */
const INJECTED_FIELD = /\b(?:private|protected|public|readonly)\s+(?:readonly\s+)?([\w$]+)\s*:\s*([A-Z][\w$]*)\s*[,)]/g;

/** The spans of a text's `try { ... }` blocks, by their braces (strings and comments are not told apart: a rough reading). */
function tryBlockSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const opening = /\btry\s*\{/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    let depth = 0;
    let index = match.index + match[0].length - 1;
    for (; index < text.length; index++) {
      if (text[index] === '{') depth++;
      else if (text[index] === '}' && --depth === 0) break;
    }
    spans.push([match.index, index]);
  }
  return spans;
}

/** `this.mail.send(body).catch((error) => { throw new BadRequestException() })`: the call's own `.catch` decides what its failure becomes. */
function caughtAfter(text: string, open: number): boolean {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return /^\s*\.catch\s*\(/.test(text.slice(index + 1, index + 40));
  }
  return false;
}

/** Awaited service calls outside any `try`: each as `Class.method` of the class its field is injected as, and where it stands. */
function awaitedServiceCalls(text: string): { callee: string; at: number }[] {
  const classes = new Map<string, string>();
  INJECTED_FIELD.lastIndex = 0;
  for (let match = INJECTED_FIELD.exec(text); match; match = INJECTED_FIELD.exec(text)) classes.set(match[1], match[2]);
  const spans = tryBlockSpans(text);
  const calls: { callee: string; at: number }[] = [];
  AWAITED_SERVICE_CALL.lastIndex = 0;
  for (let match = AWAITED_SERVICE_CALL.exec(text); match; match = AWAITED_SERVICE_CALL.exec(text)) {
    const at = match.index;
    const owner = classes.get(match[1]);
    if (owner !== undefined && !spans.some(([start, end]) => start < at && at < end) && !caughtAfter(text, AWAITED_SERVICE_CALL.lastIndex - 1)) calls.push({ callee: `${owner}.${match[2]}`, at });
  }
  return calls;
}

/**
 * The methods of injected services a NestJS controller's text awaits or returns outside any `try`, as
 * `Class.method` of the class each field is injected as (`PodService.getPodNameListByAppid`): what they throw
 * reaches NestJS, which answers it (an error without a status: 500).
 */
export function controllerAwaitedMethodsIn(text: string): string[] {
  return awaitedServiceCalls(text).map((call) => call.callee);
}

/** A method's head in a class body: `async refreshBankAccount(bankAccountId: number) {`, `public find(id): Promise<X> {`. */
const METHOD_HEAD = /\n[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::\s*[^{;=]+)?\{/g;
const NOT_A_METHOD = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'constructor', 'with']);
const SERVICE_CLASS = /@Injectable\([^)]*\)\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/;

/**
 * The calls a NestJS service's methods make to other services' methods, awaited or returned outside any `try`:
 * `BankAccountsApplication.refreshBankAccount` -> `RefreshBankAccountService.refreshBankAccount`. Each call belongs to the
 * nearest method head above it (a rough reading of the text, as the controllers' is).
 */
export function serviceAwaitedCallsIn(text: string): [string, string][] {
  const owner = SERVICE_CLASS.exec(text)?.[1];
  if (owner === undefined) return [];
  const heads: { name: string; at: number }[] = [];
  METHOD_HEAD.lastIndex = 0;
  for (let match = METHOD_HEAD.exec(text); match; match = METHOD_HEAD.exec(text)) if (!NOT_A_METHOD.has(match[1])) heads.push({ name: match[1], at: match.index });
  const edges: [string, string][] = [];
  for (const call of awaitedServiceCalls(text)) {
    const head = heads.filter((item) => item.at < call.at).pop();
    if (head) edges.push([`${owner}.${head.name}`, call.callee]);
  }
  return edges;
}

/** Packages that make a browser app; a server's package depends on one of the server frameworks instead. */
const BROWSER_PACKAGES = /"(?:react|react-dom|vue|svelte|@angular\/core|solid-js|preact)"\s*:/;
const SERVER_PACKAGES = /"(?:express|koa|fastify|hono|@nestjs\/core|next|@remix-run\/node|@trpc\/server|@hapi\/hapi|restify|egg|h3|elysia|@sveltejs\/kit|nuxt)"\s*:/;

/** A nested package that is a browser app (`frontend/package.json` with react and no server framework): no server's handler is in it. */
function isBrowserPackage(folder: string): boolean {
  let manifest: string;
  try {
    manifest = readFileSync(join(folder, 'package.json'), 'utf8');
  } catch {
    return false;
  }
  return BROWSER_PACKAGES.test(manifest) && !SERVER_PACKAGES.test(manifest);
}

function sourceFilesUnder(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < MAX_FILES) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    if (folder !== root && entries.some((entry) => entry.name === 'package.json' && entry.isFile()) && isBrowserPackage(folder)) continue;
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && (!DECLARATION_OR_TEST.test(entry.name) || DECLARATION.test(entry.name))) {
        found.push(path);
      }
    }
  }
  return found;
}

/** Fastify's `server.decorateReply('domainError', domainError)`: a method every reply gets. */
const DECORATES_REPLY = /\.decorateReply\(\s*['"]([A-Za-z_$][\w$]*)['"]\s*,/g;

/** The names of the response methods a file's text adds. */
export function responseMethodsAdded(text: string): string[] {
  const names: string[] = [];
  for (const pattern of [ADDS_RESPONSE_METHOD, DECORATES_REPLY]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) names.push(match[1]);
  }
  return names;
}

const searches = new Map<string, ProjectSearch>();

/** What the project's files hold of error handlers and response methods, searched once per project and process. */
export function projectSearch(root: string): ProjectSearch {
  const known = searches.get(root);
  if (known) return known;
  const errorHandlerFiles: string[] = [];
  const errorHookFiles: string[] = [];
  const requestAugmentationFiles: string[] = [];
  const responseMethodFiles = new Map<string, string[]>();
  const controllerReturnedMethods = new Set<string>();
  const controllerAwaitedMethods = new Map<string, string>();
  const serviceCalls = new Map<string, string[]>();
  for (const file of sourceFilesUnder(root)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    if (bytes.length > MAX_BYTES) continue;
    if (bytes.indexOf('namespace Express') >= 0 && bytes.indexOf('interface Request') >= 0) requestAugmentationFiles.push(file);
    if (DECLARATION.test(file)) continue;
    // Most files test no `instanceof`, switch on nothing and add no method: their bytes are searched, never decoded.
    const mayHandle = bytes.indexOf('instanceof') >= 0 || bytes.indexOf('switch') >= 0;
    const mayHook = bytes.indexOf('onError(') >= 0 || bytes.indexOf('setErrorHandler(') >= 0 || bytes.indexOf('ExceptionFilter') >= 0 || bytes.indexOf('next)') >= 0;
    const mayAdd = bytes.indexOf('= function') >= 0 || bytes.indexOf('=>') >= 0 || bytes.indexOf('= new ') >= 0 || bytes.indexOf('decorateReply(') >= 0;
    const controller = bytes.indexOf('@Controller(') >= 0;
    const service = !controller && bytes.indexOf('@Injectable(') >= 0;
    if (!mayHandle && !mayAdd && !controller && !service && !mayHook) continue;
    const text = bytes.toString('latin1');
    if (mayHook && HANDLER_SHAPE.test(text)) errorHookFiles.push(file);
    if (controller) for (const name of controllerReturnedMethodsIn(text)) controllerReturnedMethods.add(name);
    if (controller) for (const name of controllerAwaitedMethodsIn(text)) if (!controllerAwaitedMethods.has(name)) controllerAwaitedMethods.set(name, file);
    if (service) for (const [caller, callee] of serviceAwaitedCallsIn(text)) serviceCalls.set(caller, [...(serviceCalls.get(caller) ?? []), callee]);
    if (mayHandle && (MAY_MAP.test(text) || SWITCHES_ON_KIND.test(text)) && SETS_STATUS.test(text) && (HANDLER_SHAPE.test(text) || (SWITCHES_ON_KIND.test(text) && ERROR_MAPPER.test(text)))) errorHandlerFiles.push(file);
    if (mayAdd) {
      for (const name of responseMethodsAdded(text)) {
        const files = responseMethodFiles.get(name) ?? [];
        if (!files.includes(file)) files.push(file);
        responseMethodFiles.set(name, files);
      }
    }
  }
  // A service's method that one a controller awaits awaits in turn, outside any `try`, fails through it too
  // (`BankAccountsApplication.refreshBankAccount` -> `RefreshBankAccountService.refreshBankAccount`).
  for (const pending = [...controllerAwaitedMethods.keys()]; pending.length > 0; ) {
    const caller = pending.pop()!;
    for (const callee of serviceCalls.get(caller) ?? []) {
      if (controllerAwaitedMethods.has(callee)) continue;
      controllerAwaitedMethods.set(callee, controllerAwaitedMethods.get(caller)!);
      pending.push(callee);
    }
  }
  const search = { errorHandlerFiles, errorHookFiles, requestAugmentationFiles, responseMethodFiles, controllerReturnedMethods, controllerAwaitedMethods };
  searches.set(root, search);
  return search;
}
