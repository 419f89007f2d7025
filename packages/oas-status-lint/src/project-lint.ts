// `--project`: the server's code read beside its specs. Drift between routes and operations, and the response rules on the code's facts.
import { releaseMemoryBetweenDocuments } from './memory.js';
import { planRules, runDriftRules, runRules, type DriftFinding, type OperationFacts, type PlannedRule, type RulesConfig } from '@status-lint/core';
import type { CodeLocation, ProjectScan } from '@status-lint/project-scanner';
import { isRef, type DocumentSet, type Location } from './load/document-set.js';
import { readIgnoreDirectives, type IgnoreDirective } from './extract/ignore-directives.js';
import { suggestionOf, type LintMessage } from './results.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A message placed in a spec later, by the same machinery as the spec's own findings. */
export interface SpecPendingMessage {
  readonly location: Location;
  readonly message: Omit<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn' | 'pointer'>;
  readonly withPointer: boolean;
}

export type PlaceInSpec = (pending: readonly SpecPendingMessage[], documents: DocumentSet) => Map<string, LintMessage[]>;

/** Where an operation and its responses are written, and the directives that may silence drift findings on it. */
interface OperationSite {
  readonly documents: DocumentSet;
  readonly operation: Location;
  readonly responses: ReadonlyMap<string, Location>;
  readonly ignores: readonly IgnoreDirective[];
  readonly responseIgnores: ReadonlyMap<string, readonly IgnoreDirective[]>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `https://api.example.com/v1/` -> `/v1`; `/api` -> `/api`; nothing for a bare host. */
function basePathOf(url: string): string | undefined {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
  return path.startsWith('/') && path !== '' ? path : undefined;
}


const CODE_FILE = /\.[cm]?[jt]sx?$/i;
/** `// eslint-disable-next-line @status-lint/no-401-for-forbidden -- reason`, `eslint-disable-line`, `/* eslint-disable *\/`. */
const DISABLE_COMMENT = /eslint-disable(-next-line|-line)?(?:\s+([^*\n]*?))?\s*(?:\*\/|$)/;

/** Does a disable comment's rule list (`a, @status-lint/b -- why`) name this rule, or name none (all rules)? */
function disables(list: string | undefined, ruleId: string): { justification: string } | undefined {
  const [names, ...why] = (list ?? '').split(/\s--\s?/);
  const rules = names.split(',').map((name) => name.trim()).filter(Boolean);
  if (rules.length > 0 && !rules.some((name) => name === ruleId || name === `@status-lint/${ruleId}`)) return undefined;
  return { justification: why.join(' -- ').trim() || 'eslint-disable comment' };
}

/**
 * The code's own ESLint disable comments hold for the same rules in `--project` (a finding the team silenced in
 * its editor stays silenced in CI): the message is kept as suppressed, with the comment's reason. The texts are the
 * ones the scan read.
 */
function honourDisableComments(messages: [string, LintMessage][], textOf: (file: string) => string | undefined): [string, LintMessage][] {
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, textOf(file)?.split(/\r?\n/));
    return lines.get(file);
  };
  return messages.map(([file, message]) => {
    if (!message.ruleId || !CODE_FILE.test(file)) return [file, message];
    const text = linesOf(file);
    if (!text) return [file, message];
    const candidates: [string | undefined, string][] = [[text[message.line - 2], '-next-line'], [text[message.line - 1], '-line']];
    for (const [line, kind] of candidates) {
      const found = line === undefined ? null : DISABLE_COMMENT.exec(line);
      if (!found || found[1] !== kind) continue;
      const suppression = disables(found[2], message.ruleId);
      if (suppression) return [file, { ...message, suppressions: [{ kind: 'directive', justification: suppression.justification }] }];
    }
    // A block `/* eslint-disable ... */` above it that no `/* eslint-enable */` has ended.
    let active: { justification: string } | undefined;
    for (const line of text.slice(0, message.line - 1)) {
      if (/\/\*\s*eslint-enable\b/.test(line)) active = undefined;
      const found = /\/\*/.test(line) ? DISABLE_COMMENT.exec(line) : null;
      if (found && found[1] === undefined) active = disables(found[2], message.ruleId) ?? active;
    }
    return active ? [file, { ...message, suppressions: [{ kind: 'directive', justification: active.justification }] }] : [file, message];
  });
}

function codeMessage(location: CodeLocation, message: Omit<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): LintMessage {
  return { ...message, line: location.line, column: location.column, endLine: location.endLine, endColumn: location.endColumn };
}

export class ProjectLint {
  private readonly operations: OperationFacts[] = [];
  private readonly sites = new Map<OperationFacts, OperationSite>();

  private constructor(
    private readonly scan: ProjectScan | undefined,
    private readonly failure: { file: string; message: LintMessage } | undefined,
  ) {}

  /** Read the project; a project that cannot be read becomes one fatal message on its tsconfig. */
  static async open(tsconfig: string, cwd?: string): Promise<ProjectLint> {
    // Loaded only when asked for, and installed only by who asks for it: the TypeScript compiler and parser are
    // heavy for a spec-only user (an optional peer dependency).
    let scanner: typeof import('@status-lint/project-scanner');
    try {
      scanner = await import('@status-lint/project-scanner');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('@status-lint/project-scanner')) throw error;
      return new ProjectLint(undefined, { file: tsconfig, message: { ruleId: null, severity: 2, fatal: true, message: '--project needs @status-lint/project-scanner, which is not installed: npm install --save-dev @status-lint/project-scanner', line: 1, column: 1 } });
    }
    try {
      return new ProjectLint(scanner.scanProject(tsconfig, cwd, { afterFile: releaseMemoryBetweenDocuments }), undefined);
    } catch (error) {
      if (error instanceof scanner.ProjectError) return new ProjectLint(undefined, { file: error.file, message: { ruleId: null, severity: 2, fatal: true, message: error.message, line: error.line, column: error.column } });
      throw error;
    }
  }

  /** Take the operations of one root document. */
  addSpec(rootFile: string, documents: DocumentSet): void {
    const root = documents.get(rootFile)?.value;
    if (!isObject(root)) return;
    const basePaths = new Set<string>();
    if (typeof root.basePath === 'string') {
      const base = basePathOf(root.basePath);
      if (base) basePaths.add(base);
    }
    for (const server of Array.isArray(root.servers) ? root.servers : []) {
      const base = isObject(server) && typeof server.url === 'string' ? basePathOf(server.url) : undefined;
      if (base && !base.includes('{')) basePaths.add(base);
    }
    const noProblems: { message: string; location: Location }[] = [];
    const rootIgnores = readIgnoreDirectives(root, { file: rootFile, path: [] }, noProblems);
    for (const [path, raw] of Object.entries(isObject(root.paths) ? root.paths : {})) {
      if (path.startsWith('x-')) continue;
      let item: unknown = raw;
      let location: Location = { file: rootFile, path: ['paths', path] };
      if (isRef(raw)) {
        const resolved = documents.resolve(raw.$ref, rootFile);
        if (!resolved.ok) continue;
        item = resolved.value;
        location = resolved.location;
      }
      if (!isObject(item)) continue;
      const itemIgnores = [...rootIgnores, ...readIgnoreDirectives(item, location, noProblems)];
      for (const method of METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const operationLocation: Location = { file: location.file, path: [...location.path, method] };
        const responses = new Map<string, Location>();
        const responseIgnores = new Map<string, readonly IgnoreDirective[]>();
        for (const key of Object.keys(isObject(operation.responses) ? operation.responses : {})) {
          if (!/^(?:[1-5]\d\d|[1-5]XX|default)$/i.test(key)) continue;
          const keyLocation = { file: location.file, path: [...operationLocation.path, 'responses', key] };
          responses.set(key.toUpperCase(), keyLocation);
          responseIgnores.set(key.toUpperCase(), readIgnoreDirectives((operation.responses as Record<string, unknown>)[key], keyLocation, noProblems));
        }
        const facts: OperationFacts = {
          method: method.toUpperCase(),
          path,
          prefixedPaths: [...basePaths].map((base) => `${base}${path}`),
          responses: [...responses.keys()],
        };
        this.operations.push(facts);
        this.sites.set(facts, { documents, operation: operationLocation, responses, ignores: [...itemIgnores, ...readIgnoreDirectives(operation, operationLocation, noProblems)], responseIgnores });
      }
    }
  }

  /** Every message of the project: drift findings (in code or in the specs) and the response rules on the code. */
  messages(rules: RulesConfig, place: PlaceInSpec): [string, LintMessage][] {
    if (this.failure) return [[this.failure.file, this.failure.message]];
    const scan = this.scan!;
    const plan = planRules(rules, 'project');
    const out: [string, LintMessage][] = [];
    for (const problem of scan.problems) out.push([problem.file, { ruleId: null, severity: 1, message: problem.message, line: problem.line, column: problem.column }]);
    out.push(...this.responseMessages(scan, plan));
    if (scan.routes.length === 0) {
      out.push([scan.configFile, { ruleId: null, severity: 1, message: `no routes of Express, Fastify, Hono, Koa, NestJS or Next.js found in the project (${scan.files.length} files): the code was not compared with the spec`, line: 1, column: 1 }]);
      return honourDisableComments(out, (file) => scan.text(file));
    }
    const pendingByDocuments = new Map<DocumentSet, SpecPendingMessage[]>();
    for (const { finding, severity } of runDriftRules({ routes: scan.routes, operations: this.operations }, plan)) {
      const rule = plan.find((planned) => planned.rule.meta.id === finding.ruleId)!.rule;
      const message = { ruleId: finding.ruleId, severity: severity === 'error' ? (2 as const) : (1 as const), message: finding.message, docsUrl: rule.meta.docsUrl };
      const site = finding.operation ? this.sites.get(finding.operation) : undefined;
      if (site && this.ignored(site, finding)) continue;
      if (finding.target === 'sent-status' || finding.target === 'route') {
        const location = finding.target === 'route' ? scan.routeLocations.get(finding.route!) : scan.sentLocations.get(finding.sent!);
        if (location) out.push([location.file, codeMessage(location, message)]);
        continue;
      }
      if (!site) continue;
      const location = finding.target === 'declared-status' ? site.responses.get(finding.declared!) ?? site.operation : site.operation;
      const pending = pendingByDocuments.get(site.documents) ?? [];
      pending.push({ location, message, withPointer: true });
      pendingByDocuments.set(site.documents, pending);
    }
    for (const [documents, pending] of pendingByDocuments) {
      for (const [file, placed] of place(pending, documents)) for (const message of placed) out.push([file, message]);
    }
    return honourDisableComments(out, (file) => scan.text(file));
  }

  private ignored(site: OperationSite, finding: DriftFinding): boolean {
    const directives = [...site.ignores, ...(finding.declared ? site.responseIgnores.get(finding.declared) ?? [] : [])];
    return directives.some((directive) => directive.ruleId === finding.ruleId);
  }

  /** The response rules on every response in the code, reported where ESLint would report them. */
  private responseMessages(scan: ProjectScan, plan: readonly PlannedRule[]): [string, LintMessage][] {
    const out: [string, LintMessage][] = [];
    const reported = new Set<string>();
    const byFact = new Map(scan.responses.map((response) => [response.fact, response]));
    for (const { fact, finding, severity } of runRules(scan.responses.map((response) => response.fact), plan)) {
      const response = byFact.get(fact)!;
      const location = finding.target === 'body' || !response.statusLocation ? response.sendLocation : response.statusLocation;
      const key = `${finding.ruleId}\0${location.file}\0${location.line}\0${location.column}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const rule = plan.find((planned) => planned.rule.meta.id === finding.ruleId)!.rule;
      out.push([location.file, codeMessage(location, { ruleId: finding.ruleId, severity: severity === 'error' ? 2 : 1, message: finding.message, suggestion: suggestionOf(finding, 'code'), docsUrl: rule.meta.docsUrl })]);
    }
    return out;
  }
}
