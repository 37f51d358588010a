import { createHash } from 'node:crypto';
import type { StoredPackage } from '../world/stored-order.js';
import { isRecognisedTrackingNumber } from './tracking-validity.js';

/** How handed-over parcels fare; each is a probability from 0 to 1, drawn once per tracking number. */
export interface CarrierSettings {
  /** Parcel gets scanned once, then never again. Default 0.01. */
  lostRate: number;
  /** Parcel never reaches the carrier: no scan at all. Default 0.01. */
  neverHandedOverRate: number;
  /** Delivery takes 4-7 days instead of 1-3. Default 0.05. */
  lateRate: number;
}

export const DEFAULT_CARRIER_SETTINGS: CarrierSettings = {
  lostRate: 0.01,
  neverHandedOverRate: 0.01,
  lateRate: 0.05,
};

/** One carrier event. */
export interface ScanEvent {
  /** ISO 8601 UTC. */
  at: string;
  code: 'ACCEPTED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED';
  description: string;
}

/** What the carrier knows of a parcel at a given time. */
export interface ScanHistory {
  status: 'NOT_FOUND' | 'PRE_TRANSIT' | 'IN_TRANSIT' | 'DELIVERED';
  events: ScanEvent[];
}

const HOUR_MS = 3_600_000;

/** Uniform [0,1) numbers derived from the tracking number, so a parcel's fate never changes between calls. */
function draws(key: string): number[] {
  const digest = createHash('sha256').update(key).digest();
  return [0, 4, 8, 12, 16].map((offset) => digest.readUInt32BE(offset) / 2 ** 32);
}

/** The carrier's scans of a package as of `nowMs`: none for an unrecognised number or a parcel never handed over. */
export function scanHistory(
  carrier: string,
  pkg: StoredPackage,
  nowMs: number,
  settings: CarrierSettings,
): ScanHistory {
  const trackingNumber = pkg.trackingNumber;
  if (trackingNumber === undefined || !isRecognisedTrackingNumber(carrier, trackingNumber)) {
    return { status: 'NOT_FOUND', events: [] };
  }
  const [fate = 0, firstScan = 0, transit = 0, outFor = 0] = draws(`${carrier}\n${trackingNumber}`);
  if (fate < settings.neverHandedOverRate) return { status: 'PRE_TRANSIT', events: [] };
  const lost = fate < settings.neverHandedOverRate + settings.lostRate;
  const late = !lost && fate < settings.neverHandedOverRate + settings.lostRate + settings.lateRate;

  const acceptedMs = pkg.shipDateMs + (2 + firstScan * 6) * HOUR_MS;
  const deliveryDays = late ? 4 + transit * 3 : 1 + transit * 2;
  const deliveredMs = acceptedMs + deliveryDays * 24 * HOUR_MS;
  const plan: Array<{ atMs: number; code: ScanEvent['code']; description: string }> = [
    { atMs: acceptedMs, code: 'ACCEPTED', description: 'Parcel received by the carrier' },
  ];
  if (!lost) {
    plan.push(
      {
        atMs: acceptedMs + (deliveredMs - acceptedMs) * 0.4,
        code: 'IN_TRANSIT',
        description: 'In transit to the delivery depot',
      },
      {
        atMs: deliveredMs - (1 + outFor * 4) * HOUR_MS,
        code: 'OUT_FOR_DELIVERY',
        description: 'Out for delivery',
      },
      { atMs: deliveredMs, code: 'DELIVERED', description: 'Delivered' },
    );
  }
  const events = plan
    .filter((e) => e.atMs <= nowMs)
    .map((e) => ({
      at: new Date(Math.floor(e.atMs / 1000) * 1000).toISOString(),
      code: e.code,
      description: e.description,
    }));
  const last = events[events.length - 1];
  const status = last === undefined ? 'PRE_TRANSIT' : last.code === 'DELIVERED' ? 'DELIVERED' : 'IN_TRANSIT';
  return { status, events };
}
