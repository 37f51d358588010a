/** Order statuses of the Orders API 2026-01-01 `FulfillmentStatus`. */
export type FulfillmentStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

/** One line of an order as Amazon stores it. */
export interface StoredOrderItem {
  /** 14-digit order item id. */
  orderItemId: string;
  sku: string;
  asin: string;
  title: string;
  category: string;
  quantityOrdered: number;
  /** Price per unit in the marketplace currency, as a decimal string. */
  unitPrice: string;
}

/** A package as Amazon stored it from a confirmShipment call (or, later, a feed). */
export interface StoredPackage {
  /** Positive numeric string chosen by the seller. */
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  /** Absent when the seller sent none or a fault dropped it. */
  trackingNumber?: string;
  /** Epoch ms (simulated) when Amazon first received the current tracking number. */
  trackingAddedMs?: number;
  /** Epoch ms of the ship date the seller declared. */
  shipDateMs: number;
  /** Epoch ms (simulated) when Amazon first stored this package. */
  createdMs: number;
  items: Array<{ orderItemId: string; quantity: number }>;
}

/** Amazon's record of one order. Times are epoch ms on the simulated clock. */
export interface StoredOrder {
  orderId: string;
  sellerId: string;
  marketplaceId: string;
  createdMs: number;
  lastUpdatedMs: number;
  status: FulfillmentStatus;
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  prime: boolean;
  /** e.g. Standard, Expedited. */
  serviceLevel: string;
  shipByEarliestMs: number;
  shipByLatestMs: number;
  deliverByEarliestMs: number;
  deliverByLatestMs: number;
  address: { city: string; postalCode: string; stateOrRegion?: string; countryCode: string };
  currencyCode: string;
  items: StoredOrderItem[];
  packages: StoredPackage[];
}

/** A product the simulated catalog knows. */
export interface CatalogProduct {
  sku: string;
  /** B0 + 8 alphanumerics. */
  asin: string;
  title: string;
  /** Display name of the top-level category, e.g. `Home & Kitchen`. */
  category: string;
}

/** Units of one item already in packages. */
export function quantityShipped(order: StoredOrder, orderItemId: string, exceptPackage?: string): number {
  let total = 0;
  for (const pkg of order.packages) {
    if (pkg.packageReferenceId === exceptPackage) continue;
    for (const item of pkg.items) if (item.orderItemId === orderItemId) total += item.quantity;
  }
  return total;
}

/** The status an order has once its packages are counted. */
export function statusFromPackages(order: StoredOrder): FulfillmentStatus {
  if (order.status === 'CANCELLED') return 'CANCELLED';
  let shipped = 0;
  let ordered = 0;
  for (const item of order.items) {
    ordered += item.quantityOrdered;
    shipped += Math.min(item.quantityOrdered, quantityShipped(order, item.orderItemId));
  }
  if (shipped === 0) return 'UNSHIPPED';
  return shipped >= ordered ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
}
