// How formats name a file: relative to the working directory, with forward slashes, as CI annotations and reports expect.
import path from 'node:path';

/** `<stdin>` and other non-paths pass through; files outside `cwd` stay absolute rather than climbing with `..`. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return filePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
