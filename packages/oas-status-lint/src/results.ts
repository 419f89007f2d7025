// The results the CLI and the programmatic API return: ESLint-compatible, plus the JSON pointer of each response.
import type { Finding } from '@status-lint/core';

/** 1 = warning, 2 = error, as in ESLint. */
export type MessageSeverity = 1 | 2;

export interface LintSuggestion {
  /** The status to use instead. */
  readonly status?: number;
  /** A header to add (`Retry-After`). */
  readonly header?: string;
  readonly desc: string;
}

export interface LintMessage {
  /** The rule id; null for problems of the input itself (parse errors, missing `$ref` targets). */
  readonly ruleId: string | null;
  readonly severity: MessageSeverity;
  readonly message: string;
  /** 1-based, in `filePath`. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** JSON pointer of the response in the document where it is written: `/paths/~1users/post/responses/401`. */
  readonly pointer?: string;
  readonly suggestion?: LintSuggestion;
  /** The rule's docs page. */
  readonly docsUrl?: string;
  /** True when the file could not be linted at all. */
  readonly fatal?: boolean;
  /** A finding silenced by an `x-status-lint-ignore` directive, with its reason (ESLint's `suppressions`). */
  readonly suppressions?: readonly { readonly kind: 'directive'; readonly justification: string }[];
}

export interface LintResult {
  /** The file where the messages are written (absolute, or `<stdin>`). */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatalErrorCount: number;
  /** Findings silenced by a directive: reported nowhere as problems, but kept (ESLint's `suppressedMessages`). */
  readonly suppressedMessages: readonly LintMessage[];
}

/** Count errors and warnings into a result. */
export function toResult(filePath: string, messages: readonly LintMessage[]): LintResult {
  const all = [...messages].sort((a, b) => a.line - b.line || a.column - b.column);
  const sorted = all.filter((message) => !message.suppressions?.length);
  return {
    filePath,
    messages: sorted,
    suppressedMessages: all.filter((message) => message.suppressions?.length),
    errorCount: sorted.filter((message) => message.severity === 2).length,
    warningCount: sorted.filter((message) => message.severity === 1).length,
    fatalErrorCount: sorted.filter((message) => message.fatal).length,
  };
}

/** A finding's fix as a result's suggestion; `where` says whether the header is declared (a spec) or set (code). */
export function suggestionOf(finding: Finding, where: 'spec' | 'code'): LintSuggestion | undefined {
  if (finding.fix?.kind === 'replace-status') return { status: finding.fix.status, desc: `Use ${finding.fix.status} instead.` };
  if (finding.fix?.kind === 'add-header') return { header: finding.fix.header, desc: `${where === 'spec' ? 'Declare' : 'Set'} a \`${finding.fix.header}\` header on this response.` };
  return undefined;
}
