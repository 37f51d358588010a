import { describe, expect, it } from 'vitest';
import { operatesIn } from './operates-in.js';
import { createCarrierRegistry } from './registry.js';

const registry = createCarrierRegistry({
  carriers: [
    { id: 'van', displayName: 'Our Van', amazonCode: 'Other', carrierName: 'Our Van' },
    { id: 'uk-van', displayName: 'UK Van', amazonCode: 'Other', carrierName: 'UK Van', marketplaces: ['uk'] },
  ],
});
const carrier = (id: string) => {
  const c = registry.byId.get(id);
  if (!c) throw new Error(`no carrier ${id}`);
  return c;
};

describe('operatesIn', () => {
  it('is true where Amazon tracks the carrier and false elsewhere', () => {
    expect(operatesIn(carrier('evri'), 'UK')).toBe(true);
    expect(operatesIn(carrier('canada-post'), 'UK')).toBe(false);
    expect(operatesIn(carrier('canada-post'), 'us')).toBe(true);
  });

  it('follows the marketplaces list of a carrier Amazon does not track', () => {
    expect(operatesIn(carrier('canpar'), 'US')).toBe(true);
    expect(operatesIn(carrier('canpar'), 'UK')).toBe(false);
    expect(operatesIn(carrier('uk-van'), 'UK')).toBe(true);
    expect(operatesIn(carrier('uk-van'), 'DE')).toBe(false);
  });

  it("takes a seller's own carrier that names no marketplace to operate everywhere", () => {
    expect(operatesIn(carrier('van'), 'UK')).toBe(true);
    expect(operatesIn(carrier('van'), 'DE')).toBe(true);
  });
});
