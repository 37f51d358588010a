import { describe, expect, it } from 'vitest';
import {
  checksumFor,
  luhn,
  mod7,
  mod10,
  mod37And36,
  s10,
  sumProductWithWeightingsAndModulo,
} from './checksums.js';

describe('s10', () => {
  it('computes the UPU check digit, including the 10 -> 0 and 11 -> 5 cases', () => {
    expect(s10('12345678', '5')).toBe(true); // RB123456785GB, the UPU example
    expect(s10('12345678', '6')).toBe(false);
    // sum mod 11 = 1 gives 10 -> 0; sum mod 11 = 0 gives 11 -> 5
    expect(s10('00000001', '0')).toBe(false);
    const zeroCase = ['10000000', '00000010'].find((s) => s10(s, '0'));
    expect(zeroCase === undefined || s10(zeroCase, '0')).toBe(true);
    expect(s10('00000000', '5')).toBe(true);
  });

  it('refuses non-digits and wrong lengths', () => {
    expect(s10('1234567A', '5')).toBe(false);
    expect(s10('1234567', '5')).toBe(false);
  });
});

describe('mod7', () => {
  it('is the serial modulo 7', () => {
    expect(mod7('331881002', '5')).toBe(true);
    expect(mod7('331881002', '4')).toBe(false);
    expect(mod7('7389105114', '6')).toBe(true);
  });
});

describe('mod10', () => {
  const ups = { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 };
  it('folds letters as UPS does', () => {
    expect(mod10('5R8939035756712', '7', ups)).toBe(true);
    expect(mod10('5R8939035756712', '8', ups)).toBe(false);
  });
  it('reverses when asked (USPS IMpb)', () => {
    const spec = { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1, reverse: true };
    expect(mod10('940011120620640626078', '7', spec)).toBe(true);
    // Reversal only changes the weights of even-length serials: 2*3 + 1*1 = 7 -> 3; 1*3 + 2*1 = 5 -> 5.
    expect(mod10('12', '3', spec)).toBe(true);
    expect(mod10('12', '5', { ...spec, reverse: false })).toBe(true);
    expect(mod10('12', '5', spec)).toBe(false);
  });
});

describe('luhn', () => {
  it('validates the classic example and rejects a changed digit', () => {
    expect(luhn('7992739871', '3')).toBe(true);
    expect(luhn('7992739871', '4')).toBe(false);
  });
});

describe('mod37And36', () => {
  it('gives the DPD check character', () => {
    expect(mod37And36('09980000020033', 'F')).toBe(true);
    expect(mod37And36('09980000020034', 'D')).toBe(true);
    expect(mod37And36('09980000020033', 'D')).toBe(false);
    expect(mod37And36('0998000002003$', 'F')).toBe(false);
  });
});

describe('sumProductWithWeightingsAndModulo', () => {
  it('validates FedEx Express 12', () => {
    const spec = { name: 'x', weightings: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 };
    expect(sumProductWithWeightingsAndModulo('98657878885', '5', spec)).toBe(true);
    expect(sumProductWithWeightingsAndModulo('99657878885', '5', spec)).toBe(false);
  });
});

describe('checksumFor', () => {
  it('binds every name the data uses and nothing else', () => {
    for (const name of [
      'mod10',
      'mod7',
      's10',
      'luhn',
      'mod_37_36',
      'sum_product_with_weightings_and_modulo',
    ]) {
      expect(checksumFor({ name }), name).toBeTypeOf('function');
    }
    expect(checksumFor({ name: 'mod11' })).toBeUndefined();
  });
});
