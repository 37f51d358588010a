import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../simulator/index.js';
import { MarketplaceError } from '../../ports/marketplace.js';
import { LwaTokenProvider } from './lwa-token-provider.js';
import { ORDER_FULFILLMENT_CONTENT_TYPE, SpApiFeeds } from './sp-api-feeds.js';
import { SpApiHttp } from './sp-api-http.js';

const UK = 'A1F83G8C2ARO7P';
let sim: RunningSimulator;
afterEach(async () => sim?.close());

/** A feed for an order that does not exist: Amazon processes it and reports an error for message 1. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A2SIMSELLERUK1</MerchantIdentifier></Header>
<MessageType>OrderFulfillment</MessageType><Message><MessageID>1</MessageID><OperationType>Update</OperationType>
<OrderFulfillment><AmazonOrderID>203-0000000-0000000</AmazonOrderID><FulfillmentDate>2026-03-02T11:00:00.000Z</FulfillmentDate>
<FulfillmentData><CarrierCode>DPD</CarrierCode><ShippingMethod>Next Day</ShippingMethod></FulfillmentData>
<Item><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode><Quantity>1</Quantity></Item></OrderFulfillment></Message></AmazonEnvelope>`;

async function setup(gzipReports: boolean) {
  sim = await startSimulator({
    rateLimits: false,
    freezeClock: true,
    startTime: new Date('2026-03-02T12:00:00Z'),
    feeds: { queueSeconds: 30, processingSeconds: 90, gzipReports },
  });
  const tokens = new LwaTokenProvider({ tokenUrl: sim.tokenUrl, ...sim.credentials });
  const http = new SpApiHttp({ endpoint: sim.baseUrl, tokens, rateLimits: false, retryBaseDelayMs: 5 });
  const puts: Array<{ url: string; headers: Headers }> = [];
  const spy: typeof fetch = (input, init) => {
    if (init?.method === 'PUT') puts.push({ url: String(input), headers: new Headers(init.headers) });
    return fetch(input, init);
  };
  return { feeds: new SpApiFeeds(http, [UK], { fetch: spy }), puts };
}

const operations = () => sim.world.requests().map((r) => `${r.operation} ${r.status}`);

describe('SpApiFeeds against the simulator', () => {
  it.each([false, true])(
    'uploads with the declared Content-Type and no access token, follows the feed to DONE and reads its report (gzip %s)',
    async (gzip) => {
      const { feeds, puts } = await setup(gzip);
      const { feedId } = await feeds.submitOrderFulfillmentFeed(XML);
      expect(puts).toHaveLength(1);
      expect(puts[0]!.headers.get('content-type')).toBe(ORDER_FULFILLMENT_CONTENT_TYPE);
      expect(puts[0]!.headers.get('x-amz-access-token')).toBeNull();

      expect(await feeds.getFeedStatus(feedId)).toEqual({ status: 'IN_QUEUE', resultDocumentId: null });
      sim.world.clock.advance(60_000);
      expect((await feeds.getFeedStatus(feedId)).status).toBe('IN_PROGRESS');
      sim.world.clock.advance(120_000);
      const done = await feeds.getFeedStatus(feedId);
      expect(done.status).toBe('DONE');

      const report = await feeds.downloadResult(done.resultDocumentId!);
      expect(report).toContain('<ProcessingReport>');
      expect(report).toContain('<MessagesWithError>1</MessagesWithError>');
      expect(report).toContain('203-0000000-0000000');
    },
  );

  it('an upload URL that has expired is replaced by a new document, once', async () => {
    const { feeds, puts } = await setup(false);
    sim.world.setFault('createFeedDocument', { kind: 'expired-upload-url', count: 1 });
    const { feedId } = await feeds.submitOrderFulfillmentFeed(XML);
    expect(puts).toHaveLength(2);
    expect(operations().filter((o) => o.startsWith('createFeedDocument'))).toHaveLength(2);
    sim.world.clock.advance(300_000);
    expect((await feeds.getFeedStatus(feedId)).status).toBe('DONE');
  });

  it('two expired upload URLs in a row are a retryable fault, and no feed is created', async () => {
    const { feeds } = await setup(false);
    sim.world.setFault('createFeedDocument', { kind: 'expired-upload-url', count: 2 });
    const error = await feeds.submitOrderFulfillmentFeed(XML).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketplaceError);
    expect((error as MarketplaceError).retryable).toBe(true);
    expect(operations().some((o) => o.startsWith('createFeed '))).toBe(false);
  });

  it('an unknown feed is a fault no retry cures, with Amazon’s status', async () => {
    const { feeds } = await setup(false);
    const error = await feeds.getFeedStatus('999999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketplaceError);
    expect(error).toMatchObject({ retryable: false, httpStatus: 404 });
  });

  it('a 503 from createFeed after SpApiHttp’s retries is a retryable fault', async () => {
    const { feeds } = await setup(false);
    sim.world.setFault('createFeed', { kind: 'status', status: 503 });
    const error = await feeds.submitOrderFulfillmentFeed(XML).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MarketplaceError', retryable: true });
  });
});
