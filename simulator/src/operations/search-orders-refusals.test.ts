import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../../test-support/sim-client.js';

/**
 * searchOrders refusals not covered in search-orders.test.ts: filter values outside the model's
 * enums and a paginationToken older than its 24-hour lifetime.
 */
const SEARCH = '/orders/2026-01-01/orders';
const firstError = (body: unknown): { code: string; message: string; details?: string } =>
  (body as { errors: Array<{ code: string; message: string; details?: string }> }).errors[0] ?? {
    code: '',
    message: '',
  };

describe('searchOrders refusals', () => {
  let t: TestSim;

  beforeAll(async () => {
    // A long-lived access token, so a day of simulated time only ages the pagination token.
    t = await startTestSim({ rateLimits: false, accessTokenTtlSeconds: 10 * 86_400 }, 12);
  });
  afterAll(() => t.close());

  it.each([
    ['fulfilledBy', 'fulfilledBy=SELLER'],
    ['includedData', 'includedData=FULFILLMENT,EVERYTHING'],
    ['fulfillmentStatuses', 'fulfillmentStatuses=shipped'],
  ])('refuses a %s value outside the model’s enum', async (name, filter) => {
    const answer = await t.get(`${SEARCH}?createdAfter=2026-01-01T00:00:00Z&${filter}`);
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).code).toBe('InvalidInput');
    expect(firstError(answer.body).message).toContain(name);
  });

  it('refuses a createdAfter in the future', async () => {
    const answer = await t.get(`${SEARCH}?createdAfter=2026-03-03T00:00:00Z`);
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/future/);
  });

  it('refuses a paginationToken after 24 hours, and accepts it just before', async () => {
    const query = `${SEARCH}?createdAfter=2026-01-01T00:00:00Z&maxResultsPerPage=1`;
    const first = (await t.get(query)).body as { pagination?: { nextToken: string } };
    const token = encodeURIComponent(first.pagination?.nextToken ?? '');
    t.sim.world.clock.advance(24 * 3_600_000);
    expect((await t.get(`${query}&paginationToken=${token}`)).status).toBe(200);
    t.sim.world.clock.advance(1_000);
    const expired = await t.get(`${query}&paginationToken=${token}`);
    expect(expired.status).toBe(400);
    expect(firstError(expired.body).message).toMatch(/expired/);
    t.sim.world.clock.advance(-(24 * 3_600_000 + 1_000));
  });
});
