/** Stable codes of the tracking checks (see docs/carriers-and-tracking.md for their meaning). */
export const TRACKING_REASONS = {
  /** No number given. */
  missing: 'tracking-missing',
  /** Characters other than letters and digits (after spaces and hyphens are removed). */
  badCharacters: 'tracking-bad-characters',
  /** The pattern fits a documented format but its check digit is wrong: refused. */
  checkDigit: 'tracking-check-digit',
  /** Fits none of the carrier's formats, all documented and complete: refused. */
  format: 'tracking-format',
  /** Fits none of the carrier's formats, some of them unsure or incomplete: warning only. */
  formatUnverified: 'tracking-format-unverified',
  /** A Royal Mail 13-character tracking number given where the parcel ID belongs: refused. */
  parcelIdIsTrackingNumber: 'parcel-id-is-tracking-number',
  /** A parcel ID outside the 13-21 characters Amazon accepts: refused. */
  parcelIdLength: 'parcel-id-length',
  /** A parcel ID of 13-21 characters that is not the usual 21 hex characters: warning. */
  parcelIdUnusual: 'parcel-id-unusual',
  /** A Royal Mail parcel ID given for a service that needs the tracking number: refused. */
  trackingIsParcelId: 'tracking-is-parcel-id',
  /** The number fits another carrier better (warning, or part of a refusal's advice). */
  looksLikeOtherCarrier: 'tracking-looks-like-other-carrier',
  /** No carrier given and the number fits no known carrier's format (`tracking validate` without --carrier). */
  unrecognised: 'tracking-unrecognised',
  /** The carrier is not known. */
  carrierUnknown: 'carrier-unknown',
  /** The service is not one we know for that carrier: treated as tracked. Warning. */
  serviceUnknown: 'service-unknown',
} as const;
