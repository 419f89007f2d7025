// Score oas-status-lint against specs whose responses carry `x-expect` labels: precision and recall per rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lint } from '../../packages/oas-status-lint/dist/index.js';
import { scoreLabels, type Found, type Label, type Mistake, type RuleScore } from './score-labels.mjs';

export type { Mistake, RuleScore };

const encode = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every object with `x-expect`, placed by file and JSON pointer. */
function collectLabels(file: string, node: unknown, path: string[], out: Label[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectLabels(file, item, [...path, String(index)], out));
    return;
  }
  const record = node as Record<string, unknown>;
  const expect = record['x-expect'];
  if (expect !== undefined) {
    const place = `${file}#${path.map((segment) => `/${encode(segment)}`).join('')}`;
    const description = typeof record.description === 'string' ? record.description : undefined;
    if (expect === 'none' || expect === null) out.push({ place, description });
    else if (typeof expect === 'object') {
      const label = expect as { rule?: string; suggest?: number };
      out.push({ place, rule: label.rule, suggest: label.suggest, description });
    }
  }
  for (const [key, value] of Object.entries(record)) if (key !== 'x-expect') collectLabels(file, value, [...path, key], out);
}

export function specFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(?:ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export async function evaluateLabeled(dir: string): Promise<{ scores: Record<string, RuleScore>; mistakes: Mistake[]; labels: number }> {
  const files = specFilesIn(dir);
  const labels: Label[] = [];
  for (const file of files) collectLabels(file, parse(readFileSync(file, 'utf8'), { merge: true }), [], labels);
  const results = await lint(files, { rules: { extends: ['all'] } });
  const found = new Map<string, Found[]>();
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId || !message.pointer) continue;
      const place = `${result.filePath}#${message.pointer}`;
      found.set(place, [...(found.get(place) ?? []), { rule: message.ruleId, suggest: message.suggestion?.status }]);
    }
  }
  return { ...scoreLabels(labels, found), labels: labels.length };
}
