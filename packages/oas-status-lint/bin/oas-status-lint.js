#!/usr/bin/env node
// Entry point: runs the compiled CLI (bundled into one module by scripts/bundle-entries.mjs) and exits with its code.
import { main } from '../dist/cli.bundle.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
