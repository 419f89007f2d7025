// @status-lint/redocly-plugin: the five status-lint rules in Redocly CLI. Each rule runs the same walk, extraction and
// core rules as `oas-status-lint` (its `findingsInDocument`) on the document as written, and reports through Redocly's
// own locations (the JSON pointer of each response), severities, ignore file and output formats.
import type { Plugin } from '@redocly/openapi-core';
import { rules as coreRules } from '@status-lint/core';
import { findingsInDocument, type DocumentFinding } from 'oas-status-lint';

export const id = 'status-lint';

/** The rules a spec front end runs: the five response rules (the drift rules need the server's code). */
const RULES = coreRules.filter((rule) => rule.meta.frontEnds.includes('cli') && rule.kind !== 'drift');

/** One run of the pipeline per document, shared by the five rules. */
const cache = new WeakMap<object, DocumentFinding[]>();

function findingsOf(document: unknown): DocumentFinding[] {
  if (document === null || typeof document !== 'object') return [];
  let found = cache.get(document);
  if (!found) {
    found = findingsInDocument(document);
    cache.set(document, found);
  }
  return found;
}

interface ReportContext {
  readonly location: { child(path: readonly (string | number)[]): unknown };
  report(problem: { message: string; location: unknown }): void;
}

/** A Redocly rule for one core rule: at the root, report that rule's findings at each response. */
function redoclyRule(ruleId: string) {
  return () => ({
    Root: {
      leave(root: unknown, ctx: ReportContext) {
        for (const finding of findingsOf(root)) {
          if (finding.ruleId !== ruleId) continue;
          ctx.report({ message: `${finding.message} Docs: ${finding.docsUrl}`, location: ctx.location.child([...finding.path]) });
        }
      },
    },
  });
}

const ruleSet = Object.fromEntries(RULES.map((rule) => [rule.meta.id, redoclyRule(rule.meta.id)]));
const preset = (severity: (rule: (typeof RULES)[number]) => 'error' | 'warn') => ({ rules: Object.fromEntries(RULES.map((rule) => [`${id}/${rule.meta.id}`, severity(rule)])) });

/** The plugin: `plugins: ['@status-lint/redocly-plugin']` and `extends: ['status-lint/recommended']` in redocly.yaml. */
export default function statusLintPlugin(): Plugin {
  return {
    id,
    rules: { oas3: ruleSet, oas2: ruleSet } as Plugin['rules'],
    configs: {
      recommended: preset((rule) => rule.meta.defaultSeverity),
      all: preset(() => 'error'),
    },
  };
}
