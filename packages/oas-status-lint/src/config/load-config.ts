// Config files on disk: discovery from a directory upward, reading, parsing (YAML or JSON) and validation with positions.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'yaml';
import { yamlLibrary } from '../load/yaml-libraries.js';
import { readConfigDocument, type ConfigFileContents } from './config-document.js';
import { ConfigFileError } from './config-file-error.js';

/** Looked for in this order in each directory. */
export const configFileNames = ['.oas-status-lint.yaml', '.oas-status-lint.yml', '.oas-status-lint.json'] as const;

export interface LoadedConfigFile extends ConfigFileContents {
  /** Absolute path of the file the settings come from. */
  readonly file: string;
}

/** The nearest config file in `startDirectory` or above it, or undefined when there is none up to the root. */
export function findConfigFile(startDirectory: string): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? file : relative;
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

// YAML accepts what JSON does not (comments, trailing commas), so a .json file is first held to JSON itself.
// V8 gives the offset for some syntax errors only; the others are reported without a position rather than a wrong one.
function jsonSyntaxError(text: string): { reason: string; offset?: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const reason = `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/^(Unexpected token .+?), .* is not valid JSON$/s, '$1')}`;
    if (position) return { reason, offset: Number(position[1]) };
    if (/Unexpected end of JSON input/.test(message)) return { reason, offset: text.trimEnd().length };
    return { reason };
  }
}

/** Read, parse and validate one config file; relative paths resolve against `cwd`, which also shortens paths in messages. */
export function loadConfigFile(file: string, cwd: string = process.cwd()): LoadedConfigFile {
  const absolute = path.resolve(cwd, file);
  const displayFile = shownPath(absolute, cwd);
  let text: string;
  try {
    // Editors on Windows may start the file with a byte order mark, which JSON.parse rejects.
    // Only a regular file: a FIFO named like a config would block the run forever.
    if (existsSync(absolute) && !statSync(absolute).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigFileError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? (error as Error).message})`, {
      file: absolute,
      displayFile,
    });
  }
  const failAtOffset = (offset: number, reason: string): never => {
    throw new ConfigFileError(reason, { file: absolute, displayFile, ...positionOf(text, offset) });
  };
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  const jsonError = path.extname(absolute).toLowerCase() === '.json' ? jsonSyntaxError(text) : undefined;
  if (jsonError) {
    // Where V8 gives no offset, the YAML parser has often stopped at the same place.
    const offset = jsonError.offset ?? yamlError?.pos[0];
    if (offset !== undefined) failAtOffset(offset, jsonError.reason);
    throw new ConfigFileError(jsonError.reason, { file: absolute, displayFile });
  }
  if (yamlError) failAtOffset(yamlError.pos[0], `invalid YAML: ${yamlError.message}`);
  const report = (node: Node | null | undefined, reason: string): never => {
    const start = node?.range?.[0];
    if (start === undefined) throw new ConfigFileError(reason, { file: absolute, displayFile, line: 1, column: 1 });
    const { line, col } = lineCounter.linePos(start);
    throw new ConfigFileError(reason, { file: absolute, displayFile, line, column: col });
  };
  return { file: absolute, ...readConfigDocument(document, report) };
}
