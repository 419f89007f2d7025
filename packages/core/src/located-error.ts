// The base of errors a user can cause with their input: a human message and where it is (file, 1-based line and column).

export class LocatedError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
  }
}
