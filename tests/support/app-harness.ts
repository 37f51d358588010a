import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../../src/adapters/amazon/lwa-token-provider.js';
import { SpApiHttp } from '../../src/adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../../src/adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../../src/adapters/store/open-sqlite-store.js';
import type { AppDeps } from '../../src/app/deps.js';
import { defaultCarrierRegistry } from '../../src/core/carriers/registry.js';
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
