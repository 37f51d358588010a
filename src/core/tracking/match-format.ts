import type { TrackingFormat } from './format.js';

/** How a normalised number fares against one format. */
export interface FormatMatch {
  readonly format: TrackingFormat;
  /**
   * `passed`: the check digit is right; `failed`: the pattern fits but the check digit is wrong
   * (or a required lookup, such as the S10 country, is unknown); `none`: the format has no check
   * digit, or its check character is optional and absent.
   */
  readonly checksum: 'passed' | 'failed' | 'none';
}

/** Matches a normalised number against a format; null when the pattern does not fit at all. */
export function matchFormat(format: TrackingFormat, normalized: string): FormatMatch | null {
  const m = format.regex.exec(normalized);
  if (!m) return null;
  const groups = m.groups;
  for (const lookup of format.requiredLookups) {
    const value = groups?.[lookup.group];
    if (value === undefined || !lookup.accepts(value)) return { format, checksum: 'failed' };
  }
  if (!format.checksum) return { format, checksum: 'none' };
  let serial = groups?.SerialNumber;
  const check = groups?.CheckDigit;
  if (serial === undefined) return { format, checksum: 'failed' };
  if (check === undefined) return { format, checksum: 'none' };
  if (format.prependIf?.regex.test(serial)) serial = format.prependIf.content + serial;
  return { format, checksum: format.checksum(serial, check) ? 'passed' : 'failed' };
}

/** True when the number is a valid instance of the format (pattern fits, check digit not wrong). */
export function isValidForFormat(format: TrackingFormat, normalized: string): boolean {
  const match = matchFormat(format, normalized);
  return match !== null && match.checksum !== 'failed';
}
