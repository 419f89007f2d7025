// Offsets to 1-based lines and columns. Line starts are found as far as the offsets asked for, once per text: the few
// findings of a 13 MB description often sit in its first part, and the rest of it is never scanned for lines.

import { lineIndexOf } from '@status-lint/core';

export class LineIndex {
  private readonly starts: number[] = [0];
  /** Every line start at or before this offset is in `starts`. */
  private scannedTo = 0;
  constructor(private readonly text: string) {}

  /** Find line starts until one lies past `offset` (or the text ends). */
  private scanPast(offset: number): void {
    if (this.scannedTo > offset) return;
    let at = this.text.indexOf('\n', this.scannedTo);
    while (at !== -1) {
      this.starts.push(at + 1);
      if (at + 1 > offset) {
        this.scannedTo = at + 1;
        return;
      }
      at = this.text.indexOf('\n', at + 1);
    }
    this.scannedTo = Number.POSITIVE_INFINITY;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    this.scanPast(offset);
    const index = lineIndexOf(this.starts, offset);
    return { line: index + 1, column: offset - this.starts[index] + 1 };
  }
}
