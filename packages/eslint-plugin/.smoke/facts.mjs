import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { analyzeFile } from '../dist/analyze.js';
import fs from 'node:fs';
const file = process.argv[2];
const linter = new Linter({ configType: 'flat' });
const plugin = { rules: { dump: { meta: {}, create(context) { return { 'Program:exit'() { for (const s of analyzeFile(context.sourceCode, context.filename)) console.log(s.sendNode.loc.start.line, JSON.stringify(s.fact)); } }; } } } };
linter.verify(fs.readFileSync(file, 'utf8'), [{ files: ['**/*'], languageOptions: { parser: file.endsWith('.ts') ? tsParser : undefined, sourceType: 'module' }, plugins: { d: plugin }, rules: { 'd/dump': 'error' } }], { filename: 'x/' + file.split('/').pop() });
