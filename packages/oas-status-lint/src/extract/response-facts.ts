// Turn each response site into the core's ResponseFacts: one per status it is used under.
import { bodyShapeFromValue, type BodyShape, type ResponseFact, type TextEvidence } from '@status-lint/core';
import { isRef, type DocumentSet } from '../load/document-set.js';
import { exampleValue, shapeOfSchema } from './schema-shape.js';
import type { IgnoreDirective } from './ignore-directives.js';
import type { ResponseSite, ResponseUsage, SpecVersion } from './walk-spec.js';

/** A fact, where it is written, and the directives that may silence its findings. */
export interface SpecFact {
  readonly fact: ResponseFact;
  readonly site: ResponseSite;
  /** Directives that apply: per rule id, the ones on the response and, when every user ignores it, theirs. */
  ignoresFor(ruleId: string): readonly IgnoreDirective[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function statusOfKey(key: string): { status?: number; statusClass?: number } {
  if (/^\d{3}$/.test(key)) return { status: Number(key), statusClass: Number(key[0]) };
  if (/^[1-5]XX$/i.test(key)) return { statusClass: Number(key[0]) };
  return {};
}

function resolved(documents: DocumentSet, value: unknown, file: string): unknown {
  if (!isRef(value)) return value;
  const target = documents.resolve(value.$ref, file);
  return target.ok ? target.value : undefined;
}

/** The example payloads of a media type object, `$ref`s resolved and JSON strings parsed. */
function exampleValuesOf(documents: DocumentSet, media: Record<string, unknown>, file: string): unknown[] {
  const values: unknown[] = [];
  if (media.example !== undefined) values.push(media.example);
  if (isObject(media.examples)) {
    for (const example of Object.values(media.examples)) {
      const object = resolved(documents, example, file);
      if (isObject(object) && 'value' in object) values.push(object.value);
    }
  }
  return values.map(exampleValue);
}

const MAX_EXAMPLE_TEXTS = 40;

/** The strings an example carries (`{"message": {"key": ["has already been taken"]}}`): its own words. */
export function exampleTexts(values: readonly unknown[]): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (texts.length >= MAX_EXAMPLE_TEXTS || depth > 5) return;
    if (typeof value === 'string') {
      if (value.length > 2 && value.length < 400 && /[a-z]{3}/i.test(value) && !/^(?:https?:|\/|[\w.+-]+@)/.test(value)) texts.push(value);
    } else if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (isObject(value)) for (const item of Object.values(value)) visit(item, depth + 1);
  };
  for (const value of values) visit(value, 0);
  return texts;
}

function withExamples(shape: BodyShape | undefined, examples: readonly BodyShape[], mediaType?: string): BodyShape | undefined {
  if (!shape && examples.length === 0 && !mediaType) return undefined;
  const base: BodyShape = shape ?? { kind: 'unknown' };
  return {
    ...base,
    mediaType: mediaType ?? base.mediaType,
    examples: examples.length || base.examples ? [...(base.examples ?? []), ...examples] : undefined,
  };
}

const JSONISH = /json|\*\/\*|xml|text\/plain/i;

/** The body of an OpenAPI 3.x response: the problem+json entry if any, else the first JSON-like one. */
interface BodyAndExamples {
  readonly body?: BodyShape;
  readonly exampleValues: readonly unknown[];
}

function bodyOf3(documents: DocumentSet, response: Record<string, unknown>, file: string): BodyAndExamples {
  if (!isObject(response.content)) return { exampleValues: [] };
  const entries = Object.entries(response.content).filter(([, media]) => isObject(media)) as [string, Record<string, unknown>][];
  // problem+json beside other media types is usually a `produces` list copied onto every response: only alone is it the body.
  const problemOnly = entries.length === 1 && /^application\/problem\+/i.test(entries[0][0]) ? entries[0] : undefined;
  const chosen = problemOnly ?? entries.find(([type]) => JSONISH.test(type) && !/^application\/problem\+/i.test(type)) ?? entries[0];
  if (!chosen) return { exampleValues: [] };
  const [mediaType, media] = chosen;
  const values = entries.flatMap(([, entry]) => exampleValuesOf(documents, entry, file));
  // No example on the media type: the schema's own (`Error401: { example: { ... } }`) speaks for the response.
  if (values.length === 0) values.push(...schemaExampleValues(documents, media.schema, file));
  return { body: withExamples(shapeOfSchema(documents, media.schema, file), values.map((value) => bodyShapeFromValue(value)), mediaType), exampleValues: values };
}

/** The `example` (or `examples` list) written on a response's schema itself, after its `$ref`. */
function schemaExampleValues(documents: DocumentSet, schema: unknown, file: string): unknown[] {
  const target = resolved(documents, schema, file);
  if (!isObject(target)) return [];
  const values = [...(target.example !== undefined ? [target.example] : []), ...(Array.isArray(target.examples) ? target.examples : [])];
  return values.map(exampleValue);
}

/** The body of a Swagger 2.0 response: its schema, `examples` by media type, and `produces`. */
function bodyOf2(documents: DocumentSet, response: Record<string, unknown>, file: string, produces?: readonly string[]): BodyAndExamples {
  const values = isObject(response.examples) ? Object.values(response.examples).map(exampleValue) : [];
  if (values.length === 0) values.push(...schemaExampleValues(documents, response.schema, file));
  const problem = produces?.find((type) => /^application\/problem\+/i.test(type));
  const onlyProblem = problem && produces?.length === 1 ? problem : undefined;
  return { body: withExamples(shapeOfSchema(documents, response.schema, file), values.map((value) => bodyShapeFromValue(value)), onlyProblem), exampleValues: values };
}

function headerNames(response: Record<string, unknown>): string[] {
  return isObject(response.headers) ? Object.keys(response.headers) : [];
}

function textsOf(response: Record<string, unknown>, body: BodyShape | undefined, exampleValues: readonly unknown[]): TextEvidence[] {
  const texts: TextEvidence[] = [];
  if (typeof response.description === 'string') texts.push({ source: 'description', text: response.description });
  if (typeof response.summary === 'string') texts.push({ source: 'summary', text: response.summary });
  if (body?.title) texts.push({ source: 'title', text: body.title });
  for (const text of exampleTexts(exampleValues)) texts.push({ source: 'example', text });
  for (const text of enumMessages(body)) texts.push({ source: 'schema', text });
  return texts;
}

/** Properties whose values are sentences for people: their `enum` lists what the response may say. */
const MESSAGE_PROPERTY = /^(?:error_?)?(?:description|message|msg|detail|details|reason|title)$/i;
const MAX_ENUM_MESSAGES = 20;

/** `errorDescription: { enum: ['Authentication failed', 'You are not authorized to use this API'] }`: each value, in words. */
function enumMessages(body: BodyShape | undefined, depth = 0): string[] {
  const texts: string[] = [];
  for (const property of body?.properties ?? []) {
    const value = property.value;
    if (value.kind === 'enum' && MESSAGE_PROPERTY.test(property.name)) {
      for (const item of value.values) if (typeof item === 'string' && /[a-z]{3}/i.test(item) && /\s/.test(item)) texts.push(item);
    } else if (value.kind === 'object' && value.shape && depth < 1) texts.push(...enumMessages(value.shape, depth + 1));
  }
  return texts.slice(0, MAX_ENUM_MESSAGES);
}

function commonSiblings(usages: readonly ResponseUsage[]): string[] | undefined {
  if (usages.some((usage) => !usage.siblings)) return undefined;
  const [first, ...rest] = usages.map((usage) => usage.siblings!);
  return first.filter((key) => rest.every((siblings) => siblings.includes(key)));
}

/** Facts for every site, one per distinct status key it is used under. */
/**
 * Facts for every site, one per distinct status key it is used under. `wanted` says which statuses some rule
 * reads: the others are skipped, since building bodies and examples is most of the work on big specs.
 */
export function responseFacts(
  documents: DocumentSet,
  version: SpecVersion,
  sites: readonly ResponseSite[],
  wanted: (status: number | undefined, statusClass: number | undefined) => boolean = () => true,
): SpecFact[] {
  const facts: SpecFact[] = [];
  for (const site of sites) {
    const byStatus = new Map<string, ResponseUsage[]>();
    for (const usage of site.usages) {
      const group = byStatus.get(usage.statusKey);
      if (group) group.push(usage);
      else byStatus.set(usage.statusKey, [usage]);
    }
    for (const [statusKey, usages] of byStatus) {
      if (statusKey === 'UNKNOWN') continue;
      const status = statusOfKey(statusKey);
      if (!wanted(status.status, status.statusClass)) continue;
      const produces = usages.find((usage) => usage.produces)?.produces;
      const { body, exampleValues } = version === 'swagger-2.0' ? bodyOf2(documents, site.response, site.location.file, produces) : bodyOf3(documents, site.response, site.location.file);
      const operations = usages.map((usage) => usage.operation).filter((operation): operation is string => Boolean(operation));
      const fact: ResponseFact = {
        origin: 'spec',
        ...status,
        statusText: statusKey === 'DEFAULT' ? 'default' : statusKey,
        texts: textsOf(site.response, body, exampleValues),
        body,
        headers: { names: headerNames(site.response), complete: true },
        context: { operations, siblingStatuses: commonSiblings(usages), producer: version },
      };
      facts.push({
        fact,
        site,
        ignoresFor(ruleId) {
          const own = site.ownIgnores.filter((directive) => directive.ruleId === ruleId);
          const perUsage = usages.map((usage) => usage.ignores.filter((directive) => directive.ruleId === ruleId));
          const everyUserIgnores = perUsage.length > 0 && perUsage.every((found) => found.length > 0);
          return everyUserIgnores ? [...own, ...perUsage.flat()] : own;
        },
      });
    }
  }
  return facts;
}
