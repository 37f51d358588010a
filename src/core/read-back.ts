import type { Package } from './package.js';

/** A package as Amazon stores it, read back with Orders API 2026-01-01 `PACKAGES`. */
export interface AmazonPackageView {
  readonly packageReferenceId: string;
  readonly carrier: string | null;
  readonly shippingService: string | null;
  readonly trackingNumber: string | null;
}

export type ReadBackVerdict =
  | { readonly kind: 'matched' }
  | { readonly kind: 'missing'; readonly reason: string };

const norm = (v: string | null | undefined) => (v ?? '').replace(/[\s-]/g, '').toUpperCase();

/**
 * Did Amazon keep what we confirmed? The package must be there under its reference, with our
 * tracking number (Amazon has been seen to answer 204 and drop the tracking). Carrier names may be
 * shown differently by Amazon, so only the tracking number decides.
 */
export function compareReadBack(ours: Package, theirs: readonly AmazonPackageView[]): ReadBackVerdict {
  const stored = theirs.find((p) => p.packageReferenceId === String(ours.referenceNo));
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
