// The shape of a config file, checked node by node on the parsed YAML so that each problem points at its key.
import type { Document, Node, Pair } from 'yaml';
import { yamlLibrary } from '../load/yaml-libraries.js';
import { ConfigError, findRule, planRules, presetNames, validateRuleOptions, type PresetName, type RuleSetting, type Severity } from '@status-lint/core';

/** What a config file says, validated. */
export interface ConfigFileContents {
  readonly extends?: readonly PresetName[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Glob patterns of files not to lint, relative to the config file's directory. */
  readonly ignore: readonly string[];
}

/** Throws the caller's typed error at the node's position. */
export type ReportAt = (node: Node | null | undefined, reason: string) => never;

interface Reader {
  readonly report: ReportAt;
  /** The node as plain data, aliases resolved. */
  readonly plain: (node: Node | null | undefined) => unknown;
}

const TOP_LEVEL_KEYS = ['extends', 'rules', 'ignore'] as const;

function keyNode(pair: Pair): Node | undefined {
  return (pair.key as Node | null) ?? undefined;
}

function valueNode(pair: Pair): Node | undefined {
  return (pair.value as Node | null) ?? undefined;
}

function isAbsent(node: Node | undefined): boolean {
  return node === undefined || (yamlLibrary().isScalar(node) && node.value === null);
}

/** The engine's verdict on one rule setting, as a message: the core owns the wording of rule errors. */
function engineComplaint(ruleId: string, setting: unknown): string | undefined {
  try {
    planRules({ extends: [], rules: { [ruleId]: setting as RuleSetting } }, 'cli');
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

function readExtends(node: Node | undefined, reader: Reader): PresetName[] {
  const items = yamlLibrary().isSeq(node) ? (node.items as Node[]) : [node];
  return items.map((item) => {
    const value = reader.plain(item);
    if (typeof value !== 'string' || !presetNames.includes(value as PresetName)) {
      reader.report(item ?? node, `"extends" must be ${presetNames.map((name) => `"${name}"`).join(' or ')}, or a list of them`);
    }
    return value as PresetName;
  });
}

function readOptions(ruleId: string, node: Node | undefined, reader: Reader): Record<string, unknown> {
  if (!yamlLibrary().isMap(node)) return reader.report(node, `rule "${ruleId}": options must be an object`);
  const known = Object.keys(findRule(ruleId)?.meta.optionsSchema.properties ?? {});
  const options: Record<string, unknown> = {};
  for (const pair of node.items as Pair[]) {
    const name = String(reader.plain(keyNode(pair)));
    const value = reader.plain(valueNode(pair));
    try {
      // One option at a time, so the error can point at the option that is wrong.
      validateRuleOptions(ruleId, { [name]: value });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      reader.report(known.includes(name) ? (valueNode(pair) ?? keyNode(pair)) : keyNode(pair), error.message);
    }
    options[name] = value;
  }
  return options;
}

function readRuleSetting(ruleId: string, pair: Pair, reader: Reader): RuleSetting {
  if (!findRule(ruleId)) reader.report(keyNode(pair), engineComplaint(ruleId, 'off') ?? `unknown rule "${ruleId}"`);
  const node = valueNode(pair);
  const items = yamlLibrary().isSeq(node) ? (node.items as Node[]) : undefined;
  if (items && (items.length === 0 || items.length > 2)) reader.report(node, `rule "${ruleId}": expected [severity] or [severity, options]`);
  const severityNode = items ? items[0] : node;
  const severity = reader.plain(severityNode);
  const complaint = engineComplaint(ruleId, severity);
  if (complaint) reader.report(severityNode ?? keyNode(pair), complaint);
  const checkedSeverity = severity as Severity;
  if (!items) return checkedSeverity;
  return items.length === 2 ? [checkedSeverity, readOptions(ruleId, items[1], reader)] : [checkedSeverity];
}

function readRules(node: Node | undefined, reader: Reader): Record<string, RuleSetting> {
  if (isAbsent(node)) return {};
  if (!yamlLibrary().isMap(node)) return reader.report(node, '"rules" must map rule ids to "off", "warn", "error" or [severity, options]');
  const rules: Record<string, RuleSetting> = {};
  for (const pair of node.items as Pair[]) {
    const ruleId = String(reader.plain(keyNode(pair)));
    rules[ruleId] = readRuleSetting(ruleId, pair, reader);
  }
  return rules;
}

function readIgnore(node: Node | undefined, reader: Reader): string[] {
  if (isAbsent(node)) return [];
  if (!yamlLibrary().isSeq(node)) return reader.report(node, '"ignore" must be a list of glob patterns');
  return (node.items as Node[]).map((item) => {
    const value = reader.plain(item);
    if (typeof value !== 'string' || value.trim() === '') reader.report(item, '"ignore" entries must be non-empty glob patterns');
    return value as string;
  });
}

/** Validate a parsed config document; an empty file is an empty config. */
export function readConfigDocument(document: Document.Parsed, report: ReportAt): ConfigFileContents {
  const reader: Reader = { report, plain: (node) => (node ? node.toJS(document) : undefined) };
  const contents = (document.contents as Node | null) ?? undefined;
  if (isAbsent(contents)) return { rules: {}, ignore: [] };
  if (!yamlLibrary().isMap(contents)) return report(contents, 'a config file must be a mapping with "extends", "rules" and/or "ignore"');
  const entries = new Map<string, Pair>();
  for (const pair of contents.items as Pair[]) {
    const name = String(reader.plain(keyNode(pair)));
    // `$schema` points an editor at the config's JSON Schema (schema.json of this package); it sets nothing.
    if (name === '$schema') continue;
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(name)) report(keyNode(pair), `unknown key "${name}" (known: ${TOP_LEVEL_KEYS.join(', ')})`);
    entries.set(name, pair);
  }
  const valueOf = (name: string): Node | undefined => {
    const pair = entries.get(name);
    return pair ? valueNode(pair) : undefined;
  };
  const presets = entries.has('extends') ? readExtends(valueOf('extends'), reader) : undefined;
  return {
    ...(presets ? { extends: presets } : {}),
    rules: readRules(valueOf('rules'), reader),
    ignore: readIgnore(valueOf('ignore'), reader),
  };
}
