// A call to another service that nothing in the handler catches (`const intent = await stripe.paymentIntents.create(...)`
// in a route, no `try` around it): when the service fails, the framework's error handler answers with 500, the
// server's own failure, though the request was fine and the other service failed (502, 503, 504). Read as a 500 sent
// where the call is, with the call as what failed; only for known clients of other services (SDKs of hosted APIs,
// HTTP clients at an outside address), never the server's own database.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isOwnCallee, isUpstreamCallee } from '@status-lint/core';
import { calleeModule, callsOwnAddress, canonicalCallee } from '../resolve/upstream.js';
import { isFunction, memberPath, propertyName, type FileContext, type FunctionNode } from '../resolve/values.js';
import type { Draft } from '../sites.js';

/** Methods of an SDK that do local work: checking a signature, parsing, signing. */
const LOCAL_WORK = /^(?:verify\w*|validate\w*|constructEvent\w*|sign\w*|parse\w*|decode\w*|encode\w*)$/;

/** Is the call's failure answered in the handler: inside a `try` block, a `.catch()` chained on it, or a nested function? */
function caughtWithin(call: TSESTree.Node, handler: FunctionNode): boolean {
  let child: TSESTree.Node = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent === handler) return false;
    if (isFunction(parent)) return true;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && /^(?:catch|then|finally)$/.test(propertyName(parent) ?? '')) return true;
  }
  return true;
}

/** Awaited (or yielded) or returned: the handler goes on only if it succeeded (a call left floating may fail unseen). */
function waitedFor(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) node = node.parent;
  const parent = node.parent;
  // `yield urllib.request(url)`: a generator handler of Koa 1 (co) waits the same way.
  return parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.YieldExpression || parent?.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * A handler that answers failures itself (a `try`, a `.catch()`, a 5xx of its own: `if (!resp.ok) return 500`) is
 * read where it answers them; only a handler that leaves every failure to the error handler is read here.
 */
function answersFailuresItself(context: FileContext, handler: FunctionNode, known: Map<FunctionNode, boolean>): boolean {
  let answers = known.get(handler);
  if (answers === undefined) {
    answers = /\btry\s*\{|\.catch\s*\(|\b5\d\d\b/.test(context.sourceCode.getText(handler));
    known.set(handler, answers);
  }
  return answers;
}

export function uncaughtUpstreamDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[], handlerOf: (node: TSESTree.Node) => FunctionNode | undefined): Draft[] {
  const drafts: Draft[] = [];
  const answering = new Map<FunctionNode, boolean>();
  for (const call of calls) {
    if (!waitedFor(call)) continue;
    const handler = handlerOf(call);
    if (!handler || caughtWithin(call, handler) || answersFailuresItself(context, handler, answering)) continue;
    // The server's own address (`fetch(`${process.env.NEXTAUTH_URL}/api/revalidate`)`), or local work of an SDK that
    // calls nothing (`webhooks.verify(...)`, `stripe.webhooks.constructEvent(...)`).
    if (LOCAL_WORK.test(memberPath(call.callee)?.split('.').pop() ?? '') || callsOwnAddress(context, call)) continue;
    const module = calleeModule(context, call.callee);
    const name = canonicalCallee(context, call.callee).find((candidate) => isUpstreamCallee(candidate, [], module) && !isOwnCallee(candidate, module));
    if (!name) continue;
    drafts.push({
      producer: 'uncaught',
      anchor: call,
      knownStatus: { status: 500, text: '500' },
      implicit: true,
      boundary: handler,
      upstream: { callees: [name], via: 'uncaught', errorMarkers: [], ...(module ? { calleeModules: { [name]: module } } : {}) },
      replaceStatus: () => undefined,
    });
  }
  return drafts;
}
