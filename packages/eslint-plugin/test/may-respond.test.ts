// Which files may answer a request, read from their text before anything is walked or parsed.
import { describe, expect, it } from 'vitest';
import { mayRespond } from '../src/may-respond.js';

describe('mayRespond', () => {
  it('keeps every way of answering the analysis knows', () => {
    const answering = [
      "res.status(403).json({ error: 'no' });",
      "throw new WorkflowAlreadyExistsException('exists');",
      "throw createError(400, 'bad');",
      "export const deny = () => Response.json({}, { status: 401 });",
      "import { deny } from './respond';\nexport function a() { return deny(); }",
      'const result = () => ({ success: false, message: "nope" });',
      "return { status: 400, body: { error: 'x' } };",
      "export const GET = () => NextResponse.json({});",
      "@Get(':id') find() {}",
      "ctx.status = 429;",
      "await sendError(res, 'oops');",
      "return quickError(401, 'cannot_access_app', 'no');",
      "throw new TRPCError({ code: 'FORBIDDEN' });",
      "return responses.ok(data);",
      "const res = await fetch(url);\nif (!res.ok) throw new Error('upload failed');",
      "export const load = async () => ({ models: await openai.models.list() });",
      "export const actions = { summarize: async () => ({ summary: await summarize() }) } satisfies Actions;",
      "export async function loader() { return { customer: await stripe.customers.retrieve(id) }; }",
    ];
    for (const text of answering) expect(mayRespond(text), text).toBe(true);
  });

  it('lets go of types, components and utilities', () => {
    const quiet = [
      'export interface User { id: string; status: string }',
      "export default function Button(props: { map: Map<string, string> }) {\n  if (!props.map.get('x')) throw new Error('no label');\n  return null;\n}",
      "export function format(label: string) { if (!label) throw new TypeError('empty'); return label.trim(); }",
      "export function loadConfig() { return { port: 3000 }; }",
    ];
    for (const text of quiet) expect(mayRespond(text), text).toBe(false);
  });
});
