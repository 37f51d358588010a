import { EU_CARRIERS } from './builtin-carriers-eu.js';
import { NORTH_AMERICA_CARRIERS } from './builtin-carriers-north-america.js';
import { UK_INTERNATIONAL_CARRIERS } from './builtin-carriers-uk-international.js';
import type { Carrier } from './registry.js';

// Reviewed by hand. Sources: Amazon's CarrierCode list (amazon-carrier-codes.json), FACTS.md
// "Carriers", and the carriers' own service names. The `integrated` flags are our reading of
// which carriers Amazon tracks in each marketplace (unverified): sellers can override them in
// config (`carriers` section) without a code change. `marketplaces` names where a carrier Amazon
// does not track is still used (North American couriers), so their formats are not offered as
// "looks like" advice to UK and EU orders.

/** The carriers ShipConfirm knows out of the box, before config extensions and the Evri setting. */
export const BUILTIN_CARRIERS: readonly Carrier[] = [
  ...UK_INTERNATIONAL_CARRIERS,
  ...EU_CARRIERS,
  ...NORTH_AMERICA_CARRIERS,
];
