import type { ShipmentInput } from '../../app/record-shipment.js';
import type { Order } from '../../core/order.js';
import { dpd, evri, type Rng, royalMailParcelId, s10, yodel } from './sample-tracking-numbers.js';

/** One way the demo warehouse ships a parcel, with how often it happens. */
interface Profile {
  readonly weight: number;
  readonly label: string;
  readonly make: (rng: Rng) => Omit<ShipmentInput, 'orderId' | 'items' | 'shipDate'>;
}

// Mostly good shipments, and the mistakes that sellers report most (FACTS.md).
const PROFILES: readonly Profile[] = [
  {
    weight: 24,
    label: 'Royal Mail Tracked 48',
    make: (r) => ({ carrier: 'Royal Mail', service: 'Tracked 48', trackingId: s10(r, 'TT') }),
  },
  {
    weight: 20,
    label: 'Royal Mail 48 parcel ID',
    make: (r) => ({ carrier: 'RM', service: 'Royal Mail 48', parcelId: royalMailParcelId(r) }),
  },
  {
    weight: 8,
    label: 'Royal Mail 24 parcel ID, spaced',
    make: (r) => ({
      carrier: 'royal mail',
      service: 'Royal Mail 24',
      parcelId: spaced(royalMailParcelId(r)),
    }),
  },
  {
    weight: 14,
    label: 'DPD Next Day',
    make: (r) => ({ carrier: 'DPD', service: 'Next Day', trackingId: dpd(r) }),
  },
  { weight: 10, label: 'Evri', make: (r) => ({ carrier: 'Evri', service: 'Standard', trackingId: evri(r) }) },
  {
    weight: 6,
    label: 'Yodel',
    make: (r) => ({ carrier: 'Yodel', service: 'Xpect 48', trackingId: yodel(r) }),
  },
  {
    weight: 5,
    label: 'Royal Mail large letter, untracked',
    make: () => ({ carrier: 'Royal Mail', service: 'Large Letter' }),
  },
  {
    weight: 4,
    label: 'local courier (Other)',
    make: (r) => ({
      carrier: 'Other',
      carrierName: 'Speedy Local Couriers',
      service: 'Same Day',
      trackingId: `SLC${Math.floor(r() * 1e7)}`,
    }),
  },
  {
    weight: 4,
    label: 'S10 typed with a wrong check digit',
    make: (r) => ({ carrier: 'Royal Mail', service: 'Tracked 24', trackingId: s10(r, 'TT', true) }),
  },
  {
    weight: 3,
    label: 'S10 given for Royal Mail 48 instead of the parcel ID',
    make: (r) => ({ carrier: 'Royal Mail', service: 'Royal Mail 48', parcelId: s10(r, 'TT') }),
  },
  {
    weight: 2,
    label: 'unknown carrier name',
    make: (r) => ({
      carrier: 'Parcel Monkey Express',
      service: 'Standard',
      trackingId: `PM${Math.floor(r() * 1e9)}`,
    }),
  },
];

function spaced(id: string): string {
  return id
    .replace(/(.{4})/g, '$1 ')
    .trim()
    .toLowerCase();
}

function pick(rng: Rng): Profile {
  const total = PROFILES.reduce((s, p) => s + p.weight, 0);
  let x = rng() * total;
  for (const p of PROFILES) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return PROFILES[0]!;
}

/**
 * The parcels a demo warehouse ships for `orders`: one package per order, or one per item line
 * for some multi-line orders (split shipments), handed over 2-30 hours after the order and never
 * in the future. Now and then a packer re-uses the previous parcel's tracking ID by mistake.
 */
export function sampleShipments(orders: readonly Order[], now: Date, rng: Rng): ShipmentInput[] {
  const out: ShipmentInput[] = [];
  let previous = null as { carrier: string; trackingId: string } | null;
  for (const order of orders) {
    if (order.status !== 'UNSHIPPED') continue;
    const split = order.items.length > 1 && rng() < 0.3;
    const groups = split ? order.items.map((i) => [i]) : [order.items];
    for (const group of groups) {
      const profile = pick(rng);
      const made = profile.make(rng);
      const handedOver = Math.min(
        Date.parse(order.createdAt) + (2 + rng() * 28) * 3600_000,
        now.getTime() - 60_000,
      );
      let trackingId = made.trackingId ?? null;
      // The packer scans the previous parcel's label again (same carrier, so the number fits).
      if (trackingId && previous?.carrier === made.carrier && rng() < 0.08) trackingId = previous.trackingId;
      if (made.trackingId) previous = { carrier: made.carrier, trackingId: made.trackingId };
      out.push({
        ...made,
        trackingId,
        orderId: order.orderId,
        items: group.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
        shipDate: new Date(Math.max(handedOver, Date.parse(order.createdAt) + 60_000)).toISOString(),
      });
    }
  }
  return out;
}
