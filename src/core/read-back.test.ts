import { describe, expect, it } from 'vitest';
import type { Package } from './package.js';
import { compareReadBack } from './read-back.js';

const ours = { referenceNo: 2, trackingId: 'TT123456785GB' } as Package;
const view = (ref: string, trackingNumber: string | null) => ({
  packageReferenceId: ref,
  carrier: 'Royal Mail',
  shippingService: 'Tracked 48',
  trackingNumber,
});

describe('compareReadBack', () => {
  it('matches by reference and tracking number, ignoring spacing and case', () => {
    expect(compareReadBack(ours, [view('1', 'X'), view('2', 'tt 1234 5678 5gb')])).toEqual({
      kind: 'matched',
    });
  });
  it('a package Amazon does not show is missing', () => {
    const v = compareReadBack(ours, [view('1', 'TT999999995GB')]);
    expect(v.kind).toBe('missing');
  });
  it('a package whose tracking Amazon dropped is missing, and says so', () => {
    const v = compareReadBack(ours, [view('2', null)]);
    expect(v).toEqual({ kind: 'missing', reason: expect.stringContaining('dropped its tracking ID') });
  });
  it('a different tracking number is missing, naming both', () => {
    const v = compareReadBack(ours, [view('2', 'TT000000000GB')]);
    expect(v.kind === 'missing' && v.reason).toContain('TT000000000GB');
  });
  it("a package confirmed by feed is found by its tracking number under Amazon's own reference", () => {
    expect(compareReadBack(ours, [view('1', 'OTHER'), view('7', 'TT123456785GB')])).toEqual({
      kind: 'matched',
    });
  });

  it('an untracked package confirmed by feed is found by its items', () => {
    const untracked = {
      referenceNo: 3,
      trackingId: null,
      items: [{ orderItemId: 'A', quantity: 2 }],
    } as unknown as Package;
    const amazon = { ...view('9', null), items: [{ orderItemId: 'A', quantity: 2 }] };
    expect(compareReadBack(untracked, [amazon])).toEqual({ kind: 'matched' });
    expect(compareReadBack(untracked, [{ ...amazon, items: [{ orderItemId: 'A', quantity: 1 }] }]).kind).toBe(
      'missing',
    );
  });

  it('an untracked package only needs to be there', () => {
    expect(compareReadBack({ referenceNo: 1, trackingId: null } as Package, [view('1', null)])).toEqual({
      kind: 'matched',
    });
  });
});
