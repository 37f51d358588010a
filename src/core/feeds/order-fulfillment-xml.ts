import type { Package } from '../package.js';
import { escapeXml } from './xml-escape.js';

/** Amazon's guidance is feeds under 10 MB; the default leaves room for the envelope and rounding. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 9 * 1024 * 1024;
/** Messages per document; keeps one processing report (and one failure) to a bounded size. */
export const DEFAULT_MAX_MESSAGES = 10_000;

/** The fields of a package that the feed carries. */
export type FeedPackage = Pick<
  Package,
  | 'packageId'
  | 'orderId'
  | 'carrierCode'
  | 'carrierName'
  | 'shippingService'
  | 'trackingId'
  | 'shipDate'
  | 'items'
>;

export interface FeedLimits {
  /** Largest document in UTF-8 bytes. Default 9 MB. */
  readonly maxBytes?: number;
  /** Most messages per document. Default 10,000. */
  readonly maxMessages?: number;
}

/** One `POST_ORDER_FULFILLMENT_DATA` document, and which package each of its messages carries. */
export interface OrderFulfillmentDocument {
  readonly xml: string;
  /** MessageID (1..n, per document) -> packageId. */
  readonly messageIds: ReadonlyMap<number, string>;
}

/**
 * Builds the OrderFulfillment feed for one seller: one message per package, split into several
 * documents when one would pass `limits`. Pure: the same packages give the same bytes.
 *
 * Carrier: `CarrierCode` for a listed code, `CarrierName` alone for `Other` (the reference XSD
 * allows one or the other, and `Other` says nothing to Amazon without the name). An untracked
 * package leaves out `ShipperTrackingNumber`, which the feed (unlike confirmShipment) allows.
 */
export function buildOrderFulfillmentDocuments(
  sellerId: string,
  packages: readonly FeedPackage[],
  limits: FeedLimits = {},
): OrderFulfillmentDocument[] {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const maxMessages = limits.maxMessages ?? DEFAULT_MAX_MESSAGES;
  if (!Number.isInteger(maxMessages) || maxMessages < 1) {
    throw new RangeError(`maxMessages must be a positive integer, got ${maxMessages}`);
  }
  const head = envelopeHead(sellerId);
  const tail = ENVELOPE_TAIL;
  const frame = byteLength(head) + byteLength(tail);

  const documents: OrderFulfillmentDocument[] = [];
  let parts: string[] = [];
  let ids = new Map<number, string>();
  let bytes = frame;
  const flush = () => {
    if (parts.length === 0) return;
    documents.push({ xml: head + parts.join('') + tail, messageIds: ids });
    parts = [];
    ids = new Map();
    bytes = frame;
  };

  for (const pkg of packages) {
    let part = messageXml(parts.length + 1, pkg);
    let size = byteLength(part);
    if (parts.length > 0 && (parts.length >= maxMessages || bytes + size > maxBytes)) {
      flush();
      // MessageIDs restart at 1 in each document, which changes the message's length.
      part = messageXml(1, pkg);
      size = byteLength(part);
    }
    if (frame + size > maxBytes) {
      throw new RangeError(
        `package ${pkg.packageId} alone makes a feed document of ${frame + size} bytes, over the limit of ${maxBytes}`,
      );
    }
    parts.push(part);
    ids.set(parts.length, pkg.packageId);
    bytes += size;
  }
  flush();
  return documents;
}

function envelopeHead(sellerId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
    `  <Header>\n    <DocumentVersion>1.01</DocumentVersion>\n    <MerchantIdentifier>${escapeXml(sellerId)}</MerchantIdentifier>\n  </Header>\n` +
    '  <MessageType>OrderFulfillment</MessageType>\n'
  );
}

const ENVELOPE_TAIL = '</AmazonEnvelope>\n';

function messageXml(messageId: number, pkg: FeedPackage): string {
  const el = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const named = pkg.carrierCode === 'Other' && pkg.carrierName !== null && pkg.carrierName.trim() !== '';
  const carrier = named ? el('CarrierName', pkg.carrierName!) : el('CarrierCode', pkg.carrierCode);
  const data = [
    carrier,
    pkg.shippingService.trim() === '' ? '' : el('ShippingMethod', pkg.shippingService),
    pkg.trackingId === null || pkg.trackingId === '' ? '' : el('ShipperTrackingNumber', pkg.trackingId),
  ].join('');
  const items = pkg.items
    .map(
      (i) => `<Item>${el('AmazonOrderItemCode', i.orderItemId)}${el('Quantity', String(i.quantity))}</Item>`,
    )
    .join('');
  return (
    `  <Message><MessageID>${messageId}</MessageID><OperationType>Update</OperationType>` +
    `<OrderFulfillment>${el('AmazonOrderID', pkg.orderId)}` +
    `${el('FulfillmentDate', utc(pkg.shipDate))}<FulfillmentData>${data}</FulfillmentData>${items}` +
    '</OrderFulfillment></Message>\n'
  );
}

/** ISO 8601 in UTC with `Z`, whatever zone the stored date was written in. */
function utc(date: string): string {
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw new RangeError(`ship date is not a date: ${date}`);
  return new Date(ms).toISOString();
}

/** UTF-8 length without Node's Buffer, so that core stays free of runtime APIs. */
function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}
