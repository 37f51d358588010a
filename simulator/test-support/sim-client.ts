import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../index.js';
import type { SeedResult } from '../src/world/world.js';

/** Fixed simulated start so dates in tests are predictable. */
export const TEST_START = new Date('2026-03-02T12:00:00Z');
export const UK = 'A1F83G8C2ARO7P';

/** An HTTP answer with its JSON body parsed (undefined when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A simulator plus a logged-in HTTP client for tests (real server, real fetch). */
export interface TestSim {
  sim: RunningSimulator;
  accessToken: string;
  seeded: SeedResult;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  request(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** POSTs a confirmShipment for the order with the given package detail. */
  confirm(orderId: string, packageDetail: Record<string, unknown>, marketplaceId?: string): Promise<Answer>;
  close(): Promise<void>;
}

export async function toAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function fetchToken(sim: RunningSimulator, fields: Record<string, string>): Promise<Answer> {
  return toAnswer(
    await fetch(sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

export async function login(sim: RunningSimulator, credentials = sim.credentials): Promise<string> {
  const answer = await fetchToken(sim, {
    grant_type: 'refresh_token',
    refresh_token: credentials.refreshToken,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  const token = (answer.body as { access_token?: string }).access_token;
  if (answer.status !== 200 || token === undefined) throw new Error(`login failed: ${answer.text}`);
  return token;
}

/** Starts a frozen-clock simulator, seeds `seedCount` UK orders and logs in. */
export async function startTestSim(options: SimulatorOptions = {}, seedCount = 20): Promise<TestSim> {
  const sim = await startSimulator({ startTime: TEST_START, freezeClock: true, ...options });
  const seeded = sim.world.seedOrders({
    sellerId: sim.credentials.sellerId,
    marketplaceId: UK,
    count: seedCount,
    spreadDays: 10,
    seed: 42,
  });
  const accessToken = await login(sim);
  const request = async (
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> =>
    toAnswer(
      await fetch(`${sim.baseUrl}${path}`, {
        method,
        headers: { 'x-amz-access-token': accessToken, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
    );
  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
    request('POST', path, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  return {
    sim,
    accessToken,
    seeded,
    get: (path, headers = {}) => request('GET', path, { headers }),
    post,
    request,
    confirm: (orderId, packageDetail, marketplaceId = UK) =>
      post(`/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`, {
        marketplaceId,
        packageDetail,
      }),
    close: () => sim.close(),
  };
}

/** The first seeded order that can be shipped, with a full-package detail for it. */
export function unshippedOrder(seeded: SeedResult, index = 0): SeedResult['orders'][number] {
  const order = seeded.orders.filter((o) => o.status === 'UNSHIPPED')[index];
  if (order === undefined) throw new Error('no unshipped order seeded');
  return order;
}

/** A valid Royal Mail 24 package (parcel ID) for every unit of the order, shipped a minute before the test start. */
export function fullPackage(
  order: SeedResult['orders'][number],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    packageReferenceId: '1',
    carrierCode: 'Royal Mail',
    shippingMethod: 'Royal Mail 24',
    trackingNumber: '320019254000221BB4EFC',
    shipDate: new Date(TEST_START.getTime() - 60_000).toISOString().replace('.000Z', 'Z'),
    orderItems: order.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    ...overrides,
  };
}
