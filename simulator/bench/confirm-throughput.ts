/**
 * Measures confirmShipment requests per second with rate limits off. The load runs in a worker thread
 * (its own event loop, keep-alive connections) so the client does not share the simulator's loop.
 * Run alone: npx tsx simulator/bench/confirm-throughput.ts [requests=10000] [concurrency=64]
 * The recorded figure comes from `npm run bench -- simulator` (bench/simulator-throughput.bench.ts).
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startSimulator } from '../index.js';
import { login } from '../test-support/sim-client.js';

/** One measured run. */
export interface ThroughputRun {
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  /** Per-request latency seen by the client, in ms. */
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time (user + system) of the whole process - simulator and load worker - per request, in ms.
   * Unlike requests/s it hardly moves when other work shares the machine, so it compares code versions.
   */
  cpuMsPerRequest: number;
  /** HTTP status -> count; every request should be a 204. */
  statuses: Record<string, number>;
}

// Plain JavaScript evaluated in the worker; it times each request from send to the end of the answer.
const LOAD = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { baseUrl, token, orders, requests, concurrency, shipDate } = workerData;
const url = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const send = (path, body) => new Promise((resolve, reject) => {
  const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path, agent,
    headers: { 'x-amz-access-token': token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject); req.end(body);
});
(async () => {
  let next = 0; const statuses = {}; const latencies = new Float64Array(requests);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const n = next++;
      const o = orders[n % orders.length];
      const body = JSON.stringify({ marketplaceId: o.marketplaceId, packageDetail: { packageReferenceId: '1', carrierCode: 'DPD',
        shippingMethod: 'Next Day', trackingNumber: '15501234567890', shipDate, orderItems: o.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) } });
      const t0 = performance.now();
      const status = await send('/orders/v0/orders/' + o.orderId + '/shipmentConfirmation', body);
      latencies[n] = performance.now() - t0;
      statuses[status] = (statuses[status] || 0) + 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  parentPort.postMessage({ seconds, statuses, latencies });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/**
 * Starts a simulator with rate limits off, seeds 5,000 UK orders, and sends `requests`
 * confirmShipment calls from `concurrency` keep-alive connections. Orders repeat after 5,000 calls;
 * a repeat is an edit of package 1 (same reference), which Amazon also answers 204.
 */
export async function measureConfirmThroughput(requests = 10_000, concurrency = 64): Promise<ThroughputRun> {
  const sim = await startSimulator({ rateLimits: false });
  try {
    const marketplaceId = 'A1F83G8C2ARO7P';
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId,
      count: 5000,
      spreadDays: 30,
      seed: 1,
    });
    const orders = seeded.orders
      .filter((o) => o.status === 'UNSHIPPED')
      .map((o) => ({ orderId: o.orderId, marketplaceId, items: o.items }));
    const token = await login(sim);
    // A second ago on the simulated clock (which runs at real speed here): not in the future.
    const shipDate = new Date(sim.world.clock.nowMs() - 1000).toISOString();
    const cpuBefore = process.cpuUsage();
    const worker = new Worker(LOAD, {
      eval: true,
      workerData: { baseUrl: sim.baseUrl, token, orders, requests, concurrency, shipDate },
    });
    try {
      const result = (await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      })) as { seconds: number; statuses: Record<string, number>; latencies: Float64Array; error?: string };
      const cpu = process.cpuUsage(cpuBefore);
      if (result.error !== undefined) throw new Error(`load worker failed: ${result.error}`);
      const sorted = Float64Array.from(result.latencies).sort();
      return {
        requests,
        concurrency,
        seconds: result.seconds,
        requestsPerSecond: requests / result.seconds,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / requests,
        statuses: result.statuses,
      };
    } finally {
      await worker.terminate();
    }
  } finally {
    await sim.close();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const run = await measureConfirmThroughput(
    Number(process.argv[2] ?? 10_000),
    Number(process.argv[3] ?? 64),
  );
  console.log(
    `confirmShipment: ${run.requests} requests, ${run.concurrency} concurrent, ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, CPU ${run.cpuMsPerRequest.toFixed(3)} ms/request, statuses ${JSON.stringify(run.statuses)}`,
  );
}
