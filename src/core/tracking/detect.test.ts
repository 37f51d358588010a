import { describe, expect, it } from 'vitest';
import { detectCarriers } from './detect.js';

describe('detectCarriers', () => {
  it('finds UPS by its check digit', () => {
    expect(detectCarriers('1Z5R89390357567127')[0]).toMatchObject({
      carrierId: 'ups',
      checksumVerified: true,
    });
  });

  it('ranks a verified check digit above a pattern that only fits', () => {
    // 14 digits: DPD UK with no check character, Hermes DE, DHL eCommerce (14)... all pattern only.
    const plain = detectCarriers('15501234567890');
    expect(plain.every((d) => !d.checksumVerified)).toBe(true);
    const withCheck = detectCarriers('15501234567890Q');
    expect(withCheck[0]).toMatchObject({ carrierId: 'dpd', checksumVerified: true });
  });

  it('returns each carrier once and nothing for a failed check digit', () => {
    const ids = detectCarriers('AB192837461GB').map((d) => d.carrierId);
    expect(ids).toEqual(['royal-mail', 'parcelforce']);
    expect(detectCarriers('AB192837462GB')).toEqual([]);
  });

  it('normalises its input and ignores junk', () => {
    expect(detectCarriers(' jjd 0002 2576 3903 2011 ')[0]?.carrierId).toBe('yodel');
    expect(detectCarriers('not a number!')).toEqual([]);
    expect(detectCarriers('')).toEqual([]);
  });

  it('considers only carriers that operate in the marketplace when one is given', () => {
    // 16 digits with a valid Canada Post check digit, and also the shape of an Evri number.
    expect(detectCarriers('9664303568020479')[0]?.carrierId).toBe('canada-post');
    const uk = detectCarriers('9664303568020479', undefined, 'UK').map((d) => d.carrierId);
    expect(uk).not.toContain('canada-post');
    expect(uk).not.toContain('hermes-de');
    expect(uk).toContain('evri');
    // Amazon marketplace ids work as well as codes.
    expect(detectCarriers('9664303568020479', undefined, 'ATVPDKIKX0DER')[0]?.carrierId).toBe('canada-post');
  });
});
