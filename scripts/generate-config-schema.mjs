// Write the JSON Schema of `.oas-status-lint.yaml` / `.json` from the rules themselves (ids, severities, each rule's
// own options schema), into packages/oas-status-lint/schema.json. Run by `npm run build` after tsc; a test checks
// that the committed file is what this script writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetNames, rules } from '../packages/core/dist/index.js';

export function configSchema() {
  const severity = { enum: ['off', 'warn', 'error'] };
  const ruleProperties = Object.fromEntries(
    rules
      .filter((rule) => rule.meta.frontEnds.includes('cli') || rule.meta.frontEnds.includes('project'))
      .map((rule) => [
        rule.meta.id,
        {
          description: `${rule.meta.description} ${rule.meta.docsUrl}`,
          oneOf: [severity, { type: 'array', prefixItems: [severity, rule.meta.optionsSchema], minItems: 1, maxItems: 2, items: false }],
        },
      ]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/status-lint/status-lint/blob/main/packages/oas-status-lint/schema.json',
    title: 'oas-status-lint configuration (.oas-status-lint.yaml / .json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { description: 'Presets to start from.', oneOf: [{ enum: presetNames }, { type: 'array', items: { enum: presetNames } }] },
      rules: { description: 'Severity of each rule, or [severity, options].', type: 'object', additionalProperties: false, properties: ruleProperties },
      ignore: { description: 'Globs (picomatch) of files not to lint, relative to the config file.', type: 'array', items: { type: 'string' } },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(import.meta.dirname, '..', 'packages', 'oas-status-lint', 'schema.json'), `${JSON.stringify(configSchema(), null, 2)}\n`);
}
