import { notFound } from '../errors.js';
import { toApiOrder } from '../world/order-view.js';
import { type OperationRequest, type OperationResult, stringList } from './operation.js';

/** Orders API 2026-01-01 `getOrder`. */
export function getOrder(request: OperationRequest): OperationResult {
  const orderId = String(request.params.orderId);
  const order = request.world.storedOrder(orderId);
  // Another seller's order is as invisible as one that does not exist.
  if (order === undefined || order.sellerId !== request.credentials.sellerId) {
    throw notFound(`Order ${orderId} was not found.`, orderId);
  }
  const included = new Set(stringList(request.params.includedData) ?? []);
  return {
    status: 200,
    body: { order: toApiOrder(order, included, (pkg) => request.world.packageStatus(pkg)) },
  };
}
