import type { Order } from './order.js';
import { accept, type Outcome, type Refusal, refuse } from './outcome.js';
import type { PackageItem } from './package.js';
import type { PackageState } from './package-lifecycle.js';

/** An existing package as far as item counting needs it. */
export interface PackageItemsHolder {
  readonly packageId: string;
  readonly state: PackageState;
  readonly items: readonly PackageItem[];
}

/**
 * Units of each order item not yet in a live package. Cancelled packages give their units back;
 * a package being replaced (`excludePackageId`) does too, so that an edit can re-use them.
 */
export function unshippedQuantities(
  order: Order,
  packages: readonly PackageItemsHolder[],
  excludePackageId?: string,
): Map<string, number> {
  const remaining = new Map(order.items.map((i) => [i.orderItemId, i.quantityOrdered]));
  for (const p of packages) {
    if (p.state === 'cancelled' || p.packageId === excludePackageId) continue;
    for (const item of p.items) {
      remaining.set(item.orderItemId, (remaining.get(item.orderItemId) ?? 0) - item.quantity);
    }
  }
  return remaining;
}

/**
 * Decides which items a new package carries: the requested ones, checked against the order and
 * what is still unshipped, or every unshipped unit when none are requested.
 */
export function choosePackageItems(
  order: Order,
  packages: readonly PackageItemsHolder[],
  requested: readonly PackageItem[] | undefined,
  excludePackageId?: string,
): Outcome<PackageItem[]> {
  const remaining = unshippedQuantities(order, packages, excludePackageId);

  if (requested === undefined || requested.length === 0) {
    const all = [...remaining]
      .filter(([, q]) => q > 0)
      .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
    if (all.length === 0) {
      return refuse({
        code: 'nothing-left-to-ship',
        message: `Every item of order ${order.orderId} is already in a package. To change a package, replace it instead of adding one.`,
      });
    }
    return accept(all);
  }

  const refusals: Refusal[] = [];
  const merged = new Map<string, number>();
  for (const item of requested) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      refusals.push({
        code: 'invalid-quantity',
        message: `Quantity ${item.quantity} for item ${item.orderItemId} is not a positive whole number.`,
      });
      continue;
    }
    merged.set(item.orderItemId, (merged.get(item.orderItemId) ?? 0) + item.quantity);
  }
  for (const [orderItemId, quantity] of merged) {
    const left = remaining.get(orderItemId);
    if (left === undefined) {
      const known = order.items.map((i) => i.orderItemId).join(', ');
      refusals.push({
        code: 'item-not-in-order',
        message: `Order ${order.orderId} has no item ${orderItemId}. Its items are: ${known}.`,
      });
    } else if (quantity > left) {
      refusals.push({
        code: 'quantity-exceeds-unshipped',
        message: `Item ${orderItemId} of order ${order.orderId} has ${Math.max(left, 0)} unit(s) left to ship; ${quantity} requested.`,
      });
    }
  }
  if (refusals.length > 0) return refuse(...refusals);
  return accept([...merged].map(([orderItemId, quantity]) => ({ orderItemId, quantity })));
}
