// Bodies built by the application's helpers: `ctx.body = commons.resReturn(null, 400, 'no such project')`, where
// the helper returns `{ errcode, errmsg, data }` from its arguments. Each property is read where its value is
// written: in the helper (a constant) or at the call (an argument).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, keyName, propertyName, unwrap, variableOf, type FileContext, type FunctionNode } from '../resolve/values.js';
import { returnedValues } from '../resolve/returns.js';
import { definitionIn } from './definitions.js';
import { argumentAt, parameterRefOf } from './producers.js';
import { currentFile } from './source-files.js';

export interface ReturnedProperty {
  readonly name: string;
  /** Where the value is written, and the file it is read in. */
  readonly context: FileContext;
  readonly node: TSESTree.Node;
}

/** The one object literal a function returns, if it returns exactly one. */
function returnedObject(context: FileContext, fn: FunctionNode): TSESTree.ObjectExpression | undefined {
  const returned = returnedValues(context, fn);
  return returned.length === 1 && returned[0].type === AST_NODE_TYPES.ObjectExpression ? returned[0] : undefined;
}

/**
 * An object a function fills in before it returns it: `const result = {}; result.ok = false; result.error = err;
 * return result;`. Each property is the value last assigned, or the one taken from a parameter (`error = err` on one
 * branch, `err.toString()` on the other).
 */
function filledObject(context: FileContext, fn: FunctionNode): { name: string; value: TSESTree.Node }[] | undefined {
  const returned = returnedValues(context, fn);
  if (returned.length !== 1 || returned[0].type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, returned[0]);
  const declarator = variable?.defs[0]?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init || unwrap(declarator.init).type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const values = new Map<string, TSESTree.Node>();
  for (const reference of variable!.references) {
    const member = reference.identifier.parent;
    const assignment = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
    const name = propertyName(member);
    if (name === undefined) continue;
    const earlier = values.get(name);
    if (!earlier || !parameterRefOf(fn, earlier)) values.set(name, assignment.right);
  }
  const literal = unwrap(declarator.init) as TSESTree.ObjectExpression;
  const entries: { name: string; value: TSESTree.Node }[] = [];
  for (const property of literal.properties) {
    const name = property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined;
    if (name !== undefined && property.type === AST_NODE_TYPES.Property && !values.has(name)) entries.push({ name, value: property.value });
  }
  for (const [name, value] of values) entries.push({ name, value });
  return entries.length > 0 ? entries : undefined;
}

/**
 * An answer the application keeps as a constant object, here or in another file: `Consts.COMMON_ERROR_RES.ACCESS_DENY`
 * where `export const COMMON_ERROR_RES = { ACCESS_DENY: { isOk: false, errMsg } }`. The object, and the file it is read in.
 */
export function constantObject(context: FileContext, node: TSESTree.Node): { context: FileContext; node: TSESTree.ObjectExpression } | undefined {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression && current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = definitionIn(context, current);
  return definition?.kind === 'object' ? { context: definition.file.context, node: definition.node } : undefined;
}

/**
 * Words the application keeps as a constant, here or in another file: `responses.user_already_exists` where
 * `export const responses = { user_already_exists: 'The user already exists' }`.
 */
export function constantText(context: FileContext, node: TSESTree.Node): string | undefined {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression && current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = definitionIn(context, current);
  return definition?.kind === 'value' && definition.node.type === AST_NODE_TYPES.Literal && typeof definition.node.value === 'string' ? definition.node.value : undefined;
}

/** The properties of the object an app helper returns for this call, or undefined when it is not such a helper. */
export function helperReturnedProperties(context: FileContext, call: TSESTree.CallExpression): ReturnedProperty[] | undefined {
  const definition = definitionIn(context, call.callee);
  if (definition?.kind !== 'function') return undefined;
  const object = returnedObject(definition.file.context, definition.node);
  if (object) return propertiesAtCall(context, call, definition.file.context, definition.node, object);
  // `static error(error) { return new ResponseUtil(null, error) }`: the instance it makes, each property read where
  // its value is written (the constructor, the helper, or this call).
  const made = returnedInstance(definition.file.context, definition.node);
  if (made) return made.map(({ name, context: at, node }) => (at === definition.file.context ? valueAtCall(context, call, at, definition.node, name, node) : { name, context: at, node })).filter((item): item is ReturnedProperty => item !== undefined);
  const filled = filledObject(definition.file.context, definition.node);
  return filled ? filled.map(({ name, value }) => valueAtCall(context, call, definition.file.context, definition.node, name, value)).filter((item): item is ReturnedProperty => item !== undefined) : undefined;
}

/**
 * The results a helper answers with, when it returns several object literals and nothing else (`{ status: 'failed',
 * reason }` on one path, `{ status: 'ok', userId }` on another): each one's properties, read in the helper. A value
 * handed in by the call is left unknown.
 */
export function helperReturnedObjects(context: FileContext, call: TSESTree.CallExpression): ReturnedProperty[][] | undefined {
  const definition = definitionIn(context, call.callee);
  if (definition?.kind !== 'function') return undefined;
  const returned = returnedValues(definition.file.context, definition.node);
  if (returned.length < 2 || !returned.every((value) => value.type === AST_NODE_TYPES.ObjectExpression)) return undefined;
  return (returned as TSESTree.ObjectExpression[]).map((object) => propertiesAtCall(context, call, definition.file.context, definition.node, object));
}

/** The instance a function returns, when it returns exactly one `new` of an application class. */
function returnedInstance(context: FileContext, fn: FunctionNode): ReturnedProperty[] | undefined {
  const returned = returnedValues(context, fn);
  return returned.length === 1 && returned[0].type === AST_NODE_TYPES.NewExpression ? constructedProperties(context, returned[0]) : undefined;
}

/**
 * The properties of an instance of an application class, as its constructor writes them (`constructor(data, error) {
 * this.data = data; this.error = error }`) over its fields' initial values, each read where its value is written:
 * the class, or this `new` (an argument). Undefined for a class that is not the application's, or an error class.
 */
export function constructedProperties(context: FileContext, node: TSESTree.NewExpression): ReturnedProperty[] | undefined {
  const definition = definitionIn(context, node.callee);
  if (definition?.kind !== 'class' || definition.node.superClass || /(?:Error|Exception)$/.test(definition.name)) return undefined;
  const members = definition.node.body.body;
  const constructor = members.find((member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor');
  const values = new Map<string, TSESTree.Node>();
  for (const member of members) {
    const name = member.type === AST_NODE_TYPES.PropertyDefinition && !member.static ? keyName(member) : undefined;
    if (name !== undefined && member.type === AST_NODE_TYPES.PropertyDefinition && member.value) values.set(name, member.value);
  }
  for (const statement of constructor?.value.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const left = statement.expression.left;
    const name = left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(left) : undefined;
    if (name !== undefined) values.set(name, statement.expression.right);
  }
  if (values.size === 0) return undefined;
  const properties: ReturnedProperty[] = [];
  for (const [name, value] of values) {
    const read = constructor && isFunction(constructor.value) ? valueAtCall(context, node, definition.file.context, constructor.value, name, value) : { name, context: definition.file.context, node: value };
    if (read) properties.push(read);
  }
  return properties;
}

/** One property's value, read where it is written: the helper (a constant), or this call (an argument). */
function valueAtCall(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, helper: FileContext, fn: FunctionNode, name: string, value: TSESTree.Node): ReturnedProperty | undefined {
  const ref = parameterRefOf(fn, value);
  if (!ref) return { name, context: helper, node: value };
  // `fail(err = {}, msg = '操作失败')` called as `fail(err)`: the parameter's default is what the helper writes.
  const parameter = fn.params[ref.index];
  if (!ref.property && ref.index >= call.arguments.length && parameter?.type === AST_NODE_TYPES.AssignmentPattern && !call.arguments.some((item) => item.type === AST_NODE_TYPES.SpreadElement)) return { name, context: helper, node: parameter.right };
  const argument = argumentAt(currentFile(context), call.arguments, ref);
  return argument && argument.range && call.arguments.some((item) => item.range[0] <= argument.range[0] && argument.range[1] <= item.range[1]) ? { name, context, node: argument } : undefined;
}

/** The properties of an object literal a helper builds, each read where its value is written: the helper, or this call. */
export function propertiesAtCall(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, helper: FileContext, fn: FunctionNode, object: TSESTree.ObjectExpression): ReturnedProperty[] {
  const properties: ReturnedProperty[] = [];
  for (const property of object.properties) {
    // `{ error: null, ...data }`: the object the call passes, spread over what the helper wrote before it.
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const ref = parameterRefOf(fn, property.argument);
      const argument = ref && !ref.property ? call.arguments[ref.index] : undefined;
      const spread = argument && unwrap(argument);
      if (spread?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const item of spread.properties) {
        const name = item.type === AST_NODE_TYPES.Property ? keyName(item) : undefined;
        if (item.type !== AST_NODE_TYPES.Property || name === undefined) continue;
        const earlier = properties.findIndex((known) => known.name === name);
        if (earlier >= 0) properties.splice(earlier, 1);
        properties.push({ name, context, node: item.value });
      }
      continue;
    }
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = keyName(property);
    if (name === undefined) continue;
    const read = valueAtCall(context, call, helper, fn, name, property.value);
    if (read) properties.push(read);
  }
  return properties;
}
