import { amazonCarrierCodes } from '../model-files.js';
import { marketplaceById } from '../world/marketplaces.js';
import type { StoredOrder } from '../world/stored-order.js';
import type { SimWorld } from '../world/world.js';

const DAY_MS = 86_400_000;

/** A count-based rate over a reporting window. `rate` is a fraction, null when nothing was counted. */
export interface WindowedRate {
  /** ISO 8601 bounds of the reporting window. */
  from: string;
  to: string;
  /** Denominator: shipments or orders counted. */
  count: number;
  /** Numerator: valid shipments, late orders or cancelled orders. */
  hits: number;
  rate: number | null;
}

/** Amazon's view of one seller in one marketplace, computed from what the simulator received and the carriers' scans. */
export interface SellerMetrics {
  sellerId: string;
  marketplaceId: string;
  /** Simulated time the metrics were computed at. */
  asOf: string;
  /**
   * Valid Tracking Rate: domestic, non-Prime, merchant-fulfilled packages confirmed with an integrated
   * carrier (on Amazon's list, not `Other`), whose promised delivery date (deliverByWindow.latestDateTime)
   * falls in the last 30 days; valid = the carrier scanned it at least once and Amazon had the number
   * before the parcel was delivered. Overall and per category
   * (a package counts in each category of its items).
   */
  validTrackingRate: WindowedRate & { byCategory: Record<string, WindowedRate> };
  /** Orders with ship-by in the window that were confirmed after ship-by (or not at all), over 10 and 30 days. */
  lateShipmentRate: { days10: WindowedRate; days30: WindowedRate };
  /** Orders created in the last 7 days that were cancelled before shipping. */
  preFulfillmentCancellationRate: WindowedRate;
}

function windowed(fromMs: number, toMs: number, count: number, hits: number): WindowedRate {
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    count,
    hits,
    rate: count === 0 ? null : hits / count,
  };
}

function lateShipment(orders: StoredOrder[], nowMs: number, days: number): WindowedRate {
  const fromMs = nowMs - days * DAY_MS;
  let count = 0;
  let late = 0;
  for (const order of orders) {
    if (order.status === 'CANCELLED' || order.shipByLatestMs < fromMs || order.shipByLatestMs > nowMs)
      continue;
    count += 1;
    const confirmedMs =
      order.packages.length === 0
        ? Number.POSITIVE_INFINITY
        : Math.min(...order.packages.map((p) => p.createdMs));
    if (confirmedMs > order.shipByLatestMs) late += 1;
  }
  return windowed(fromMs, nowMs, count, late);
}

/** Computes Amazon's metrics for a seller and marketplace as of the simulated now. */
export function sellerMetrics(world: SimWorld, sellerId: string, marketplaceId: string): SellerMetrics {
  const nowMs = world.clock.nowMs();
  world.advance();
  const country = marketplaceById(marketplaceId)?.countryCode;
  const orders = world
    .ordersOf(sellerId)
    .filter((o) => o.marketplaceId === marketplaceId && o.fulfilledBy === 'MERCHANT');
  const carriers = amazonCarrierCodes();

  const vtrFromMs = nowMs - 30 * DAY_MS;
  let shipments = 0;
  let valid = 0;
  const perCategory = new Map<string, { count: number; hits: number }>();
  for (const order of orders) {
    if (order.prime || order.address.countryCode !== country) continue;
    if (order.deliverByLatestMs < vtrFromMs || order.deliverByLatestMs > nowMs) continue;
    for (const pkg of order.packages) {
      if (pkg.carrierCode === 'Other' || !carriers.has(pkg.carrierCode)) continue;
      const { events } = world.scans(pkg);
      const delivered = events.find((e) => e.code === 'DELIVERED');
      // A tracking number Amazon learnt only after the parcel was delivered is a defect.
      const addedAfterDelivery =
        delivered !== undefined && (pkg.trackingAddedMs ?? 0) > Date.parse(delivered.at);
      const isValid = events.length > 0 && !addedAfterDelivery;
      shipments += 1;
      if (isValid) valid += 1;
      const categories = new Set(
        pkg.items.map(
          (i) => order.items.find((line) => line.orderItemId === i.orderItemId)?.category ?? 'Unknown',
        ),
      );
      for (const category of categories) {
        const entry = perCategory.get(category) ?? { count: 0, hits: 0 };
        entry.count += 1;
        if (isValid) entry.hits += 1;
        perCategory.set(category, entry);
      }
    }
  }
  const byCategory: Record<string, WindowedRate> = {};
  for (const [category, entry] of [...perCategory].sort(([a], [b]) => a.localeCompare(b))) {
    byCategory[category] = windowed(vtrFromMs, nowMs, entry.count, entry.hits);
  }

  const cancelFromMs = nowMs - 7 * DAY_MS;
  const recent = orders.filter((o) => o.createdMs >= cancelFromMs && o.createdMs <= nowMs);
  return {
    sellerId,
    marketplaceId,
    asOf: new Date(nowMs).toISOString(),
    validTrackingRate: { ...windowed(vtrFromMs, nowMs, shipments, valid), byCategory },
    lateShipmentRate: { days10: lateShipment(orders, nowMs, 10), days30: lateShipment(orders, nowMs, 30) },
    preFulfillmentCancellationRate: windowed(
      cancelFromMs,
      nowMs,
      recent.length,
      recent.filter((o) => o.status === 'CANCELLED').length,
    ),
  };
}
