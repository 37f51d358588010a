import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullPackage,
  login,
  startTestSim,
  type TestSim,
  UK,
  unshippedOrder,
} from '../../test-support/sim-client.js';

interface Page {
  orders: Array<Record<string, unknown> & { orderId: string; lastUpdatedTime: string }>;
  pagination?: { nextToken: string };
  lastUpdatedBefore: string;
  createdBefore?: string;
}

const SEARCH = '/orders/2026-01-01/orders';
const errorMessage = (body: unknown): string =>
  (body as { errors: Array<{ message: string }> }).errors[0]?.message ?? '';

describe('searchOrders and getOrder', () => {
  let t: TestSim;

  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 45);
  });
  afterAll(() => t.close());

  async function allPages(query: string): Promise<Page['orders']> {
    const out: Page['orders'] = [];
    let token: string | undefined;
    do {
      const suffix = token === undefined ? '' : `&paginationToken=${encodeURIComponent(token)}`;
      const answer = await t.get(`${SEARCH}?${query}${suffix}`);
      expect(answer.status).toBe(200);
      const page = answer.body as Page;
      out.push(...page.orders);
      token = page.pagination?.nextToken;
    } while (token !== undefined);
    return out;
  }

  it('pages through every order exactly once with nextToken', async () => {
    const orders = await allPages('createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=7');
    expect(orders).toHaveLength(45);
    expect(new Set(orders.map((o) => o.orderId)).size).toBe(45);
  });

  it('requires exactly one of createdAfter and lastUpdatedAfter', async () => {
    const neither = await t.get(`${SEARCH}?marketplaceIds=${UK}`);
    expect(neither.status).toBe(400);
    expect(errorMessage(neither.body)).toMatch(/Exactly one of createdAfter and lastUpdatedAfter/);
    const both = await t.get(
      `${SEARCH}?createdAfter=2026-01-01T00:00:00Z&lastUpdatedAfter=2026-01-01T00:00:00Z`,
    );
    expect(both.status).toBe(400);
  });

  it.each(['0', '101', 'ten'])('refuses maxResultsPerPage=%s', async (value) => {
    const answer = await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=${value}`);
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('InvalidInput');
  });

  it('refuses a malformed date and an unknown enum value', async () => {
    expect((await t.get(`${SEARCH}?createdAfter=yesterday`)).status).toBe(400);
    const answer = await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&fulfillmentStatuses=SENT`);
    expect(answer.status).toBe(400);
    expect(errorMessage(answer.body)).toMatch(/fulfillmentStatuses/);
  });

  it('refuses a forged, altered or foreign paginationToken', async () => {
    const first = (await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=5`))
      .body as Page;
    const token = first.pagination?.nextToken ?? '';
    expect(token).not.toBe('');
    const forged = await t.get(
      `${SEARCH}?createdAfter=2026-01-01T00:00:00Z&paginationToken=${encodeURIComponent(`x${token}`)}`,
    );
    expect(forged.status).toBe(400);
    expect(errorMessage(forged.body)).toMatch(/paginationToken/);
    const otherFilters = await t.get(
      `${SEARCH}?createdAfter=2026-02-01T00:00:00Z&paginationToken=${encodeURIComponent(token)}`,
    );
    expect(otherFilters.status).toBe(400);
    // maxResultsPerPage and includedData may change between pages.
    const ok = await t.get(
      `${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=3&includedData=PACKAGES&paginationToken=${encodeURIComponent(token)}`,
    );
    expect(ok.status).toBe(200);
  });

  it('includes fulfillment, recipient and packages only when asked', async () => {
    const bare = (await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=1`))
      .body as Page;
    const order = bare.orders[0];
    expect(order).toBeDefined();
    expect(order).not.toHaveProperty('fulfillment');
    expect(order).not.toHaveProperty('recipient');
    expect(order).not.toHaveProperty('packages');
    const full = (
      await t.get(
        `${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=1&includedData=FULFILLMENT,RECIPIENT,PACKAGES`,
      )
    ).body as Page;
    expect(full.orders[0]).toMatchObject({
      fulfillment: {
        fulfilledBy: 'MERCHANT',
        shipByWindow: { latestDateTime: expect.any(String) },
        deliverByWindow: { latestDateTime: expect.any(String) },
      },
      recipient: { deliveryAddress: { countryCode: expect.stringMatching(/^[A-Z]{2}$/) } },
      packages: [],
    });
  });

  it('filters by fulfillmentStatuses and fulfilledBy', async () => {
    const cancelled = await allPages(
      'createdAfter=2026-01-01T00:00:00Z&fulfillmentStatuses=CANCELLED&includedData=FULFILLMENT',
    );
    const expected = t.seeded.orders.filter((o) => o.status === 'CANCELLED').length;
    expect(cancelled).toHaveLength(expected);
    const afn = await allPages('createdAfter=2026-01-01T00:00:00Z&fulfilledBy=AMAZON');
    expect(afn).toHaveLength(0);
  });

  it('refuses a marketplace the seller does not sell in', async () => {
    const answer = await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&marketplaceIds=ATVPDKIKX0DER`);
    expect(answer.status).toBe(400);
  });

  it('returns lastUpdatedBefore two minutes behind now, and a confirmed order shows up on resume once that passes', async () => {
    const since = '2026-01-01T00:00:00Z';
    const first = (await t.get(`${SEARCH}?lastUpdatedAfter=${since}&maxResultsPerPage=100`)).body as Page;
    expect(first.lastUpdatedBefore).toBe('2026-03-02T11:58:00Z');
    const order = unshippedOrder(t.seeded, 3);
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const tooSoon = (
      await t.get(`${SEARCH}?lastUpdatedAfter=${first.lastUpdatedBefore}&includedData=PACKAGES`)
    ).body as Page;
    expect(tooSoon.orders.map((o) => o.orderId)).not.toContain(order.orderId);
    t.sim.world.clock.advance(3 * 60_000);
    const resumed = (
      await t.get(`${SEARCH}?lastUpdatedAfter=${first.lastUpdatedBefore}&includedData=PACKAGES`)
    ).body as Page;
    const found = resumed.orders.find((o) => o.orderId === order.orderId);
    expect(found?.packages).toEqual([expect.objectContaining({ trackingNumber: '320019254000221BB4EFC' })]);
    t.sim.world.clock.advance(-3 * 60_000);
  });

  it('refuses lastUpdatedBefore closer than two minutes to now and createdBefore with lastUpdatedAfter', async () => {
    const tooRecent = await t.get(
      `${SEARCH}?lastUpdatedAfter=2026-01-01T00:00:00Z&lastUpdatedBefore=2026-03-02T11:59:30Z`,
    );
    expect(tooRecent.status).toBe(400);
    const mixed = await t.get(
      `${SEARCH}?lastUpdatedAfter=2026-01-01T00:00:00Z&createdBefore=2026-03-01T00:00:00Z`,
    );
    expect(mixed.status).toBe(400);
  });

  it('shows a seller only its own orders', async () => {
    const sim = t.sim;
    sim.world.seedOrders({ sellerId: 'A2SECONDSELLER', marketplaceId: UK, count: 3, spreadDays: 2, seed: 5 });
    const orders = await allPages('createdAfter=2026-01-01T00:00:00Z');
    const foreign = new Set(sim.world.ordersOf('A2SECONDSELLER').map((o) => o.orderId));
    expect(orders.some((o) => foreign.has(o.orderId))).toBe(false);
    const [someForeign] = foreign;
    expect((await t.get(`/orders/2026-01-01/orders/${someForeign}`)).status).toBe(404);
  });

  it('getOrder returns one order with the datasets asked for, 404 for an unknown one', async () => {
    const order = unshippedOrder(t.seeded, 0);
    const answer = await t.get(`/orders/2026-01-01/orders/${order.orderId}?includedData=FULFILLMENT`);
    expect(answer.status).toBe(200);
    const body = answer.body as { order: Record<string, unknown> };
    expect(body.order.orderId).toBe(order.orderId);
    expect(body.order).toHaveProperty('fulfillment');
    expect(body.order).not.toHaveProperty('packages');
    expect(answer.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    const missing = await t.get('/orders/2026-01-01/orders/999-9999999-9999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
  });

  it('order items carry product, quantities and item fulfillment; Prime orders carry PRIME', async () => {
    const orders = await allPages('createdAfter=2026-01-01T00:00:00Z&includedData=FULFILLMENT');
    const item = ((orders[0]?.orderItems ?? []) as Array<Record<string, unknown>>)[0];
    expect(item).toMatchObject({
      orderItemId: expect.stringMatching(/^\d{14}$/),
      quantityOrdered: expect.any(Number),
      product: {
        asin: expect.stringMatching(/^B0[0-9A-Z]{8}$/),
        sellerSku: expect.any(String),
        title: expect.any(String),
      },
      fulfillment: { quantityFulfilled: expect.any(Number), quantityUnfulfilled: expect.any(Number) },
    });
    const seededPrime = t.sim.world
      .ordersOf(t.sim.credentials.sellerId)
      .filter((o) => o.prime)
      .map((o) => o.orderId);
    for (const o of orders)
      expect((o.programs as string[]).includes('PRIME')).toBe(seededPrime.includes(o.orderId));
  });

  it('a second login for the same seller sees the same orders', async () => {
    const token = await login(t.sim);
    const answer = await fetch(
      `${t.sim.baseUrl}${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=1`,
      {
        headers: { 'x-amz-access-token': token },
      },
    );
    expect(answer.status).toBe(200);
  });
});
