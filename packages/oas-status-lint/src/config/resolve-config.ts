// The settings a CLI run uses: the config file (found or given) with the `--rule` flags laid over it.
import path from 'node:path';
import { ConfigError, planRules, type RuleSetting, type RulesConfig, type Severity } from '@status-lint/core';
import { ConfigFileError } from './config-file-error.js';
import { findConfigFile, loadConfigFile, type LoadedConfigFile } from './load-config.js';
import { parseRuleFlags } from './rule-flags.js';

export interface ResolveConfigOptions {
  /** Where discovery starts and what relative paths resolve against. */
  readonly cwd: string;
  /** `--config`: skips discovery; relative to `cwd`. */
  readonly configPath?: string;
  /** `--rule id:severity` values, in the order given. */
  readonly ruleFlags?: readonly string[];
}

export interface ResolvedConfig {
  /** Absolute path of the config file used, if any. */
  readonly configFile?: string;
  /** For the engine's `planRules`; without `extends`, the engine applies `recommended`. */
  readonly rules: RulesConfig;
  /** Glob patterns of files not to lint, relative to `ignoreBase`. */
  readonly ignore: string[];
  /** The config file's directory (patterns are written relative to it), or `cwd` without a config file. */
  readonly ignoreBase: string;
}

// A flag changes the severity only: options written in the file for that rule still apply.
function overrideSeverity(fileSetting: RuleSetting | undefined, severity: Severity): RuleSetting {
  if (Array.isArray(fileSetting) && fileSetting.length === 2) return [severity, fileSetting[1] as Record<string, unknown>];
  return severity;
}

/** Find or load the config file, validate it, apply `--rule` flags. Throws ConfigFileError or RuleFlagError. */
export function resolveConfig(options: ResolveConfigOptions): ResolvedConfig {
  const cwd = path.resolve(options.cwd);
  const configFile = options.configPath !== undefined ? path.resolve(cwd, options.configPath) : findConfigFile(cwd);
  const loaded: LoadedConfigFile | undefined = configFile !== undefined ? loadConfigFile(configFile, cwd) : undefined;
  const flags = parseRuleFlags(options.ruleFlags ?? []);
  const rules: Record<string, RuleSetting> = { ...loaded?.rules };
  for (const [ruleId, severity] of Object.entries(flags)) rules[ruleId] = overrideSeverity(rules[ruleId], severity);
  const rulesConfig: RulesConfig = { ...(loaded?.extends ? { extends: loaded.extends } : {}), rules };
  try {
    // Each part was checked on its own; this keeps the combination honest against the engine that will run it.
    planRules(rulesConfig, 'cli');
  } catch (error) {
    if (error instanceof ConfigError && loaded) throw new ConfigFileError(error.message, { file: loaded.file, line: 1, column: 1 });
    throw error;
  }
  return {
    ...(loaded ? { configFile: loaded.file } : {}),
    rules: rulesConfig,
    ignore: [...(loaded?.ignore ?? [])],
    ignoreBase: loaded ? path.dirname(loaded.file) : cwd,
  };
}
