import { TRACKING_FORMATS } from '../tracking/formats.js';
import amazonCarrierCodes from './amazon-carrier-codes.json' with { type: 'json' };
import { BUILTIN_CARRIERS } from './builtin-carriers.js';
import { nameKey } from './name-key.js';

/** One service of a carrier, sent to Amazon as `shippingMethod` under its canonical `name`. */
export interface CarrierService {
  /** Canonical name, sent to Amazon. */
  name: string;
  /** Other names merchants type for it (compared case- and punctuation-insensitively). */
  aliases: string[];
  /** True when the service gives a number the carrier scans; a tracked package needs it. */
  tracked: boolean;
  /** Royal Mail 24/48 and 1st/2nd Class: Amazon wants the parcel ID above the 2D barcode. */
  needsParcelId: boolean;
}

/** A carrier ShipConfirm knows: how to name it to Amazon, what merchants call it, its services and formats. */
export interface Carrier {
  /** Stable id in kebab case (`royal-mail`). */
  id: string;
  displayName: string;
  /** Amazon's exact, case-sensitive carrier code, or `Other`. */
  amazonCode: string;
  /** Sent as `carrierName` when `amazonCode` is `Other`. */
  carrierName?: string;
  /** Other names merchants type (compared case- and punctuation-insensitively). */
  aliases: string[];
  /** Aliases that mean this carrier only in one marketplace (`{ DE: ['Hermes'] }`); checked first. */
  marketplaceAliases?: Record<string, string[]>;
  /** Whether Amazon tracks this carrier, per marketplace code (`UK`); absent means false. */
  integrated: Record<string, boolean>;
  /**
   * Marketplace codes where sellers use this carrier without Amazon tracking it there (`['US']`).
   * With `integrated`, it limits the "looks like another carrier" advice to carriers that operate
   * in the order's marketplace (see operatesIn).
   */
  marketplaces?: string[];
  services: CarrierService[];
  /** Ids of the tracking formats (src/core/tracking/data) this carrier's numbers follow. */
  trackingFormatIds: string[];
  /**
   * `complete` when the formats cover every number the carrier issues, so a number that fits none
   * of them (verified ones) is refused; `partial` (default) makes such a mismatch a warning.
   */
  formatCoverage?: 'complete' | 'partial';
}

/** What a seller's config may add or change (the JSON `carriers` section). Parsed once at start. */
export interface CarrierRegistryExtension {
  /** New carriers (need `displayName` and `amazonCode`), or changes to known ones by `id`. */
  carriers?: Array<Partial<Carrier> & { id: string }>;
  /** Extra names for carriers: typed name -> carrier id. */
  aliases?: Record<string, string>;
  /** Which Amazon code Evri is confirmed with. Default `Hermes UK` (see docs/decisions/0003). */
  evriCode?: 'Hermes UK' | 'Evri' | 'Other';
  /** Carrier codes Amazon accepts that our copy of its list lacks (exact, case-sensitive). */
  extraAmazonCodes?: string[];
}

/** The carriers in force: built in, plus the seller's extension. Immutable once built. */
export interface CarrierRegistry {
  readonly carriers: readonly Carrier[];
  /** Every exact Amazon carrier code accepted (Amazon's list, `Other`, and any added by config). */
  readonly amazonCodes: ReadonlySet<string>;
  readonly evriCode: 'Hermes UK' | 'Evri' | 'Other';
  /** Carrier by id. */
  readonly byId: ReadonlyMap<string, Carrier>;
  /** Name key (see nameKey) of config aliases and carrier aliases -> carrier id. */
  readonly aliasIndex: ReadonlyMap<string, string>;
  /** Name key of ids, display names and Amazon codes -> carrier id (first carrier wins). */
  readonly nameIndex: ReadonlyMap<string, string>;
  /** Marketplace code -> name key -> carrier id. */
  readonly marketplaceAliasIndex: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Name key -> exact Amazon code, to correct case and spacing (`royal mail` -> `Royal Mail`). */
  readonly amazonCodeByKey: ReadonlyMap<string, string>;
}

/** The generic carrier for `Other`: not integrated anywhere, needs a carrier name from the seller. */
export const OTHER_CARRIER: Carrier = {
  id: 'other',
  displayName: 'Other (not integrated with Amazon)',
  amazonCode: 'Other',
  aliases: [],
  integrated: {},
  services: [],
  trackingFormatIds: [],
};

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function fail(what: string, problem: string): never {
  throw new Error(`carriers config: ${what}: ${problem}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

function checkServices(where: string, services: unknown): CarrierService[] {
  if (!Array.isArray(services)) fail(where, '"services" must be a list');
  return services.map((s: unknown, i) => {
    const at = `${where} service #${i + 1}`;
    if (typeof s !== 'object' || s === null) fail(at, 'must be an object');
    const svc = s as Partial<CarrierService>;
    if (typeof svc.name !== 'string' || svc.name.trim() === '') fail(at, '"name" is required');
    if (svc.aliases !== undefined && !isStringArray(svc.aliases))
      fail(at, '"aliases" must be a list of names');
    return {
      name: svc.name,
      aliases: svc.aliases ?? [],
      tracked: svc.tracked ?? true,
      needsParcelId: svc.needsParcelId ?? false,
    };
  });
}

function upperKeys(flags: Record<string, boolean>): Record<string, boolean> {
  return Object.fromEntries(Object.entries(flags).map(([m, on]) => [m.trim().toUpperCase(), on]));
}

function mergeServices(base: readonly CarrierService[], added: readonly CarrierService[]): CarrierService[] {
  const merged = [...base];
  for (const svc of added) {
    const at = merged.findIndex((s) => nameKey(s.name) === nameKey(svc.name));
    if (at >= 0) merged[at] = svc;
    else merged.push(svc);
  }
  return merged;
}

function applyEntry(
  existing: Carrier | undefined,
  entry: Partial<Carrier> & { id: string },
  where: string,
): Carrier {
  if (entry.aliases !== undefined && !isStringArray(entry.aliases))
    fail(where, '"aliases" must be a list of names');
  if (entry.trackingFormatIds !== undefined && !isStringArray(entry.trackingFormatIds)) {
    fail(where, '"trackingFormatIds" must be a list of format ids');
  }
  if (entry.integrated !== undefined && (typeof entry.integrated !== 'object' || entry.integrated === null)) {
    fail(where, '"integrated" must map marketplace codes to true or false, e.g. {"UK": true}');
  }
  for (const [market, on] of Object.entries(entry.integrated ?? {})) {
    if (typeof on !== 'boolean') fail(where, `"integrated" of "${market}" must be true or false`);
  }
  if (entry.marketplaces !== undefined && !isStringArray(entry.marketplaces)) {
    fail(where, '"marketplaces" must be a list of marketplace codes, e.g. ["UK"]');
  }
  // Codes are compared upper case everywhere; a seller writing {"uk": true} means the UK.
  const marketplaces = entry.marketplaces?.map((m) => m.trim().toUpperCase());
  const integrated = entry.integrated === undefined ? undefined : upperKeys(entry.integrated);
  const services = entry.services === undefined ? undefined : checkServices(where, entry.services);
  if (existing) {
    return {
      ...existing,
      ...entry,
      aliases: [...existing.aliases, ...(entry.aliases ?? [])],
      integrated: { ...existing.integrated, ...(integrated ?? {}) },
      ...(marketplaces ? { marketplaces } : {}),
      services: services ? mergeServices(existing.services, services) : existing.services,
      trackingFormatIds: entry.trackingFormatIds ?? existing.trackingFormatIds,
    };
  }
  if (typeof entry.displayName !== 'string' || entry.displayName.trim() === '') {
    fail(where, 'a new carrier needs "displayName"');
  }
  if (typeof entry.amazonCode !== 'string')
    fail(where, 'a new carrier needs "amazonCode" (exact, or "Other")');
  return {
    ...entry,
    id: entry.id,
    displayName: entry.displayName,
    amazonCode: entry.amazonCode,
    aliases: entry.aliases ?? [],
    integrated: integrated ?? {},
    ...(marketplaces ? { marketplaces } : {}),
    services: services ?? [],
    trackingFormatIds: entry.trackingFormatIds ?? [],
  };
}

/**
 * Builds the registry from the built-in carriers and the seller's extension. Validates the
 * extension and throws an Error naming the bad entry: config is parsed once at start, and a
 * wrong carrier table must stop the start rather than send wrong codes to Amazon.
 */
export function createCarrierRegistry(extension: CarrierRegistryExtension = {}): CarrierRegistry {
  checkShape(extension);
  const evriCode = extension.evriCode ?? 'Hermes UK';
  if (!['Hermes UK', 'Evri', 'Other'].includes(evriCode)) {
    fail('evriCode', `must be "Hermes UK", "Evri" or "Other", got ${JSON.stringify(evriCode)}`);
  }
  const amazonCodes = new Set<string>(amazonCarrierCodes.values);
  amazonCodes.add('Other');
  if (extension.extraAmazonCodes !== undefined) {
    if (!isStringArray(extension.extraAmazonCodes))
      fail('extraAmazonCodes', 'must be a list of carrier codes');
    for (const code of extension.extraAmazonCodes) amazonCodes.add(code);
  }
  // Choosing `Evri` asserts that Amazon lists it now (our copy of the list predates the rebrand).
  if (evriCode === 'Evri') amazonCodes.add('Evri');

  const byId = new Map<string, Carrier>();
  for (const builtin of BUILTIN_CARRIERS) {
    const carrier =
      builtin.id === 'evri'
        ? evriCode === 'Other'
          ? { ...builtin, amazonCode: 'Other', carrierName: 'Evri' }
          : { ...builtin, amazonCode: evriCode }
        : builtin;
    byId.set(carrier.id, carrier);
  }
  byId.set(OTHER_CARRIER.id, OTHER_CARRIER);

  (extension.carriers ?? []).forEach((entry, i) => {
    const where = `carriers[${i}]${typeof entry?.id === 'string' ? ` (id "${entry.id}")` : ''}`;
    if (typeof entry !== 'object' || entry === null) fail(where, 'must be an object');
    if (typeof entry.id !== 'string' || !ID_PATTERN.test(entry.id)) {
      fail(where, '"id" is required: lower case letters, digits and hyphens, e.g. "my-courier"');
    }
    if (entry.id === OTHER_CARRIER.id) fail(where, '"other" is reserved for Amazon\'s Other');
    byId.set(entry.id, applyEntry(byId.get(entry.id), entry, where));
  });

  for (const carrier of byId.values()) {
    const where = `carrier "${carrier.id}"`;
    if (!amazonCodes.has(carrier.amazonCode)) {
      const near = [...amazonCodes].find((c) => nameKey(c) === nameKey(carrier.amazonCode));
      fail(
        where,
        `amazonCode "${carrier.amazonCode}" is not one of Amazon's carrier codes` +
          (near ? ` (did you mean "${near}"? codes are case-sensitive)` : '; use "Other" with a carrierName'),
      );
    }
    if (carrier.amazonCode === 'Other' && carrier.id !== OTHER_CARRIER.id && !carrier.carrierName?.trim()) {
      fail(where, 'amazonCode "Other" needs "carrierName", the name Amazon shows to the buyer');
    }
    for (const formatId of carrier.trackingFormatIds) {
      if (!TRACKING_FORMATS.has(formatId)) fail(where, `unknown tracking format "${formatId}"`);
    }
  }

  const carriers = [...byId.values()];
  const aliasIndex = new Map<string, string>();
  const nameIndex = new Map<string, string>();
  const marketplaceAliasIndex = new Map<string, Map<string, string>>();
  // Config aliases first, so a seller's meaning of a name wins over ours.
  for (const [alias, id] of Object.entries(extension.aliases ?? {})) {
    if (!byId.has(id)) fail(`aliases["${alias}"]`, `no carrier has id "${id}"`);
    if (nameKey(alias) === '') fail(`aliases["${alias}"]`, 'the name has no letters or digits');
    aliasIndex.set(nameKey(alias), id);
  }
  for (const carrier of carriers) {
    for (const alias of carrier.aliases) {
      const key = nameKey(alias);
      if (key !== '' && !aliasIndex.has(key)) aliasIndex.set(key, carrier.id);
    }
    for (const name of [carrier.id, carrier.displayName, carrier.amazonCode]) {
      const key = nameKey(name);
      if (carrier.amazonCode === 'Other' && name === 'Other' && carrier.id !== OTHER_CARRIER.id) continue;
      if (key !== '' && !nameIndex.has(key)) nameIndex.set(key, carrier.id);
    }
    for (const [market, aliases] of Object.entries(carrier.marketplaceAliases ?? {})) {
      const index = marketplaceAliasIndex.get(market.toUpperCase()) ?? new Map<string, string>();
      for (const alias of aliases) index.set(nameKey(alias), carrier.id);
      marketplaceAliasIndex.set(market.toUpperCase(), index);
    }
  }
  const amazonCodeByKey = new Map<string, string>();
  for (const code of amazonCodes) {
    const key = nameKey(code);
    if (!amazonCodeByKey.has(key)) amazonCodeByKey.set(key, code);
  }
  return {
    carriers,
    amazonCodes,
    evriCode,
    byId,
    aliasIndex,
    nameIndex,
    marketplaceAliasIndex,
    amazonCodeByKey,
  };
}

const EXTENSION_KEYS = ['carriers', 'aliases', 'evriCode', 'extraAmazonCodes'];

// Config arrives as parsed JSON: check its shape before trusting the types, and catch typos
// ("evricode") that would otherwise be ignored silently.
function checkShape(extension: unknown): void {
  if (typeof extension !== 'object' || extension === null || Array.isArray(extension)) {
    fail('the section', 'must be an object with "carriers", "aliases", "evriCode" or "extraAmazonCodes"');
  }
  const ext = extension as Record<string, unknown>;
  for (const key of Object.keys(ext)) {
    if (!EXTENSION_KEYS.includes(key))
      fail(`"${key}"`, `unknown setting; expected one of ${EXTENSION_KEYS.join(', ')}`);
  }
  if (ext.carriers !== undefined && !Array.isArray(ext.carriers))
    fail('"carriers"', 'must be a list of carriers');
  if (ext.aliases !== undefined) {
    const aliases = ext.aliases;
    if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) {
      fail('"aliases"', 'must map names to carrier ids, e.g. {"RM": "royal-mail"}');
    }
    for (const [alias, id] of Object.entries(aliases)) {
      if (typeof id !== 'string') fail(`aliases["${alias}"]`, 'must be a carrier id');
    }
  }
}

let defaultRegistry: CarrierRegistry | undefined;

/** The registry without any extension, built once (for callers that have no config). */
export function defaultCarrierRegistry(): CarrierRegistry {
  defaultRegistry ??= createCarrierRegistry();
  return defaultRegistry;
}
