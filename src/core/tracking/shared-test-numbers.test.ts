import { describe, expect, it } from 'vitest';
import { SHIPCONFIRM_DATA_FILES, TRACKING_FORMATS, UPSTREAM_DATA_FILES } from './formats.js';
import { isValidForFormat } from './match-format.js';
import { normalizeTrackingNumber } from './normalize.js';

// Every test number the data carries, checked against the format it is listed under.
function cases(files: typeof UPSTREAM_DATA_FILES) {
  return files.flatMap((file) =>
    file.tracking_numbers.flatMap((spec) => {
      const format = [...TRACKING_FORMATS.values()].find(
        (f) => f.name === spec.name && f.courierCode === (spec.courier_code ?? file.courier_code),
      );
      if (!format) throw new Error(`format ${spec.name} not compiled`);
      const tests = spec.test_numbers ?? { valid: [], invalid: [] };
      return [
        ...tests.valid.map((n) => ({ format, number: n, valid: true })),
        ...tests.invalid.map((n) => ({ format, number: n, valid: false })),
      ];
    }),
  );
}

describe('upstream tracking_number_data test numbers', () => {
  const all = cases(UPSTREAM_DATA_FILES);

  it('holds the 280 numbers (192 valid, 88 invalid) in 39 formats', () => {
    expect(all).toHaveLength(280);
    expect(all.filter((c) => c.valid)).toHaveLength(192);
    expect(new Set(all.map((c) => c.format.id)).size).toBe(39);
  });

  it.each(all.map((c) => [c.format.id, c.valid ? 'valid' : 'invalid', c.number, c]))(
    '%s: %s %j',
    (_id, _label, _n, c) => {
      expect(isValidForFormat(c.format, normalizeTrackingNumber(c.number))).toBe(c.valid);
    },
  );
});

describe('ShipConfirm UK/EU test numbers', () => {
  const all = cases(SHIPCONFIRM_DATA_FILES);

  it('every format has valid and invalid numbers', () => {
    for (const spec of SHIPCONFIRM_DATA_FILES.flatMap((f) => f.tracking_numbers)) {
      expect(spec.test_numbers?.valid.length, spec.name).toBeGreaterThan(0);
      expect(spec.test_numbers?.invalid.length, spec.name).toBeGreaterThan(0);
    }
  });

  it.each(all.map((c) => [c.format.id, c.valid ? 'valid' : 'invalid', c.number, c]))(
    '%s: %s %j',
    (_id, _label, _n, c) => {
      expect(isValidForFormat(c.format, normalizeTrackingNumber(c.number))).toBe(c.valid);
    },
  );
});
