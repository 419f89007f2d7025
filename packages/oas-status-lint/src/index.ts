// oas-status-lint's programmatic API.
export { lint, lintSources, type LintOptions, type SourceInput } from './lint.js';
export type { LintMessage, LintResult, LintSuggestion, MessageSeverity } from './results.js';
export { InputError } from './load/input-error.js';
export { lintInParallel, mergeResults } from './parallel-lint.js';
export { applyBaseline, createBaseline, parseBaseline, type Baseline, type BaselineEntry } from './baseline.js';
export { documentRules, findingsInDocument, sharedFindingsInDocument, type DocumentFinding } from './extract/document-findings.js';
