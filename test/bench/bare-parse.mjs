// The floor for the speed benchmark: read and parse each file named on the command line in one process, and nothing else.
// JSON: JSON.parse. YAML (.yaml/.yml): the yaml package, the parser oas-status-lint uses; with --js-yaml first, js-yaml (the one Redocly uses).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const useJsYaml = args[0] === '--js-yaml';
const files = useJsYaml ? args.slice(1) : args;
let parseYaml;

let documents = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let document;
  if (/\.ya?ml$/i.test(file)) {
    parseYaml ??= useJsYaml ? (await import('js-yaml')).load : (await import('yaml')).parse;
    document = parseYaml(text);
  } else document = JSON.parse(text);
  if (document && typeof document === 'object') documents++;
}
process.stdout.write(`parsed ${documents} documents\n`);
