import type { Carrier, CarrierRegistry, CarrierService } from '../carriers/registry.js';
import { defaultCarrierRegistry } from '../carriers/registry.js';
import { resolveCarrier } from '../carriers/resolve-carrier.js';
import { resolveService } from '../carriers/resolve-service.js';
import type { Refusal } from '../outcome.js';
import { detectCarriers } from './detect.js';
import type { TrackingFormat } from './format.js';
import { TRACKING_FORMATS } from './formats.js';
import { type FormatMatch, matchFormat } from './match-format.js';
import { hasOnlyTrackingCharacters, normalizeTrackingNumber } from './normalize.js';
import { TRACKING_REASONS as R } from './tracking-reasons.js';

/** The verdict on one tracking number or parcel ID for a chosen carrier and service. */
export interface TrackingValidation {
  /** False when there is at least one reason (refusal). Warnings do not make it false. */
  readonly ok: boolean;
  /** The number as it will be stored and sent: no spaces or hyphens, upper case. */
  readonly normalized: string;
  /** Carrier id the number was checked against (as given when the carrier is unknown). */
  readonly carrier: string;
  /** `parcel-id` for Royal Mail 24/48 and 1st/2nd Class parcel IDs, else `tracking`. */
  readonly kind: 'tracking' | 'parcel-id';
  readonly reasons: Refusal[];
  readonly warnings: Refusal[];
  /** Id of the format the number matched, null when none did. */
  readonly formatId: string | null;
  /** True when a check digit was verified. */
  readonly checksumVerified: boolean;
}

/** Optional context of a validation. */
export interface ValidateTrackingOptions {
  /**
   * The order's marketplace (`UK` or an Amazon id). When given, carrier names are read as there
   * (`Hermes` is Evri in the UK) and "looks like another carrier" advice names only carriers that
   * operate there; when absent, every carrier is considered.
   */
  readonly marketplaceCode?: string;
}

const S10_SHAPE = /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/;
const PARCEL_ID_MIN = 13;
const PARCEL_ID_MAX = 21;

/**
 * Validates a number against the carrier the seller chose (never against a guessed one).
 * `carrierId` is a registry id or any name `resolveCarrier` understands; `service` decides between
 * a tracking number and a parcel ID (when absent, whichever of the carrier's formats fits).
 * Detection of other carriers only adds advice.
 */
export function validateTracking(
  number: string,
  carrierId: string,
  service?: string,
  registry: CarrierRegistry = defaultCarrierRegistry(),
  options: ValidateTrackingOptions = {},
): TrackingValidation {
  const carrier = registry.byId.get(carrierId) ?? resolved(registry, carrierId, options.marketplaceCode);
  if (!carrier) {
    return {
      ok: false,
      normalized: normalizeTrackingNumber(number),
      carrier: carrierId,
      kind: 'tracking',
      reasons: [
        {
          code: R.carrierUnknown,
          message: `"${carrierId}" is not a carrier ShipConfirm knows: choose one from "shipconfirm carriers".`,
        },
      ],
      warnings: [],
      formatId: null,
      checksumVerified: false,
    };
  }
  return validateTrackingForCarrier(number, carrier, service, registry, options);
}

/** As validateTracking, for a carrier already resolved (including generic Amazon-code carriers). */
export function validateTrackingForCarrier(
  number: string,
  carrier: Carrier,
  service?: string,
  registry: CarrierRegistry = defaultCarrierRegistry(),
  options: ValidateTrackingOptions = {},
): TrackingValidation {
  const normalized = normalizeTrackingNumber(number);
  const reasons: Refusal[] = [];
  const warnings: Refusal[] = [];
  const result = (kind: 'tracking' | 'parcel-id', match: FormatMatch | null = null): TrackingValidation => ({
    ok: reasons.length === 0,
    normalized,
    carrier: carrier.id,
    kind,
    reasons,
    warnings,
    formatId: match?.format.id ?? null,
    checksumVerified: match?.checksum === 'passed',
  });

  const chosenService = service?.trim() ? resolveService(carrier, service) : undefined;
  if (service?.trim() && !chosenService && carrier.services.length > 0) {
    warnings.push({
      code: R.serviceUnknown,
      message:
        `"${service}" is not a ${carrier.displayName} service ShipConfirm knows; it is treated as tracked. ` +
        `Known services: ${carrier.services.map((s) => s.name).join(', ')}.`,
    });
  }
  if (normalized === '') {
    reasons.push({
      code: R.missing,
      message: `No ${chosenService?.needsParcelId ? 'parcel ID' : 'tracking number'} given: copy it from the label.`,
    });
    return result(chosenService?.needsParcelId ? 'parcel-id' : 'tracking');
  }
  if (!hasOnlyTrackingCharacters(normalized)) {
    reasons.push({
      code: R.badCharacters,
      message: `"${number}" has characters other than letters and digits: copy the number exactly from the label.`,
    });
    return result(chosenService?.needsParcelId ? 'parcel-id' : 'tracking');
  }

  const formats = carrier.trackingFormatIds.flatMap((id) => TRACKING_FORMATS.get(id) ?? []);
  const parcelFormats = formats.filter((f) => f.kind === 'parcel-id');
  const trackingFormats = formats.filter((f) => f.kind === 'tracking');
  const kind = decideKind(chosenService, parcelFormats, trackingFormats, normalized);

  if (kind === 'parcel-id') {
    const match = checkParcelId(normalized, carrier, parcelFormats, reasons, warnings);
    return result('parcel-id', match);
  }
  const match = checkTracking(normalized, carrier, trackingFormats, parcelFormats, reasons, warnings);
  adviseOtherCarrier(normalized, carrier, match, registry, options.marketplaceCode, warnings);
  return result('tracking', match);
}

function resolved(registry: CarrierRegistry, typed: string, market?: string): Carrier | undefined {
  const r = resolveCarrier(registry, typed, market);
  return r.ok ? r.carrier : undefined;
}

function decideKind(
  service: CarrierService | undefined,
  parcelFormats: readonly TrackingFormat[],
  trackingFormats: readonly TrackingFormat[],
  normalized: string,
): 'tracking' | 'parcel-id' {
  if (service) return service.needsParcelId ? 'parcel-id' : 'tracking';
  if (parcelFormats.length === 0) return 'tracking';
  // No service given: a number that fits the parcel-ID shape and no tracking format is a parcel ID.
  const fitsTracking = trackingFormats.some((f) => matchFormat(f, normalized) !== null);
  const fitsParcel = parcelFormats.some((f) => matchFormat(f, normalized) !== null);
  return fitsParcel && !fitsTracking ? 'parcel-id' : 'tracking';
}

function checkParcelId(
  normalized: string,
  carrier: Carrier,
  parcelFormats: readonly TrackingFormat[],
  reasons: Refusal[],
  warnings: Refusal[],
): FormatMatch | null {
  if (S10_SHAPE.test(normalized)) {
    reasons.push({
      code: R.parcelIdIsTrackingNumber,
      message:
        `${normalized} is a 13-character tracking number, but ${carrier.displayName} 24/48 and 1st/2nd Class ` +
        'parcels need the parcel ID: the code of up to 21 letters and digits printed above the 2D barcode ' +
        '(e.g. 320019254000221BB4EFC). Enter that, or choose a Tracked service if the parcel went Tracked 24/48.',
    });
    return null;
  }
  if (normalized.length < PARCEL_ID_MIN || normalized.length > PARCEL_ID_MAX) {
    reasons.push({
      code: R.parcelIdLength,
      message:
        `${normalized} has ${normalized.length} characters; a ${carrier.displayName} parcel ID has ` +
        `${PARCEL_ID_MIN} to ${PARCEL_ID_MAX} (usually 21). Copy the code above the 2D barcode on the label.`,
    });
    return null;
  }
  for (const format of parcelFormats) {
    const match = matchFormat(format, normalized);
    if (match && match.checksum !== 'failed') return match;
  }
  if (parcelFormats.length > 0) {
    warnings.push({
      code: R.parcelIdUnusual,
      message:
        `${normalized} is not the usual 21- or 16-character parcel ID (digits and A-F); it is accepted, ` +
        'but check it against the code above the 2D barcode.',
    });
  }
  return null;
}

function checkTracking(
  normalized: string,
  carrier: Carrier,
  formats: readonly TrackingFormat[],
  parcelFormats: readonly TrackingFormat[],
  reasons: Refusal[],
  warnings: Refusal[],
): FormatMatch | null {
  if (formats.length === 0) return null;
  let failed: FormatMatch | null = null;
  let fits: FormatMatch | null = null;
  for (const format of formats) {
    const match = matchFormat(format, normalized);
    if (!match) continue;
    if (match.checksum === 'passed') return match;
    if (match.checksum === 'none') fits ??= match;
    else if (!failed || (match.format.verified && !failed.format.verified)) failed = match;
  }
  if (fits) return fits;
  if (failed) {
    if (failed.format.verified) {
      reasons.push({
        code: R.checkDigit,
        message:
          `${normalized} fails the check digit of a ${carrier.displayName} number (${failed.format.name}): ` +
          'a character is mistyped or two are swapped. Re-scan or re-type it from the label.',
      });
    } else {
      warnings.push({
        code: R.formatUnverified,
        message:
          `${normalized} does not pass the check we believe ${carrier.displayName} uses (${failed.format.name}); ` +
          'it is accepted, but compare it with the label.',
      });
    }
    return null;
  }
  if (parcelFormats.some((f) => matchFormat(f, normalized))) {
    reasons.push({
      code: R.trackingIsParcelId,
      message:
        `${normalized} looks like a ${carrier.displayName} parcel ID, but this service needs the 13-character ` +
        'tracking number (two letters, nine digits, GB). Enter that, or choose Royal Mail 24/48 if the parcel went that way.',
    });
    return null;
  }
  const refuse = carrier.formatCoverage === 'complete' && formats.every((f) => f.verified);
  const shapes = formats.map((f) => f.name).join('; ');
  if (refuse) {
    reasons.push({
      code: R.format,
      message:
        `${normalized} is not a ${carrier.displayName} tracking number (expected: ${shapes}). ` +
        'Check the carrier, and copy the number from the label.',
    });
  } else {
    warnings.push({
      code: R.formatUnverified,
      message:
        `${normalized} does not match the ${carrier.displayName} formats ShipConfirm knows (${shapes}); ` +
        'it is accepted, but check the carrier and the number.',
    });
  }
  return null;
}

function adviseOtherCarrier(
  normalized: string,
  carrier: Carrier,
  match: FormatMatch | null,
  registry: CarrierRegistry,
  marketplaceCode: string | undefined,
  warnings: Refusal[],
): void {
  // A verified check digit for the chosen carrier settles it; otherwise name a better fit, among
  // the carriers of the order's marketplace only (a UK Evri number is not "a Canada Post number").
  if (match?.checksum === 'passed') return;
  const others = detectCarriers(normalized, registry, marketplaceCode).filter(
    (d) => d.carrierId !== carrier.id && (d.checksumVerified || (match === null && d.formatVerified)),
  );
  const first = others[0];
  if (!first) return;
  if (match !== null && !first.checksumVerified) return;
  const names = [
    ...new Set(others.slice(0, 3).map((d) => registry.byId.get(d.carrierId)?.displayName ?? d.carrierId)),
  ];
  const message =
    `${normalized} looks like a ${names.join(' or ')} number (${first.formatName}), not ${carrier.displayName}: ` +
    'check which carrier took the parcel.';
  warnings.push({ code: R.looksLikeOtherCarrier, message });
}
