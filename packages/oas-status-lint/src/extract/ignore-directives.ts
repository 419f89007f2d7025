// `x-status-lint-ignore: { <rule-id>: "<reason>" }` on a response, operation, path item or the root.
import { ruleIds } from '@status-lint/core';
import type { Location } from '../load/document-set.js';

export const IGNORE_KEY = 'x-status-lint-ignore';

export interface IgnoreDirective {
  readonly ruleId: string;
  readonly reason: string;
  /** Where the rule id is written inside the directive. */
  readonly location: Location;
}

export interface DirectiveProblem {
  readonly message: string;
  readonly location: Location;
}

/** Read the directives of one object (response, operation, path item or root). */
export function readIgnoreDirectives(owner: unknown, location: Location, problems: DirectiveProblem[]): IgnoreDirective[] {
  if (owner === null || typeof owner !== 'object') return [];
  const raw = (owner as Record<string, unknown>)[IGNORE_KEY];
  if (raw === undefined) return [];
  const directiveLocation = { file: location.file, path: [...location.path, IGNORE_KEY] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: `${IGNORE_KEY} must map rule ids to reasons, e.g. { require-retry-after-on-429: "legacy gateway adds it" }`, location: directiveLocation });
    return [];
  }
  const directives: IgnoreDirective[] = [];
  for (const [ruleId, reason] of Object.entries(raw as Record<string, unknown>)) {
    const entryLocation = { file: location.file, path: [...directiveLocation.path, ruleId] };
    if (!ruleIds.includes(ruleId)) {
      problems.push({ message: `${IGNORE_KEY}: unknown rule "${ruleId}" (known: ${ruleIds.join(', ')})`, location: entryLocation });
      continue;
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      problems.push({ message: `${IGNORE_KEY}: "${ruleId}" needs a reason (a non-empty string saying why it is ignored)`, location: entryLocation });
      continue;
    }
    directives.push({ ruleId, reason, location: entryLocation });
  }
  return directives;
}
