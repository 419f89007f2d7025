// `@status-lint/eslint-plugin/analysis`: the plugin's per-file analysis for other front ends (the project scanner), without ESLint.
export { analyzeSource, parseSource, type ParsedSource } from './standalone.js';
export { analyzeProjectSource } from './project-source.js';
export { parseCount } from './app-model/source-files.js';
export { mayRespond } from './may-respond.js';
export { lineOf, locOf } from './positions.js';
export { analyzeFile, analyzeFileInDepth, type FileAnalysis, type ResponseHandoff, type UnresolvedSend } from './analyze.js';
export type { Draft, ResponseSite } from './sites.js';
// The application model: the one place that learns the app's helpers, error classes and code tables.
export { errorClassStatus } from './app-model/error-classes.js';
export { resolveModuleFile } from './app-model/module-resolution.js';
export type { Role } from './resolve/handlers.js';
export { FileImports, bareModule, type ImportBinding } from './resolve/imports.js';
export { resolveStatus, type ResolvedStatus } from './resolve/status.js';
export { walk, contains } from './resolve/walk.js';
export { caughtAndKept } from './resolve/path.js';
export {
  followBinding,
  initializerOf,
  isFunction,
  isThrown,
  keyName,
  localFunction,
  memberPath,
  parameterIdentifier,
  propertyName,
  rootIdentifier,
  shortText,
  staticText,
  unwrap,
  unwrapAwait,
  variableOf,
  NO_BINDINGS,
  objectProperty,
  type Bindings,
  type FileContext,
  type FunctionNode,
  type Variable,
} from './resolve/values.js';
