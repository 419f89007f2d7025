// Schema validation of a root document with swagger-parser, reported as problems beside the findings (opt-in: `--validate`).
import type { OpenAPI } from 'openapi-types';
import { parsePointer } from './json-pointer.js';

export interface ValidationProblem {
  readonly message: string;
  /** Where in the document, as unescaped path segments. */
  readonly path: readonly string[];
}

interface AjvDetail {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

const MAX_PROBLEMS = 50;

/** Drop the noise of `oneOf` alternatives (every response "must have required property '$ref'"). */
function meaningful(detail: AjvDetail): boolean {
  if (detail.keyword === 'oneOf' || detail.keyword === 'anyOf' || detail.keyword === 'if') return false;
  return detail.params?.missingProperty !== '$ref';
}

function describe(detail: AjvDetail): string {
  const extra = typeof detail.params?.additionalProperty === 'string' ? ` ("${detail.params.additionalProperty}")` : '';
  return `${detail.message ?? 'is invalid'}${extra}`;
}

/** Validate against the official schema of its version; never throws. */
export async function validateDocument(value: unknown): Promise<ValidationProblem[]> {
  try {
    // Loaded only when asked for: it brings a schema validator that every plain run would pay to start.
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    await SwaggerParser.validate(structuredClone(value) as OpenAPI.Document, {
      resolve: { external: false },
      validate: { schema: true, spec: false },
    });
    return [];
  } catch (error) {
    const details = ((error as { details?: AjvDetail[] }).details ?? []).filter(meaningful);
    if (details.length === 0) return [{ message: `schema validation: ${(error as Error).message.split('\n')[0]}`, path: [] }];
    const seen = new Set<string>();
    const problems: ValidationProblem[] = [];
    for (const detail of details) {
      const message = `schema validation: ${detail.instancePath || '/'} ${describe(detail)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ message, path: parsePointer(detail.instancePath ?? '') });
      if (problems.length >= MAX_PROBLEMS) break;
    }
    return problems;
  }
}
