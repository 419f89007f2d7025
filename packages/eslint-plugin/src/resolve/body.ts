// Response bodies as core BodyShapes: object literals, strings, templates, caught errors, `JSON.stringify(...)`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { nestExceptionStatuses, type BodyProperty, type BodyShape, type ValueShape } from '@status-lint/core';
import { constantObject, constantText, constructedProperties, helperReturnedObjects, helperReturnedProperties, type ReturnedProperty } from '../app-model/returned-bodies.js';
import { followBinding, isFunction, keyName, memberPath, NO_BINDINGS, propertyName, staticNumber, staticText, unwrap, unwrapAwait, variableOf, withoutNegation, type Bindings, type FileContext, type Variable } from './values.js';
import { inCondition } from './path.js';
import { forwardedOkOf } from './upstream.js';
import { inValidationFailureBranch } from './validation-branch.js';

/** Is this variable an error caught by a `catch`, a `.catch(err => ...)`, or an error handler's first parameter? */
export function isCaughtErrorVariable(variable: Variable): boolean {
  const definition = variable.defs[0];
  if (!definition) return false;
  if (definition.type === 'CatchClause') return true;
  if (definition.type !== 'Parameter') return false;
  const fn = definition.node as TSESTree.Node;
  if (!isFunction(fn)) return false;
  const index = fn.params.findIndex((parameter) => {
    const id = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    return id.type === AST_NODE_TYPES.Identifier && id.name === variable.name;
  });
  if (index !== 0) return false;
  // Error middleware `(err, req, res, next)`, Hono/Fastify error handlers `(err, c)`, `(error, request, reply)`.
  if (fn.params.length === 4) return true;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && !parent.callee.computed && parent.callee.property.type === AST_NODE_TYPES.Identifier) {
    const method = parent.callee.property.name;
    if (method === 'catch' && parent.arguments[0] === fn) return true;
    if (method === 'then' && parent.arguments[1] === fn) return true;
    if ((method === 'onError' || method === 'setErrorHandler') && parent.arguments[0] === fn) return true;
  }
  return /^(?:err|error|e|ex|exception)$/i.test(variable.name) && fn.params.length >= 2 && fn.params.length <= 3 && /^(?:setErrorHandler|onError|catch)$/.test(parentMethod(fn) ?? '');
}

function parentMethod(fn: TSESTree.Node): string | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && parent.callee.property.type === AST_NODE_TYPES.Identifier) return parent.callee.property.name;
  return undefined;
}

/** Does this expression carry a caught error: `err`, `err.message`, `String(err)`, `err.toString()`, `` `${err}` ``? */
export function isCaughtErrorValue(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS, depth = 0): boolean {
  if (depth > 4) return false;
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, current);
    if (!variable) return false;
    const bound = bindings.get(variable);
    if (bound) return isCaughtErrorValue(context, bound, bindings, depth + 1);
    return isCaughtErrorVariable(variable);
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const path = memberPath(current);
    if (path && /\.(?:message|stack|toString|name)$/.test(path)) return isCaughtErrorValue(context, current.object, bindings, depth + 1);
    return false;
  }
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && current.arguments[0]) return isCaughtErrorValue(context, current.arguments[0], bindings, depth + 1);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberPath(callee)?.endsWith('.toString')) return isCaughtErrorValue(context, callee.object, bindings, depth + 1);
    return false;
  }
  if (current.type === AST_NODE_TYPES.TemplateLiteral && current.quasis.every((quasi) => quasi.value.raw.trim() === '') && current.expressions.length === 1) {
    return isCaughtErrorValue(context, current.expressions[0], bindings, depth + 1);
  }
  // `error instanceof Error ? error.message : 'Unknown error'`, `err.message || String(err)`: the error, whichever way it is told.
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    const branches = [current.consequent, current.alternate];
    return branches.some((branch) => isCaughtErrorValue(context, branch, bindings, depth + 1)) && branches.every((branch) => isCaughtErrorValue(context, branch, bindings, depth + 1) || staticText(context, branch, bindings) !== undefined);
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression && (current.operator === '||' || current.operator === '??')) {
    return isCaughtErrorValue(context, current.left, bindings, depth + 1) && (isCaughtErrorValue(context, current.right, bindings, depth + 1) || staticText(context, current.right, bindings) !== undefined);
  }
  return false;
}

/** An error name (`err`, `error`, `dbError`): what a result tuple or object calls the failure (`const [err, res] = await to(p)`). */
const ERROR_NAME = /^(?:e|err|error|ex|exception)$|(?:Err|Error)$/;

/**
 * `if (err) return { err }`, `if (error) return res.json({ error: error.message })`, `if (result.err) return { error:
 * result.err.message }`: an error value (or what it says) the branch it is sent in found present.
 */
function errorTestedPresent(node: TSESTree.Node): boolean {
  // The error itself or a member of it: `error`, `error.message`, `result.err`, `result.err.message`.
  const paths: string[] = [];
  for (let current: TSESTree.Node = node; ; current = (current as TSESTree.MemberExpression).object) {
    const path = current.type === AST_NODE_TYPES.Identifier ? current.name : current.type === AST_NODE_TYPES.MemberExpression ? memberPath(current) : undefined;
    if (path === undefined) break;
    if (ERROR_NAME.test(path.split('.').pop() ?? '')) paths.push(path);
    if (current.type !== AST_NODE_TYPES.MemberExpression || current.computed) break;
  }
  if (paths.length === 0) return false;
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    // `if (err) ...`, or the `else` of `if (!err) ...`.
    if (parent.type === AST_NODE_TYPES.IfStatement && (child === parent.consequent || child === parent.alternate)) {
      const { node: test, negated } = withoutNegation(parent.test, child === parent.alternate);
      const tested = test.type === AST_NODE_TYPES.Identifier ? test.name : test.type === AST_NODE_TYPES.MemberExpression ? memberPath(test) : undefined;
      if (!negated && tested !== undefined && paths.includes(tested)) return true;
    }
  }
  return false;
}

/** `errors`, `errors.array()`, `errors.mapped()` of a validation's errors, sent in the branch that found them. */
function validationErrorsFound(context: FileContext, node: TSESTree.Node): boolean {
  const current = unwrap(node);
  const root = current.type === AST_NODE_TYPES.Identifier ? current : current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && current.callee.object.type === AST_NODE_TYPES.Identifier ? current.callee.object : undefined;
  return root !== undefined && /^(?:errors|\w+Errors)$/.test(root.name) && inValidationFailureBranch(context, node);
}

function valueShape(context: FileContext, node: TSESTree.Node, bindings: Bindings, depth: number): { value: ValueShape; required: boolean } {
  if (isCaughtErrorValue(context, node, bindings) || errorTestedPresent(node)) return { value: { kind: 'error-value' }, required: true };
  // `errors.array()` in the branch of `if (!errors.isEmpty())`: the errors the branch found, so they are there.
  if (validationErrorsFound(context, node)) return { value: { kind: 'unknown' }, required: true };
  const current = followBinding(context, node, bindings);
  if (current.type === AST_NODE_TYPES.Literal) {
    const value = current.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value: { kind: 'literal', value }, required: true };
    return { value: { kind: 'unknown' }, required: false };
  }
  if (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') return { value: { kind: 'literal', value: null }, required: true };
  // Also the words a translation is handed (`t('errors.user_exists')`, t`User already exists`).
  if (current.type === AST_NODE_TYPES.TemplateLiteral || current.type === AST_NODE_TYPES.BinaryExpression || current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.TaggedTemplateExpression || current.type === AST_NODE_TYPES.CallExpression) {
    const text = staticText(context, current, bindings) ?? (current.type === AST_NODE_TYPES.MemberExpression ? constantText(context, current) : undefined);
    if (text !== undefined) return { value: { kind: 'literal', value: text }, required: true };
  }
  // `message: INSUFFICIENT_PERMISSIONS` of `const { MSGS: { INSUFFICIENT_PERMISSIONS } } = require('../helpers/constants')`.
  if (current.type === AST_NODE_TYPES.Identifier) {
    const text = constantText(context, current);
    if (text !== undefined) return { value: { kind: 'literal', value: text }, required: true };
  }
  if (current.type === AST_NODE_TYPES.ArrayExpression) {
    const written = current.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement);
    // The items' own words (`errors: ['urls must be an array']`) say what failed.
    const items = depth < 4 ? written.slice(0, 20).map((element) => valueShape(context, element, bindings, depth + 1).value) : undefined;
    return { value: { kind: 'array', empty: current.elements.length === 0, nonEmpty: written.length > 0, items }, required: true };
  }
  if (current.type === AST_NODE_TYPES.ObjectExpression && depth < 4) return { value: { kind: 'object', shape: bodyShape(context, current, bindings, depth + 1) }, required: true };
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!' && current.argument.type === AST_NODE_TYPES.Literal) {
    return { value: { kind: 'literal', value: !current.argument.value }, required: true };
  }
  // `mapTestConnectionError(result.error)`, `String(err)`: made from an error, so there is one to describe.
  if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && (isCaughtErrorValue(context, argument, bindings) || /(?:^|\.)(?:error|err)$/.test(memberPath(argument) ?? '') && argument.type === AST_NODE_TYPES.MemberExpression))) {
    return { value: { kind: 'error-value' }, required: true };
  }
  // A value that is only known at run time may be null: it proves neither presence nor absence.
  return { value: { kind: 'unknown' }, required: false };
}

/** An object body whose properties are written in several files (a helper's literal, its caller's arguments). */
export function shapeOfProperties(context: FileContext, properties: readonly ReturnedProperty[], bindings: Bindings = NO_BINDINGS, depth = 0): BodyShape {
  return { kind: 'object', properties: properties.map((property) => ({ name: property.name, ...valueShape(property.context, property.node, property.context === context ? bindings : NO_BINDINGS, depth) })) };
}

/**
 * A call that cannot be followed, handed an error status and a message (`yapi.commons.resReturn(null, 400, msg)`,
 * `R.fail(500, e.message)`): the envelope it builds says which status the failure has. Both are needed: a number alone
 * may be a limit (`getUsers(500)`).
 */
function statusHandedToCall(context: FileContext, call: TSESTree.CallExpression, bindings: Bindings): { status: number; callee: string; message?: string } | undefined {
  let status: number | undefined;
  let message: string | undefined;
  let messageGiven = false;
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const number = staticNumber(context, argument, bindings);
    if (number !== undefined && Number.isInteger(number) && number >= 400 && number <= 599) status ??= number;
    const text = staticText(context, argument, bindings);
    if (text !== undefined && /[a-z\u00C0-\uFFFF]/i.test(text)) {
      message ??= text;
      messageGiven = true;
    } else if (isCaughtErrorValue(context, argument, bindings) || /(?:^|\.)(?:message|msg)$/.test(memberPath(argument) ?? '')) messageGiven = true;
  }
  const callee = memberPath(call.callee);
  return status !== undefined && messageGiven && callee ? { status, callee, ...(message !== undefined ? { message } : {}) } : undefined;
}

/** Is the name a body is sent by tested anywhere (`if (!result.success)`, `result.ok ? ... : ...`, `if ('error' in result)`)? */
function testedResult(context: FileContext, node: TSESTree.Node): boolean {
  const name = unwrapAwait(node);
  const variable = name.type === AST_NODE_TYPES.Identifier ? variableOf(context, name) : null;
  if (!variable) return false;
  return variable.references.some((reference) => inCondition(reference.identifier as TSESTree.Node, { switches: true }));
}

/** Props of a page component that say how what was asked went: `error`, `errors`, `errorMessage`, `message`, `alert`. */
const PAGE_OUTCOME_PROP = /^(?:errors?|error_?message|err|message|alert|notice|warning|flash|problem|success|ok)$/i;

/**
 * The page a component renders, as the properties it is handed: `<OtpPage errors={{ token: 'Invalid token.' }} />`. Only
 * a component of the application (a capitalized name), whose props say what the page shows; not an HTML element.
 */
function pageShape(context: FileContext, element: TSESTree.JSXElement, bindings: Bindings, depth: number): BodyShape {
  const name = element.openingElement.name;
  if (name.type !== AST_NODE_TYPES.JSXIdentifier || !/^[A-Z]/.test(name.name)) return { kind: 'unknown' };
  const properties: BodyProperty[] = [];
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== AST_NODE_TYPES.JSXAttribute || attribute.name.type !== AST_NODE_TYPES.JSXIdentifier || !attribute.value) continue;
    const value = attribute.value.type === AST_NODE_TYPES.JSXExpressionContainer ? attribute.value.expression : attribute.value;
    if (value.type === AST_NODE_TYPES.JSXEmptyExpression) continue;
    // What the page says of the outcome; its other props (`next`, `title`, `user`) are how it is drawn, not data sent.
    // Also said inside a prop: `tfa={{ totp, error: 'The code you entered is invalid.' }}`.
    const said: [string, TSESTree.Node][] = PAGE_OUTCOME_PROP.test(attribute.name.name)
      ? [[attribute.name.name, value]]
      : value.type === AST_NODE_TYPES.ObjectExpression
        ? value.properties.flatMap((item): [string, TSESTree.Node][] => (item.type === AST_NODE_TYPES.Property && PAGE_OUTCOME_PROP.test(keyName(item) ?? '') ? [[keyName(item)!, item.value]] : []))
        : [];
    for (const [key, node] of said) {
      const shape = valueShape(context, node as TSESTree.Expression, bindings, depth);
      properties.push({ name: key, value: shape.value, required: shape.required });
    }
  }
  return { kind: 'object', properties };
}

/** The shape of a body expression. */
export function bodyShape(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS, depth = 0): BodyShape {
  // `fs.unlink(file, (err) => { if (err) res.send(err) })`: the error a callback was handed, sent in the branch that found it.
  if (isCaughtErrorValue(context, node, bindings) || errorTestedPresent(unwrap(node))) return { kind: 'caught-error' };
  // `const result = await updateUserEmail(...)`: the call awaited.
  let current = unwrapAwait(followBinding(context, unwrapAwait(node), bindings));
  // `JSON.stringify({ error })` sends the object.
  if (current.type === AST_NODE_TYPES.CallExpression && memberPath(current.callee) === 'JSON.stringify' && current.arguments[0]) {
    current = followBinding(context, current.arguments[0], bindings);
    if (isCaughtErrorValue(context, current, bindings)) return { kind: 'caught-error' };
  }
  // `ctx.body = Consts.COMMON_ERROR_RES.ACCESS_DENY`: an answer kept as a constant, read where it is written.
  const constant = depth < 4 ? constantObject(context, current) : undefined;
  if (constant) return bodyShape(constant.context, constant.node, NO_BINDINGS, depth + 1);
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    const properties: BodyProperty[] = [];
    for (const property of current.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = keyName(property);
      if (name === undefined) continue;
      const { value, required } = valueShape(context, property.value, bindings, depth);
      properties.push({ name, value, required });
    }
    // `res.json({ success: result.ok })` after `fetch(...)`: false whenever the other service failed, with a 200.
    const mirrored = current.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && /^(?:success|ok)$/.test(keyName(property) ?? '') && forwardedOkOf(context, property.value) !== undefined);
    if (mirrored) {
      const name = keyName(mirrored)!;
      const withFlag = (flag: boolean): BodyShape => ({ kind: 'object', properties: properties.map((item) => (item.name === name ? { name, value: { kind: 'literal', value: flag }, required: true } : item)) });
      return { kind: 'unknown', alternatives: [withFlag(true), withFlag(false)] };
    }
    return { kind: 'object', properties };
  }
  if (current.type === AST_NODE_TYPES.ArrayExpression) return { kind: 'array' };
  // `c.html(<OtpPage next={next} errors={{ token: 'Invalid token.' }} />)`: a page component, shaped by what it is handed.
  if (current.type === AST_NODE_TYPES.JSXElement) return pageShape(context, current, bindings, depth);
  if (current.type === AST_NODE_TYPES.Literal && (current.value === null || current.value === false)) return { kind: 'unknown', nothing: true };
  // `res.json(404)`: an error status written where the body goes, sent as the body of a 200.
  const sender = node.parent;
  if (current === node && current.type === AST_NODE_TYPES.Literal && typeof current.value === 'number' && Number.isInteger(current.value) && current.value >= 400 && current.value <= 599 && sender?.type === AST_NODE_TYPES.CallExpression && sender.arguments.length === 1 && sender.arguments[0] === node && sender.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(sender.callee) === 'json') {
    return { kind: 'object', properties: [], errorStatus: { status: current.value, callee: memberPath(sender.callee) ?? 'json' } };
  }
  // A body an app helper builds from its arguments (`resReturn(null, 400, msg)` -> `{ errcode, errmsg, data }`).
  if (current.type === AST_NODE_TYPES.CallExpression && depth < 4) {
    const returned = helperReturnedProperties(context, current);
    if (returned) return shapeOfProperties(context, returned, bindings, depth + 1);
    // A helper that answers with one of several results: each is a shape the body may have. Not when the handler
    // tests the result it holds (`if (!result.success) return c.json(..., 404)`): its failures are answered apart.
    const results = testedResult(context, node) ? undefined : helperReturnedObjects(context, current);
    if (results) return { kind: 'unknown', alternatives: results.map((properties) => shapeOfProperties(context, properties, bindings, depth + 1)) };
    const errorStatus = statusHandedToCall(context, current, bindings);
    if (errorStatus) return { kind: 'object', properties: [], errorStatus: { status: errorStatus.status, callee: errorStatus.callee }, ...(errorStatus.message !== undefined ? { text: errorStatus.message } : {}) };
    // `prettyObject(e)`, `serializeError(err)`: the caught error, formatted.
    if (current.arguments.length === 1 && isCaughtErrorValue(context, current.arguments[0], bindings)) return { kind: 'caught-error' };
  }
  const text = staticText(context, current, bindings);
  if (text !== undefined) return { kind: 'text', text };
  // `new ResponseUtil(null, 'Bucket not found')`: an instance of the application's own answer class.
  const constructed = current.type === AST_NODE_TYPES.NewExpression && depth < 4 ? constructedProperties(context, current) : undefined;
  if (constructed) return shapeOfProperties(context, constructed, bindings, depth + 1);
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && /(?:Error|Exception)$/.test(current.callee.name)) {
    // `new BadRequestException('...')` handed back as a value: an error object whose class names its status.
    const binding = context.imports.binding(current.callee.name);
    const status = binding && context.imports.isFrom(current.callee.name, ['@nestjs/common']) && Object.hasOwn(nestExceptionStatuses, binding.imported) ? nestExceptionStatuses[binding.imported] : undefined;
    const message = current.arguments[0] ? staticText(context, current.arguments[0], bindings) : undefined;
    if (status !== undefined) return { kind: 'object', properties: [], errorStatus: { status, callee: `new ${current.callee.name}` }, ...(message !== undefined ? { text: message } : {}) };
    return { kind: 'caught-error' };
  }
  return { kind: 'unknown' };
}
