import { TRACKING_REASONS } from '../tracking/tracking-reasons.js';

/** Stable codes the shipping policy adds to the tracking checks' codes. */
export const POLICY_REASONS = {
  carrierMissing: 'carrier-missing',
  carrierUnknown: 'carrier-unknown',
  carrierNameMissing: 'carrier-name-missing',
  carrierNotIntegrated: 'carrier-not-integrated',
  carrierOtherButKnown: 'carrier-other-but-known',
  carrierNotInRegistry: 'carrier-not-in-registry',
  serviceMissing: 'service-missing',
  serviceUnknown: 'service-unknown',
  serviceUntracked: 'service-untracked',
  trackingRequired: 'tracking-required',
  parcelIdRequired: 'parcel-id-required',
  trackingReused: 'tracking-reused',
  trackingReusedOtherCarrier: 'tracking-reused-other-carrier',
  trackingReusedSameOrder: 'tracking-reused-same-order',
  shipDateInvalid: 'ship-date-invalid',
  shipDateFuture: 'ship-date-future',
  shipDateBeforeOrder: 'ship-date-before-order',
  shipLate: 'ship-late',
  confirmLate: 'confirm-late',
} as const;

/** Whether a code refuses the package, only warns, or depends on the case. */
export type ReasonSeverity = 'refusal' | 'warning' | 'refusal-or-warning';

/** Every reason code ShipConfirm's carrier, tracking and policy checks emit, with its meaning. */
export const REASON_CODES: Readonly<
  Record<string, { readonly severity: ReasonSeverity; readonly meaning: string }>
> = {
  [POLICY_REASONS.carrierMissing]: { severity: 'refusal', meaning: 'No carrier was given.' },
  [POLICY_REASONS.carrierUnknown]: {
    severity: 'refusal',
    meaning: 'The carrier is neither in the registry nor on Amazon\'s list; never sent as "Other" silently.',
  },
  [POLICY_REASONS.carrierNameMissing]: {
    severity: 'refusal',
    meaning: 'The carrier is "Other" and no carrier name was given; Amazon requires it.',
  },
  [POLICY_REASONS.carrierNotIntegrated]: {
    severity: 'warning',
    meaning: 'Confirmed as "Other" (or a carrier Amazon does not track here): counts against your VTR.',
  },
  [POLICY_REASONS.carrierOtherButKnown]: {
    severity: 'warning',
    meaning: 'Sent as "Other" with the name of a carrier that has its own Amazon code.',
  },
  [POLICY_REASONS.carrierNotInRegistry]: {
    severity: 'warning',
    meaning: 'An exact Amazon code ShipConfirm does not describe: its tracking numbers cannot be checked.',
  },
  [POLICY_REASONS.serviceMissing]: { severity: 'refusal', meaning: 'No shipping service was given.' },
  [POLICY_REASONS.serviceUnknown]: {
    severity: 'warning',
    meaning: 'A service the registry does not know for that carrier; it is treated as tracked.',
  },
  [POLICY_REASONS.serviceUntracked]: {
    severity: 'warning',
    meaning: 'An untracked service: confirmed without a tracking number (by fulfilment feed; see above).',
  },
  [POLICY_REASONS.trackingRequired]: {
    severity: 'refusal-or-warning',
    meaning:
      'A tracked service without a tracking number (a warning only for carriers Amazon does not track).',
  },
  [POLICY_REASONS.parcelIdRequired]: {
    severity: 'refusal',
    meaning: 'Royal Mail 24/48 or 1st/2nd Class without the parcel ID printed above the 2D barcode.',
  },
  [POLICY_REASONS.trackingReused]: {
    severity: 'refusal',
    meaning: 'The tracking number is already on another order with the same carrier.',
  },
  [POLICY_REASONS.trackingReusedOtherCarrier]: {
    severity: 'warning',
    meaning: 'The tracking number is already on another order, with a different carrier.',
  },
  [POLICY_REASONS.trackingReusedSameOrder]: {
    severity: 'warning',
    meaning: 'The tracking number is already on another package of this order.',
  },
  [POLICY_REASONS.shipDateInvalid]: {
    severity: 'refusal',
    meaning: 'The ship date is not an ISO 8601 date-time.',
  },
  [POLICY_REASONS.shipDateFuture]: {
    severity: 'refusal',
    meaning: 'The ship date is more than 5 minutes after now.',
  },
  [POLICY_REASONS.shipDateBeforeOrder]: {
    severity: 'refusal',
    meaning: 'The ship date is before the order was placed.',
  },
  [POLICY_REASONS.shipLate]: {
    severity: 'warning',
    meaning: 'Shipped after the ship-by date: allowed, counts towards the Late Shipment Rate.',
  },
  [POLICY_REASONS.confirmLate]: {
    severity: 'warning',
    meaning: 'Shipped on time but recorded after ship-by: Amazon counts the confirmation as late.',
  },
  [TRACKING_REASONS.missing]: { severity: 'refusal', meaning: 'No number was given to the tracking check.' },
  [TRACKING_REASONS.badCharacters]: {
    severity: 'refusal',
    meaning:
      'The number has characters other than letters and digits (spaces and hyphens are removed first).',
  },
  [TRACKING_REASONS.checkDigit]: {
    severity: 'refusal',
    meaning: 'The check digit is wrong for a documented format: a character is mistyped or two are swapped.',
  },
  [TRACKING_REASONS.format]: {
    severity: 'refusal',
    meaning:
      "The number fits none of the carrier's documented formats (carriers whose formats are complete).",
  },
  [TRACKING_REASONS.formatUnverified]: {
    severity: 'warning',
    meaning:
      "The number fits none of the carrier's formats (or fails an unverified check), but those are unsure.",
  },
  [TRACKING_REASONS.parcelIdIsTrackingNumber]: {
    severity: 'refusal',
    meaning: 'A 13-character tracking number was given where Royal Mail 24/48 needs the parcel ID.',
  },
  [TRACKING_REASONS.parcelIdLength]: {
    severity: 'refusal',
    meaning: 'A parcel ID outside the 13 to 21 characters Amazon accepts.',
  },
  [TRACKING_REASONS.parcelIdUnusual]: {
    severity: 'warning',
    meaning: 'A parcel ID of 13-21 characters that is not the usual 21 or 16 hex characters.',
  },
  [TRACKING_REASONS.trackingIsParcelId]: {
    severity: 'refusal',
    meaning: 'A Royal Mail parcel ID was given for a service that needs the tracking number.',
  },
  [TRACKING_REASONS.looksLikeOtherCarrier]: {
    severity: 'warning',
    meaning:
      "The number fits a carrier of the order's marketplace better (check digit verified there): check the carrier.",
  },
  [TRACKING_REASONS.unrecognised]: {
    severity: 'refusal',
    meaning: 'Checked without a carrier (only `tracking validate`), the number fits no known carrier.',
  },
};
