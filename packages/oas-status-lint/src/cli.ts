// The command line: arguments in, results formatted out, and an exit code CI can trust (0 clean, 1 findings, 2 failure).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rules, type RulesConfig } from '@status-lint/core';
import { formatNames, formatters, isFormatName, type FormatContext } from './format/index.js';
import { resolveConfig } from './config/index.js';
import { readStdin, STDIN_NAME } from './load/read-source.js';
import { expandInputs, NoInputError } from './load/expand-inputs.js';
import { type SourceInput } from './lint.js';
import { lintRunInParallel } from './parallel-lint.js';
import { escapeControlCharacters } from './format/control-characters.js';
import { useColor } from './format/ansi.js';
import { releaseMemoryBetweenDocuments } from './memory.js';
import { OutputError, refuseInputTarget, writeWhole } from './write-output.js';
import { DEFAULT_MAX_FILE_MIB } from './load/read-source.js';
import { explainRule, listRules, rulePageIfAny } from './explain.js';
import { toResult, type LintMessage, type LintResult } from './results.js';
import { applyBaseline, BaselineError, createBaseline, parseBaseline } from './baseline.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

const HELP = `Usage: oas-status-lint [options] <file | directory | glob | ->...

Lint OpenAPI 3.x and Swagger 2.0 descriptions (YAML or JSON) for HTTP status codes that lie.

Options:
  -f, --format <name>      output format: ${formatNames.join(', ')} (default: stylish)
  -o, --output <file>      write the report to a file instead of stdout
  -c, --config <file>      use this config file instead of searching for .oas-status-lint.yaml/.json
      --rule <id:severity> set a rule's severity (off, warn, error); repeatable
      --max-warnings <n>   exit with 1 when there are more than n warnings
      --quiet              report errors only
      --baseline <file>    report only findings not in this baseline file (it must exist)
      --update-baseline    create or rewrite the baseline file from the current findings
      --stdin-filepath <file> read stdin (-) as this file: its $refs resolve from its folder, findings name it
      --validate           also validate each document against the OpenAPI schema (problems are warnings)
      --max-file-size <MiB> the largest file that is read (default: ${DEFAULT_MAX_FILE_MIB})
  -p, --project <file>     also read this TypeScript server project (its tsconfig.json): report drift between
                           its routes and the spec, and run the response rules on its code
      --color / --no-color force colors on or off in stylish output
      --list-rules         list the rules with their presets and docs
      --explain <rule-id>  print a rule's documentation
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 the tool could not do its job.
Docs: https://github.com/status-lint/status-lint#readme`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly stdin: (maxBytes?: number) => Promise<Uint8Array>;
  readonly isTTY: boolean;
  /** The environment colours are decided from (FORCE_COLOR, NO_COLOR); the process's own by default. */
  readonly env?: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  // Messages on stderr name files and quote inputs: no control character of theirs reaches the terminal raw.
  stderr: (text) => process.stderr.write(escapeControlCharacters(text)),
  cwd: process.cwd(),
  stdin: readStdin,
  isTTY: Boolean(process.stdout.isTTY),
};

export function toolVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}

class UsageError extends Error {}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean' },
        validate: { type: 'boolean' },
        project: { type: 'string', short: 'p' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        'stdin-filepath': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

function exitCodeOf(results: readonly LintResult[], maxWarnings: number | undefined): number {
  if (results.some((result) => result.fatalErrorCount > 0)) return EXIT_FAILURE;
  if (results.some((result) => result.errorCount > 0)) return EXIT_FINDINGS;
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Record findings in a baseline file, or report only what it does not know and what it knows that is gone. */
async function withBaseline(results: LintResult[], file: string, update: boolean, inputs: readonly string[], io: CliIo): Promise<LintResult[]> {
  const baseDir = dirname(file);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new BaselineError(`cannot read baseline ${file}: ${error.message}`);
  });
  // Whatever is there must be a baseline before anything is written over it: never a spec, a config, someone's notes.
  const known = existing === undefined ? undefined : parseBaseline(existing, file);
  // A missing baseline is an error, not a new one: a typo in CI would otherwise turn the gate off for good.
  if (existing === undefined && !update) throw new BaselineError(`baseline ${file} does not exist; create it with --baseline ${file} --update-baseline`);
  if (existing === undefined || update) {
    await refuseInputTarget(file, inputs, 'baseline');
    const baseline = createBaseline(results, baseDir);
    await writeWhole(file, `${JSON.stringify(baseline, null, 2)}\n`);
    io.stderr(`oas-status-lint: baseline of ${baseline.entries.length} finding(s) written to ${file}; later runs report only new findings\n`);
    return results.map((result) => toResult(result.filePath, [...result.messages.filter((message) => !message.ruleId), ...result.suppressedMessages]));
  }
  const { results: remaining, fixed } = applyBaseline(results, known!, baseDir);
  if (fixed.length > 0) {
    io.stderr(`oas-status-lint: ${fixed.length} baseline entr${fixed.length === 1 ? 'y is' : 'ies are'} fixed (no longer found); run with --update-baseline to drop them:\n`);
    for (const entry of fixed) io.stderr(`  fixed: ${entry.ruleId} ${entry.file}${entry.pointer !== undefined ? `#${entry.pointer}` : `: ${entry.message}`}\n`);
  }
  return remaining;
}

function onlyErrors(results: readonly LintResult[]): LintResult[] {
  return results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity === 2), warningCount: 0 }));
}

/** Run the CLI; resolves to the exit code. Never throws for anything the user can cause. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof NoInputError || error instanceof BaselineError || error instanceof OutputError || (error instanceof Error && /^(?:Config(?:File)?Error|RuleFlagError)$/.test(error.name))) {
      io.stderr(`oas-status-lint: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr(`Run "oas-status-lint --help" for usage.\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`oas-status-lint: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the input that caused it.\n`);
    return EXIT_FAILURE;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return EXIT_OK;
  }
  const color = useColor({ color: values.color, noColor: values['no-color'] }, io.env ?? process.env, io.isTTY);
  if (values['list-rules']) {
    io.stdout(listRules(color));
    return EXIT_OK;
  }
  if (values.explain !== undefined) {
    const page = explainRule(values.explain, color);
    if (!page.ok) {
      io.stderr(`oas-status-lint: ${page.message}\n`);
      return EXIT_FAILURE;
    }
    io.stdout(page.text);
    return EXIT_OK;
  }
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}" (known: ${formatNames.join(', ')})`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = /^\d+$/.test(values['max-warnings'].trim()) ? Number(values['max-warnings']) : Number.NaN;
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number >= 0, not "${values['max-warnings']}"`);
  }
  let maxFileBytes: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const mib = /^\d+(?:\.\d+)?$/.test(values['max-file-size'].trim()) ? Number(values['max-file-size']) : Number.NaN;
    if (!(mib > 0) || mib > 4096) throw new UsageError(`--max-file-size takes a size in MiB between 0 and 4096, not "${values['max-file-size']}"`);
    maxFileBytes = Math.floor(mib * 1024 * 1024);
  }
  if (positionals.length === 0) throw new UsageError('no input: name one or more OpenAPI files, directories or globs (or - for stdin)');

  const started = performance.now();
  const config = resolveConfig({ cwd: io.cwd, configPath: values.config, ruleFlags: values.rule ?? [] });
  const rulesConfig: RulesConfig = config.rules;
  const inputs = await expandInputs(positionals, io.cwd, config.ignore, config.ignoreBase);
  const sources: SourceInput[] = [];
  const discovered = new Set<string>();
  for (const input of inputs) {
    if (input.file === '-') {
      // With --stdin-filepath the text is read as that file: its relative `$ref`s resolve from its folder, and
      // findings name it (as ESLint's --stdin-filename does).
      const named = values['stdin-filepath'] === undefined ? STDIN_NAME : resolve(io.cwd, values['stdin-filepath']);
      sources.push({ file: named, bytes: await io.stdin(maxFileBytes) });
    } else {
      sources.push({ file: input.file });
      if (input.discovered) discovered.add(input.file);
    }
  }
  const run = await lintRunInParallel(sources, { rules: rulesConfig, cwd: io.cwd, validate: values.validate, maxFileBytes, project: values.project === undefined ? undefined : resolve(io.cwd, values.project), afterDocument: releaseMemoryBetweenDocuments });
  let results = run.results;
  const readFiles = [...run.inputs, ...sources.map((source) => source.file), ...(config.configFile ? [config.configFile] : []), ...(values.project === undefined ? [] : [resolve(io.cwd, values.project)])];
  // A YAML or JSON file found by a directory or glob that is not OpenAPI (a fragment, a config) is not an error. A
  // fragment keeps the findings that the documents referring to it report where its responses are written.
  results = results.flatMap((result) => {
    if (!discovered.has(result.filePath)) return [result];
    const notOpenApi = (message: LintMessage) => message.fatal === true && /^not an OpenAPI document/.test(message.message);
    if (!result.messages.some(notOpenApi)) return [result];
    const messages = result.messages.filter((message) => !notOpenApi(message));
    return messages.length === 0 && result.suppressedMessages.length === 0 ? [] : [toResult(result.filePath, [...messages, ...result.suppressedMessages])];
  });
  if (results.length === 0 && inputs.length > 0) throw new NoInputError(`no OpenAPI documents found in ${positionals.join(' ')}`);
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline <file>');
  if (values.baseline) results = await withBaseline(results, resolve(io.cwd, values.baseline), Boolean(values['update-baseline']), readFiles, io);
  const shown = values.quiet ? onlyErrors(results) : results;
  const context: FormatContext = {
    cwd: io.cwd,
    toolVersion: toolVersion(),
    rules: rules.map((rule) => ({ id: rule.meta.id, description: rule.meta.description, docsUrl: rule.meta.docsUrl, defaultSeverity: rule.meta.defaultSeverity, ...(format === 'sarif' ? { help: rulePageIfAny(rule.meta.id) } : {}) })),
    color: values.output ? false : color,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  const report = formatters[format](shown, context);
  if (values.output) {
    const target = resolve(io.cwd, values.output);
    await refuseInputTarget(target, readFiles, 'report');
    try {
      await writeWhole(target, report);
    } catch (error) {
      io.stderr(`oas-status-lint: cannot write ${values.output}: ${(error as Error).message}\n`);
      return EXIT_FAILURE;
    }
  } else if (report) io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  // ESLint's wording: a run that fails only on the warning count says so, or the exit 1 is a mystery.
  if (maxWarnings !== undefined && warnings > maxWarnings && !results.some((result) => result.errorCount > 0)) {
    io.stderr(`oas-status-lint found too many warnings (maximum: ${maxWarnings}, found: ${warnings}).\n`);
  }
  return exitCodeOf(results, maxWarnings);
}
