// JSON with comments and trailing commas (tsconfig style, what editors allow): blanked to plain JSON of the same
// length, so that JSON.parse reads it and every offset, line and column stays where the user wrote it.
import { createRequire } from 'node:module';

/** Loaded for the JSON text that needs it (comments, trailing commas), not on every run. */
let jsoncModule: typeof import('jsonc-parser') | undefined;
const jsonc = () => (jsoncModule ??= createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser'));

export type JsoncResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly hadComments: boolean };

export function blankJsonc(text: string): JsoncResult {
  const ranges: [number, number][] = [];
  let pendingComma = -1;
  let error: { message: string; offset: number } | undefined;
  const valueStarts = () => {
    pendingComma = -1;
  };
  // A comma right before `}` or `]` is a trailing comma: blanked like a comment.
  const closes = () => {
    if (pendingComma >= 0) ranges.push([pendingComma, pendingComma + 1]);
    pendingComma = -1;
  };
  try {
    jsonc().visit(
      text,
      {
        onComment: (offset, length) => ranges.push([offset, offset + length]),
        onSeparator: (character, offset) => {
          if (character === ',') pendingComma = offset;
        },
        onObjectProperty: valueStarts,
        onLiteralValue: valueStarts,
        onObjectBegin: valueStarts,
        onArrayBegin: valueStarts,
        onObjectEnd: closes,
        onArrayEnd: closes,
        onError: (code, offset) => {
          error ??= { message: jsonc().printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), offset };
        },
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (thrown) {
    // The visitor recurses: text nested deeper than the stack is not JSONC this tool can read; JSON's own error stands.
    if (thrown instanceof RangeError) return { ok: false, message: 'nested too deeply', offset: 0, hadComments: false };
    throw thrown;
  }
  const found = error as { message: string; offset: number } | undefined;
  if (found) return { ok: false, ...found, hadComments: ranges.length > 0 };
  if (ranges.length === 0) return { ok: true, text, changed: false };
  // Offsets are UTF-16 code units: blank on an array of them, keeping line breaks so lines stay where they were.
  const units = text.split('');
  for (const [from, to] of ranges) for (let index = from; index < to; index++) if (units[index] !== '\n' && units[index] !== '\r') units[index] = ' ';
  return { ok: true, text: units.join(''), changed: true };
}
