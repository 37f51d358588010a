import type { SimCredentials } from './auth/access-tokens.js';
import type { SimWorld } from './world/world.js';

/** Options of `startSimulator`. */
export interface SimulatorOptions {
  /** TCP port; default 0 = a free port. */
  port?: number;
  /** Interface to listen on; default '127.0.0.1'. */
  host?: string;
  /** Simulated clock start; default the real now. */
  startTime?: Date;
  /** When true, simulated time moves only through world.clock.set/advance. Default false. */
  freezeClock?: boolean;
  /**
   * Simulated ms per real ms; also scales token-bucket refill and the rate announced in
   * `x-amzn-RateLimit-Limit` (Amazon's rate x this, the rate a real-time client sees). Default 1.
   */
  speedFactor?: number;
  /** Amazon's usage plans (429 QuotaExceeded); default true. */
  rateLimits?: boolean;
  /** Credentials the LWA endpoint accepts; default [DEFAULT_SIM_CREDENTIALS]. */
  credentials?: SimCredentials[];
  /** Access token lifetime in simulated seconds; default 3600. */
  accessTokenTtlSeconds?: number;
  /**
   * searchOrders only returns orders up to this many simulated seconds before now, as Amazon does
   * (its `lastUpdatedBefore` must be at least two minutes old); default 120.
   */
  searchLagSeconds?: number;
  /** Feed processing, on the simulated clock. */
  feeds?: {
    /** Seconds a feed stays IN_QUEUE; default 30. */
    queueSeconds?: number;
    /** Seconds a feed stays IN_PROGRESS before DONE or FATAL; default 90. */
    processingSeconds?: number;
    /** GZIP-compress processing reports; default false. */
    gzipReports?: boolean;
  };
  /** Fates of handed-over parcels, probabilities 0..1 (defaults: lost 0.01, never handed over 0.01, late 0.05). */
  carriers?: { lostRate?: number; neverHandedOverRate?: number; lateRate?: number };
}

/** A simulator that is listening. */
export interface RunningSimulator {
  /** SP-API endpoint, e.g. http://127.0.0.1:PORT */
  baseUrl: string;
  /** LWA token URL, `${baseUrl}/auth/o2/token`. */
  tokenUrl: string;
  /** Admin API, `${baseUrl}/_sim`. */
  adminUrl: string;
  /** The first (default) credentials. */
  credentials: SimCredentials;
  /** Every credential set accepted (the first is `credentials`). */
  allCredentials: SimCredentials[];
  world: SimWorld;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}
