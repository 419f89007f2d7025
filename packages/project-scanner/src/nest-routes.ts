// NestJS routes: `@Controller('users')` classes with `@Get(':id')` methods, their guards, pipes and `@HttpCode`, under the global prefix.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { frameworkStatuses, nestRouting } from '@status-lint/core';
import { keyName, resolveStatus, staticText, unwrap } from '@status-lint/eslint-plugin/analysis';
import type { AnalyzedFile } from './project.js';

export interface NestRoute {
  readonly file: AnalyzedFile;
  readonly method: string;
  /** Controller and method paths joined, without the global prefix; undefined when not static. */
  readonly path: string | undefined;
  readonly handler: TSESTree.FunctionExpression;
  /** The route decorator: where an undocumented route and the implicit status are reported. */
  readonly decorator: TSESTree.Decorator;
  /** The status a normal return sends (`@HttpCode(n)`, or 201 for POST, 200 else); undefined when the method sends through `@Res()`. */
  readonly returnStatus?: { readonly status: number; readonly text: string; readonly implicit: boolean; readonly node: TSESTree.Node };
  /** Guard classes or calls from `@UseGuards(...)` on the class and the method. */
  readonly guards: readonly TSESTree.Node[];
  /** Statuses the framework sends by itself for this route (validation pipes, `AuthGuard`). */
  readonly frameworkStatuses: readonly number[];
}

interface DecoratorCall {
  readonly imported: string;
  readonly args: readonly TSESTree.Node[];
  readonly decorator: TSESTree.Decorator;
}

function decoratorsOf(file: AnalyzedFile, decorators: readonly TSESTree.Decorator[] | undefined): DecoratorCall[] {
  const found: DecoratorCall[] = [];
  for (const decorator of decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    if (callee.type !== AST_NODE_TYPES.Identifier) continue;
    const binding = file.context.imports.binding(callee.name);
    if (!binding) continue;
    const args = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement) : [];
    found.push({ imported: nestRouting.modules.includes(binding.source as '@nestjs/common') ? binding.imported : `${binding.source}:${binding.imported}`, args, decorator });
  }
  return found;
}

/** Paths a decorator argument names: `'users'`, `['a', 'b']`, `{ path: 'users' }`, or nothing. */
function pathsOf(file: AnalyzedFile, argument: TSESTree.Node | undefined): (string | undefined)[] {
  if (!argument) return [''];
  const value = unwrap(argument);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? staticText(file.context, element) : undefined));
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const property = value.properties.find((item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && keyName(item) === 'path');
    return property ? pathsOf(file, property.value) : [''];
  }
  return [staticText(file.context, value)];
}

function joinNest(...parts: readonly (string | undefined)[]): string | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return `/${parts.map((part) => part!.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '').join('/')}`;
}

function isPassthrough(argument: TSESTree.Node | undefined): boolean {
  const value = argument ? unwrap(argument) : undefined;
  return value?.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((item) => item.type === AST_NODE_TYPES.Property && keyName(item) === 'passthrough' && item.value.type === AST_NODE_TYPES.Literal && item.value.value === true);
}

/** The routes of the controllers in one file. `validationPipe` says whether the app validates bodies globally. */
export function nestRoutes(file: AnalyzedFile, validationPipe: boolean): NestRoute[] {
  if (!file.context.imports.importsAny(nestRouting.modules)) return [];
  const routes: NestRoute[] = [];
  const classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  for (const statement of file.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration) classes.push(declaration);
  }
  for (const cls of classes) {
    const classDecorators = decoratorsOf(file, cls.decorators);
    const controller = classDecorators.find((item) => item.imported === nestRouting.controllerDecorator);
    if (!controller) continue;
    const prefixes = pathsOf(file, controller.args[0]);
    const classGuards = classDecorators.filter((item) => item.imported === nestRouting.guardsDecorator).flatMap((item) => item.args);
    const classPipes = classDecorators.some((item) => item.imported === nestRouting.pipesDecorator);
    for (const element of cls.body.body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
      const handler = element.value;
      const methodDecorators = decoratorsOf(file, element.decorators);
      const route = methodDecorators.find((item) => Object.prototype.hasOwnProperty.call(nestRouting.methodDecorators, item.imported));
      if (!route) continue;
      const method = nestRouting.methodDecorators[route.imported];
      const httpCode = methodDecorators.find((item) => item.imported === nestRouting.httpCodeDecorator);
      const resolvedCode = httpCode?.args[0] ? resolveStatus(file.context, httpCode.args[0]) : undefined;
      let ownResponse = false;
      let validated = false;
      let pipedParameter = false;
      for (const parameter of element.value.params) {
        const parameterDecorators = decoratorsOf(file, (parameter as { decorators?: TSESTree.Decorator[] }).decorators);
        for (const item of parameterDecorators) {
          if ((nestRouting.responseDecorators as readonly string[]).includes(item.imported) && !isPassthrough(item.args[0])) ownResponse = true;
          if ((nestRouting.validatedParameterDecorators as readonly string[]).includes(item.imported)) {
            validated = true;
            // `@Param('id', ParseIntPipe)`: a pipe beside the name.
            const [first, ...others] = item.args;
            if (others.length > 0 || (first && unwrap(first).type !== AST_NODE_TYPES.Literal)) pipedParameter = true;
          }
        }
      }
      const methodPipes = methodDecorators.some((item) => item.imported === nestRouting.pipesDecorator);
      const guards = [...classGuards, ...methodDecorators.filter((item) => item.imported === nestRouting.guardsDecorator).flatMap((item) => item.args)];
      const statuses = new Set<number>();
      if (pipedParameter || methodPipes || classPipes || (validated && validationPipe)) for (const status of frameworkStatuses.nestValidation) statuses.add(status);
      for (const guard of guards) {
        for (const status of frameworkStatuses.nestGuard) statuses.add(status);
        const value = unwrap(guard);
        const callee = value.type === AST_NODE_TYPES.CallExpression ? value.callee : value;
        if (callee.type === AST_NODE_TYPES.Identifier && file.context.imports.isFrom(callee.name, ['@nestjs/passport'], ['AuthGuard'])) for (const status of frameworkStatuses.nestAuthGuard) statuses.add(status);
      }
      const defaultStatus = nestRouting.defaultStatus(method);
      const returnStatus = ownResponse
        ? undefined
        : resolvedCode
          ? { status: resolvedCode.status, text: file.context.sourceCode.getText(httpCode!.args[0]), implicit: false, node: httpCode!.args[0] }
          : { status: defaultStatus, text: String(defaultStatus), implicit: true, node: route.decorator };
      for (const prefix of prefixes) {
        for (const path of pathsOf(file, route.args[0])) {
          routes.push({ file, method, path: joinNest(prefix, path), handler, decorator: route.decorator, returnStatus, guards, frameworkStatuses: [...statuses] });
        }
      }
    }
  }
  return routes;
}

/** `app.setGlobalPrefix('api')` and `new ValidationPipe()` handed to `useGlobalPipes`, anywhere in the project. */
export function nestAppSettings(texts: Iterable<string>): { globalPrefix: string; validationPipe: boolean } {
  let globalPrefix = '';
  let validationPipe = false;
  for (const text of texts) {
    if (!text.includes('@nestjs/')) continue;
    const prefix = new RegExp(`\\.${nestRouting.globalPrefixMethod}\\(\\s*['"\`]([^'"\`]*)['"\`]`).exec(text);
    if (prefix) globalPrefix = prefix[1];
    if (/useGlobalPipes\([^)]*ValidationPipe/.test(text) || /provide:\s*APP_PIPE[\s\S]{0,80}ValidationPipe/.test(text)) validationPipe = true;
  }
  return { globalPrefix, validationPipe };
}
