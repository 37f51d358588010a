import {
  carrierRule,
  type RuleBreak,
  royalMailParcelIdRule,
  shipDateRule,
} from '../operations/shipment-rules.js';
import { quantityShipped, type StoredOrder, type StoredPackage, statusFromPackages } from './stored-order.js';

/** One package a seller confirms, from confirmShipment or from a fulfilment feed message. */
export interface PackageConfirmation {
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  /** Empty or absent for an untracked package. */
  trackingNumber?: string;
  /** As sent by the seller. */
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

/** How strictly the ship date is read: the API wants UTC with `Z`, feeds take any xs:dateTime with a zone. */
export type ShipDateFormat = 'utc-z' | 'any-offset';

const refusal = (message: string, details: string): RuleBreak => ({ message, details });

/**
 * Amazon's rules for confirming one package of an order; the first rule broken, or null. An edit
 * (same packageReferenceId) frees that package's quantities before they are checked.
 */
export function checkPackage(
  order: StoredOrder,
  input: PackageConfirmation,
  nowMs: number,
  dateFormat: ShipDateFormat,
): RuleBreak | null {
  if (order.fulfilledBy !== 'MERCHANT') {
    return refusal(
      `Order ${order.orderId} is fulfilled by Amazon and cannot be ship-confirmed by the seller.`,
      order.orderId,
    );
  }
  if (order.status === 'CANCELLED') {
    return refusal(`Order ${order.orderId} is cancelled and cannot be ship-confirmed.`, order.orderId);
  }
  if (!/^[1-9]\d*$/.test(input.packageReferenceId)) {
    return refusal(
      `Invalid packageReferenceId '${input.packageReferenceId}': it must be a positive number written as a string.`,
      'packageDetail.packageReferenceId',
    );
  }
  const carrier = carrierRule(input.carrierCode, input.carrierName);
  if (carrier !== null) return carrier;
  const shipDate = dateFormat === 'utc-z' ? input.shipDate : toUtcZ(input.shipDate);
  const date = shipDateRule(shipDate, nowMs, order.createdMs);
  if (date !== null) return date;
  const parcelId = royalMailParcelIdRule(
    input.carrierCode,
    input.carrierName,
    input.shippingMethod,
    input.trackingNumber ?? '',
  );
  if (parcelId !== null) return parcelId;

  if (input.items.length === 0)
    return refusal('orderItems must list at least one order item.', 'packageDetail.orderItems');
  const seen = new Set<string>();
  for (const item of input.items) {
    const line = order.items.find((i) => i.orderItemId === item.orderItemId);
    if (line === undefined) {
      return refusal(
        `Order item ${item.orderItemId} is not in order ${order.orderId}.`,
        'packageDetail.orderItems',
      );
    }
    if (seen.has(item.orderItemId)) {
      return refusal(
        `Order item ${item.orderItemId} is listed twice in one package.`,
        'packageDetail.orderItems',
      );
    }
    seen.add(item.orderItemId);
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      return refusal(
        `Quantity of order item ${item.orderItemId} must be at least 1.`,
        'packageDetail.orderItems',
      );
    }
    const unshipped =
      line.quantityOrdered - quantityShipped(order, item.orderItemId, input.packageReferenceId);
    if (item.quantity > unshipped) {
      return refusal(
        unshipped <= 0
          ? `Order item ${item.orderItemId} is already fully shipped (${line.quantityOrdered} of ${line.quantityOrdered}).`
          : `Quantity ${item.quantity} of order item ${item.orderItemId} exceeds the ${unshipped} still unshipped.`,
        'packageDetail.orderItems',
      );
    }
  }
  return null;
}

/** A zoned date-time rewritten in UTC with `Z` (unparseable input is returned unchanged to fail later). */
function toUtcZ(value: string): string {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Stores a checked package (replacing one with the same reference) and updates the order's status. */
export function storePackage(
  order: StoredOrder,
  input: PackageConfirmation,
  nowMs: number,
  dropTracking: boolean,
): void {
  const existing = order.packages.findIndex((p) => p.packageReferenceId === input.packageReferenceId);
  const stored: StoredPackage = {
    packageReferenceId: input.packageReferenceId,
    carrierCode: input.carrierCode,
    shipDateMs: Date.parse(input.shipDate),
    createdMs: existing >= 0 ? (order.packages[existing]?.createdMs ?? nowMs) : nowMs,
    items: input.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
  };
  if (input.carrierName !== undefined) stored.carrierName = input.carrierName;
  if (input.shippingMethod !== undefined) stored.shippingMethod = input.shippingMethod;
  if (input.trackingNumber !== undefined && input.trackingNumber !== '' && !dropTracking) {
    stored.trackingNumber = input.trackingNumber;
    const previous = existing >= 0 ? order.packages[existing] : undefined;
    // Amazon judges when it learnt a number: resending the same one keeps the original time.
    stored.trackingAddedMs =
      previous?.trackingNumber === input.trackingNumber ? (previous.trackingAddedMs ?? nowMs) : nowMs;
  }
  if (existing >= 0) order.packages[existing] = stored;
  else order.packages.push(stored);
  order.status = statusFromPackages(order);
  order.lastUpdatedMs = nowMs;
}

/** The next free numeric packageReferenceId of an order (feeds do not carry one). */
export function nextPackageReferenceId(order: StoredOrder): string {
  const max = order.packages.reduce((m, p) => Math.max(m, Number(p.packageReferenceId) || 0), 0);
  return String(max + 1);
}
