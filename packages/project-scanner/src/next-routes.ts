// Next.js routes: App Router `route.ts` files (the path is the folder), and Pages Router `pages/api` handlers.
import { relative, sep } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { nextRouting } from '@status-lint/core';
import { memberPath, staticText, unwrap, walk } from '@status-lint/eslint-plugin/analysis';
import type { AnalyzedFile } from './project.js';

export interface NextRoute {
  readonly file: AnalyzedFile;
  readonly method: string;
  /** As written in folders: `/api/users/[id]`. */
  readonly path: string;
  /** The handler: an exported function, or what an exported name is bound to. */
  readonly handler: TSESTree.Node;
  /** Where the route is declared: the exported name. */
  readonly node: TSESTree.Node;
}

/** `app/api/users/[id]/route.ts` -> `/api/users/[id]`; undefined when the file is not a route handler. */
function appRouterPath(segments: readonly string[]): string | undefined {
  if (!nextRouting.routeFile.test(segments[segments.length - 1] ?? '')) return undefined;
  for (const directory of nextRouting.appDirectories) {
    const parts = directory.split('/');
    for (let start = 0; start + parts.length < segments.length; start++) {
      if (!parts.every((part, index) => segments[start + index] === part)) continue;
      const folders = segments.slice(start + parts.length, -1);
      if (folders.some((folder) => nextRouting.privateSegment.test(folder))) return undefined;
      return `/${folders.filter((folder) => !nextRouting.groupSegment.test(folder)).join('/')}`;
    }
  }
  return undefined;
}

/** `pages/api/users/[id].ts` -> `/api/users/[id]`. */
function pagesApiPath(segments: readonly string[]): string | undefined {
  for (const directory of nextRouting.pagesApiDirectories) {
    const parts = directory.split('/');
    for (let start = 0; start + parts.length < segments.length; start++) {
      if (!parts.every((part, index) => segments[start + index] === part)) continue;
      const rest = segments.slice(start + parts.length);
      const last = rest[rest.length - 1].replace(/\.[cm]?[jt]sx?$/, '');
      const folders = [...rest.slice(0, -1), ...(last === 'index' ? [] : [last])];
      if (folders.some((folder) => folder.startsWith('_'))) return undefined;
      return `/api${folders.length ? `/${folders.join('/')}` : ''}`;
    }
  }
  return undefined;
}

/** HTTP methods a Pages Router handler tests `req.method` against. */
function testedMethods(file: AnalyzedFile, handler: TSESTree.Node): string[] {
  const methods = new Set<string>();
  walk(file.context, handler, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
      const [left, right] = [node.left as TSESTree.Node, node.right];
      const side = memberPath(left)?.endsWith('.method') ? right : memberPath(right)?.endsWith('.method') ? left : undefined;
      const value = side ? staticText(file.context, side) : undefined;
      if (value && nextRouting.methods.includes(value.toUpperCase() as never)) methods.add(value.toUpperCase());
    }
    if (node.type === AST_NODE_TYPES.SwitchStatement && memberPath(node.discriminant)?.endsWith('.method')) {
      for (const item of node.cases) {
        const value = item.test ? staticText(file.context, item.test) : undefined;
        if (value && nextRouting.methods.includes(value.toUpperCase() as never)) methods.add(value.toUpperCase());
      }
    }
    return undefined;
  });
  return [...methods];
}

export function nextRoutes(file: AnalyzedFile, root: string): NextRoute[] {
  const segments = relative(root, file.file).split(sep);
  const appPath = appRouterPath(segments);
  const routes: NextRoute[] = [];
  if (appPath !== undefined) {
    for (const statement of file.program.body) {
      if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && nextRouting.methods.includes(declaration.id.name as never)) {
        routes.push({ file, method: declaration.id.name, path: appPath, handler: declaration, node: declaration.id });
      }
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && nextRouting.methods.includes(declarator.id.name as never) && declarator.init) {
            routes.push({ file, method: declarator.id.name, path: appPath, handler: unwrap(declarator.init), node: declarator.id });
          }
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
        if (!nextRouting.methods.includes(exported as never) || statement.source) continue;
        routes.push({ file, method: exported, path: appPath, handler: specifier.local, node: specifier.exported });
      }
    }
    return routes;
  }
  const pagesPath = pagesApiPath(segments);
  if (pagesPath === undefined) return routes;
  const exported = file.program.body.find((statement): statement is TSESTree.ExportDefaultDeclaration => statement.type === AST_NODE_TYPES.ExportDefaultDeclaration);
  if (!exported) return routes;
  const handler = exported.declaration as TSESTree.Node;
  const methods = testedMethods(file, handler.type === AST_NODE_TYPES.Identifier ? file.program : handler);
  for (const method of methods.length > 0 ? methods : ['ALL']) routes.push({ file, method, path: pagesPath, handler, node: exported });
  return routes;
}
