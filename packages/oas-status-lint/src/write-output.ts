// Where the CLI writes (reports, baselines): never over a file the run read, and always whole (a temporary file
// beside the target, then a rename), so a concurrent run or a crash never leaves half a file behind.
import { stat } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** The identity of a file on disk (device and inode), so that links and other spellings of a path are the same file. */
async function identityOf(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/** Refuse a target that is one of the run's inputs: a spec, a file its `$ref`s reach, or the config. */
export async function refuseInputTarget(target: string, inputs: readonly string[], what: string): Promise<void> {
  const identity = await identityOf(target);
  if (identity === undefined) return;
  const resolved = resolve(target);
  for (const input of inputs) {
    if (resolve(input) === resolved || (await identityOf(input)) === identity) {
      throw new OutputError(`refusing to write the ${what} to ${target}: it is an input of this run (${input}); choose another file`);
    }
  }
}

export async function writeWhole(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  // Loaded when a file is written (-o, a baseline), not on every run.
  const writeFileAtomic = createRequire(import.meta.url)('write-file-atomic') as typeof import('write-file-atomic');
  await writeFileAtomic(target, text);
}
