// Turn a JSON Schema (after `$ref`, `allOf`, `oneOf`, `anyOf`) into the core's body shape.
import { bodyShapeFromValue, type BodyProperty, type BodyShape, type Scalar, type ValueShape } from '@status-lint/core';
import { isRef, type DocumentSet } from '../load/document-set.js';

const MAX_DEPTH = 4;

type Schema = Record<string, unknown>;

function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
}

/** `#/components/schemas/ErrorResponse` -> `ErrorResponse`; `./schemas/error.yaml` -> `error`. */
export function refName(ref: string): string {
  const hash = ref.indexOf('#');
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const last = fragment ? fragment.split('/').pop() ?? '' : ref.split('/').pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // keep as written
  }
  return hash === -1 || !fragment ? name.replace(/\.(?:ya?ml|json)$/i, '') : name;
}

/** Parse a string example that holds JSON (`'{"error": "x"}'`), as real specs often store them. */
export function exampleValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

interface Walk {
  readonly documents: DocumentSet;
  readonly seen: Set<string>;
  /** Shapes of `$ref`'d schemas by ref and depth: big specs reuse a few schemas thousands of times. */
  readonly cache: Map<string, BodyShape>;
}

const caches = new WeakMap<DocumentSet, Map<string, BodyShape>>();

function resolveSchema(walk: Walk, schema: Schema, file: string): { schema: Schema; file: string; name?: string } | undefined {
  if (!isRef(schema)) return { schema, file };
  const key = `${file}#${schema.$ref}`;
  if (walk.seen.has(key)) return undefined;
  const resolved = walk.documents.resolve(schema.$ref, file);
  if (!resolved.ok) return undefined;
  const target = asSchema(resolved.value);
  if (!target) return undefined;
  return { schema: target, file: resolved.location.file, name: refName(schema.$ref) };
}

function scalarList(value: unknown): Scalar[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const scalars = value.filter((item): item is Scalar => item === null || ['string', 'number', 'boolean'].includes(typeof item));
  return scalars.length === value.length ? scalars : undefined;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((item) => item !== 'null') as string | undefined;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function valueShape(walk: Walk, raw: unknown, file: string, depth: number): ValueShape {
  const schemaObject = asSchema(raw);
  if (!schemaObject) return { kind: 'unknown' };
  const resolved = resolveSchema(walk, schemaObject, file);
  if (!resolved) return { kind: 'unknown' };
  const { schema } = resolved;
  if ('const' in schema) return { kind: 'literal', value: schema.const as Scalar };
  const values = scalarList(schema.enum);
  if (values && values.length === 1) return { kind: 'literal', value: values[0] };
  if (values && values.length > 1) return { kind: 'enum', values };
  const type = typeOf(schema);
  if (type === 'array') {
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
    return { kind: 'array', nonEmpty: minItems > 0 ? true : undefined, empty: maxItems === 0 ? true : undefined };
  }
  if (type === 'object' || schema.allOf || schema.oneOf || schema.anyOf) {
    return depth < MAX_DEPTH ? { kind: 'object', shape: schemaShape(walk, schema, resolved.file, depth + 1, resolved.name) } : { kind: 'object' };
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'null') return { kind: 'typed', type };
  return { kind: 'unknown' };
}

function mergeShapes(parts: readonly BodyShape[]): BodyShape {
  const properties = new Map<string, BodyProperty>();
  const alternatives: BodyShape[] = [];
  const examples: BodyShape[] = [];
  let schemaName: string | undefined;
  let title: string | undefined;
  for (const part of parts) {
    for (const property of part.properties ?? []) {
      const existing = properties.get(property.name);
      properties.set(property.name, existing ? { ...property, required: existing.required || property.required } : property);
    }
    alternatives.push(...(part.alternatives ?? []));
    examples.push(...(part.examples ?? []));
    title ??= part.title;
    // In `allOf`, an error-named part makes the whole an error: keep that name over a neutral one.
    if (part.schemaName && (!schemaName || /error|problem|fault|exception/i.test(part.schemaName))) schemaName = part.schemaName;
  }
  return {
    kind: properties.size > 0 || parts.some((part) => part.kind === 'object') ? 'object' : parts[0]?.kind ?? 'unknown',
    properties: [...properties.values()],
    schemaName,
    title,
    alternatives: alternatives.length ? alternatives : undefined,
    examples: examples.length ? examples : undefined,
  };
}

function schemaShape(walk: Walk, raw: Schema, file: string, depth: number, name?: string): BodyShape {
  const cacheKey = isRef(raw) ? `${file}#${raw.$ref}@${depth}` : undefined;
  const cached = cacheKey ? walk.cache.get(cacheKey) : undefined;
  if (cached) return cached;
  const shape = buildSchemaShape(walk, raw, file, depth, name);
  if (cacheKey) walk.cache.set(cacheKey, shape);
  return shape;
}

function buildSchemaShape(walk: Walk, raw: Schema, file: string, depth: number, name?: string): BodyShape {
  const resolved = resolveSchema(walk, raw, file);
  if (!resolved) return { kind: 'unknown', schemaName: isRef(raw) ? refName(raw.$ref) : name };
  const key = isRef(raw) ? `${file}#${raw.$ref}` : undefined;
  if (key) walk.seen.add(key);
  try {
    const { schema } = resolved;
    const schemaName = resolved.name ?? name;
    const parts: BodyShape[] = [];
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const memberSchema = asSchema(member);
      if (memberSchema && depth < MAX_DEPTH) parts.push(schemaShape(walk, memberSchema, resolved.file, depth + 1));
    }
    const alternatives: BodyShape[] = [];
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      for (const member of Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : []) {
        const memberSchema = asSchema(member);
        if (memberSchema && depth < MAX_DEPTH) alternatives.push(schemaShape(walk, memberSchema, resolved.file, depth + 1));
      }
    }
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((item): item is string => typeof item === 'string') : []);
    const propertiesObject = asSchema(schema.properties) ?? {};
    const properties: BodyProperty[] = Object.entries(propertiesObject).map(([propertyName, propertySchema]) => ({
      name: propertyName,
      required: required.has(propertyName),
      value: valueShape(walk, propertySchema, resolved.file, depth),
    }));
    const examples = [
      ...(schema.example !== undefined ? [schema.example] : []),
      ...(Array.isArray(schema.examples) ? schema.examples : []),
    ].map((example) => bodyShapeFromValue(exampleValue(example)));
    const type = typeOf(schema);
    const own: BodyShape = {
      kind: type === 'object' || properties.length > 0 ? 'object' : type === 'array' ? 'array' : type === 'string' ? 'text' : 'unknown',
      properties,
      schemaName,
      title: typeof schema.title === 'string' ? schema.title : undefined,
      alternatives: alternatives.length ? alternatives : undefined,
      examples: examples.length ? examples : undefined,
    };
    return parts.length ? mergeShapes([own, ...parts]) : own;
  } finally {
    if (key) walk.seen.delete(key);
  }
}

/** The body shape of a schema written in `file`. */
export function shapeOfSchema(documents: DocumentSet, schema: unknown, file: string): BodyShape | undefined {
  const object = asSchema(schema);
  if (!object) return undefined;
  let cache = caches.get(documents);
  if (!cache) {
    cache = new Map();
    caches.set(documents, cache);
  }
  return schemaShape({ documents, seen: new Set(), cache }, object, file, 0);
}
