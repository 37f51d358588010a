import { operatesIn } from '../carriers/operates-in.js';
import { type CarrierRegistry, defaultCarrierRegistry } from '../carriers/registry.js';
import { findMarketplace } from '../marketplace.js';
import type { TrackingFormat } from './format.js';
import { TRACKING_FORMATS } from './formats.js';
import { matchFormat } from './match-format.js';
import { hasOnlyTrackingCharacters, normalizeTrackingNumber } from './normalize.js';

/** A carrier a number may belong to. */
export interface DetectedCarrier {
  readonly carrierId: string;
  readonly formatId: string;
  readonly formatName: string;
  /** True when the format's check digit was verified (strong evidence); false: the pattern fits only. */
  readonly checksumVerified: boolean;
  /** False when the format itself is our best knowledge rather than a documented fact. */
  readonly formatVerified: boolean;
}

interface DetectIndex {
  readonly formats: ReadonlyArray<{
    readonly format: TrackingFormat;
    readonly carrierIds: readonly string[];
  }>;
}

// One index per registry and marketplace (`*` for all): which carriers use each format.
// Registries are immutable, so caching is safe, and detection stays a walk over formats.
const indexes = new WeakMap<CarrierRegistry, Map<string, DetectIndex>>();

function indexFor(registry: CarrierRegistry, market: string | undefined): DetectIndex {
  let byMarket = indexes.get(registry);
  if (!byMarket) {
    byMarket = new Map();
    indexes.set(registry, byMarket);
  }
  let index = byMarket.get(market ?? '*');
  if (!index) {
    const carriersByFormat = new Map<string, string[]>();
    for (const carrier of registry.carriers) {
      if (market !== undefined && !operatesIn(carrier, market)) continue;
      for (const id of carrier.trackingFormatIds) {
        const list = carriersByFormat.get(id) ?? [];
        list.push(carrier.id);
        carriersByFormat.set(id, list);
      }
    }
    const formats = [...carriersByFormat].flatMap(([id, carrierIds]) => {
      const format = TRACKING_FORMATS.get(id);
      return format ? [{ format, carrierIds }] : [];
    });
    index = { formats };
    byMarket.set(market ?? '*', index);
  }
  return index;
}

/**
 * Which carriers a number could belong to, best first: a verified check digit beats a pattern
 * that only fits, and a documented format beats one we are unsure of. One entry per carrier.
 * Used to warn "this looks like a DPD number, not Royal Mail", never to choose the carrier.
 * With `marketplaceCode` (`UK` or an Amazon marketplace id), only carriers that operate there
 * (see operatesIn) are candidates: a UK parcel is never "a Canada Post number".
 */
export function detectCarriers(
  number: string,
  registry: CarrierRegistry = defaultCarrierRegistry(),
  marketplaceCode?: string,
): DetectedCarrier[] {
  const normalized = normalizeTrackingNumber(number);
  if (normalized === '' || !hasOnlyTrackingCharacters(normalized)) return [];
  const market =
    marketplaceCode === undefined
      ? undefined
      : (findMarketplace(marketplaceCode)?.code ?? marketplaceCode.trim().toUpperCase());
  const best = new Map<string, DetectedCarrier & { rank: number; order: number }>();
  let order = 0;
  for (const { format, carrierIds } of indexFor(registry, market).formats) {
    const match = matchFormat(format, normalized);
    if (!match || match.checksum === 'failed') continue;
    const checksumVerified = match.checksum === 'passed';
    const rank = (checksumVerified ? 2 : 0) + (format.verified ? 1 : 0);
    for (const carrierId of carrierIds) {
      const seen = best.get(carrierId);
      if (seen && seen.rank >= rank) continue;
      best.set(carrierId, {
        carrierId,
        formatId: format.id,
        formatName: format.name,
        checksumVerified,
        formatVerified: format.verified,
        rank,
        order: seen?.order ?? order++,
      });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map(({ rank: _rank, order: _order, ...candidate }) => candidate);
}
