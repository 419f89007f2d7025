// A project's files for the project scanner, parsed once for both its own analysis and the application model: the
// model's cache holds the parse, so a helper the model read for one file is not parsed again when the scan reaches it.
import { analyzeFileInDepth, type FileAnalysis } from './analyze.js';
import { setProjectRoot, sharedParse } from './app-model/source-files.js';
import type { ParsedSource } from './standalone.js';

/** Analyze a project file, sharing its parse with the application model. */
export function analyzeProjectSource(code: string, filename: string, cwd?: string): FileAnalysis & ParsedSource {
  setProjectRoot(cwd);
  const parsed = sharedParse(filename, code) as ParsedSource;
  return { ...analyzeFileInDepth(parsed.sourceCode, filename, cwd), ...parsed };
}
