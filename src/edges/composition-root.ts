import { DEFAULT_SIM_CREDENTIALS, type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../adapters/amazon/lwa-token-provider.js';
import { SpApiHttp } from '../adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../adapters/store/open-sqlite-store.js';
import type { AppDeps } from '../app/deps.js';
import { type CarrierRegistry, createCarrierRegistry } from '../core/carriers/registry.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { MarketplacePort } from '../ports/marketplace.js';
import type { Config } from './config/config.js';
import { ConfigError } from './config/config.js';
import { findRunningSimulator } from './simulator-registration.js';

/** Everything a command or the service needs, wired from the settings. */
export interface App {
  readonly deps: AppDeps;
  readonly config: Config;
  readonly sellerId: string;
  readonly marketplaceIds: readonly string[];
  /** Which Amazon this talks to, in words (never with secrets). */
  readonly amazonLabel: string;
  /** The in-process simulator, when no credentials are set. */
  readonly simulator: RunningSimulator | null;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  readonly logger: Logger;
  readonly clock?: Clock;
  /** In simulator mode: how many orders to seed into the in-process simulator. Default 0. */
  readonly seedSimulatorOrders?: number;
  /** In simulator mode: options for the in-process simulator. */
  readonly simulatorOptions?: Parameters<typeof startSimulator>[0];
  /** Skip opening the database (commands that need only Amazon). */
  readonly withoutStore?: boolean;
}

/** Builds the carrier registry from the settings; a wrong entry is a configuration error. */
export function carrierRegistryFrom(config: Config): CarrierRegistry {
  try {
    return createCarrierRegistry(
      (config.carriers ?? undefined) as Parameters<typeof createCarrierRegistry>[0],
    );
  } catch (e) {
    throw new ConfigError(`Setting "carriers" is wrong: ${(e as Error).message}`);
  }
}

/** The composition root: picks the adapters for the settings. */
export async function openApp(config: Config, options: OpenAppOptions): Promise<App> {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const carriers = carrierRegistryFrom(config);
  const wantsOwnSimulator =
    options.seedSimulatorOrders !== undefined || options.simulatorOptions !== undefined;

  let simulator: RunningSimulator | null = null;
  let sellerId: string;
  let amazonLabel: string;
  let marketplace: MarketplacePort;

  if (config.amazon.mode === 'amazon') {
    sellerId = config.amazon.sellerId;
    amazonLabel = `Amazon SP-API at ${config.amazon.endpoint} (seller ${sellerId})`;
    marketplace = spApi(config.amazon, sellerId);
  } else {
    sellerId = DEFAULT_SIM_CREDENTIALS.sellerId;
    const shared = wantsOwnSimulator ? null : await findRunningSimulator(config.databasePath);
    if (shared) {
      // `shipconfirm run` or `sim` serves a simulator for this database: use the same one.
      amazonLabel = `the Amazon simulator served by process ${shared.pid} at ${shared.baseUrl} (no LWA credentials set; seller ${sellerId})`;
      marketplace = spApi(
        { endpoint: shared.baseUrl, tokenUrl: shared.tokenUrl, ...DEFAULT_SIM_CREDENTIALS },
        sellerId,
      );
    } else if (wantsOwnSimulator) {
      simulator = await startSimulator({ ...options.simulatorOptions });
      for (const marketplaceId of config.amazon.marketplaceIds) {
        if (options.seedSimulatorOrders) {
          simulator.world.seedOrders({
            sellerId,
            marketplaceId,
            count: options.seedSimulatorOrders,
            spreadDays: 30,
            seed: 20261125,
          });
        }
      }
      amazonLabel = `the built-in Amazon simulator at ${simulator.baseUrl} (no LWA credentials set; seller ${sellerId})`;
      marketplace = spApi(simulatorCredentials(simulator), sellerId);
    } else {
      // Started on first use: commands that only read the database never pay for it.
      amazonLabel = `the built-in Amazon simulator, in this process (no LWA credentials set; seller ${sellerId})`;
      let real: MarketplacePort | null = null;
      const ensure = async () => {
        if (!real) {
          simulator = await startSimulator();
          real = spApi(simulatorCredentials(simulator), sellerId);
        }
        return real;
      };
      marketplace = {
        checkConnection: async () => (await ensure()).checkConnection(),
        searchOrders: async (q) => (await ensure()).searchOrders(q),
        confirmShipment: async (c) => (await ensure()).confirmShipment(c),
      };
    }
  }

  let store: Awaited<ReturnType<typeof openSqliteStore>> | null = null;
  try {
    store = options.withoutStore ? null : await openSqliteStore(config.databasePath);
  } catch (e) {
    await (simulator as RunningSimulator | null)?.close();
    throw e;
  }

  return {
    deps: { store: store ?? (null as never), marketplace, clock, logger: options.logger, carriers },
    config,
    sellerId,
    marketplaceIds: config.amazon.marketplaceIds,
    amazonLabel,
    get simulator() {
      return simulator;
    },
    async close() {
      await store?.close();
      await (simulator as RunningSimulator | null)?.close();
    },
  };
}

interface EndpointCredentials {
  readonly endpoint: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

function simulatorCredentials(sim: RunningSimulator): EndpointCredentials {
  return { endpoint: sim.baseUrl, tokenUrl: sim.tokenUrl, ...sim.credentials };
}

function spApi(c: EndpointCredentials, sellerId: string): MarketplacePort {
  const tokens = new LwaTokenProvider({
    tokenUrl: c.tokenUrl,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    refreshToken: c.refreshToken,
  });
  return new SpApiMarketplace(new SpApiHttp({ endpoint: c.endpoint, tokens }), tokens, sellerId);
}

export { DEFAULT_SIM_CREDENTIALS };
