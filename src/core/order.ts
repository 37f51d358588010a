/** Amazon's fulfilment status of an order (Orders API 2026-01-01 `FulfillmentStatus`). */
export type OrderStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

export interface OrderItem {
  readonly orderItemId: string;
  readonly sku: string | null;
  readonly asin: string | null;
  readonly title: string | null;
  readonly quantityOrdered: number;
}

/** A merchant-fulfilled order as ShipConfirm stores it. Times are ISO 8601 UTC strings. */
export interface Order {
  readonly orderId: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  readonly status: OrderStatus;
  readonly createdAt: string;
  readonly lastUpdatedAt: string;
  /** Latest time to confirm shipment without it being late; null when Amazon did not say. */
  readonly shipByLatest: string | null;
  readonly deliverByLatest: string | null;
  /** ISO country code of the delivery address; null when unknown. */
  readonly shipToCountry: string | null;
  readonly isPrime: boolean;
  readonly items: readonly OrderItem[];
}

/** Whether ShipConfirm may still record packages for an order in this status. */
export function isShippable(status: OrderStatus): boolean {
  return status === 'UNSHIPPED' || status === 'PARTIALLY_SHIPPED';
}
