// Run the CLI in a child process with a heap cap, and report its exit code, output, time and peak memory.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const RUNNER = resolve(import.meta.dirname, 'run-measured.mjs');

export interface MeasuredRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly maxRssMiB: number;
}

/** The loose bounds of the hostile-input promise: a run that takes 10x longer or more memory than this is badly wrong. */
export const BOUNDS = { seconds: 20, maxRssMiB: 1024 } as const;

export function runMeasured(argv: readonly string[], cwd: string, options: { stdin?: string; timeoutSeconds?: number } = {}): Promise<MeasuredRun> {
  const started = performance.now();
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--max-old-space-size=1024', '--stack-size=984', RUNNER, ...argv],
      { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: (options.timeoutSeconds ?? 60) * 1000, env: withoutForcedColor({ ...process.env, NO_COLOR: '1' }) },
      (error, stdout, stderr) => {
        const rss = /@@maxrss-kb=(\d+)/.exec(stderr);
        done({
          code: child.exitCode,
          signal: child.signalCode ?? (error && 'signal' in error ? (error.signal as string | null) : null),
          stdout,
          stderr: stderr.replace(/\n@@maxrss-kb=\d+\n$/, ''),
          seconds: (performance.now() - started) / 1000,
          maxRssMiB: rss ? Number(rss[1]) / 1024 : Number.POSITIVE_INFINITY,
        });
      },
    );
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    else child.stdin?.end();
  });
}

/** The environment without FORCE_COLOR (which turns colours on whatever its value but `0`): the output is compared as text. */
function withoutForcedColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _forced, ...rest } = env;
  return rest;
}
