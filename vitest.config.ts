import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**', 'test/corpus/**'],
    testTimeout: 30000,
    globalSetup: ['./test/temp-root.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
