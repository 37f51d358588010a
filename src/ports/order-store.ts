import type { Order } from '../core/order.js';
import type { Package, PackageDraft } from '../core/package.js';
import type { PackageEvent, PackageState } from '../core/package-lifecycle.js';

export interface Seller {
  readonly sellerId: string;
  readonly name: string;
  readonly marketplaceIds: readonly string[];
}

/** One row of the append-only event log. */
export interface StoredEvent {
  readonly seq: number;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly sellerId: string;
  readonly entityType: 'package' | 'order' | 'seller' | 'sync';
  readonly entityId: string;
  /** e.g. `package.recorded`, `package.state-changed`, `order.synced`. */
  readonly type: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly reason: string | null;
  readonly data: Record<string, unknown> | null;
}

export type NewEvent = Omit<StoredEvent, 'seq'>;

export type AttemptOutcome = 'accepted' | 'refused' | 'temporary-failure';

/** One try at confirming one package to Amazon. */
export interface TransmissionAttempt {
  readonly packageId: string;
  readonly attemptNo: number;
  readonly channel: 'confirm-shipment' | 'feed';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly outcome: AttemptOutcome;
  readonly httpStatus: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly amazonRequestId: string | null;
}

/** A package to store, with the state the policy gave it. */
export interface NewPackage extends PackageDraft {
  readonly sellerId: string;
  readonly state: PackageState;
  readonly stateReason: string | null;
}

/** The parts of a package a person can change. */
export type PackageDetails = Pick<
  PackageDraft,
  'carrierCode' | 'carrierName' | 'shippingService' | 'trackingId' | 'trackingKind' | 'shipDate' | 'items'
>;

/** A state change, applied only if the package is still in `from` (optimistic check). */
export interface StateChange {
  readonly from: PackageState;
  readonly to: PackageState;
  readonly event: PackageEvent;
  readonly reason: string | null;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** For `retrying`: earliest next try. Cleared (null) otherwise when given. */
  readonly nextAttemptAt?: string | null;
  /** Count one more transmission attempt. */
  readonly countAttempt?: boolean;
}

/** Thrown when a state change finds the package no longer in the expected state. */
export class StaleStateError extends Error {
  override readonly name = 'StaleStateError';
  constructor(
    readonly packageId: string,
    readonly expected: PackageState,
    readonly actual: PackageState | null,
  ) {
    super(`package ${packageId} was expected in state ${expected} but is ${actual ?? 'missing'}`);
  }
}

/** A fault of the store itself (cannot open, corrupt, not writable); the message names the file. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

export interface PackageFilter {
  readonly sellerId?: string;
  readonly orderId?: string;
  readonly states?: readonly PackageState[];
  /** Newest first when set; default oldest first. */
  readonly newestFirst?: boolean;
  readonly limit?: number;
}

export interface StoreReads {
  getSeller(sellerId: string): Promise<Seller | undefined>;
  listSellers(): Promise<Seller[]>;
  getOrder(orderId: string): Promise<Order | undefined>;
  /** Orders, newest created first. */
  listOrders(filter: { sellerId?: string; limit?: number }): Promise<Order[]>;
  countOrders(sellerId?: string): Promise<number>;
  /** Orders Amazon still expects to ship (unshipped, partially shipped) whose ship-by is at or before `until`, soonest first. */
  listOrdersDueBy(sellerId: string, until: string): Promise<Order[]>;
  getPackage(packageId: string): Promise<Package | undefined>;
  listPackages(filter: PackageFilter): Promise<Package[]>;
  /** Packages already carrying any of these (normalised) tracking IDs. */
  findPackagesByTrackingIds(trackingIds: readonly string[]): Promise<Package[]>;
  /**
   * Packages due for transmission at `now`: state `accepted`, or `retrying` with
   * nextAttemptAt <= now; ordered by the order's ship-by (unknown last), then by package age.
   */
  listDueForTransmission(now: string, limit: number): Promise<Package[]>;
  listEvents(filter: { entityId?: string; sellerId?: string; limit?: number }): Promise<StoredEvent[]>;
  listAttempts(packageId: string): Promise<TransmissionAttempt[]>;
  /** The `lastUpdatedBefore` of the last complete sync of this seller and marketplace. */
  getSyncCursor(sellerId: string, marketplaceId: string): Promise<string | undefined>;
  /** SKU -> category map the seller maintains (overrides, and later resolved categories). */
  listSkuCategories(sellerId: string): Promise<Map<string, string>>;
}

export interface StoreWrites {
  upsertSeller(seller: Seller, at: string): Promise<void>;
  /** Inserts new orders, updates known ones (items replaced); writes an `order.synced` event per change. */
  upsertOrders(orders: readonly Order[], at: string): Promise<{ inserted: number; updated: number }>;
  /**
   * Stores a package with the next reference number of its order (1, 2, ...) and a fresh id,
   * and writes a `package.recorded` event.
   */
  insertPackage(pkg: NewPackage, at: string): Promise<Package>;
  /** Applies a state change and writes its event; throws StaleStateError if the state moved. */
  changePackageState(packageId: string, change: StateChange): Promise<Package>;
  /**
   * Replaces a package's details (a corrected tracking ID, a re-shipped parcel) with the state
   * change `change` (event `edited`), keeping its id and reference number, and writes a
   * `package.edited` event with the details before and after.
   */
  editPackage(packageId: string, details: PackageDetails, change: StateChange): Promise<Package>;
  recordAttempt(attempt: TransmissionAttempt): Promise<void>;
  setSyncCursor(
    sellerId: string,
    marketplaceId: string,
    lastUpdatedBefore: string,
    at: string,
  ): Promise<void>;
  setSkuCategory(sellerId: string, sku: string, category: string, at: string): Promise<void>;
  appendEvent(event: NewEvent): Promise<void>;
}

/** The database, as the app sees it. All writes in one `transaction` commit together or not at all. */
export interface OrderStore extends StoreReads, StoreWrites {
  transaction<T>(work: (tx: StoreReads & StoreWrites) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
