// no-400-for-semantic-error: a 400 for a request that parses but conflicts with state (409) or breaks a business rule (422).
import type { GuardEvidence, ResponseFact } from '../facts.js';
import { defineRule } from '../rule.js';
import { classifyFact, operationsNote } from '../fact-text.js';
import { findSignal, hasStrongSignal } from '../vocabulary.js';

export interface No400ForSemanticErrorOptions {
  /** The status for business-rule violations. 400 follows the Zalando and IBM guides: only state conflicts are reported. */
  readonly businessRuleStatus: 400 | 422;
}

/** Callees whose result says whether something already exists. */
const LOOKUP_CALLEES = /(?:^|\.)(?:find\w*|get\w*|fetch\w*|exists?\w*|count\w*|lookup\w*|query\w*|select\w*|search\w*|load\w*|read\w*|has\w*|check\w*Exist\w*|is\w*(?:Taken|Used|Registered|Available))$/i;

/** Is this callee a lookup: `db.user.findUnique`, or a query-builder chain that selects (`db.select().from().where().limit`)? */
function isLookupCallee(callee: string): boolean {
  if (LOOKUP_CALLEES.test(callee)) return true;
  return callee.split('.').some((segment) => segment.endsWith('()') && LOOKUP_CALLEES.test(segment.slice(0, -2)));
}

/** A guard that sends the 400 because a lookup found something: the thing already exists. */
export function existingLookupEvidence(guard: GuardEvidence): string | undefined {
  // `if (!session) return 401; ...; return 400` leaves `session` true on the path: a precondition, not the conflict.
  if (guard.negated || guard.afterEarlyExit) return undefined;
  // `canCreateOwnTag` from `hasPermission(...)`: a permission answer, not a record that exists.
  const permissionAnswer = (item: { binding: string; callee: string }) => /^(?:can|has|is|may)[A-Z_]/.test(item.binding) || /(?:^|\.)(?:has|can|check|is|may)\w*(?:permission|access|role|allowed|authori[sz]ed|ability|entitle)/i.test(item.callee);
  const lookup = guard.lookups.find((item) => isLookupCallee(item.callee) && !permissionAnswer(item) && testsExistence(guard.text, item.binding));
  return lookup ? `\`${lookup.binding}\` from \`${lookup.callee}(...)\`` : undefined;
}

/**
 * Does the condition ask whether the lookup found something (`existing`, `clash !== null`, `count > 0`), rather
 * than compare what it found (`refunded.total + amount > payment.amount`, a business rule)?
 */
function testsExistence(condition: string, binding: string): boolean {
  const name = binding.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compact = condition.replace(/\s+/g, ' ').trim();
  const found = new RegExp(
    `^(?:Boolean\\()?\\(?${name}(?:\\.(?:length|count|size))?\\)?(?: ?(?:!==?|!=) ?(?:null|undefined)| ?(?:>|>=|!==?) ?0| ?>= ?1)?\\)?$`,
  );
  // `a || b`, `a && b`: each part on its own.
  return compact.split(/ ?(?:\|\||&&) ?/).some((part) => found.test(part.replace(/^\((.*)\)$/, '$1')));
}

export const no400ForSemanticError = defineRule<No400ForSemanticErrorOptions>(
  {
    id: 'no-400-for-semantic-error',
    description: 'Disallow 400 for requests that parse but conflict with state (409) or break a business rule (422).',
    defaultSeverity: 'error',
    presets: ['recommended', 'all'],
    appliesTo: { statuses: [400] },
    optionsSchema: {
      type: 'object',
      properties: { businessRuleStatus: { enum: [400, 422], default: 422 } },
      additionalProperties: false,
    },
    defaultOptions: { businessRuleStatus: 422 },
  },
  (fact: ResponseFact, options) => {
    if (fact.status !== 400) return undefined;
    const classification = classifyFact(fact);
    const conflict = findSignal(classification, 'state-conflict');
    const business = options.businessRuleStatus === 422 ? findSignal(classification, 'business-rule') : undefined;
    // "already received the maximum number of refills": a limit is the more specific meaning than "already".
    const limitFirst = business?.strength === 'strong' && /\b(?:maximum|max|limit|quota|at most|no more than|exceed)/.test(business.phrase);
    const chosen =
      conflict?.strength === 'strong' && !limitFirst
        ? { match: conflict, status: 409, meaning: 'a conflict with the current state', name: '409 Conflict' }
        : business?.strength === 'strong'
          ? { match: business, status: 422, meaning: 'a business rule on well-formed data', name: '422 Unprocessable Content' }
          : undefined;
    if (chosen) {
      // A 400 whose text also names parse errors still sends 400 for the conflict or rule it describes.
      const where = fact.origin === 'spec' ? 'description says' : 'message says';
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: chosen.status === 409 ? 'conflictText' : 'businessRuleText',
        message: `400 Bad Request used for ${chosen.meaning}: the ${where} "${chosen.match.phrase}"${operationsNote(fact)}. Use ${chosen.name}.`,
        evidence: chosen.match.phrase,
        suggestedStatus: chosen.status,
        fix: { kind: 'replace-status', status: chosen.status },
      };
    }
    for (const guard of fact.guards ?? []) {
      const evidence = existingLookupEvidence(guard);
      if (!evidence || hasStrongSignal(classification, 'syntax-error')) continue;
      return {
        ruleId: 'no-400-for-semantic-error',
        messageId: 'conflictLookup',
        message: `400 Bad Request sent because a lookup found a match (${evidence}, tested in \`${guard.text}\`): that is a conflict with existing state. Use 409 Conflict.`,
        evidence: guard.text,
        suggestedStatus: 409,
        fix: { kind: 'replace-status', status: 409 },
      };
    }
    return undefined;
  },
);
