import type { SimulatorOptions } from '../../../simulator/index.js';
import { SpApiFeeds } from '../../../src/adapters/amazon/sp-api-feeds.js';
import { recordShipment, type ShipmentInput } from '../../../src/app/record-shipment.js';
import { syncOrders } from '../../../src/app/sync-orders.js';
import type { TransmitByFeedOptions } from '../../../src/app/transmit-by-feed.js';
import type { Package } from '../../../src/core/package.js';
import type { FeedsPort } from '../../../src/ports/feeds.js';
import { type AppHarness, startAppHarness, UK } from '../../support/app-harness.js';

/** The app harness (simulator over HTTP, SQLite file) plus the Feeds adapter on the same SpApiHttp. */
export interface FeedHarness extends AppHarness {
  readonly feeds: FeedsPort;
  /** Unshipped orders seeded at Amazon and synced into the store. */
  readonly orders: ReadonlyArray<{
    orderId: string;
    isPrime: boolean;
    items: ReadonlyArray<{ orderItemId: string; quantity: number }>;
  }>;
  /** Options for transmitByFeed whose waits move the simulator's frozen clock instead of real time. */
  readonly feedOptions: TransmitByFeedOptions;
  /** Records a shipment that the policy must accept; throws with its refusals otherwise. */
  ship(input: ShipmentInput): Promise<Package>;
  /** Amazon's stored packages for an order. */
  amazonPackages(orderId: string): Array<Record<string, unknown>>;
}

export async function startFeedHarness(count: number, options: SimulatorOptions = {}): Promise<FeedHarness> {
  const h = await startAppHarness({
    freezeClock: true,
    startTime: new Date('2026-03-02T12:00:00Z'),
    ...options,
  });
  const seeded = h.sim.world.seedOrders({
    sellerId: h.sellerId,
    marketplaceId: UK,
    count,
    spreadDays: 1,
    seed: 7,
  });
  await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
  const orders = [];
  for (const o of seeded.orders.filter((x) => x.status === 'UNSHIPPED')) {
    const stored = await h.deps.store.getOrder(o.orderId);
    if (!stored) throw new Error(`order ${o.orderId} was not synced`);
    orders.push({ orderId: o.orderId, isPrime: stored.isPrime, items: o.items });
  }
  const frozen = options.freezeClock !== false;
  return {
    ...h,
    feeds: new SpApiFeeds(h.http, [UK]),
    orders,
    feedOptions: frozen
      ? {
          pollIntervalMs: 15_000,
          retryBaseDelayMs: 1000,
          retryMaxDelayMs: 5000,
          random: () => 0.5,
          sleep: async (ms) => {
            h.sim.world.clock.advance(ms);
          },
        }
      : { pollIntervalMs: 250, retryBaseDelayMs: 1000, retryMaxDelayMs: 5000 },
    async ship(input) {
      const r = await recordShipment(h.deps, {
        shipDate: new Date(h.sim.world.clock.now().getTime() - 60_000).toISOString(),
        ...input,
      });
      if (r.kind !== 'recorded') throw new Error(`shipment not recorded: ${JSON.stringify(r)}`);
      return r.package;
    },
    amazonPackages(orderId) {
      const order = h.sim.world.getOrder(orderId) as
        | { packages?: Array<Record<string, unknown>> }
        | undefined;
      return order?.packages ?? [];
    },
  };
}
