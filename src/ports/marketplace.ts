import type { Order } from '../core/order.js';
import type { PackageItem } from '../core/package.js';
import type { AmazonPackageView } from '../core/read-back.js';

/** One page of orders from Amazon. */
export interface OrdersPage {
  readonly orders: readonly Order[];
  /** Token for the next page; null on the last page. */
  readonly nextToken: string | null;
  /** Amazon's upper bound of this search (`lastUpdatedBefore`); the next sync starts here. */
  readonly lastUpdatedBefore: string | null;
  /** The packages Amazon stores per order id (for read-back), for the orders of this page. */
  readonly packagesByOrder: ReadonlyMap<string, readonly AmazonPackageView[]>;
}

export interface SearchOrdersQuery {
  readonly marketplaceIds: readonly string[];
  /** Exactly one of `lastUpdatedAfter` and `createdAfter` (ISO 8601 UTC). */
  readonly lastUpdatedAfter?: string;
  readonly createdAfter?: string;
  readonly paginationToken?: string;
  /** 1..100, default 100. */
  readonly maxResultsPerPage?: number;
}

/** What Amazon is told about one package (Orders v0 `confirmShipment`). */
export interface ShipmentConfirmation {
  readonly orderId: string;
  readonly marketplaceId: string;
  /** Positive integer as a string. */
  readonly packageReferenceId: string;
  readonly carrierCode: string;
  readonly carrierName: string | null;
  readonly shippingMethod: string;
  /** Tracking ID or parcel ID; Amazon's model requires a value. */
  readonly trackingNumber: string;
  /** ISO 8601 UTC with `Z`. */
  readonly shipDate: string;
  readonly items: readonly PackageItem[];
}

/** Amazon's answer to a confirmation that it understood: accepted, or refused for a reason. */
export type ConfirmationResult =
  | { readonly kind: 'accepted'; readonly requestId: string | null }
  | {
      readonly kind: 'refused';
      readonly httpStatus: number;
      /** Amazon's error code, e.g. `InvalidInput`. */
      readonly code: string;
      /** Amazon's message, unchanged. */
      readonly message: string;
      readonly requestId: string | null;
    };

/**
 * A fault talking to Amazon: network failure, throttling after retries, 5xx, bad credentials.
 * `retryable` says whether trying again later may succeed.
 */
export class MarketplaceError extends Error {
  override readonly name = 'MarketplaceError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** Amazon, as the app sees it (real SP-API or the simulator, through the same HTTP client). */
export interface MarketplacePort {
  /** Checks the credentials (token exchange); throws MarketplaceError when they fail. */
  checkConnection(): Promise<{ readonly endpoint: string }>;
  /** One page of merchant-fulfilled orders, with fulfilment, recipient and packages data. */
  searchOrders(query: SearchOrdersQuery): Promise<OrdersPage>;
  /** Confirms one package. Refusals are values; faults throw MarketplaceError. */
  confirmShipment(confirmation: ShipmentConfirmation): Promise<ConfirmationResult>;
}
