import { invalidInput, notFound } from '../errors.js';
import { checkPackage, storePackage } from '../world/package-confirmation.js';
import type { OperationRequest, OperationResult } from './operation.js';

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

/**
 * Orders v0 `confirmShipment`: one package of one order. The same packageReferenceId again replaces
 * that package. A refusal changes nothing.
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
    throw invalidInput(
      `marketplaceId ${body.marketplaceId} does not match the order's marketplace ${order.marketplaceId}.`,
      'marketplaceId',
    );
  }
  const input = {
    packageReferenceId: detail.packageReferenceId,
    carrierCode: detail.carrierCode,
    ...(detail.carrierName === undefined ? {} : { carrierName: detail.carrierName }),
    ...(detail.shippingMethod === undefined ? {} : { shippingMethod: detail.shippingMethod }),
    trackingNumber: detail.trackingNumber,
    shipDate: detail.shipDate,
    items: detail.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
  };
  const broken = checkPackage(order, input, nowMs, 'utc-z');
  if (broken !== null) throw invalidInput(broken.message, broken.details);
  const dropTracking = input.trackingNumber !== '' && request.takeFault('silently-drop-tracking');
  storePackage(order, input, nowMs, dropTracking);
  return { status: 204 };
}
