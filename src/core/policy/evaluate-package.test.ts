import { describe, expect, it } from 'vitest';
import { createCarrierRegistry } from '../carriers/registry.js';
import { evaluatePackage, type PolicyInput } from './evaluate-package.js';
import { REASON_CODES } from './reason-codes.js';

const registry = createCarrierRegistry();
const NOW = '2026-03-02T15:00:00Z';

function input(
  pkg: Partial<PolicyInput['package']> = {},
  order: Partial<PolicyInput['order']> = {},
): PolicyInput {
  return {
    order: {
      orderId: '202-0000001-0000001',
      marketplaceCode: 'UK',
      domestic: true,
      isPrime: false,
      shipByLatest: '2026-03-03T23:59:59Z',
      createdAt: '2026-03-01T10:00:00Z',
      ...order,
    },
    package: {
      carrier: 'Royal Mail',
      service: 'Tracked 48',
      trackingId: 'AB192837461GB',
      shipDate: '2026-03-02T14:00:00Z',
      ...pkg,
    },
    knownTrackingIds: [],
    now: NOW,
  };
}

const codes = (list: ReadonlyArray<{ code: string }>) => list.map((r) => r.code);

describe('evaluatePackage', () => {
  it('accepts a clean Royal Mail Tracked 48 package with the exact code and the normalised number', () => {
    const d = evaluatePackage(input({ carrier: 'royalmail', trackingId: 'ab 1928 3746 1 gb' }), registry);
    expect(d).toMatchObject({
      verdict: 'accept',
      carrierCode: 'Royal Mail',
      carrierName: null,
      integrated: true,
      shippingService: 'Tracked 48',
      trackingId: 'AB192837461GB',
      trackingKind: 'tracking',
      refusals: [],
      warnings: [],
      confirmVia: 'confirm-shipment',
      countsTowardVtr: true,
    });
  });

  describe('carrier maps to an exact Amazon code', () => {
    it.each([
      ['RM', 'Royal Mail'],
      ['Hermes', 'Hermes UK'],
      ['evri', 'Hermes UK'],
      ['dpd', 'DPD'],
      ['ups', 'UPS'],
    ])('%s -> %s', (typed, code) => {
      const d = evaluatePackage(input({ carrier: typed, service: 'x', trackingId: null }), registry);
      expect(d.carrierCode).toBe(code);
    });

    it('refuses an unknown carrier with suggestions instead of sending Other', () => {
      const d = evaluatePackage(input({ carrier: 'Royl Mial' }), registry);
      expect(d.verdict).toBe('refuse');
      expect(d.carrierCode).toBeNull();
      expect(codes(d.refusals)).toContain('carrier-unknown');
      expect(d.refusals[0]?.message).toContain('Royal Mail');
    });

    it('refuses a missing carrier', () => {
      const d = evaluatePackage(input({ carrier: '  ' }), registry);
      expect(codes(d.refusals)).toContain('carrier-missing');
    });

    it('takes the service typed with the carrier when the service field is empty', () => {
      const d = evaluatePackage(input({ carrier: 'Royal Mail Tracked 24', service: '' }), registry);
      expect(d.verdict).toBe('accept');
      expect(d.shippingService).toBe('Tracked 24');
    });
  });

  describe('Other', () => {
    it('needs a carrier name', () => {
      const d = evaluatePackage(input({ carrier: 'Other', service: 'Standard', trackingId: 'X1' }), registry);
      expect(d.verdict).toBe('refuse');
      expect(codes(d.refusals)).toContain('carrier-name-missing');
    });

    it('is flagged as not integrated, counting against VTR', () => {
      const d = evaluatePackage(
        input({
          carrier: 'Other',
          carrierName: 'Local Courier Ltd',
          service: 'Same Day',
          trackingId: 'LC123',
        }),
        registry,
      );
      expect(d.verdict).toBe('accept-with-warnings');
      expect(d).toMatchObject({ carrierCode: 'Other', carrierName: 'Local Courier Ltd', integrated: false });
      const w = d.warnings.find((x) => x.code === 'carrier-not-integrated');
      expect(w?.message).toContain('not an integrated carrier: counts against your VTR');
    });

    it('warns when the name given for Other has its own Amazon code', () => {
      const d = evaluatePackage(
        input({ carrier: 'Other', carrierName: 'Yodel', service: 'x', trackingId: 'Y1' }),
        registry,
      );
      expect(codes(d.warnings)).toContain('carrier-other-but-known');
    });

    it('sends the configured carrier name for a registry carrier whose code is Other', () => {
      const d = evaluatePackage(
        input({ carrier: 'Canpar', service: 'Ground', trackingId: 'D576002440000001718010' }),
        registry,
      );
      expect(d).toMatchObject({ carrierCode: 'Other', carrierName: 'Canpar' });
      expect(codes(d.refusals)).toEqual([]);
    });
  });

  describe('tracked services need a number', () => {
    it('refuses a tracked service without a tracking ID', () => {
      const d = evaluatePackage(input({ trackingId: null }), registry);
      expect(d.verdict).toBe('refuse');
      expect(codes(d.refusals)).toEqual(['tracking-required']);
    });

    it('only warns for a tracked service of a carrier Amazon does not track', () => {
      const d = evaluatePackage(
        input({ carrier: 'Other', carrierName: 'Courier X', service: 'x', trackingId: null }),
        registry,
      );
      expect(d.verdict).toBe('accept-with-warnings');
      expect(codes(d.warnings)).toContain('tracking-required');
    });

    it('refuses Royal Mail 48 without a parcel ID', () => {
      const d = evaluatePackage(input({ service: 'Royal Mail 48', trackingId: null }), registry);
      expect(codes(d.refusals)).toEqual(['parcel-id-required']);
      expect(d.refusals[0]?.message).toMatch(/above the 2D barcode.*untracked, choose .*Stamped Letter/);
    });

    it('accepts Royal Mail 24 with its parcel ID, given in either field', () => {
      for (const pkg of [
        { parcelId: '320019254000221BB4EFC', trackingId: null },
        { trackingId: '320019254000221bb4efc' },
      ]) {
        const d = evaluatePackage(input({ service: 'RM24', ...pkg }), registry);
        expect(d).toMatchObject({
          verdict: 'accept',
          trackingId: '320019254000221BB4EFC',
          trackingKind: 'parcel-id',
        });
      }
    });

    it('refuses a 13-character S10 number given for Royal Mail 48, explaining which number to use', () => {
      const d = evaluatePackage(input({ service: '48', trackingId: 'AB192837461GB' }), registry);
      expect(codes(d.refusals)).toEqual(['parcel-id-is-tracking-number']);
      expect(d.refusals[0]?.message).toMatch(/above the 2D barcode/);
      expect(d.refusals[0]?.message).toMatch(/Tracked service/);
    });
  });

  describe('untracked services', () => {
    it('are allowed, flagged, and marked for the fulfilment feed (confirmVia)', () => {
      const d = evaluatePackage(input({ service: 'Stamped Letter', trackingId: null }), registry);
      expect(d).toMatchObject({
        verdict: 'accept-with-warnings',
        trackingId: null,
        trackingKind: 'none',
        confirmVia: 'fulfillment-feed',
      });
      expect(codes(d.warnings)).toEqual(['service-untracked']);
    });
  });

  describe('tracking IDs used before', () => {
    it('refuses a number already on another order with the same carrier', () => {
      const d = evaluatePackage(
        {
          ...input(),
          knownTrackingIds: [{ trackingId: 'AB192837461GB', orderId: 'other', carrierCode: 'Royal Mail' }],
        },
        registry,
      );
      expect(codes(d.refusals)).toEqual(['tracking-reused']);
      expect(d.refusals[0]?.message).toContain('other');
    });

    it('only flags a number already on another order with another carrier', () => {
      const d = evaluatePackage(
        {
          ...input(),
          knownTrackingIds: [{ trackingId: 'AB192837461GB', orderId: 'other', carrierCode: 'DPD' }],
        },
        registry,
      );
      expect(d.verdict).toBe('accept-with-warnings');
      expect(codes(d.warnings)).toEqual(['tracking-reused-other-carrier']);
    });

    it('flags the same number on another package of the same order', () => {
      const base = input();
      const d = evaluatePackage(
        {
          ...base,
          knownTrackingIds: [
            { trackingId: 'AB192837461GB', orderId: base.order.orderId, carrierCode: 'Royal Mail' },
          ],
        },
        registry,
      );
      expect(codes(d.warnings)).toEqual(['tracking-reused-same-order']);
      expect(d.refusals).toEqual([]);
    });
  });

  describe('tracking formats', () => {
    it('refuses a failed check digit of a verified algorithm', () => {
      const d = evaluatePackage(input({ trackingId: 'AB192837462GB' }), registry);
      expect(codes(d.refusals)).toEqual(['tracking-check-digit']);
    });

    it('only warns on a pattern mismatch of an unverified format', () => {
      const d = evaluatePackage(
        input({ carrier: 'Evri', service: 'Standard', trackingId: 'ABC123' }),
        registry,
      );
      expect(d.verdict).toBe('accept-with-warnings');
      expect(codes(d.warnings)).toContain('tracking-format-unverified');
    });

    it('says when the number looks like another carrier', () => {
      const d = evaluatePackage(input({ trackingId: '15501234567890Q' }), registry);
      expect(d.verdict).toBe('refuse');
      expect(codes(d.refusals)).toEqual(['tracking-format']);
      expect(d.warnings.find((w) => w.code === 'tracking-looks-like-other-carrier')?.message).toContain(
        'DPD',
      );
    });
  });

  describe('"looks like another carrier" only among carriers of the order\'s marketplace', () => {
    const looksLike = (d: ReturnType<typeof evaluatePackage>) =>
      d.warnings.filter((w) => w.code === 'tracking-looks-like-other-carrier');

    it('does not call a UK Evri number a Canada Post number', () => {
      const d = evaluatePackage(
        input({ carrier: 'Evri', service: 'Standard', trackingId: '9664303568020479' }),
        registry,
      );
      expect(d.verdict).toBe('accept');
      expect(looksLike(d)).toEqual([]);
    });

    it('still warns when a DPD number is typed as Royal Mail on a UK order', () => {
      const d = evaluatePackage(
        input({ carrier: 'RM', service: 'Tracked 24', trackingId: '15501234567890Q' }),
        registry,
      );
      expect(looksLike(d)[0]?.message).toMatch(/looks like a DPD .*not Royal Mail/);
    });

    it('names the carrier where it operates (US order, same number typed as USPS)', () => {
      const d = evaluatePackage(
        input(
          { carrier: 'USPS', service: 'Priority Mail', trackingId: '9664303568020479' },
          { marketplaceCode: 'US' },
        ),
        registry,
      );
      expect(looksLike(d)[0]?.message).toContain('Canada Post');
    });
  });

  describe('dates', () => {
    it('allows a ship date after ship-by and flags it late', () => {
      const d = evaluatePackage(
        input({ shipDate: '2026-03-02T14:00:00Z' }, { shipByLatest: '2026-03-02T12:00:00Z' }),
        registry,
      );
      expect(d.verdict).toBe('accept-with-warnings');
      expect(codes(d.warnings)).toEqual(['ship-late']);
    });

    it('flags a package shipped on time but recorded after ship-by (Amazon counts the confirmation)', () => {
      const d = evaluatePackage(
        input({ shipDate: '2026-03-02T11:00:00Z' }, { shipByLatest: '2026-03-02T12:00:00Z' }),
        registry,
      );
      expect(codes(d.warnings)).toEqual(['confirm-late']);
    });

    it('accepts a ship date a few minutes ahead of now (clock skew) but refuses one further ahead', () => {
      expect(evaluatePackage(input({ shipDate: '2026-03-02T15:04:00Z' }), registry).verdict).toBe('accept');
      const d = evaluatePackage(input({ shipDate: '2026-03-02T15:06:00Z' }), registry);
      expect(codes(d.refusals)).toEqual(['ship-date-future']);
    });

    it('refuses a ship date before the order was created', () => {
      const d = evaluatePackage(input({ shipDate: '2026-02-28T10:00:00Z' }), registry);
      expect(codes(d.refusals)).toEqual(['ship-date-before-order']);
    });

    it('refuses a ship date that is not ISO 8601', () => {
      const d = evaluatePackage(input({ shipDate: '02/03/2026' }), registry);
      expect(codes(d.refusals)).toEqual(['ship-date-invalid']);
    });
  });

  describe('services', () => {
    it('refuses a missing service', () => {
      const d = evaluatePackage(input({ service: '' }), registry);
      expect(codes(d.refusals)).toEqual(['service-missing']);
    });

    it('warns on an unknown service and treats it as tracked', () => {
      const d = evaluatePackage(input({ service: 'Super Fast', trackingId: null }), registry);
      expect(codes(d.warnings)).toContain('service-unknown');
      expect(codes(d.refusals)).toEqual(['tracking-required']);
    });

    it('canonicalises service aliases', () => {
      expect(evaluatePackage(input({ service: 'T48' }), registry).shippingService).toBe('Tracked 48');
    });
  });

  describe('marketplace and VTR', () => {
    it('flags a carrier that is not integrated in the marketplace', () => {
      const d = evaluatePackage(
        input({ carrier: 'USPS', service: 'Priority Mail', trackingId: '9400111206206406260787' }),
        registry,
      );
      expect(d.integrated).toBe(false);
      expect(codes(d.warnings)).toContain('carrier-not-integrated');
    });

    it('resolves Hermes to Hermes Germany on the DE marketplace', () => {
      const d = evaluatePackage(
        input(
          { carrier: 'Hermes', service: 'Paket', trackingId: '12345678901234' },
          { marketplaceCode: 'A1PA6795UKMFR9' },
        ),
        registry,
      );
      expect(d).toMatchObject({ carrierCode: 'Hermes', carrierId: 'hermes-de', integrated: true });
    });

    it('leaves Prime and non-domestic orders out of VTR, and says unknown when domestic is unknown', () => {
      expect(evaluatePackage(input({}, { isPrime: true }), registry).countsTowardVtr).toBe(false);
      expect(evaluatePackage(input({}, { domestic: false }), registry).countsTowardVtr).toBe(false);
      expect(evaluatePackage(input({}, { domestic: null }), registry).countsTowardVtr).toBeNull();
    });

    it('warns about an exact Amazon code ShipConfirm does not describe, and sends it as is', () => {
      const d = evaluatePackage(
        input({ carrier: 'Arrow XL', service: 'Two Man', trackingId: 'AXL123' }),
        registry,
      );
      expect(d.carrierCode).toBe('Arrow XL');
      expect(codes(d.warnings)).toEqual(['carrier-not-in-registry']);
    });
  });

  it('emits only catalogued reason codes', () => {
    const inputs: PolicyInput[] = [
      input({ carrier: '', service: '', trackingId: 'x y', shipDate: 'nope' }),
      input({ carrier: 'Other', service: 'Stamped Letter' }),
      input({ service: '48', trackingId: '12' }),
      input({ service: '48', trackingId: '320019254000221BB4EFG' }),
      input({ trackingId: '320019254000221BB4EFC' }),
    ];
    for (const i of inputs) {
      const d = evaluatePackage(i, registry);
      for (const c of [...codes(d.refusals), ...codes(d.warnings)])
        expect(REASON_CODES, c).toHaveProperty([c]);
    }
  });
});
