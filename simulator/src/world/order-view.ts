import { marketplaceById } from './marketplaces.js';
import { quantityShipped, type StoredOrder, type StoredPackage } from './stored-order.js';

/** Datasets of `includedData` the simulator fills in; others are accepted and left out. */
export type IncludedData = ReadonlySet<string>;

/** Every dataset the simulator can fill, as the in-process `getOrder` returns them. */
export const ALL_DATASETS: IncludedData = new Set(['FULFILLMENT', 'RECIPIENT', 'PACKAGES']);

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * An order as the Orders API 2026-01-01 shows it: the core fields always, and FULFILLMENT, RECIPIENT
 * and PACKAGES only when asked for, as Amazon does.
 */
export function toApiOrder(
  order: StoredOrder,
  included: IncludedData,
  packageStatus: (pkg: StoredPackage) => string = () => 'SHIPPED',
): Record<string, unknown> {
  const withFulfillment = included.has('FULFILLMENT');
  const view: Record<string, unknown> = {
    orderId: order.orderId,
    createdTime: iso(order.createdMs),
    lastUpdatedTime: iso(order.lastUpdatedMs),
    programs: order.prime ? ['PRIME'] : [],
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: order.marketplaceId,
      marketplaceName: marketplaceById(order.marketplaceId)?.name ?? order.marketplaceId,
    },
  };
  if (included.has('RECIPIENT')) {
    view.recipient = {
      deliveryAddress: {
        city: order.address.city,
        postalCode: order.address.postalCode,
        countryCode: order.address.countryCode,
        addressType: 'RESIDENTIAL',
      },
    };
  }
  if (withFulfillment) {
    view.fulfillment = {
      fulfillmentStatus: order.status,
      fulfilledBy: order.fulfilledBy,
      fulfillmentServiceLevel: order.serviceLevel,
      shipByWindow: {
        earliestDateTime: iso(order.shipByEarliestMs),
        latestDateTime: iso(order.shipByLatestMs),
      },
      deliverByWindow: {
        earliestDateTime: iso(order.deliverByEarliestMs),
        latestDateTime: iso(order.deliverByLatestMs),
      },
    };
  }
  view.orderItems = order.items.map((item) => {
    const line: Record<string, unknown> = {
      orderItemId: item.orderItemId,
      quantityOrdered: item.quantityOrdered,
      product: {
        asin: item.asin,
        title: item.title,
        sellerSku: item.sku,
        condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
        price: { unitPrice: { amount: item.unitPrice, currencyCode: order.currencyCode } },
      },
    };
    if (withFulfillment) {
      const fulfilled = order.status === 'CANCELLED' ? 0 : quantityShipped(order, item.orderItemId);
      line.fulfillment = {
        quantityFulfilled: fulfilled,
        quantityUnfulfilled: order.status === 'CANCELLED' ? 0 : Math.max(0, item.quantityOrdered - fulfilled),
      };
    }
    return line;
  });
  if (included.has('PACKAGES')) {
    view.packages = order.packages.map((pkg) => {
      const out: Record<string, unknown> = {
        packageReferenceId: pkg.packageReferenceId,
        createdTime: iso(pkg.createdMs),
        packageStatus: { status: packageStatus(pkg) },
        carrier:
          pkg.carrierCode === 'Other' && pkg.carrierName !== undefined ? pkg.carrierName : pkg.carrierCode,
        shipTime: iso(pkg.shipDateMs),
        packageItems: pkg.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
      };
      if (pkg.shippingMethod !== undefined) out.shippingService = pkg.shippingMethod;
      if (pkg.trackingNumber !== undefined) out.trackingNumber = pkg.trackingNumber;
      return out;
    });
  }
  return view;
}
