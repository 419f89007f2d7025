// Routes of Express, Fastify, Hono and Koa: routers and apps, the routes they register, where they are mounted, and their middleware.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { routeMethods, routerFrameworks, type RouterFramework } from '@status-lint/core';
import { isFunction, keyName, propertyName, staticText, unwrap, walk } from '@status-lint/eslint-plugin/analysis';
import type { AnalyzedFile } from './project.js';
import type { Target, ValueResolver } from './values.js';

/** An app or router object, known by the identifier that names it (a variable, or a plugin's parameter). */
export interface RouterObject {
  readonly key: TSESTree.Identifier;
  readonly file: AnalyzedFile;
  readonly framework: RouterFramework['framework'];
  /** Its own prefix: Koa `new Router({ prefix })`, Hono `.basePath('/api')`. */
  readonly ownPrefix: string;
}

export interface RouteDeclaration {
  readonly router: RouterObject;
  readonly file: AnalyzedFile;
  readonly method: string;
  /** Undefined when the path is not static. */
  readonly path: string | undefined;
  /** Middleware and handlers, in order. */
  readonly chain: readonly TSESTree.Node[];
  /** Where the route is registered: reported for undocumented routes. */
  readonly node: TSESTree.Node;
  /** The route's options carry a validation schema (Fastify). */
  readonly schema: boolean;
}

export interface MountDeclaration {
  readonly parent: RouterObject;
  readonly child: RouterObject;
  /** Undefined when the prefix is not static. */
  readonly prefix: string | undefined;
  readonly node: TSESTree.Node;
  readonly file: AnalyzedFile;
}

export interface MiddlewareDeclaration {
  readonly router: RouterObject;
  readonly prefix?: string;
  readonly handlers: readonly TSESTree.Node[];
  readonly errorHandler: boolean;
  readonly node: TSESTree.Node;
  readonly file: AnalyzedFile;
}

export interface RouterDiscovery {
  readonly routes: RouteDeclaration[];
  readonly mounts: MountDeclaration[];
  readonly middleware: MiddlewareDeclaration[];
}

function importOf(file: AnalyzedFile, node: TSESTree.Node): { source: string; imported: string } | undefined {
  const current = unwrap(node);
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  return file.context.imports.binding(current.name);
}

/** The framework whose factory made this value, and the prefix it was made with. */
function factoryOf(file: AnalyzedFile, init: TSESTree.Node | undefined, depth = 0): { framework: RouterFramework['framework']; prefix: string } | undefined {
  if (!init || depth > 4) return undefined;
  const current = unwrap(init);
  if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = unwrap(current.callee);
  for (const framework of routerFrameworks) {
    // `new Hono().basePath('/api')`.
    if (framework.basePathMethod && callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === framework.basePathMethod) {
      const inner = factoryOf(file, callee.object, depth + 1);
      const argument = current.arguments[0];
      if (inner?.framework === framework.framework) return { framework: framework.framework, prefix: joinPrefix(inner.prefix, argument ? staticText(file.context, argument) ?? '' : '') };
    }
    for (const factory of framework.factories) {
      let binding: { source: string; imported: string } | undefined;
      if (factory.member) {
        if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== factory.member) continue;
        binding = importOf(file, callee.object);
      } else {
        binding = importOf(file, callee);
      }
      if (!binding || !factory.modules.includes(binding.source) || !factory.imported.includes(binding.imported)) continue;
      let prefix = '';
      const options = current.arguments[0] ? unwrap(current.arguments[0]) : undefined;
      if (factory.prefixOption && options?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = options.properties.find((item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && keyName(item) === factory.prefixOption);
        prefix = property ? staticText(file.context, property.value) ?? '' : '';
      }
      return { framework: framework.framework, prefix };
    }
  }
  return undefined;
}

function joinPrefix(a: string, b: string): string {
  return `${a.replace(/\/+$/, '')}${b && !b.startsWith('/') ? '/' : ''}${b}`;
}

/** The framework a file is written for, from its imports: for routers we only know as parameters. */
function fileFramework(file: AnalyzedFile): RouterFramework['framework'] | undefined {
  for (const framework of ['fastify', 'hono', 'express', 'koa'] as const) {
    const entry = routerFrameworks.find((item) => item.framework === framework)!;
    const modules = [...new Set(entry.factories.flatMap((factory) => factory.modules))];
    if (file.context.imports.importsAny(modules)) return framework;
  }
  return undefined;
}

function isHandlerLike(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  return isFunction(current) || current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.ArrayExpression || current.type === AST_NODE_TYPES.CallExpression;
}

function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  const property = object.properties.find((item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && keyName(item) === name);
  if (!property) return undefined;
  // `{ handler() {} }` and `{ handler: fn }` alike.
  return property.value;
}

export class RouterFinder {
  private readonly routers = new Map<TSESTree.Identifier, RouterObject | null>();

  constructor(private readonly resolver: ValueResolver) {}

  /** The router an expression names, if it is one. */
  routerOf(file: AnalyzedFile, node: TSESTree.Node): RouterObject | undefined {
    const target = this.resolver.resolveExpression(file, node);
    return this.routerOfTarget(target);
  }

  routerOfTarget(target: Target | undefined): RouterObject | undefined {
    if (target?.kind !== 'binding') return undefined;
    const cached = this.routers.get(target.node);
    if (cached !== undefined) return cached ?? undefined;
    let found: RouterObject | null = null;
    const made = factoryOf(target.file, target.init);
    if (made) found = { key: target.node, file: target.file, framework: made.framework, ownPrefix: made.prefix };
    else if (target.parameterOf) {
      const framework = fileFramework(target.file);
      if (framework) found = { key: target.node, file: target.file, framework, ownPrefix: '' };
    }
    this.routers.set(target.node, found);
    return found ?? undefined;
  }

  /** A plugin function's router: its first parameter (`async function users(fastify) { ... }`). */
  private pluginRouter(file: AnalyzedFile, node: TSESTree.Node): RouterObject | undefined {
    const bare = unwrap(node);
    let target: Target | undefined;
    // `register(import('./routes/users.js'), { prefix })`: the module's default export.
    if (bare.type === AST_NODE_TYPES.ImportExpression && bare.source.type === AST_NODE_TYPES.Literal && typeof bare.source.value === 'string') {
      const module = this.resolver.fileOf(file, bare.source.value);
      target = module ? this.resolver.resolveExport(module, 'default') : undefined;
    } else target = this.resolver.resolveExpression(file, node);
    // `fp(plugin)` / `fastifyPlugin(plugin)`: the plugin is the first argument.
    if (target?.kind === 'call' && target.node.type === AST_NODE_TYPES.CallExpression && target.node.arguments[0]) target = this.resolver.resolveExpression(target.file, target.node.arguments[0]);
    if (target?.kind === 'external' && node.type === AST_NODE_TYPES.CallExpression && node.arguments[0]) target = this.resolver.resolveExpression(file, node.arguments[0]);
    if (target?.kind !== 'function') return undefined;
    const parameter = target.fn.params[0];
    if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.routerOfTarget({ kind: 'binding', file: target.file, node: parameter, parameterOf: target.fn });
  }

  /** The router a method is called on, seeing through chained registrations (`app.get(...).post(...)`). */
  private receiver(file: AnalyzedFile, object: TSESTree.Node): { router?: RouterObject; chainedPath?: { path: string | undefined } } {
    let current = unwrap(object);
    let chainedPath: { path: string | undefined } | undefined;
    for (let depth = 0; depth < 20 && current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression; depth++) {
      const name = propertyName(current.callee);
      const framework = routerFrameworks.find((item) => item.chainedRouteMethod === name);
      if (framework && !chainedPath) {
        const argument = current.arguments[0];
        chainedPath = { path: argument ? staticText(file.context, argument) : undefined };
      } else if (!name || !(name in routeMethods || name === 'use')) break;
      current = unwrap(current.callee.object);
    }
    return { router: this.routerOf(file, current), chainedPath };
  }

  /** Every registration in one file. */
  discover(file: AnalyzedFile, into: RouterDiscovery): void {
    if (!fileFramework(file) && !file.context.imports.importsAny(['fastify-plugin'])) {
      // A file with no framework import can still register routes on a router it imports.
      const importsProject = [...file.context.imports.sources].some((source) => source.startsWith('.') || source.startsWith('@/') || source.startsWith('~/'));
      if (!importsProject) return;
    }
    walk(file.context, file.program, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = propertyName(node.callee);
      if (!name) return undefined;
      const isRouteMethod = Object.prototype.hasOwnProperty.call(routeMethods, name);
      const mountsOrUses = routerFrameworks.some((framework) => framework.useMethods.includes(name) || framework.mountMethods.some((mount) => mount.name === name) || framework.objectRouteMethod?.name === name || framework.hookMethod?.name === name || framework.errorHandlerMethods.includes(name));
      if (!isRouteMethod && !mountsOrUses) return undefined;
      const { router, chainedPath } = this.receiver(file, node.callee.object);
      if (!router) return undefined;
      const framework = routerFrameworks.find((item) => item.framework === router.framework)!;
      const args = node.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== AST_NODE_TYPES.SpreadElement);
      if (isRouteMethod) this.route(file, router, framework, routeMethods[name], node, args, chainedPath, into);
      else this.registration(file, router, framework, name, node, args, into);
      return undefined;
    });
  }

  private route(file: AnalyzedFile, router: RouterObject, framework: RouterFramework, method: string, node: TSESTree.CallExpression, args: TSESTree.Expression[], chainedPath: { path: string | undefined } | undefined, into: RouterDiscovery): void {
    let path: string | undefined;
    let rest = args;
    if (chainedPath && (args.length === 0 || isFunction(unwrap(args[0])) || staticText(file.context, args[0]) === undefined)) {
      path = chainedPath.path;
    } else {
      if (args.length < 2) return;
      path = staticText(file.context, args[0]);
      if (path === undefined && unwrap(args[0]).type === AST_NODE_TYPES.Literal) return;
      rest = args.slice(1);
    }
    let schema = false;
    const chain: TSESTree.Node[] = [];
    for (const argument of rest) {
      const value = unwrap(argument);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        // Fastify route options: hooks run before the handler, a schema answers 400 by itself.
        if (framework.schemaKey && objectProperty(value, framework.schemaKey)) schema = true;
        for (const key of framework.routeHookKeys ?? []) {
          const hook = objectProperty(value, key);
          if (hook) chain.push(hook);
        }
        const handler = objectProperty(value, 'handler');
        if (handler) chain.push(handler);
        continue;
      }
      if (isHandlerLike(value)) chain.push(value);
    }
    if (chain.length === 0) return;
    into.routes.push({ router, file, method, path, chain, node, schema });
  }

  private registration(file: AnalyzedFile, router: RouterObject, framework: RouterFramework, name: string, node: TSESTree.CallExpression, args: TSESTree.Expression[], into: RouterDiscovery): void {
    if (framework.objectRouteMethod?.name === name) {
      const options = args[0] ? unwrap(args[0]) : undefined;
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const { methodKey, pathKeys, handlerKey } = framework.objectRouteMethod;
      const methodNode = objectProperty(options, methodKey);
      const methodValue = methodNode ? unwrap(methodNode) : undefined;
      const methods =
        methodValue?.type === AST_NODE_TYPES.ArrayExpression
          ? methodValue.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? staticText(file.context, element) : undefined))
          : [methodValue ? staticText(file.context, methodValue) : undefined];
      const pathNode = pathKeys.map((key) => objectProperty(options, key)).find((item) => item !== undefined);
      const path = pathNode ? staticText(file.context, pathNode) : undefined;
      const chain = [...(framework.routeHookKeys ?? []).map((key) => objectProperty(options, key)), objectProperty(options, handlerKey)].filter((item): item is TSESTree.Node => item !== undefined);
      const schema = framework.schemaKey ? objectProperty(options, framework.schemaKey) !== undefined : false;
      for (const method of methods) if (method && chain.length > 0) into.routes.push({ router, file, method: method.toUpperCase(), path, chain, node, schema });
      return;
    }
    const mount = framework.mountMethods.find((item) => item.name === name);
    if (mount) {
      const childNode = args[mount.childArgument];
      if (!childNode) return;
      let prefix: string | undefined = '';
      if (mount.prefixArgument !== undefined) prefix = args[mount.prefixArgument] ? staticText(file.context, args[mount.prefixArgument]) : '';
      if (mount.prefixOption) {
        const options = args[mount.childArgument + 1] ? unwrap(args[mount.childArgument + 1]) : undefined;
        const value = options?.type === AST_NODE_TYPES.ObjectExpression ? objectProperty(options, mount.prefixOption) : undefined;
        prefix = value ? staticText(file.context, value) : '';
      }
      const child = this.routerOf(file, childNode) ?? this.pluginRouter(file, childNode);
      if (child) into.mounts.push({ parent: router, child, prefix, node, file });
      else into.middleware.push({ router, handlers: [childNode], errorHandler: false, node, file });
      return;
    }
    if (framework.hookMethod?.name === name) {
      const event = args[0] ? staticText(file.context, args[0]) : undefined;
      if (event && framework.hookMethod.events.includes(event) && args[1]) into.middleware.push({ router, handlers: [args[1]], errorHandler: false, node, file });
      return;
    }
    if (framework.errorHandlerMethods.includes(name)) {
      if (args[0]) into.middleware.push({ router, handlers: [args[0]], errorHandler: true, node, file });
      return;
    }
    if (framework.useMethods.includes(name)) {
      let rest = args;
      let prefix: string | undefined;
      const first = args[0] ? staticText(file.context, args[0]) : undefined;
      if (first !== undefined) {
        prefix = first;
        rest = args.slice(1);
      }
      const handlers: TSESTree.Node[] = [];
      for (const argument of rest.flatMap((item) => (item.type === AST_NODE_TYPES.ArrayExpression ? item.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement) : [item]))) {
        const value = unwrap(argument);
        // Koa: `app.use(router.routes())` mounts the router itself.
        const self = value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && framework.routerSelfMethods?.includes(propertyName(value.callee) ?? '') ? value.callee.object : undefined;
        const child = this.routerOf(file, self ?? value);
        if (child && child.key !== router.key) into.mounts.push({ parent: router, child, prefix: prefix ?? '', node, file });
        else if (!self) handlers.push(value);
      }
      if (handlers.length > 0) {
        const errorHandler = handlers.some((handler) => {
          const target = this.resolver.resolveExpression(file, handler);
          return target?.kind === 'function' && target.fn.params.length === 4;
        });
        into.middleware.push({ router, prefix, handlers, errorHandler, node, file });
      }
    }
  }
}
