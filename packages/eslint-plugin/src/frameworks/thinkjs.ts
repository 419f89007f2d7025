// ThinkJS controllers (`class extends think.Controller`, or the application's `Base` that does): `this.fail(errno,
// errmsg)` answers HTTP 200 with `{ errno, errmsg, data }`, whatever failed; only `this.ctx.status` changes the status.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ReturnedProperty } from '../app-model/returned-bodies.js';
import { enclosingMethod, superClassOf, type FileContext } from '../resolve/values.js';
import type { Draft } from '../sites.js';

/** ThinkJS's action methods (`indexAction`, `loginAction`) and its hooks around them (`__before`, `__after`, `__call`). */
const ACTION = /^(?:\w+Action|__before|__after|__call)$/;

/** The action method of a controller class (one that extends another) that a node sits in. */
function controllerAction(node: TSESTree.Node): TSESTree.MethodDefinition | undefined {
  const method = enclosingMethod(node);
  return method?.key.type === AST_NODE_TYPES.Identifier && ACTION.test(method.key.name) && superClassOf(method) ? method : undefined;
}

/** Has the action set an HTTP status of its own (`this.ctx.status = 401`)? Then `fail` goes out with it. */
function setsStatus(action: TSESTree.MethodDefinition, context: FileContext): boolean {
  return /\bthis\.ctx\.status\s*=/.test(context.sourceCode.getText(action));
}

/** `return this.fail(401, 'Please log in')`, `this.fail('Order not found')`: a failure sent with 200. */
export function thinkjsFailDrafts(context: FileContext, calls: readonly TSESTree.CallExpression[]): Draft[] {
  const drafts: Draft[] = [];
  for (const call of calls) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'fail') continue;
    const action = controllerAction(call);
    if (!action || setsStatus(action, context)) continue;
    const [first, second] = call.arguments;
    const numbered = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number';
    const message = numbered ? second : first;
    const properties: ReturnedProperty[] = [];
    if (numbered) properties.push({ name: 'errno', context, node: first });
    if (message && message.type !== AST_NODE_TYPES.SpreadElement) properties.push({ name: 'errmsg', context, node: message });
    if (properties.length === 0) continue;
    drafts.push({ producer: 'thinkjs', anchor: call, knownStatus: { status: 200, text: '200' }, implicit: true, bodyProperties: properties, replaceStatus: () => undefined });
  }
  return drafts;
}
