import { invalidInput, notFound } from '../errors.js';
import { quantityShipped, type StoredPackage, statusFromPackages } from '../world/stored-order.js';
import type { OperationRequest, OperationResult } from './operation.js';
import { carrierRule, type RuleBreak, royalMailParcelIdRule, shipDateRule } from './shipment-rules.js';

/** The body after model validation (Orders v0 ConfirmShipmentRequest). */
interface ConfirmShipmentBody {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: Array<{ orderItemId: string; quantity: number }>;
  };
}

const refuse = (rule: RuleBreak): never => {
  throw invalidInput(rule.message, rule.details);
};

/**
 * Orders v0 `confirmShipment`: one package of one order. The same packageReferenceId again replaces
 * that package, whose quantities are freed before the new ones are checked.
 */
export function confirmShipment(request: OperationRequest): OperationResult {
  const orderId = String(request.params.orderId);
  const { world, credentials } = request;
  const body = request.body as ConfirmShipmentBody;
  const detail = body.packageDetail;
  const nowMs = world.clock.nowMs();

  const order = world.storedOrder(orderId);
  if (order === undefined || order.sellerId !== credentials.sellerId) {
    throw notFound(`Order ${orderId} was not found.`, orderId);
  }
  if (body.marketplaceId !== order.marketplaceId) {
    refuse({
      message: `marketplaceId ${body.marketplaceId} does not match the order's marketplace ${order.marketplaceId}.`,
      details: 'marketplaceId',
    });
  }
  if (order.fulfilledBy !== 'MERCHANT') {
    refuse({
      message: `Order ${orderId} is fulfilled by Amazon and cannot be ship-confirmed by the seller.`,
      details: orderId,
    });
  }
  if (order.status === 'CANCELLED') {
    refuse({ message: `Order ${orderId} is cancelled and cannot be ship-confirmed.`, details: orderId });
  }
  if (!/^[1-9]\d*$/.test(detail.packageReferenceId)) {
    refuse({
      message: `Invalid packageReferenceId '${detail.packageReferenceId}': it must be a positive number written as a string.`,
      details: 'packageDetail.packageReferenceId',
    });
  }
  const carrier = carrierRule(detail.carrierCode, detail.carrierName);
  if (carrier !== null) refuse(carrier);
  const date = shipDateRule(detail.shipDate, nowMs, order.createdMs);
  if (date !== null) refuse(date);
  const parcelId = royalMailParcelIdRule(
    detail.carrierCode,
    detail.carrierName,
    detail.shippingMethod,
    detail.trackingNumber,
  );
  if (parcelId !== null) refuse(parcelId);

  if (detail.orderItems.length === 0) {
    refuse({ message: 'orderItems must list at least one order item.', details: 'packageDetail.orderItems' });
  }
  const seen = new Set<string>();
  for (const item of detail.orderItems) {
    const line = order.items.find((i) => i.orderItemId === item.orderItemId);
    if (line === undefined) {
      refuse({
        message: `Order item ${item.orderItemId} is not in order ${orderId}.`,
        details: 'packageDetail.orderItems',
      });
      continue;
    }
    if (seen.has(item.orderItemId)) {
      refuse({
        message: `Order item ${item.orderItemId} is listed twice in one package.`,
        details: 'packageDetail.orderItems',
      });
    }
    seen.add(item.orderItemId);
    if (item.quantity < 1) {
      refuse({
        message: `Quantity of order item ${item.orderItemId} must be at least 1.`,
        details: 'packageDetail.orderItems',
      });
    }
    const unshipped =
      line.quantityOrdered - quantityShipped(order, item.orderItemId, detail.packageReferenceId);
    if (item.quantity > unshipped) {
      refuse({
        message:
          unshipped <= 0
            ? `Order item ${item.orderItemId} is already fully shipped (${line.quantityOrdered} of ${line.quantityOrdered}).`
            : `Quantity ${item.quantity} of order item ${item.orderItemId} exceeds the ${unshipped} still unshipped.`,
        details: 'packageDetail.orderItems',
      });
    }
  }

  const existing = order.packages.findIndex((p) => p.packageReferenceId === detail.packageReferenceId);
  const stored: StoredPackage = {
    packageReferenceId: detail.packageReferenceId,
    carrierCode: detail.carrierCode,
    shipDateMs: Date.parse(detail.shipDate),
    createdMs: existing >= 0 ? (order.packages[existing]?.createdMs ?? nowMs) : nowMs,
    items: detail.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
  };
  if (detail.carrierName !== undefined) stored.carrierName = detail.carrierName;
  if (detail.shippingMethod !== undefined) stored.shippingMethod = detail.shippingMethod;
  if (detail.trackingNumber !== '' && !request.takeDropTrackingFault())
    stored.trackingNumber = detail.trackingNumber;
  if (existing >= 0) order.packages[existing] = stored;
  else order.packages.push(stored);
  order.status = statusFromPackages(order);
  order.lastUpdatedMs = nowMs;
  return { status: 204 };
}
