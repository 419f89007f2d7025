// Copy the rule pages (docs/rules/*.md) into @status-lint/core, which ships them: `oas-status-lint --explain` and any
// tool built on the core read the page of the installed version, not a monorepo path. Run by `npm run build`.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const from = join(root, 'docs', 'rules');
const to = join(root, 'packages', 'core', 'docs', 'rules');
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((file) => file.endsWith('.md'))) cpSync(join(from, name), join(to, name));
