import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../index.js';
import { type Answer, fullPackage, login, TEST_START, toAnswer } from '../test-support/sim-client.js';

describe('admin API under /_sim', () => {
  let sim: RunningSimulator;
  const admin = async (method: string, path: string, body?: unknown): Promise<Answer> =>
    toAnswer(
      await fetch(`${sim.adminUrl}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    );

  beforeAll(async () => {
    sim = await startSimulator({ startTime: TEST_START, freezeClock: true });
  });
  afterAll(() => sim.close());

  it('reads, sets and advances the clock', async () => {
    expect((await admin('GET', '/clock')).body).toEqual({ now: '2026-03-02T12:00:00.000Z' });
    expect((await admin('POST', '/clock', { advanceMs: 60_000 })).body).toEqual({
      now: '2026-03-02T12:01:00.000Z',
    });
    expect((await admin('POST', '/clock', { set: '2026-03-02T12:00:00Z' })).body).toEqual({
      now: '2026-03-02T12:00:00.000Z',
    });
    expect((await admin('POST', '/clock', { set: 'soon' })).status).toBe(400);
  });

  it('seeds orders (defaults to the default seller and its first marketplace) and serves one back', async () => {
    const seeded = await admin('POST', '/seed', { count: 5, seed: 3, spreadDays: 2 });
    expect(seeded.status).toBe(200);
    const body = seeded.body as { orders: Array<{ orderId: string }>; catalog: unknown[] };
    expect(body.orders).toHaveLength(5);
    const orderId = body.orders[0]?.orderId ?? '';
    const order = await admin('GET', `/orders/${orderId}`);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      order: { orderId, salesChannel: { marketplaceId: 'A1F83G8C2ARO7P' } },
    });
    expect((await admin('GET', '/orders/nope')).status).toBe(404);
    expect((await admin('POST', '/seed', { marketplaceId: 'XX' })).status).toBe(400);
    expect((await admin('POST', '/seed', '[1]')).status).toBe(400);
  });

  it('injects, lists and clears faults', async () => {
    expect((await admin('POST', '/faults', { operation: 'getOrder', fault: { kind: 'nope' } })).status).toBe(
      400,
    );
    const set = await admin('POST', '/faults', {
      operation: 'getOrder',
      fault: { kind: 'status', status: 500, count: 1 },
    });
    expect(set.status).toBe(200);
    expect((await admin('GET', '/faults')).body).toEqual({
      faults: [{ operation: 'getOrder', fault: { kind: 'status', status: 500, count: 1 }, remaining: 1 }],
    });
    const token = await login(sim);
    const failing = await fetch(`${sim.baseUrl}/orders/2026-01-01/orders/x`, {
      headers: { 'x-amz-access-token': token },
    });
    expect(failing.status).toBe(500);
    await admin('POST', '/faults', { operation: 'getOrder', fault: { kind: 'status', status: 500 } });
    expect((await admin('DELETE', '/faults')).status).toBe(204);
    expect((await admin('GET', '/faults')).body).toEqual({ faults: [] });
  });

  it('lists the SP-API and LWA requests received, not its own', async () => {
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: 'A1F83G8C2ARO7P',
      count: 1,
      spreadDays: 1,
      seed: 8,
    });
    const order = seeded.orders[0];
    if (order === undefined) throw new Error('not seeded');
    const token = await login(sim);
    await fetch(`${sim.baseUrl}/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      method: 'POST',
      headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ marketplaceId: 'A1F83G8C2ARO7P', packageDetail: fullPackage(order) }),
    });
    const { requests } = (await admin('GET', '/requests')).body as {
      requests: Array<Record<string, unknown>>;
    };
    expect(requests.at(-1)).toEqual({
      at: '2026-03-02T12:00:00.000Z',
      method: 'POST',
      path: `/orders/v0/orders/${order.orderId}/shipmentConfirmation`,
      operation: 'confirmShipment',
      status: order.status === 'CANCELLED' ? 400 : 204,
    });
    expect(requests.some((r) => r.operation === 'lwaToken')).toBe(true);
    expect(requests.some((r) => String(r.path).startsWith('/_sim'))).toBe(false);
  });
});
