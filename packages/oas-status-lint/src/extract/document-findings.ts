// The spec-side pipeline on a document another linter has parsed: walk it, build each response's facts, run the core
// rules, honour `x-status-lint-ignore`. Spectral and Redocly front ends call this, as `oas-status-lint` runs the same
// walk and extraction on files: the three cannot drift apart.
import { planRules, rules as coreRules, type RulesConfig, type Severity } from '@status-lint/core';
import { DocumentSet } from '../load/document-set.js';
import { suggestionOf, type LintSuggestion } from '../results.js';
import { specRuleResults } from './spec-rule-results.js';
import { walkSpec } from './walk-spec.js';

export interface DocumentFinding {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  /** Path segments (unescaped) from the document's root to the response: `['paths', '/users', 'get', 'responses', '401']`. */
  readonly path: readonly string[];
  /** The status the rule suggests, or the header to add. */
  readonly suggestion?: LintSuggestion;
  readonly docsUrl: string;
}

/**
 * Findings of the response rules in one parsed OpenAPI 3.x or Swagger 2.0 document, at the path of each response as
 * written (a response shared through `$ref` once, at its own path). A value that is not OpenAPI gives none.
 */
export function findingsInDocument(document: unknown, rules: RulesConfig = {}, file = '<document>'): DocumentFinding[] {
  const documents = DocumentSet.ofValue(file, document);
  let walk;
  try {
    walk = walkSpec(documents, file);
  } catch {
    return [];
  }
  const findings: DocumentFinding[] = [];
  for (const { specFact, finding, severity, rule, ignores } of specRuleResults(documents, walk, planRules(rules, 'cli'))) {
    if (ignores.length > 0 || specFact.site.location.file !== file) continue;
    const suggestion = suggestionOf(finding, 'spec');
    findings.push({ ruleId: finding.ruleId, severity, message: finding.message, path: specFact.site.location.path, docsUrl: rule.meta.docsUrl, ...(suggestion ? { suggestion } : {}) });
  }
  return findings;
}

/** The rules a spec front end runs: the response rules (the drift rules need the server's code). */
export const documentRules = coreRules.filter((rule) => rule.meta.frontEnds.includes('cli') && rule.kind !== 'drift');

const shared = new WeakMap<object, DocumentFinding[]>();

/**
 * `findingsInDocument` with the rules' default options, run once per document object: for front ends whose rules each
 * ask for their own id's findings in the same document (Spectral, Redocly), whose severities decide what is shown.
 */
export function sharedFindingsInDocument(document: unknown): DocumentFinding[] {
  if (document === null || typeof document !== 'object') return [];
  let found = shared.get(document);
  if (!found) {
    found = findingsInDocument(document);
    shared.set(document, found);
  }
  return found;
}
