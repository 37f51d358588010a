import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../../src/adapters/amazon/lwa-token-provider.js';
import { SpApiHttp } from '../../src/adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../../src/adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../../src/adapters/store/open-sqlite-store.js';
import type { AppDeps } from '../../src/app/deps.js';
import { recordShipment } from '../../src/app/record-shipment.js';
import { syncOrders } from '../../src/app/sync-orders.js';
import { defaultCarrierRegistry } from '../../src/core/carriers/registry.js';
import { s10, seededRng } from '../../src/edges/demo/sample-tracking-numbers.js';
import { silentLogger } from '../../src/ports/logger.js';

/** The app wired to the simulator over real HTTP and a real SQLite file, sharing the simulator's clock. */
export interface AppHarness {
  readonly sim: RunningSimulator;
  readonly deps: AppDeps;
  readonly http: SpApiHttp;
  readonly sellerId: string;
  close(): Promise<void>;
}

export const UK = 'A1F83G8C2ARO7P';

export async function startAppHarness(options: SimulatorOptions = {}): Promise<AppHarness> {
  const sim = await startSimulator({ rateLimits: false, ...options });
  const tokens = new LwaTokenProvider({ tokenUrl: sim.tokenUrl, ...sim.credentials });
  const http = new SpApiHttp({ endpoint: sim.baseUrl, tokens, retryBaseDelayMs: 20, rateLimits: false });
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'shipconfirm-app-')), 'app.db'));
  const deps: AppDeps = {
    store,
    marketplace: new SpApiMarketplace(http, tokens, sim.credentials.sellerId),
    clock: { now: () => sim.world.clock.now() },
    logger: silentLogger,
    carriers: defaultCarrierRegistry(),
  };
  return {
    sim,
    deps,
    http,
    sellerId: sim.credentials.sellerId,
    async close() {
      await store.close();
      await sim.close();
    },
  };
}

/**
 * Seeds `count` orders at the simulator, syncs them, and records one valid Royal Mail Tracked 48
 * package per unshipped order, shipped a minute after the order (or an hour ago, if later).
 * @returns the package ids, in order
 */
export async function seedSyncAndShip(h: AppHarness, count: number, seed: number): Promise<string[]> {
  const seeded = h.sim.world.seedOrders({
    sellerId: h.sellerId,
    marketplaceId: UK,
    count,
    spreadDays: 2,
    seed,
  });
  await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
  const rng = seededRng(seed);
  const now = h.sim.world.clock.now().getTime();
  const ids: string[] = [];
  for (const o of seeded.orders.filter((x) => x.status === 'UNSHIPPED')) {
    const r = await recordShipment(h.deps, {
      orderId: o.orderId,
      carrier: 'Royal Mail',
      service: 'Tracked 48',
      trackingId: s10(rng, 'TT'),
      shipDate: new Date(
        Math.min(now - 60_000, Math.max(Date.parse(o.createdTime) + 60_000, now - 3600_000)),
      ).toISOString(),
    });
    if (r.kind !== 'recorded') throw new Error(`shipment not recorded: ${JSON.stringify(r)}`);
    ids.push(r.package.packageId);
  }
  return ids;
}
