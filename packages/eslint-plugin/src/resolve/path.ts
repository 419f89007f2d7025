// The path to a response: the conditions it is sent under, the `catch` or `.catch()` it sits in, the handler it belongs to.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { GuardEvidence } from '@status-lint/core';
import { conditionMarkers, guardEvidence, isNegatedCondition } from './guards.js';
import { walk } from './walk.js';
import { isFunction, LOGGER_PATH, memberPath, propertyName, shortText, unwrap, type FileContext, type FunctionNode } from './values.js';

export interface PathInfo {
  readonly guards: GuardEvidence[];
  /** The raw conditions with their direction, for front-end checks (the `!resp.ok` branch). */
  readonly conditions: { readonly test: TSESTree.Node; readonly flipped: boolean }[];
  /** The innermost `catch` the response is sent from, inside the handler. */
  readonly catchClause?: TSESTree.CatchClause;
  /** The promise chain whose `.catch(...)` (or `.then(_, onError)`) callback sends the response. */
  readonly promiseCatch?: TSESTree.Node;
  /** That callback (or the `'error'` listener), whose tests say which failures it tells apart. */
  readonly promiseHandler?: FunctionNode;
  /** Identifiers and strings tested on the way to the response inside the catch. */
  readonly errorMarkers: string[];
}

/** Does this statement always leave its block: `return`, `throw`, or a block ending in one? */
export function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  if (statement.type === AST_NODE_TYPES.IfStatement) return statement.alternate !== null && exits(statement.consequent) && exits(statement.alternate);
  return false;
}

/** Does the statement end by throwing (an error check that fires), rather than by returning? */
function throwsAtEnd(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && throwsAtEnd(last);
  }
  return false;
}

/** The statements of a block-like parent that come before `child`. */
export function statementsBefore(parent: TSESTree.Node, child: TSESTree.Node): readonly TSESTree.Node[] {
  const list = blockBody(parent);
  if (!list) return [];
  const index = list.indexOf(child as TSESTree.Statement);
  return index > 0 ? list.slice(0, index) : [];
}

export function statementsAfter(parent: TSESTree.Node, child: TSESTree.Node): readonly TSESTree.Node[] {
  const list = blockBody(parent);
  if (!list) return [];
  const index = list.indexOf(child as TSESTree.Statement);
  return index >= 0 ? list.slice(index + 1) : [];
}

export function blockBody(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.StaticBlock) return node.body;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  return undefined;
}

/** The statement before (-1) or after (+1) this one in its block. */
export function siblingStatement(statement: TSESTree.Node, offset: number): TSESTree.Node | undefined {
  const siblings = statement.parent ? blockBody(statement.parent) : undefined;
  const index = siblings ? siblings.indexOf(statement) : -1;
  return index >= 0 ? siblings![index + offset] : undefined;
}

/** The statement that holds a node, directly inside a block. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current?.parent && !blockBody(current.parent)) {
    if (isFunction(current)) return undefined;
    current = current.parent;
  }
  return current?.parent ? current : undefined;
}

export function describePath(context: FileContext, anchor: TSESTree.Node, boundary: TSESTree.Node | undefined): PathInfo {
  const guards: GuardEvidence[] = [];
  const conditions: { test: TSESTree.Node; flipped: boolean }[] = [];
  const errorMarkers: string[] = [];
  let catchClause: TSESTree.CatchClause | undefined;
  let promiseCatch: TSESTree.Node | undefined;
  let promiseHandler: FunctionNode | undefined;
  const add = (test: TSESTree.Node, flipped: boolean, afterEarlyExit = false, afterFailedCheck = false): void => {
    const evidence = { ...guardEvidence(context, test, flipped), ...(catchClause || promiseCatch ? { aroundFailedWork: true } : {}) };
    guards.push(afterEarlyExit ? { ...evidence, afterEarlyExit, ...(afterFailedCheck ? { afterFailedCheck } : {}) } : evidence);
    conditions.push({ test, flipped });
    if (!catchClause && !promiseCatch && !flipped) errorMarkers.push(...conditionMarkers(context, test));
  };
  let child: TSESTree.Node = anchor;
  let parent = child.parent;
  while (parent && child !== boundary) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
        if (child === parent.consequent) add(parent.test, false);
        else if (child === parent.alternate) add(parent.test, true);
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent) add(parent.test, false);
        else if (child === parent.alternate) add(parent.test, true);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && parent.operator === '&&') add(parent.left, false);
        else if (child === parent.right && parent.operator === '||') add(parent.left, true);
        break;
      case AST_NODE_TYPES.SwitchCase: {
        const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
        if (parent.test && parent.consequent.includes(child as TSESTree.Statement)) {
          const text = `${shortText(context, discriminant)} === ${shortText(context, parent.test)}`;
          const evidence = guardEvidence(context, discriminant, false);
          guards.push({ ...evidence, text, negated: false });
          if (!catchClause && !promiseCatch) errorMarkers.push(...conditionMarkers(context, parent.test), ...conditionMarkers(context, discriminant));
        }
        break;
      }
      case AST_NODE_TYPES.CatchClause:
        if (child === parent.body && !catchClause && !promiseCatch) catchClause = parent;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (isFunction(child) && parent.callee.type === AST_NODE_TYPES.MemberExpression && !catchClause && !promiseCatch) {
          const method = propertyName(parent.callee);
          const onError = method === 'on' && parent.arguments[1] === child && parent.arguments[0]?.type === AST_NODE_TYPES.Literal && parent.arguments[0].value === 'error';
          if ((method === 'catch' && parent.arguments[0] === child) || (method === 'then' && parent.arguments[1] === child) || onError) {
            promiseCatch = parent.callee.object;
            promiseHandler = child;
          }
        }
        break;
      default:
        break;
    }
    // Early exits before this statement: `if (user.role === 'admin') return next();` guards what follows with its negation.
    for (const statement of statementsBefore(parent, child)) {
      if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) add(statement.test, true, true, throwsAtEnd(statement.consequent));
    }
    child = parent;
    parent = child.parent;
  }
  // RxJS: `source.pipe(map(...), catchError((error) => { throw new BadRequestException(...) }))`, as NestJS's
  // HttpService is used; the handler is the boundary here. It answers a failure of the observable the pipe is called on.
  const rxHandler = child === boundary && isFunction(child) && !catchClause && !promiseCatch ? child : undefined;
  const operator = rxHandler?.parent;
  if (rxHandler && operator?.type === AST_NODE_TYPES.CallExpression && operator.arguments[0] === rxHandler && memberPath(operator.callee)?.split('.').pop() === 'catchError') {
    const pipe = operator.parent;
    if (pipe?.type === AST_NODE_TYPES.CallExpression && pipe.arguments.includes(operator) && pipe.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(pipe.callee) === 'pipe') {
      promiseCatch = pipe.callee.object;
      promiseHandler = rxHandler;
      for (const guard of guards) Object.assign(guard, { aroundFailedWork: true });
    }
  }
  return { guards, conditions, catchClause, promiseCatch, promiseHandler, errorMarkers };
}

const STATUS_PROPERTIES = new Set(['ok', 'status', 'statusCode']);

function isText(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  return (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') || current.type === AST_NODE_TYPES.TemplateLiteral;
}

/**
 * Is the response sent when this condition says an upstream response was not ok: `!resp.ok`, `resp.status !== 200`,
 * `statusCode >= 400`? Gives the name tested and the property it reads. `propertyOf` says which response property a
 * bare name holds (`statusCode` from `const { statusCode, body } = await request(url)`). A status compared with a
 * string (`order.status === 'FAILED'`) is a state, not an HTTP status.
 */
export function notOkBinding(test: TSESTree.Node, flipped: boolean, propertyOf: (identifier: TSESTree.Identifier) => string | undefined = () => undefined): { binding: TSESTree.Identifier; property: string } | undefined {
  let found: { binding: TSESTree.Identifier; property: string } | undefined;
  const candidate = (node: TSESTree.Node): { binding: TSESTree.Identifier; property: string } | undefined => {
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier && unwrap(current.object).type === AST_NODE_TYPES.Identifier) {
      return STATUS_PROPERTIES.has(current.property.name) ? { binding: unwrap(current.object) as TSESTree.Identifier, property: current.property.name } : undefined;
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      const property = propertyOf(current);
      return property && STATUS_PROPERTIES.has(property) ? { binding: current, property } : undefined;
    }
    return undefined;
  };
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    const current = unwrap(node);
    if (current.type === AST_NODE_TYPES.BinaryExpression && current.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const sides: TSESTree.Node[] = [current.left, current.right];
      const item = sides.map(candidate).find((side) => side !== undefined);
      if (item && !sides.some(isText)) found = item;
      return;
    }
    if (current.type === AST_NODE_TYPES.UnaryExpression) visit(current.argument);
    else if (current.type === AST_NODE_TYPES.LogicalExpression) {
      visit(current.left);
      visit(current.right);
    } else {
      const item = candidate(current);
      if (item?.property === 'ok') found = item;
    }
  };
  visit(test);
  if (!found) return undefined;
  // `ok` tells a failure only when negated: `!resp.ok`, `if (!ok)`.
  return (found as { property: string }).property !== 'ok' || isNegatedCondition(test, flipped) ? found : undefined;
}

/** Callee names of calls that take a handler or a callback whose body still belongs to the enclosing function. */
const PASS_THROUGH_CALLEES = /^(?:then|catch|finally|map|forEach|filter|reduce|some|every|find|findIndex|flatMap|all|allSettled|race|any|setTimeout|setImmediate|nextTick|queueMicrotask|Promise|verify|sign|authenticate|transaction|\$transaction|withTransaction|runInTransaction|run|exec|execute|wrap|tap|subscribe|pipe|on|once)$/;

/** The function a response belongs to: the handler, walking out of callbacks (`.then`, `jwt.verify`, `forEach`). */
export function enclosingHandler(node: TSESTree.Node, isHandler: (fn: FunctionNode) => boolean): FunctionNode | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  let innermost: FunctionNode | undefined;
  while (current) {
    if (isFunction(current)) {
      innermost ??= current;
      if (isHandler(current)) return current;
      const parent = current.parent;
      const callee = parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) ? unwrap(parent.callee) : undefined;
      const method = callee?.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee?.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      if (!method || !PASS_THROUGH_CALLEES.test(method)) return current;
    }
    current = current.parent;
  }
  return innermost;
}

/**
 * Does a catch pass the caught error on: throw (again, or another error), or hand the error or its status to a call
 * other than a logger (`next(error)`, `reply.send(error)`, `res.status(error.status)`, `next({ status: error.statusCode })`)? `logger.error(e); return false`
 * keeps it: whatever was thrown in the `try` is not what the caller is answered.
 */
export function passesErrorOn(context: FileContext, parameter: TSESTree.Node | null | undefined, body: TSESTree.Node): boolean {
  const name = parameter?.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined;
  // `const e = ensureError(err, '...')`: a local name for the same error, normalized; handing it on hands it on.
  const names = new Set(name ? [name] : []);
  const isError = (node: TSESTree.Node): boolean => {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.Identifier) return names.has(bare.name);
    return bare.type === AST_NODE_TYPES.MemberExpression && bare.object.type === AST_NODE_TYPES.Identifier && names.has(bare.object.name) && /^(?:status|statusCode|code|status_code|httpStatus)$/.test(propertyName(bare) ?? '');
  };
  const aliasOf = (call: TSESTree.CallExpression): string | undefined => {
    const holder = call.parent;
    return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === call && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : undefined;
  };
  // `c.text(e.message, 500)`, `{ error: e.message }`: the error's words, answered with a status of the catch's own, are no
  // error handed on.
  const errorWords = (node: TSESTree.Node): boolean => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
    const owner = unwrap(node.object);
    return owner.type === AST_NODE_TYPES.Identifier && names.has(owner.name) && /^(?:message|msg|stack|name)$/.test(propertyName(node) ?? '');
  };
  // Anywhere in a call's arguments: `next({ status: e.statusCode, message: e.errorCode })` passes its status on.
  const carriesError = (argument: TSESTree.Node): boolean => {
    let found = false;
    walk(context, argument, (node) => {
      // `{ err: true }`: a key named like the error is no use of it.
      if (node.type === AST_NODE_TYPES.Property && !node.computed && !node.shorthand) {
        walk(context, node.value, (inner) => {
          if (errorWords(inner)) return false;
          if (found || isError(inner)) found = true;
          return found ? false : undefined;
        });
        return false;
      }
      if (errorWords(node)) return false;
      if (found || isError(node)) found = true;
      return found ? false : undefined;
    });
    return found;
  };
  let passes = false;
  walk(context, body, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) passes = true;
    if (name && node.type === AST_NODE_TYPES.CallExpression && !LOGGER_PATH.test(memberPath(node.callee) ?? '') && node.arguments.some(carriesError)) {
      const alias = aliasOf(node);
      if (alias !== undefined) names.add(alias);
      else passes = true;
    }
    return passes ? false : undefined;
  });
  return passes;
}

/** Is this node inside a `try` block or a promise chain with `.catch()` (below `boundary`) whose handler keeps the error? */
export function caughtAndKept(context: FileContext, node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== boundary; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && !passesErrorOn(context, parent.handler.param, parent.handler.body)) return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child && propertyName(parent) === 'catch') {
      const handler = parent.parent?.type === AST_NODE_TYPES.CallExpression ? parent.parent.arguments[0] : undefined;
      // `.catch(next)` hands the error on; `.catch(() => undefined)` keeps it.
      if (handler && (handler.type === AST_NODE_TYPES.ArrowFunctionExpression || handler.type === AST_NODE_TYPES.FunctionExpression) && !passesErrorOn(context, handler.params[0], handler.body)) return true;
    }
  }
  return false;
}

/**
 * Is this node part of an `if` test or a ternary's test (and, when asked, a `switch`'s discriminant): a check, not an
 * action?
 */
export function inCondition(node: TSESTree.Node, { switches = false } = {}): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === child) return true;
    if (switches && parent.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === child) return true;
    if (parent.type.endsWith('Statement') || isFunction(parent)) return false;
  }
  return false;
}
