import type { Package } from '../core/package.js';
import { compareReadBack } from '../core/read-back.js';
import type { OrdersPage } from '../ports/marketplace.js';
import type { StoreReads, StoreWrites } from '../ports/order-store.js';
import { applyPackageEvent } from './apply-package-event.js';

export interface ReadBackCounts {
  readonly verified: number;
  /** Confirmed, but missing or without its tracking at Amazon: queued to be sent again. */
  readonly resent: number;
}

/**
 * Proof: compares the packages Amazon shows on the orders of a sync page with the ones we
 * confirmed. Only packages confirmed before the page's upper bound are judged, since Amazon's
 * search lags recent changes. A missing package is queued again under the same reference, which
 * Amazon treats as an edit, so a resend can never duplicate it.
 */
export async function verifyReadBack(
  tx: StoreReads & StoreWrites,
  page: OrdersPage,
  at: string,
): Promise<ReadBackCounts> {
  let verified = 0;
  let resent = 0;
  const bound = page.lastUpdatedBefore ?? at;
  for (const [orderId, theirs] of page.packagesByOrder) {
    const confirmed = await tx.listPackages({ orderId, states: ['confirmed'] });
    for (const p of confirmed.filter((x: Package) => x.updatedAt <= bound)) {
      const verdict = compareReadBack(p, theirs);
      if (verdict.kind === 'matched') {
        if (await applyPackageEvent(tx, p, 'read-back-matched', null, at)) verified++;
        continue;
      }
      const dropped = await applyPackageEvent(tx, p, 'read-back-missing', verdict.reason, at);
      if (dropped && (await applyPackageEvent(tx, dropped, 'resend-queued', verdict.reason, at))) resent++;
    }
  }
  return { verified, resent };
}
