// `--list-rules` and `--explain <rule-id>`: the rules' metadata and docs pages, readable in a terminal.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findRule, rules, ruleIds } from '@status-lint/core';

/** The page of a rule as shipped with the installed @status-lint/core (its `docs/rules/<id>.md`). */
export function rulePage(id: string): string {
  return readFileSync(fileURLToPath(import.meta.resolve(`@status-lint/core/docs/rules/${id}.md`)), 'utf8');
}

const bold = (text: string, color: boolean) => (color ? `\u001b[1m${text}\u001b[22m` : text);
const dim = (text: string, color: boolean) => (color ? `\u001b[2m${text}\u001b[22m` : text);

export function listRules(color: boolean): string {
  const width = Math.max(...ruleIds.map((id) => id.length));
  const lines = rules.map((rule) => {
    const presets = rule.meta.presets.join(', ');
    return `${bold(rule.meta.id.padEnd(width), color)}  ${rule.meta.defaultSeverity.padEnd(5)}  ${rule.meta.description}\n${' '.repeat(width + 2)}${dim(`presets: ${presets}; docs: ${rule.meta.docsUrl}`, color)}`;
  });
  return `${lines.join('\n')}\n`;
}

/** Markdown made readable without a browser: headings emphasised, fences dropped, code indented. */
export function renderMarkdown(markdown: string, color: boolean): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(`    ${line}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = heading[1].length <= 2 ? heading[2].toUpperCase() : heading[2];
      out.push(bold(text, color));
      continue;
    }
    out.push(line.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>').replace(/\*\*([^*]+)\*\*/g, (_, text: string) => bold(text, color)));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export type ExplainResult = { ok: true; text: string } | { ok: false; message: string };

export function explainRule(id: string, color: boolean): ExplainResult {
  const rule = findRule(id);
  if (!rule) return { ok: false, message: `unknown rule "${id}"; known rules: ${ruleIds.join(', ')}` };
  let page: string;
  try {
    page = rulePage(rule.meta.id);
  } catch {
    page = `# ${rule.meta.id}\n\n${rule.meta.description}\n\nDocs: ${rule.meta.docsUrl}\n`;
  }
  return { ok: true, text: renderMarkdown(page, color) };
}

/** The page of a rule, or undefined when the installed core has none (a rule added by a caller). */
export function rulePageIfAny(id: string): string | undefined {
  try {
    return rulePage(id);
  } catch {
    return undefined;
  }
}
