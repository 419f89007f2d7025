// One ESLint rule from one core rule: the same id, docs and options; facts from the shared analysis; the core decides.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { checkFact, docsUrlFor, type Finding, type Rule } from '@status-lint/core';
import { analyzeFile, mayHaveSites, nodeGatherer, type FileNodes } from '../analyze.js';
import type { ResponseSite } from '../sites.js';
import { enclosingFunction } from '../resolve/values.js';
import { contains } from '../resolve/walk.js';

/** Message ids the core rules emit; the text of each is the core's own message. */
const FINDING_MESSAGES = [
  'errorDescription',
  'errorBody',
  'partialBody',
  'errorHandlerSuccess',
  'errorRaised',
  'permissionText',
  'permissionGuard',
  'settingGuard',
  'authenticatedCaller',
  'otherSystemCredentials',
  'missingRequestValue',
  'conflictText',
  'businessRuleText',
  'methodGuard',
  'conflictLookup',
  'storedState',
  'catchAll',
  'notFoundText',
  'notFoundLookup',
  'refusalText',
  'unconfiguredText',
  'rateLimitText',
  'credentialsText',
  'ownFailureText',
  'ownCallFailed',
  'upstreamText',
  'upstreamCall',
  'missingRetryAfter',
  'finding',
] as const;

export type MessageId = (typeof FINDING_MESSAGES)[number] | 'replaceStatus' | 'addRetryAfter';

const messages: Record<MessageId, string> = {
  ...(Object.fromEntries(FINDING_MESSAGES.map((id) => [id, '{{message}}'])) as Record<(typeof FINDING_MESSAGES)[number], string>),
  replaceStatus: 'Use {{status}}: `{{replacement}}`.',
  addRetryAfter: 'Set the `Retry-After` header: `{{replacement}}`.',
};

/**
 * What typescript-eslint's `RuleCreator` does for these rules (docs URL, default options under the user's), without
 * loading `@typescript-eslint/utils` at run time: the plugin's share of a lint run includes its load time.
 */
function createRuleWithDocs<Options extends [Record<string, unknown>], Id extends string>(rule: {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<Id, Record<string, unknown>, Options>, 'docs' | 'defaultOptions'> & { docs: { description: string; recommended?: boolean } };
  defaultOptions: Options;
  create: (context: Readonly<TSESLint.RuleContext<Id, Options>>, options: Options) => TSESLint.RuleListener;
}): TSESLint.RuleModule<Id, Options> {
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: docsUrlFor(rule.name) }, defaultOptions: rule.defaultOptions },
    defaultOptions: rule.defaultOptions,
    create(context) {
      const given = (context.options[0] ?? {}) as Record<string, unknown>;
      const options = [{ ...rule.defaultOptions[0], ...given }] as unknown as Options;
      return rule.create(context, options);
    },
  } as TSESLint.RuleModule<Id, Options>;
}

function messageIdOf(finding: Finding): MessageId {
  return (FINDING_MESSAGES as readonly string[]).includes(finding.messageId) ? (finding.messageId as MessageId) : 'finding';
}

function reportNode(site: ResponseSite, finding: Finding, singleAnswerHelpers: ReadonlySet<TSESTree.Node>): TSESTree.Node {
  const node = finding.target === 'body' || !site.statusNode || inDecorator(site.statusNode) || holdingDeclarator(site) ? site.sendNode : site.statusNode;
  // `return errorBadAuth(res)`: a helper of this file that answers one way by itself is reported where the handler
  // calls it, with that caller's reasons (its conditions), as a helper of another file is. A function with several
  // answers (a handler a dispatcher calls: `_handleAccept(req, res)`) keeps each where it is written.
  const helper = enclosingFunction(site.sendNode);
  return site.via && !contains(site.via, node) && helper && singleAnswerHelpers.has(helper) ? site.via : node;
}

/** The functions of the file that send one answer only (every site read in them has the same send). */
function singleAnswerFunctions(sites: readonly ResponseSite[]): Set<TSESTree.Node> {
  const sends = new Map<TSESTree.Node, Set<TSESTree.Node>>();
  for (const site of sites) {
    const fn = enclosingFunction(site.sendNode);
    if (!fn) continue;
    let set = sends.get(fn);
    if (!set) sends.set(fn, (set = new Set()));
    set.add(site.sendNode);
  }
  return new Set([...sends].filter(([, set]) => set.size === 1).map(([fn]) => fn));
}

/**
 * The declaration of a constant that holds the status away from the send (`const errorCode = error.status || 500`
 * above `new Response(..., { status: errorCode })`): the send is what the finding is about. A status set by a
 * statement of its own (`c.status(429)` before `c.json(...)`) has none, and is reported where it is set.
 */
function holdingDeclarator(site: ResponseSite): TSESTree.VariableDeclarator | undefined {
  const status = site.statusNode;
  if (!status || (site.sendNode.range[0] <= status.range[0] && status.range[1] <= site.sendNode.range[1])) return undefined;
  for (let node: TSESTree.Node | undefined = status.parent; node && !/Statement$/.test(node.type); node = node.parent) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator) return node;
  }
  return undefined;
}

/**
 * A status in a constant that several sends use (`const unauthResponse = { status: 401 }` for "not configured" and
 * "no credentials" alike): a fix there would change every one of them, so none is offered for one of them.
 */
function sharedByOtherSends(sourceCode: Readonly<TSESLint.SourceCode>, site: ResponseSite): boolean {
  const declarator = holdingDeclarator(site);
  if (!declarator) return false;
  const reads = sourceCode.getDeclaredVariables(declarator).flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
  return reads.length > 1;
}

/** A status written in a decorator (`@HttpCode(204)`) serves every return of the method: each is reported where it returns. */
function inDecorator(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Decorator) return true;
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}

/**
 * The nodes of each file, gathered during ESLint's traversal by the first of the plugin's rules created for it (ESLint
 * creates every rule of a file before it walks the file), and read by all of them at `Program:exit`.
 */
const gathered = new WeakMap<TSESTree.Program, FileNodes>();

/** The gathering listeners for this file, for the first rule that asks; the others get none. */
function gatheringListeners(program: TSESTree.Program): TSESLint.RuleListener {
  if (gathered.has(program)) return {};
  const { nodes, listeners } = nodeGatherer();
  gathered.set(program, nodes);
  return listeners as TSESLint.RuleListener;
}

/** Whether a file may hold a site, asked once per file: every rule of the plugin asks it of the same text. */
const mayHold = new WeakMap<TSESTree.Program, boolean>();

function fileMayHaveSites(program: TSESTree.Program, text: string, filename: string, cwd: string): boolean {
  let answer = mayHold.get(program);
  if (answer === undefined) {
    answer = mayHaveSites(text, filename, cwd);
    mayHold.set(program, answer);
  }
  return answer;
}

/** `upstreamCallees` may also come from shared settings: `settings: { 'status-lint': { upstreamCallees: [...] } }`. */
function settingsOptions(settings: Record<string, unknown>): Record<string, unknown> {
  const shared = (settings['status-lint'] ?? settings['@status-lint']) as Record<string, unknown> | undefined;
  return shared && typeof shared === 'object' ? shared : {};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createRule(coreRule: Rule<any>): TSESLint.RuleModule<MessageId, [Record<string, unknown>]> {
  const { meta } = coreRule;
  return createRuleWithDocs<[Record<string, unknown>], MessageId>({
    name: meta.id,
    meta: {
      type: 'problem',
      // ESLint's convention: `docs.recommended` says whether the rule is in the plugin's `recommended` config.
      docs: { description: meta.description, recommended: meta.presets.includes('recommended') },
      hasSuggestions: true,
      messages,
      schema: [meta.optionsSchema as unknown as import('@typescript-eslint/utils').JSONSchema.JSONSchema4],
    },
    defaultOptions: [meta.defaultOptions as Record<string, unknown>],
    create(context, [options]) {
      const shared = settingsOptions(context.settings as Record<string, unknown>);
      const merged: Record<string, unknown> = { ...(meta.defaultOptions as Record<string, unknown>), ...options };
      if (Array.isArray(shared.upstreamCallees) && 'upstreamCallees' in merged) {
        merged.upstreamCallees = [...((merged.upstreamCallees as string[]) ?? []), ...(shared.upstreamCallees as string[])];
      }
      const { sourceCode } = context;
      const program = sourceCode.ast;
      // A file with no site (a test, types, most components) costs nothing more than this test.
      if (!fileMayHaveSites(program, sourceCode.text, context.filename, context.cwd)) return {};
      return {
        ...gatheringListeners(program),
        'Program:exit'() {
          let sites: ResponseSite[];
          try {
            sites = analyzeFile(sourceCode, context.filename, context.cwd, gathered.get(program));
          } catch (error) {
            // Never a broken lint run for code we cannot read; `STATUS_LINT_DEBUG=1` shows what was skipped.
            if (process.env.STATUS_LINT_DEBUG) process.stderr.write(`status-lint: ${context.filename}: analysis failed: ${(error as Error)?.stack ?? String(error)}\n`);
            return;
          }
          const reported = new Set<string>();
          const singleAnswer = singleAnswerFunctions(sites);
          const reportedNodes: TSESTree.Node[] = [];
          const callsReported: TSESTree.Node[] = [];
          for (const site of sites) {
            const finding = checkFact(coreRule, site.fact, merged);
            if (!finding) continue;
            const node = reportNode(site, finding, singleAnswer);
            const key = `${node.range[0]}:${node.range[1]}`;
            // One finding per call: the same helper call read as a helper of this file and by the application model
            // (`return await checkDailyLimit(c)`) is one response.
            const atCaller = node === site.via;
            if (reported.has(key) || (atCaller ? reportedNodes : callsReported).some((other) => contains(other, node) || contains(node, other))) continue;
            reported.add(key);
            reportedNodes.push(node);
            if (atCaller) {
              callsReported.push(node);
              // Reported at its callers, the helper itself is not reported again on its own.
              reported.add(`${site.sendNode.range[0]}:${site.sendNode.range[1]}`);
            }
            // An edit of the helper would change what every caller sends: none is offered for one caller.
            const suggest = atCaller ? [] : suggestionsFor(site, finding, sourceCode);
            context.report({ node, messageId: messageIdOf(finding), data: { message: finding.message }, suggest });
          }
        },
      };
    },
  });
}

/** The edits offered with a finding: the status replaced where it is written, or `Retry-After` set. */
function suggestionsFor(site: ResponseSite, finding: Finding, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
  if (finding.fix?.kind === 'replace-status' && !sharedByOtherSends(sourceCode, site)) {
    const suggestion = site.replaceStatus?.(finding.fix.status);
    if (suggestion) suggest.push({ messageId: 'replaceStatus', data: { status: finding.fix.status, replacement: suggestion.text }, fix: suggestion.fix });
  } else if (finding.fix?.kind === 'add-header') {
    const suggestion = site.addRetryAfter?.();
    if (suggestion) suggest.push({ messageId: 'addRetryAfter', data: { replacement: suggestion.text }, fix: suggestion.fix });
  }
  return suggest;
}
