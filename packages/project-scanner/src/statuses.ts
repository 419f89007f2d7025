// The statuses a function can send: its own responses and thrown errors, and those of the helpers and services it calls, across files.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { libraryMiddleware } from '@status-lint/core';
import { caughtAndKept, contains, errorClassStatus, isFunction, isThrown, keyName, lineOf, localFunction, memberPath, resolveStatus, shortText, unwrap, variableOf, walk, type FunctionNode } from '@status-lint/eslint-plugin/analysis';
import { locationOf, type AnalyzedFile, type CodeLocation } from './project.js';
import type { Target, ValueResolver } from './values.js';

/** A status found in code, where it is written. */
export interface FoundStatus {
  readonly status: number;
  readonly statusText: string;
  readonly implicit: boolean;
  readonly location: CodeLocation;
  /** The calls through which it is reached from the function summarized: `sendError`, `usersService.findOne`. */
  readonly via: readonly string[];
  /** Sent by a library (a body parser, an auth middleware), not by code of the project. */
  readonly library?: boolean;
  /** An error thrown (`throw new NotFoundException()`): a `try` or `.catch()` around the call that reaches it stops it. */
  readonly thrown?: boolean;
}

function keyNameOf(element: TSESTree.PropertyDefinition): string | undefined {
  return keyName(element);
}

export interface FunctionSummary {
  readonly sends: readonly FoundStatus[];
  /** Statuses that are a parameter of the function (`sendError(res, status)`): read at each call. */
  readonly parametric: readonly { readonly index: number; readonly statusText: string; readonly location: CodeLocation }[];
  /** Why the function may send statuses we cannot read. */
  readonly unknowns: readonly string[];
}

const EMPTY: FunctionSummary = { sends: [], parametric: [], unknowns: [] };
const MAX_FOLLOW_DEPTH = 3;
const MAX_LOCAL_DEPTH = 4;

/** Calls that never send: loggers, `next()`, promise plumbing. Not followed and never a reason for doubt. */
const QUIET_CALLEES = /^(?:next|console\..*|logger\..*|log\..*|JSON\..*|Object\..*|Array\..*|Math\..*|Promise\..*|String|Number|Boolean|Date|parseInt|parseFloat|setTimeout|setImmediate)$/;

function parameterIndexOf(fn: FunctionNode, identifier: TSESTree.Identifier, file: AnalyzedFile): number {
  const variable = variableOf(file.context, identifier);
  if (!variable) return -1;
  return fn.params.findIndex((parameter) => {
    const inner = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    return inner.type === AST_NODE_TYPES.Identifier && variable.defs.some((definition) => definition.name === inner);
  });
}

/** The method of the enclosing class a `this.name(...)` call names. */
function classMethod(callee: TSESTree.Node): FunctionNode | undefined {
  const current = unwrap(callee);
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.object.type !== AST_NODE_TYPES.ThisExpression || current.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = current.property.name;
  for (let node: TSESTree.Node | undefined = current.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ClassBody) {
      for (const element of node.body) {
        if (element.type === AST_NODE_TYPES.MethodDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name && element.value.type === AST_NODE_TYPES.FunctionExpression) return element.value;
      }
      return undefined;
    }
  }
  return undefined;
}

/** Is the target a library middleware we know, and what does it send? */
export function libraryStatuses(target: Target | undefined): readonly number[] | undefined {
  if (target?.kind !== 'external') return undefined;
  const members = target.members.filter((member) => member !== '()');
  for (const entry of libraryMiddleware) {
    if (!entry.modules.some((module) => target.source === module || target.source.startsWith(`${module}/`))) continue;
    if (entry.member !== undefined && !members.includes(entry.member)) continue;
    return entry.statuses;
  }
  return undefined;
}

export class StatusReader {
  private readonly summaries = new Map<FunctionNode, FunctionSummary>();
  private readonly inProgress = new Set<FunctionNode>();

  constructor(private readonly resolver: ValueResolver) {}

  /** The statuses a function (and what it calls) can send. */
  summarize(file: AnalyzedFile, fn: FunctionNode, depth = 0): FunctionSummary {
    const cached = this.summaries.get(fn);
    if (cached) return cached;
    if (this.inProgress.has(fn) || depth > MAX_FOLLOW_DEPTH) return EMPTY;
    this.inProgress.add(fn);
    let summary: FunctionSummary;
    try {
      summary = this.read(file, fn, depth);
    } catch {
      summary = { sends: [], parametric: [], unknowns: [`${shortText(file.context, fn, 40)} could not be read`] };
    }
    this.inProgress.delete(fn);
    this.summaries.set(fn, summary);
    return summary;
  }

  private localClosure(file: AnalyzedFile, fn: FunctionNode): FunctionNode[] {
    const found = new Set<FunctionNode>([fn]);
    let frontier = [fn];
    for (let level = 0; level < MAX_LOCAL_DEPTH && frontier.length > 0; level++) {
      const next: FunctionNode[] = [];
      for (const current of frontier) {
        walk(file.context, current.body ?? current, (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
          const helper = localFunction(file.context, node.callee) ?? classMethod(node.callee);
          if (helper && !found.has(helper)) {
            found.add(helper);
            next.push(helper);
          }
          return undefined;
        });
      }
      frontier = next;
    }
    return [...found];
  }

  private read(file: AnalyzedFile, fn: FunctionNode, depth: number): FunctionSummary {
    const closure = this.localClosure(file, fn);
    const inside = (node: TSESTree.Node) => closure.some((member) => contains(member, node));
    const sends: FoundStatus[] = [];
    const parametric: { index: number; statusText: string; location: CodeLocation }[] = [];
    const unknowns: string[] = [];
    for (const site of file.sites) {
      // `throw new Error(msg)` on a failure path: the framework's answer to any error, not a status the route chose.
      if (site.fact.context?.producer === 'default-error') continue;
      // `{ status: response.status }`: whatever another service answered, read as a possible 429, not a status chosen.
      if (site.fact.context?.forwardedFrom) continue;
      const anchor = site.via ?? site.sendNode;
      const owner = closure.find((member) => contains(member, anchor));
      if (!owner) continue;
      const thrown = isThrown(site.sendNode);
      if (thrown && caughtAndKept(file.context, site.sendNode, owner)) continue;
      const at = site.statusNode ?? site.sendNode;
      sends.push({ status: site.fact.status!, statusText: site.fact.statusText, implicit: site.fact.context?.implicitStatus === true, location: locationOf(file.file, at), via: [], thrown });
    }
    for (const { draft, via } of file.unresolved) {
      if (!inside(via ?? draft.anchor)) continue;
      const statusNode = draft.statusNode ? unwrap(draft.statusNode) : undefined;
      const index = statusNode?.type === AST_NODE_TYPES.Identifier && !via ? parameterIndexOf(fn, statusNode, file) : -1;
      if (index >= 0 && statusNode) parametric.push({ index, statusText: statusNode.type === AST_NODE_TYPES.Identifier ? statusNode.name : 'status', location: locationOf(file.file, statusNode) });
      else unknowns.push(`\`${statusNode ? shortText(file.context, statusNode, 40) : shortText(file.context, draft.anchor, 40)}\` in ${file.file}:${lineOf(draft.anchor)}`);
    }
    const followed = new Set<TSESTree.Node>();
    const anchors = new Set(file.sites.map((site) => site.sendNode));
    for (const member of closure) {
      walk(file.context, member.body ?? member, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
        if (followed.has(node)) return undefined;
        followed.add(node);
        if (node.type === AST_NODE_TYPES.NewExpression && !anchors.has(node)) {
          // `throw new NotFoundError('user')`: an error class of the project whose status is fixed inside it.
          const fixed = errorClassStatus(file.file, node);
          const thrown = isThrown(node);
          if (fixed && !(thrown && caughtAndKept(file.context, node, member))) sends.push({ status: fixed.status, statusText: fixed.name, implicit: false, location: locationOf(file.file, node.callee), via: [], thrown });
          return undefined;
        }
        const callee = unwrap(node.callee);
        if (node.type === AST_NODE_TYPES.CallExpression && (localFunction(file.context, callee) || classMethod(callee))) return undefined;
        const name = memberPath(callee);
        if (!name || QUIET_CALLEES.test(name)) return undefined;
        this.follow(file, node, name, depth, sends, unknowns, caughtAndKept(file.context, node, member));
        return undefined;
      });
    }
    // A response object handed to code we cannot see: whatever it sends, we cannot say.
    for (const handoff of file.handoffs) {
      if (!inside(handoff.call)) continue;
      const callee = unwrap(handoff.call.callee);
      const name = memberPath(callee) ?? shortText(file.context, callee, 30);
      if (QUIET_CALLEES.test(name) || (callee.type === AST_NODE_TYPES.Identifier && /^_?next$/.test(callee.name))) continue;
      const target = this.resolver.resolveExpression(file, callee);
      if (target?.kind === 'function') continue;
      if (target?.kind === 'binding' && target.parameterOf) continue;
      const known = libraryStatuses(target);
      if (known) {
        for (const status of known) sends.push({ status, statusText: `${name}()`, implicit: true, location: locationOf(file.file, handoff.call), via: [], library: true });
        continue;
      }
      unknowns.push(`the response is handed to \`${name}()\` in ${file.file}:${lineOf(handoff.call)}`);
    }
    return { sends, parametric, unknowns };
  }

  /** Follow one call into a function of the project, and read its parametric statuses at this call. */
  private follow(file: AnalyzedFile, call: TSESTree.CallExpression | TSESTree.NewExpression, name: string, depth: number, sends: FoundStatus[], unknowns: string[], insideCatch: boolean): void {
    const target = this.resolver.resolveExpression(file, call.callee);
    if (target?.kind !== 'function' || !isFunction(target.fn) || !target.fn.body) return;
    const summary = this.summarize(target.file, target.fn, depth + 1);
    for (const found of summary.sends) if (!(found.thrown && insideCatch)) sends.push({ ...found, via: [name, ...found.via] });
    for (const parameter of summary.parametric) {
      const argument = call.arguments[parameter.index];
      const resolved = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? resolveStatus(file.context, argument) : undefined;
      if (resolved && argument) sends.push({ status: resolved.status, statusText: file.context.sourceCode.getText(argument), implicit: false, location: locationOf(file.file, argument), via: [name] });
      else if (argument) unknowns.push(`\`${shortText(file.context, argument, 40)}\` passed to \`${name}()\` in ${file.file}:${lineOf(call)}`);
    }
    unknowns.push(...summary.unknowns);
  }

  /** Everything a piece of the route's chain can send: a function, an array of them, a middleware factory's result, a library middleware. */
  chainStatuses(file: AnalyzedFile, node: TSESTree.Node, depth = 0): { summary: FunctionSummary; label: string } {
    const expression = unwrap(node);
    const label = memberPath(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression) ?? 'handler';
    const unknown = { summary: { sends: [], parametric: [], unknowns: [`\`${shortText(file.context, expression, 40)}\` in ${file.file}:${lineOf(expression)} cannot be read`] }, label };
    if (depth > 4) return unknown;
    if (expression.type === AST_NODE_TYPES.ArrayExpression) {
      const parts = expression.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement).map((element) => this.chainStatuses(file, element, depth + 1).summary);
      return { summary: merge(parts), label };
    }
    const target = this.resolver.resolveExpression(file, expression);
    if (target?.kind === 'function') return { summary: this.summarize(target.file, target.fn), label };
    const known = libraryStatuses(target);
    if (known) return { summary: { sends: known.map((status) => ({ status, statusText: `${label}()`, implicit: true, location: locationOf(file.file, expression), via: [], library: true })), parametric: [], unknowns: [] }, label };
    // `export const requireEditor = createMiddleware(...)`: read what the name is bound to.
    if (target?.kind === 'binding' && !target.parameterOf && target.init) return { summary: this.chainStatuses(target.file, target.init, depth + 1).summary, label };
    if (target?.kind === 'binding' && target.parameterOf) return { summary: EMPTY, label };
    const call = target?.kind === 'call' && target.node.type === AST_NODE_TYPES.CallExpression ? { file: target.file, node: target.node } : expression.type === AST_NODE_TYPES.CallExpression ? { file, node: expression } : undefined;
    if (call) {
      // `validate(schema)`: a factory of ours; what its returned middleware sends is written inside it.
      const factory = this.resolver.resolveExpression(call.file, call.node.callee);
      // `createMiddleware(fn)`, `asyncHandler(controller.list)`, `fp(plugin)`: a wrapper around functions of ours.
      const wrapped = call.node.arguments.flatMap((argument) => {
        const inner = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : this.resolver.resolveExpression(call.file, argument);
        return inner?.kind === 'function' ? [this.summarize(inner.file, inner.fn)] : [];
      });
      const parts = [...(factory?.kind === 'function' ? [this.summarize(factory.file, factory.fn)] : []), ...wrapped];
      if (parts.length > 0) return { summary: merge(parts), label };
    }
    return unknown;
  }
}

function merge(parts: readonly FunctionSummary[]): FunctionSummary {
  return { sends: parts.flatMap((part) => part.sends), parametric: [], unknowns: parts.flatMap((part) => part.unknowns) };
}
