import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { findMarketplace } from '../../core/marketplace.js';

/**
 * ShipConfirm's settings, parsed once at start from the environment and an optional
 * `shipconfirm.config.json`. This is the only module that reads the environment.
 */
export interface Config {
  /** SQLite file path (`SHIPCONFIRM_DB`), default `./data/shipconfirm.db`. */
  readonly databasePath: string;
  /** Where the settings came from, for `doctor`. */
  readonly configFile: string | null;
  readonly amazon: AmazonConfig;
  /** Seller-defined carriers, aliases and services (see docs/carriers-and-tracking.md). */
  readonly carriers: Record<string, unknown> | null;
  readonly transmit: TransmitConfig;
  readonly service: ServiceConfig;
  /** pino level: `debug`, `info`, `warn`, `error`. Default `info`. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type AmazonConfig =
  | { readonly mode: 'simulator'; readonly marketplaceIds: readonly string[] }
  | {
      readonly mode: 'amazon';
      /** SP-API base URL (`SPAPI_ENDPOINT`). */
      readonly endpoint: string;
      /** Login with Amazon token URL (`LWA_TOKEN_URL`). */
      readonly tokenUrl: string;
      readonly clientId: string;
      /** Secret: never logged or printed. */
      readonly clientSecret: string;
      /** Secret: never logged or printed. */
      readonly refreshToken: string;
      readonly marketplaceIds: readonly string[];
      /** The seller's merchant token (`SHIPCONFIRM_SELLER_ID`). */
      readonly sellerId: string;
    };

export interface TransmitConfig {
  /** Attempts per package before it goes to needs-fix. Default 8. */
  readonly maxAttempts: number;
  /** First retry delay; doubles per attempt with jitter. Default 2000 ms. */
  readonly retryBaseDelayMs: number;
  /** Longest retry delay. Default 300000 ms (5 minutes). */
  readonly retryMaxDelayMs: number;
}

export interface ServiceConfig {
  /** How often `run` pulls orders. Default 180000 ms (searchOrders allows about one call per 180 s). */
  readonly syncIntervalMs: number;
  /** How often `run` looks for packages to send when nothing woke it. Default 1000 ms. */
  readonly transmitIntervalMs: number;
  /** How often `run` checks deadlines. Default 60000 ms. */
  readonly deadlineCheckIntervalMs: number;
  /** Alert when an order still has unshipped units this many minutes before ship-by. Default 60. */
  readonly unshippedWarnMinutes: number;
  /** Alert when a package is not confirmed this many minutes before ship-by. Default 15. */
  readonly unconfirmedWarnMinutes: number;
}

/** A setting is wrong: the message names it and says how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_EU_ENDPOINT = 'https://sellingpartnerapi-eu.amazon.com';
const DEFAULT_NA_ENDPOINT = 'https://sellingpartnerapi-na.amazon.com';
const DEFAULT_FE_ENDPOINT = 'https://sellingpartnerapi-fe.amazon.com';
const DEFAULT_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

const fileSchema = z
  .object({
    database: z.string().min(1).optional(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).optional(),
    amazon: z
      .object({
        endpoint: z.string().optional(),
        tokenUrl: z.string().optional(),
        clientId: z.string().optional(),
        clientSecret: z.string().optional(),
        refreshToken: z.string().optional(),
        marketplaceIds: z.array(z.string()).optional(),
        sellerId: z.string().optional(),
      })
      .strict()
      .optional(),
    carriers: z.record(z.string(), z.unknown()).optional(),
    transmit: z
      .object({
        maxAttempts: z.number().int().min(1).max(100).optional(),
        retryBaseDelayMs: z.number().int().min(10).optional(),
        retryMaxDelayMs: z.number().int().min(100).optional(),
      })
      .strict()
      .optional(),
    service: z
      .object({
        syncIntervalMs: z.number().int().min(1000).optional(),
        transmitIntervalMs: z.number().int().min(50).optional(),
        deadlineCheckIntervalMs: z.number().int().min(1000).optional(),
        unshippedWarnMinutes: z.number().int().min(0).max(10_080).optional(),
        unconfirmedWarnMinutes: z.number().int().min(0).max(10_080).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type FileSettings = z.infer<typeof fileSchema>;

/** Environment variables ShipConfirm reads, with what each is for (for `--help` and docs). */
export const ENVIRONMENT_VARIABLES: Readonly<Record<string, string>> = {
  SHIPCONFIRM_CONFIG: 'path of the JSON settings file (default ./shipconfirm.config.json, if present)',
  SHIPCONFIRM_DB: 'SQLite database file (default ./data/shipconfirm.db)',
  SPAPI_ENDPOINT: 'SP-API base URL (default: the region of the first marketplace)',
  LWA_TOKEN_URL: `Login with Amazon token URL (default ${DEFAULT_TOKEN_URL})`,
  LWA_CLIENT_ID: 'LWA client id of your SP-API application',
  LWA_CLIENT_SECRET: 'LWA client secret (secret)',
  LWA_REFRESH_TOKEN: "the seller's refresh token from authorising your application (secret)",
  SPAPI_MARKETPLACE_IDS: 'comma list of marketplace ids or codes, e.g. A1F83G8C2ARO7P or UK (default UK)',
  SHIPCONFIRM_SELLER_ID:
    "the seller's merchant token (Seller Central: Settings > Account Info > Merchant Token)",
  SHIPCONFIRM_LOG_LEVEL: 'debug, info, warn or error (default info)',
};

/**
 * Reads and validates all settings. Throws ConfigError naming the first wrong setting and the fix.
 * @param env the environment (process.env in production)
 * @param cwd folder in which relative paths and the default config file are resolved
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const { settings, file } = readConfigFile(env, cwd);
  const a = settings.amazon ?? {};
  const pick = (envName: string, fileValue: string | undefined): string | undefined => {
    const v = env[envName];
    if (v !== undefined && v.trim() !== '') return v.trim();
    return fileValue?.trim() || undefined;
  };

  const marketplaceIds = parseMarketplaces(
    env.SPAPI_MARKETPLACE_IDS?.trim() ? env.SPAPI_MARKETPLACE_IDS.split(',') : (a.marketplaceIds ?? ['UK']),
  );

  const clientId = pick('LWA_CLIENT_ID', a.clientId);
  const clientSecret = pick('LWA_CLIENT_SECRET', a.clientSecret);
  const refreshToken = pick('LWA_REFRESH_TOKEN', a.refreshToken);
  const lwaGiven = {
    LWA_CLIENT_ID: clientId,
    LWA_CLIENT_SECRET: clientSecret,
    LWA_REFRESH_TOKEN: refreshToken,
  };
  const given = Object.entries(lwaGiven).filter(([, v]) => v !== undefined);

  let amazon: AmazonConfig;
  if (given.length === 0) {
    amazon = { mode: 'simulator', marketplaceIds };
  } else {
    const missing = Object.entries(lwaGiven)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    if (missing.length > 0) {
      throw new ConfigError(
        `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set, but ${given.map(([k]) => k).join(' and ')} ${given.length > 1 ? 'are' : 'is'}. ` +
          'Set all three LWA settings to talk to Amazon, or none of them to use the built-in simulator.',
      );
    }
    const sellerId = pick('SHIPCONFIRM_SELLER_ID', a.sellerId);
    if (!sellerId) {
      throw new ConfigError(
        "SHIPCONFIRM_SELLER_ID is not set. Set it to the seller's merchant token (Seller Central: Settings > Account Info > Merchant Token).",
      );
    }
    if (!/^[A-Z0-9]{8,20}$/.test(sellerId)) {
      throw new ConfigError(
        `SHIPCONFIRM_SELLER_ID "${sellerId}" does not look like a merchant token (8-20 capital letters and digits, e.g. A2EXAMPLE12345).`,
      );
    }
    const firstRegion = findMarketplace(marketplaceIds[0] ?? '')?.region ?? 'EU';
    const endpoint = checkUrl(
      'SPAPI_ENDPOINT',
      pick('SPAPI_ENDPOINT', a.endpoint) ??
        { EU: DEFAULT_EU_ENDPOINT, NA: DEFAULT_NA_ENDPOINT, FE: DEFAULT_FE_ENDPOINT }[firstRegion],
    );
    const tokenUrl = checkUrl('LWA_TOKEN_URL', pick('LWA_TOKEN_URL', a.tokenUrl) ?? DEFAULT_TOKEN_URL);
    amazon = {
      mode: 'amazon',
      endpoint,
      tokenUrl,
      clientId: clientId!,
      clientSecret: clientSecret!,
      refreshToken: refreshToken!,
      marketplaceIds,
      sellerId,
    };
  }

  const logLevel = (env.SHIPCONFIRM_LOG_LEVEL?.trim() || settings.logLevel || 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`SHIPCONFIRM_LOG_LEVEL "${logLevel}" is not one of debug, info, warn, error.`);
  }

  return {
    databasePath: resolveDatabase(
      env.SHIPCONFIRM_DB?.trim() || settings.database || './data/shipconfirm.db',
      cwd,
    ),
    configFile: file,
    amazon,
    carriers: settings.carriers ?? null,
    transmit: {
      maxAttempts: settings.transmit?.maxAttempts ?? 8,
      retryBaseDelayMs: settings.transmit?.retryBaseDelayMs ?? 2000,
      retryMaxDelayMs: settings.transmit?.retryMaxDelayMs ?? 300_000,
    },
    service: {
      syncIntervalMs: settings.service?.syncIntervalMs ?? 180_000,
      transmitIntervalMs: settings.service?.transmitIntervalMs ?? 1000,
      deadlineCheckIntervalMs: settings.service?.deadlineCheckIntervalMs ?? 60_000,
      unshippedWarnMinutes: settings.service?.unshippedWarnMinutes ?? 60,
      unconfirmedWarnMinutes: settings.service?.unconfirmedWarnMinutes ?? 15,
    },
    logLevel,
  };
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { settings: FileSettings; file: string | null } {
  const explicit = env.SHIPCONFIRM_CONFIG?.trim();
  const file = resolve(cwd, explicit || 'shipconfirm.config.json');
  if (!existsSync(file)) {
    if (explicit)
      throw new ConfigError(
        `SHIPCONFIRM_CONFIG points to ${file}, which does not exist. Fix the path or unset it.`,
      );
    return { settings: {}, file: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON (${(e as Error).message}). Fix the file or remove it.`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '(top level)';
    throw new ConfigError(
      `${file}: setting "${where}" is wrong: ${issue.message}. See README, section Configuration.`,
    );
  }
  return { settings: parsed.data, file };
}

function parseMarketplaces(values: readonly string[]): string[] {
  const ids: string[] = [];
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    const known = findMarketplace(v);
    if (known) ids.push(known.id);
    else if (/^A[A-Z0-9]{8,14}$/.test(v)) ids.push(v);
    else {
      throw new ConfigError(
        `SPAPI_MARKETPLACE_IDS: "${v}" is neither a marketplace id (like A1F83G8C2ARO7P) nor a known code (UK, DE, FR, IT, ES, US).`,
      );
    }
  }
  if (ids.length === 0)
    throw new ConfigError('SPAPI_MARKETPLACE_IDS is empty. Give at least one, e.g. A1F83G8C2ARO7P.');
  return [...new Set(ids)];
}

function checkUrl(name: string, value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
    return value.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} "${value}" is not a valid http(s) URL.`);
  }
}

function resolveDatabase(value: string, cwd: string): string {
  if (value === ':memory:') return value;
  return resolve(cwd, value);
}
