import { type ChecksumFn, type ChecksumSpec, checksumFor } from './checksums.js';

/** One lookup row of a data file's `additional` section (`matches` exact, or `matches_regex`). */
export interface TrackingLookupSpec {
  readonly matches?: string;
  readonly matches_regex?: string;
  readonly [key: string]: unknown;
}

/** One tracking-number format as the data files describe it (snake_case keys, as in the JSON). */
export interface TrackingFormatSpec {
  readonly name: string;
  /** Missing on four upstream formats; derived from the courier and name when absent. */
  readonly id?: string;
  /** Our additions name their courier per format; upstream formats take the file's. */
  readonly courier_code?: string;
  readonly description?: string;
  /** One regex, or parts to concatenate. Unanchored; may allow whitespace between characters. */
  readonly regex: string | readonly string[];
  readonly validation?: {
    readonly checksum?: ChecksumSpec;
    /** Content to put in front of the serial before the checksum, when the serial matches. */
    readonly serial_number_format?: {
      readonly prepend_if?: { readonly matches_regex: string; readonly content: string };
    };
    /** Names of `additional` lookups that must find the captured value for the number to be valid. */
    readonly additional?: { readonly exists?: readonly string[] };
  };
  readonly additional?: ReadonlyArray<{
    readonly name: string;
    readonly regex_group_name: string;
    readonly lookup: readonly TrackingLookupSpec[];
  }>;
  readonly tracking_url?: string;
  readonly test_numbers?: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
  /** Ours: false when the pattern is best knowledge, not a documented fact (mismatch only warns). Default true. */
  readonly shipconfirm_verified?: boolean;
  /** Ours: what the number is. Default `tracking`. */
  readonly shipconfirm_kind?: 'tracking' | 'parcel-id';
}

/** A data file: one courier's formats (upstream), or our additions. */
export interface TrackingDataFile {
  readonly name: string;
  readonly courier_code: string;
  readonly tracking_numbers: readonly TrackingFormatSpec[];
}

/** A format ready to match normalised numbers (no spaces or hyphens, upper case). */
export interface TrackingFormat {
  /** Stable id: the data's `id`, or `<courier>_<name>` when the data has none. */
  readonly id: string;
  readonly name: string;
  /** The data's courier code (`ups`, `s10`, `royal_mail`...). Carriers list the formats they use. */
  readonly courierCode: string;
  /** True when pattern and check digit are documented; false: a mismatch only warns. */
  readonly verified: boolean;
  readonly kind: 'tracking' | 'parcel-id';
  /** Anchored, whitespace-free form of the data's regex. */
  readonly regex: RegExp;
  /** Name of the check-digit algorithm, when the format has one. */
  readonly checksumName: string | null;
  readonly trackingUrl: string | null;
  readonly testNumbers: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
  /** Internal: the bound checksum, the serial prefix rule and required lookups. */
  readonly checksum: ChecksumFn | null;
  readonly prependIf: { readonly regex: RegExp; readonly content: string } | null;
  readonly requiredLookups: ReadonlyArray<{
    readonly group: string;
    readonly accepts: (value: string) => boolean;
  }>;
}

/**
 * Rewrites an upstream regex for normalised input: drops `\s*` and literal hyphens outside
 * character classes (normalisation has removed both from the number) and anchors it, because a
 * number must be the format, not contain it.
 */
export function compilePattern(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && next === 's' && source[i + 2] === '*') {
        i += 2;
        continue;
      }
      out += ch + next;
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === '-') continue;
    out += ch;
  }
  return new RegExp(`^(?:${out})$`);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function formatId(courierCode: string, spec: TrackingFormatSpec): string {
  if (spec.id) return spec.id;
  const name = slug(spec.name);
  return name.startsWith(courierCode) ? name : `${courierCode}_${name}`;
}

/**
 * Turns one data-file format into a matcher. Throws on data errors (unknown checksum, bad regex):
 * the data ships with the code, so this is a build fault, caught by the unit tests.
 */
export function compileFormat(file: TrackingDataFile, spec: TrackingFormatSpec): TrackingFormat {
  const courierCode = spec.courier_code ?? file.courier_code;
  const id = formatId(courierCode, spec);
  const source = typeof spec.regex === 'string' ? spec.regex : spec.regex.join('');
  const checksumSpec = spec.validation?.checksum;
  const checksum = checksumSpec ? checksumFor(checksumSpec) : undefined;
  if (checksumSpec && !checksum) {
    throw new Error(`tracking format ${id}: unknown checksum "${checksumSpec.name}"`);
  }
  const prepend = spec.validation?.serial_number_format?.prepend_if;
  const requiredLookups = (spec.validation?.additional?.exists ?? []).map((name) => {
    const table = spec.additional?.find((a) => a.name === name);
    if (!table) throw new Error(`tracking format ${id}: required lookup "${name}" is missing`);
    const exact = new Set<string>();
    const patterns: RegExp[] = [];
    for (const row of table.lookup) {
      if (row.matches !== undefined) exact.add(row.matches);
      if (row.matches_regex !== undefined) patterns.push(new RegExp(`^(?:${row.matches_regex})$`));
    }
    return {
      group: table.regex_group_name,
      accepts: (value: string) => exact.has(value) || patterns.some((p) => p.test(value)),
    };
  });
  return {
    id,
    name: spec.name,
    courierCode,
    verified: spec.shipconfirm_verified ?? true,
    kind: spec.shipconfirm_kind ?? 'tracking',
    regex: compilePattern(source),
    checksumName: checksumSpec?.name ?? null,
    trackingUrl: spec.tracking_url ?? null,
    testNumbers: spec.test_numbers ?? { valid: [], invalid: [] },
    checksum: checksum ?? null,
    prependIf: prepend ? { regex: new RegExp(prepend.matches_regex), content: prepend.content } : null,
    requiredLookups,
  };
}
