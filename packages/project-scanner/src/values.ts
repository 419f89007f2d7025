// What an expression stands for across the project: a function, a class, an instance, an object, a router binding, or a package export.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isFunction, propertyName, unwrap, variableOf, keyName, type FunctionNode } from '@status-lint/eslint-plugin/analysis';
import type { AnalyzedFile, ProjectIndex } from './project.js';

export type Target =
  | { readonly kind: 'function'; readonly file: AnalyzedFile; readonly fn: FunctionNode; readonly name: string }
  | { readonly kind: 'class'; readonly file: AnalyzedFile; readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression }
  | { readonly kind: 'instance'; readonly file: AnalyzedFile; readonly of: Target }
  | { readonly kind: 'object'; readonly file: AnalyzedFile; readonly node: TSESTree.ObjectExpression }
  /** A variable or parameter whose value is something else (a router, a call result): `node` is its name's identifier. */
  | { readonly kind: 'binding'; readonly file: AnalyzedFile; readonly node: TSESTree.Identifier; readonly init?: TSESTree.Node; readonly parameterOf?: FunctionNode }
  | { readonly kind: 'module'; readonly file: AnalyzedFile }
  /** An export of a package: `source` as written, `imported` the export (`default`, `*`), `members` read after it. */
  | { readonly kind: 'external'; readonly source: string; readonly imported: string; readonly members: readonly string[] }
  | { readonly kind: 'call'; readonly file: AnalyzedFile; readonly node: TSESTree.CallExpression | TSESTree.NewExpression };

const MAX_DEPTH = 8;

function functionName(fn: FunctionNode): string {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return 'handler';
}

export class ValueResolver {
  constructor(private readonly project: ProjectIndex) {}

  /** What a top-level export of a file is, following re-exports. */
  resolveExport(file: AnalyzedFile, name: string, depth = 0): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const statement of file.program.body) {
      if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default') {
        const declaration = statement.declaration;
        if (isFunction(declaration as TSESTree.Node)) return { kind: 'function', file, fn: declaration as FunctionNode, name: 'default' };
        if (declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', file, node: declaration };
        return this.resolveExpression(file, declaration as TSESTree.Node, depth + 1);
      }
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
        const declaration = statement.declaration;
        if (declaration) {
          if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return { kind: 'function', file, fn: declaration, name };
          if (declaration.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === name) return { kind: 'class', file, node: declaration };
          if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) return this.resolveExpression(file, declarator.id, depth + 1);
            }
          }
          continue;
        }
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          if (exported !== name) continue;
          const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : String(specifier.local.value);
          if (statement.source) {
            const target = this.fileOf(file, statement.source.value);
            return target ? this.resolveExport(target, local, depth + 1) : { kind: 'external', source: statement.source.value, imported: local, members: [] };
          }
          return this.resolveTopLevel(file, local, depth + 1);
        }
      }
      if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported && name !== 'default') {
        const target = this.fileOf(file, statement.source.value);
        const found = target ? this.resolveExport(target, name, depth + 1) : undefined;
        if (found) return found;
      }
      // `module.exports = router` / `export = router`.
      if (name === 'default' && statement.type === AST_NODE_TYPES.TSExportAssignment) return this.resolveExpression(file, statement.expression, depth + 1);
      if (name === 'default' && statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
        const left = statement.expression.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'module' && propertyName(left) === 'exports') {
          return this.resolveExpression(file, statement.expression.right, depth + 1);
        }
      }
    }
    return undefined;
  }

  fileOf(from: AnalyzedFile, specifier: string): AnalyzedFile | undefined {
    const path = this.project.resolveModule(from.file, specifier);
    return path ? this.project.analysis(path) : undefined;
  }

  private resolveTopLevel(file: AnalyzedFile, name: string, depth: number): Target | undefined {
    const variable = this.project.topLevelVariable(file, name);
    const definition = variable?.defs[0];
    if (!definition) return undefined;
    return this.resolveExpression(file, definition.name as TSESTree.Identifier, depth);
  }

  /** What an expression in a file stands for. */
  resolveExpression(file: AnalyzedFile, node: TSESTree.Node, depth = 0): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const current = unwrap(node);
    if (isFunction(current)) return { kind: 'function', file, fn: current, name: functionName(current) };
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(file, current, depth);
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.ClassDeclaration:
        return { kind: 'class', file, node: current };
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', file, node: current };
      case AST_NODE_TYPES.NewExpression: {
        const of = this.resolveExpression(file, current.callee, depth + 1);
        return of?.kind === 'class' ? { kind: 'instance', file, of } : of?.kind === 'external' ? { ...of, members: [...of.members, '()'] } : { kind: 'call', file, node: current };
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = this.resolveExpression(file, current.callee, depth + 1);
        if (callee?.kind === 'external') return { ...callee, members: [...callee.members, '()'] };
        return { kind: 'call', file, node: current };
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolveExpression(file, current.argument, depth + 1);
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(current);
        if (name === undefined) return undefined;
        const object = unwrap(current.object);
        const owner = object.type === AST_NODE_TYPES.ThisExpression ? this.thisTarget(file, object) : this.resolveExpression(file, object, depth + 1);
        return owner ? this.member(owner, name, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private resolveIdentifier(file: AnalyzedFile, identifier: TSESTree.Identifier, depth: number): Target | undefined {
    const variable = variableOf(file.context, identifier);
    const definition = variable?.defs[0];
    if (!definition) return undefined;
    switch (definition.type) {
      case 'ImportBinding': {
        const declaration = definition.parent as TSESTree.ImportDeclaration;
        const specifier = definition.node;
        const imported =
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : specifier.type === AST_NODE_TYPES.ImportSpecifier ? (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value)) : '*';
        const source = declaration.source?.value ?? '';
        const target = this.fileOf(file, source);
        if (!target) return { kind: 'external', source, imported, members: [] };
        return imported === '*' ? { kind: 'module', file: target } : this.resolveExport(target, imported, depth + 1);
      }
      case 'FunctionName':
        return { kind: 'function', file, fn: definition.node as FunctionNode, name: identifier.name };
      case 'ClassName':
        return { kind: 'class', file, node: definition.node as TSESTree.ClassDeclaration };
      case 'Variable': {
        const declarator = definition.node as TSESTree.VariableDeclarator;
        const init = declarator.init ? unwrap(declarator.init) : undefined;
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        if (init && (isFunction(init) || init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ClassExpression)) return this.resolveExpression(file, init, depth + 1);
        if (init && init.type === AST_NODE_TYPES.NewExpression) {
          const of = this.resolveExpression(file, init.callee, depth + 1);
          if (of?.kind === 'class') return { kind: 'instance', file, of };
        }
        if (init && init.type === AST_NODE_TYPES.Identifier) {
          const aliased = this.resolveExpression(file, init, depth + 1);
          if (aliased && aliased.kind !== 'binding') return aliased;
        }
        return { kind: 'binding', file, node: declarator.id, init };
      }
      case 'Parameter': {
        const fn = definition.node as FunctionNode;
        return { kind: 'binding', file, node: identifier.parent?.type === AST_NODE_TYPES.TSParameterProperty ? identifier : (definition.name as TSESTree.Identifier), parameterOf: fn };
      }
      default:
        return undefined;
    }
  }

  /** `this` inside a class method: an instance of that class. */
  private thisTarget(file: AnalyzedFile, node: TSESTree.Node): Target | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) {
        const owner = current.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
        return { kind: 'instance', file, of: { kind: 'class', file, node: owner } };
      }
    }
    return undefined;
  }

  /** A member of what an expression stands for: a method, a property's value, an export. */
  member(owner: Target, name: string, depth = 0): Target | undefined {
    switch (owner.kind) {
      case 'module':
        return this.resolveExport(owner.file, name, depth + 1);
      case 'external':
        return { ...owner, members: [...owner.members, name] };
      case 'object': {
        for (const property of owner.node.properties) {
          if (property.type === AST_NODE_TYPES.Property && keyName(property) === name) return this.resolveExpression(owner.file, property.value, depth + 1);
        }
        return undefined;
      }
      case 'instance':
      case 'class': {
        const cls = owner.kind === 'instance' ? owner.of : owner;
        if (cls.kind !== 'class') return undefined;
        return this.classMember(cls.file, cls.node, name, owner.kind === 'class', depth + 1);
      }
      default:
        return undefined;
    }
  }

  private classMember(file: AnalyzedFile, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, isStatic: boolean, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const element of node.body.body) {
      if (element.type === AST_NODE_TYPES.MethodDefinition && keyName(element) === name && element.static === isStatic && element.kind === 'method' && element.value.type === AST_NODE_TYPES.FunctionExpression) {
        return { kind: 'function', file, fn: element.value, name };
      }
      if (element.type === AST_NODE_TYPES.PropertyDefinition && keyName(element) === name && element.static === isStatic) {
        if (element.value) return this.resolveExpression(file, element.value, depth + 1);
        const typed = this.typeTarget(file, element.typeAnnotation?.typeAnnotation, depth);
        if (typed) return typed;
      }
      // `constructor(private readonly users: UsersService)`.
      if (!isStatic && element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const parameter of element.value.params) {
          if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = parameter.parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return this.typeTarget(file, inner.typeAnnotation?.typeAnnotation, depth);
        }
      }
    }
    if (node.superClass) {
      const base = this.resolveExpression(file, node.superClass, depth + 1);
      if (base?.kind === 'class') return this.classMember(base.file, base.node, name, isStatic, depth + 1);
    }
    return undefined;
  }

  /** An instance of the class a type annotation names: `UsersService`, `services.UsersService`. */
  private typeTarget(file: AnalyzedFile, annotation: TSESTree.TypeNode | undefined, depth: number): Target | undefined {
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    const typeName = annotation.typeName;
    const expression: TSESTree.Node | undefined = typeName.type === AST_NODE_TYPES.Identifier ? typeName : undefined;
    if (!expression) return undefined;
    const cls = this.resolveTypeName(file, expression as TSESTree.Identifier, depth + 1);
    return cls?.kind === 'class' ? { kind: 'instance', file: cls.file, of: cls } : undefined;
  }

  /** A type name is not a value reference in scope analysis' eyes: look it up by name. */
  private resolveTypeName(file: AnalyzedFile, identifier: TSESTree.Identifier, depth: number): Target | undefined {
    const variable = this.project.topLevelVariable(file, identifier.name);
    const definition = variable?.defs[0];
    if (!definition) return undefined;
    return this.resolveIdentifier(file, definition.name as TSESTree.Identifier, depth);
  }
}
