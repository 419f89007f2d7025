// @status-lint/core: the facts model, the shared classifier, the rules and the engine.
export * from './facts.js';
export * from './vocabulary.js';
export * from './body.js';
export * from './rule.js';
export * from './engine.js';
export * from './fact-text.js';
export * from './rules/index.js';
export { permissionGuardEvidence } from './rules/no-401-for-forbidden.js';
export { existingLookupEvidence, type No400ForSemanticErrorOptions } from './rules/no-400-for-semantic-error.js';
export type { No500ForUpstreamErrorOptions } from './rules/no-500-for-upstream-error.js';
export { textSaysError, type NoErrorBodyOnSuccessOptions } from './rules/no-error-body-on-success.js';
export { isUpstreamCallee } from './knowledge/upstream-callees.js';
export { reasonPhraseStatus } from './knowledge/reason-phrases.js';
export * from './knowledge/status-constants.js';
export * from './knowledge/exception-classes.js';
export * from './knowledge/response-calls.js';
