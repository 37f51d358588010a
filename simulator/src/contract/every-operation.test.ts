import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  fullPackage,
  startTestSim,
  type TestSim,
  UK,
  unshippedOrder,
} from '../../test-support/sim-client.js';
import { ModelValidator } from './model-validator.js';
import { OPERATIONS } from './operations.js';

/**
 * The contract in both directions, one row per served operation: a request that Amazon's model
 * accepts gets an answer that validates against the model's response schema, and a request that
 * breaks the model is refused with 400 InvalidInput in the model's error shape. A row is required for
 * every operation in OPERATIONS, so a new operation cannot be served without its contract test.
 */

interface Fixture {
  t: TestSim;
  orderId: string;
  asin: string;
  documentId: string;
  feedId: string;
  queuedFeedId: string;
}

interface Row {
  operationId: string;
  good: (f: Fixture) => Promise<Answer>;
  goodStatus: number;
  /** A request that breaks Amazon's model for this operation (type, enum, bound or required field). */
  bad: (f: Fixture) => Promise<Answer>;
  /** 400 InvalidInput unless the model leaves nothing to break (see getFeed). */
  badStatus?: number;
  /** The parameter or field the refusal must name. */
  badNames: RegExp;
}

const SEARCH = '/orders/2026-01-01/orders';
const FEEDS = '/feeds/2021-06-30';

const ROWS: Row[] = [
  {
    operationId: 'searchOrders',
    good: ({ t }) => t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&includedData=FULFILLMENT,PACKAGES`),
    goodStatus: 200,
    bad: ({ t }) => t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&fulfillmentStatuses=SENT`),
    badNames: /fulfillmentStatuses/,
  },
  {
    operationId: 'getOrder',
    good: ({ t, orderId }) => t.get(`${SEARCH}/${orderId}?includedData=FULFILLMENT,PACKAGES`),
    goodStatus: 200,
    bad: ({ t, orderId }) => t.get(`${SEARCH}/${orderId}?includedData=EVERYTHING`),
    badNames: /includedData/,
  },
  {
    operationId: 'confirmShipment',
    good: ({ t }) => {
      const order = unshippedOrder(t.seeded, 1);
      return t.confirm(order.orderId, fullPackage(order));
    },
    goodStatus: 204,
    bad: ({ t }) => {
      const order = unshippedOrder(t.seeded, 2);
      return t.confirm(order.orderId, fullPackage(order, { packageReferenceId: 1 }));
    },
    badNames: /packageReferenceId/,
  },
  {
    operationId: 'getCatalogItem',
    good: ({ t, asin }) =>
      t.get(`/catalog/2022-04-01/items/${asin}?marketplaceIds=${UK}&includedData=classifications,summaries`),
    goodStatus: 200,
    bad: ({ t, asin }) => t.get(`/catalog/2022-04-01/items/${asin}?includedData=classifications`),
    badNames: /marketplaceIds/,
  },
  {
    operationId: 'createFeedDocument',
    good: ({ t }) => t.post(`${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' }),
    goodStatus: 201,
    bad: ({ t }) => t.post(`${FEEDS}/documents`, { contentType: 42 }),
    badNames: /contentType/,
  },
  {
    operationId: 'getFeedDocument',
    good: ({ t, documentId }) => t.get(`${FEEDS}/documents/${encodeURIComponent(documentId)}`),
    goodStatus: 200,
    bad: ({ t, documentId }) =>
      t.get(`${FEEDS}/documents/${encodeURIComponent(documentId)}?enableContentEncodingUrlHeader=maybe`),
    badNames: /enableContentEncodingUrlHeader/,
  },
  {
    operationId: 'createFeed',
    good: ({ t, documentId }) =>
      t.post(`${FEEDS}/feeds`, {
        feedType: 'POST_ORDER_FULFILLMENT_DATA',
        marketplaceIds: [UK],
        inputFeedDocumentId: documentId,
      }),
    goodStatus: 202,
    bad: ({ t }) =>
      t.post(`${FEEDS}/feeds`, { feedType: 'POST_ORDER_FULFILLMENT_DATA', marketplaceIds: [UK] }),
    badNames: /inputFeedDocumentId/,
  },
  {
    operationId: 'getFeeds',
    good: ({ t }) => t.get(`${FEEDS}/feeds?feedTypes=POST_ORDER_FULFILLMENT_DATA&pageSize=5`),
    goodStatus: 200,
    bad: ({ t }) => t.get(`${FEEDS}/feeds?feedTypes=POST_ORDER_FULFILLMENT_DATA&pageSize=101`),
    badNames: /pageSize/,
  },
  {
    operationId: 'getFeed',
    good: ({ t, feedId }) => t.get(`${FEEDS}/feeds/${feedId}`),
    goodStatus: 200,
    // getFeed's only input is feedId, which the model allows to be any string, so no request can
    // break its model; the refusal of a wrong request is 404 NotFound in the model's error shape.
    bad: ({ t }) => t.get(`${FEEDS}/feeds/no-such-feed`),
    badStatus: 404,
    badNames: /no-such-feed/,
  },
  {
    operationId: 'cancelFeed',
    good: ({ t, queuedFeedId }) => t.request('DELETE', `${FEEDS}/feeds/${queuedFeedId}`),
    goodStatus: 200,
    // The model accepts any feedId; cancelling a feed that is no longer IN_QUEUE is the refusal.
    bad: ({ t, queuedFeedId }) => t.request('DELETE', `${FEEDS}/feeds/${queuedFeedId}`),
    badNames: /can no longer be cancelled/,
  },
];

describe('every operation, both directions of the contract', () => {
  const validator = new ModelValidator();
  let f: Fixture;

  const expectModelValid = (operationId: string, answer: Answer): void => {
    const check = validator.checkResponse(operationId, answer.status, answer.body);
    expect(check, `${operationId} ${answer.status}: ${JSON.stringify(check)} ${answer.text}`).toMatchObject({
      ok: true,
    });
  };

  beforeAll(async () => {
    const t = await startTestSim({ rateLimits: false }, 10);
    const created = (await t.post(`${FEEDS}/documents`, { contentType: 'text/xml' })).body as {
      feedDocumentId: string;
      url: string;
    };
    const put = await fetch(created.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/xml' },
      body: '<AmazonEnvelope/>',
    });
    expect(put.status).toBe(200);
    const submit = async (): Promise<string> => {
      const answer = await t.post(`${FEEDS}/feeds`, {
        feedType: 'POST_ORDER_FULFILLMENT_DATA',
        marketplaceIds: [UK],
        inputFeedDocumentId: created.feedDocumentId,
      });
      return (answer.body as { feedId: string }).feedId;
    };
    f = {
      t,
      orderId: unshippedOrder(t.seeded, 0).orderId,
      asin: t.seeded.catalog[0]?.asin ?? '',
      documentId: created.feedDocumentId,
      feedId: await submit(),
      queuedFeedId: await submit(),
    };
  });
  afterAll(() => f.t.close());

  it('has a row for every served operation', () => {
    expect(ROWS.map((r) => r.operationId).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it.each(ROWS)('$operationId: a good request gets $goodStatus and the answer validates', async (row) => {
    const answer = await row.good(f);
    expect(answer.status, answer.text).toBe(row.goodStatus);
    expectModelValid(row.operationId, answer);
  });

  it.each(ROWS)(
    '$operationId: a request that breaks the model is refused in the model’s error shape',
    async (row) => {
      // cancelFeed's refusal needs the feed cancelled first; its good request does that.
      if (row.operationId === 'cancelFeed') await row.good(f);
      const answer = await row.bad(f);
      const status = row.badStatus ?? 400;
      expect(answer.status, answer.text).toBe(status);
      expectModelValid(row.operationId, answer);
      const [error] = (answer.body as { errors: Array<{ code: string; message: string; details?: string }> })
        .errors;
      expect(error?.code).toBe(status === 400 ? 'InvalidInput' : 'NotFound');
      expect(`${error?.message} ${error?.details}`).toMatch(row.badNames);
    },
  );

  /** The operation's route with every path parameter filled in (the checks below stop before it is read). */
  const route = (operationId: string): { method: string; path: string } => {
    const spec = OPERATIONS.find((o) => o.operationId === operationId);
    if (spec === undefined) throw new Error(`no operation ${operationId}`);
    return { method: spec.method, path: spec.pathTemplate.replace(/\{[^}]+\}/g, 'x') };
  };

  it.each(ROWS)('$operationId: 403 for a missing access token validates', async (row) => {
    const { method, path } = route(row.operationId);
    const answer = await f.t.request(method, path, { headers: { 'x-amz-access-token': '' } });
    expect(answer.status).toBe(403);
    expectModelValid(row.operationId, answer);
  });

  it.each(ROWS)('$operationId: injected 429, 500 and 503 answers validate', async (row) => {
    const { method, path } = route(row.operationId);
    for (const status of [429, 500, 503]) {
      f.t.sim.world.setFault(row.operationId, { kind: 'status', status, count: 1 });
      const answer = await f.t.request(method, path);
      expect(answer.status).toBe(status);
      expectModelValid(row.operationId, answer);
    }
  });
});
