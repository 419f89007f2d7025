import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { isMethodReceiver } from '../src/app-model/response-methods.js';
import { setProjectRoot, sourceFile } from '../src/app-model/source-files.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-lint-reply-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("a function Fastify's decorateReply makes a method of every reply", () => {
  it('has the reply as `this` even when the function is read before the call that decorates with it', () => {
    const dir = project({
      'src/decorators/domain-error.ts': 'export default function domainError(this: any, message: string) {\n  return this.code(400).send({ message });\n}\nexport function notDecorated(this: any) {\n  return this.code(400).send({});\n}\n',
      'src/api.ts': "import domainError from './decorators/domain-error.js';\nexport function decorate(server: any) {\n  server.decorateReply('domainError', domainError);\n}\n",
    });
    setProjectRoot(dir);
    try {
      const parsed = sourceFile(join(dir, 'src/decorators/domain-error.ts'));
      const functions = parsed!.program.body.map((statement) => ((statement as TSESTree.ExportNamedDeclaration).declaration ?? statement) as TSESTree.FunctionDeclaration);
      const self = { type: AST_NODE_TYPES.ThisExpression } as TSESTree.ThisExpression;
      expect(functions.map((fn) => fn.id?.name)).toEqual(['domainError', 'notDecorated']);
      expect(functions.map((fn) => isMethodReceiver(fn, self))).toEqual([true, false]);
    } finally {
      setProjectRoot(undefined);
    }
  });
});
