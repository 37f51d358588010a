/** A marketplace the order generator can produce orders for. */
export interface MarketplaceDefinition {
  marketplaceId: string;
  name: string;
  countryCode: string;
  currencyCode: string;
  /** Destinations of cross-border orders from this marketplace. */
  crossBorderCountries: readonly string[];
  /** Domestic delivery addresses: city and postal code. */
  addresses: ReadonlyArray<{ city: string; postalCode: string }>;
}

export const MARKETPLACES: readonly MarketplaceDefinition[] = [
  {
    marketplaceId: 'A1F83G8C2ARO7P',
    name: 'Amazon.co.uk',
    countryCode: 'GB',
    currencyCode: 'GBP',
    crossBorderCountries: ['IE', 'FR', 'DE'],
    addresses: [
      { city: 'London', postalCode: 'SW1A 1AA' },
      { city: 'Manchester', postalCode: 'M1 1AE' },
      { city: 'Birmingham', postalCode: 'B1 1BB' },
      { city: 'Leeds', postalCode: 'LS1 4AP' },
      { city: 'Glasgow', postalCode: 'G1 1XQ' },
      { city: 'Bristol', postalCode: 'BS1 4DJ' },
      { city: 'Cardiff', postalCode: 'CF10 1EP' },
      { city: 'Belfast', postalCode: 'BT1 5GS' },
      { city: 'Edinburgh', postalCode: 'EH1 1YZ' },
      { city: 'Norwich', postalCode: 'NR2 1NH' },
    ],
  },
  {
    marketplaceId: 'A1PA6795UKMFR9',
    name: 'Amazon.de',
    countryCode: 'DE',
    currencyCode: 'EUR',
    crossBorderCountries: ['AT', 'NL', 'FR'],
    addresses: [
      { city: 'Berlin', postalCode: '10115' },
      { city: 'München', postalCode: '80331' },
      { city: 'Hamburg', postalCode: '20095' },
      { city: 'Köln', postalCode: '50667' },
    ],
  },
  {
    marketplaceId: 'ATVPDKIKX0DER',
    name: 'Amazon.com',
    countryCode: 'US',
    currencyCode: 'USD',
    crossBorderCountries: ['CA', 'MX'],
    addresses: [
      { city: 'Seattle', postalCode: '98109' },
      { city: 'Austin', postalCode: '78701' },
      { city: 'Boston', postalCode: '02108' },
      { city: 'Denver', postalCode: '80202' },
    ],
  },
];

/** Cross-border delivery cities per country code. */
export const FOREIGN_CITIES: Readonly<Record<string, { city: string; postalCode: string }>> = {
  IE: { city: 'Dublin', postalCode: 'D02 X285' },
  FR: { city: 'Paris', postalCode: '75001' },
  DE: { city: 'Berlin', postalCode: '10115' },
  AT: { city: 'Wien', postalCode: '1010' },
  NL: { city: 'Amsterdam', postalCode: '1012 JS' },
  CA: { city: 'Toronto', postalCode: 'M5H 2N2' },
  MX: { city: 'Ciudad de México', postalCode: '06000' },
};

export function marketplaceById(marketplaceId: string): MarketplaceDefinition | undefined {
  return MARKETPLACES.find((m) => m.marketplaceId === marketplaceId);
}
