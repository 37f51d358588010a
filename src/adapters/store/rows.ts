import type { Insertable, Selectable } from 'kysely';
import type { Order, OrderItem, OrderStatus } from '../../core/order.js';
import type { Package, PackageItem, TrackingKind } from '../../core/package.js';
import type { PackageState } from '../../core/package-lifecycle.js';
import type { NewEvent, StoredEvent, TransmissionAttempt } from '../../ports/order-store.js';
import type {
  EventsTable,
  OrderItemsTable,
  OrdersTable,
  PackageItemsTable,
  PackagesTable,
  TransmissionAttemptsTable,
} from './schema.js';

/*
 * Row <-> domain mapping, in one place. Integers go through Number() because PostgreSQL drivers
 * return bigint columns as text; text columns holding union types are trusted because only this
 * adapter writes them.
 */

/** The order's columns (without items) for an insert or an update. */
export function orderColumns(order: Order, at: string): Omit<Insertable<OrdersTable>, 'last_reference_no'> {
  return {
    order_id: order.orderId,
    seller_id: order.sellerId,
    marketplace_id: order.marketplaceId,
    status: order.status,
    created_at: order.createdAt,
    last_updated_at: order.lastUpdatedAt,
    ship_by_latest: order.shipByLatest,
    deliver_by_latest: order.deliverByLatest,
    ship_to_country: order.shipToCountry,
    is_prime: order.isPrime ? 1 : 0,
    synced_at: at,
    updated_at: at,
  };
}

export function orderItemRows(order: Order): Insertable<OrderItemsTable>[] {
  return order.items.map((item, position) => ({
    order_id: order.orderId,
    order_item_id: item.orderItemId,
    position,
    sku: item.sku,
    asin: item.asin,
    title: item.title,
    quantity_ordered: item.quantityOrdered,
  }));
}

export function toOrderItem(row: Selectable<OrderItemsTable>): OrderItem {
  return {
    orderItemId: row.order_item_id,
    sku: row.sku,
    asin: row.asin,
    title: row.title,
    quantityOrdered: Number(row.quantity_ordered),
  };
}

export function toOrder(row: Selectable<OrdersTable>, items: readonly OrderItem[]): Order {
  return {
    orderId: row.order_id,
    sellerId: row.seller_id,
    marketplaceId: row.marketplace_id,
    status: row.status as OrderStatus,
    createdAt: row.created_at,
    lastUpdatedAt: row.last_updated_at,
    shipByLatest: row.ship_by_latest,
    deliverByLatest: row.deliver_by_latest,
    shipToCountry: row.ship_to_country,
    isPrime: Number(row.is_prime) === 1,
    items,
  };
}

/** Whether a stored order (with its items) already says everything `order` says. */
export function sameOrder(stored: Order, order: Order): boolean {
  const fields = [
    'sellerId',
    'marketplaceId',
    'status',
    'createdAt',
    'lastUpdatedAt',
    'shipByLatest',
    'deliverByLatest',
    'shipToCountry',
    'isPrime',
  ] as const;
  const itemFields = ['orderItemId', 'sku', 'asin', 'title', 'quantityOrdered'] as const;
  return (
    fields.every((f) => stored[f] === order[f]) &&
    stored.items.length === order.items.length &&
    stored.items.every((item, i) => {
      const other = order.items[i];
      return other !== undefined && itemFields.every((f) => item[f] === other[f]);
    })
  );
}

export function toPackageItem(row: Selectable<PackageItemsTable>): PackageItem {
  return { orderItemId: row.order_item_id, quantity: Number(row.quantity) };
}

export function toPackage(row: Selectable<PackagesTable>, items: readonly PackageItem[]): Package {
  return {
    packageId: row.id,
    sellerId: row.seller_id,
    orderId: row.order_id,
    referenceNo: Number(row.reference_no),
    carrierCode: row.carrier_code,
    carrierName: row.carrier_name,
    shippingService: row.shipping_service,
    trackingId: row.tracking_id,
    trackingKind: row.tracking_kind as TrackingKind,
    shipDate: row.ship_date,
    state: row.state as PackageState,
    stateReason: row.state_reason,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    items,
  };
}

export function eventRow(event: NewEvent): Insertable<EventsTable> {
  return {
    at: event.at,
    seller_id: event.sellerId,
    entity_type: event.entityType,
    entity_id: event.entityId,
    type: event.type,
    from_state: event.fromState,
    to_state: event.toState,
    reason: event.reason,
    data: event.data === null ? null : JSON.stringify(event.data),
  };
}

export function toStoredEvent(row: Selectable<EventsTable>): StoredEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    sellerId: row.seller_id,
    entityType: row.entity_type as StoredEvent['entityType'],
    entityId: row.entity_id,
    type: row.type,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
  };
}

export function attemptRow(attempt: TransmissionAttempt): Insertable<TransmissionAttemptsTable> {
  return {
    package_id: attempt.packageId,
    attempt_no: attempt.attemptNo,
    channel: attempt.channel,
    started_at: attempt.startedAt,
    finished_at: attempt.finishedAt,
    outcome: attempt.outcome,
    http_status: attempt.httpStatus,
    error_code: attempt.errorCode,
    error_message: attempt.errorMessage,
    amazon_request_id: attempt.amazonRequestId,
  };
}

export function toAttempt(row: Selectable<TransmissionAttemptsTable>): TransmissionAttempt {
  return {
    packageId: row.package_id,
    attemptNo: Number(row.attempt_no),
    channel: row.channel as TransmissionAttempt['channel'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as TransmissionAttempt['outcome'],
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    amazonRequestId: row.amazon_request_id,
  };
}
