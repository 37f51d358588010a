import type { Order } from '../order.js';
import type { Package } from '../package.js';

/** One category's provisional VTR, before any carrier scan is known. */
export interface ExpectedVtr {
  readonly category: string;
  /** Packages that count: domestic, non-Prime, confirmed or on their way, in the window. */
  readonly total: number;
  /** Of those, packages with an integrated carrier and a tracking ID that passed our checks. */
  readonly expectedValid: number;
  /** expectedValid / total, or null with no packages. */
  readonly rate: number | null;
  /** Packages that will count against VTR, with why. */
  readonly defects: ReadonlyArray<{
    readonly packageId: string;
    readonly orderId: string;
    readonly why: string;
  }>;
}

export interface ExpectedVtrInput {
  readonly orders: ReadonlyMap<string, Order>;
  readonly packages: readonly Package[];
  /** Country the seller ships from, per marketplace id. */
  readonly shipFromCountry: (marketplaceId: string) => string | null;
  /** Category of an item: by SKU, else `Uncategorised`. */
  readonly categoryOf: (sku: string | null) => string;
  /** Whether an Amazon carrier code is integrated (scans reach Amazon). */
  readonly integrated: (carrierCode: string) => boolean;
  /** Window end (ISO UTC); the window is the 30 days before it. */
  readonly at: string;
  readonly windowDays?: number;
}

/**
 * A first look at VTR per category from ShipConfirm's own records, before carrier scans are
 * known: it counts a package as valid if its carrier is integrated and its tracking ID passed the
 * checks. The real VTR (which needs a scan) comes from carrier scans; this preview shows what is
 * already certain to be a defect.
 */
export function expectedVtrByCategory(input: ExpectedVtrInput): ExpectedVtr[] {
  const end = Date.parse(input.at);
  const start = end - (input.windowDays ?? 30) * 24 * 3600 * 1000;
  const byCategory = new Map<
    string,
    { total: number; valid: number; defects: ExpectedVtr['defects'][number][] }
  >();

  for (const p of input.packages) {
    if (p.state === 'cancelled' || p.state === 'needs-fix' || p.state === 'recorded') continue;
    const shipped = Date.parse(p.shipDate);
    if (!(shipped > start && shipped <= end)) continue;
    const order = input.orders.get(p.orderId);
    if (!order || order.isPrime) continue;
    const from = input.shipFromCountry(order.marketplaceId);
    if (!from || order.shipToCountry !== from) continue;

    // A package carrying items of several categories counts once in each.
    const categories = new Set(
      p.items.map((i) =>
        input.categoryOf(order.items.find((oi) => oi.orderItemId === i.orderItemId)?.sku ?? null),
      ),
    );
    let why: string | null = null;
    if (!input.integrated(p.carrierCode))
      why = `carrier ${p.carrierName ?? p.carrierCode} is not integrated with Amazon`;
    else if (!p.trackingId) why = 'no tracking ID';
    for (const category of categories) {
      const c = byCategory.get(category) ?? { total: 0, valid: 0, defects: [] };
      c.total++;
      if (why === null) c.valid++;
      else c.defects.push({ packageId: p.packageId, orderId: p.orderId, why });
      byCategory.set(category, c);
    }
  }
  return [...byCategory]
    .map(([category, c]) => ({
      category,
      total: c.total,
      expectedValid: c.valid,
      rate: c.total === 0 ? null : c.valid / c.total,
      defects: c.defects,
    }))
    .sort((a, b) => a.category.localeCompare(b.category));
}
