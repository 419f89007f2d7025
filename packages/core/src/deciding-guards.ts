// The conditions that send a response, read apart from the preconditions an earlier exit leaves on its path
// (`if (!session) return 401; ...; if (exists) return 400`: `session` holds there, it does not decide the 400).
import type { GuardEvidence, ResponseFact } from './facts.js';

/** The conditions that send this response, without the preconditions earlier exits leave on its path; innermost first. */
export function decidingGuards(fact: ResponseFact): readonly GuardEvidence[] {
  return (fact.guards ?? []).filter((guard) => !guard.afterEarlyExit);
}

/** The innermost condition that sends this response, if any. */
export function decidingGuard(fact: ResponseFact): GuardEvidence | undefined {
  return (fact.guards ?? []).find((guard) => !guard.afterEarlyExit);
}
