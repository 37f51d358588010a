/**
 * Well-formed sample tracking numbers for the demo warehouse, with correct check digits, and the
 * typical mistakes packers make. Demo data only: the product validates numbers in core/tracking.
 */
export type Rng = () => number;

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const HEX = '0123456789ABCDEF';
const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Royal Mail (UPU S10) tracking number ending in GB, e.g. `AB123456785GB`. */
export function s10(rng: Rng, prefix = 'TT', corruptCheckDigit = false): string {
  const serial = digits(rng, 8);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  if (corruptCheckDigit) check = (check + 1 + Math.floor(rng() * 8)) % 10;
  return `${prefix}${serial}${check}GB`;
}

/** Royal Mail 24/48 parcel ID as printed above the 2D barcode: 21 upper-case hex characters. */
export function royalMailParcelId(rng: Rng): string {
  return Array.from({ length: 21 }, () => HEX[Math.floor(rng() * 16)]).join('');
}

/** DPD UK parcel number: 14 digits and the ISO 7064 MOD 37,36 check character. */
export function dpd(rng: Rng): string {
  const serial = `15${digits(rng, 12)}`;
  let p = 36;
  for (const c of serial) {
    p = (p + ALNUM36.indexOf(c)) % 36;
    if (p === 0) p = 36;
    p = (p * 2) % 37;
  }
  return serial + ALNUM36[(37 - p) % 36];
}

/** Evri parcel number: 16 digits. */
export function evri(rng: Rng): string {
  return `${digits(rng, 16)}`;
}

/** Yodel parcel number: `JJD` and 16 digits. */
export function yodel(rng: Rng): string {
  return `JJD000${digits(rng, 13)}`;
}

/** A small deterministic PRNG (mulberry32), so the demo is the same every time. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
