// The `--rule id:severity` flags: parsed and checked against the registry, later flags winning.
import { ConfigError, planRules, type Severity } from '@status-lint/core';

export class RuleFlagError extends Error {
  override readonly name = 'RuleFlagError';
  constructor(
    /** The flag's value as given: `no-401-for-forbidden:fatal`. */
    readonly flag: string,
    /** The message without its `--rule flag: ` prefix. */
    readonly reason: string,
  ) {
    super(`--rule ${flag}: ${reason}`);
  }
}

/** `["no-401-for-forbidden:off", "no-400-for-semantic-error:warn"]` -> `{ "no-401-for-forbidden": "off", ... }`. */
export function parseRuleFlags(flags: readonly string[]): Record<string, Severity> {
  const settings: Record<string, Severity> = {};
  for (const flag of flags) {
    const separator = flag.lastIndexOf(':');
    if (separator <= 0) throw new RuleFlagError(flag, 'expected <rule-id>:<severity>, with severity off, warn or error');
    const ruleId = flag.slice(0, separator).trim();
    const severity = flag.slice(separator + 1).trim();
    try {
      // The engine decides what a known rule and a valid severity are, with the same words as in config files.
      planRules({ extends: [], rules: { [ruleId]: severity as Severity } }, 'cli');
    } catch (error) {
      if (error instanceof ConfigError) throw new RuleFlagError(flag, error.message);
      throw error;
    }
    settings[ruleId] = severity as Severity;
  }
  return settings;
}
