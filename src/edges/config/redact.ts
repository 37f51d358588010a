import type { Config } from './config.js';

/** Shows that a secret is set without showing any of it. */
export function redactSecret(value: string | undefined | null): string {
  return value ? `(set, ${value.length} characters, hidden)` : '(not set)';
}

/** The effective settings with every secret replaced, safe to print or log. */
export function redactedConfig(config: Config): Record<string, unknown> {
  const amazon =
    config.amazon.mode === 'simulator'
      ? { mode: 'simulator (no LWA credentials set)', marketplaceIds: config.amazon.marketplaceIds }
      : {
          mode: 'amazon',
          endpoint: config.amazon.endpoint,
          tokenUrl: config.amazon.tokenUrl,
          clientId: config.amazon.clientId,
          clientSecret: redactSecret(config.amazon.clientSecret),
          refreshToken: redactSecret(config.amazon.refreshToken),
          marketplaceIds: config.amazon.marketplaceIds,
          sellerId: config.amazon.sellerId,
        };
  return {
    configFile: config.configFile ?? '(none)',
    database: config.databasePath,
    amazon,
    carriers: config.carriers ? 'custom entries (see carriers command)' : '(built-in only)',
    transmit: config.transmit,
    service: config.service,
    logLevel: config.logLevel,
  };
}
