import type { AccessTokens, SimCredentials } from './auth/access-tokens.js';
import type { ModelValidator } from './contract/model-validator.js';
import type { PresignedUrls } from './feeds/presigned-url.js';
import type { PaginationTokens } from './operations/pagination-token.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { SimWorld } from './world/world.js';

/** The state one running simulator shares between its routes. */
export interface ServerContext {
  world: SimWorld;
  tokens: AccessTokens;
  /** Every credential set the LWA endpoint accepts; the first is the default. */
  credentials: readonly SimCredentials[];
  limiter: RateLimiter;
  validator: ModelValidator;
  pagination: PaginationTokens;
  /** How far searchOrders' results trail the simulated now, in ms. */
  searchLagMs: number;
  /**
   * Simulated seconds per real second. `x-amzn-RateLimit-Limit` announces the rate a client
   * sees in real time (Amazon's rate x this), so a client that adopts the header paces right.
   */
  rateScale: number;
  urls: PresignedUrls;
  /** Set once the server listens: the URL clients reach it at. */
  baseUrl: string;
}
