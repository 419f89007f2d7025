// The typed error for input the tool cannot read: it carries the file and, where known, the line and column.
import { LocatedError } from '@status-lint/core';

export class InputError extends LocatedError {
  override readonly name = 'InputError';
}
