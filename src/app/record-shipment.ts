import { findMarketplace } from '../core/marketplace.js';
import type { Order } from '../core/order.js';
import { isShippable } from '../core/order.js';
import type { Refusal } from '../core/outcome.js';
import type { Package, PackageItem } from '../core/package.js';
import { choosePackageItems } from '../core/package-items.js';
import { evaluatePackage, type PolicyDecision } from '../core/policy/evaluate-package.js';
import type { PackageDetails, StoreReads } from '../ports/order-store.js';
import type { AppDeps } from './deps.js';

/** One parcel as the warehouse reports it. */
export interface ShipmentInput {
  readonly orderId: string;
  /** Carrier as typed: an Amazon code (`Royal Mail`) or a known alias (`RM`, `evri`). */
  readonly carrier: string;
  /** The carrier's own name, needed when the carrier is `Other`. */
  readonly carrierName?: string | null;
  readonly service: string;
  readonly trackingId?: string | null;
  readonly parcelId?: string | null;
  /** Items and quantities; all unshipped units when absent. */
  readonly items?: readonly PackageItem[];
  /** ISO 8601; default now. */
  readonly shipDate?: string;
}

export type RecordShipmentResult =
  /** Stored and queued for Amazon (possibly with warnings). */
  | { readonly kind: 'recorded'; readonly package: Package; readonly warnings: readonly Refusal[] }
  /** Stored as needs-fix (mode `hold`): a person must correct it before it is sent. */
  | {
      readonly kind: 'held';
      readonly package: Package;
      readonly refusals: readonly Refusal[];
      readonly warnings: readonly Refusal[];
    }
  /** Nothing was stored. */
  | {
      readonly kind: 'refused';
      readonly refusals: readonly Refusal[];
      readonly warnings: readonly Refusal[];
    };

/**
 * `refuse`: a package the policy refuses is not stored (interactive use: the packer retypes it).
 * `hold`: it is stored as needs-fix with the reason (automated intake: nothing is lost).
 * Input that cannot describe a package at all (unknown order, wrong items) is always refused.
 */
export type RefusalMode = 'refuse' | 'hold';

/** The outcome of checking a shipment against its order and the policy, before anything is written. */
export type ShipmentCheck =
  | { readonly kind: 'refused'; readonly refusals: readonly Refusal[]; readonly warnings: readonly Refusal[] }
  | {
      readonly kind: 'checked';
      readonly order: Order;
      readonly items: PackageItem[];
      readonly decision: PolicyDecision;
      readonly shipDate: string;
    };

/**
 * Checks a shipment: the order exists and can ship, the items fit what is unshipped (not counting
 * `replacing`, the package being corrected), and the shipping policy's verdict.
 */
export async function checkShipment(
  deps: Pick<AppDeps, 'carriers'>,
  tx: StoreReads,
  input: ShipmentInput,
  now: string,
  replacing?: Package,
): Promise<ShipmentCheck> {
  const order = await tx.getOrder(input.orderId);
  if (!order) {
    return refused({
      code: 'unknown-order',
      message: `Order ${input.orderId} is not known here. Check the order id, or run \`shipconfirm sync\` to pull new orders from Amazon.`,
    });
  }
  if (!isShippable(order.status) && !(replacing && order.status === 'SHIPPED')) {
    return refused({
      code: 'order-not-shippable',
      message: `Order ${order.orderId} is ${order.status} at Amazon, so it cannot be shipped${order.status === 'CANCELLED' ? ': the buyer or Amazon cancelled it' : ''}.`,
    });
  }
  const shipDate = input.shipDate ?? now;
  const existing = await tx.listPackages({ orderId: order.orderId });
  const items = choosePackageItems(
    order,
    existing,
    input.items ?? (replacing ? replacing.items : undefined),
    replacing?.packageId,
  );
  if (!items.ok) return refused(...items.refusals);

  const marketplace = findMarketplace(order.marketplaceId);
  const known = await tx.findPackagesByTrackingIds(
    [input.trackingId, input.parcelId].filter((v): v is string => !!v).map(normalizeForLookup),
  );
  const decision = evaluatePackage(
    {
      order: {
        orderId: order.orderId,
        marketplaceCode: marketplace?.code ?? 'UK',
        domestic: order.shipToCountry && marketplace ? order.shipToCountry === marketplace.countryCode : null,
        isPrime: order.isPrime,
        shipByLatest: order.shipByLatest,
        createdAt: order.createdAt,
      },
      package: {
        carrier: input.carrier,
        carrierName: input.carrierName ?? null,
        service: input.service,
        trackingId: input.trackingId ?? null,
        parcelId: input.parcelId ?? null,
        shipDate,
      },
      knownTrackingIds: known
        .filter((p) => p.state !== 'cancelled' && p.trackingId && p.packageId !== replacing?.packageId)
        .map((p) => ({ trackingId: p.trackingId!, orderId: p.orderId, carrierCode: p.carrierCode })),
      now,
    },
    deps.carriers,
  );
  if (decision.verdict === 'refuse' && decision.carrierCode === null) {
    return { kind: 'refused', refusals: decision.refusals, warnings: decision.warnings };
  }
  return { kind: 'checked', order, items: items.value, decision, shipDate };
}

/** The package's details as the policy normalised them. */
export function detailsOf(check: Extract<ShipmentCheck, { kind: 'checked' }>): PackageDetails {
  const d = check.decision;
  return {
    carrierCode: d.carrierCode ?? 'Other',
    carrierName: d.carrierName,
    shippingService: d.shippingService,
    trackingId: d.trackingId,
    trackingKind: d.trackingKind,
    shipDate: new Date(check.shipDate).toISOString(),
    items: check.items,
  };
}

/**
 * Records one package: checks the order and items, runs the shipping policy, and stores the
 * package together with its place in the transmission queue in one transaction.
 */
export async function recordShipment(
  deps: AppDeps,
  input: ShipmentInput,
  mode: RefusalMode = 'refuse',
): Promise<RecordShipmentResult> {
  const { store, clock } = deps;
  return store.transaction(async (tx) => {
    const now = clock.now().toISOString();
    const check = await checkShipment(deps, tx, input, now);
    if (check.kind === 'refused') return check;
    const { decision, order } = check;
    const refusedByPolicy = decision.verdict === 'refuse';
    if (refusedByPolicy && mode === 'refuse') {
      return { kind: 'refused', refusals: decision.refusals, warnings: decision.warnings };
    }
    const stored = await tx.insertPackage(
      {
        ...detailsOf(check),
        orderId: order.orderId,
        sellerId: order.sellerId,
        state: 'recorded',
        stateReason: null,
      },
      now,
    );
    if (refusedByPolicy) {
      const reason = decision.refusals.map((r) => r.message).join(' ');
      const held = await tx.changePackageState(stored.packageId, {
        from: 'recorded',
        to: 'needs-fix',
        event: 'refused',
        reason,
        at: now,
      });
      return { kind: 'held', package: held, refusals: decision.refusals, warnings: decision.warnings };
    }
    const warningText = decision.warnings.map((w) => w.message).join(' ') || null;
    const accepted = await tx.changePackageState(stored.packageId, {
      from: 'recorded',
      to: 'accepted',
      event: 'validated',
      reason: warningText,
      at: now,
    });
    return { kind: 'recorded', package: accepted, warnings: decision.warnings };
  });
}

function refused(...refusals: Refusal[]): Extract<ShipmentCheck, { kind: 'refused' }> {
  return { kind: 'refused', refusals, warnings: [] };
}

function normalizeForLookup(id: string): string {
  return id.replace(/[\s-]/g, '').toUpperCase();
}
