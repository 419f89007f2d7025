// JSON pointers: parse `$ref` fragments (percent- and tilde-encoded) and write pointers for output.

/** `/paths/~1a~1%7Bid%7D/get` -> ['paths', '/a/{id}', 'get'] */
export function parsePointer(fragment: string): string[] {
  if (fragment === '' || fragment === '/') return fragment === '/' ? [''] : [];
  const body = fragment.startsWith('/') ? fragment.slice(1) : fragment;
  return body.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A stray `%` is kept as written: real specs have them.
    }
    return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
  });
}

/** ['paths', '/users', 'post'] -> `/paths/~1users/post` */
export function formatPointer(path: readonly string[]): string {
  return path.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}
