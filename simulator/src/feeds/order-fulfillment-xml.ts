import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedParse, FulfillmentMessage } from './fulfillment-message.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Tracking numbers and ids keep their leading zeros.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Message' || name === 'Item',
});

type Node = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

function asNode(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

/** Reads a `POST_ORDER_FULFILLMENT_DATA` XML document (AmazonEnvelope of OrderFulfillment messages). */
export function parseOrderFulfillmentXml(content: string): FeedParse {
  const valid = XMLValidator.validate(content);
  if (valid !== true)
    return { ok: false, reason: `The XML is not well-formed: ${valid.err.msg} (line ${valid.err.line}).` };
  let document: Node;
  try {
    document = parser.parse(content) as Node;
  } catch (error) {
    return { ok: false, reason: `The XML could not be read: ${(error as Error).message}` };
  }
  const envelope = asNode(document.AmazonEnvelope);
  if (envelope === undefined) return { ok: false, reason: 'The root element must be AmazonEnvelope.' };
  if (text(envelope.MessageType) !== 'OrderFulfillment') {
    return { ok: false, reason: "MessageType must be 'OrderFulfillment' for POST_ORDER_FULFILLMENT_DATA." };
  }
  const rawMessages = Array.isArray(envelope.Message) ? envelope.Message : [];
  if (rawMessages.length === 0) return { ok: false, reason: 'The envelope holds no Message.' };

  const messages: FulfillmentMessage[] = [];
  for (const [index, raw] of rawMessages.entries()) {
    const message = asNode(raw) ?? {};
    const messageId = Number(text(message.MessageID));
    if (!Number.isInteger(messageId) || messageId < 1) {
      return { ok: false, reason: `Message ${index + 1} has no valid MessageID.` };
    }
    const fulfillment = asNode(message.OrderFulfillment) ?? {};
    const data = asNode(fulfillment.FulfillmentData);
    const items = Array.isArray(fulfillment.Item)
      ? fulfillment.Item.map((i) => {
          const item = asNode(i) ?? {};
          const quantity = text(item.Quantity);
          return {
            orderItemId: text(item.AmazonOrderItemCode) ?? '',
            quantity: quantity === undefined ? null : Number(quantity),
          };
        })
      : null;
    const out: FulfillmentMessage = { messageId, items };
    const fields: Array<[keyof FulfillmentMessage, unknown]> = [
      ['orderId', fulfillment.AmazonOrderID],
      ['merchantFulfillmentId', fulfillment.MerchantFulfillmentID],
      ['fulfillmentDate', fulfillment.FulfillmentDate],
      ['carrierCode', data?.CarrierCode],
      ['carrierName', data?.CarrierName],
      ['shippingMethod', data?.ShippingMethod],
      ['trackingNumber', data?.ShipperTrackingNumber],
    ];
    for (const [key, value] of fields) {
      const v = text(value);
      if (v !== undefined && v !== '') (out as unknown as Record<string, unknown>)[key] = v;
    }
    messages.push(out);
  }
  return { ok: true, messages };
}

/** One line of a processing report. */
export interface ReportResult {
  messageId: number;
  resultCode: 'Error' | 'Warning';
  /** Simulator result code (see docs/simulator.md). */
  resultMessageCode: number;
  description: string;
  orderId?: string;
  orderItemId?: string;
}

/** Counts of a processing report. */
export interface ReportSummary {
  processed: number;
  successful: number;
  withError: number;
  withWarning: number;
}

const escapeXml = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The XML processing report of a feed, in the shape of Amazon's ProcessingReport. */
export function xmlProcessingReport(
  feedId: string,
  sellerId: string,
  summary: ReportSummary,
  results: ReportResult[],
): string {
  const resultXml = results
    .map((r) => {
      const info = [
        r.orderId === undefined ? '' : `<AmazonOrderID>${escapeXml(r.orderId)}</AmazonOrderID>`,
        r.orderItemId === undefined
          ? ''
          : `<AmazonOrderItemCode>${escapeXml(r.orderItemId)}</AmazonOrderItemCode>`,
      ].join('');
      return [
        '      <Result>',
        `        <MessageID>${r.messageId}</MessageID>`,
        `        <ResultCode>${r.resultCode}</ResultCode>`,
        `        <ResultMessageCode>${r.resultMessageCode}</ResultMessageCode>`,
        `        <ResultDescription>${escapeXml(r.description)}</ResultDescription>`,
        info === '' ? '' : `        <AdditionalInfo>${info}</AdditionalInfo>`,
        '      </Result>',
      ]
        .filter((line) => line !== '')
        .join('\n');
    })
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">',
    '  <Header>',
    '    <DocumentVersion>1.02</DocumentVersion>',
    `    <MerchantIdentifier>${escapeXml(sellerId)}</MerchantIdentifier>`,
    '  </Header>',
    '  <MessageType>ProcessingReport</MessageType>',
    '  <Message>',
    '    <MessageID>1</MessageID>',
    '    <ProcessingReport>',
    `      <DocumentTransactionID>${escapeXml(feedId)}</DocumentTransactionID>`,
    '      <StatusCode>Complete</StatusCode>',
    '      <ProcessingSummary>',
    `        <MessagesProcessed>${summary.processed}</MessagesProcessed>`,
    `        <MessagesSuccessful>${summary.successful}</MessagesSuccessful>`,
    `        <MessagesWithError>${summary.withError}</MessagesWithError>`,
    `        <MessagesWithWarning>${summary.withWarning}</MessagesWithWarning>`,
    '      </ProcessingSummary>',
    resultXml,
    '    </ProcessingReport>',
    '  </Message>',
    '</AmazonEnvelope>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
