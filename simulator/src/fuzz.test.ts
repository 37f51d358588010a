import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../test-support/sim-client.js';
import { Prng } from './world/prng.js';

const PATHS = [
  '/orders/2026-01-01/orders',
  '/orders/2026-01-01/orders/{id}',
  '/orders/v0/orders/{id}/shipmentConfirmation',
  '/catalog/2022-04-01/items/{id}',
  '/auth/o2/token',
  '/feeds/2021-06-30/documents',
  '/feeds/2021-06-30/documents/{id}',
  '/feeds/2021-06-30/feeds',
  '/feeds/2021-06-30/feeds/{id}',
  '/_documents/{id}',
  '/orders/v0/orders',
  '/%E0%A4%A',
  '/..%2f..%2fetc/passwd',
  '/',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-8',
  '',
];

function randomJson(prng: Prng, depth = 0): unknown {
  const roll = prng.int(0, depth > 2 ? 3 : 6);
  if (roll === 0) return prng.int(-5, 1e6);
  if (roll === 1) return prng.alphanumerics(prng.int(0, 30));
  if (roll === 2) return null;
  if (roll === 3) return prng.chance(0.5);
  if (roll === 4) return Array.from({ length: prng.int(0, 4) }, () => randomJson(prng, depth + 1));
  const keys = [
    'marketplaceId',
    'packageDetail',
    'orderItems',
    'quantity',
    'carrierCode',
    'shipDate',
    'x',
    'packageReferenceId',
  ];
  return Object.fromEntries(
    Array.from({ length: prng.int(0, 5) }, () => [prng.pick(keys), randomJson(prng, depth + 1)]),
  );
}

function randomQuery(prng: Prng): string {
  const names = [
    'createdAfter',
    'lastUpdatedAfter',
    'maxResultsPerPage',
    'includedData',
    'marketplaceIds',
    'paginationToken',
    'fulfillmentStatuses',
    'zz',
  ];
  const values = [
    '2026-01-01T00:00:00Z',
    'x',
    '-1',
    '1000000000000000000000',
    'FULFILLMENT,PACKAGES',
    '%',
    '',
    'A1F83G8C2ARO7P',
  ];
  return Array.from({ length: prng.int(0, 4) }, () => `${prng.pick(names)}=${prng.pick(values)}`).join('&');
}

describe('fuzz: the simulator never crashes and always answers in Amazon’s shape', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 10);
  });
  afterAll(() => t.close());

  it('answers 3000 random requests with a status and, for errors, an errors array', async () => {
    const prng = new Prng(20260302);
    const orderIds = t.seeded.orders.map((o) => o.orderId);
    const failures: string[] = [];
    for (let batch = 0; batch < 60; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const method = prng.pick(METHODS);
          const path = prng
            .pick(PATHS)
            .replace('{id}', prng.chance(0.5) ? prng.pick(orderIds) : prng.alphanumerics(prng.int(1, 12)));
          const query = randomQuery(prng);
          const contentType = prng.pick(CONTENT_TYPES);
          const bodyRoll = prng.int(0, 3);
          const body =
            method === 'GET' || bodyRoll === 0
              ? undefined
              : bodyRoll === 1
                ? `{${prng.alphanumerics(prng.int(0, 40))}`
                : JSON.stringify(randomJson(prng));
          const headers: Record<string, string> = {};
          if (contentType !== '') headers['content-type'] = contentType;
          if (prng.chance(0.1)) headers['x-amz-access-token'] = 'garbage';
          const answer = await t.request(method, `${path}${query === '' ? '' : `?${query}`}`, {
            headers,
            ...(body === undefined ? {} : { body }),
          });
          const isError = answer.status >= 400;
          const shapedOk =
            !isError ||
            (path === '/auth/o2/token' && typeof (answer.body as { error?: unknown })?.error === 'string') ||
            (path.startsWith('/_documents/') && answer.text.includes('<Error>')) ||
            Array.isArray((answer.body as { errors?: unknown })?.errors);
          if (answer.status >= 500 || !shapedOk || answer.headers.get('x-amzn-requestid') === null) {
            failures.push(`${method} ${path}?${query} -> ${answer.status} ${answer.text.slice(0, 200)}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect((await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z')).status).toBe(200);
  });

  it('refuses a body over 1 MiB with 413 and keeps serving', async () => {
    const order = t.seeded.orders[0];
    const answer = await t.request('POST', `/orders/v0/orders/${order?.orderId}/shipmentConfirmation`, {
      body: `{"x":"${'a'.repeat(1_100_000)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ errors: [{ code: expect.any(String) }] });
  });
});
