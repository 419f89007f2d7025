// The YAML parsers, loaded on first use: a run over JSON descriptions (most large ones are JSON) never loads them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;
let jsYaml: typeof import('js-yaml') | undefined;

/** `yaml`: positions, comments, duplicate keys; used where a document must be located or checked node by node. */
export function yamlLibrary(): typeof import('yaml') {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml;
}

/** `js-yaml`: the fast path for values only. */
export function jsYamlLibrary(): typeof import('js-yaml') {
  jsYaml ??= require('js-yaml') as typeof import('js-yaml');
  return jsYaml;
}
