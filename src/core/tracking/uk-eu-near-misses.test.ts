import { describe, expect, it } from 'vitest';
import type { TrackingFormat } from './format.js';
import { SHIPCONFIRM_DATA_FILES, TRACKING_FORMATS } from './formats.js';
import { isValidForFormat, matchFormat } from './match-format.js';
import { normalizeTrackingNumber } from './normalize.js';

const ours = SHIPCONFIRM_DATA_FILES.flatMap((f) => f.tracking_numbers).map((spec) => {
  const format = TRACKING_FORMATS.get(spec.id ?? '');
  if (!format) throw new Error(`format ${spec.name} has no id`);
  return format;
});

function canonicalValid(format: TrackingFormat): string[] {
  return [...new Set(format.testNumbers.valid.map(normalizeTrackingNumber))];
}

const isValid = (format: TrackingFormat, raw: string) =>
  isValidForFormat(format, normalizeTrackingNumber(raw));

describe.each(ours.map((f) => [f.id, f]))('near misses of %s', (_id, format) => {
  const numbers = canonicalValid(format);

  it('accepts lower-case, spaced and hyphenated variants of its valid numbers', () => {
    for (const n of numbers) {
      expect(isValid(format, n.toLowerCase()), n).toBe(true);
      expect(isValid(format, n.replace(/(.{4})/g, '$1 ')), n).toBe(true);
      expect(isValid(format, ` ${n.split('').join('-')} `), n).toBe(true);
    }
  });

  it('refuses one character more or one fewer', () => {
    for (const n of numbers) {
      const longer = `${n}${n.at(-1)}`;
      const shorter = n.slice(0, -1);
      // Formats with a length range (GLS 11-12, Correos P+15-22, Hermes 14|16) legitimately accept some.
      const variable = /\{\d+,\d+\}|\|/.test(format.regex.source);
      if (!variable) {
        expect(isValid(format, longer), longer).toBe(false);
        if (format.id !== 'dpd_uk') expect(isValid(format, shorter), shorter).toBe(false);
      }
    }
  });

  if (format.checksum) {
    it('refuses every single-character change of a number with a check character', () => {
      for (const n of numbers) {
        const match = matchFormat(format, n);
        if (match?.checksum !== 'passed') continue;
        for (let i = 0; i < n.length; i++) {
          const c = n[i] ?? '';
          if (!/[0-9]/.test(c)) continue;
          for (let d = 0; d <= 9; d++) {
            if (String(d) === c) continue;
            const changed = n.slice(0, i) + d + n.slice(i + 1);
            // Changing the first DPD digit between 0 and 1, or a digit before the SSCC body, can leave the pattern.
            if (matchFormat(format, changed) === null) continue;
            expect(isValid(format, changed), `${n} -> ${changed}`).toBe(false);
          }
        }
      }
    });

    it('refuses two adjacent digits swapped (GS1 mod 10 cannot see a swap of digits 5 apart)', () => {
      for (const n of numbers) {
        if (matchFormat(format, n)?.checksum !== 'passed') continue;
        for (let i = 0; i + 1 < n.length; i++) {
          const a = n[i] ?? '';
          const b = n[i + 1] ?? '';
          if (a === b || !/[0-9]/.test(a) || !/[0-9]/.test(b)) continue;
          if (format.checksumName === 'mod10' && Math.abs(Number(a) - Number(b)) === 5) continue;
          const swapped = n.slice(0, i) + b + a + n.slice(i + 2);
          if (matchFormat(format, swapped) === null) continue;
          expect(isValid(format, swapped), `${n} -> ${swapped}`).toBe(false);
        }
      }
    });
  }

  if (/\(\?<CountryCode>[A-Z]{2}\)/.test(format.regex.source)) {
    it('refuses the right number with another country suffix', () => {
      for (const n of numbers) {
        for (const cc of ['GB', 'US', 'DE', 'FR', 'IT', 'ES', 'XX']) {
          if (n.endsWith(cc)) continue;
          expect(isValid(format, n.slice(0, -2) + cc), `${n} as ${cc}`).toBe(false);
        }
      }
    });
  }
});

it('marks as unverified exactly the additions without a documented source', () => {
  const unverified = ours.filter((f) => !f.verified).map((f) => f.id);
  expect(unverified).not.toContain('royal_mail_s10');
  expect(unverified).not.toContain('dpd_uk');
  expect(unverified).toEqual(
    expect.arrayContaining(['royal_mail_parcel_id', 'evri_16', 'evri_h', 'apc_7', 'gls']),
  );
});
