// Read a spec from a file or stdin as text: only regular files, only inside the project (after following links),
// never more than a set size, and never binary. Every refusal is an InputError naming the file.
import { isUtf8 } from 'node:buffer';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { InputError } from './input-error.js';

export const STDIN_NAME = '<stdin>';

/** The default for `--max-file-size`: larger than the largest public descriptions (Microsoft Graph, 47 MB). */
export const DEFAULT_MAX_FILE_MIB = 64;
const MIB = 1024 * 1024;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

/** UTF-16 with a byte-order mark (what some Windows editors save): decoded, not refused as binary. */
function utf16Text(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Lone carriage returns (old Mac line ends) become newlines: same length, so every offset stays where it was. */
const normalizeLineEnds = (text: string): string => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

export function decodeSource(file: string, bytes: Uint8Array): string {
  const utf16 = utf16Text(bytes);
  if (utf16 !== undefined) return normalizeLineEnds(utf16.replace(/^\uFEFF/, ''));
  if (looksBinary(bytes)) throw new InputError('not a text file (binary content); expected an OpenAPI document in YAML or JSON', file);
  // Native validation, then a plain decode: several times faster than a fatal TextDecoder on big specs.
  if (!isUtf8(bytes)) throw new InputError('not valid UTF-8 text; expected an OpenAPI document in YAML or JSON', file);
  return normalizeLineEnds(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, ''));
}

export async function readStdin(maxBytes = DEFAULT_MAX_FILE_MIB * MIB): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new InputError(tooLarge(size, maxBytes, 'more than'), STDIN_NAME);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, maxBytes: number, qualifier = ''): string {
  const mib = (bytes: number) => `${Math.round((bytes / MIB) * 10) / 10} MiB`;
  return `the file is too large (${qualifier ? `${qualifier} ` : ''}${mib(size)}; the limit is ${mib(maxBytes)}, raise it with --max-file-size <MiB>)`;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return (error as Error).message;
}

export interface ReadLimits {
  /** Folders (real paths) a file must be in once links are followed; none means anywhere. */
  readonly roots?: readonly string[];
  readonly maxBytes?: number;
}

const inside = (root: string, file: string): boolean => {
  const path = relative(root, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

/** Real paths of folders, for comparing with a file's real path (a folder that does not exist is kept as given). */
export async function realRoots(folders: readonly string[]): Promise<string[]> {
  return Promise.all([...new Set(folders)].map((folder) => realpath(folder).catch(() => folder)));
}

/** Read a file as text; errors name the file and say what went wrong in words. */
export async function readSource(file: string, limits: ReadLimits = {}): Promise<string> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_FILE_MIB * MIB;
  let bytes: Uint8Array;
  try {
    const real = await realpath(file);
    if (limits.roots && !limits.roots.some((root) => inside(root, real))) {
      throw new InputError('the file is a link to a place outside the project (the working directory and the spec\'s folder); not read', file);
    }
    // A FIFO would block forever and a device never ends: only regular files are read.
    const info = await stat(real);
    if (!info.isFile()) throw new InputError(info.isDirectory() ? 'cannot read file: is a directory' : 'not a regular file (a device, FIFO or socket); not read', file);
    if (info.size > maxBytes) throw new InputError(tooLarge(info.size, maxBytes), file);
    const handle = await open(real, 'r');
    try {
      // The size is checked again on what is read: a file can grow between stat and read.
      const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > maxBytes) throw new InputError(tooLarge(length, maxBytes, 'more than'), file);
        if (length === buffer.length) break;
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read file: ${reasonOf(error)}`, file);
  }
  return decodeSource(file, bytes);
}
