/** Amazon's processing status of a feed (Feeds 2021-06-30 `processingStatus`). */
export type FeedStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

/** Statuses after which a feed never changes again. */
export const FINAL_FEED_STATUSES: readonly FeedStatus[] = ['DONE', 'CANCELLED', 'FATAL'];

/**
 * Amazon's Feeds API for order-fulfilment feeds, as the app sees it. Faults (network, throttling
 * after retries, refusals of the request itself) throw MarketplaceError with `retryable`.
 */
export interface FeedsPort {
  /** Uploads a `POST_ORDER_FULFILLMENT_DATA` XML document and creates the feed. */
  submitOrderFulfillmentFeed(xml: string): Promise<{ feedId: string }>;
  /** The feed's status, and its processing report's document id once it has one. */
  getFeedStatus(feedId: string): Promise<{ status: FeedStatus; resultDocumentId: string | null }>;
  /** The text of a result document, decompressed when Amazon sent it GZIP. */
  downloadResult(documentId: string): Promise<string>;
}
