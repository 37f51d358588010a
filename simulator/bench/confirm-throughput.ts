/**
 * Measures confirmShipment requests per second with rate limits off. The load runs in a worker thread
 * (its own event loop, keep-alive connections) so the client does not share the simulator's loop.
 * Run: npx tsx simulator/bench/confirm-throughput.ts [requests=10000] [concurrency=64]
 */
import { Worker } from 'node:worker_threads';
import { startSimulator } from '../index.js';
import { login } from '../test-support/sim-client.js';

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
  let next = 0; const statuses = {};
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const o = orders[next++ % orders.length];
      const body = JSON.stringify({ marketplaceId: 'A1F83G8C2ARO7P', packageDetail: { packageReferenceId: '1', carrierCode: 'DPD',
        shippingMethod: 'Next Day', trackingNumber: '15501234567890', shipDate, orderItems: o.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) } });
      const status = await send('/orders/v0/orders/' + o.orderId + '/shipmentConfirmation', body);
      statuses[status] = (statuses[status] || 0) + 1;
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - started) / 1000, statuses });
})();
`;

const requests = Number(process.argv[2] ?? 10_000);
const concurrency = Number(process.argv[3] ?? 64);
const sim = await startSimulator({ rateLimits: false });
const seeded = sim.world.seedOrders({
  sellerId: sim.credentials.sellerId,
  marketplaceId: 'A1F83G8C2ARO7P',
  count: 5000,
  spreadDays: 30,
  seed: 1,
});
const orders = seeded.orders.filter((o) => o.status === 'UNSHIPPED');
const token = await login(sim);
const shipDate = new Date(Date.now() - 1000).toISOString();
const worker = new Worker(LOAD, {
  eval: true,
  workerData: { baseUrl: sim.baseUrl, token, orders, requests, concurrency, shipDate },
});
const [result] = (await new Promise((resolve) => worker.once('message', (m) => resolve([m])))) as [
  { seconds: number; statuses: Record<string, number> },
];
console.log(
  `confirmShipment: ${requests} requests, ${concurrency} concurrent, ${Math.round(requests / result.seconds)} req/s, statuses ${JSON.stringify(result.statuses)}`,
);
await worker.terminate();
await sim.close();
