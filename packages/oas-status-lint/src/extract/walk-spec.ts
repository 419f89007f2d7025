// Walk a Swagger 2.0 / OpenAPI 3.0 / 3.1 document to every response, once per place it is written.
import { isRef, type DocumentSet, type Location } from '../load/document-set.js';
import { readIgnoreDirectives, type DirectiveProblem, type IgnoreDirective } from './ignore-directives.js';

export type SpecVersion = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/** One operation (or component) that uses a response, under one status key. */
export interface ResponseUsage {
  /** `POST /users`, `webhook newPet POST`, or undefined for an unused component. */
  readonly operation?: string;
  readonly statusKey: string;
  /** The status keys of the operation's responses, as written. */
  readonly siblings?: readonly string[];
  /** Directives on the operation, its path item and the root. */
  readonly ignores: readonly IgnoreDirective[];
  readonly produces?: readonly string[];
}

/** A response object, where it is written, and who uses it. */
export interface ResponseSite {
  readonly location: Location;
  readonly response: Record<string, unknown>;
  readonly usages: ResponseUsage[];
  readonly ownIgnores: readonly IgnoreDirective[];
}

export interface SpecWalk {
  readonly version: SpecVersion;
  readonly sites: readonly ResponseSite[];
  readonly problems: readonly (DirectiveProblem & { readonly severity: 1 | 2; readonly directive?: boolean })[];
  readonly directives: readonly IgnoreDirective[];
}

export class NotOpenApiError extends Error {
  override readonly name = 'NotOpenApiError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `openapi: 3.0` unquoted is the number 3 in YAML: read as the version it was meant to be, with a warning. */
function versionText(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/** Which version a root document is, or why it is not OpenAPI at all. */
export function specVersionOf(root: unknown): SpecVersion {
  if (!isObject(root)) throw new NotOpenApiError('not an OpenAPI document: the top level is not a mapping');
  const swagger = root.swagger;
  const openapi = root.openapi;
  if (swagger !== undefined) {
    if (versionText(swagger).startsWith('2')) return 'swagger-2.0';
    throw new NotOpenApiError(`unsupported Swagger version "${String(swagger)}" (supported: 2.0, OpenAPI 3.0 and 3.1)`);
  }
  if (openapi !== undefined) {
    const version = versionText(openapi);
    if (/^3\.0(?:\.|$)/.test(version)) return 'openapi-3.0';
    if (/^3\.[1-9]/.test(version)) return 'openapi-3.1';
    throw new NotOpenApiError(`unsupported OpenAPI version "${version}" (supported: 2.0, 3.0 and 3.1)`);
  }
  throw new NotOpenApiError('not an OpenAPI document: no "openapi" or "swagger" field at the top level');
}

const STATUS_KEY = /^(?:[1-5]\d\d|[1-5]XX|default)$/i;

export function walkSpec(documents: DocumentSet, rootFile: string): SpecWalk {
  const root = documents.get(rootFile)!.value as Record<string, unknown>;
  const version = specVersionOf(root);
  const sites = new Map<string, ResponseSite>();
  const problems: (DirectiveProblem & { severity: 1 | 2; directive?: boolean })[] = [];
  const directiveProblems: DirectiveProblem[] = [];
  const directives: IgnoreDirective[] = [];
  const visitedPathItems = new Set<string>();
  for (const field of ['openapi', 'swagger']) {
    if (typeof root[field] === 'number') {
      problems.push({ message: `"${field}" is the number ${String(root[field])}; write the version as a string ("${field === 'openapi' ? '3.0.3' : '2.0'}"), quoted in YAML`, location: { file: rootFile, path: [field] }, severity: 1 });
    }
  }

  const readIgnores = (owner: unknown, location: Location) => {
    const found = readIgnoreDirectives(owner, location, directiveProblems);
    directives.push(...found);
    return found;
  };
  const rootIgnores = readIgnores(root, { file: rootFile, path: [] });
  const rootProduces = Array.isArray(root.produces) ? (root.produces as string[]) : undefined;

  const siteFor = (location: Location, response: Record<string, unknown>): ResponseSite => {
    const id = `${location.file}\0${location.path.join('\0')}`;
    let site = sites.get(id);
    if (!site) {
      site = { location, response, usages: [], ownIgnores: readIgnores(response, location) };
      sites.set(id, site);
    }
    return site;
  };

  /** Resolve a response (maybe a `$ref`, with 3.1 sibling overrides) to where it is written. */
  const resolveResponse = (raw: unknown, location: Location): { response: Record<string, unknown>; location: Location } | undefined => {
    if (!isObject(raw)) {
      problems.push({ message: 'a response must be an object', location, severity: 1 });
      return undefined;
    }
    if (!isRef(raw)) return { response: raw, location };
    const resolved = documents.resolve(raw.$ref, location.file);
    if (!resolved.ok) {
      problems.push({ message: resolved.message, location: { file: location.file, path: [...location.path, '$ref'] }, severity: 2 });
      return undefined;
    }
    if (!isObject(resolved.value)) {
      problems.push({ message: `$ref "${raw.$ref}" does not point to a response object`, location, severity: 1 });
      return undefined;
    }
    const siblings = Object.keys(raw).filter((key) => key !== '$ref' && (key === 'description' || key === 'summary'));
    if (version === 'openapi-3.1' && siblings.length > 0) {
      // 3.1 lets `description` beside `$ref` override the target's: the response is then written here.
      return { response: { ...resolved.value, ...Object.fromEntries(siblings.map((key) => [key, (raw as Record<string, unknown>)[key]])) }, location };
    }
    return { response: resolved.value, location: resolved.location };
  };

  const walkResponses = (responses: unknown, location: Location, operation: string, inherited: readonly IgnoreDirective[], produces?: readonly string[]) => {
    if (responses === undefined) return;
    if (!isObject(responses)) {
      problems.push({ message: `${operation}: "responses" must be an object`, location, severity: 1 });
      return;
    }
    const keys = Object.keys(responses).filter((key) => !key.startsWith('x-'));
    for (const key of keys) {
      const keyLocation = { file: location.file, path: [...location.path, key] };
      if (!STATUS_KEY.test(key)) {
        problems.push({ message: `${operation}: "${key}" is not an HTTP status code, a range such as 4XX, or "default"`, location: keyLocation, severity: 1 });
        continue;
      }
      const resolved = resolveResponse(responses[key], keyLocation);
      if (!resolved) continue;
      siteFor(resolved.location, resolved.response).usages.push({ operation, statusKey: key.toUpperCase(), siblings: keys.map((item) => item.toUpperCase()), ignores: inherited, produces });
    }
  };

  const walkPathItem = (raw: unknown, location: Location, label: (method: string) => string, inherited: readonly IgnoreDirective[], depth = 0) => {
    if (!isObject(raw) || depth > 8) return;
    let item = raw;
    let itemLocation = location;
    if (isRef(raw)) {
      const resolved = documents.resolve(raw.$ref, location.file);
      if (!resolved.ok) {
        problems.push({ message: resolved.message, location: { file: location.file, path: [...location.path, '$ref'] }, severity: 2 });
        return;
      }
      if (!isObject(resolved.value)) return;
      item = resolved.value;
      itemLocation = resolved.location;
    }
    const visitKey = `${itemLocation.file}\0${itemLocation.path.join('\0')}\0${label('')}`;
    if (visitedPathItems.has(visitKey)) return;
    visitedPathItems.add(visitKey);
    const itemIgnores = [...inherited, ...readIgnores(item, itemLocation)];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const operationLocation = { file: itemLocation.file, path: [...itemLocation.path, method] };
      const operationIgnores = [...itemIgnores, ...readIgnores(operation, operationLocation)];
      const produces = Array.isArray(operation.produces) ? (operation.produces as string[]) : rootProduces;
      walkResponses(operation.responses, { file: itemLocation.file, path: [...operationLocation.path, 'responses'] }, label(method), operationIgnores, produces);
      if (isObject(operation.callbacks)) {
        for (const [callbackName, callback] of Object.entries(operation.callbacks)) {
          let callbackObject = callback;
          let callbackLocation: Location = { file: operationLocation.file, path: [...operationLocation.path, 'callbacks', callbackName] };
          if (isRef(callback)) {
            const resolved = documents.resolve(callback.$ref, operationLocation.file);
            if (!resolved.ok) continue;
            callbackObject = resolved.value;
            callbackLocation = resolved.location;
          }
          if (!isObject(callbackObject)) continue;
          for (const [expression, callbackItem] of Object.entries(callbackObject)) {
            if (expression.startsWith('x-')) continue;
            walkPathItem(callbackItem, { file: callbackLocation.file, path: [...callbackLocation.path, expression] }, (m) => `callback ${callbackName} ${m.toUpperCase()} ${expression}`, operationIgnores, depth + 1);
          }
        }
      }
    }
  };

  if (root.paths !== undefined && !isObject(root.paths)) {
    problems.push({ message: '"paths" must be an object', location: { file: rootFile, path: ['paths'] }, severity: 1 });
  }
  for (const [path, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    if (path.startsWith('x-')) continue;
    walkPathItem(item, { file: rootFile, path: ['paths', path] }, (method) => `${method.toUpperCase()} ${path}`, rootIgnores);
  }
  for (const [name, item] of Object.entries(isObject(root.webhooks) ? root.webhooks : {})) {
    walkPathItem(item, { file: rootFile, path: ['webhooks', name] }, (method) => `webhook ${name} ${method.toUpperCase()}`, rootIgnores);
  }
  const components = isObject(root.components) ? root.components : {};
  for (const [name, item] of Object.entries(isObject(components.pathItems) ? components.pathItems : {})) {
    walkPathItem(item, { file: rootFile, path: ['components', 'pathItems', name] }, (method) => `pathItem ${name} ${method.toUpperCase()}`, rootIgnores);
  }
  // Shared responses are linted even when no operation uses them; their status then comes from their name.
  const sharedResponses: [Record<string, unknown>, string[]] | undefined =
    version === 'swagger-2.0'
      ? isObject(root.responses) ? [root.responses, ['responses']] : undefined
      : isObject(components.responses) ? [components.responses, ['components', 'responses']] : undefined;
  if (sharedResponses) {
    const [responses, path] = sharedResponses;
    for (const [name, response] of Object.entries(responses)) {
      const resolved = resolveResponse(response, { file: rootFile, path: [...path, name] });
      if (!resolved) continue;
      const site = siteFor(resolved.location, resolved.response);
      if (site.usages.length === 0) site.usages.push({ statusKey: statusFromName(name), ignores: rootIgnores });
    }
  }
  for (const problem of directiveProblems) problems.push({ ...problem, severity: 2, directive: true });
  return { version, sites: [...sites.values()], problems, directives };
}

const NAMED_STATUSES: Readonly<Record<string, string>> = {
  badrequest: '400',
  unauthorized: '401',
  unauthorised: '401',
  forbidden: '403',
  notfound: '404',
  conflict: '409',
  unprocessableentity: '422',
  unprocessablecontent: '422',
  toomanyrequests: '429',
  ratelimited: '429',
  ratelimit: '429',
  ratelimitexceeded: '429',
  throttled: '429',
  internalservererror: '500',
  internalerror: '500',
  servererror: '500',
  badgateway: '502',
  serviceunavailable: '503',
  gatewaytimeout: '504',
};

/** The status an unused shared response stands for, from its name (`TooManyRequests`, `429`, `Error429`), if any. */
export function statusFromName(name: string): string {
  const digits = /(?:^|\D)([1-5]\d\d)(?:\D|$)/.exec(name);
  if (digits) return digits[1];
  const key = name.toLowerCase().replace(/[^a-z]/g, '').replace(/(?:response|error|result)$/, '');
  return NAMED_STATUSES[key] ?? 'UNKNOWN';
}
