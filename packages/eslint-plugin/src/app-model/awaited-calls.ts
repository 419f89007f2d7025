// What the application's route handlers wait for, read from the text of its files (a rough reading: braces, not
// syntax): the methods of NestJS services a controller awaits outside any `try` (and those they await in turn), and
// the functions of the application's modules a route handler of another framework awaits so. What such a function
// lets fail reaches the framework, which answers it with 500.
import { resolveModuleFile } from './module-resolution.js';

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

/** Is the call at `at` (its arguments opening at `open`) outside every `try` block and without a `.catch` of its own? */
function uncaught(text: string, spans: readonly [number, number][], at: number, open: number): boolean {
  return !spans.some(([start, end]) => start < at && at < end) && !caughtAfter(text, open);
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
    if (owner !== undefined && uncaught(text, spans, at, AWAITED_SERVICE_CALL.lastIndex - 1)) calls.push({ callee: `${owner}.${match[2]}`, at });
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

/**
 * A file of route handlers whose framework answers what they let fail with 500: a Next.js route handler or API route,
 * a Remix / React Router or SvelteKit route module, an h3 event handler, a tRPC procedure, a Hono or Fastify app, a Koa
 * router, an Express router that hands rejections on (`express-promise-router`, `express-async-errors`). Not a plain
 * Express 4 router: it answers no rejection.
 */
const ROUTE_FILE = /\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE|loader|action|load)\b|\bexport\s+const\s+(?:GET|POST|PUT|PATCH|DELETE|loader|action|load|actions)\b|\bdefineEventHandler\s*\(|\.(?:query|mutation)\s*\(\s*async\b|\bnew\s+Hono\b|\b(?:fastify|server|app|instance)\.(?:get|post|put|patch|delete|route)\s*\([^;]*\b(?:request|req)\s*(?::\s*[\w<>.]+)?\s*,\s*reply\b|\bexpress-promise-router\b|\bexpress-async-errors\b|\brouter\.(?:get|post|put|patch|delete)\s*\([^;]*\basync\s*\(\s*ctx\b/;
/** Next.js API routes (`pages/api/...`): the default export is the handler, and Next.js answers its rejection with 500. */
const API_ROUTE_PATH = /[\\/]pages[\\/]api[\\/]/;

/** `import { a, b as c } from './x'`, `import x from './x'`, `import * as x from './x'`, `const { a } = require('./x')`. */
const IMPORT = /\bimport\s+(?:type\s+)?(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+([A-Za-z_$][\w$]*))?\s*from\s*['"]([^'"]+)['"]|\b(?:const|let|var)\s+(?:\{([^}]*)\}|([A-Za-z_$][\w$]*))\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g;
/** `await createIssue(...)`, `return await github.createIssue(...)`, `await issues.create(...)`. */
const AWAITED_CALL = /\b(?:return\s+(?:await\s+)?|await\s+)([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*\(/g;

/** The local names a file imports from its relative or aliased modules, with the module and the name imported. */
function importedNames(text: string): Map<string, { source: string; imported: string }> {
  const names = new Map<string, { source: string; imported: string }>();
  const list = (items: string, source: string) => {
    for (const item of items.split(',')) {
      const [imported, local] = item.replace(/\btype\s+/, '').split(/\s+as\s+|\s*:\s*/).map((part) => part.trim());
      if (imported && /^[A-Za-z_$][\w$]*$/.test(local ?? imported)) names.set(local ?? imported, { source, imported });
    }
  };
  IMPORT.lastIndex = 0;
  for (let match = IMPORT.exec(text); match; match = IMPORT.exec(text)) {
    const source = match[4] ?? match[7];
    if (match[1]) names.set(match[1], { source, imported: 'default' });
    if (match[2]) list(match[2], source);
    if (match[3]) names.set(match[3], { source, imported: '*' });
    if (match[5]) list(match[5], source);
    if (match[6]) names.set(match[6], { source, imported: '*' });
  }
  return names;
}

/**
 * The functions of the application's modules a file of route handlers awaits or returns outside any `try`, as
 * `<file>#<name>`: `createIssue` of `import { createIssue } from '../lib/github'`, `create` of `issues.create(...)`
 * with `issues` imported from `../services/issues` (a namespace, or an object or instance the module exports).
 */
export function routeAwaitedFunctionsIn(file: string, text: string): string[] {
  if (!ROUTE_FILE.test(text) && !API_ROUTE_PATH.test(file)) return [];
  const imports = importedNames(text);
  const spans = tryBlockSpans(text);
  const found: string[] = [];
  AWAITED_CALL.lastIndex = 0;
  for (let match = AWAITED_CALL.exec(text); match; match = AWAITED_CALL.exec(text)) {
    const binding = imports.get(match[1]);
    if (!binding) continue;
    const at = match.index;
    if (!uncaught(text, spans, at, AWAITED_CALL.lastIndex - 1)) continue;
    const name = match[2] ?? (binding.imported === '*' ? undefined : binding.imported);
    if (match[2] === undefined && binding.imported === '*') continue;
    const target = resolveModuleFile(file, binding.source);
    if (target !== undefined && name !== undefined) found.push(`${target}#${name}`);
  }
  return found;
}
