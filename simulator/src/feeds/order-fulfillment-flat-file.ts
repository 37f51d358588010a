import type { FeedParse, FulfillmentMessage } from './fulfillment-message.js';
import type { ReportResult, ReportSummary } from './order-fulfillment-xml.js';

const REQUIRED_COLUMNS = ['order-id', 'ship-date'] as const;

/**
 * Reads a `POST_FLAT_FILE_FULFILLMENT_DATA` tab-separated file: a header row (order-id,
 * order-item-id, quantity, ship-date, carrier-code, carrier-name, tracking-number, ship-method), then
 * one row per order item. Rows of the same order with the same tracking number, carrier and ship date
 * make one package.
 */
export function parseFlatFileFulfillment(content: string): FeedParse {
  const lines = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines[0]?.split('\t').map((h) => h.trim().toLowerCase());
  if (header === undefined) return { ok: false, reason: 'The file is empty.' };
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) return { ok: false, reason: `The header row has no '${column}' column.` };
  }
  if (lines.length < 2) return { ok: false, reason: 'The file has a header row but no records.' };

  const groups = new Map<string, FulfillmentMessage>();
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] ?? '').split('\t');
    const cell = (name: string): string | undefined => {
      const index = header.indexOf(name);
      const value = index < 0 ? undefined : cells[index]?.trim();
      return value === '' ? undefined : value;
    };
    const recordNumber = i;
    const orderId = cell('order-id');
    const key = [
      orderId,
      cell('tracking-number'),
      cell('carrier-code'),
      cell('carrier-name'),
      cell('ship-date'),
    ].join('\t');
    let message = groups.get(key);
    if (message === undefined) {
      message = { messageId: recordNumber, recordNumbers: [], items: [] };
      const fields: Array<[keyof FulfillmentMessage, string | undefined]> = [
        ['orderId', orderId],
        ['fulfillmentDate', cell('ship-date')],
        ['carrierCode', cell('carrier-code')],
        ['carrierName', cell('carrier-name')],
        ['shippingMethod', cell('ship-method')],
        ['trackingNumber', cell('tracking-number')],
      ];
      for (const [k, v] of fields)
        if (v !== undefined) (message as unknown as Record<string, unknown>)[k] = v;
      groups.set(key, message);
    }
    message.recordNumbers?.push(recordNumber);
    const orderItemId = cell('order-item-id');
    const quantity = cell('quantity');
    if (orderItemId === undefined) {
      message.items = null;
    } else if (message.items !== null) {
      message.items.push({ orderItemId, quantity: quantity === undefined ? null : Number(quantity) });
    }
  }
  return { ok: true, messages: [...groups.values()] };
}

/** Amazon's tab-separated processing report for flat-file feeds. */
export function flatFileProcessingReport(summary: ReportSummary, results: ReportResult[]): string {
  const lines = [
    'Feed Processing Summary:',
    `\tNumber of records processed\t\t${summary.processed}`,
    `\tNumber of records successful\t\t${summary.successful}`,
    '',
    'original-record-number\torder-id\torder-item-id\terror-code\terror-type\terror-message',
    ...results.map((r) =>
      [
        r.messageId,
        r.orderId ?? '',
        r.orderItemId ?? '',
        r.resultMessageCode,
        r.resultCode,
        r.description.replaceAll(/[\t\n]/g, ' '),
      ].join('\t'),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
