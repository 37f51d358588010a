import type { PackageState } from './package-lifecycle.js';

/** What kind of number identifies the parcel to the carrier. */
export type TrackingKind = 'tracking' | 'parcel-id' | 'none';

export interface PackageItem {
  readonly orderItemId: string;
  readonly quantity: number;
}

/** The details of one parcel, as the warehouse gives them (before storage). */
export interface PackageDraft {
  readonly orderId: string;
  /** Amazon's exact carrier code (`Royal Mail`, `DPD`, `Other`...). */
  readonly carrierCode: string;
  /** The carrier's own name; required by Amazon when `carrierCode` is `Other`. */
  readonly carrierName: string | null;
  /** The carrier's service, sent to Amazon as `shippingMethod`. */
  readonly shippingService: string;
  /** Normalised tracking ID or parcel ID; null for untracked services. */
  readonly trackingId: string | null;
  readonly trackingKind: TrackingKind;
  /** When the parcel was handed over, ISO 8601 UTC. */
  readonly shipDate: string;
  readonly items: readonly PackageItem[];
}

/** A stored package. */
export interface Package extends PackageDraft {
  readonly packageId: string;
  readonly sellerId: string;
  /** Amazon's `packageReferenceId` as a number: 1 for the order's first package, 2 for the next... */
  readonly referenceNo: number;
  readonly state: PackageState;
  /** Why the package is in its state, in plain words (set for needs-fix, retrying, dropped...). */
  readonly stateReason: string | null;
  readonly attempts: number;
  /** Earliest time the transmitter may try again (retrying), ISO UTC. */
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Amazon's `packageReferenceId`: a positive integer as a string (never a JSON number). */
export function packageReferenceId(referenceNo: number): string {
  if (!Number.isInteger(referenceNo) || referenceNo < 1) {
    throw new RangeError(`package reference must be a positive integer, got ${referenceNo}`);
  }
  return String(referenceNo);
}
