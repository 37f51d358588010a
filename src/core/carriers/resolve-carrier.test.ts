import { describe, expect, it } from 'vitest';
import { createCarrierRegistry } from './registry.js';
import { resolveCarrier } from './resolve-carrier.js';

const registry = createCarrierRegistry();

function id(typed: string, market?: string) {
  const r = resolveCarrier(registry, typed, market);
  return r.ok ? r.carrier.id : r.code;
}

describe('resolveCarrier', () => {
  it.each([
    ['RM', 'royal-mail'],
    ['royalmail', 'royal-mail'],
    ['ROYAL MAIL', 'royal-mail'],
    ['Royal-Mail', 'royal-mail'],
    ['Hermes', 'evri'],
    ['Evri', 'evri'],
    ['Hermes UK', 'evri'],
    ['dpd', 'dpd'],
    ['DPD Local', 'dpd-local'],
    ['Parcel Force', 'parcelforce'],
    ['ups', 'ups'],
    ['DHL Express', 'dhl-express'],
    ['Other', 'other'],
  ])('%s -> %s', (typed, expected) => {
    expect(id(typed)).toBe(expected);
  });

  it('reports whether the text was already the exact Amazon code', () => {
    expect(resolveCarrier(registry, 'Royal Mail')).toMatchObject({ ok: true, exactAmazonCode: true });
    expect(resolveCarrier(registry, 'royal mail')).toMatchObject({ ok: true, exactAmazonCode: false });
  });

  it('understands a carrier typed with its service', () => {
    const r = resolveCarrier(registry, 'Royal Mail Tracked 48');
    expect(r.ok && r.carrier.id).toBe('royal-mail');
    expect(r.ok && r.service?.name).toBe('Tracked 48');
    const dpd = resolveCarrier(registry, 'DPD Next Day');
    expect(dpd.ok && dpd.service?.name).toBe('Next Day');
    const rm24 = resolveCarrier(registry, 'RM 24');
    expect(rm24.ok && rm24.service).toMatchObject({ name: 'Royal Mail 24', needsParcelId: true });
  });

  it('uses marketplace-only aliases first', () => {
    expect(id('Hermes', 'DE')).toBe('hermes-de');
    expect(id('DHL', 'DE')).toBe('dhl-paket');
    expect(id('DHL', 'UK')).toBe('dhl');
  });

  it('turns an Amazon code we do not describe into a generic carrier, correcting its case', () => {
    const exact = resolveCarrier(registry, 'Arrow XL');
    expect(exact).toMatchObject({ ok: true, exactAmazonCode: true, carrier: { amazonCode: 'Arrow XL' } });
    const cased = resolveCarrier(registry, 'arrow xl');
    expect(cased).toMatchObject({ ok: true, exactAmazonCode: false, carrier: { amazonCode: 'Arrow XL' } });
  });

  it('refuses unknown names with suggestions, never falling back to Other', () => {
    const r = resolveCarrier(registry, 'Royl Mail');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('carrier-unknown');
      expect(r.suggestions).toContain('Royal Mail');
    }
    expect(resolveCarrier(registry, 'zzzz qqq')).toMatchObject({ ok: false, suggestions: [] });
    expect(id('')).toBe('carrier-missing');
  });

  it('lets config aliases win', () => {
    const r = createCarrierRegistry({ aliases: { Hermes: 'hermes-de' } });
    const res = resolveCarrier(r, 'Hermes');
    expect(res.ok && res.carrier.id).toBe('hermes-de');
  });
});
