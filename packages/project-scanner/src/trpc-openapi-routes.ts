// tRPC procedures served as REST by trpc-to-openapi (or trpc-openapi): a procedure whose chain carries
// `.meta({ openapi: { method: 'GET', path: '/users/{id}' } })` answers that operation, with 200 for what its resolver
// returns and the status of each TRPCError it throws. The same document generator writes the spec from these metas, so
// its paths are the spec's (the handler's mount point is the document's server URL).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isFunction, objectProperty, propertyName, staticText, unwrap, walk } from '@status-lint/eslint-plugin/analysis';
import type { AnalyzedFile } from './project.js';

export interface TrpcOpenApiRoute {
  readonly method: string;
  /** The meta's path, or undefined where it is not written out (`openApiMetas.POST`, built by a function). */
  readonly path: string | undefined;
  /** The resolver handed to `.query(...)` or `.mutation(...)`. */
  readonly handler: TSESTree.Node;
  /** Where the route is declared: the `openapi` meta. */
  readonly node: TSESTree.Node;
}

const RESOLVERS = new Set(['query', 'mutation']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * The `openapi` value of a `.meta({ ... })` call, when the call is one; or the meta itself where it is built elsewhere
 * (`.meta(openApiMetas.GET)` of a generator), in a file that speaks of OpenAPI.
 */
function openApiMeta(call: TSESTree.CallExpression, speaksOfOpenApi: boolean): TSESTree.Node | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'meta') return undefined;
  const argument = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (argument?.type === AST_NODE_TYPES.ObjectExpression) return objectProperty(argument, 'openapi')?.value;
  return argument && speaksOfOpenApi ? argument : undefined;
}

/** The method a meta built elsewhere is named for: `openApiMetas.GET`, `metas.LIST` (a list is a GET). */
function namedMethod(meta: TSESTree.Node): string | undefined {
  const name = meta.type === AST_NODE_TYPES.MemberExpression ? propertyName(meta)?.toUpperCase() : undefined;
  return name === 'LIST' ? 'GET' : name !== undefined && METHODS.has(name) ? name : undefined;
}

/** Every procedure of the file with an `openapi` meta in its chain: `procedure.meta({ openapi }).input(...).query(fn)`. */
export function trpcOpenApiRoutes(file: AnalyzedFile): TrpcOpenApiRoute[] {
  const text = file.context.sourceCode.text;
  if (!/openapi/i.test(text)) return [];
  const speaksOfOpenApi = /\.meta\(\s*\w*open_?api/i.test(text);
  const routes: TrpcOpenApiRoute[] = [];
  walk(file.context, file.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || !RESOLVERS.has(propertyName(node.callee) ?? '')) return undefined;
    const handler = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
    if (!handler || !isFunction(handler)) return undefined;
    // Down the chain the resolver closes: `.output(...)`, `.input(...)`, `.meta(...)`, to the procedure it starts from.
    let meta: TSESTree.Node | undefined;
    for (let link: TSESTree.Node = node.callee.object; link.type === AST_NODE_TYPES.CallExpression && link.callee.type === AST_NODE_TYPES.MemberExpression; link = link.callee.object) {
      meta = openApiMeta(link, speaksOfOpenApi) ?? meta;
    }
    if (!meta) return undefined;
    const value = unwrap(meta);
    const written = value.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
    const methodNode = written ? objectProperty(written, 'method')?.value : undefined;
    const pathNode = written ? objectProperty(written, 'path')?.value : undefined;
    const method = methodNode ? staticText(file.context, methodNode)?.toUpperCase() : namedMethod(value);
    const path = pathNode ? staticText(file.context, pathNode) : undefined;
    const known = method !== undefined && METHODS.has(method);
    routes.push({ method: known ? method : 'ALL', path: known ? path : undefined, handler, node: meta });
    return undefined;
  });
  return routes;
}
