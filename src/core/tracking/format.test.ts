import { describe, expect, it } from 'vitest';
import { compileFormat, compilePattern } from './format.js';
import { TRACKING_DATA_LICENSE, TRACKING_FORMATS } from './formats.js';

describe('compilePattern', () => {
  it('drops whitespace allowances and literal hyphens, and anchors', () => {
    const re = compilePattern('\\s*1\\s*Z\\s*(?<S>[0-9A-Z]\\s*){3}-\\s*1');
    expect(re.source).toBe('^(?:1Z(?<S>[0-9A-Z]){3}1)$');
    expect(re.test('1ZAB11')).toBe(true);
    expect(re.test('X1ZAB11')).toBe(false);
  });
  it('keeps \\s and ranges inside character classes', () => {
    expect(compilePattern('[0-9A-Z\\s]{2}').source).toBe('^(?:[0-9A-Z\\s]{2})$');
  });
});

describe('compileFormat', () => {
  const file = { name: 'T', courier_code: 'acme', tracking_numbers: [] };
  it('derives an id from courier and name when the data has none', () => {
    expect(compileFormat(file, { name: 'Acme Waybill (10)', regex: 'X' }).id).toBe('acme_waybill_10');
  });
  it('throws on an unknown checksum name', () => {
    expect(() =>
      compileFormat(file, { name: 'A', regex: 'X', validation: { checksum: { name: 'mod99' } } }),
    ).toThrow(/mod99/);
  });
  it('compiles every format with a unique id, upstream ids preserved', () => {
    expect(TRACKING_FORMATS.size).toBe(39 + 23);
    expect(TRACKING_FORMATS.get('ups_waybill')?.courierCode).toBe('ups');
    expect(TRACKING_FORMATS.get('lasership_1ls7_18')).toBeDefined();
    expect(TRACKING_FORMATS.get('old_dominion')).toBeDefined();
    expect(TRACKING_FORMATS.get('old_dominion_guaranteed_shipment')).toBeDefined();
  });
});

it('keeps the upstream MIT notice in code, so that it travels into dist with the data', () => {
  expect(TRACKING_DATA_LICENSE).toMatch(/^MIT License/);
  expect(TRACKING_DATA_LICENSE).toContain('Copyright (c) 2017 Jeff Keen');
});
