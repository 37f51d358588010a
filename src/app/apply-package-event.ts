import type { Package } from '../core/package.js';
import { type PackageEvent, transition } from '../core/package-lifecycle.js';
import type { StateChange, StoreReads, StoreWrites } from '../ports/order-store.js';

/**
 * Moves a package by a lifecycle event and writes the change (and its event) through `tx`.
 * Returns the updated package, or null when the lifecycle refuses the event in its current state.
 */
export async function applyPackageEvent(
  tx: StoreReads & StoreWrites,
  pkg: Package,
  event: PackageEvent,
  reason: string | null,
  at: string,
  extra: Pick<StateChange, 'nextAttemptAt' | 'countAttempt'> = {},
): Promise<Package | null> {
  const t = transition(pkg.state, event);
  if (!t.ok) return null;
  return tx.changePackageState(pkg.packageId, { from: t.from, to: t.to, event, reason, at, ...extra });
}
