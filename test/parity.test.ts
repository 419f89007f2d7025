// Parity: the same scenario written as server code and as an OpenAPI description gives the same rule id and suggested status.
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '@status-lint/eslint-plugin';
import { lintSources } from 'oas-status-lint';

interface Scenario {
  readonly name: string;
  readonly code: string;
  readonly spec: string;
  readonly ruleId: string;
  /** The status both front ends suggest; undefined where the fix is a header. */
  readonly status?: number;
}

function openapi(path: string, method: string, responses: string): string {
  return `openapi: 3.0.3
info: { title: parity, version: 1.0.0 }
paths:
  ${path}:
    ${method}:
      responses:
${responses}`;
}

const scenarios: readonly Scenario[] = [
  {
    name: 'a 401 for missing permissions',
    ruleId: 'no-401-for-forbidden',
    status: 403,
    code: `import express from 'express';
const app = express();
app.delete('/projects/:id', (req, res) => {
  if (!canDelete(req.user)) return res.status(401).json({ message: 'Insufficient permissions to delete this project' });
  res.status(204).end();
});`,
    spec: openapi('/projects/{id}', 'delete', `        '204': { description: Deleted }
        '401': { description: Insufficient permissions to delete this project }
`),
  },
  {
    name: 'a 400 for a duplicate',
    ruleId: 'no-400-for-semantic-error',
    status: 409,
    code: `import express from 'express';
const app = express();
app.post('/users', async (req, res) => {
  if (await emailTaken(req.body.email)) return res.status(400).json({ message: 'A user with this email already exists' });
  res.status(201).json({});
});`,
    spec: openapi('/users', 'post', `        '201': { description: Created }
        '400': { description: A user with this email already exists }
`),
  },
  {
    name: 'a 400 for a business rule',
    ruleId: 'no-400-for-semantic-error',
    status: 422,
    code: `import express from 'express';
const app = express();
app.post('/transfers', async (req, res) => {
  if (!(await hasBalance(req.body))) return res.status(400).json({ message: 'Insufficient funds' });
  res.status(201).json({});
});`,
    spec: openapi('/transfers', 'post', `        '201': { description: Created }
        '400': { description: Insufficient funds }
`),
  },
  {
    name: 'a 500 for an upstream failure',
    ruleId: 'no-500-for-upstream-error',
    status: 502,
    code: `import express from 'express';
const app = express();
app.post('/checkout', async (req, res) => {
  const ok = await charge(req.body);
  if (!ok) return res.status(500).json({ message: 'The payment provider returned an error' });
  res.json({});
});`,
    spec: openapi('/checkout', 'post', `        '200': { description: OK }
        '500': { description: The payment provider returned an error }
`),
  },
  {
    name: 'a 500 for an upstream timeout',
    ruleId: 'no-500-for-upstream-error',
    status: 504,
    code: `import express from 'express';
const app = express();
app.get('/quotes', async (req, res) => {
  const quotes = await loadQuotes();
  if (!quotes) return res.status(500).send('Upstream service timed out');
  res.json(quotes);
});`,
    spec: openapi('/quotes', 'get', `        '200': { description: OK }
        '500': { description: Upstream service timed out }
`),
  },
  {
    name: 'a 429 without Retry-After',
    ruleId: 'require-retry-after-on-429',
    code: `import express from 'express';
const app = express();
app.get('/search', (req, res) => {
  if (limited(req)) return res.status(429).json({ message: 'Too many requests' });
  res.json([]);
});`,
    spec: openapi('/search', 'get', `        '200': { description: OK }
        '429': { description: Too many requests }
`),
  },
];

const linter = new Linter({ configType: 'flat' });

function lintCode(code: string): { ruleId: string | null; status?: number }[] {
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { '@status-lint': plugin }, rules: plugin.configs.all.rules }],
    { filename: 'src/app.ts' },
  );
  return messages.map((message) => {
    const suggestion = message.suggestions?.find((item) => item.messageId === 'replaceStatus');
    const status = suggestion?.data && typeof suggestion.data.status === 'number' ? suggestion.data.status : undefined;
    return { ruleId: message.ruleId?.replace('@status-lint/', '') ?? null, status };
  });
}

async function lintSpec(spec: string): Promise<{ ruleId: string | null; status?: number }[]> {
  const [result] = await lintSources([{ file: '/parity/openapi.yaml', text: spec }], { rules: { extends: ['all'] } });
  return result.messages.map((message) => ({ ruleId: message.ruleId, status: message.suggestion?.status }));
}

describe('parity between the ESLint plugin and oas-status-lint', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: ${scenario.ruleId}${scenario.status ? ` -> ${scenario.status}` : ''}`, async () => {
      const fromCode = lintCode(scenario.code);
      const fromSpec = await lintSpec(scenario.spec);
      const expected = [{ ruleId: scenario.ruleId, status: scenario.status }];
      expect(fromCode).toEqual(expected);
      expect(fromSpec).toEqual(expected);
    });
  }
});
