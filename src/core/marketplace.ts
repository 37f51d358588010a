/** A marketplace ShipConfirm knows: Amazon's id, the country it ships from, and its time zone for days. */
export interface Marketplace {
  readonly id: string;
  /** Short name sellers use, e.g. `UK`. */
  readonly code: string;
  /** ISO 3166-1 alpha-2 country of the storefront (`GB` for the UK). */
  readonly countryCode: string;
  /** IANA time zone Amazon uses for this marketplace's days. */
  readonly timeZone: string;
  /** SP-API region that serves it. */
  readonly region: 'NA' | 'EU' | 'FE';
}

export const MARKETPLACES: readonly Marketplace[] = [
  { id: 'A1F83G8C2ARO7P', code: 'UK', countryCode: 'GB', timeZone: 'Europe/London', region: 'EU' },
  { id: 'A1PA6795UKMFR9', code: 'DE', countryCode: 'DE', timeZone: 'Europe/Berlin', region: 'EU' },
  { id: 'A13V1IB3VIYZZH', code: 'FR', countryCode: 'FR', timeZone: 'Europe/Paris', region: 'EU' },
  { id: 'APJ6JRA9NG5V4', code: 'IT', countryCode: 'IT', timeZone: 'Europe/Rome', region: 'EU' },
  { id: 'A1RKKUPIHCS9HS', code: 'ES', countryCode: 'ES', timeZone: 'Europe/Madrid', region: 'EU' },
  { id: 'ATVPDKIKX0DER', code: 'US', countryCode: 'US', timeZone: 'America/Los_Angeles', region: 'NA' },
];

/** Finds a marketplace by Amazon id or short code (`UK`, `GB` also match the UK). */
export function findMarketplace(idOrCode: string): Marketplace | undefined {
  const key = idOrCode.trim().toUpperCase();
  return MARKETPLACES.find((m) => m.id === key || m.code === key || m.countryCode === key);
}
