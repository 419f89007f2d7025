// Which callees reach another service over the network: built-in clients plus user patterns such as `stripe.*`.

/** Root objects and functions of HTTP clients; any member call on them is an upstream call. */
const BUILT_IN_ROOTS = new Set([
  'fetch',
  'axios',
  'got',
  'ky',
  'undici',
  'superagent',
  'request',
  'needle',
  'phin',
  'ofetch',
  '$fetch',
  'wretch',
  'httpClient',
  'http.request',
  'https.request',
  'http.get',
  'https.get',
]);

/** Callees of another service's SDK that are common enough to know by default. */
const BUILT_IN_PATTERNS = ['axios.*', 'got.*', 'ky.*', 'undici.*', 'superagent.*', 'needle.*', 'this.httpService.*', 'httpService.*', 'this.http.*', 'globalThis.fetch', 'window.fetch'];

function matchesPattern(callee: string, pattern: string): boolean {
  if (pattern.endsWith('.*')) {
    const root = pattern.slice(0, -2);
    return callee === root || callee.startsWith(`${root}.`);
  }
  return callee === pattern;
}

/** Is this callee (`axios.get`, `fetch`, `stripe.charges.create`) a call to an upstream service? */
export function isUpstreamCallee(callee: string, extraPatterns: readonly string[] = []): boolean {
  // `this.paymentsClient.charge` is the same client as `paymentsClient.charge`.
  const bare = callee.replace(/^await\s+/, '').replace(/\?\./g, '.').replace(/^this\./, '');
  if (BUILT_IN_ROOTS.has(bare)) return true;
  const root = bare.split('.')[0];
  if (BUILT_IN_ROOTS.has(root) && root !== 'request') return true;
  return [...BUILT_IN_PATTERNS, ...extraPatterns].some((pattern) => matchesPattern(bare, pattern));
}
