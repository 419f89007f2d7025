// Where a node is in its file. ESLint's trees carry `loc`; the trees the fast parser gives the application model do
// not (one `loc` and two positions per node were a fifth of the cost of parsing a file): their positions are found
// from the node's range and its file's line starts, when a finding or a message needs them.
import type { TSESTree } from '@typescript-eslint/utils';
import { lineIndexOf } from '@status-lint/core';

/** The offsets at which the lines of a text start. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESTree's line (1-based) and column (0-based) of an offset. */
export function positionOf(lineStarts: readonly number[], offset: number): TSESTree.Position {
  const index = lineIndexOf(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index] };
}

const linesOfTree = new WeakMap<TSESTree.Node, readonly number[]>();

/** Remember the line starts of a tree parsed without `loc`. */
export function rememberLines(program: TSESTree.Program, lineStarts: readonly number[]): void {
  linesOfTree.set(program, lineStarts);
}

/** A node's location: its own `loc`, or one found from its range in the tree it belongs to. */
export function locOf(node: TSESTree.Node): TSESTree.SourceLocation {
  if (node.loc) return node.loc;
  let root: TSESTree.Node = node;
  while (root.parent) root = root.parent;
  const lineStarts = linesOfTree.get(root);
  if (!lineStarts) throw new Error(`no position known for a ${node.type} node`);
  return { start: positionOf(lineStarts, node.range[0]), end: positionOf(lineStarts, node.range[1]) };
}

/** The line a node starts on (1-based). */
export function lineOf(node: TSESTree.Node): number {
  return locOf(node).start.line;
}
