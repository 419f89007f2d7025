// The rules on the responses of one walked document: the step `oas-status-lint` (on files) and the Spectral and Redocly
// front ends (on a document they parsed) share, so that they cannot drift apart.
import { ruleAppliesTo, runRules, type Finding, type PlannedRule, type Rule, type Severity } from '@status-lint/core';
import type { DocumentSet } from '../load/document-set.js';
import type { IgnoreDirective } from './ignore-directives.js';
import { responseFacts, type SpecFact } from './response-facts.js';
import type { SpecWalk } from './walk-spec.js';

export interface SpecRuleResult {
  /** The response the finding is about, where it is written. */
  readonly specFact: SpecFact;
  readonly finding: Finding;
  readonly severity: Exclude<Severity, 'off'>;
  readonly rule: Rule<unknown>;
  /** The `x-status-lint-ignore` directives that silence it (empty: it is reported). */
  readonly ignores: readonly IgnoreDirective[];
}

/** Build the facts of the responses some planned rule reads, run the rules, and say which directives silence what. */
export function specRuleResults(documents: DocumentSet, walk: SpecWalk, plan: readonly PlannedRule[]): SpecRuleResult[] {
  const facts = responseFacts(documents, walk.version, walk.sites, (status, statusClass) => plan.some((planned) => ruleAppliesTo(planned.rule.meta, status, statusClass)));
  const bySpecFact = new Map(facts.map((specFact) => [specFact.fact, specFact]));
  return runRules(facts.map((specFact) => specFact.fact), plan).map(({ fact, finding, severity }) => {
    const specFact = bySpecFact.get(fact)!;
    const rule = plan.find((planned) => planned.rule.meta.id === finding.ruleId)!.rule as Rule<unknown>;
    return { specFact, finding, severity, rule, ignores: specFact.ignoresFor(finding.ruleId) };
  });
}
