import { nameKey } from './name-key.js';
import type { Carrier, CarrierService } from './registry.js';

/** Finds a carrier's service by its name or an alias, ignoring case, spaces and punctuation. */
export function resolveService(carrier: Carrier, typed: string): CarrierService | undefined {
  const key = nameKey(typed);
  if (key === '') return undefined;
  return findServiceByKey(carrier, key) ?? findServiceByKey(carrier, stripCarrierName(carrier, key));
}

function findServiceByKey(carrier: Carrier, key: string): CarrierService | undefined {
  for (const service of carrier.services) {
    if (nameKey(service.name) === key) return service;
  }
  for (const service of carrier.services) {
    if (service.aliases.some((a) => nameKey(a) === key)) return service;
  }
  return undefined;
}

// Packers often type the carrier into the service too ("Royal Mail Tracked 48" as the service).
function stripCarrierName(carrier: Carrier, key: string): string {
  for (const name of [carrier.displayName, carrier.amazonCode, ...carrier.aliases]) {
    const prefix = nameKey(name);
    if (prefix !== '' && key.startsWith(prefix) && key.length > prefix.length)
      return key.slice(prefix.length);
  }
  return key;
}
