// Whitespace of any kind (packers paste from PDFs and spreadsheets: NBSP, tabs) and every dash
// a keyboard or word processor produces; Royal Mail IDs sent with spaces are a reported rejection.
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u2010-\u2015\u2212\u202f\u205f\u3000\ufeff-]+/g;

/** The form tracking numbers are stored, compared and sent in: no spaces or hyphens, upper case. */
export function normalizeTrackingNumber(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase();
}

/** True when a normalised number holds only the characters carriers use (A-Z, 0-9). */
export function hasOnlyTrackingCharacters(normalized: string): boolean {
  return /^[0-9A-Z]*$/.test(normalized);
}
