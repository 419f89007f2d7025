// @status-lint/redocly-plugin: the five status-lint rules in Redocly CLI. Each rule runs the same walk, extraction and
// core rules as `oas-status-lint` (its `findingsInDocument`) on the document as written, and reports through Redocly's
// own locations (the JSON pointer of each response), severities, ignore file and output formats.
import type { Plugin } from '@redocly/openapi-core';
import { documentRules, sharedFindingsInDocument } from 'oas-status-lint';

export const id = 'status-lint';

interface ReportContext {
  readonly location: { child(path: readonly (string | number)[]): unknown };
  report(problem: { message: string; location: unknown }): void;
}

/** A Redocly rule for one core rule: at the root, report that rule's findings at each response. */
function redoclyRule(ruleId: string) {
  return () => ({
    Root: {
      leave(root: unknown, ctx: ReportContext) {
        for (const finding of sharedFindingsInDocument(root)) {
          if (finding.ruleId !== ruleId) continue;
          ctx.report({ message: `${finding.message} Docs: ${finding.docsUrl}`, location: ctx.location.child([...finding.path]) });
        }
      },
    },
  });
}

const ruleSet = Object.fromEntries(documentRules.map((rule) => [rule.meta.id, redoclyRule(rule.meta.id)]));
const preset = (severity: (rule: (typeof documentRules)[number]) => 'error' | 'warn') => ({ rules: Object.fromEntries(documentRules.map((rule) => [`${id}/${rule.meta.id}`, severity(rule)])) });

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
