// The product wired to the simulator for the transmission bench: real HTTP, a real SQLite file,
// Amazon's rate limits on in the simulator, and the product living entirely on the simulator's
// clock (see `startRig`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SIM_CREDENTIALS, type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../../src/adapters/amazon/lwa-token-provider.js';
import { SpApiFeeds } from '../../src/adapters/amazon/sp-api-feeds.js';
import { SpApiHttp } from '../../src/adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../../src/adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../../src/adapters/store/open-sqlite-store.js';
import type { AppDeps } from '../../src/app/deps.js';
import { syncOrders } from '../../src/app/sync-orders.js';
import { defaultCarrierRegistry } from '../../src/core/carriers/registry.js';
import type { FeedsPort } from '../../src/ports/feeds.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { MarketplacePort } from '../../src/ports/marketplace.js';
import type { QuotaView } from '../../src/ports/quota.js';

export const UK = 'A1F83G8C2ARO7P';

/** Simulator feed timings (simulated seconds), the simulator's defaults, stated explicitly. */
export const FEED_QUEUE_SECONDS = 30;
export const FEED_PROCESSING_SECONDS = 90;

export type Deps = AppDeps & { readonly feeds: FeedsPort; readonly quota: QuotaView };

export interface Rig {
  readonly sim: RunningSimulator;
  readonly deps: Deps;
  /** The product's SP-API client (its token buckets, its count of 429s). */
  readonly http: SpApiHttp;
  readonly sellerId: string;
  readonly speedFactor: number;
  /** Simulated now, epoch ms (the product's clock). */
  nowMs(): number;
  /** Waits `simMs` simulated milliseconds (simMs / speedFactor real). */
  sleep(simMs: number): Promise<void>;
  /** Syncs all seeded orders into the product's store (round robin over extra apps; see below). */
  syncAll(): Promise<{ pages: number; inserted: number }>;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly speedFactor: number;
  readonly startTime?: Date;
  /** Extra LWA applications of the same seller, used only to sync many pages quickly. */
  readonly syncApps?: number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Starts a simulator with rate limits on and wires the product to it so that the product lives
 * on simulated time, consistently:
 *
 * - the product's Clock is the simulator's clock (ship-by, ship dates, retry times, planning);
 * - its SP-API client (SpApiHttp) and token provider read the same clock, and sleep
 *   `ms / speedFactor` real milliseconds, so pacing is in simulated time;
 * - the simulator announces `x-amzn-RateLimit-Limit` = Amazon's rate x speedFactor (the rate a
 *   real-time client sees); since this client counts in simulated time, a fetch wrapper divides the
 *   announced rate back by speedFactor, so the client adopts Amazon's published rate per
 *   simulated second. At speedFactor 1 nothing is changed.
 *
 * Net effect: at speedFactor 60 the product behaves as it would against Amazon, 60 times faster,
 * and its token buckets (QuotaView) and its clock share one time base (choosePath mixes them).
 */
export async function startRig(options: RigOptions): Promise<Rig> {
  const speed = options.speedFactor;
  const syncApps = options.syncApps ?? 0;
  const base = DEFAULT_SIM_CREDENTIALS;
  const extra = Array.from({ length: syncApps }, (_, i) => ({
    ...base,
    clientId: `${base.clientId}-bench-sync-${i}`,
    clientSecret: `${base.clientSecret}-bench-sync-${i}`,
    refreshToken: `${base.refreshToken}-bench-sync-${i}`,
  }));
  const sim = await startSimulator({
    speedFactor: speed,
    rateLimits: true,
    ...(options.startTime ? { startTime: options.startTime } : {}),
    credentials: [base, ...extra],
    feeds: { queueSeconds: FEED_QUEUE_SECONDS, processingSeconds: FEED_PROCESSING_SECONDS },
  });
  const nowMs = () => sim.world.clock.nowMs();
  const sleep = (simMs: number) => realSleep(simMs / speed);
  const rescaledFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const announced = response.headers.get('x-amzn-ratelimit-limit');
    if (announced === null || speed === 1) return response;
    const headers = new Headers(response.headers);
    headers.set('x-amzn-ratelimit-limit', String(Number(announced) / speed));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  const client = (c: typeof base) => {
    const tokens = new LwaTokenProvider({ tokenUrl: sim.tokenUrl, ...c }, { nowMs });
    const http = new SpApiHttp({
      endpoint: sim.baseUrl,
      tokens,
      rateLimits: true,
      nowMs,
      sleep,
      fetch: rescaledFetch,
    });
    return { tokens, http, marketplace: new SpApiMarketplace(http, tokens, c.sellerId) };
  };
  const main = client(base);
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'shipconfirm-bench-')), 'app.db'));
  const deps: Deps = {
    store,
    marketplace: main.marketplace,
    feeds: new SpApiFeeds(main.http, [UK]),
    quota: main.http,
    clock: { now: () => sim.world.clock.now() },
    logger: silentLogger,
    carriers: defaultCarrierRegistry(),
  };

  // searchOrders allows 0.0056 requests/s (burst 20) per application and seller. Syncing
  // thousands of seeded orders would take the product hours of simulated time, so the setup sync
  // spreads its pages over extra applications of the same seller (each has its own bucket). Only
  // the setup does this; everything measured goes through `deps` (one application).
  const syncClients = [main, ...extra.map(client)];
  let turn = 0;
  const roundRobin: MarketplacePort = {
    checkConnection: () => main.marketplace.checkConnection(),
    searchOrders: (q) => {
      const c = syncClients[turn++ % syncClients.length] ?? main;
      return c.marketplace.searchOrders(q);
    },
    confirmShipment: (c) => main.marketplace.confirmShipment(c),
  };

  return {
    sim,
    deps,
    http: main.http,
    sellerId: base.sellerId,
    speedFactor: speed,
    nowMs,
    sleep,
    async syncAll() {
      const r = await syncOrders(
        { ...deps, marketplace: roundRobin },
        { sellerId: base.sellerId, marketplaceIds: [UK] },
      );
      return { pages: r.pages, inserted: r.inserted };
    },
    async close() {
      await store.close();
      await sim.close();
    },
  };
}
