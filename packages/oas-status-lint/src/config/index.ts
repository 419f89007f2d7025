// Configuration of the CLI: config files, `--rule` flags, and the settings they resolve to.
export { ConfigFileError, type ConfigFileErrorLocation } from './config-file-error.js';
export { readConfigDocument, type ConfigFileContents } from './config-document.js';
export { configFileNames, findConfigFile, loadConfigFile, type LoadedConfigFile } from './load-config.js';
export { parseRuleFlags, RuleFlagError } from './rule-flags.js';
export { resolveConfig, type ResolveConfigOptions, type ResolvedConfig } from './resolve-config.js';
