// The application model's answer for one construction of an error class, for front ends that walk code themselves
// (the project scanner): the status it fixes, whatever file and base class decide it.
import type { TSESTree } from '@typescript-eslint/utils';
import { ProducerReader } from './producers.js';
import { applySource } from './producers.js';
import { sourceFile } from './source-files.js';

const reader = new ProducerReader(process.cwd());

/** The status `new X(...)` in `file` sends, when the application's classes (or a framework base) fix it. */
export function errorClassStatus(file: string, node: TSESTree.NewExpression): { status: number; name: string } | undefined {
  const source = sourceFile(file);
  if (!source) return undefined;
  const producer = reader.ofCallee(source, node.callee);
  if (!producer) return undefined;
  const status = applySource(source, undefined, producer.status, node.arguments);
  if (status?.kind !== 'constant' || status.status < 400 || status.status > 599) return undefined;
  return { status: status.status, name: producer.callee.replace(/^new |\(\)$/g, '') };
}
