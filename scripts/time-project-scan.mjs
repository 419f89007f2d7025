// Times `oas-status-lint spec.yaml --project tsconfig.json` on a generated Express server of about 200 source files.
// Not a test: `npm run build && node scripts/time-project-scan.mjs [resources]` prints the figure (the budget is 10 s).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'packages', 'oas-status-lint', 'bin', 'oas-status-lint.js');
const resources = Number(process.argv[2] ?? 40);

/** Five files a resource (router, handlers, service, validation, model) and a few shared ones. */
function generate(dir) {
  const files = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist' }, include: ['src'] }, null, 2),
    'src/lib/http.ts': `import type { Response } from 'express';
export class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}
export function sendError(res: Response, status: number, message: string) {
  return res.status(status).json({ message });
}
`,
    'src/middleware/auth.ts': `import type { NextFunction, Request, Response } from 'express';
export function requireAuth(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.authorization) return res.status(401).json({ message: 'Login required' });
  next();
}
`,
    'src/middleware/errors.ts': `import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../lib/http.js';
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction) {
  res.status(err instanceof HttpError ? err.status : 500).json({ message: 'error' });
}
`,
  };
  const imports = [];
  const mounts = [];
  const paths = [];
  for (let index = 0; index < resources; index++) {
    const name = `thing${index}`;
    const Name = `Thing${index}`;
    files[`src/${name}/${name}.model.ts`] = `export interface ${Name} { id: string; name: string; createdAt: string }\nexport const ${name.toUpperCase()}_LIMIT = 100;\n`;
    files[`src/${name}/${name}.service.ts`] = `import { HttpError } from '../lib/http.js';
import type { ${Name} } from './${name}.model.js';
const store = new Map<string, ${Name}>();
export async function list${Name}s(): Promise<${Name}[]> { return [...store.values()]; }
export async function get${Name}(id: string): Promise<${Name}> {
  const found = store.get(id);
  if (!found) throw new HttpError(404, '${Name} not found');
  return found;
}
export async function create${Name}(input: { name: string }): Promise<${Name}> {
  if ([...store.values()].some((item) => item.name === input.name)) throw new HttpError(409, '${Name} already exists');
  const item = { id: String(store.size + 1), name: input.name, createdAt: new Date().toISOString() };
  store.set(item.id, item);
  return item;
}
export async function delete${Name}(id: string): Promise<void> {
  await get${Name}(id);
  store.delete(id);
}
`;
    files[`src/${name}/${name}.validation.ts`] = `import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../lib/http.js';
export function validate${Name}(req: Request, res: Response, next: NextFunction) {
  if (typeof req.body?.name !== 'string') return sendError(res, 400, 'name is required');
  next();
}
`;
    files[`src/${name}/${name}.handlers.ts`] = `import type { NextFunction, Request, Response } from 'express';
import { create${Name}, delete${Name}, get${Name}, list${Name}s } from './${name}.service.js';
export async function list(_req: Request, res: Response) { res.json(await list${Name}s()); }
export async function getOne(req: Request, res: Response, next: NextFunction) {
  try { res.json(await get${Name}(req.params.id)); } catch (error) { next(error); }
}
export async function create(req: Request, res: Response) { res.status(201).json(await create${Name}(req.body)); }
export async function remove(req: Request, res: Response) { await delete${Name}(req.params.id); res.sendStatus(204); }
`;
    files[`src/${name}/${name}.routes.ts`] = `import { Router } from 'express';
import { requireAuth } from '../middleware/auth.js';
import { validate${Name} } from './${name}.validation.js';
import * as handlers from './${name}.handlers.js';
export const ${name}Router = Router();
${name}Router.get('/', handlers.list);
${name}Router.get('/:id', handlers.getOne);
${name}Router.post('/', requireAuth, validate${Name}, handlers.create);
${name}Router.delete('/:id', requireAuth, handlers.remove);
`;
    imports.push(`import { ${name}Router } from './${name}/${name}.routes.js';`);
    mounts.push(`app.use('/${name}s', ${name}Router);`);
    paths.push(`  /${name}s:
    get:
      responses:
        '200': { description: The list. }
    post:
      responses:
        '201': { description: Created. }
        '400': { description: Invalid. }
        '401': { description: Login required. }
        '409': { description: Exists. }
  /${name}s/{id}:
    get:
      responses:
        '200': { description: The item. }
        '404': { description: Not found. }
    delete:
      responses:
        '204': { description: Deleted. }
        '401': { description: Login required. }
        '404': { description: Not found. }`);
  }
  files['src/app.ts'] = `import express from 'express';
${imports.join('\n')}
import { errorHandler } from './middleware/errors.js';
export const app = express();
app.use(express.json());
${mounts.join('\n')}
app.use(errorHandler);
`;
  files['openapi.yaml'] = `openapi: 3.0.3
info: { title: Generated, version: 1.0.0 }
paths:
${paths.join('\n')}
`;
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return Object.keys(files).filter((name) => name.endsWith('.ts')).length;
}

const dir = mkdtempSync(join(tmpdir(), 'status-lint-scan-'));
try {
  const count = generate(dir);
  const runs = [];
  let output = '';
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [BIN, 'openapi.yaml', '--project', 'tsconfig.json', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    runs.push(Number(process.hrtime.bigint() - started) / 1e9);
    output = result.stdout;
    if (result.status === 2) throw new Error(result.stderr || result.stdout);
  }
  const messages = JSON.parse(output).flatMap((result) => result.messages);
  const best = Math.min(...runs);
  process.stdout.write(
    `${count} source files, ${resources * 4} routes and operations: --project took ${runs.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')} (best ${best.toFixed(2)} s; budget 10 s), ${messages.length} findings\n`,
  );
  if (messages.length > 0) process.stdout.write(`${messages.slice(0, 5).map((message) => `  ${message.ruleId}: ${message.message}`).join('\n')}\n`);
  process.exitCode = best < 10 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
