import { parseArgs } from 'node:util';
import { formatBanner, startSimulator } from './index.js';

/** Standalone entry: `node dist/simulator/main.js [--port N] [--seed-orders N] [--speed F] [--no-rate-limits]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'seed-orders': { type: 'string' },
      seed: { type: 'string', default: '1' },
      speed: { type: 'string', default: '1' },
      'no-rate-limits': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node dist/simulator/main.js [--port 8787] [--host 127.0.0.1] [--seed-orders N] [--seed S] [--speed F] [--no-rate-limits]',
    );
    return;
  }
  const port = Number(values.port);
  const speedFactor = Number(values.speed);
  const seedOrders = values['seed-orders'] === undefined ? 0 : Number(values['seed-orders']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (!(speedFactor > 0)) throw new Error(`--speed must be a number above 0, got ${values.speed}`);
  if (!Number.isInteger(seedOrders) || seedOrders < 0)
    throw new Error('--seed-orders must be a whole number');

  const sim = await startSimulator({
    port,
    host: values.host,
    speedFactor,
    rateLimits: !values['no-rate-limits'],
  });
  console.log(formatBanner(sim));
  if (seedOrders > 0) {
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: sim.credentials.marketplaceIds[0] ?? 'A1F83G8C2ARO7P',
      count: seedOrders,
      spreadDays: 30,
      seed: Number(values.seed),
    });
    console.log(`Seeded ${seeded.orders.length} orders for seller ${sim.credentials.sellerId}.`);
  }
  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping the simulator.`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
