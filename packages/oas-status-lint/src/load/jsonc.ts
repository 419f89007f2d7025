// JSON with comments and trailing commas (tsconfig style, what editors allow): blanked to plain JSON of the same
// length, so that JSON.parse reads it and every offset, line and column stays where the user wrote it.
import { printParseErrorCode, visit } from 'jsonc-parser';

export type JsoncResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly hadComments: boolean };

function blank(chars: string[], from: number, to: number): void {
  for (let index = from; index < to; index++) if (chars[index] !== '\n' && chars[index] !== '\r') chars[index] = ' ';
}

export function blankJsonc(text: string): JsoncResult {
  const ranges: [number, number][] = [];
  let pendingComma = -1;
  let error: { message: string; offset: number } | undefined;
  const valueStarts = () => {
    pendingComma = -1;
  };
  const closes = () => {
    if (pendingComma >= 0) ranges.push([pendingComma, pendingComma + 1]);
    pendingComma = -1;
  };
  visit(
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
        error ??= { message: printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), offset };
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  if (error) return { ok: false, ...error, hadComments: ranges.length > 0 };
  if (ranges.length === 0) return { ok: true, text, changed: false };
  const chars = [...text];
  // Offsets are UTF-16 code units; spreading splits by code point, so blank on a code-unit array instead.
  const units = chars.length === text.length ? chars : text.split('');
  for (const [from, to] of ranges) blank(units, from, to);
  return { ok: true, text: units.join(''), changed: true };
}
