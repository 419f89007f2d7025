// The search of a project's own files for what no import leads to: its global error handlers (registered once at
// start-up) and the methods its middleware adds to the response object (`express.response.apiv3Err = function`,
// `res.badRequest = (message) => ...`). Every file is read once per project and process, the first time either is
// asked for; most are only searched as bytes, never decoded or parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { controllerAwaitedMethodsIn, routeAwaitedFunctionsIn, serviceAwaitedCallsIn } from './awaited-calls.js';

/** Folders that hold no handler of the application: dependencies, builds, tests. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo', '.cache', 'vendor', 'public', 'static', '__tests__', '__mocks__', 'test', 'tests', 'e2e', 'fixtures', 'migrations', 'generated']);
/** Script files only: a `.tsx` / `.jsx` file is a component, and a server's error handler is never one (a third of a full-stack project's files). */
const SOURCE_FILE = /\.[cm]?[jt]s$/;
/** A Remix / React Router route module is a component file too (`app/routes/settings.tsx`): its `loader` and `action` are handlers. */
const ROUTE_COMPONENT = /\.[jt]sx$/;
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
  /** `<file>#<name>` of the application's functions a route handler of another framework awaits outside any `try`, with that handler's file. */
  readonly routeAwaitedFunctions: ReadonlyMap<string, string>;
  /** The files of those functions. */
  readonly routeAwaitedFiles: ReadonlySet<string>;
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
      } else if (entry.isFile() && (SOURCE_FILE.test(entry.name) || (ROUTE_COMPONENT.test(entry.name) && /[\\/]routes(?:[\\/]|$)/.test(folder))) && (!DECLARATION_OR_TEST.test(entry.name) || DECLARATION.test(entry.name))) {
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

/** Words of a file that may hold route handlers (see `routeAwaitedFunctionsIn`), searched as bytes before it is decoded. */
const ROUTE_MARKERS = ['export async function', 'export const', 'export function', 'defineEventHandler', '.query(', '.mutation(', 'Hono', 'reply', 'ctx', 'express-', 'handler'];

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
  const routeAwaitedFunctions = new Map<string, string>();
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
    const mayRoute = bytes.indexOf('await ') >= 0 && ROUTE_MARKERS.some((marker) => bytes.indexOf(marker) >= 0);
    if (!mayHandle && !mayAdd && !controller && !service && !mayHook && !mayRoute) continue;
    const text = bytes.toString('latin1');
    if (mayRoute && !controller) for (const name of routeAwaitedFunctionsIn(file, text)) if (!routeAwaitedFunctions.has(name)) routeAwaitedFunctions.set(name, file);
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
  const routeAwaitedFiles = new Set([...routeAwaitedFunctions.keys()].map((key) => key.slice(0, key.lastIndexOf('#'))));
  const search = { errorHandlerFiles, errorHookFiles, requestAugmentationFiles, responseMethodFiles, controllerReturnedMethods, controllerAwaitedMethods, routeAwaitedFunctions, routeAwaitedFiles };
  searches.set(root, search);
  return search;
}
