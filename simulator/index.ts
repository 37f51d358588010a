import type { SimCredentials } from './src/auth/access-tokens.js';
import { AccessTokens } from './src/auth/access-tokens.js';
import { createSimClock } from './src/clock.js';
import { ModelValidator } from './src/contract/model-validator.js';
import { PresignedUrls } from './src/feeds/presigned-url.js';
import { PaginationTokens } from './src/operations/pagination-token.js';
import { RateLimiter } from './src/rate-limit/rate-limiter.js';
import type { RunningSimulator, SimulatorOptions } from './src/running-simulator.js';
import { buildServer } from './src/server.js';
import { SimWorld } from './src/world/world.js';

export type { SimCredentials } from './src/auth/access-tokens.js';
export { formatBanner } from './src/banner.js';
export { ModelValidator } from './src/contract/model-validator.js';
export { OPERATIONS } from './src/contract/operations.js';
export type { RunningSimulator, SimulatorOptions } from './src/running-simulator.js';
export type { Fault } from './src/world/faults.js';
export type { LoggedRequest } from './src/world/request-log.js';
export type { SeedOrdersOptions, SeedResult } from './src/world/world.js';
export { SimWorld } from './src/world/world.js';

/** The credentials a simulator accepts unless told otherwise: one UK seller. */
export const DEFAULT_SIM_CREDENTIALS: SimCredentials = {
  clientId: 'amzn1.application-oa2-client.shipconfirm-sim',
  clientSecret: 'sim-client-secret',
  refreshToken: 'Atzr|shipconfirm-sim-refresh-token',
  sellerId: 'A2SIMSELLERUK1',
  marketplaceIds: ['A1F83G8C2ARO7P'],
};

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Starts an Amazon simulator on a loopback port (a free one by default). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const credentials = options.credentials ?? [DEFAULT_SIM_CREDENTIALS];
  const first = credentials[0];
  if (first === undefined) throw new RangeError('credentials must hold at least one set');
  const speedFactor = options.speedFactor ?? 1;
  if (!(speedFactor > 0)) throw new RangeError('speedFactor must be more than 0');
  const clock = createSimClock({
    ...(options.startTime === undefined ? {} : { startTime: options.startTime }),
    frozen: options.freezeClock ?? false,
    speedFactor,
  });
  const world = new SimWorld(clock);
  world.feedSettings = {
    ...world.feedSettings,
    ...(options.feeds?.queueSeconds === undefined ? {} : { queueMs: options.feeds.queueSeconds * 1000 }),
    ...(options.feeds?.processingSeconds === undefined
      ? {}
      : { processingMs: options.feeds.processingSeconds * 1000 }),
    ...(options.feeds?.gzipReports === undefined ? {} : { gzipReports: options.feeds.gzipReports }),
  };
  world.carrierSettings = { ...world.carrierSettings, ...definedOnly(options.carriers ?? {}) };
  const context = {
    world,
    tokens: new AccessTokens(clock, options.accessTokenTtlSeconds ?? 3600),
    credentials,
    limiter: new RateLimiter(clock, options.rateLimits ?? true),
    validator: new ModelValidator(),
    pagination: new PaginationTokens(),
    searchLagMs: (options.searchLagSeconds ?? 120) * 1000,
    rateScale: speedFactor,
    urls: new PresignedUrls(),
    baseUrl: '',
  };
  const app = buildServer(context);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${urlHost}:${port}`;
  context.baseUrl = baseUrl;
  return {
    baseUrl,
    tokenUrl: `${baseUrl}/auth/o2/token`,
    adminUrl: `${baseUrl}/_sim`,
    credentials: first,
    allCredentials: [...credentials],
    world,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
