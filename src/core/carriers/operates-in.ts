import type { Carrier } from './registry.js';

/**
 * Whether sellers in a marketplace (`UK`) use this carrier: Amazon tracks it there, or its
 * `marketplaces` list names it. A carrier that says neither anywhere (a seller's own courier
 * added without either) is taken to operate everywhere, since the seller added it to use it.
 * Used to keep "looks like a Canada Post number" advice away from UK orders.
 */
export function operatesIn(carrier: Carrier, marketplaceCode: string): boolean {
  const market = marketplaceCode.trim().toUpperCase();
  if (carrier.integrated[market] === true || carrier.marketplaces?.includes(market) === true) return true;
  if (carrier.marketplaces !== undefined) return false;
  return !Object.values(carrier.integrated).some((on) => on);
}
