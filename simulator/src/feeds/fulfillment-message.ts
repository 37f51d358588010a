/** One shipment read from a fulfilment feed, before any of Amazon's rules is applied. */
export interface FulfillmentMessage {
  /** XML MessageID, or the first record number of the rows that make it in a flat file. */
  messageId: number;
  /** Flat-file record numbers the message was read from (for the report). */
  recordNumbers?: number[];
  orderId?: string;
  /** Seller's own id for the package; becomes its packageReferenceId when numeric. */
  merchantFulfillmentId?: string;
  fulfillmentDate?: string;
  carrierCode?: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber?: string;
  /** Null means every unshipped unit of the order. A null quantity means all unshipped units of that item. */
  items: Array<{ orderItemId: string; quantity: number | null }> | null;
}

/** Feed content read into messages, or the reason the whole feed is FATAL. */
export type FeedParse = { ok: true; messages: FulfillmentMessage[] } | { ok: false; reason: string };
