// The modules a file imports or requires, and which local names they bind: the ground truth for framework detection.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

export interface ImportBinding {
  /** The module specifier as written: `express`, `node:http`, `@nestjs/common`. */
  readonly source: string;
  /** `default`, `*` (namespace or the whole `require()`), or the imported name. */
  readonly imported: string;
}

/** Normalize a specifier so that `node:http` and `http` compare equal. */
export function bareModule(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

export class FileImports {
  readonly bindings = new Map<string, ImportBinding>();
  readonly sources = new Set<string>();
  /** The modules it takes a value from (or loads for their effect): not those it imports types from only. */
  readonly valueSources = new Set<string>();

  add(local: string, source: string, imported: string): void {
    this.sources.add(bareModule(source));
    this.valueSources.add(bareModule(source));
    if (!this.bindings.has(local)) this.bindings.set(local, { source: bareModule(source), imported });
  }

  binding(local: string): ImportBinding | undefined {
    return this.bindings.get(local);
  }

  importsAny(modules: readonly string[]): boolean {
    return modules.some((module) => this.sources.has(bareModule(module)) || [...this.sources].some((source) => source.startsWith(`${bareModule(module)}/`)));
  }

  /** Is `local` bound to one of these modules (any way of importing it)? */
  isFrom(local: string, modules: readonly string[], imported?: readonly string[]): boolean {
    const binding = this.bindings.get(local);
    if (!binding) return false;
    if (!modules.some((module) => binding.source === bareModule(module) || binding.source.startsWith(`${bareModule(module)}/`))) return false;
    return imported === undefined || imported.includes(binding.imported);
  }
}

function requireSource(node: TSESTree.Node | null | undefined): { source: string; member?: string } | undefined {
  if (!node) return undefined;
  let expression = node;
  let member: string | undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) {
    member = expression.property.name;
    expression = expression.object;
  }
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments.length === 1 &&
    expression.arguments[0].type === AST_NODE_TYPES.Literal &&
    typeof expression.arguments[0].value === 'string'
  ) {
    return { source: expression.arguments[0].value, member };
  }
  return undefined;
}

/** Record what one node imports, if it is an import or a `require()` binding. */
export function recordImport(node: TSESTree.Node, imports: FileImports): void {
  if (node.type === AST_NODE_TYPES.ImportDeclaration) {
    const source = node.source.value;
    imports.sources.add(bareModule(source));
    // `import type { X }`, `import { type X }`: types only, no value of the module is used.
    const typesOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type'));
    if (!typesOnly) imports.valueSources.add(bareModule(source));
    for (const specifier of node.specifiers) {
      if (typesOnly) {
        // The names still say where a type comes from (a parameter typed `FastifyReply`).
        if (!imports.bindings.has(specifier.local.name)) imports.bindings.set(specifier.local.name, { source: bareModule(source), imported: specifier.type === AST_NODE_TYPES.ImportSpecifier ? (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value)) : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : '*' });
        continue;
      }
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) imports.add(specifier.local.name, source, 'default');
      else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) imports.add(specifier.local.name, source, '*');
      else {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
        imports.add(specifier.local.name, source, imported);
      }
    }
    return;
  }
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
      imports.add(node.id.name, String(reference.expression.value), '*');
    }
    return;
  }
  if (node.type === AST_NODE_TYPES.VariableDeclarator) {
    const found = requireSource(node.init);
    if (!found) return;
    if (node.id.type === AST_NODE_TYPES.Identifier) {
      imports.add(node.id.name, found.source, found.member ?? '*');
    } else if (node.id.type === AST_NODE_TYPES.ObjectPattern) {
      imports.sources.add(bareModule(found.source));
      imports.valueSources.add(bareModule(found.source));
      for (const property of node.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) continue;
        const local = property.value.type === AST_NODE_TYPES.Identifier ? property.value : property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left.type === AST_NODE_TYPES.Identifier ? property.value.left : undefined;
        if (local) imports.add(local.name, found.source, property.key.name);
      }
    }
    return;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // A bare `require('express')` that is not bound still says which framework the file is written for.
    const found = requireSource(node);
    if (found) {
      imports.sources.add(bareModule(found.source));
      imports.valueSources.add(bareModule(found.source));
    }
  }
}
