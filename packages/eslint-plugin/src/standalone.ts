// The same analysis without ESLint: parse with typescript-estree, scope with scope-manager, and read the file as the rules do.
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeFileInDepth, type FileAnalysis } from './analyze.js';

/** The part of ESLint's `SourceCode` the analysis reads, built from a parse of our own. */
class StandaloneSourceCode {
  readonly lines: string[];
  readonly visitorKeys = standaloneParsers().keys.visitorKeys;
  private readonly scopes = new Map<TSESTree.Node, TSESLint.Scope.Scope>();

  constructor(
    readonly text: string,
    readonly ast: TSESTree.Program,
    readonly scopeManager: ScopeManager,
  ) {
    this.lines = text.split(/\r\n|\r|\n/);
  }

  getText(node?: TSESTree.Node): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  /** As ESLint does: the innermost scope that holds the node. */
  getScope(node: TSESTree.Node): TSESLint.Scope.Scope {
    const cached = this.scopes.get(node);
    if (cached) return cached;
    const inner = node.type !== 'Program';
    let found: TSESLint.Scope.Scope | undefined;
    for (let current: TSESTree.Node | undefined = node; current && !found; current = current.parent) {
      const scope = this.scopeManager.acquire(current, inner) as TSESLint.Scope.Scope | null;
      if (scope) found = scope.type === 'function-expression-name' ? (scope.childScopes[0] as TSESLint.Scope.Scope) : scope;
    }
    const scope = found ?? (this.scopeManager.scopes[0] as TSESLint.Scope.Scope);
    this.scopes.set(node, scope);
    return scope;
  }

  getDeclaredVariables(node: TSESTree.Node): readonly TSESLint.Scope.Variable[] {
    return this.scopeManager.getDeclaredVariables(node) as TSESLint.Scope.Variable[];
  }

  getTokenAfter(): null {
    // Only fixes ask for tokens, and a standalone analysis offers none.
    return null;
  }
}

type Estree = typeof import('@typescript-eslint/typescript-estree');
type Scopes = typeof import('@typescript-eslint/scope-manager');
type Keys = typeof import('@typescript-eslint/visitor-keys');
let parsers: { estree: Estree; scopes: Scopes; keys: Keys } | undefined;
/**
 * The parser, scope analysis and visitor keys (TypeScript with them) are loaded on the first parse: the plugin loads
 * without them, and linting a file that imports no helper of the application never needs them.
 */
function standaloneParsers(): { estree: Estree; scopes: Scopes; keys: Keys } {
  if (!parsers) {
    const require = createRequire(import.meta.url);
    parsers = { estree: require('@typescript-eslint/typescript-estree') as Estree, scopes: require('@typescript-eslint/scope-manager') as Scopes, keys: require('@typescript-eslint/visitor-keys') as Keys };
  }
  return parsers;
}

export interface ParsedSource {
  readonly program: TSESTree.Program;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
}

/** Parse TypeScript or JavaScript (JSX by the file's extension) into ESTree with scopes and parent links. Throws on syntax errors. */
export function parseSource(code: string, filename: string): ParsedSource {
  const jsx = /\.(?:tsx|jsx)$/i.test(filename) || /\.[cm]?js$/i.test(filename);
  const { estree: { parse, simpleTraverse }, scopes, keys } = standaloneParsers();
  const program = parse(code, { loc: true, range: true, jsx, comment: false, tokens: false, filePath: filename }) as TSESTree.Program;
  simpleTraverse(program, { enter: () => undefined }, true);
  const scopeManager = scopes.analyze(program, { sourceType: 'module', childVisitorKeys: keys.visitorKeys });
  const sourceCode = new StandaloneSourceCode(code, program, scopeManager) as unknown as Readonly<TSESLint.SourceCode>;
  return { program, sourceCode };
}

/** Parse and analyze one file as the ESLint rules would, without ESLint. */
/** `cwd` bounds what the application model may read (the project's folder), as ESLint's cwd does in the plugin. */
export function analyzeSource(code: string, filename: string, cwd?: string): FileAnalysis & ParsedSource {
  const parsed = parseSource(code, filename);
  return { ...analyzeFileInDepth(parsed.sourceCode, filename, cwd), ...parsed };
}
