// The typed error for input the tool cannot read: it carries the file and, where known, the line and column.

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly file: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }
}
