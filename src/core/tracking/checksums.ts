/**
 * The check-digit algorithms the tracking data names (`validation.checksum.name`).
 * Each takes the serial part and the check character exactly as the format's regex captured them
 * (already normalised: no spaces, upper case) and answers whether the check character is right.
 * They work on char codes without allocating, because validation sits on the hot path of
 * CSV imports and the benchmark.
 */

/** Parameters a data file may give a checksum (snake_case, as in the JSON). */
export interface ChecksumSpec {
  readonly name: string;
  readonly modulo?: number;
  readonly modulo1?: number;
  readonly modulo2?: number;
  readonly evens_multiplier?: number;
  readonly odds_multiplier?: number;
  readonly reverse?: boolean;
  readonly weightings?: readonly number[];
  readonly alphabet?: string;
}

const ZERO = 48;
const NINE = 57;
const A = 65;
const Z = 90;

/** Digit value of a character; letters map the way UPS does (A=2 ... I=0 ...), -1 otherwise. */
function digitValue(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  // UPS folds letters onto digits with (ASCII - 3) mod 10; no other format has letters in a mod10 serial.
  if (code >= A && code <= Z) return (code - 3) % 10;
  return -1;
}

function checkValue(check: string): number {
  return check.length === 1 ? digitValue(check.charCodeAt(0)) : -1;
}

/**
 * Weighted mod 10: position i (0-based, from the left, or from the right when `reverse`) is
 * multiplied by `odds_multiplier` when i is odd, `evens_multiplier` when even; the check digit
 * brings the sum to a multiple of 10.
 */
export function mod10(serial: string, check: string, spec: ChecksumSpec): boolean {
  const evens = spec.evens_multiplier ?? 1;
  const odds = spec.odds_multiplier ?? 1;
  const n = serial.length;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const v = digitValue(serial.charCodeAt(spec.reverse ? n - 1 - k : k));
    if (v < 0) return false;
    total += v * (k % 2 === 1 ? odds : evens);
  }
  const expected = (10 - (total % 10)) % 10;
  return expected === checkValue(check);
}

/** The serial read as a number, modulo 7, is the check digit (DHL Express air waybills). */
export function mod7(serial: string, check: string): boolean {
  let rest = 0;
  for (let k = 0; k < serial.length; k++) {
    const c = serial.charCodeAt(k);
    if (c < ZERO || c > NINE) return false;
    rest = (rest * 10 + (c - ZERO)) % 7;
  }
  return rest === checkValue(check);
}

const S10_WEIGHTS: readonly number[] = [8, 6, 4, 2, 3, 5, 9, 7];

/**
 * UPU S10: weights 8,6,4,2,3,5,9,7 over the 8 serial digits; C = 11 - (sum mod 11), 10 -> 0, 11 -> 5.
 */
export function s10(serial: string, check: string, spec?: ChecksumSpec): boolean {
  const weights = spec?.weightings ?? S10_WEIGHTS;
  if (serial.length !== weights.length) return false;
  let total = 0;
  for (let k = 0; k < serial.length; k++) {
    const c = serial.charCodeAt(k);
    if (c < ZERO || c > NINE) return false;
    total += (c - ZERO) * (weights[k] ?? 0);
  }
  let expected = 11 - (total % 11);
  if (expected === 10) expected = 0;
  else if (expected === 11) expected = 5;
  return expected === checkValue(check);
}

/** Luhn over serial followed by the check digit: doubling every second digit from the right. */
export function luhn(serial: string, check: string): boolean {
  const cv = checkValue(check);
  if (cv < 0 || check.charCodeAt(0) > NINE) return false;
  let total = cv;
  let double = true;
  for (let k = serial.length - 1; k >= 0; k--) {
    const c = serial.charCodeAt(k);
    if (c < ZERO || c > NINE) return false;
    let v = c - ZERO;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
    double = !double;
  }
  return total % 10 === 0;
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36) over an alphanumeric serial: DPD parcel numbers. */
export function mod37And36(serial: string, check: string, spec?: ChecksumSpec): boolean {
  const alphabet = spec?.alphabet ?? ALPHANUMERIC;
  const m = alphabet.length;
  let p = m;
  for (let k = 0; k < serial.length; k++) {
    const v = alphabet.indexOf(serial.charAt(k));
    if (v < 0) return false;
    let s = (p + v) % m;
    if (s === 0) s = m;
    p = (s * 2) % (m + 1);
  }
  const expected = (m + 1 - p) % m;
  return check.length === 1 && alphabet.indexOf(check) === expected;
}

/** Sum of digit x weight, then modulo `modulo1`, then modulo `modulo2` (FedEx Express). */
export function sumProductWithWeightingsAndModulo(
  serial: string,
  check: string,
  spec: ChecksumSpec,
): boolean {
  const weights = spec.weightings ?? [];
  if (serial.length !== weights.length) return false;
  let total = 0;
  for (let k = 0; k < serial.length; k++) {
    const c = serial.charCodeAt(k);
    if (c < ZERO || c > NINE) return false;
    total += (c - ZERO) * (weights[k] ?? 0);
  }
  return (total % (spec.modulo1 ?? 11)) % (spec.modulo2 ?? 10) === checkValue(check);
}

/** A checksum bound to its parameters: true when `check` is right for `serial`. */
export type ChecksumFn = (serial: string, check: string) => boolean;

/** The names the data may use; anything else is a data error caught when formats are compiled. */
export const CHECKSUM_NAMES = [
  'mod10',
  'mod7',
  's10',
  'luhn',
  'mod_37_36',
  'sum_product_with_weightings_and_modulo',
] as const;

/** Binds a data file's checksum spec to its algorithm; undefined for a name we do not know. */
export function checksumFor(spec: ChecksumSpec): ChecksumFn | undefined {
  switch (spec.name) {
    case 'mod10':
      return (serial, check) => mod10(serial, check, spec);
    case 'mod7':
      return mod7;
    case 's10':
      return (serial, check) => s10(serial, check, spec);
    case 'luhn':
      return luhn;
    case 'mod_37_36':
      return (serial, check) => mod37And36(serial, check, spec);
    case 'sum_product_with_weightings_and_modulo':
      return (serial, check) => sumProductWithWeightingsAndModulo(serial, check, spec);
    default:
      return undefined;
  }
}
