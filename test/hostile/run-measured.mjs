// Run the CLI as a user would (its own process), then print its peak memory on stderr for the hostile-input tests.
import { main } from '../../packages/oas-status-lint/dist/cli.js';

const code = await main(process.argv.slice(2));
process.stderr.write(`\n@@maxrss-kb=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
