// What the scan parses: the files that may answer a request or declare a route, each once, shared with the
// application model; not components, tests, or files a name is merely searched in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from './temp-project.js';
import { parseCount } from '@status-lint/eslint-plugin/analysis';
import { scanProject } from '../src/index.js';

describe('what the project scan reads', () => {
  it('parses the server and the helper it imports once each, and neither a component nor a test nor a plain utility', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', allowJs: true }, include: ['src'] }),
      'src/server.ts': `import express from 'express';
import { ConflictError } from './errors';
const app = express();
app.post('/users', (req, res) => {
  if (req.body.taken) throw new ConflictError('User already exists');
  res.status(201).json({});
});
export default app;
`,
      'src/errors.ts': 'export class ConflictError extends Error { status = 400; }\n',
      // A component that throws, exports a default and reads a map: no request is answered here.
      'src/components/Button.tsx': "export default function Button(props: { map: Map<string, string> }) {\n  if (!props.map.get('x')) throw new Error('no label');\n  return <button>{props.map.get('x')}</button>;\n}\n",
      'src/server.test.ts': "import request from 'supertest';\nimport app from './server';\nit('posts', async () => { await request(app).post('/users').expect(201); });\n",
      'src/lib/format.ts': "export function format(label: string) { if (!label) throw new Error('empty'); return label.trim(); }\n",
    });
    const before = parseCount();
    const scan = scanProject(join(dir, 'tsconfig.json'), dir);
    expect(scan.routes.map((route) => `${route.method} ${route.path}`)).toEqual(['POST /users']);
    expect(scan.responses.map((response) => response.fact.status).sort()).toEqual([201, 400]);
    // server.ts, and errors.ts once (the model resolving ConflictError and the scan reaching the file share the parse).
    expect(parseCount() - before).toBe(2);
  });

  it('reads neither React client modules nor tests named by their kind, but does read a page that answers on the server', () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', allowJs: true }, include: ['src'] }),
      'src/api/users.ts': "import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  if (!req.query.id) return res.status(400).json({ error: 'id is required' });\n  res.status(200).json({});\n}\n",
      // A hook and a store: they speak of `{ success: false }` and hand `c` around, and answer no request.
      'src/hooks/useUser.ts': "import { useState } from 'react';\nexport function useUser(c: string) { const [s] = useState({ success: false, error: 'x' }); return load(c); }\nfunction load(c: string) { return c; }\n",
      'src/store/state.ts': "'use client';\nexport const initial = { success: false, error: 'not loaded' };\nexport function reset(ctx: unknown) { return save(ctx); }\nfunction save(ctx: unknown) { return ctx; }\n",
      'src/api/users.clienttest.ts': "import handler from './users';\nit('answers', () => { expect(handler).toBeDefined(); throw notReached(); });\n",
      'src/api/users.servertest.ts': "import handler from './users';\nit('answers', () => { const res = { status: () => res, json: () => res }; handler({ query: {} } as never, res as never); });\n",
      // A page module that imports React and answers on the server.
      'src/pages/item.tsx': "import React from 'react';\nexport async function getServerSideProps({ res }: { res: { statusCode: number } }) {\n  res.statusCode = 404;\n  return { props: {} };\n}\nexport default function Item() { return <div />; }\n",
    });
    const before = parseCount();
    const scan = scanProject(join(dir, 'tsconfig.json'), dir);
    expect(scan.responses.some((response) => response.fact.status === 400)).toBe(true);
    // users.ts and the page, nothing else.
    expect(parseCount() - before).toBe(2);
  });
});
