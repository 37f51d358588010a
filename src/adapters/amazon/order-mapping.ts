import type { Order, OrderStatus } from '../../core/order.js';
import type { AmazonPackageView } from '../../core/read-back.js';
import type { components } from './generated/orders-2026-01-01.js';

type AmazonOrder = components['schemas']['Order'];

/** The package Amazon holds for an order (read-back), with Amazon's package status. */
export interface AmazonPackage extends AmazonPackageView {
  readonly status: string | null;
}

/** Maps an Orders API 2026-01-01 order to ShipConfirm's order. */
export function toOrder(o: AmazonOrder, sellerId: string): Order {
  const f = o.fulfillment;
  return {
    orderId: o.orderId,
    sellerId,
    marketplaceId: o.salesChannel.marketplaceId ?? '',
    status: (f?.fulfillmentStatus ?? 'PENDING') as OrderStatus,
    createdAt: toUtc(o.createdTime),
    lastUpdatedAt: toUtc(o.lastUpdatedTime),
    shipByLatest: f?.shipByWindow?.latestDateTime ? toUtc(f.shipByWindow.latestDateTime) : null,
    deliverByLatest: f?.deliverByWindow?.latestDateTime ? toUtc(f.deliverByWindow.latestDateTime) : null,
    shipToCountry: o.recipient?.deliveryAddress?.countryCode ?? null,
    isPrime: (o.programs ?? []).includes('PRIME'),
    items: o.orderItems.map((i) => ({
      orderItemId: i.orderItemId,
      sku: i.product.sellerSku ?? null,
      asin: i.product.asin ?? null,
      title: i.product.title ?? null,
      quantityOrdered: i.quantityOrdered,
    })),
  };
}

/** The packages Amazon stored for an order (present when PACKAGES was asked for). */
export function toAmazonPackages(o: AmazonOrder): AmazonPackage[] {
  return (o.packages ?? []).map((p) => ({
    packageReferenceId: p.packageReferenceId,
    carrier: p.carrier ?? null,
    shippingService: p.shippingService ?? null,
    trackingNumber: p.trackingNumber ?? null,
    items: (p.packageItems ?? []).map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    status: p.packageStatus?.status ?? null,
  }));
}

/** Amazon's times may carry offsets; ShipConfirm keeps UTC with `Z` inside. */
function toUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString();
}
