// The typed error for a config file the user wrote wrong: it carries the file and, where known, the line and column.

export interface ConfigFileErrorLocation {
  /** Absolute path of the config file. */
  readonly file: string;
  /** The path as the message shows it (relative to the working directory). */
  readonly displayFile?: string;
  /** 1-based; absent when the file could not be read at all. */
  readonly line?: number;
  readonly column?: number;
}

export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The message without its `file:line:column: ` prefix. */
  readonly reason: string;

  constructor(reason: string, location: ConfigFileErrorLocation) {
    const shown = location.displayFile ?? location.file;
    super(location.line !== undefined ? `${shown}:${location.line}:${location.column ?? 1}: ${reason}` : `${shown}: ${reason}`);
    this.reason = reason;
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
  }
}
