// Lines of a text by the offsets at which they start: which line an offset is on, for every front end's positions.

/** The index of the line holding `offset`: the last start at or before it (`lineStarts` ascending, starting at 0). */
export function lineIndexOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
