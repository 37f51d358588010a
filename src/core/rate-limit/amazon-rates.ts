/** Amazon's published default usage plans (rate per second, burst) for the operations ShipConfirm calls. */
export const AMAZON_RATES = {
  searchOrders: { ratePerSecond: 0.0056, burst: 20 },
  getOrder: { ratePerSecond: 0.5, burst: 30 },
  confirmShipment: { ratePerSecond: 2, burst: 10 },
  createFeedDocument: { ratePerSecond: 0.5, burst: 15 },
  createFeed: { ratePerSecond: 0.0083, burst: 15 },
  getFeed: { ratePerSecond: 2, burst: 15 },
  getFeedDocument: { ratePerSecond: 0.0222, burst: 10 },
  getCatalogItem: { ratePerSecond: 2, burst: 2 },
} as const;

export type AmazonOperation = keyof typeof AMAZON_RATES;
