// YAML aliases share one value between many places; every walk of the document (examples, schemas, validation)
// sees it once per place. A document whose aliases multiply it far beyond its own size is refused up front, so
// time and memory stay proportional to the file, not to its expansion ("billion laughs").

/** Values the walks may see in all, and how many times the distinct values they may multiply to. */
export const MAX_EXPANDED_VALUES = 2_000_000;
const MAX_EXPANSION_RATIO = 10;

export interface Expansion {
  readonly distinct: number;
  readonly expanded: number;
}

/** Count the values of a parsed document as distinct objects and as a tree walk would see them (linear time). */
export function measureExpansion(root: unknown): Expansion {
  const size = new Map<object, number>();
  const inProgress = new Set<object>();
  // Iterative post-order: documents can be nested deeper than the call stack.
  const stack: { node: object; expanded: boolean }[] = [];
  const push = (value: unknown) => {
    if (value !== null && typeof value === 'object' && !size.has(value) && !inProgress.has(value)) stack.push({ node: value, expanded: false });
  };
  push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (size.has(top.node)) {
      stack.pop();
      continue;
    }
    const children = Array.isArray(top.node) ? (top.node as unknown[]) : Object.values(top.node);
    if (!top.expanded) {
      top.expanded = true;
      inProgress.add(top.node);
      for (const child of children) push(child);
      continue;
    }
    stack.pop();
    inProgress.delete(top.node);
    let total = 1;
    for (const child of children) {
      // A cycle (`a: &a [*a]`) counts once: walks stop at a value they are already inside.
      if (child !== null && typeof child === 'object') total += size.get(child) ?? 1;
      else total += 1;
      if (total > Number.MAX_SAFE_INTEGER / 2) total = Number.MAX_SAFE_INTEGER / 2;
    }
    size.set(top.node, total);
  }
  const expanded = root !== null && typeof root === 'object' ? size.get(root) ?? 1 : 1;
  return { distinct: size.size, expanded };
}

/** Why a document's aliases are refused, or undefined when they expand it modestly. */
export function excessiveExpansion(root: unknown): string | undefined {
  const { distinct, expanded } = measureExpansion(root);
  if (expanded <= MAX_EXPANDED_VALUES || expanded <= distinct * MAX_EXPANSION_RATIO) return undefined;
  const shown = expanded >= 1e9 ? `${(expanded / 1e9).toFixed(1)} billion` : `${Math.round(expanded / 1e6)} million`;
  return `YAML aliases expand this document to about ${shown} values from ${distinct} written ones (an alias bomb?); not linted. Write the shared parts once and refer to them with $ref`;
}
