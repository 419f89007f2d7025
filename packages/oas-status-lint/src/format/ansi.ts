// Colours for the human-readable output: Node's own `util.styleText`, and when to use them (flags, FORCE_COLOR,
// NO_COLOR, a terminal), as the ecosystem's tools decide it.
import { styleText } from 'node:util';

export interface Painter {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly underline: (text: string) => string;
}

const identity = (text: string): string => text;
type Style = Parameters<typeof styleText>[0];
// `validateStream: false` (Node 22+): the decision is taken once, below, for the whole run (a file written with -o has none).
const styled = (format: Style) => (text: string): string => (styleText as (format: Style, text: string, options?: { validateStream?: boolean }) => string)(format, text, { validateStream: false });

export function painter(color: boolean): Painter {
  if (!color) return { red: identity, yellow: identity, dim: identity, bold: identity, underline: identity };
  return { red: styled('red'), yellow: styled('yellow'), dim: styled('dim'), bold: styled('bold'), underline: styled('underline') };
}

/**
 * Colours on or off: `--color` / `--no-color` first; then `FORCE_COLOR` (any value but `0` or `false` turns them on,
 * which is how CI services such as GitHub Actions ask for them); then `NO_COLOR`; then whether stdout is a terminal.
 */
export function useColor(flags: { color?: boolean; noColor?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
