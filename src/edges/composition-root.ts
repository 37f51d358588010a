import { DEFAULT_SIM_CREDENTIALS, type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../adapters/amazon/lwa-token-provider.js';
import { SpApiFeeds } from '../adapters/amazon/sp-api-feeds.js';
import { SpApiHttp } from '../adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../adapters/store/open-sqlite-store.js';
import type { AppDeps } from '../app/deps.js';
import { type CarrierRegistry, createCarrierRegistry } from '../core/carriers/registry.js';
import { AMAZON_RATES } from '../core/rate-limit/amazon-rates.js';
import { fullBucket } from '../core/rate-limit/token-bucket.js';
import type { Clock } from '../ports/clock.js';
import type { FeedsPort } from '../ports/feeds.js';
import type { Logger } from '../ports/logger.js';
import type { MarketplacePort } from '../ports/marketplace.js';
import type { QuotaView } from '../ports/quota.js';
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
  let clients: AmazonClients;
  const ids = config.amazon.marketplaceIds;

  if (config.amazon.mode === 'amazon') {
    sellerId = config.amazon.sellerId;
    amazonLabel = `Amazon SP-API at ${config.amazon.endpoint} (seller ${sellerId})`;
    clients = spApi(config.amazon, sellerId, ids);
  } else {
    sellerId = DEFAULT_SIM_CREDENTIALS.sellerId;
    const shared = wantsOwnSimulator ? null : await findRunningSimulator(config.databasePath);
    if (shared) {
      // `shipconfirm run` or `sim` serves a simulator for this database: use the same one.
      amazonLabel = `the Amazon simulator served by process ${shared.pid} at ${shared.baseUrl} (no LWA credentials set; seller ${sellerId})`;
      clients = spApi(
        { endpoint: shared.baseUrl, tokenUrl: shared.tokenUrl, ...DEFAULT_SIM_CREDENTIALS },
        sellerId,
        ids,
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
      clients = spApi(simulatorCredentials(simulator), sellerId, ids);
    } else {
      // Started on first use: commands that only read the database never pay for it.
      amazonLabel = `the built-in Amazon simulator, in this process (no LWA credentials set; seller ${sellerId})`;
      let real: AmazonClients | null = null;
      const ensure = async () => {
        if (!real) {
          simulator = await startSimulator();
          real = spApi(simulatorCredentials(simulator), sellerId, ids);
        }
        return real;
      };
      clients = {
        marketplace: {
          checkConnection: async () => (await ensure()).marketplace.checkConnection(),
          searchOrders: async (q) => (await ensure()).marketplace.searchOrders(q),
          confirmShipment: async (c) => (await ensure()).marketplace.confirmShipment(c),
        },
        feeds: {
          submitOrderFulfillmentFeed: async (xml) => (await ensure()).feeds.submitOrderFulfillmentFeed(xml),
          getFeedStatus: async (id) => (await ensure()).feeds.getFeedStatus(id),
          downloadResult: async (id) => (await ensure()).feeds.downloadResult(id),
        },
        // Before the first call, Amazon's published plans apply.
        quota: {
          bucket: (op) =>
            real
              ? real.quota.bucket(op)
              : fullBucket(AMAZON_RATES[op].ratePerSecond, AMAZON_RATES[op].burst, Date.now()),
        },
      };
    }
  }

  let store: Awaited<ReturnType<typeof openSqliteStore>>;
  try {
    store = await openSqliteStore(config.databasePath);
  } catch (e) {
    await (simulator as RunningSimulator | null)?.close();
    throw e;
  }

  return {
    deps: {
      store,
      marketplace: clients.marketplace,
      feeds: clients.feeds,
      quota: clients.quota,
      clock,
      logger: options.logger,
      carriers,
    },
    config,
    sellerId,
    marketplaceIds: config.amazon.marketplaceIds,
    amazonLabel,
    get simulator() {
      return simulator;
    },
    async close() {
      await store.close();
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

interface AmazonClients {
  readonly marketplace: MarketplacePort;
  readonly feeds: FeedsPort;
  readonly quota: QuotaView;
}

function spApi(c: EndpointCredentials, sellerId: string, marketplaceIds: readonly string[]): AmazonClients {
  const tokens = new LwaTokenProvider({
    tokenUrl: c.tokenUrl,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    refreshToken: c.refreshToken,
  });
  const http = new SpApiHttp({ endpoint: c.endpoint, tokens });
  return {
    marketplace: new SpApiMarketplace(http, tokens, sellerId),
    feeds: new SpApiFeeds(http, [...marketplaceIds]),
    quota: http,
  };
}

export { DEFAULT_SIM_CREDENTIALS };
