// Walking a subtree with the parser's visitor keys: the one traversal the analysis of a file needs.
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './values.js';

/** Visit every node below `root` (and `root` itself); return false from `visit` to skip a node's children. */
export function walk(context: FileContext, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const keys = context.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const nodeKeys = keys[node.type];
    if (!nodeKeys) continue;
    for (let index = nodeKeys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[nodeKeys[index]];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item--) {
          const element = child[item] as TSESTree.Node | null;
          if (element && typeof element.type === 'string') stack.push(element);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** Is `inner` inside `outer` (or the same node)? */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
