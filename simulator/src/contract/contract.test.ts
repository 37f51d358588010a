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

/** Every answer of the simulator must validate against the response schema of Amazon's model. */
describe('responses validate against Amazon’s models', () => {
  let t: TestSim;
  const validator = new ModelValidator();
  const expectValid = (operationId: string, answer: Answer, status: number): void => {
    expect(answer.status).toBe(status);
    const check = validator.checkResponse(operationId, answer.status, answer.body);
    expect(check, JSON.stringify(check)).toMatchObject({ ok: true });
  };

  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 30);
    // Some packages so PACKAGES has content to validate.
    for (let i = 0; i < 5; i++) {
      const order = unshippedOrder(t.seeded, i);
      await t.confirm(order.orderId, fullPackage(order));
    }
  });
  afterAll(() => t.close());

  it('searchOrders: 200 with every dataset, 400, 403', async () => {
    expectValid(
      'searchOrders',
      await t.get(
        '/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z&includedData=FULFILLMENT,RECIPIENT,PACKAGES,BUYER',
      ),
      200,
    );
    expectValid(
      'searchOrders',
      await t.get('/orders/2026-01-01/orders?lastUpdatedAfter=2026-01-01T00:00:00Z&maxResultsPerPage=2'),
      200,
    );
    expectValid('searchOrders', await t.get('/orders/2026-01-01/orders'), 400);
    expectValid(
      'searchOrders',
      await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z', {
        'x-amz-access-token': 'bad',
      }),
      403,
    );
  });

  it('getOrder: 200 with every dataset, 404, 400', async () => {
    const orderId = unshippedOrder(t.seeded, 0).orderId;
    expectValid(
      'getOrder',
      await t.get(`/orders/2026-01-01/orders/${orderId}?includedData=FULFILLMENT,RECIPIENT,PACKAGES`),
      200,
    );
    expectValid('getOrder', await t.get(`/orders/2026-01-01/orders/${orderId}`), 200);
    expectValid('getOrder', await t.get('/orders/2026-01-01/orders/000-0000000-0000000'), 404);
    expectValid('getOrder', await t.get(`/orders/2026-01-01/orders/${orderId}?includedData=EVERYTHING`), 400);
  });

  it('confirmShipment: 204, 400, 404, 403, 429, 500, 503', async () => {
    const order = unshippedOrder(t.seeded, 6);
    expectValid('confirmShipment', await t.confirm(order.orderId, fullPackage(order)), 204);
    expectValid(
      'confirmShipment',
      await t.confirm(order.orderId, fullPackage(order, { carrierCode: 'nope' })),
      400,
    );
    expectValid('confirmShipment', await t.confirm('000-0000000-0000000', fullPackage(order)), 404);
    expectValid(
      'confirmShipment',
      await t.post(
        `/orders/v0/orders/${order.orderId}/shipmentConfirmation`,
        {},
        { 'x-amz-access-token': 'bad' },
      ),
      403,
    );
    for (const status of [429, 500, 503]) {
      t.sim.world.setFault('confirmShipment', { kind: 'status', status, count: 1 });
      expectValid('confirmShipment', await t.confirm(order.orderId, fullPackage(order)), status);
    }
  });

  it('getCatalogItem: 200 with classifications and summaries, 404, 400', async () => {
    const asin = t.seeded.catalog[0]?.asin ?? '';
    const answer = await t.get(
      `/catalog/2022-04-01/items/${asin}?marketplaceIds=${UK}&includedData=classifications,summaries`,
    );
    expectValid('getCatalogItem', answer, 200);
    expect(answer.body).toMatchObject({
      asin,
      classifications: [
        { marketplaceId: UK, classifications: [{ parent: { displayName: t.seeded.catalog[0]?.category } }] },
      ],
      summaries: [
        {
          marketplaceId: UK,
          websiteDisplayGroupName: expect.any(String),
          itemName: t.seeded.catalog[0]?.title,
        },
      ],
    });
    expectValid('getCatalogItem', await t.get(`/catalog/2022-04-01/items/${asin}?marketplaceIds=${UK}`), 200);
    expectValid(
      'getCatalogItem',
      await t.get(`/catalog/2022-04-01/items/B000000000?marketplaceIds=${UK}`),
      404,
    );
    expectValid('getCatalogItem', await t.get(`/catalog/2022-04-01/items/${asin}`), 400);
    expectValid(
      'getCatalogItem',
      await t.get(`/catalog/2022-04-01/items/${asin}?marketplaceIds=${UK}&includedData=bogus`),
      400,
    );
  });

  it('the in-process getOrder view validates as an Order', () => {
    const validate = validator.definition('orders_2026-01-01.json', 'Order');
    for (const order of t.seeded.orders) {
      expect(validate(t.sim.world.getOrder(order.orderId)), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
