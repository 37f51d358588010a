import type { Carrier, CarrierRegistry, CarrierService } from '../carriers/registry.js';
import { OTHER_CARRIER } from '../carriers/registry.js';
import { resolveCarrier } from '../carriers/resolve-carrier.js';
import { resolveService } from '../carriers/resolve-service.js';
import { findMarketplace } from '../marketplace.js';
import type { Refusal } from '../outcome.js';
import { normalizeTrackingNumber } from '../tracking/normalize.js';
import { validateTrackingForCarrier } from '../tracking/validate.js';
import { POLICY_REASONS as P } from './reason-codes.js';

/** Everything the policy needs to decide on one package. Pure data: the caller supplies `now`. */
export interface PolicyInput {
  order: {
    orderId: string;
    /** Marketplace short code (`UK`) or Amazon id; used for marketplace-only aliases and integration. */
    marketplaceCode: string;
    /** Ship-from country equals ship-to country; null when unknown. */
    domestic: boolean | null;
    isPrime: boolean;
    /** ISO 8601 UTC; null when Amazon gave no ship-by. */
    shipByLatest: string | null;
    /** ISO 8601 UTC. */
    createdAt: string;
  };
  package: {
    /** The carrier as typed (`RM`, `Royal Mail Tracked 48`, `Other`...). */
    carrier: string;
    /** Required when the carrier is `Other`. */
    carrierName?: string | null;
    /** The service as typed. */
    service: string;
    trackingId?: string | null;
    /** Royal Mail 24/48 parcel ID (may also be given as `trackingId`). */
    parcelId?: string | null;
    /** ISO 8601. */
    shipDate: string;
  };
  /** Tracking IDs already recorded (normalised), with their order and Amazon carrier code. */
  knownTrackingIds: ReadonlyArray<{ trackingId: string; orderId: string; carrierCode: string }>;
  /** ISO 8601 UTC, from the caller's clock (core has none). */
  now: string;
}

/**
 * Which Amazon operation suits the package. Orders v0 `confirmShipment` requires the
 * `trackingNumber` property, the fulfilment feed does not, so a package without a number is marked
 * for the feed; never with an invented placeholder. Until the feed path exists (issue 5) the
 * transmitter still sends such packages by `confirmShipment` with an empty number (decision 0004,
 * docs/carriers-and-tracking.md "Untracked packages").
 */
export type ConfirmVia = 'confirm-shipment' | 'fulfillment-feed';

/** The policy's answer for one package. */
export interface PolicyDecision {
  verdict: 'accept' | 'accept-with-warnings' | 'refuse';
  /** Amazon's exact carrier code; null when the carrier could not be resolved. */
  carrierCode: string | null;
  /** Set when carrierCode is `Other`. */
  carrierName: string | null;
  /** Whether Amazon tracks this carrier in the order's marketplace (counts in VTR). */
  integrated: boolean;
  /** Canonical service name, sent as `shippingMethod`. */
  shippingService: string;
  /** Normalised tracking or parcel ID; null when none. */
  trackingId: string | null;
  trackingKind: 'tracking' | 'parcel-id' | 'none';
  refusals: Refusal[];
  warnings: Refusal[];
  /** Registry id of the carrier, when resolved. */
  carrierId: string | null;
  /** Which Amazon operation can carry this package (see ConfirmVia). */
  confirmVia: ConfirmVia;
  /**
   * Whether the package enters Amazon's VTR (integrated carrier, domestic, non-Prime);
   * null when the order's domestic status is unknown.
   */
  countsTowardVtr: boolean | null;
}

/** A ship date this far after `now` is accepted (clock skew between the warehouse and us). */
export const SHIP_DATE_FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Decides whether a package may be confirmed to Amazon, and exactly what would be sent. */
export function evaluatePackage(input: PolicyInput, registry: CarrierRegistry): PolicyDecision {
  const refusals: Refusal[] = [];
  const warnings: Refusal[] = [];
  const market = marketCode(input.order.marketplaceCode);
  const pkg = input.package;

  const { carrier, typedService } = chooseCarrier(registry, pkg.carrier ?? '', market, refusals);
  const carrierName = carrier
    ? checkOther(registry, carrier, pkg.carrierName, market, refusals, warnings)
    : null;
  const integrated =
    carrier !== undefined && carrier.amazonCode !== 'Other' && carrier.integrated[market] === true;
  if (carrier && carrier.amazonCode !== 'Other' && !integrated) {
    if (carrier.id.startsWith('amazon:')) {
      warnings.push({
        code: P.carrierNotInRegistry,
        message:
          `ShipConfirm cannot check ${carrier.amazonCode} tracking numbers or tell whether Amazon tracks it in ` +
          `${market}; add it to the "carriers" config to get those checks.`,
      });
    } else {
      warnings.push({
        code: P.carrierNotIntegrated,
        message:
          `${carrier.displayName} is not an integrated carrier in ${market}: counts against your VTR. ` +
          'Use an integrated carrier where you can.',
      });
    }
  }

  const service = chooseService(carrier, pkg.service ?? '', typedService, refusals, warnings);
  const shippingService = service?.name ?? pkg.service?.trim() ?? '';
  const tracking = carrier
    ? checkNumber(
        registry,
        carrier,
        service,
        shippingService,
        pkg,
        { integrated, market },
        refusals,
        warnings,
      )
    : {
        trackingId: numberGiven(pkg),
        trackingKind: numberGiven(pkg) ? ('tracking' as const) : ('none' as const),
      };

  const carrierCode = carrier?.amazonCode ?? null;
  if (tracking.trackingId) checkReuse(input, tracking.trackingId, carrierCode, refusals, warnings);
  checkDates(input, refusals, warnings);

  return {
    verdict: refusals.length > 0 ? 'refuse' : warnings.length > 0 ? 'accept-with-warnings' : 'accept',
    carrierCode,
    carrierName,
    integrated,
    shippingService,
    trackingId: tracking.trackingId,
    trackingKind: tracking.trackingKind,
    refusals,
    warnings,
    carrierId: carrier?.id ?? null,
    confirmVia: tracking.trackingId ? 'confirm-shipment' : 'fulfillment-feed',
    countsTowardVtr:
      input.order.domestic === null ? null : integrated && input.order.domestic && !input.order.isPrime,
  };
}

function marketCode(idOrCode: string): string {
  return findMarketplace(idOrCode)?.code ?? idOrCode.trim().toUpperCase();
}

function chooseCarrier(
  registry: CarrierRegistry,
  typed: string,
  market: string,
  refusals: Refusal[],
): { carrier?: Carrier; typedService?: CarrierService } {
  const resolved = resolveCarrier(registry, typed, market);
  if (resolved.ok)
    return { carrier: resolved.carrier, ...(resolved.service ? { typedService: resolved.service } : {}) };
  const hint = resolved.suggestions.length > 0 ? ` Did you mean ${resolved.suggestions.join(', ')}?` : '';
  refusals.push({
    code: resolved.code === 'carrier-missing' ? P.carrierMissing : P.carrierUnknown,
    message: resolved.message + hint,
  });
  return {};
}

function checkOther(
  registry: CarrierRegistry,
  carrier: Carrier,
  typedName: string | null | undefined,
  market: string,
  refusals: Refusal[],
  warnings: Refusal[],
): string | null {
  if (carrier.amazonCode !== 'Other') return null;
  const name = typedName?.trim() || carrier.carrierName || '';
  if (name === '') {
    refusals.push({
      code: P.carrierNameMissing,
      message: 'The carrier is "Other": enter the carrier\'s name as well (Amazon shows it to the buyer).',
    });
  }
  warnings.push({
    code: P.carrierNotIntegrated,
    message: `${name || 'Other'} is not an integrated carrier: counts against your VTR. Use an integrated carrier where you can.`,
  });
  if (name !== '' && carrier.id === OTHER_CARRIER.id) {
    const known = resolveCarrier(registry, name, market);
    if (known.ok && known.carrier.amazonCode !== 'Other') {
      warnings.push({
        code: P.carrierOtherButKnown,
        message: `${name} has its own Amazon code "${known.carrier.amazonCode}": choose it instead of Other.`,
      });
    }
  }
  return name || null;
}

function chooseService(
  carrier: Carrier | undefined,
  typed: string,
  typedWithCarrier: CarrierService | undefined,
  refusals: Refusal[],
  warnings: Refusal[],
): CarrierService | undefined {
  if (typed.trim() === '') {
    if (typedWithCarrier) return typedWithCarrier;
    refusals.push({
      code: P.serviceMissing,
      message: 'No shipping service given: enter the service the parcel was sent with, e.g. Tracked 48.',
    });
    return undefined;
  }
  if (!carrier) return undefined;
  const service = resolveService(carrier, typed);
  if (!service && carrier.services.length > 0) {
    warnings.push({
      code: P.serviceUnknown,
      message:
        `"${typed.trim()}" is not a ${carrier.displayName} service ShipConfirm knows; it is sent as typed and ` +
        `treated as tracked. Known: ${carrier.services.map((s) => s.name).join(', ')}.`,
    });
  }
  return service;
}

function numberGiven(pkg: PolicyInput['package']): string | null {
  const raw = pkg.parcelId?.trim() || pkg.trackingId?.trim() || '';
  return raw === '' ? null : normalizeTrackingNumber(raw);
}

function checkNumber(
  registry: CarrierRegistry,
  carrier: Carrier,
  service: CarrierService | undefined,
  serviceName: string,
  pkg: PolicyInput['package'],
  where: { integrated: boolean; market: string },
  refusals: Refusal[],
  warnings: Refusal[],
): { trackingId: string | null; trackingKind: 'tracking' | 'parcel-id' | 'none' } {
  const needsParcelId = service?.needsParcelId === true;
  const tracked = service?.tracked ?? true;
  const raw =
    (needsParcelId
      ? pkg.parcelId?.trim() || pkg.trackingId?.trim()
      : pkg.trackingId?.trim() || pkg.parcelId?.trim()) ?? '';
  const label = `${carrier.displayName} ${serviceName}`.trim();
  const untrackedNames = carrier.services.filter((s) => !s.tracked).map((s) => s.name);
  if (raw === '') {
    if (needsParcelId) {
      refusals.push({
        code: P.parcelIdRequired,
        message:
          `${label} needs the parcel ID printed above the 2D barcode on the label (up to 21 letters and ` +
          'digits); without it Amazon refuses the confirmation.' +
          (untrackedNames.length > 0 ? ` If it went untracked, choose ${untrackedNames.join(' or ')}.` : ''),
      });
    } else if (tracked && where.integrated) {
      refusals.push({
        code: P.trackingRequired,
        message: `${label} is a tracked service: enter its tracking number from the label.`,
      });
    } else if (tracked) {
      warnings.push({
        code: P.trackingRequired,
        message: `${label} is a tracked service but no tracking number was given; it is confirmed without one.`,
      });
    } else {
      warnings.push({
        code: P.serviceUntracked,
        message: `${label} is untracked: the package is confirmed without a tracking number.`,
      });
    }
    return { trackingId: null, trackingKind: 'none' };
  }
  if (!tracked) {
    warnings.push({
      code: P.serviceUntracked,
      message: `${label} is untracked; the number given is sent, but check the service.`,
    });
  }
  // The marketplace keeps "looks like another carrier" advice to carriers that operate there.
  const result = validateTrackingForCarrier(raw, carrier, service?.name, registry, {
    marketplaceCode: where.market,
  });
  refusals.push(...result.reasons);
  warnings.push(...result.warnings);
  return { trackingId: result.normalized, trackingKind: result.kind };
}

function checkReuse(
  input: PolicyInput,
  trackingId: string,
  carrierCode: string | null,
  refusals: Refusal[],
  warnings: Refusal[],
): void {
  for (const known of input.knownTrackingIds) {
    if (normalizeTrackingNumber(known.trackingId) !== trackingId) continue;
    if (known.orderId === input.order.orderId) {
      warnings.push({
        code: P.trackingReusedSameOrder,
        message: `${trackingId} is already on another package of this order: check it is not entered twice.`,
      });
    } else if (known.carrierCode === carrierCode) {
      refusals.push({
        code: P.trackingReused,
        message:
          `${trackingId} is already used on order ${known.orderId} with ${known.carrierCode}: ` +
          "each parcel has its own number; copy the one on this parcel's label.",
      });
    } else {
      warnings.push({
        code: P.trackingReusedOtherCarrier,
        message: `${trackingId} is also on order ${known.orderId} (carrier ${known.carrierCode}): check the number.`,
      });
    }
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function checkDates(input: PolicyInput, refusals: Refusal[], warnings: Refusal[]): void {
  const shipDate = input.package.shipDate?.trim() ?? '';
  const ship = ISO_DATE_TIME.test(shipDate) ? Date.parse(shipDate) : Number.NaN;
  if (Number.isNaN(ship)) {
    refusals.push({
      code: P.shipDateInvalid,
      message: `The ship date "${shipDate}" is not a date and time: use ISO 8601, e.g. 2026-03-02T14:30:00Z.`,
    });
    return;
  }
  const now = Date.parse(input.now);
  if (ship > now + SHIP_DATE_FUTURE_TOLERANCE_MS) {
    refusals.push({
      code: P.shipDateFuture,
      message: `The ship date ${shipDate} is in the future: record the package when it has been handed to the carrier.`,
    });
  }
  if (ship < Date.parse(input.order.createdAt)) {
    refusals.push({
      code: P.shipDateBeforeOrder,
      message: `The ship date ${shipDate} is before the order was placed (${input.order.createdAt}): check the date.`,
    });
  }
  const shipBy = input.order.shipByLatest ? Date.parse(input.order.shipByLatest) : Number.NaN;
  if (!Number.isNaN(shipBy) && ship > shipBy) {
    warnings.push({
      code: P.shipLate,
      message: `Shipped after the ship-by time (${input.order.shipByLatest}): it is confirmed, but counts as a late shipment.`,
    });
  } else if (!Number.isNaN(shipBy) && now > shipBy) {
    // Amazon's Late Shipment Rate counts the confirmation time, not the day the parcel left.
    warnings.push({
      code: P.confirmLate,
      message:
        `Recorded after the ship-by time (${input.order.shipByLatest}): Amazon counts a confirmation after ` +
        'ship-by as late even when the parcel left on time. Record packages as they are handed over.',
    });
  }
}
