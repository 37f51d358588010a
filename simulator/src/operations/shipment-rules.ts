import { amazonCarrierCodes } from '../model-files.js';

/** A rule break in a shipment confirmation: Amazon's message and the field it concerns. */
export interface RuleBreak {
  message: string;
  details: string;
}

/** Royal Mail's S10 barcode (tracked / Special Delivery), not the 24/48 parcel ID Amazon wants. */
const S10 = /^[A-Z]{2}\d{9}GB$/;
/** Royal Mail 24/48 parcel ID as Amazon has accepted it; spaces and hyphens are refused. */
const PARCEL_ID = /^[A-Za-z0-9]{13,21}$/;

/** `carrierCode` on Amazon's list with exact case, or `Other` with a `carrierName`. */
export function carrierRule(carrierCode: string, carrierName: string | undefined): RuleBreak | null {
  if (carrierCode === 'Other') {
    return carrierName === undefined || carrierName.trim() === ''
      ? {
          message: "carrierName is required when carrierCode is 'Other'.",
          details: 'packageDetail.carrierName',
        }
      : null;
  }
  if (amazonCarrierCodes().has(carrierCode)) return null;
  const sameButCase = [...amazonCarrierCodes()].find((c) => c.toLowerCase() === carrierCode.toLowerCase());
  const hint =
    sameButCase === undefined ? '' : ` (carrier codes are case-sensitive: did you mean '${sameButCase}'?)`;
  return {
    message: `Invalid carrierCode '${carrierCode}': not one of Amazon's carrier codes${hint}. Use 'Other' with carrierName for a carrier not on the list.`,
    details: 'packageDetail.carrierCode',
  };
}

function isRoyalMail(carrierCode: string, carrierName: string | undefined): boolean {
  return carrierCode === 'Royal Mail' || (carrierCode === 'Other' && /royal\s*mail/i.test(carrierName ?? ''));
}

/**
 * Royal Mail 24/48 (the products "Royal Mail 24" / "Royal Mail 48", also written RM24, RM48, 24H,
 * 48H) - but not "Tracked 24" / "Tracked 48", which carry 13-character S10 tracking numbers.
 */
export function isRoyalMail2448Service(shippingMethod: string | undefined): boolean {
  const m = (shippingMethod ?? '').toLowerCase();
  if (/tracked|special|signed|international/.test(m)) return false;
  return /(royal\s*mail|\brm)\s*(24|48)\b|^\s*(24|48)\s*h?\s*$|\b(24|48)\s*(parcel|h)\b/.test(m);
}

/** Royal Mail 24/48 needs the parcel ID printed above the 2D barcode as tracking number. */
export function royalMailParcelIdRule(
  carrierCode: string,
  carrierName: string | undefined,
  shippingMethod: string | undefined,
  trackingNumber: string,
): RuleBreak | null {
  if (!isRoyalMail(carrierCode, carrierName) || !isRoyalMail2448Service(shippingMethod)) return null;
  if (PARCEL_ID.test(trackingNumber) && !S10.test(trackingNumber.toUpperCase())) return null;
  return {
    message: `Invalid trackingNumber '${trackingNumber}' for Royal Mail ${shippingMethod}: a Royal Mail 24/48 shipment needs the unique parcel ID printed above the 2D barcode (13 to 21 letters and digits, no spaces).`,
    details: 'packageDetail.trackingNumber',
  };
}

/** `shipDate` in UTC with `Z`, not in the future, not before the order was placed. */
export function shipDateRule(shipDate: string, nowMs: number, orderCreatedMs: number): RuleBreak | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(shipDate)) {
    return {
      message: `Invalid shipDate '${shipDate}': the date must be ISO 8601 in UTC ending in 'Z' (e.g. 2026-01-31T14:05:00Z); offsets such as +00:00 are refused.`,
      details: 'packageDetail.shipDate',
    };
  }
  const shipMs = Date.parse(shipDate);
  if (Number.isNaN(shipMs)) {
    return { message: `Invalid shipDate '${shipDate}': not a date.`, details: 'packageDetail.shipDate' };
  }
  if (shipMs > nowMs) {
    return {
      message: `Invalid shipDate '${shipDate}': the ship date cannot be in the future.`,
      details: 'packageDetail.shipDate',
    };
  }
  if (shipMs < orderCreatedMs) {
    return {
      message: `Invalid shipDate '${shipDate}': the ship date cannot be before the order was placed (${new Date(orderCreatedMs).toISOString()}).`,
      details: 'packageDetail.shipDate',
    };
  }
  return null;
}
