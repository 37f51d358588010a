// Amazon simulator throughput: confirmShipment requests per second with rate limits off (issue 3
// asks for at least 2,000/s on the 2-core machine, so the simulator is never a benchmark's
// bottleneck). Several runs of the same fixed load; min, median and max are recorded because
// other work on the machine moves single runs a lot.
// Run: npm run bench -- simulator   (or: node --import tsx bench/simulator-throughput.bench.ts)
// Writes bench/results/simulator.md.
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release } from 'node:os';
import { measureConfirmThroughput, type ThroughputRun } from '../simulator/bench/confirm-throughput.js';

const REQUESTS = 10_000;
const CONCURRENCY = 64;
const RUNS = 5;
const TARGET = 2_000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

// One short warm-up run (JIT, Ajv compilation, first connections) that is not recorded.
await measureConfirmThroughput(2_000, CONCURRENCY);
const loadBefore = loadavg()[0] ?? 0;
const runs: ThroughputRun[] = [];
for (let i = 0; i < RUNS; i++) {
  const run = await measureConfirmThroughput(REQUESTS, CONCURRENCY);
  runs.push(run);
  console.log(
    `run ${i + 1}: ${fmt(run.requestsPerSecond)} req/s, p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, CPU ${run.cpuMsPerRequest.toFixed(3)} ms/request, ${JSON.stringify(run.statuses)}`,
  );
}
const loadAfter = loadavg()[0] ?? 0;

const rates = runs.map((r) => r.requestsPerSecond);
const not204 = runs.reduce((n, r) => n + r.requests - (r.statuses['204'] ?? 0), 0);
const med = median(rates);
const cpu = cpus();
const cpuModel = `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`;

const markdown = `# Amazon simulator throughput

\`confirmShipment\` (Orders v0) against the simulator with rate limits off: every request passes
the access-token check, Amazon's model (Ajv) and every ship-confirmation rule, and is stored (the
order becomes SHIPPED; a repeat of an order is an edit of its package 1). The load comes from a
worker thread in the same process over ${CONCURRENCY} keep-alive connections (its own event loop),
${fmt(REQUESTS)} requests per run, ${RUNS} runs after a ${fmt(2_000)}-request warm-up.
Latency is per request as the client sees it, from send to the end of the answer.

- Command: \`npm run bench -- simulator\` (runs \`node --import tsx bench/simulator-throughput.bench.ts\`,
  which calls \`measureConfirmThroughput\` in \`simulator/bench/confirm-throughput.ts\`)
- Machine: Node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpuModel}
- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (other work shares the machine)
- Run at: ${new Date().toISOString()}
- Answers other than 204: ${not204}

## Result

| | requests/s |
| --- | ---: |
| min | ${fmt(Math.min(...rates))} |
| median | ${fmt(med)} |
| max | ${fmt(Math.max(...rates))} |

Issue 3 target: at least ${fmt(TARGET)} per second. Median ${med >= TARGET ? 'meets' : 'MISSES'} it.

| run | requests/s | p50 ms | p99 ms | seconds | CPU ms/request |
| ---: | ---: | ---: | ---: | ---: | ---: |
${runs.map((r, i) => `| ${i + 1} | ${fmt(r.requestsPerSecond)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.cpuMsPerRequest.toFixed(3)} |`).join('\n')}

CPU ms/request is the user + system CPU time of the whole process (simulator and load worker)
divided by the requests. Contention raises it too, but less than it lowers requests/s, so compare
code versions by it, in alternating runs.

Concurrency ${CONCURRENCY}. Alone: \`npx tsx simulator/bench/confirm-throughput.ts [requests] [concurrency]\`.
`;

writeFileSync(new URL('./results/simulator.md', import.meta.url), markdown);
console.log(`median ${fmt(med)} req/s (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))})`);
console.log('Wrote bench/results/simulator.md');
if (not204 > 0) {
  console.error(`${not204} answers were not 204: the load is not a valid confirmShipment load.`);
  process.exit(1);
}
