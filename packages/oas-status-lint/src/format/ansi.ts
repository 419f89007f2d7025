// The few ANSI styles the stylish format uses; a dependency-free stand-in for chalk, off unless asked for.

export interface Painter {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly underline: (text: string) => string;
}

function style(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity = (text: string): string => text;

export function painter(color: boolean): Painter {
  if (!color) return { red: identity, yellow: identity, dim: identity, bold: identity, underline: identity };
  return { red: style(31, 39), yellow: style(33, 39), dim: style(2, 22), bold: style(1, 22), underline: style(4, 24) };
}
