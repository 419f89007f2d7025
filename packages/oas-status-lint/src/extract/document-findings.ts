// The spec-side pipeline on a document another linter has parsed: walk it, build each response's facts, run the core
// rules, honour `x-status-lint-ignore`. Spectral and Redocly front ends call this, as `oas-status-lint` runs the same
// walk and extraction on files: the three cannot drift apart.
import { planRules, ruleAppliesTo, runRules, type RulesConfig, type Severity } from '@status-lint/core';
import { DocumentSet } from '../load/document-set.js';
import { responseFacts } from './response-facts.js';
import { walkSpec } from './walk-spec.js';

export interface DocumentFinding {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  /** Path segments (unescaped) from the document's root to the response: `['paths', '/users', 'get', 'responses', '401']`. */
  readonly path: readonly string[];
  /** The status the rule suggests, or the header to add. */
  readonly suggestion?: { readonly status?: number; readonly header?: string };
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
  const plan = planRules(rules, 'cli');
  const facts = responseFacts(documents, walk.version, walk.sites, (status, statusClass) => plan.some((planned) => ruleAppliesTo(planned.rule.meta, status, statusClass)));
  const bySpecFact = new Map(facts.map((specFact) => [specFact.fact, specFact]));
  const findings: DocumentFinding[] = [];
  for (const { fact, finding, severity } of runRules(facts.map((specFact) => specFact.fact), plan)) {
    const specFact = bySpecFact.get(fact)!;
    if (specFact.ignoresFor(finding.ruleId).length > 0 || specFact.site.location.file !== file) continue;
    const rule = plan.find((planned) => planned.rule.meta.id === finding.ruleId)!.rule;
    const suggestion = finding.fix?.kind === 'replace-status' ? { status: finding.fix.status } : finding.fix?.kind === 'add-header' ? { header: finding.fix.header } : undefined;
    findings.push({ ruleId: finding.ruleId, severity, message: finding.message, path: specFact.site.location.path, docsUrl: rule.meta.docsUrl, ...(suggestion ? { suggestion } : {}) });
  }
  return findings;
}
