import type { Order } from '../core/order.js';
import type { Package } from '../core/package.js';
import { describeState, PACKAGE_STATES, type PackageState } from '../core/package-lifecycle.js';
import type { AppDeps } from './deps.js';

export interface OrderStatusView {
  readonly order: Order;
  readonly packages: ReadonlyArray<Package & { readonly stateDescription: string }>;
}

export interface StatusView {
  readonly orders: readonly OrderStatusView[];
  /** Packages per state over the whole seller (or the one order). */
  readonly packageCounts: Readonly<Record<PackageState, number>>;
  readonly totalOrders: number;
}

/**
 * Orders and their packages with states and reasons: one order, or the most recent `limit`.
 * Returns null when the one order asked for is unknown.
 */
export async function getStatus(
  deps: AppDeps,
  input: { sellerId?: string; orderId?: string; limit?: number },
): Promise<StatusView | null> {
  const { store } = deps;
  let orders: Order[];
  if (input.orderId) {
    const o = await store.getOrder(input.orderId);
    if (!o) return null;
    orders = [o];
  } else {
    orders = await store.listOrders({
      ...(input.sellerId ? { sellerId: input.sellerId } : {}),
      limit: input.limit ?? 50,
    });
  }
  const views: OrderStatusView[] = [];
  for (const order of orders) {
    const packages = await store.listPackages({ orderId: order.orderId });
    views.push({
      order,
      packages: packages.map((p) => ({ ...p, stateDescription: describeState(p.state) })),
    });
  }
  const counts = Object.fromEntries(PACKAGE_STATES.map((s) => [s, 0])) as Record<PackageState, number>;
  const all = input.orderId
    ? views.flatMap((v) => v.packages)
    : await store.listPackages({ ...(input.sellerId ? { sellerId: input.sellerId } : {}) });
  for (const p of all) counts[p.state]++;
  return {
    orders: views,
    packageCounts: counts,
    totalOrders: input.orderId ? 1 : await store.countOrders(input.sellerId),
  };
}
