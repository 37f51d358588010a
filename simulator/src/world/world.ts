import {
  type CarrierSettings,
  DEFAULT_CARRIER_SETTINGS,
  type ScanHistory,
  scanHistory,
} from '../carriers/scan-history.js';
import type { SimClock } from '../clock.js';
import { advanceFeeds } from '../feeds/feed-processor.js';
import { DEFAULT_FEED_SETTINGS, type FeedSettings, FeedStore } from '../feeds/feed-store.js';
import { accountHealthReport } from '../judgement/account-health-report.js';
import { type SellerMetrics, sellerMetrics } from '../judgement/seller-metrics.js';
import { type Fault, FaultRegistry } from './faults.js';
import { marketplaceById } from './marketplaces.js';
import { generateOrders } from './order-generator.js';
import { ALL_DATASETS, toApiOrder } from './order-view.js';
import { type LoggedRequest, RequestLog } from './request-log.js';
import type { CatalogProduct, StoredOrder, StoredPackage } from './stored-order.js';

/** What to seed: orders for one seller in one marketplace. */
export interface SeedOrdersOptions {
  sellerId: string;
  marketplaceId: string;
  /** Number of orders to create. */
  count: number;
  /** Orders are created over this many days before the simulated now. */
  spreadDays: number;
  /** Same seed, same orders (given the same clock). */
  seed: number;
}

/** Summary of seeded orders, for the caller to drive shipments from. */
export interface SeedResult {
  orders: Array<{
    orderId: string;
    createdTime: string;
    /** `fulfillment.shipByWindow.latestDateTime`. */
    shipByLatest: string;
    status: string;
    items: Array<{ orderItemId: string; sku: string; asin: string; quantity: number }>;
  }>;
  catalog: Array<{ sku: string; asin: string; title: string; category: string }>;
}

const FAULT_KINDS = new Set([
  'status',
  'drop-connection',
  'latency',
  'silently-drop-tracking',
  'feed-fatal',
  'expired-upload-url',
]);

/** Checks an untrusted fault description (from the admin API); returns the reason when invalid. */
export function faultProblem(fault: unknown): string | null {
  if (fault === null || typeof fault !== 'object') return 'fault must be an object';
  const f = fault as Record<string, unknown>;
  if (typeof f.kind !== 'string' || !FAULT_KINDS.has(f.kind)) {
    return `fault.kind must be one of ${[...FAULT_KINDS].join(', ')}`;
  }
  if (f.count !== undefined && (!Number.isInteger(f.count) || (f.count as number) < 1)) {
    return 'fault.count must be a positive integer';
  }
  if (
    f.kind === 'status' &&
    (!Number.isInteger(f.status) || (f.status as number) < 400 || (f.status as number) > 599)
  ) {
    return 'fault.status must be an HTTP status from 400 to 599';
  }
  if (f.kind === 'latency' && (typeof f.ms !== 'number' || f.ms < 0 || f.ms > 600_000)) {
    return 'fault.ms must be a number of milliseconds from 0 to 600000';
  }
  return null;
}

/**
 * Amazon's side of the world: the orders it holds for each seller, its catalog, the clock, the
 * faults it has been told to inject and the requests it received.
 */
export class SimWorld {
  private readonly orders = new Map<string, StoredOrder>();
  /** Orders by seller, so a search does not scan every seller's orders. */
  private readonly bySeller = new Map<string, StoredOrder[]>();
  private readonly catalog = new Map<string, CatalogProduct>();
  /** Injected faults by operation. */
  readonly faults = new FaultRegistry();
  /** Every SP-API and LWA request received. */
  readonly log = new RequestLog();
  /** Feeds and feed documents. */
  readonly feeds = new FeedStore();
  /** How feeds are processed. */
  feedSettings: FeedSettings = { ...DEFAULT_FEED_SETTINGS };
  /** How carriers treat handed-over parcels. */
  carrierSettings: CarrierSettings = { ...DEFAULT_CARRIER_SETTINGS };

  constructor(readonly clock: SimClock) {}

  seedOrders(options: SeedOrdersOptions): SeedResult {
    const marketplace = marketplaceById(options.marketplaceId);
    if (marketplace === undefined) throw new RangeError(`unknown marketplaceId ${options.marketplaceId}`);
    if (!Number.isInteger(options.count) || options.count < 0 || options.count > 100_000) {
      throw new RangeError('count must be an integer from 0 to 100000');
    }
    if (!(options.spreadDays > 0) || options.spreadDays > 365) {
      throw new RangeError('spreadDays must be more than 0 and at most 365');
    }
    const generated = generateOrders({
      sellerId: options.sellerId,
      marketplace,
      count: options.count,
      spreadDays: options.spreadDays,
      seed: Math.trunc(options.seed),
      nowMs: this.clock.nowMs(),
      isTaken: (id) => this.orders.has(id),
    });
    for (const product of generated.catalog) this.catalog.set(product.asin, product);
    for (const order of generated.orders) this.addOrder(order);
    return {
      orders: generated.orders.map((o) => ({
        orderId: o.orderId,
        createdTime: new Date(o.createdMs).toISOString(),
        shipByLatest: new Date(o.shipByLatestMs).toISOString(),
        status: o.status,
        items: o.items.map((i) => ({
          orderItemId: i.orderItemId,
          sku: i.sku,
          asin: i.asin,
          quantity: i.quantityOrdered,
        })),
      })),
      catalog: generated.catalog.map((p) => ({ ...p })),
    };
  }

  /** Amazon's stored view of an order (Orders API 2026-01-01 `Order`, with fulfillment, recipient and packages). */
  getOrder(orderId: string): Record<string, unknown> | undefined {
    this.advance();
    const order = this.orders.get(orderId);
    return order === undefined
      ? undefined
      : toApiOrder(order, ALL_DATASETS, (pkg) => this.packageStatus(pkg));
  }

  requests(): LoggedRequest[] {
    return this.log.all();
  }

  setFault(operation: string, fault: Fault): void {
    const problem = faultProblem(fault);
    if (problem !== null) throw new TypeError(problem);
    this.faults.set(operation, fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Brings time-driven state (feed processing) up to the simulated now. */
  advance(): void {
    advanceFeeds(this);
  }

  /** Amazon's view of the seller's VTR (overall and per category), late shipment and cancel rates. */
  metrics(sellerId: string, marketplaceId: string): SellerMetrics {
    return sellerMetrics(this, sellerId, marketplaceId);
  }

  /** The account-health report (accountHealthReport-2020-11-18 shape) for the seller's marketplaces. */
  accountHealth(sellerId: string, marketplaceIds: string[]): Record<string, unknown> {
    return accountHealthReport(this, sellerId, marketplaceIds);
  }

  /** The carrier's scans of a package as of the simulated now. */
  scans(pkg: StoredPackage): ScanHistory {
    const carrier = pkg.carrierCode === 'Other' ? (pkg.carrierName ?? 'Other') : pkg.carrierCode;
    return scanHistory(carrier, pkg, this.clock.nowMs(), this.carrierSettings);
  }

  /** Amazon's `packageStatus.status` of a package: it follows the carrier's scans. */
  packageStatus(pkg: StoredPackage): string {
    const { status } = this.scans(pkg);
    return status === 'DELIVERED' ? 'DELIVERED' : status === 'IN_TRANSIT' ? 'IN_TRANSIT' : 'SHIPPED';
  }

  /** Every stored package with this tracking number (numbers can be reused), with its order. */
  packagesByTracking(trackingNumber: string): Array<{ order: StoredOrder; pkg: StoredPackage }> {
    const out: Array<{ order: StoredOrder; pkg: StoredPackage }> = [];
    for (const order of this.orders.values()) {
      for (const pkg of order.packages) if (pkg.trackingNumber === trackingNumber) out.push({ order, pkg });
    }
    return out;
  }

  /** The stored record itself (mutable), for the operations. */
  storedOrder(orderId: string): StoredOrder | undefined {
    return this.orders.get(orderId);
  }

  /** All orders of one seller. */
  ordersOf(sellerId: string): readonly StoredOrder[] {
    return this.bySeller.get(sellerId) ?? [];
  }

  /** Adds a hand-made order (tests use it for cases the generator does not produce, e.g. FBA orders). */
  addOrder(order: StoredOrder): void {
    const previous = this.orders.get(order.orderId);
    if (previous !== undefined) {
      const list = this.bySeller.get(previous.sellerId) ?? [];
      list.splice(list.indexOf(previous), 1);
    }
    this.orders.set(order.orderId, order);
    const list = this.bySeller.get(order.sellerId) ?? [];
    list.push(order);
    this.bySeller.set(order.sellerId, list);
  }

  addCatalogProduct(product: CatalogProduct): void {
    this.catalog.set(product.asin, product);
  }

  catalogProduct(asin: string): CatalogProduct | undefined {
    return this.catalog.get(asin);
  }
}
