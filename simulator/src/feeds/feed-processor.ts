import { gzipSync } from 'node:zlib';
import {
  checkPackage,
  nextPackageReferenceId,
  type PackageConfirmation,
  storePackage,
} from '../world/package-confirmation.js';
import type { SimWorld } from '../world/world.js';
import type { FeedRecord } from './feed-store.js';
import type { FeedParse, FulfillmentMessage } from './fulfillment-message.js';
import { flatFileProcessingReport, parseFlatFileFulfillment } from './order-fulfillment-flat-file.js';
import {
  parseOrderFulfillmentXml,
  type ReportResult,
  type ReportSummary,
  xmlProcessingReport,
} from './order-fulfillment-xml.js';

/** Feed types the simulator processes. */
export const SUPPORTED_FEED_TYPES = [
  'POST_ORDER_FULFILLMENT_DATA',
  'POST_FLAT_FILE_FULFILLMENT_DATA',
] as const;

/** Simulator result codes in processing reports (documented in docs/simulator.md). */
export const RESULT_CODES = {
  orderNotFound: 90001,
  ruleBroken: 90002,
  incomplete: 90003,
  feedFatal: 90009,
  noTracking: 90010,
} as const;

function parse(feed: FeedRecord, content: string): FeedParse {
  return feed.feedType === 'POST_ORDER_FULFILLMENT_DATA'
    ? parseOrderFulfillmentXml(content)
    : parseFlatFileFulfillment(content);
}

function applyMessage(
  world: SimWorld,
  feed: FeedRecord,
  message: FulfillmentMessage,
  atMs: number,
): ReportResult[] {
  const base = {
    messageId: message.messageId,
    ...(message.orderId === undefined ? {} : { orderId: message.orderId }),
  };
  const error = (resultMessageCode: number, description: string): ReportResult[] => [
    { ...base, resultCode: 'Error', resultMessageCode, description },
  ];
  if (message.orderId === undefined) return error(RESULT_CODES.incomplete, 'AmazonOrderID is missing.');
  const order = world.storedOrder(message.orderId);
  if (
    order === undefined ||
    order.sellerId !== feed.sellerId ||
    !feed.marketplaceIds.includes(order.marketplaceId)
  ) {
    return error(
      RESULT_CODES.orderNotFound,
      `Order ${message.orderId} was not found for this seller and marketplace.`,
    );
  }
  if (message.fulfillmentDate === undefined)
    return error(RESULT_CODES.incomplete, 'FulfillmentDate is missing.');
  const named = message.carrierCode === undefined || message.carrierCode === 'Other';
  const carrierName = message.carrierName;
  if (message.carrierCode === undefined && carrierName === undefined) {
    return error(RESULT_CODES.incomplete, 'FulfillmentData needs a CarrierCode or a CarrierName.');
  }
  const items =
    message.items ??
    order.items.map((i) => ({ orderItemId: i.orderItemId, quantity: null as number | null }));
  const packageReferenceId =
    message.merchantFulfillmentId !== undefined && /^[1-9]\d*$/.test(message.merchantFulfillmentId)
      ? message.merchantFulfillmentId
      : nextPackageReferenceId(order);
  const resolvedItems = items
    .map((item) => {
      if (item.quantity !== null) return { orderItemId: item.orderItemId, quantity: item.quantity };
      const line = order.items.find((i) => i.orderItemId === item.orderItemId);
      const shipped = order.packages
        .filter((p) => p.packageReferenceId !== packageReferenceId)
        .flatMap((p) => p.items)
        .filter((i) => i.orderItemId === item.orderItemId)
        .reduce((n, i) => n + i.quantity, 0);
      return {
        orderItemId: item.orderItemId,
        quantity: line === undefined ? 1 : line.quantityOrdered - shipped,
      };
    })
    // "All unshipped units" of a whole-order message skips lines already shipped in full.
    .filter((item) => message.items !== null || item.quantity > 0);
  const input: PackageConfirmation = {
    packageReferenceId,
    carrierCode: named ? 'Other' : (message.carrierCode ?? 'Other'),
    ...(named && carrierName !== undefined ? { carrierName } : {}),
    ...(message.shippingMethod === undefined ? {} : { shippingMethod: message.shippingMethod }),
    ...(message.trackingNumber === undefined ? {} : { trackingNumber: message.trackingNumber }),
    shipDate: message.fulfillmentDate,
    items: resolvedItems,
  };
  const broken = checkPackage(order, input, atMs, 'any-offset');
  if (broken !== null) return error(RESULT_CODES.ruleBroken, broken.message);
  storePackage(
    order,
    { ...input, shipDate: new Date(Date.parse(input.shipDate)).toISOString() },
    atMs,
    false,
  );
  if (message.trackingNumber === undefined && !named) {
    return [
      {
        ...base,
        resultCode: 'Warning',
        resultMessageCode: RESULT_CODES.noTracking,
        description: `No ShipperTrackingNumber for carrier ${input.carrierCode}: the package counts against Valid Tracking Rate.`,
      },
    ];
  }
  return [];
}

function storeReport(
  world: SimWorld,
  feed: FeedRecord,
  report: string,
  contentType: string,
  atMs: number,
): void {
  const id = world.feeds.nextDocumentId();
  const gzip = world.feedSettings.gzipReports;
  world.feeds.documents.set(id, {
    feedDocumentId: id,
    sellerId: feed.sellerId,
    contentType,
    createdMs: atMs,
    uploadExpiresAtMs: atMs,
    content: gzip ? gzipSync(report) : Buffer.from(report),
    ...(gzip ? { compression: 'GZIP' as const } : {}),
  });
  feed.resultFeedDocumentId = id;
}

function finish(world: SimWorld, feed: FeedRecord): void {
  const atMs = feed.endsAtMs;
  const input = world.feeds.documents.get(feed.inputFeedDocumentId);
  const xml = feed.feedType === 'POST_ORDER_FULFILLMENT_DATA';
  const contentType = xml ? 'text/xml; charset=UTF-8' : 'text/tab-separated-values; charset=UTF-8';
  const render = (summary: ReportSummary, results: ReportResult[]): string =>
    xml
      ? xmlProcessingReport(feed.feedId, feed.sellerId, summary, results)
      : flatFileProcessingReport(summary, results);

  const parsed: FeedParse = feed.forceFatal
    ? { ok: false, reason: 'The feed could not be processed (injected fault).' }
    : input?.content === undefined
      ? { ok: false, reason: 'The input feed document has no content: upload it before createFeed.' }
      : parse(feed, input.content.toString('utf8'));
  if (!parsed.ok) {
    feed.status = 'FATAL';
    const fatal: ReportResult = {
      messageId: 0,
      resultCode: 'Error',
      resultMessageCode: RESULT_CODES.feedFatal,
      description: parsed.reason,
    };
    storeReport(
      world,
      feed,
      render({ processed: 0, successful: 0, withError: 0, withWarning: 0 }, [fatal]),
      contentType,
      atMs,
    );
    return;
  }
  const results: ReportResult[] = [];
  const summary: ReportSummary = { processed: 0, successful: 0, withError: 0, withWarning: 0 };
  for (const message of parsed.messages) {
    const outcome = applyMessage(world, feed, message, atMs);
    summary.processed += 1;
    if (outcome.some((r) => r.resultCode === 'Error')) summary.withError += 1;
    else summary.successful += 1;
    if (outcome.some((r) => r.resultCode === 'Warning')) summary.withWarning += 1;
    results.push(...outcome);
  }
  feed.status = 'DONE';
  storeReport(world, feed, render(summary, results), contentType, atMs);
}

/**
 * Moves feeds through IN_QUEUE, IN_PROGRESS and DONE / FATAL as the simulated clock passes their
 * times, applying each finished feed's shipments to the orders, oldest first.
 */
export function advanceFeeds(world: SimWorld): void {
  const nowMs = world.clock.nowMs();
  // Runs on every SP-API call: collect only pending feeds, no copy of the whole store.
  const due: FeedRecord[] = [];
  for (const f of world.feeds.feeds.values()) {
    if (f.status === 'IN_QUEUE' || f.status === 'IN_PROGRESS') due.push(f);
  }
  if (due.length === 0) return;
  due.sort((a, b) => a.endsAtMs - b.endsAtMs);
  for (const feed of due) {
    if (nowMs >= feed.endsAtMs) finish(world, feed);
    else if (nowMs >= feed.startsAtMs) feed.status = 'IN_PROGRESS';
  }
}
