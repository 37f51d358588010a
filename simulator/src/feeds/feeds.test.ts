import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Answer,
  login,
  startTestSim,
  TEST_START,
  type TestSim,
  toAnswer,
  UK,
  unshippedOrder,
} from '../../test-support/sim-client.js';
import { ModelValidator } from '../contract/model-validator.js';

const validator = new ModelValidator();
const expectContract = (operationId: string, answer: Answer): void => {
  const check = validator.checkResponse(operationId, answer.status, answer.body);
  expect(check, JSON.stringify(check)).toMatchObject({ ok: true });
};

const SHIP_DATE = new Date(TEST_START.getTime() - 60_000).toISOString();

function message(id: number, orderId: string, data: string, items = ''): string {
  return `<Message><MessageID>${id}</MessageID><OrderFulfillment><AmazonOrderID>${orderId}</AmazonOrderID><FulfillmentDate>${SHIP_DATE}</FulfillmentDate><FulfillmentData>${data}</FulfillmentData>${items}</OrderFulfillment></Message>`;
}

function envelope(messages: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A2SIMSELLERUK1</MerchantIdentifier></Header><MessageType>OrderFulfillment</MessageType>${messages.join('')}</AmazonEnvelope>`;
}

describe('Feeds 2021-06-30', () => {
  let t: TestSim;
  afterEach(() => t.close());

  async function upload(content: string | Buffer, contentType: string): Promise<string> {
    const created = await t.post('/feeds/2021-06-30/documents', { contentType });
    expect(created.status).toBe(201);
    expectContract('createFeedDocument', created);
    const { feedDocumentId, url } = created.body as { feedDocumentId: string; url: string };
    const put = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: content });
    expect(put.status).toBe(200);
    return feedDocumentId;
  }

  async function submit(feedType: string, inputFeedDocumentId: string): Promise<string> {
    const created = await t.post('/feeds/2021-06-30/feeds', {
      feedType,
      marketplaceIds: [UK],
      inputFeedDocumentId,
    });
    expect(created.status).toBe(202);
    expectContract('createFeed', created);
    return (created.body as { feedId: string }).feedId;
  }

  async function feed(feedId: string): Promise<Record<string, string>> {
    const answer = await t.get(`/feeds/2021-06-30/feeds/${feedId}`);
    expect(answer.status).toBe(200);
    expectContract('getFeed', answer);
    return answer.body as Record<string, string>;
  }

  async function report(feedDocumentId: string): Promise<string> {
    const answer = await t.get(`/feeds/2021-06-30/documents/${encodeURIComponent(feedDocumentId)}`);
    expect(answer.status).toBe(200);
    expectContract('getFeedDocument', answer);
    const { url, compressionAlgorithm } = answer.body as { url: string; compressionAlgorithm?: string };
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    return (compressionAlgorithm === 'GZIP' ? gunzipSync(bytes) : bytes).toString('utf8');
  }

  it('processes an order-fulfilment XML feed through IN_QUEUE, IN_PROGRESS, DONE with a per-message report', async () => {
    t = await startTestSim({ rateLimits: false }, 30);
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => unshippedOrder(t.seeded, i));
    if (!a || !b || !c || !d) throw new Error('not enough orders');
    const xml = envelope([
      message(
        1,
        a.orderId,
        '<CarrierCode>DPD</CarrierCode><ShippingMethod>Next Day</ShippingMethod><ShipperTrackingNumber>15501234567890</ShipperTrackingNumber>',
      ),
      message(
        2,
        b.orderId,
        '<CarrierCode>royal mail</CarrierCode><ShipperTrackingNumber>320019254000221BB4EFC</ShipperTrackingNumber>',
      ),
      message(
        3,
        '999-0000000-0000000',
        '<CarrierCode>DPD</CarrierCode><ShipperTrackingNumber>15501234567890</ShipperTrackingNumber>',
      ),
      message(
        4,
        c.orderId,
        '<CarrierCode>Royal Mail</CarrierCode><ShippingMethod>Royal Mail 48</ShippingMethod><ShipperTrackingNumber>AB123456785GB</ShipperTrackingNumber>',
      ),
      message(5, d.orderId, '<CarrierCode>Yodel</CarrierCode><ShippingMethod>Standard</ShippingMethod>'),
    ]);
    const feedId = await submit('POST_ORDER_FULFILLMENT_DATA', await upload(xml, 'text/xml; charset=UTF-8'));
    expect((await feed(feedId)).processingStatus).toBe('IN_QUEUE');
    t.sim.world.clock.advance(30_000);
    expect((await feed(feedId)).processingStatus).toBe('IN_PROGRESS');
    t.sim.world.clock.advance(90_000);
    const done = await feed(feedId);
    expect(done.processingStatus).toBe('DONE');
    const text = await report(done.resultFeedDocumentId ?? '');
    expect(text).toContain('<MessagesProcessed>5</MessagesProcessed>');
    expect(text).toContain('<MessagesSuccessful>2</MessagesSuccessful>');
    expect(text).toContain('<MessagesWithError>3</MessagesWithError>');
    expect(text).toContain('<MessagesWithWarning>1</MessagesWithWarning>');
    expect(text).toMatch(/<MessageID>2<\/MessageID>\s*<ResultCode>Error<\/ResultCode>[\s\S]*case-sensitive/);
    expect(text).toMatch(/<MessageID>4<\/MessageID>\s*<ResultCode>Error<\/ResultCode>[\s\S]*parcel ID/);
    expect(text).toMatch(/<MessageID>5<\/MessageID>\s*<ResultCode>Warning<\/ResultCode>/);

    const stored = t.sim.world.getOrder(a.orderId) as {
      fulfillment: { fulfillmentStatus: string };
      packages: unknown[];
    };
    expect(stored.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(stored.packages).toEqual([
      expect.objectContaining({ carrier: 'DPD', trackingNumber: '15501234567890', packageReferenceId: '1' }),
    ]);
    expect((t.sim.world.getOrder(b.orderId) as { packages: unknown[] }).packages).toEqual([]);
  });

  it('processes a flat-file feed, one package per order and tracking number, with a tab-separated report', async () => {
    t = await startTestSim(
      { rateLimits: false, feeds: { queueSeconds: 1, processingSeconds: 1, gzipReports: true } },
      20,
    );
    const order = t.seeded.orders.find((o) => o.status === 'UNSHIPPED' && o.items.length >= 2);
    if (order === undefined) throw new Error('need a multi-line order');
    const rows = [
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      ...order.items.map(
        (i) =>
          `${order.orderId}\t${i.orderItemId}\t${i.quantity}\t${SHIP_DATE}\tDPD\t\t15501234567890\tNext Day`,
      ),
      `${order.orderId}\t99999999999999\t1\t${SHIP_DATE}\tDPD\t\t15509999999999\tNext Day`,
    ];
    const feedId = await submit(
      'POST_FLAT_FILE_FULFILLMENT_DATA',
      await upload(rows.join('\n'), 'text/tab-separated-values; charset=UTF-8'),
    );
    t.sim.world.clock.advance(2_000);
    const done = await feed(feedId);
    expect(done.processingStatus).toBe('DONE');
    const text = await report(done.resultFeedDocumentId ?? '');
    expect(text).toMatch(/Number of records processed\t\t2/);
    expect(text).toMatch(/Number of records successful\t\t1/);
    expect(text).toMatch(/99999999999999|not in order/);
    const stored = t.sim.world.getOrder(order.orderId) as { packages: Array<{ packageItems: unknown[] }> };
    expect(stored.packages).toHaveLength(1);
    expect(stored.packages[0]?.packageItems).toHaveLength(order.items.length);
  });

  it('ends FATAL with a report for a malformed document, and for an injected fault', async () => {
    t = await startTestSim({ rateLimits: false, feeds: { queueSeconds: 0, processingSeconds: 1 } }, 5);
    const broken = await submit(
      'POST_ORDER_FULFILLMENT_DATA',
      await upload('<AmazonEnvelope><Message>', 'text/xml'),
    );
    t.sim.world.setFault('createFeed', { kind: 'feed-fatal', count: 1 });
    const order = unshippedOrder(t.seeded);
    const good = envelope([
      message(
        1,
        order.orderId,
        '<CarrierCode>DPD</CarrierCode><ShipperTrackingNumber>15501234567890</ShipperTrackingNumber>',
      ),
    ]);
    const faulted = await submit('POST_ORDER_FULFILLMENT_DATA', await upload(good, 'text/xml'));
    t.sim.world.clock.advance(1_000);
    for (const feedId of [broken, faulted]) {
      const done = await feed(feedId);
      expect(done.processingStatus).toBe('FATAL');
      expect(await report(done.resultFeedDocumentId ?? '')).toContain('<ResultCode>Error</ResultCode>');
    }
    expect((t.sim.world.getOrder(order.orderId) as { packages: unknown[] }).packages).toEqual([]);
  });

  it('refuses uploads with another Content-Type, after five minutes, or with a forged signature', async () => {
    t = await startTestSim({ rateLimits: false }, 1);
    const created = (await t.post('/feeds/2021-06-30/documents', { contentType: 'text/xml' })).body as {
      url: string;
    };
    const wrongType = await fetch(created.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: '<x/>',
    });
    expect(wrongType.status).toBe(403);
    expect(await wrongType.text()).toContain('SignatureDoesNotMatch');
    const forged = await fetch(
      created.url.replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`),
      {
        method: 'PUT',
        headers: { 'content-type': 'text/xml' },
        body: '<x/>',
      },
    );
    expect(forged.status).toBe(403);
    t.sim.world.clock.advance(5 * 60_000 + 1);
    const late = await fetch(created.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/xml' },
      body: '<x/>',
    });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
    t.sim.world.setFault('createFeedDocument', { kind: 'expired-upload-url', count: 1 });
    const expiredAtOnce = (await t.post('/feeds/2021-06-30/documents', { contentType: 'text/xml' })).body as {
      url: string;
    };
    const put = await fetch(expiredAtOnce.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/xml' },
      body: '<x/>',
    });
    expect(put.status).toBe(403);
  });

  it('cancels a queued feed only, and refuses unknown feed types, documents and feeds', async () => {
    t = await startTestSim({ rateLimits: false }, 1);
    const documentId = await upload('<x/>', 'text/xml');
    const feedId = await submit('POST_ORDER_FULFILLMENT_DATA', documentId);
    const cancelled = await t.request('DELETE', `/feeds/2021-06-30/feeds/${feedId}`);
    expect(cancelled.status).toBe(200);
    expectContract('cancelFeed', cancelled);
    expect((await feed(feedId)).processingStatus).toBe('CANCELLED');
    const again = await t.request('DELETE', `/feeds/2021-06-30/feeds/${feedId}`);
    expect(again.status).toBe(400);
    expectContract('cancelFeed', again);
    const badType = await t.post('/feeds/2021-06-30/feeds', {
      feedType: 'POST_PRODUCT_DATA',
      marketplaceIds: [UK],
      inputFeedDocumentId: documentId,
    });
    expect(badType.status).toBe(400);
    expectContract('createFeed', badType);
    const badDoc = await t.post('/feeds/2021-06-30/feeds', {
      feedType: 'POST_ORDER_FULFILLMENT_DATA',
      marketplaceIds: [UK],
      inputFeedDocumentId: 'nope',
    });
    expect(badDoc.status).toBe(400);
    const noFeed = await t.get('/feeds/2021-06-30/feeds/1');
    expect(noFeed.status).toBe(404);
    expectContract('getFeed', noFeed);
    const missingField = await t.post('/feeds/2021-06-30/feeds', {
      feedType: 'POST_ORDER_FULFILLMENT_DATA',
      marketplaceIds: [UK],
    });
    expect(missingField.status).toBe(400);
    const download = await toAnswer(
      await fetch(`${t.sim.baseUrl}/_documents/${encodeURIComponent(documentId)}`),
    );
    expect(download.status).toBe(403);
    const kept = await t.get(`/feeds/2021-06-30/documents/${encodeURIComponent(documentId)}`);
    expect(kept.status).toBe(200);
    t.sim.world.clock.advance(29 * 86_400_000);
    const gone = await t.request('GET', `/feeds/2021-06-30/documents/${encodeURIComponent(documentId)}`, {
      headers: { 'x-amz-access-token': await login(t.sim) },
    });
    expect(gone.status).toBe(404);
    expectContract('getFeedDocument', gone);
  });

  it('lists the seller’s feeds newest first with getFeeds, paged by a signed nextToken', async () => {
    t = await startTestSim({ rateLimits: false }, 1);
    const documentId = await upload('<x/>', 'text/xml');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await submit('POST_ORDER_FULFILLMENT_DATA', documentId));
      t.sim.world.clock.advance(1_000);
    }
    const first = await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_FULFILLMENT_DATA&pageSize=2');
    expect(first.status).toBe(200);
    expectContract('getFeeds', first);
    const page1 = first.body as { feeds: Array<{ feedId: string }>; nextToken?: string };
    expect(page1.feeds.map((f) => f.feedId)).toEqual([ids[2], ids[1]]);
    const second = await t.get(
      `/feeds/2021-06-30/feeds?nextToken=${encodeURIComponent(page1.nextToken ?? '')}`,
    );
    const page2 = second.body as { feeds: Array<{ feedId: string }>; nextToken?: string };
    expect(page2.feeds.map((f) => f.feedId)).toEqual([ids[0]]);
    expect(page2.nextToken).toBeUndefined();
    expect((await t.get('/feeds/2021-06-30/feeds?nextToken=forged')).status).toBe(400);
    const missing = await t.get('/feeds/2021-06-30/feeds');
    expect(missing.status).toBe(400);
    expectContract('getFeeds', missing);
    expect(
      (await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_FULFILLMENT_DATA&pageSize=101')).status,
    ).toBe(400);
  });
});
