// Statuses the application's global error handlers give to its error classes: `if (error instanceof
// Errors.InvalidError) { res.status(400); ... }` in Express error middleware, a NestJS exception filter or an
// `onError` hook. An error class that carries no status of its own (`class InvalidError extends Error {}`) is
// answered with the status its handler gives it, wherever it is thrown. One that keeps its kind (`this.type = type`)
// is answered with the status the handler's `switch (err.type)` sets for that kind, also where the switch is in a
// function the handler hands errors to (`handleAIServiceError(error)` in another file). A class no handler names gets
// the one status every answer of its package's error hooks has, when there is one (`c.json(result.fail(...))`: 200).
//
// The handler is rarely imported by the code that throws, so it is found by the search of the project's files
// (project-search.ts: text first, parsing only the few shaped like a handler that test `instanceof` or switch on a
// kind and set a status), once per project and process, the first time a class without a status is thrown. Its files are read through the model's cache, so an edited handler is
// read again; a handler added to the project during an editor session is seen after a restart.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { analyzeFileInDepth } from '../analyze.js';
import { resolveStatus } from '../resolve/status.js';
import { isFunction, keyName, memberPath, propertyName, unwrap, type FileContext, type FunctionNode } from '../resolve/values.js';
import { walk } from '../resolve/walk.js';
import { codeKey, readerFor, shown } from './producers.js';
import { sourceFile, type SourceFile } from './source-files.js';
import { projectSearch } from './project-search.js';
import { packageFolderOf } from './package-manifests.js';
import { lineOf } from '../positions.js';

/** `error instanceof Errors.InvalidError`, alone or beside other conditions. */
const INSTANCEOF = /^!?\(?\s*[\w$.]+\s+instanceof\s+([\w$.]+)\s*\)?$/;

export interface HandledStatus {
  readonly status: number;
  /** Where the handler sends it, relative to the project. */
  readonly file: string;
  readonly line: number;
}

/**
 * The status a global error handler of the project sends for an error class of this name, when every handler that
 * names it agrees; undefined when none does or they differ.
 */
export function handledStatusOf(root: string, className: string, classFile?: string): HandledStatus | undefined {
  let found: HandledStatus | undefined;
  const search = projectSearch(root);
  for (const file of search.errorHandlerFiles) {
    const entry = perHandlerFile(file, 'handled-statuses', (parsed) => statusesByClass(parsed, root))?.get(className);
    if (entry === undefined) continue;
    if (entry === null || (found && found.status !== entry.status)) return undefined;
    found = entry;
  }
  if (found || classFile === undefined) return found;
  // Only the handlers of the package the class belongs to: another application of a monorepo answers its own errors.
  const home = packageFolderOf(classFile);
  return everyErrorStatus(root, search.errorHookFiles.filter((file) => packageFolderOf(file) === home));
}

/**
 * The one status the application's error handlers send for every error, whatever its class, when they all agree:
 * `app.onError((err, c) => c.json(result.fail(err.message, err.code)))` answers every `BizError` with 200. Undefined
 * when a handler sends more than one status, reads it from the error (`err.status || 500`), or none is found.
 */
function everyErrorStatus(root: string, files: readonly string[]): HandledStatus | undefined {
  let found: HandledStatus | undefined;
  for (const file of files) {
    const entry = perHandlerFile(file, 'every-error-status', (parsed) => oneStatusOf(parsed, root));
    if (entry === undefined) continue;
    if (entry === null || (found && found.status !== entry.status)) return undefined;
    found = entry;
  }
  return found;
}

/** The status every answer of a file's global error handlers has (null when they differ or one is not a constant). */
function oneStatusOf(parsed: SourceFile, root: string): HandledStatus | null | undefined {
  let found: HandledStatus | undefined;
  for (const site of analysisOf(parsed, root)?.sites ?? []) {
    if (!site.fact.context?.globalErrorHandler) continue;
    // A hook that throws an error of its own (`requestValidationErrorHandler: (err) => { throw new BadRequestError() }`)
    // hands it on to whatever answers errors: it answers nothing itself.
    const status = site.fact.context.raisedError && site.sendNode.type === AST_NODE_TYPES.NewExpression ? undefined : site.fact.status;
    if (status === undefined || (found !== undefined && found.status !== status)) return null;
    found ??= { status, file: shown(parsed, root), line: lineOf(site.sendNode) };
  }
  return found;
}

/** What is learned of one candidate file, kept with its parse (dropped when the file changes). */
function perHandlerFile<T>(file: string, key: string, learn: (parsed: SourceFile) => T): T | undefined {
  const parsed = sourceFile(file);
  if (!parsed) return undefined;
  if (!parsed.memo.has(key)) {
    // Reading a handler may throw an error class of its own and ask again: it learns nothing of itself meanwhile.
    parsed.memo.set(key, undefined);
    parsed.memo.set(key, learn(parsed));
  }
  return parsed.memo.get(key) as T | undefined;
}

/** The analysis of a candidate file (the same one the plugin makes of it, cached with its tree). */
function analysisOf(parsed: SourceFile, root: string): ReturnType<typeof analyzeFileInDepth> | undefined {
  try {
    return analyzeFileInDepth(parsed.context.sourceCode, parsed.file, root);
  } catch {
    return undefined;
  }
}

/** Codes a handler's `switch` answers: `switch (err.type) { case MedusaError.Types.NOT_FOUND: statusCode = 404; ... }`. */
interface HandledCodes {
  readonly table: Map<string, number>;
  readonly file: string;
  readonly line: number;
}

/** Discriminants that name an error's kind: `err.type`, `error.code`, `e.name`, `exception.kind`. */
const KIND_DISCRIMINANT = /\.(?:type|code|kind|name|errorType|errorCode)$/;

/**
 * The codes the project's global error handlers switch on, with the status each case sets, when there is one such
 * `switch` (or they agree on every code they share); undefined otherwise.
 */
export function handledCodesOf(root: string): HandledCodes | undefined {
  let found: HandledCodes | undefined;
  for (const file of projectSearch(root).errorHandlerFiles) {
    const codes = perHandlerFile(file, 'handled-codes', (parsed) => codeSwitchOf(parsed, root));
    if (!codes) continue;
    if (found && [...codes.table].some(([key, status]) => found!.table.has(key) && found!.table.get(key) !== status)) return undefined;
    found = found ? { ...found, table: new Map([...found.table, ...codes.table]) } : codes;
  }
  return found;
}

/** In one file: the `switch` over an error's kind inside a global error handler, and the status each case sets. */
function codeSwitchOf(parsed: SourceFile, root: string): HandledCodes | undefined {
  const context = parsed.context;
  const handlers = [...(analysisOf(parsed, root)?.roles.values() ?? [])].filter((role) => role.errorHandler).map((role) => role.fn);
  for (const fn of [...handlers, ...errorMappers(parsed)]) {
    let result: HandledCodes | undefined;
    walk(context, fn.body, (node) => {
      if (result || node.type !== AST_NODE_TYPES.SwitchStatement || !KIND_DISCRIMINANT.test(memberPath(unwrap(node.discriminant)) ?? '')) return undefined;
      const table = new Map<string, number>();
      let pending: string[] = [];
      for (const switchCase of node.cases) {
        // Read as the code at a call is read (`AppError.Types.NOT_FOUND` -> `NOT_FOUND`), so that both sides meet.
        const key = switchCase.test ? codeKey(parsed, switchCase.test) : undefined;
        if (key !== undefined) pending.push(key);
        if (switchCase.consequent.length === 0) continue;
        const status = caseStatus(context, switchCase.consequent);
        if (status !== undefined) for (const item of pending) table.set(item, status);
        pending = [];
      }
      if (table.size >= 2) result = { table, file: shown(parsed, root), line: lineOf(node) };
      return undefined;
    });
    if (result) return result;
  }
  return undefined;
}

/** The first parameter of a function that maps an error to an answer: `handleAIServiceError(error: AssistantError)`. */
const ERROR_PARAMETER = /^_*(?:err|error|e|ex|exc|exception)$/i;

/**
 * Functions of the file's top level that turn an error into a response (`export function handleAIServiceError(error)`,
 * called by the `onError` hook of another file): their `switch` over the error's kind is the handler's.
 */
function errorMappers(parsed: SourceFile): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const statement of parsed.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    const candidates: TSESTree.Node[] =
      declaration?.type === AST_NODE_TYPES.FunctionDeclaration ? [declaration] : declaration?.type === AST_NODE_TYPES.VariableDeclaration ? declaration.declarations.flatMap((item) => (item.init ? [unwrap(item.init)] : [])) : [];
    for (const candidate of candidates) {
      if (!isFunction(candidate)) continue;
      const first = candidate.params[0];
      if (first?.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER.test(first.name)) found.push(candidate);
    }
  }
  return found;
}

/** The HTTP error status a case sets: `statusCode = 404`, `res.status(404)`, `ctx.status = 404`, `Response.json(body, { status: 404 })`. */
function caseStatus(context: FileContext, statements: readonly TSESTree.Statement[]): number | undefined {
  let status: number | undefined;
  for (const statement of statements) {
    walk(context, statement, (node) => {
      if (status !== undefined) return false;
      const value =
        node.type === AST_NODE_TYPES.AssignmentExpression && /status/i.test(node.left.type === AST_NODE_TYPES.Identifier ? node.left.name : node.left.type === AST_NODE_TYPES.MemberExpression ? (propertyName(node.left) ?? '') : '')
          ? node.right
          : node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && ['status', 'code', 'sendStatus'].includes(propertyName(node.callee) ?? '')
            ? node.arguments[0]
            : node.type === AST_NODE_TYPES.Property && /^status(?:Code)?$/.test(keyName(node) ?? '')
              ? (node.value as TSESTree.Node)
              : undefined;
      const resolved = value ? resolveStatus(context, value)?.status : undefined;
      if (resolved !== undefined && resolved >= 400) status = resolved;
      return undefined;
    });
  }
  return status;
}

/**
 * `if (error instanceof ServiceNotConfiguredError) responseError = new Error400(msg)` in a global error handler that
 * sends what it chose at the end (`res.status(responseError.status).send(responseError)`): the class tested is
 * answered with the status of the error made for it.
 */
function assignedStatuses(parsed: SourceFile, root: string, record: (name: string, entry: HandledStatus) => void): void {
  const context = parsed.context;
  const analysis = analysisOf(parsed, root);
  for (const role of analysis?.roles.values() ?? []) {
    if (!role.errorHandler) continue;
    walk(context, role.fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return undefined;
      const test = context.sourceCode.getText(node.test).trim();
      const name = test.startsWith('!') ? undefined : INSTANCEOF.exec(test)?.[1]?.split('.').pop();
      const block = node.consequent.type === AST_NODE_TYPES.BlockStatement ? node.consequent.body : [node.consequent];
      const first = block.length === 1 && block[0].type === AST_NODE_TYPES.ExpressionStatement ? block[0].expression : undefined;
      const made = first?.type === AST_NODE_TYPES.AssignmentExpression && first.left.type === AST_NODE_TYPES.Identifier ? unwrap(first.right) : undefined;
      if (!name || made?.type !== AST_NODE_TYPES.NewExpression) return undefined;
      let status: number | undefined;
      try {
        const producer = readerFor(root).ofCallee(parsed, made.callee);
        status = producer?.status.kind === 'constant' ? producer.status.status : undefined;
      } catch {
        status = undefined;
      }
      if (status !== undefined && status >= 400) record(name, { status, file: shown(parsed, root), line: lineOf(made) });
      return undefined;
    });
  }
}

/** In one file: each class its global error handlers test with `instanceof`, and the status they then send (null when they send more than one). */
function statusesByClass(parsed: SourceFile, root: string): Map<string, HandledStatus | null> {
  const map = new Map<string, HandledStatus | null>();
  const record = (name: string, entry: HandledStatus) => {
    const previous = map.get(name);
    map.set(name, previous === undefined || (previous && previous.status === entry.status) ? (previous ?? entry) : null);
  };
  assignedStatuses(parsed, root, record);
  for (const site of analysisOf(parsed, root)?.sites ?? []) {
    const fact = site.fact;
    if (!fact.context?.globalErrorHandler || fact.status === undefined || fact.status < 400) continue;
    for (const guard of fact.guards ?? []) {
      if (guard.negated || guard.afterEarlyExit) continue;
      for (const part of guard.text.split(/\s*&&\s*/)) {
        const name = INSTANCEOF.exec(part.trim())?.[1]?.split('.').pop();
        if (!name || part.trim().startsWith('!')) continue;
        record(name, { status: fact.status, file: shown(parsed, root), line: lineOf(site.sendNode) });
      }
    }
  }
  return map;
}
