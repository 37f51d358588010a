import { type DeadlineAlert, deadlineAlerts } from '../core/deadline-alerts.js';
import type { Package } from '../core/package.js';
import type { AppDeps } from './deps.js';

export interface WatchDeadlinesOptions {
  readonly sellerId: string;
  /** Default 60. */
  readonly unshippedWarnMinutes: number;
  /** Default 15. */
  readonly unconfirmedWarnMinutes: number;
}

/**
 * Raises the deadline alerts that are new: each is written once to the event log (type
 * `alert.deadline`) and logged as a warning; the same alert for the same order or package is not
 * repeated. The notifier (email, webhook) comes with the account-health work.
 * @returns the alerts raised now, and all that currently apply
 */
export async function watchDeadlines(
  deps: AppDeps,
  options: WatchDeadlinesOptions,
): Promise<{ raised: DeadlineAlert[]; current: DeadlineAlert[] }> {
  const now = deps.clock.now();
  const horizon = new Date(
    now.getTime() + Math.max(options.unshippedWarnMinutes, options.unconfirmedWarnMinutes) * 60_000,
  );
  const orders = await deps.store.listOrdersDueBy(options.sellerId, horizon.toISOString());
  const packagesByOrder = new Map<string, Package[]>();
  for (const o of orders)
    packagesByOrder.set(o.orderId, await deps.store.listPackages({ orderId: o.orderId }));
  const current = deadlineAlerts({
    nowMs: now.getTime(),
    orders,
    packagesByOrder,
    unshippedWarnMinutes: options.unshippedWarnMinutes,
    unconfirmedWarnMinutes: options.unconfirmedWarnMinutes,
  });
  const raised: DeadlineAlert[] = [];
  for (const alert of current) {
    const entityId = alert.packageId ?? alert.orderId;
    const seen = await deps.store.listEvents({ entityId });
    if (seen.some((e) => e.type === 'alert.deadline' && e.data?.kind === alert.kind)) continue;
    await deps.store.appendEvent({
      at: now.toISOString(),
      sellerId: options.sellerId,
      entityType: alert.packageId ? 'package' : 'order',
      entityId,
      type: 'alert.deadline',
      fromState: null,
      toState: null,
      reason: alert.message,
      data: {
        kind: alert.kind,
        orderId: alert.orderId,
        shipByLatest: alert.shipByLatest,
        minutesLeft: alert.minutesLeft,
      },
    });
    deps.logger.warn(
      {
        alert: alert.kind,
        orderId: alert.orderId,
        packageId: alert.packageId,
        minutesLeft: alert.minutesLeft,
      },
      alert.message,
    );
    raised.push(alert);
  }
  return { raised, current };
}
