import type { Package } from './package.js';

/** A package as Amazon stores it, read back with Orders API 2026-01-01 `PACKAGES`. */
export interface AmazonPackageView {
  readonly packageReferenceId: string;
  readonly carrier: string | null;
  readonly shippingService: string | null;
  readonly trackingNumber: string | null;
  /** Items and quantities in the package, when Amazon says. */
  readonly items?: ReadonlyArray<{ readonly orderItemId: string; readonly quantity: number }>;
}

export type ReadBackVerdict =
  | { readonly kind: 'matched' }
  | { readonly kind: 'missing'; readonly reason: string };

const norm = (v: string | null | undefined) => (v ?? '').replace(/[\s-]/g, '').toUpperCase();

const sameItems = (ours: Package, theirs: AmazonPackageView) => {
  if (!theirs.items) return false;
  const key = (items: ReadonlyArray<{ orderItemId: string; quantity: number }>) =>
    items
      .map((i) => `${i.orderItemId}x${i.quantity}`)
      .sort()
      .join(',');
  return key(ours.items) === key(theirs.items);
};

/**
 * Did Amazon keep what we confirmed? The package must be there with our tracking number (Amazon
 * has been seen to answer 204 and drop the tracking). It is looked up by its reference first; a
 * package confirmed by feed carries no reference of ours, so Amazon numbers it itself, and it is
 * found by its tracking number, or, without one, by its items. Carrier names may be shown
 * differently by Amazon, so they do not decide.
 */
export function compareReadBack(ours: Package, theirs: readonly AmazonPackageView[]): ReadBackVerdict {
  const byReference = theirs.find((p) => p.packageReferenceId === String(ours.referenceNo));
  const elsewhere = ours.trackingId
    ? theirs.find((p) => norm(p.trackingNumber) === norm(ours.trackingId))
    : theirs.find((p) => !p.trackingNumber && sameItems(ours, p));
  if (elsewhere && (!byReference || norm(byReference.trackingNumber) !== norm(ours.trackingId))) {
    return { kind: 'matched' };
  }
  const stored = byReference;
  if (!stored) {
    return {
      kind: 'missing',
      reason: `Amazon accepted package ${ours.referenceNo} but does not show it on the order; sending it again.`,
    };
  }
  if (ours.trackingId && norm(stored.trackingNumber) !== norm(ours.trackingId)) {
    return {
      kind: 'missing',
      reason: stored.trackingNumber
        ? `Amazon shows tracking ${stored.trackingNumber} for package ${ours.referenceNo}, not ${ours.trackingId}; sending it again.`
        : `Amazon accepted package ${ours.referenceNo} but dropped its tracking ID; sending it again.`,
    };
  }
  return { kind: 'matched' };
}
