// One temporary folder for the whole test run, removed when it ends: the tests' own temporary projects, specs and
// tarballs (made with `os.tmpdir()` in every package's tests) go under it instead of being left behind in the system's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'status-lint-tests-'));
  // Read by os.tmpdir() in the test workers, which inherit this process's environment.
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
