import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, TEST_START, type TestSim, UK, unshippedOrder } from '../../test-support/sim-client.js';

/**
 * A fulfilment feed is judged by the same rules as confirmShipment: every rule broken in a message
 * gives that message an Error in the processing report and changes nothing, while the good
 * message of the same feed is applied.
 */

const SHIP_DATE = new Date(TEST_START.getTime() - 60_000).toISOString();
const DPD = '<CarrierCode>DPD</CarrierCode><ShipperTrackingNumber>15501234567890</ShipperTrackingNumber>';

const item = (orderItemId: string, quantity: number): string =>
  `<Item><AmazonOrderItemCode>${orderItemId}</AmazonOrderItemCode><Quantity>${quantity}</Quantity></Item>`;

function message(id: number, orderId: string, opts: { date?: string; data?: string; items?: string } = {}) {
  return `<Message><MessageID>${id}</MessageID><OrderFulfillment><AmazonOrderID>${orderId}</AmazonOrderID><FulfillmentDate>${opts.date ?? SHIP_DATE}</FulfillmentDate><FulfillmentData>${opts.data ?? DPD}</FulfillmentData>${opts.items ?? ''}</OrderFulfillment></Message>`;
}

const envelope = (messages: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A2SIMSELLERUK1</MerchantIdentifier></Header><MessageType>OrderFulfillment</MessageType>${messages.join('')}</AmazonEnvelope>`;

describe('fulfilment feeds: per-message errors for the confirmShipment rules', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false, feeds: { queueSeconds: 1, processingSeconds: 1 } }, 40);
  });
  afterAll(() => t.close());

  async function process(content: string, feedType: string, contentType: string): Promise<string> {
    const doc = (await t.post('/feeds/2021-06-30/documents', { contentType })).body as {
      feedDocumentId: string;
      url: string;
    };
    const put = await fetch(doc.url, {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body: content,
    });
    expect(put.status).toBe(200);
    const created = await t.post('/feeds/2021-06-30/feeds', {
      feedType,
      marketplaceIds: [UK],
      inputFeedDocumentId: doc.feedDocumentId,
    });
    const { feedId } = created.body as { feedId: string };
    t.sim.world.clock.advance(2_000);
    const feed = (await t.get(`/feeds/2021-06-30/feeds/${feedId}`)).body as {
      processingStatus: string;
      resultFeedDocumentId: string;
    };
    expect(feed.processingStatus).toBe('DONE');
    const report = (
      await t.get(`/feeds/2021-06-30/documents/${encodeURIComponent(feed.resultFeedDocumentId)}`)
    ).body as { url: string };
    return (await fetch(report.url)).text();
  }

  it('reports an Error for each broken rule in an XML feed and applies only the good message', async () => {
    const orders = Array.from({ length: 10 }, (_, i) => unshippedOrder(t.seeded, i));
    const [good, cancelled, fba, foreignItem, tooMany, future, early, badCarrier, twice, zero] = orders;
    if (!good || !cancelled || !fba || !foreignItem || !tooMany || !future || !early || !badCarrier)
      throw new Error('not enough orders');
    if (!twice || !zero) throw new Error('not enough orders');
    const stored = (id: string) => {
      const o = t.sim.world.storedOrder(id);
      if (o === undefined) throw new Error(`no order ${id}`);
      return o;
    };
    stored(cancelled.orderId).status = 'CANCELLED';
    stored(fba.orderId).fulfilledBy = 'AMAZON';
    const first = (o: typeof good) => o.items[0] ?? { orderItemId: '', quantity: 0 };
    const tomorrow = new Date(TEST_START.getTime() + 86_400_000).toISOString();
    const xml = envelope([
      message(1, good.orderId),
      message(2, cancelled.orderId),
      message(3, fba.orderId),
      message(4, foreignItem.orderId, { items: item('99999999999999', 1) }),
      message(5, tooMany.orderId, {
        items: item(first(tooMany).orderItemId, first(tooMany).quantity + 1),
      }),
      message(6, future.orderId, { date: tomorrow }),
      message(7, early.orderId, { date: '2020-01-01T00:00:00Z' }),
      message(8, badCarrier.orderId, {
        data: '<CarrierCode>Evri</CarrierCode><ShipperTrackingNumber>H01ABC1234567890</ShipperTrackingNumber>',
      }),
      message(9, twice.orderId, {
        items: item(first(twice).orderItemId, 1) + item(first(twice).orderItemId, 1),
      }),
      message(10, zero.orderId, { items: item(first(zero).orderItemId, 0) }),
    ]);
    const before = orders.slice(1).map((o) => JSON.stringify(t.sim.world.getOrder(o.orderId)));
    const report = await process(xml, 'POST_ORDER_FULFILLMENT_DATA', 'text/xml; charset=UTF-8');

    expect(report).toContain('<MessagesProcessed>10</MessagesProcessed>');
    expect(report).toContain('<MessagesSuccessful>1</MessagesSuccessful>');
    expect(report).toContain('<MessagesWithError>9</MessagesWithError>');
    const expected: Array<[number, RegExp]> = [
      [2, /cancelled/],
      [3, /fulfilled by Amazon/],
      [4, /not in order/],
      [5, /exceeds the \d+ still unshipped/],
      [6, /future/],
      [7, /before the order/],
      [8, /not one of Amazon's carrier codes/],
      [9, /listed twice/],
      [10, /at least 1/],
    ];
    for (const [id, pattern] of expected) {
      const result = new RegExp(
        `<MessageID>${id}</MessageID>\\s*<ResultCode>Error</ResultCode>\\s*<ResultMessageCode>\\d+</ResultMessageCode>\\s*<ResultDescription>([^<]*)</ResultDescription>`,
      ).exec(report);
      expect(result?.[1], `message ${id}`).toMatch(pattern);
    }
    expect(report).not.toMatch(/<MessageID>1<\/MessageID>\s*<ResultCode>Error/);
    expect((t.sim.world.getOrder(good.orderId) as { packages: unknown[] }).packages).toHaveLength(1);
    expect(orders.slice(1).map((o) => JSON.stringify(t.sim.world.getOrder(o.orderId)))).toEqual(before);
  });

  it('applies the same rules to flat-file rows (Royal Mail 24/48 parcel ID, carrier case)', async () => {
    const [rm, cased] = [10, 11].map((i) => unshippedOrder(t.seeded, i));
    if (!rm || !cased) throw new Error('not enough orders');
    const row = (o: typeof rm, carrier: string, tracking: string, method: string): string[] =>
      o.items.map(
        (i) =>
          `${o.orderId}\t${i.orderItemId}\t${i.quantity}\t${SHIP_DATE}\t${carrier}\t\t${tracking}\t${method}`,
      );
    const rows = [
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      ...row(rm, 'Royal Mail', 'AB123456785GB', 'Royal Mail 48'),
      ...row(cased, 'dpd', '15501234567890', 'Next Day'),
    ];
    const report = await process(
      rows.join('\n'),
      'POST_FLAT_FILE_FULFILLMENT_DATA',
      'text/tab-separated-values; charset=UTF-8',
    );
    expect(report).toMatch(/Number of records successful\t\t0/);
    expect(report).toMatch(/parcel ID/);
    expect(report).toMatch(/case-sensitive/);
    for (const o of [rm, cased])
      expect((t.sim.world.getOrder(o.orderId) as { packages: unknown[] }).packages).toEqual([]);
  });
});
