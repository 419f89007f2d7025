// Small builders of ResponseFacts for the core's tests.
import type { BodyShape, GuardEvidence, ResponseFact, UpstreamEvidence } from '../src/facts.js';

export function specFact(status: number | string, description: string, extra: Partial<ResponseFact> = {}): ResponseFact {
  const numeric = typeof status === 'number' ? status : /^\d{3}$/.test(status) ? Number(status) : undefined;
  const statusClass = typeof status === 'number' ? Math.floor(status / 100) : /^[1-5]XX$/.test(status) ? Number(status[0]) : undefined;
  return {
    origin: 'spec',
    status: numeric,
    statusClass,
    statusText: String(status),
    texts: description ? [{ source: 'description', text: description }] : [],
    headers: { names: [], complete: true },
    ...extra,
  };
}

export function codeFact(status: number, extra: Partial<ResponseFact> & { message?: string } = {}): ResponseFact {
  const { message, ...rest } = extra;
  return {
    origin: 'code',
    status,
    statusClass: Math.floor(status / 100),
    statusText: String(status),
    texts: message ? [{ source: 'message', text: message }] : [],
    ...rest,
  };
}

export function guard(text: string, parts: Partial<GuardEvidence> = {}): GuardEvidence {
  return { text, members: [], callees: [], lookups: [], negated: false, ...parts };
}

export function upstream(callees: string[], errorMarkers: string[] = [], via: UpstreamEvidence['via'] = 'catch'): UpstreamEvidence {
  return { callees, errorMarkers, via };
}

export function objectBody(properties: Record<string, BodyShape['properties'] extends readonly (infer P)[] | undefined ? Omit<P, 'name'> : never>, extra: Partial<BodyShape> = {}): BodyShape {
  return { kind: 'object', properties: Object.entries(properties).map(([name, property]) => ({ name, ...property })), ...extra };
}
