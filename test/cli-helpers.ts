// Run the CLI in-process with captured output, for the end-to-end tests.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../packages/oas-status-lint/dist/cli.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const fixture = (path: string) => join(ROOT, 'fixtures', path);

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], options: { cwd?: string; stdin?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? ROOT,
    stdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : options.stdin ?? new Uint8Array()),
    isTTY: false,
    // Colours are decided from this environment, not the test runner's (CI services set FORCE_COLOR).
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  pointer?: string;
  suggestion?: { status?: number; header?: string };
  fatal?: boolean;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  suppressedMessages: (JsonMessage & { suppressions: { kind: string; justification: string }[] })[];
}

export async function runJson(argv: string[], options: Parameters<typeof runCli>[1] = {}): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
  const run = await runCli([...argv, '--format', 'json'], options);
  return { code: run.code, results: JSON.parse(run.stdout) as JsonResult[], stderr: run.stderr };
}

/** A fresh temporary directory with the given files. */
export function tempProject(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oas-status-lint-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
