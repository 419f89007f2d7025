import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import fs from 'node:fs';
import plugin from '../dist/index.js';
import { cases } from '/tmp/gen/cases.mjs';

const linter = new Linter({ configType: 'flat' });
const q = (s) => JSON.stringify(s);
const tpl = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
function run(id, c) {
  const config = [{ files: ['**/*.ts', '**/*.js', '**/*.tsx'], languageOptions: { parser: c.lang === 'ts' ? tsParser : espree, sourceType: 'module', parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } }, plugins: { '@status-lint': plugin }, rules: { [`@status-lint/${id}`]: ['error', ...(c.options ?? [])] } }];
  return linter.verify(c.code, config, { filename: c.filename });
}
function apply(code, fix) { return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]); }
const summary = [];
for (const [id, { valid, invalid }] of Object.entries(cases)) {
  let out = `// ${id}: valid and invalid cases across the frameworks, each invalid case with its message, position and suggestion.\n`;
  out += `import { RuleTester } from '@typescript-eslint/rule-tester';\nimport * as espree from 'espree';\nimport { afterAll, describe, it } from 'vitest';\nimport rule from '../src/rules/${id}.js';\n\n`;
  out += `RuleTester.afterAll = afterAll;\nRuleTester.describe = describe;\nRuleTester.it = it;\nRuleTester.itOnly = it.only;\n\n`;
  out += `const ruleTester = new RuleTester();\nconst javascript = { parser: espree, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };\n\n`;
  out += `ruleTester.run(${q(id)}, rule, {\n  valid: [\n`;
  for (const c of valid) {
    const messages = run(id, c);
    if (messages.length) summary.push(`UNEXPECTED in valid ${id} / ${c.name}: ${messages.map((m) => m.message).join(' | ')}`);
    out += `    {\n      name: ${q(c.name)},\n      filename: ${q(c.filename)},\n${c.lang === 'js' ? '      languageOptions: javascript,\n' : ''}${c.options ? `      options: ${JSON.stringify(c.options)},\n` : ''}      code: ${tpl(c.code)},\n    },\n`;
  }
  out += `  ],\n  invalid: [\n`;
  for (const c of invalid) {
    const messages = run(id, c);
    if (!messages.length || messages.some((m) => m.fatal)) summary.push(`MISSING in invalid ${id} / ${c.name}: ${messages.map((m) => m.message).join(' | ')}`);
    out += `    {\n      name: ${q(c.name)},\n      filename: ${q(c.filename)},\n${c.lang === 'js' ? '      languageOptions: javascript,\n' : ''}${c.options ? `      options: ${JSON.stringify(c.options)},\n` : ''}      code: ${tpl(c.code)},\n      errors: [\n`;
    for (const m of messages) {
      summary.push(`${id} / ${c.name}: ${m.line}:${m.column} ${m.message} ${(m.suggestions ?? []).map((s) => '[' + s.desc + ']').join(' ')}`);
      out += `        {\n          messageId: ${q(m.messageId)},\n          data: { message: ${q(m.message)} },\n          line: ${m.line},\n          column: ${m.column},\n          suggestions: [\n`;
      for (const s of m.suggestions ?? []) out += `            {\n              messageId: ${q(s.messageId)},\n              data: ${JSON.stringify(s.data ?? {})},\n              output: ${tpl(apply(c.code, s.fix))},\n            },\n`;
      out += `          ],\n        },\n`;
    }
    out += `      ],\n    },\n`;
  }
  out += `  ],\n});\n`;
  fs.mkdirSync('test', { recursive: true });
  fs.writeFileSync(`test/${id}.test.ts`, out);
}
console.log(summary.join('\n'));
