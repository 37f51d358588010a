import { confirmShipment } from './confirm-shipment.js';
import { cancelFeed, createFeed, createFeedDocument, getFeed, getFeedDocument, getFeeds } from './feeds.js';
import { getCatalogItem } from './get-catalog-item.js';
import { getOrder } from './get-order.js';
import type { OperationHandler } from './operation.js';
import { searchOrders } from './search-orders.js';

/** The handler of each served operationId. */
export const HANDLERS: Readonly<Record<string, OperationHandler>> = {
  searchOrders,
  getOrder,
  confirmShipment,
  getCatalogItem,
  createFeedDocument,
  createFeed,
  getFeed,
  cancelFeed,
  getFeedDocument,
  getFeeds,
};
