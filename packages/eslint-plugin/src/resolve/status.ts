// The one status resolver: literals, constants, enums, and the named constants of http-status-codes, NestJS and http-status.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { constantNameOfStatus, statusConstantSources, statusOfConstant, statusOfReasonName, type StatusConstantSourceId } from '@status-lint/core';
import { resolveModuleFile } from '../app-model/module-resolution.js';
import { definitionIn } from '../app-model/definitions.js';
import { constantObjectMember, keyName, NO_BINDINGS, propertyName, unwrap, variableOf, type Bindings, type FileContext } from './values.js';

/** How a status is written, so that a suggestion writes the new one the same way. */
export type StatusStyle =
  | { readonly kind: 'literal' }
  /** `StatusCodes.FORBIDDEN`: `objectText` is the code before the last dot. */
  | { readonly kind: 'constant'; readonly source: StatusConstantSourceId; readonly objectText: string }
  /** `FORBIDDEN` imported by name from http-status-codes 1.x. */
  | { readonly kind: 'named-constant'; readonly source: StatusConstantSourceId }
  /** A member of an enum or a constant object in the file: `Status.Forbidden`. */
  | { readonly kind: 'local-table'; readonly objectText: string; readonly entries: ReadonlyMap<number, string> };

export interface ResolvedStatus {
  readonly status: number;
  readonly style: StatusStyle;
}

const LITERAL: StatusStyle = { kind: 'literal' };

/** The names a table of status constants goes by: `statusCodes`, `HttpStatus`, `HTTP_STATUS`, `httpStatusCodes`. */
const STATUS_TABLE_NAME = /^(?:http_?)?status(?:_?codes?)?$|^http_?codes?$/i;

function isStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

/** Which constants package an identifier stands for, and whether it is the table itself or the module namespace. */
function constantTableOf(context: FileContext, identifier: TSESTree.Identifier): { source: StatusConstantSourceId; level: 'table' | 'module' } | undefined {
  const binding = context.imports.binding(identifier.name);
  if (!binding) return undefined;
  const variable = variableOf(context, identifier);
  if (variable && !variable.defs.some((definition) => definition.type === 'ImportBinding' || definition.type === 'Variable')) return undefined;
  for (const source of statusConstantSources) {
    if (!source.modules.includes(binding.source)) continue;
    if (source.exportNames.includes(binding.imported)) return { source: source.id, level: 'table' };
    if (binding.imported === 'default' && source.exportNames.includes('default')) return { source: source.id, level: 'table' };
    if (binding.imported === '*') return { source: source.id, level: source.exportNames.includes('default') ? 'table' : 'module' };
  }
  return undefined;
}

/** The named members of an enum or an object literal, each with the status its value is when a literal one. */
function tableMembers(node: TSESTree.Node): { name: string; status: number | undefined; bareKey: boolean }[] {
  if (node.type === AST_NODE_TYPES.TSEnumDeclaration) {
    const members = (node as TSESTree.TSEnumDeclaration & { body?: { members: TSESTree.TSEnumMember[] } }).body?.members ?? [];
    return members.map((member) => ({
      name: member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : String((member.id as TSESTree.StringLiteral).value),
      status: member.initializer?.type === AST_NODE_TYPES.Literal && isStatus(member.initializer.value) ? member.initializer.value : undefined,
      bareKey: true,
    }));
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const members: { name: string; status: number | undefined; bareKey: boolean }[] = [];
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = keyName(property);
    if (name === undefined) continue;
    const value = unwrap(property.value);
    members.push({ name, status: value.type === AST_NODE_TYPES.Literal && isStatus(value.value) ? value.value : undefined, bareKey: /^[A-Za-z_$][\w$]*$/.test(name) });
  }
  return members;
}

/** Each status of a table with the first member that names it (written `Table.NAME`, so a name a member access can spell). */
function localTableEntries(node: TSESTree.Node): ReadonlyMap<number, string> {
  const entries = new Map<number, string>();
  for (const { name, status, bareKey } of tableMembers(node)) if (status !== undefined && bareKey && !entries.has(status)) entries.set(status, name);
  return entries;
}

/** The status a member of an enum or a constant object names (`BAD_REQUEST = 400`, `BAD_REQUEST: 400`), if a literal one. */
function tableMemberStatus(node: TSESTree.Node, name: string): number | undefined {
  return tableMembers(node).find((member) => member.name === name)?.status;
}

/** What number a status expression means, and how it is written. Undefined when it cannot be known. */
export function resolveStatus(context: FileContext, node: TSESTree.Node, bindings: Bindings = NO_BINDINGS, depth = 0): ResolvedStatus | undefined {
  if (depth > 6) return undefined;
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Literal) return isStatus(current.value) ? { status: current.value, style: LITERAL } : undefined;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(context, current);
    const bound = variable ? bindings.get(variable) : undefined;
    if (bound) return resolveStatus(context, bound, bindings, depth + 1);
    const binding = context.imports.binding(current.name);
    if (binding) {
      for (const source of statusConstantSources) {
        if (source.namedConstants && source.modules.includes(binding.source)) {
          const status = statusOfConstant(source.id, binding.imported);
          if (status !== undefined) return { status, style: { kind: 'named-constant', source: source.id } };
        }
      }
      // `import { INVALID_PAYLOAD } from '../lib/util/httpStatus.js'`, where `export const INVALID_PAYLOAD = 400`.
      const definition = definitionIn(context, current);
      return definition?.kind === 'value' && isStatus(definition.node.value) ? { status: definition.node.value, style: LITERAL } : undefined;
    }
    if (!variable || variable.defs.length !== 1 || variable.defs[0].type !== 'Variable') return undefined;
    const declarator = variable.defs[0].node as TSESTree.VariableDeclarator;
    const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
    if (!declarator.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (declaration?.kind !== 'const' && variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
    const inner = resolveStatus(context, declarator.init, bindings, depth + 1);
    // A local constant (`const FORBIDDEN = 403`) is replaced at its use by the new value, written as its source was.
    return inner && inner.style.kind === 'constant' ? inner : inner ? { status: inner.status, style: LITERAL } : undefined;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    const object = unwrap(current.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const table = constantTableOf(context, object);
      if (table) {
        if (table.level === 'module') {
          // `import * as codes from 'http-status-codes'`: `codes.FORBIDDEN` (1.x names) reads the module itself.
          const source = statusConstantSources.find((item) => item.id === table.source);
          const status = source?.namedConstants ? statusOfConstant(table.source, name) : undefined;
          return status !== undefined ? { status, style: { kind: 'constant', source: table.source, objectText: context.sourceCode.getText(object) } } : undefined;
        }
        const status = statusOfConstant(table.source, name);
        return status !== undefined ? { status, style: { kind: 'constant', source: table.source, objectText: context.sourceCode.getText(object) } } : undefined;
      }
      const variable = variableOf(context, object);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type === 'TSEnumName') {
        const entries = localTableEntries(definition.node);
        const status = [...entries].find(([, member]) => member === name)?.[0];
        return status !== undefined ? { status, style: { kind: 'local-table', objectText: object.name, entries } } : undefined;
      }
      // `ErrorNotFound.httpCode`: a static field of a class in this file (`static httpCode = 404`).
      if (definition?.type === 'ClassName') {
        const field = (definition.node as TSESTree.ClassDeclaration).body.body.find((element): element is TSESTree.PropertyDefinition => element.type === AST_NODE_TYPES.PropertyDefinition && element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name);
        const inner = field?.value ? resolveStatus(context, field.value, bindings, depth + 1) : undefined;
        return inner ? { status: inner.status, style: LITERAL } : undefined;
      }
    }
    // `statusCodes.internalError` of a package of status constants this project does not know by name
    // (`@defra/cdp-validation-kit`): the member's name is its reason phrase.
    if (object.type === AST_NODE_TYPES.Identifier && STATUS_TABLE_NAME.test(object.name)) {
      const binding = context.imports.binding(object.name);
      if (binding && !binding.source.startsWith('.') && resolveModuleFile(context.filename, binding.source) === undefined) {
        const status = statusOfReasonName(name);
        return status !== undefined ? { status, style: LITERAL } : undefined;
      }
    }
    // `HttpStatus.BAD_REQUEST` of the application's own enum or constant object in another file.
    if (object.type === AST_NODE_TYPES.Identifier && context.imports.binding(object.name)) {
      const definition = definitionIn(context, object);
      if (definition?.kind !== 'enum' && definition?.kind !== 'object') return undefined;
      const status = tableMemberStatus(definition.node, name);
      return status !== undefined ? { status, style: { kind: 'local-table', objectText: object.name, entries: localTableEntries(definition.node) } } : undefined;
    }
    if (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.Identifier) {
      // `codes.StatusCodes.FORBIDDEN` through a namespace import.
      const table = constantTableOf(context, object.object);
      const exportName = propertyName(object);
      const source = table ? statusConstantSources.find((item) => item.id === table.source) : undefined;
      if (table?.level === 'module' && source && exportName && source.exportNames.includes(exportName)) {
        const status = statusOfConstant(table.source, name);
        return status !== undefined ? { status, style: { kind: 'constant', source: table.source, objectText: context.sourceCode.getText(object) } } : undefined;
      }
    }
    const value = constantObjectMember(context, current, bindings);
    if (value) {
      const inner = resolveStatus(context, value, bindings, depth + 1);
      if (!inner) return undefined;
      if (inner.style.kind !== 'literal') return inner;
      let holder: TSESTree.Node = unwrap(current.object);
      if (holder.type === AST_NODE_TYPES.Identifier) {
        const variable = variableOf(context, holder);
        const declarator = variable?.defs[0]?.node;
        if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init) holder = unwrap(declarator.init);
      }
      return { status: inner.status, style: { kind: 'local-table', objectText: context.sourceCode.getText(current.object), entries: localTableEntries(holder) } };
    }
  }
  return undefined;
}

/** The new status written in the style of the old one: `StatusCodes.FORBIDDEN` for `StatusCodes.UNAUTHORIZED`. */
export function writeStatus(style: StatusStyle | undefined, status: number): string {
  if (!style) return String(status);
  switch (style.kind) {
    case 'literal':
      return String(status);
    case 'constant': {
      const name = constantNameOfStatus(style.source, status);
      return name ? `${style.objectText}.${name}` : String(status);
    }
    case 'named-constant':
      return String(status);
    case 'local-table': {
      const name = style.entries.get(status);
      return name ? `${style.objectText}.${name}` : String(status);
    }
  }
}

/** The style to write an implicit status in: the file's constants object when it imports one. */
export function preferredStyle(context: FileContext): StatusStyle {
  for (const [local, binding] of context.imports.bindings) {
    for (const source of statusConstantSources) {
      if (source.modules.includes(binding.source) && (source.exportNames.includes(binding.imported) || (binding.imported === 'default' && source.exportNames.includes('default')))) {
        return { kind: 'constant', source: source.id, objectText: local };
      }
    }
  }
  return LITERAL;
}

/**
 * The status a name holds where a condition on the path fixed it: `res.status(status)` inside `if (status === 200)`,
 * or after `if (status !== 200 || !data) return ...`. Only for a name written once (`const [status] = await
 * proxy(url)`): a name assigned again may hold another value by the time it is sent. The path's conditions are
 * asked for only when the status is such a name.
 */
export function narrowedStatus(context: FileContext, node: TSESTree.Node, pathConditions: () => readonly { readonly test: TSESTree.Node; readonly flipped: boolean }[]): ResolvedStatus | undefined {
  const name = unwrap(node);
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(context, name);
  if (!variable || variable.references.filter((reference) => reference.isWrite()).length > 1 || variable.defs.some((definition) => definition.type === 'Parameter')) return undefined;
  const implied = (test: TSESTree.Node, flipped: boolean): number | undefined => {
    const current = unwrap(test);
    if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') return implied(current.argument, !flipped);
    // `a && b` holds both; `!(a || b)` holds neither.
    if (current.type === AST_NODE_TYPES.LogicalExpression && ((current.operator === '&&' && !flipped) || (current.operator === '||' && flipped))) return implied(current.left, flipped) ?? implied(current.right, flipped);
    if (current.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
    const equal = current.operator === '===' || current.operator === '==';
    const unequal = current.operator === '!==' || current.operator === '!=';
    if (!(equal && !flipped) && !(unequal && flipped)) return undefined;
    const [left, right] = [unwrap(current.left), unwrap(current.right)];
    const value = left.type === AST_NODE_TYPES.Identifier && left.name === name.name ? right : right.type === AST_NODE_TYPES.Identifier && right.name === name.name ? left : undefined;
    return value?.type === AST_NODE_TYPES.Literal && isStatus(value.value) ? value.value : undefined;
  };
  for (const { test, flipped } of pathConditions()) {
    const status = implied(test, flipped);
    if (status !== undefined) return { status, style: LITERAL };
  }
  return undefined;
}
