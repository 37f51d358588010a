import { describe, expect, it } from 'vitest';
import { createCarrierRegistry } from '../carriers/registry.js';
import { validateTracking } from './validate.js';

const codes = (list: ReadonlyArray<{ code: string }>) => list.map((r) => r.code);

describe('validateTracking', () => {
  it('accepts a Royal Mail S10 number typed with spaces and lower case, normalised', () => {
    const v = validateTracking('ab 1928 3746 1 gb', 'royal-mail', 'Tracked 24');
    expect(v).toMatchObject({
      ok: true,
      normalized: 'AB192837461GB',
      carrier: 'royal-mail',
      kind: 'tracking',
    });
    expect(v.checksumVerified).toBe(true);
  });

  it('accepts carrier names as well as ids', () => {
    expect(validateTracking('AB192837461GB', 'RM').carrier).toBe('royal-mail');
  });

  it('refuses a wrong check digit and a wrong country suffix for Royal Mail', () => {
    expect(codes(validateTracking('AB192837462GB', 'royal-mail').reasons)).toEqual(['tracking-check-digit']);
    const us = validateTracking('RB123456785US', 'royal-mail', 'Tracked 48');
    expect(codes(us.reasons)).toEqual(['tracking-format']);
    expect(us.warnings.find((w) => w.code === 'tracking-looks-like-other-carrier')?.message).toContain(
      'USPS',
    );
  });

  it('treats the number as a parcel ID for Royal Mail 24/48 and refuses a 13-character number there', () => {
    expect(validateTracking('320019254000221BB4EFC', 'royal-mail', 'Royal Mail 48')).toMatchObject({
      ok: true,
      kind: 'parcel-id',
    });
    const s10 = validateTracking('AB192837461GB', 'royal-mail', 'Royal Mail 24');
    expect(s10).toMatchObject({ ok: false, kind: 'parcel-id' });
    expect(codes(s10.reasons)).toEqual(['parcel-id-is-tracking-number']);
  });

  it('decides the kind from the number when no service is given', () => {
    expect(validateTracking('320019254000221BB4EFC', 'royal-mail').kind).toBe('parcel-id');
    expect(validateTracking('AB192837461GB', 'royal-mail').kind).toBe('tracking');
  });

  it('refuses a parcel ID outside 13-21 characters, warns on an unusual one inside', () => {
    expect(codes(validateTracking('ABC123', 'royal-mail', '48').reasons)).toEqual(['parcel-id-length']);
    expect(codes(validateTracking('320019254000221BB4EFCAB', 'royal-mail', '48').reasons)).toEqual([
      'parcel-id-length',
    ]);
    const odd = validateTracking('ZZ0019254000221BB4EFC', 'royal-mail', '48');
    expect(odd.ok).toBe(true);
    expect(codes(odd.warnings)).toEqual(['parcel-id-unusual']);
  });

  it('refuses a parcel ID given for a tracked Royal Mail service', () => {
    expect(codes(validateTracking('320019254000221BB4EFC', 'royal-mail', 'Tracked 48').reasons)).toEqual([
      'tracking-is-parcel-id',
    ]);
  });

  it('DPD UK: 14 digits pass without a check character, a wrong check character is refused', () => {
    expect(validateTracking('15501234567890', 'dpd').ok).toBe(true);
    expect(validateTracking('15501234567890Q', 'dpd').checksumVerified).toBe(true);
    expect(codes(validateTracking('15501234567890R', 'dpd').reasons)).toEqual(['tracking-check-digit']);
  });

  it('only warns when an unverified format does not fit (Evri)', () => {
    const v = validateTracking('12345', 'evri');
    expect(v.ok).toBe(true);
    expect(codes(v.warnings)).toContain('tracking-format-unverified');
  });

  it('refuses a number with stray characters and an empty number', () => {
    expect(codes(validateTracking('AB1928/37461GB', 'royal-mail').reasons)).toEqual([
      'tracking-bad-characters',
    ]);
    expect(codes(validateTracking('  ', 'royal-mail').reasons)).toEqual(['tracking-missing']);
  });

  it('refuses an unknown carrier', () => {
    expect(codes(validateTracking('AB192837461GB', 'nope-carrier').reasons)).toEqual(['carrier-unknown']);
  });

  it('warns on an unknown service', () => {
    expect(codes(validateTracking('AB192837461GB', 'royal-mail', 'Teleport').warnings)).toEqual([
      'service-unknown',
    ]);
  });

  it('warns that a UPS number given for DPD looks like UPS', () => {
    const v = validateTracking('1Z5R89390357567127', 'dpd');
    expect(v.warnings.find((w) => w.code === 'tracking-looks-like-other-carrier')?.message).toMatch(
      /UPS.*not DPD/,
    );
  });

  it('uses the formats of a carrier added in config', () => {
    const registry = createCarrierRegistry({
      carriers: [
        {
          id: 'acme',
          displayName: 'Acme',
          amazonCode: 'Other',
          carrierName: 'Acme',
          trackingFormatIds: ['yodel'],
          formatCoverage: 'complete',
        },
      ],
    });
    expect(validateTracking('JJD0002257639032011', 'acme', undefined, registry).ok).toBe(true);
    expect(codes(validateTracking('12345', 'acme', undefined, registry).reasons)).toEqual([
      'tracking-format',
    ]);
  });

  describe('"looks like another carrier" advice in a marketplace', () => {
    const looksLike = (v: ReturnType<typeof validateTracking>) =>
      v.warnings.filter((w) => w.code === 'tracking-looks-like-other-carrier');

    it('names no carrier that does not operate in the marketplace', () => {
      // Canada Post check digit passes, but a UK Evri parcel is not a Canada Post parcel.
      const uk = validateTracking('9664303568020479', 'evri', 'Standard', undefined, {
        marketplaceCode: 'UK',
      });
      expect(uk.ok).toBe(true);
      expect(looksLike(uk)).toEqual([]);
      // Without a marketplace every carrier is considered (tracking validate without --marketplace).
      expect(looksLike(validateTracking('9664303568020479', 'evri'))[0]?.message).toContain('Canada Post');
    });

    it('still names a carrier of the marketplace that fits better', () => {
      const v = validateTracking('15501234567890Q', 'royal-mail', 'Tracked 48', undefined, {
        marketplaceCode: 'UK',
      });
      expect(looksLike(v)[0]?.message).toMatch(/looks like a DPD .*not Royal Mail/);
    });

    it('reads carrier names as in the marketplace', () => {
      const de = validateTracking('12345678901234', 'Hermes', undefined, undefined, {
        marketplaceCode: 'DE',
      });
      expect(de.carrier).toBe('hermes-de');
    });
  });
});
