import { describe, expect, it } from 'vitest';
import projectCarrierCodes from '../../../amazon-models/carrier-codes.json' with { type: 'json' };
import amazonCarrierCodes from './amazon-carrier-codes.json' with { type: 'json' };
import { BUILTIN_CARRIERS } from './builtin-carriers.js';
import { createCarrierRegistry } from './registry.js';

describe('createCarrierRegistry', () => {
  const registry = createCarrierRegistry();

  it("knows Amazon's 378 codes plus Other, and not Evri by default", () => {
    expect(amazonCarrierCodes.values).toHaveLength(378);
    // Core cannot read amazon-models/ at run time, so it holds a copy: keep the two identical.
    expect(amazonCarrierCodes.values).toEqual(projectCarrierCodes.values);
    expect(registry.amazonCodes.has('Royal Mail')).toBe(true);
    expect(registry.amazonCodes.has('Other')).toBe(true);
    expect(registry.amazonCodes.has('Evri')).toBe(false);
    expect(registry.amazonCodes.has('royal mail')).toBe(false);
  });

  it('gives every built-in carrier an exact Amazon code and real formats', () => {
    for (const c of BUILTIN_CARRIERS) {
      expect(registry.amazonCodes.has(c.amazonCode), c.id).toBe(true);
      if (c.amazonCode === 'Other') expect(c.carrierName, c.id).toBeTruthy();
      expect(c.services.length, c.id).toBeGreaterThan(0);
    }
  });

  it('covers the carriers UK sellers use', () => {
    for (const code of [
      'Royal Mail',
      'Parcelforce',
      'Yodel',
      'Hermes UK',
      'DPD',
      'DPD Local',
      'DHL',
      'UPS',
      'FedEx',
    ]) {
      expect(
        registry.carriers.some((c) => c.amazonCode === code && c.integrated.UK),
        code,
      ).toBe(true);
    }
  });

  describe('evriCode', () => {
    it('defaults to Hermes UK', () => {
      expect(registry.byId.get('evri')?.amazonCode).toBe('Hermes UK');
    });
    it('Evri adds the code to the accepted list', () => {
      const r = createCarrierRegistry({ evriCode: 'Evri' });
      expect(r.byId.get('evri')?.amazonCode).toBe('Evri');
      expect(r.amazonCodes.has('Evri')).toBe(true);
    });
    it('Other sends Evri as the carrier name', () => {
      const r = createCarrierRegistry({ evriCode: 'Other' });
      expect(r.byId.get('evri')).toMatchObject({ amazonCode: 'Other', carrierName: 'Evri' });
    });
    it('refuses anything else', () => {
      expect(() => createCarrierRegistry({ evriCode: 'evri' as 'Evri' })).toThrow(/evriCode/);
    });
  });

  describe('extension', () => {
    it('adds a carrier with services and aliases', () => {
      const r = createCarrierRegistry({
        carriers: [
          {
            id: 'arrow-xl',
            displayName: 'Arrow XL',
            amazonCode: 'Arrow XL',
            aliases: ['ArrowXL'],
            integrated: { UK: true },
            services: [{ name: 'Two Man', aliases: ['2 man'], tracked: true, needsParcelId: false }],
          },
        ],
        aliases: { 'our van': 'dpd' },
      });
      expect(r.byId.get('arrow-xl')?.services[0]?.name).toBe('Two Man');
      expect(r.aliasIndex.get('arrowxl')).toBe('arrow-xl');
      expect(r.aliasIndex.get('ourvan')).toBe('dpd');
    });

    it('changes a known carrier: aliases appended, services merged by name', () => {
      const r = createCarrierRegistry({
        carriers: [
          {
            id: 'yodel',
            aliases: ['YOD'],
            services: [{ name: 'Xpect 24', aliases: [], tracked: false, needsParcelId: false }],
          },
        ],
      });
      const yodel = r.byId.get('yodel');
      expect(yodel?.aliases).toContain('Yodel Direct');
      expect(yodel?.aliases).toContain('YOD');
      expect(yodel?.services.find((s) => s.name === 'Xpect 24')?.tracked).toBe(false);
      expect(yodel?.services.length).toBe(BUILTIN_CARRIERS.find((c) => c.id === 'yodel')?.services.length);
    });

    it.each([
      [
        { carriers: [{ id: 'x', displayName: 'X', amazonCode: 'royal mail' }] },
        /carrier "x".*did you mean "Royal Mail"/,
      ],
      [{ carriers: [{ id: 'x', displayName: 'X', amazonCode: 'Other' }] }, /carrier "x".*carrierName/],
      [{ carriers: [{ id: 'x', amazonCode: 'DPD' }] }, /carriers\[0\] \(id "x"\).*displayName/],
      [{ carriers: [{ id: 'Bad Id', displayName: 'X', amazonCode: 'DPD' }] }, /carriers\[0\].*"id"/],
      [
        { carriers: [{ id: 'x', displayName: 'X', amazonCode: 'DPD', trackingFormatIds: ['nope'] }] },
        /unknown tracking format "nope"/,
      ],
      [
        { carriers: [{ id: 'x', displayName: 'X', amazonCode: 'DPD', services: [{ aliases: [] }] }] },
        /service #1.*name/,
      ],
      [{ aliases: { foo: 'no-such' } }, /aliases\["foo"\].*no-such/],
      [{ carriers: [{ id: 'other', displayName: 'X', amazonCode: 'Other' }] }, /reserved/],
      [{ evricode: 'Evri' }, /"evricode": unknown setting/],
      [{ carriers: { id: 'x' } }, /"carriers": must be a list/],
      [{ aliases: ['RM'] }, /"aliases": must map names/],
      [{ aliases: { RM: 3 } }, /aliases\["RM"\]: must be a carrier id/],
      [
        { carriers: [{ id: 'x', displayName: 'X', amazonCode: 'DPD', integrated: { UK: 'yes' } }] },
        /carriers\[0\] \(id "x"\).*"integrated" of "UK" must be true or false/,
      ],
      [
        { carriers: [{ id: 'x', displayName: 'X', amazonCode: 'DPD', marketplaces: 'UK' }] },
        /carriers\[0\] \(id "x"\).*"marketplaces" must be a list/,
      ],
    ])('names the bad entry: %j', (extension, message) => {
      expect(() => createCarrierRegistry(extension as never)).toThrow(message);
    });

    it('reads marketplace codes in integrated and marketplaces as upper case', () => {
      const r = createCarrierRegistry({
        carriers: [
          {
            id: 'van',
            displayName: 'Van',
            amazonCode: 'Other',
            carrierName: 'Van',
            integrated: { uk: false },
            marketplaces: [' de '],
          },
        ],
      });
      expect(r.byId.get('van')).toMatchObject({ integrated: { UK: false }, marketplaces: ['DE'] });
    });

    it('accepts extra Amazon codes', () => {
      const r = createCarrierRegistry({
        extraAmazonCodes: ['NewCo'],
        carriers: [{ id: 'newco', displayName: 'NewCo', amazonCode: 'NewCo' }],
      });
      expect(r.byId.get('newco')?.amazonCode).toBe('NewCo');
    });
  });
});
