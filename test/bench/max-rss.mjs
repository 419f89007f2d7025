// Preloaded with `node --import` when GNU time is missing: writes this process's peak resident set size (kB) and CPU time (µs) to $BENCH_RSS_FILE on exit.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS: usage.maxRSS, userCPUTime: usage.userCPUTime, systemCPUTime: usage.systemCPUTime }));
  });
}
