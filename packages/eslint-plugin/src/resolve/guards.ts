// Conditions a response is sent under, normalized to core GuardEvidence: members read, callees called, lookups tested.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { REQUEST_READ, type GuardEvidence } from '@status-lint/core';
import { destructuredPath, initializerOf, isFunction, isNullish, memberPath, propertyName, shortText, unwrap, unwrapAwait, variableOf, type FileContext } from './values.js';
import { walk } from './walk.js';
import { definitionIn, exportOf } from '../app-model/definitions.js';

/** Does this atom test that something is absent: `x == null`, `x === undefined`, `typeof x === 'undefined'`, `x.length === 0`? */
function testsAbsence(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const equal = current.operator === '==' || current.operator === '===';
  if (!equal) return false;
  if (isNullish(current.right) || isNullish(current.left as TSESTree.Node)) return true;
  if (current.left.type === AST_NODE_TYPES.UnaryExpression && current.left.operator === 'typeof' && current.right.type === AST_NODE_TYPES.Literal && current.right.value === 'undefined') return true;
  if (current.right.type === AST_NODE_TYPES.Literal && (current.right.value === 0 || current.right.value === false)) return true;
  return false;
}

/** "Negated at its top": the response goes out when the thing tested is absent. `flipped` reads `!(test)`. */
export function isNegatedCondition(node: TSESTree.Node, flipped: boolean): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator !== '??') {
    const left = isNegatedCondition(current.left, flipped);
    const right = isNegatedCondition(current.right, flipped);
    const conjunction = (current.operator === '&&') !== flipped;
    return conjunction ? left && right : left || right;
  }
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') return isNegatedCondition(current.argument, !flipped);
  if (current.type === AST_NODE_TYPES.AwaitExpression) return isNegatedCondition(current.argument, flipped);
  const absent = testsAbsence(current);
  return flipped ? !absent : absent;
}

/** Is `identifier` tested for existence here: `x`, `!x`, `x != null`, `x.length`, `x.length > 0`, `count > 0`? */
function isExistenceTest(identifier: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = identifier;
  let parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier && parent.property.name === 'length') {
    node = parent;
    parent = node.parent;
  }
  while (parent && (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.ChainExpression)) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return parent.type !== AST_NODE_TYPES.UnaryExpression || parent.operator === '!';
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === node ? parent.right : parent.left;
      if (isNullish(other)) return true;
      return other.type === AST_NODE_TYPES.Literal && other.value === 0 && ['>', '!==', '!=', '>=', '===', '=='].includes(parent.operator);
    }
    case AST_NODE_TYPES.CallExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Boolean';
    default:
      return false;
  }
}

/** A member chain with its calls: `db.select().from().where().limit` for `db.select().from(t).where(...).limit`. */
function chainText(node: TSESTree.Node, depth = 0): string | undefined {
  const current = unwrap(node);
  if (depth > 12) return undefined;
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = chainText(current.callee, depth + 1);
    return callee === undefined ? undefined : `${callee}()`;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = chainText(current.object, depth + 1);
    const property = propertyName(current);
    return object === undefined || property === undefined ? undefined : `${object}.${property}`;
  }
  return memberPath(current);
}

/** The dotted name of a callee, when it has one; a query-builder chain keeps its calls (`db.select().from().limit`). */
export function calleeText(callee: TSESTree.Node): string | undefined {
  return memberPath(callee) ?? chainText(callee);
}

/** The value a name was declared with, also through destructuring: `const [existing] = await db.select()...`, `const { data: user } = await ...`. */
function declaredFrom(context: FileContext, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const init = initializerOf(context, identifier);
  if (init) return init;
  const variable = variableOf(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const pattern = declarator.id;
  if (!declarator.init || (pattern.type !== AST_NODE_TYPES.ArrayPattern && pattern.type !== AST_NODE_TYPES.ObjectPattern)) return undefined;
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind !== 'const' && variable!.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  return (pattern.type === AST_NODE_TYPES.ArrayPattern && promiseAllElement(pattern, declarator.init, identifier)) || declarator.init;
}

/** `id ? await db.find(id) : null`: the call, when the other branch is nothing. */
function callBesideNothing(conditional: TSESTree.ConditionalExpression): TSESTree.Expression | undefined {
  const [consequent, alternate] = [unwrapAwait(conditional.consequent), unwrapAwait(conditional.alternate)];
  if (isNullish(alternate) && consequent.type === AST_NODE_TYPES.CallExpression) return consequent;
  if (isNullish(consequent) && alternate.type === AST_NODE_TYPES.CallExpression) return alternate;
  return undefined;
}

/**
 * `const [teamAccess, dataroom] = await Promise.all([prisma.userTeam.findUnique(...), prisma.dataroom.findUnique(...)])`:
 * each name holds what its own call of the array answers, not the whole `Promise.all`.
 */
function promiseAllElement(pattern: TSESTree.ArrayPattern, init: TSESTree.Expression, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const index = pattern.elements.findIndex((element) => element?.type === AST_NODE_TYPES.Identifier && element.name === identifier.name);
  const call = unwrapAwait(init);
  if (index < 0 || call.type !== AST_NODE_TYPES.CallExpression || calleeText(call.callee) !== 'Promise.all') return undefined;
  const array = call.arguments[0] && unwrap(call.arguments[0]);
  const element = array?.type === AST_NODE_TYPES.ArrayExpression ? array.elements[index] : undefined;
  return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
}

/**
 * `validations.find((item) => item.key == key)` where `validations` is an array (or object, `Map`, `Set`) whose
 * entries are written in the code: a search of values in hand, not a lookup of stored state, so what it finds is no
 * existing record.
 */
function searchesWrittenCollection(context: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrap(callee.object);
  const collection = receiver.type === AST_NODE_TYPES.Identifier ? initializerOf(context, receiver) : receiver;
  return collection !== undefined && writtenCollection(collection);
}

/** An array, object, `Map` or `Set` whose entries are written out. An empty one (`const rooms = new Map()`, `const users = []`) is filled as the server runs: that is stored state. */
function writtenCollection(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length > 0;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length > 0;
  const seed = value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && ['Map', 'Set'].includes(value.callee.name) && value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
  return seed?.type === AST_NODE_TYPES.ArrayExpression && seed.elements.length > 0;
}

/**
 * `templates[templateName]`, `HANDLERS[type]`: an entry of a table whose entries are written in the code, here or in a
 * module of the application's (`const templates = require('../config/templates')`), read by a key. What is not there
 * is a key the table does not know, not a record that was looked up.
 */
function fixedTableEntry(context: FileContext, member: TSESTree.Node): boolean {
  const current = unwrap(member);
  if (current.type !== AST_NODE_TYPES.MemberExpression || !current.computed || current.property.type === AST_NODE_TYPES.Literal) return false;
  const table = unwrap(current.object);
  if (table.type !== AST_NODE_TYPES.Identifier) return false;
  const init = initializerOf(context, table);
  if (init && writtenCollection(init)) return true;
  let definition = definitionIn(context, table);
  // `require('../config/templates')`: the table is what the module exports.
  if (definition?.kind === 'module') definition = exportOf(definition.file, 'default');
  return definition?.kind === 'object' && definition.node.properties.length > 0;
}

/** The member paths a call is handed: `input.email` in `users.findOne({ email: input.email })`, `req.params.id`. */
/** What a query runs on, handed to a call of its chain: `.load(pool)`, `.transacting(trx)`. */
const CONNECTION_NAME = /^(?:pool|db|conn|connection|client|trx|tx|knex|transaction|manager|em)$/;

function argumentPaths(context: FileContext, call: TSESTree.CallExpression): string[] {
  const paths = new Set<string>();
  // `select().from('customer').where('uuid', '=', req.params.id).load(pool)`, `db('users').where({ id }).first()`: a
  // query built in a chain is keyed by what all its calls are handed, not by the connection it runs on.
  const chain: TSESTree.CallExpression[] = [call];
  for (let current: TSESTree.Node = call; current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression; current = current.callee.object) {
    if (current.callee.object.type === AST_NODE_TYPES.CallExpression) chain.push(current.callee.object);
  }
  const argumentsRead = chain.flatMap((inner) => inner.arguments).filter((argument) => chain.length === 1 || argument.type !== AST_NODE_TYPES.Identifier || !CONNECTION_NAME.test(argument.name));
  for (const argument of argumentsRead)
    walk(context, argument, (node) => {
      if (isFunction(node)) return false;
      // `{ email }` where `const { email } = req.body`: the path it was destructured from, else its name.
      if (node.type === AST_NODE_TYPES.Identifier) {
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return false;
        paths.add(destructuredPath(context, node) ?? aliasedPath(context, node) ?? node.name);
        return false;
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const path = memberPath(node);
      if (path) paths.add(path);
      return path ? false : undefined;
    });
  return [...paths];
}

/** `userId` where `const userId = (session.user as CustomUser).id`: a name that only holds a member of something else. */
function aliasedPath(context: FileContext, identifier: TSESTree.Identifier): string | undefined {
  const init = initializerOf(context, identifier);
  const value = init && unwrap(init);
  return value?.type === AST_NODE_TYPES.MemberExpression ? memberPath(value) : undefined;
}

export function guardEvidence(context: FileContext, test: TSESTree.Node, flipped: boolean): GuardEvidence {
  const members = new Set<string>();
  const direct = new Set<string>();
  const passed = new Set<string>();
  const callees = new Set<string>();
  const lookups: { binding: string; callee: string; keys?: string[] }[] = [];
  const compared = new Set<string>();
  const tableEntries = new Set<string>();
  // Strings the condition compares with (`user.type !== 'admin'`), also in the values of the names it tests.
  const collectCompared = (root: TSESTree.Node): void =>
    walk(context, root, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(node.operator)) {
        for (const side of [node.left, node.right]) {
          const value = unwrap(side);
          if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') compared.add(value.value);
        }
      }
      return undefined;
    });
  collectCompared(test);
  // Inside a call's arguments: members there are handed to a check (`can(req.user, ...)`), not tested.
  let passing = false;
  const addMember = (member: string): void => {
    members.add(member);
    (passing ? passed : direct).add(member);
  };
  walk(context, test, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const name = calleeText(node.callee);
      if (name) callees.add(name);
      // An awaited call tested directly (`if (await User.exists({ email }))`) is a lookup of its own.
      if (name && node.type === AST_NODE_TYPES.CallExpression && node.parent?.type === AST_NODE_TYPES.AwaitExpression && isNegatedCondition(test, flipped) === false) {
        lookups.push({ binding: `${name}(...)`, callee: name });
      }
      const outer = passing;
      passing = true;
      for (const argument of node.arguments) walk(context, argument, (inner) => collect(inner));
      passing = outer;
      if (node.callee.type === AST_NODE_TYPES.MemberExpression) walk(context, node.callee.object, (inner) => collect(inner));
      return false;
    }
    return collect(node);
  });

  function collect(node: TSESTree.Node): boolean | void {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const name = calleeText(node.callee);
      if (name) callees.add(name);
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const path = memberPath(node);
      if (path) {
        addMember(path);
        const root = rootOf(node);
        if (root) addBinding(root);
        return false;
      }
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed) return false;
      if (node.name === 'undefined') return false;
      addMember(node.name);
      addBinding(node);
      return false;
    }
    return undefined;
  }

  function addBinding(identifier: TSESTree.Identifier): void {
    const destructured = destructuredPath(context, identifier);
    if (destructured) addMember(destructured);
    const init = declaredFrom(context, identifier);
    if (!init) return;
    const held = unwrapAwait(init);
    // `const original = categoryId && await prisma.category.findUnique(...)`: what the name holds, once there is an id to
    // look up, is the call's answer.
    // So does `invitationId ? await prisma.invitation.findUnique(...) : null`.
    const guardedCall = held.type === AST_NODE_TYPES.LogicalExpression && held.operator === '&&' ? unwrapAwait(held.right) : held.type === AST_NODE_TYPES.ConditionalExpression ? callBesideNothing(held) : undefined;
    const value = guardedCall?.type === AST_NODE_TYPES.CallExpression ? guardedCall : held;
    // Destructured from a call (`const [existing] = await db.select()...`): the name holds part of its result.
    if (init !== initializerOf(context, identifier) && value.type !== AST_NODE_TYPES.CallExpression) return;
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const path = memberPath(value);
      if (path) addMember(path);
      else if (fixedTableEntry(context, value)) tableEntries.add(identifier.name);
    } else if (value.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeText(value.callee);
      if (!name) return;
      callees.add(name);
      // `const sig = req.headers.get('stripe-signature')`: a value the request carries, no record looked up.
      if (isExistenceTest(identifier) && !REQUEST_READ.test(name) && !searchesWrittenCollection(context, value) && !lookups.some((lookup) => lookup.binding === identifier.name)) {
        const keys = argumentPaths(context, value);
        const onlyIf = held.type === AST_NODE_TYPES.ConditionalExpression && guardedCall === value ? shortText(context, held.test) : undefined;
        lookups.push({ binding: identifier.name, callee: name, ...(keys.length > 0 ? { keys } : {}), ...(onlyIf !== undefined ? { onlyIf } : {}) });
      }
    } else if (value.type === AST_NODE_TYPES.BinaryExpression || value.type === AST_NODE_TYPES.LogicalExpression || value.type === AST_NODE_TYPES.UnaryExpression || value.type === AST_NODE_TYPES.ConditionalExpression) {
      collectCompared(value);
      walk(context, value, (inner) => {
        if (inner.type === AST_NODE_TYPES.MemberExpression) {
          const path = memberPath(inner);
          if (path) addMember(path);
          return path ? false : undefined;
        }
        if (inner.type === AST_NODE_TYPES.CallExpression) {
          const name = calleeText(inner.callee);
          if (name) callees.add(name);
        }
        return undefined;
      });
    }
  }

  const text = shortText(context, test);
  const current = unwrap(test);
  const shown = !flipped ? text : current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!' ? shortText(context, current.argument) : `!(${text})`;
  const passedOnly = [...passed].filter((member) => !direct.has(member));
  return { text: shown, members: [...members], callees: [...callees], lookups, negated: isNegatedCondition(test, flipped), ...(passedOnly.length > 0 ? { passedMembers: passedOnly } : {}), ...(compared.size > 0 ? { comparedStrings: [...compared] } : {}), ...(tableEntries.size > 0 ? { tableEntries: [...tableEntries] } : {}) };
}

function rootOf(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** Identifiers, strings and property names a condition mentions: `ETIMEDOUT`, `AbortError`, `code`. */
export function conditionMarkers(context: FileContext, test: TSESTree.Node, followLocals = true): string[] {
  const markers: string[] = [];
  walk(context, test, (node) => {
    // `const status = get(e, 'response.status'); if (status)`: a local read from the error says what it tests.
    if (followLocals && node.type === AST_NODE_TYPES.Identifier) {
      const init = initializerOf(context, node);
      const read = init ? unwrapAwait(unwrap(init)) : undefined;
      if (read && (read.type === AST_NODE_TYPES.MemberExpression || (read.type === AST_NODE_TYPES.CallExpression && read.arguments.length <= 3))) markers.push(...conditionMarkers(context, read, false));
    }
    // `err.response?.status` also as `response.status`: what is read from the error, whatever it is named.
    if (node.type === AST_NODE_TYPES.MemberExpression && node.parent?.type !== AST_NODE_TYPES.MemberExpression) {
      const path = memberPath(node);
      if (path?.includes('.')) markers.push(path.slice(path.indexOf('.') + 1));
    }
    if (node.type === AST_NODE_TYPES.Identifier) markers.push(node.name);
    else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') markers.push(node.value);
    else if (node.type === AST_NODE_TYPES.TemplateLiteral) for (const quasi of node.quasis) markers.push(quasi.value.raw);
  });
  return markers;
}
