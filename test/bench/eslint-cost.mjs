// The ESLint plugin's cost: lint real TypeScript server code (tRPC's server and the Feathers framework, which ship their .ts sources on npm)
// with ESLint's Node API: typescript-eslint's parser and no rules; the same with one rule that does nothing (ESLint skips its traversal,
// code-path analysis and rule set-up when no rule is on, so any real run pays them); the same with the plugin's `recommended`; and
// typescript-eslint's recommended rules without and with the plugin. The goal (under 5%) is judged on what the plugin's own work adds
// to a run that has rules: over the one empty rule, and over typescript-eslint's recommended. Each lint runs in a fresh Node process,
// as a CLI run would (the plugin's load time counts); the order rotates per round; the medians give the added time, in CPU time (judged
// against the goal, as it holds still when other processes share the machine) and in wall time.
// Run by `npm run bench` after the speed table, or alone: `npm run build && node test/bench/eslint-cost.mjs` (after one `npm run bench` installed the corpus).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const modules = join(here, 'node_modules');
// BENCH_ESLINT_CORPUS=<dir> lints a real codebase in place instead (its own imports, tsconfig and workspaces: the
// application model's cross-file work is in the measure). No code of it is kept here.
const externalCorpus = process.env.BENCH_ESLINT_CORPUS;
const corpusDir = externalCorpus ?? join(here, 'out', 'eslint-corpus');
// What users load: the package's own entry (the bundle `npm run build` makes), not the compiled modules one by one.
const pluginPackage = join(root, 'packages', 'eslint-plugin');
const pluginEntry = join(pluginPackage, JSON.parse(readFileSync(join(pluginPackage, 'package.json'), 'utf8')).exports['.'].default);

/** The packages whose `src/` is linted: tRPC's server, and every Feathers package installed (the ones test/bench depends on and their Feathers dependencies). */
export function corpusPackages() {
  const feathers = existsSync(join(modules, '@feathersjs')) ? readdirSync(join(modules, '@feathersjs')).sort().map((name) => `@feathersjs/${name}`) : [];
  return ['@trpc/server', ...feathers].filter((name) => existsSync(join(modules, name, 'src')));
}

function tsFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...tsFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.d\.tsx?$/.test(name)) files.push(path);
  }
  return files;
}

/** Copy the sources out of node_modules (which ESLint ignores) into out/eslint-corpus; returns what was copied. */
function prepareCorpus() {
  if (externalCorpus) {
    const sources = tsFiles(externalCorpus);
    const lines = sources.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
    return { packages: [{ name: relative(root, externalCorpus) || externalCorpus, version: 'as found', files: sources.length }], files: sources.length, lines };
  }
  rmSync(corpusDir, { recursive: true, force: true });
  const packages = [];
  let files = 0;
  let lines = 0;
  for (const name of corpusPackages()) {
    const source = join(modules, name, 'src');
    const sources = tsFiles(source);
    if (sources.length === 0) continue;
    const version = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
    const target = join(corpusDir, name.replace('/', '__'));
    for (const file of sources) {
      const copy = join(target, relative(source, file));
      mkdirSync(dirname(copy), { recursive: true });
      cpSync(file, copy);
      lines += readFileSync(file, 'utf8').split('\n').length;
    }
    files += sources.length;
    packages.push({ name, version, files: sources.length });
  }
  return { packages, files, lines };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One measurement in this process (the child side): ESLint set up and run over the corpus; prints a JSON line. */
async function measureHere(variant) {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const { ESLint } = await import(pathToFileURL(requireFromRoot.resolve('eslint')).href);
  const tseslint = (await import(pathToFileURL(requireFromRoot.resolve('typescript-eslint')).href)).default;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const files = ['**/*.ts', '**/*.tsx'];
  const overrideConfig = [{ files, languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } }];
  if (variant.startsWith('ts-recommended')) overrideConfig.push(...tseslint.configs.recommended);
  // `empty-rule`: one rule that does nothing. ESLint with no rule at all skips its traversal, code-path analysis and rule
  // set-up; any real run pays them, so this separates that fixed cost from the plugin's own work.
  if (variant === 'empty-rule') {
    const noop = { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) };
    overrideConfig.push({ files, plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } });
  }
  if (variant.replace(/:stats$/, '').endsWith('plugin')) {
    const plugin = (await import(pathToFileURL(pluginEntry).href)).default;
    overrideConfig.push({ files, ...plugin.configs.recommended });
  }
  // `:stats`: ESLint's own per-rule timing (its `stats` option), measured in a run of its own (timing costs time).
  const stats = variant.endsWith(':stats');
  const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig, cache: false, ...(stats ? { stats: true } : {}) });
  const results = await eslint.lintFiles(['.']);
  const ruleMs = {};
  if (stats) {
    for (const result of results) for (const pass of result.stats?.times?.passes ?? []) for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const messages = results.flatMap((result) => result.messages);
  const fatal = messages.filter((message) => message.fatal);
  const pluginMessages = messages.filter((message) => message.ruleId?.startsWith('@status-lint/'));
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, files: results.length, fatal: fatal.length, firstFatal: fatal[0]?.message, findings: pluginMessages.length, perRule: countBy(pluginMessages.map((message) => message.ruleId)), ruleMs })}\n`);
}

function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function runChild(variant) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--measure', variant], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', rejectRun);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop();
      if (code !== 0 || !line?.startsWith('{')) rejectRun(new Error(`eslint-cost child (${variant}) exited ${code}: ${stderr.trim().slice(0, 1500)}`));
      else resolveRun(JSON.parse(line));
    });
  });
}

const VARIANTS = ['base', 'empty-rule', 'plugin', 'ts-recommended', 'ts-recommended+plugin'];

function comparison(baseRuns, pluginRuns, goalPercent) {
  const of = (runs, key) => runs.map((run) => run[key]);
  const side = (key) => {
    const baseMs = median(of(baseRuns, key));
    const pluginMs = median(of(pluginRuns, key));
    return { baseRunsMs: of(baseRuns, key), pluginRunsMs: of(pluginRuns, key), baseMs, pluginMs, addedMs: pluginMs - baseMs, addedPercent: ((pluginMs - baseMs) / baseMs) * 100 };
  };
  const wall = side('ms');
  const cpu = side('cpuMs');
  // The goal is judged on CPU time: on a shared machine, wall time also counts the waits for other processes.
  return { wall, cpu, ...(goalPercent === undefined ? {} : { goalPercent, judgedOn: 'cpu', meetsGoal: cpu.addedPercent < goalPercent }) };
}

/**
 * Prepare the corpus, lint it `rounds` times with each config (each run a fresh process, the order rotating per round), and return the medians.
 * The measure (the issue's): base = typescript-eslint's parser and no rules, vs the same plus the plugin's recommended.
 * For context: base = typescript-eslint's recommended rules (what a real project runs at least), vs the same plus the plugin.
 */
export async function runEslintCost({ rounds = Number(process.env.BENCH_ESLINT_ROUNDS ?? 3), log = (line) => console.log(line) } = {}) {
  if (!existsSync(pluginEntry)) throw new Error(`${relative(root, pluginEntry)} is missing: run \`npm run build\` first`);
  const corpus = prepareCorpus();
  if (corpus.files === 0) throw new Error('no TypeScript sources found in test/bench/node_modules: run `npm run bench` once to install the corpus');
  log(`ESLint cost: ${corpus.files} files, ${corpus.lines} lines of TypeScript from ${corpus.packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  // One unmeasured run of each warms the file system cache and Node's compile cache.
  for (const variant of VARIANTS) await runChild(variant);
  const loadAtStart = loadavg();
  if (loadAtStart[0] > cpus().length * 0.75) log(`  warning: the machine is busy (load average ${loadAtStart.map((n) => n.toFixed(2)).join(', ')} on ${cpus().length} cores): wall times will be noisy`);
  const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
  let findings;
  for (let round = 1; round <= rounds; round++) {
    const shift = (round - 1) % VARIANTS.length;
    const order = [...VARIANTS.slice(shift), ...VARIANTS.slice(0, shift)];
    for (const variant of order) {
      const run = await runChild(variant);
      if (run.fatal > 0) throw new Error(`ESLint could not parse ${run.fatal} file(s) (${variant}): ${run.firstFatal}`);
      runs[variant].push({ ms: run.ms, cpuMs: run.cpuMs });
      if (variant === 'plugin') findings = { total: run.findings, perRule: run.perRule };
      log(`  round ${round}/${rounds} ${variant.padEnd(22)} ${run.ms.toFixed(0).padStart(5)} ms wall ${run.cpuMs.toFixed(0).padStart(5)} ms cpu (${run.files} files${variant.endsWith('plugin') ? `, ${run.findings} plugin findings` : ''})`);
    }
  }
  // Where the rule time goes, beside typescript-eslint's recommended rules: the plugin's rules against all of them.
  const timed = await runChild('ts-recommended+plugin:stats');
  const ruleTimes = Object.entries(timed.ruleMs ?? {}).sort((a, b) => b[1] - a[1]);
  return {
    ruleTimes,
    corpus,
    rounds,
    loadAverage: { start: loadAtStart, end: loadavg() },
    findings,
    noRules: comparison(runs.base, runs.plugin),
    anyRule: comparison(runs.base, runs['empty-rule']),
    // The goal: what the plugin's own work adds to a run that has rules (ESLint's fixed cost of any rule is not the plugin's).
    ownWork: comparison(runs['empty-rule'], runs.plugin, 5),
    tsRecommended: comparison(runs['ts-recommended'], runs['ts-recommended+plugin'], 5),
  };
}

export function formatEslintCost(cost) {
  const { noRules, anyRule, ownWork, tsRecommended } = cost;
  const pct = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
  const pair = (side) => `${side.baseMs.toFixed(0)} ms -> ${side.pluginMs.toFixed(0)} ms, added ${side.addedMs.toFixed(0)} ms = ${pct(side.addedPercent)}`;
  return [
    `ESLint cost (${cost.corpus.files} files, ${cost.corpus.lines} lines; median of ${cost.rounds} fresh-process runs each; ${cost.findings?.total ?? 0} plugin findings; load average ${cost.loadAverage.start[0].toFixed(2)} -> ${cost.loadAverage.end[0].toFixed(2)}):`,
    `  typescript-eslint parser, no rules -> + @status-lint recommended (all it adds, ESLint's cost of running any rule included):`,
    `    CPU time:  ${pair(noRules.cpu)}`,
    `    wall time: ${pair(noRules.wall)}`,
    `  of which ESLint's fixed cost of any rule (parser, no rules -> one rule that does nothing):`,
    `    CPU time:  ${pair(anyRule.cpu)}`,
    `  the plugin's own work (one rule that does nothing -> @status-lint recommended):`,
    `    CPU time:  ${pair(ownWork.cpu)}  (goal: under ${ownWork.goalPercent}%: ${ownWork.meetsGoal ? 'met' : 'MISSED'})`,
    `    wall time: ${pair(ownWork.wall)}`,
    `  typescript-eslint's recommended rules -> + @status-lint recommended (a run as projects have it):`,
    `    CPU time:  ${pair(tsRecommended.cpu)}  (goal: under ${tsRecommended.goalPercent}%: ${tsRecommended.meetsGoal ? 'met' : 'MISSED'})`,
    `    wall time: ${pair(tsRecommended.wall)}`,
    ...ruleTimeLines(cost.ruleTimes ?? []),
  ].join('\n');
}

/** Rule time (ESLint's `stats`): the plugin's share of all rules' time, and the slowest rules. */
function ruleTimeLines(ruleTimes) {
  if (ruleTimes.length === 0) return [];
  const total = ruleTimes.reduce((sum, [, ms]) => sum + ms, 0);
  const ours = ruleTimes.filter(([rule]) => rule.startsWith('@status-lint/')).reduce((sum, [, ms]) => sum + ms, 0);
  return [
    `  rule time (ESLint stats, one run): @status-lint ${ours.toFixed(0)} ms of ${total.toFixed(0)} ms (${((ours / Math.max(total, 1)) * 100).toFixed(1)}%); slowest:`,
    ...ruleTimes.slice(0, 5).map(([rule, ms]) => `    ${rule.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const measureAt = process.argv.indexOf('--measure');
  if (measureAt !== -1) await measureHere(process.argv[measureAt + 1]);
  else console.log(formatEslintCost(await runEslintCost()));
}
