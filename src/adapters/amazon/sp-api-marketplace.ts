import type {
  ConfirmationResult,
  MarketplacePort,
  OrdersPage,
  SearchOrdersQuery,
  ShipmentConfirmation,
} from '../../ports/marketplace.js';
import { MarketplaceError } from '../../ports/marketplace.js';
import type { components as V2026 } from './generated/orders-2026-01-01.js';
import type { components as V0 } from './generated/orders-v0.js';
import type { LwaTokenProvider } from './lwa-token-provider.js';
import { toAmazonPackages, toOrder } from './order-mapping.js';
import { amazonError, type SpApiHttp } from './sp-api-http.js';

/** What ShipConfirm asks searchOrders to include: ship-by, destination, Prime, and read-back. */
export const INCLUDED_DATA = ['FULFILLMENT', 'RECIPIENT', 'PACKAGES'] as const;

/** Amazon through the Selling Partner API (or the simulator, which speaks the same HTTP). */
export class SpApiMarketplace implements MarketplacePort {
  constructor(
    private readonly http: SpApiHttp,
    private readonly tokens: LwaTokenProvider,
    private readonly sellerId: string,
  ) {}

  async checkConnection(): Promise<{ endpoint: string }> {
    // A token exchange proves the credentials; it costs no SP-API quota.
    this.tokens.invalidate();
    await this.tokens.accessToken();
    return { endpoint: this.http.endpoint };
  }

  async searchOrders(q: SearchOrdersQuery): Promise<OrdersPage> {
    const res = await this.http.call('searchOrders', 'GET', '/orders/2026-01-01/orders', {
      query: {
        marketplaceIds: q.marketplaceIds,
        fulfilledBy: ['MERCHANT'],
        includedData: INCLUDED_DATA,
        maxResultsPerPage: q.maxResultsPerPage ?? 100,
        // The same filters go with every page; the token says where to resume.
        ...(q.lastUpdatedAfter ? { lastUpdatedAfter: q.lastUpdatedAfter } : { createdAfter: q.createdAfter }),
        ...(q.paginationToken ? { paginationToken: q.paginationToken } : {}),
      },
    });
    if (res.status !== 200) throw refusedRead('searchOrders', res.status, res.body);
    const body = res.body as V2026['schemas']['SearchOrdersResponse'];
    return {
      orders: body.orders.map((o) => toOrder(o, this.sellerId)),
      nextToken: body.pagination?.nextToken ?? null,
      lastUpdatedBefore: body.lastUpdatedBefore ?? body.createdBefore ?? null,
      packagesByOrder: new Map(body.orders.map((o) => [o.orderId, toAmazonPackages(o)])),
    };
  }

  async confirmShipment(c: ShipmentConfirmation): Promise<ConfirmationResult> {
    const body: V0['schemas']['ConfirmShipmentRequest'] = {
      marketplaceId: c.marketplaceId,
      packageDetail: {
        packageReferenceId: c.packageReferenceId,
        carrierCode: c.carrierCode,
        ...(c.carrierName ? { carrierName: c.carrierName } : {}),
        shippingMethod: c.shippingMethod,
        trackingNumber: c.trackingNumber,
        shipDate: c.shipDate,
        orderItems: c.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
      },
    };
    const res = await this.http.call(
      'confirmShipment',
      'POST',
      `/orders/v0/orders/${encodeURIComponent(c.orderId)}/shipmentConfirmation`,
      { body },
    );
    if (res.status === 204 || res.status === 200) return { kind: 'accepted', requestId: res.requestId };
    const err = amazonError(res.body);
    return {
      kind: 'refused',
      httpStatus: res.status,
      code: err?.code ?? `HTTP ${res.status}`,
      message:
        [err?.message, err?.details].filter(Boolean).join(' ') || `Amazon answered HTTP ${res.status}.`,
      requestId: res.requestId,
    };
  }
}

function refusedRead(operation: string, status: number, body: unknown): MarketplaceError {
  const err = amazonError(body);
  return new MarketplaceError(
    `Amazon refused ${operation} (HTTP ${status}${err ? ` ${err.code}: ${err.message}` : ''}).`,
    false,
    status,
    err?.code ?? null,
  );
}
