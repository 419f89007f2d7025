// Text from inputs (keys, descriptions, file names) shown to a human: control characters and bidirectional
// overrides are written as visible escapes, so a spec cannot clear a terminal, retitle it or hide text in a CI log.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC and the like; tabs and newlines are kept (formats decide what to do with them). */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
