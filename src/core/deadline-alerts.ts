import type { Order } from './order.js';
import type { Package } from './package.js';
import { unshippedQuantities } from './package-items.js';
import type { PackageState } from './package-lifecycle.js';

/** A deadline a person should act on now. */
export interface DeadlineAlert {
  /** `order-not-shipped`: units still without a package; `package-not-confirmed`: a package Amazon does not have yet. */
  readonly kind: 'order-not-shipped' | 'package-not-confirmed';
  readonly orderId: string;
  readonly packageId: string | null;
  readonly shipByLatest: string;
  /** Minutes until ship-by; negative when already late. */
  readonly minutesLeft: number;
  readonly message: string;
}

export interface DeadlineWatchInput {
  /** Epoch milliseconds. */
  readonly nowMs: number;
  /** Open orders whose ship-by is near (the caller selects them). */
  readonly orders: readonly Order[];
  readonly packagesByOrder: ReadonlyMap<string, readonly Package[]>;
  /** Warn about unshipped units this long before ship-by (default 60 minutes). */
  readonly unshippedWarnMinutes: number;
  /** Warn about packages not yet confirmed this long before ship-by (default 15 minutes). */
  readonly unconfirmedWarnMinutes: number;
}

/** States in which Amazon does not have the package yet. */
const NOT_AT_AMAZON: readonly PackageState[] = [
  'recorded',
  'accepted',
  'sending',
  'retrying',
  'needs-fix',
  'dropped',
];

/**
 * The alerts of the deadline watch: an order with units not in any package close to its ship-by,
 * and a package not confirmed to Amazon close to its order's ship-by. Amazon counts a confirmation
 * after ship-by as late, and cancels orders left unconfirmed for 7 days after it.
 */
export function deadlineAlerts(input: DeadlineWatchInput): DeadlineAlert[] {
  const alerts: DeadlineAlert[] = [];
  for (const order of input.orders) {
    if (!order.shipByLatest) continue;
    const minutesLeft = Math.floor((Date.parse(order.shipByLatest) - input.nowMs) / 60_000);
    const when = minutesLeft >= 0 ? `in ${minutesLeft} min` : `${-minutesLeft} min ago`;
    const packages = input.packagesByOrder.get(order.orderId) ?? [];
    if (minutesLeft <= input.unshippedWarnMinutes) {
      const missing = [...unshippedQuantities(order, packages)].filter(([, q]) => q > 0);
      if (missing.length > 0) {
        const units = missing.reduce((n, [, q]) => n + q, 0);
        alerts.push({
          kind: 'order-not-shipped',
          orderId: order.orderId,
          packageId: null,
          shipByLatest: order.shipByLatest,
          minutesLeft,
          message: `Order ${order.orderId} must ship by ${order.shipByLatest} (${when}) and ${units} unit(s) are in no package yet: ship and record them now.`,
        });
      }
    }
    if (minutesLeft <= input.unconfirmedWarnMinutes) {
      for (const p of packages.filter((x) => NOT_AT_AMAZON.includes(x.state))) {
        alerts.push({
          kind: 'package-not-confirmed',
          orderId: order.orderId,
          packageId: p.packageId,
          shipByLatest: order.shipByLatest,
          minutesLeft,
          message:
            `Package ${p.referenceNo} of order ${order.orderId} is not confirmed to Amazon (${p.state}${p.stateReason ? `: ${p.stateReason}` : ''}) ` +
            `and the ship-by is ${when}.${p.state === 'needs-fix' ? ' Fix it now.' : ''}`,
        });
      }
    }
  }
  return alerts.sort((a, b) => a.minutesLeft - b.minutesLeft);
}
