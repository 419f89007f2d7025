// The documents of one lint: the root spec and every file its `$ref`s reach, loaded once, resolved on demand.
import { dirname, relative, isAbsolute, resolve as resolvePath } from 'node:path';
import { InputError } from './input-error.js';
import { parseText, type ParsedDocument } from './parse-document.js';
import { parsePointer, valueAt } from './json-pointer.js';

/** Where a value is written: a file and the path to it (unescaped segments). */
export interface Location {
  readonly file: string;
  readonly path: readonly string[];
}

export type RefResolution =
  | { readonly ok: true; readonly value: unknown; readonly location: Location }
  | { readonly ok: false; readonly message: string };

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A chain of `$ref`s longer than this is refused (real chains have a few links; cycles are found before). */
const MAX_REF_CHAIN = 100_000;

export function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** External files a document's `$ref`s name, resolved against it. */
function externalFiles(document: ParsedDocument): string[] {
  if (!document.mayReferOtherFiles) return [];
  const files = new Set<string>();
  const stack: unknown[] = [document.value];
  // YAML aliases can make the value graph cyclic (`a: &a [*a]`): visit each object once.
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const filePart = value.split('#')[0];
        if (filePart && !REMOTE.test(filePart)) files.add(refFile(document.file, filePart));
      } else if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return [...files];
}

function refFile(fromFile: string, filePart: string): string {
  let decoded = filePart;
  try {
    decoded = decodeURI(filePart);
  } catch {
    // keep as written
  }
  const base = fromFile.startsWith('<') ? process.cwd() : dirname(fromFile);
  return resolvePath(base, decoded);
}

export class DocumentSet {
  private readonly documents = new Map<string, ParsedDocument>();
  /** Files that could not be loaded, with why: a `$ref` into them reports this once. */
  readonly failures = new Map<string, InputError>();

  /** Folders `$ref`s may reach into: the working directory and the root document's folder. */
  private readonly roots: string[] = [];

  constructor(
    private readonly read: (file: string) => Promise<string>,
    cwd: string = process.cwd(),
  ) {
    this.roots.push(resolvePath(cwd));
  }

  /** A `$ref` must not make the tool read files outside the project (`../../../../etc/passwd`). */
  private insideProject(file: string): boolean {
    return this.roots.some((root) => {
      const path = relative(root, file);
      return path === '' || (!path.startsWith('..') && !isAbsolute(path));
    });
  }

  /** Load the root document and, transitively, every file its `$ref`s reach. The root's own errors throw. */
  async loadRoot(file: string, text?: string): Promise<ParsedDocument> {
    const root = parseText(file, text ?? (await this.read(file)));
    this.documents.set(file, root);
    if (!file.startsWith('<')) this.roots.push(dirname(file));
    const queue = externalFiles(root);
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (this.documents.has(next) || this.failures.has(next)) continue;
      if (!this.insideProject(next)) {
        this.failures.set(next, new InputError('the file is outside the project (the working directory and the spec\'s folder); not followed', next));
        continue;
      }
      try {
        const document = parseText(next, await this.read(next));
        this.documents.set(next, document);
        queue.push(...externalFiles(document));
      } catch (error) {
        this.failures.set(next, error instanceof InputError ? error : new InputError(String(error), next));
      }
    }
    return root;
  }

  /**
   * A document another tool has already parsed (Spectral, Redocly): its value is used as is, without positions.
   * `$ref`s inside it resolve; those into other files do not (the other tool resolves and reports those files).
   */
  static ofValue(file: string, value: unknown): DocumentSet {
    const documents = new DocumentSet(() => Promise.reject(new Error('an in-memory document reads no file')));
    documents.documents.set(file, { file, format: 'json', value, mayReferOtherFiles: false, warnings: [], locate: () => new Map() });
    return documents;
  }

  /** Every document loaded: the root and what its `$ref`s reach. */
  all(): IterableIterator<ParsedDocument> {
    return this.documents.values();
  }

  get(file: string): ParsedDocument | undefined {
    return this.documents.get(file);
  }

  /** The path of the first `$ref` with this text in a file (to place a message about it), found on demand. */
  pathOfRef(file: string, ref: string): string[] | undefined {
    const root = this.documents.get(file)?.value;
    const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
    const seen = new Set<object>();
    while (stack.length > 0) {
      const { value, path } = stack.pop()!;
      if (value === null || typeof value !== 'object' || seen.has(value)) continue;
      seen.add(value);
      if (isRef(value) && value.$ref === ref) return [...path, '$ref'];
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) stack.push({ value: entries[index][1], path: [...path, entries[index][0]] });
    }
    return undefined;
  }

  /** Resolutions by where a `$ref` is written and what it says: a chain is followed once, whatever starts on it. */
  private readonly resolutions = new Map<string, RefResolution>();
  /** `$ref`s that failed, by file and text, with why: reported once each, where the first of them is written. */
  readonly brokenRefs = new Map<string, { readonly file: string; readonly ref: string; readonly message: string }>();

  /** Resolve a `$ref` written in `fromFile`, following chains of refs (each link once, cycles found exactly). */
  resolve(ref: string, fromFile: string): RefResolution {
    const chain: string[] = [];
    const inChain = new Set<string>();
    let current = ref;
    let file = fromFile;
    let result: RefResolution;
    for (;;) {
      const key = `${file}\0${current}`;
      const known = this.resolutions.get(key);
      if (known) {
        result = known;
        break;
      }
      if (inChain.has(key)) {
        result = { ok: false, message: `$ref "${ref}" is circular (it comes back to "${current}")` };
        break;
      }
      if (chain.length >= MAX_REF_CHAIN) {
        result = { ok: false, message: `$ref "${ref}" starts a chain of more than ${MAX_REF_CHAIN} $refs; not followed` };
        break;
      }
      inChain.add(key);
      chain.push(key);
      const step = this.step(current, file, ref, fromFile);
      if ('next' in step) {
        current = step.next;
        file = step.file;
        continue;
      }
      result = step;
      break;
    }
    for (const key of chain) this.resolutions.set(key, result);
    if (!result.ok && !this.brokenRefs.has(`${fromFile}\0${ref}`)) this.brokenRefs.set(`${fromFile}\0${ref}`, { file: fromFile, ref, message: result.message });
    return result;
  }

  /** One link of a chain: the value a `$ref` points at, or the next `$ref` to follow. */
  private step(current: string, file: string, ref: string, fromFile: string): RefResolution | { next: string; file: string } {
    const hash = current.indexOf('#');
    const filePart = hash === -1 ? current : current.slice(0, hash);
    const fragment = hash === -1 ? '' : current.slice(hash + 1);
    if (REMOTE.test(filePart)) return { ok: false, message: `remote $ref "${ref}" is not followed (no network access)` };
    const targetFile = filePart ? refFile(file, filePart) : file;
    const document = this.documents.get(targetFile);
    if (!document) {
      const failure = this.failures.get(targetFile);
      return { ok: false, message: `$ref "${ref}": ${failure ? failure.message : 'file not found'} (${targetFile})` };
    }
    const path = parsePointer(fragment);
    // `$ref: '#'` would make the whole document a response, a schema or an example of itself.
    if (path.length === 0 && !filePart) return { ok: false, message: `$ref "${ref}" points at the whole document it is written in, not at a part of it` };
    const value = valueAt(document.value, path);
    if (value === undefined) {
      const where = targetFile === fromFile ? 'this file' : targetFile;
      return { ok: false, message: `$ref "${ref}" points nowhere: there is no "${fragment || '/'}" in ${where}` };
    }
    if (!isRef(value)) return { ok: true, value, location: { file: targetFile, path } };
    return { next: value.$ref, file: targetFile };
  }
}
