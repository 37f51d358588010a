import { nameKey } from './name-key.js';
import { type Carrier, type CarrierRegistry, type CarrierService, OTHER_CARRIER } from './registry.js';
import { resolveService } from './resolve-service.js';

/** A typed carrier name, understood. */
export interface ResolvedCarrier {
  readonly ok: true;
  readonly carrier: Carrier;
  /** True when the text typed was already Amazon's exact code. */
  readonly exactAmazonCode: boolean;
  /** The service, when it was typed together with the carrier ("Royal Mail Tracked 48"). */
  readonly service?: CarrierService;
}

/** A typed carrier name that means no carrier we can send. */
export interface UnresolvedCarrier {
  readonly ok: false;
  /** `carrier-missing` or `carrier-unknown`. */
  readonly code: string;
  readonly message: string;
  /** Up to three carrier names the packer may have meant. */
  readonly suggestions: string[];
}

/**
 * Turns what a merchant typed (`RM`, `royalmail`, `Royal Mail Tracked 48`, `Hermes`, `dpd`) into a
 * carrier. Order: marketplace-only aliases, config and carrier aliases, ids / names / Amazon codes,
 * carrier name followed by one of its services, then any exact (or case-corrected) Amazon code as
 * a generic carrier. Unknown names are refused with suggestions, never turned into `Other`: an
 * unmatched name sent as `Other` is the most reported cause of VTR defects.
 */
export function resolveCarrier(
  registry: CarrierRegistry,
  typed: string,
  marketplaceCode?: string,
): ResolvedCarrier | UnresolvedCarrier {
  const text = typed.trim();
  const key = nameKey(text);
  if (key === '') {
    return {
      ok: false,
      code: 'carrier-missing',
      message: 'No carrier given: enter the carrier that took the parcel, e.g. Royal Mail.',
      suggestions: [],
    };
  }
  const found = (id: string | undefined, service?: CarrierService): ResolvedCarrier | undefined => {
    const carrier = id === undefined ? undefined : registry.byId.get(id);
    if (!carrier) return undefined;
    return {
      ok: true,
      carrier,
      exactAmazonCode: text === carrier.amazonCode,
      ...(service ? { service } : {}),
    };
  };
  const market = marketplaceCode?.trim().toUpperCase();
  const direct =
    (market ? found(registry.marketplaceAliasIndex.get(market)?.get(key)) : undefined) ??
    found(registry.aliasIndex.get(key)) ??
    found(registry.nameIndex.get(key));
  if (direct) return direct;

  const combined = resolveWithService(registry, key);
  if (combined) return combined;

  const code = registry.amazonCodes.has(text) ? text : registry.amazonCodeByKey.get(key);
  if (code !== undefined) {
    if (code === 'Other') return { ok: true, carrier: OTHER_CARRIER, exactAmazonCode: text === 'Other' };
    return { ok: true, carrier: genericCarrier(code), exactAmazonCode: text === code };
  }
  return {
    ok: false,
    code: 'carrier-unknown',
    message:
      `"${text}" is not a carrier ShipConfirm or Amazon knows. Choose one of Amazon's carriers, ` +
      'or "Other" with the carrier\'s name (Other counts against your Valid Tracking Rate).',
    suggestions: suggestCarriers(registry, key),
  };
}

/** A carrier on Amazon's list that our registry does not describe: no services or formats known. */
function genericCarrier(code: string): Carrier {
  return {
    id: `amazon:${code}`,
    displayName: code,
    amazonCode: code,
    aliases: [],
    integrated: {},
    services: [],
    trackingFormatIds: [],
  };
}

// "Royal Mail Tracked 48", "DPD Next Day": a carrier name or alias, then one of its services.
function resolveWithService(registry: CarrierRegistry, key: string): ResolvedCarrier | undefined {
  let best: { carrier: Carrier; service: CarrierService; prefixLength: number } | undefined;
  for (const carrier of registry.carriers) {
    for (const name of [carrier.displayName, carrier.amazonCode, carrier.id, ...carrier.aliases]) {
      const prefix = nameKey(name);
      if (prefix === '' || key.length <= prefix.length || !key.startsWith(prefix)) continue;
      const service = resolveService(carrier, key.slice(prefix.length));
      if (service && (!best || prefix.length > best.prefixLength)) {
        best = { carrier, service, prefixLength: prefix.length };
      }
    }
  }
  if (!best) return undefined;
  return { ok: true, carrier: best.carrier, exactAmazonCode: false, service: best.service };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function suggestCarriers(registry: CarrierRegistry, key: string): string[] {
  const scored: Array<{ name: string; score: number }> = [];
  for (const carrier of registry.carriers) {
    if (carrier.id === OTHER_CARRIER.id) continue;
    let score = Number.POSITIVE_INFINITY;
    for (const name of [carrier.displayName, carrier.amazonCode, ...carrier.aliases]) {
      const candidate = nameKey(name);
      const d = candidate.startsWith(key) || key.startsWith(candidate) ? 1 : editDistance(key, candidate);
      score = Math.min(score, d / Math.max(candidate.length, key.length, 1));
    }
    scored.push({ name: carrier.displayName, score });
  }
  return scored
    .filter((s) => s.score <= 0.5)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((s) => s.name);
}
