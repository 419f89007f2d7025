// Read a spec from a file or stdin as text, refusing binary content with a clear message.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { InputError } from './input-error.js';

export const STDIN_NAME = '<stdin>';

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

export function decodeSource(file: string, bytes: Uint8Array): string {
  if (looksBinary(bytes)) throw new InputError('not a text file (binary content); expected an OpenAPI document in YAML or JSON', file);
  // Native validation, then a plain decode: several times faster than a fatal TextDecoder on big specs.
  if (!isUtf8(bytes)) throw new InputError('not valid UTF-8 text; expected an OpenAPI document in YAML or JSON', file);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Read a file as text; errors name the file and say what went wrong in words. */
export async function readSource(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read file: ${reason}`, file);
  }
  return decodeSource(file, bytes);
}
