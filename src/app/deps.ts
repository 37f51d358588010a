import type { CarrierRegistry } from '../core/carriers/registry.js';
import type { Clock } from '../ports/clock.js';
import type { FeedsPort } from '../ports/feeds.js';
import type { Logger } from '../ports/logger.js';
import type { MarketplacePort } from '../ports/marketplace.js';
import type { OrderStore } from '../ports/order-store.js';
import type { QuotaView } from '../ports/quota.js';

/** What the use cases need from the outside world; the composition root provides it. */
export interface AppDeps {
  readonly store: OrderStore;
  readonly marketplace: MarketplacePort;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly carriers: CarrierRegistry;
  /** Bulk confirmations; without it every package goes per call. */
  readonly feeds?: FeedsPort;
  /** The client's token buckets, for choosing between per-call and feed. */
  readonly quota?: QuotaView;
}
