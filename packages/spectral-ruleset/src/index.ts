// @status-lint/spectral-ruleset: the five status-lint rules as a Spectral ruleset. Each rule runs the same walk,
// extraction and core rules as `oas-status-lint` (its `findingsInDocument`) on the document as written, and reports at
// the same JSON pointers, through Spectral's own results, severities, overrides and output formats.
import { createRulesetFunction, type IFunctionResult, type RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3 } from '@stoplight/spectral-formats';
import { documentRules, sharedFindingsInDocument } from 'oas-status-lint';

/** The Spectral function behind every rule: the findings of one rule, at the path of each response. */
export const statusLint = createRulesetFunction<unknown, { rule: string }>(
  {
    input: null,
    options: { type: 'object', properties: { rule: { type: 'string', enum: documentRules.map((rule) => rule.meta.id) } }, required: ['rule'], additionalProperties: false },
  },
  (document, options): IFunctionResult[] =>
    sharedFindingsInDocument(document)
      .filter((finding) => finding.ruleId === options.rule)
      .map((finding) => ({ message: finding.message, path: [...finding.path] })),
);

const ruleset = {
  documentationUrl: 'https://github.com/status-lint/status-lint/tree/main/packages/spectral-ruleset#readme',
  formats: [oas2, oas3],
  rules: Object.fromEntries(
    documentRules.map((rule) => [
      rule.meta.id,
      {
        description: rule.meta.description,
        message: '{{error}}',
        documentationUrl: rule.meta.docsUrl,
        severity: rule.meta.defaultSeverity,
        recommended: rule.meta.presets.includes('recommended'),
        // The document as written: a response shared through `$ref` is reported once, where it is written.
        given: '$',
        resolved: false,
        then: { function: statusLint, functionOptions: { rule: rule.meta.id } },
      },
    ]),
  ),
} satisfies RulesetDefinition;

export default ruleset;
