import { describe, expect, it } from 'vitest';
import { fullBucket } from '../rate-limit/token-bucket.js';
import { hasTokenNow, nthTokenAtMs } from './token-times.js';

describe('nthTokenAtMs', () => {
  it('spends the burst at once, then one token per 1/rate seconds (confirmShipment: 2/s, burst 10)', () => {
    const b = fullBucket(2, 10, 0);
    expect(nthTokenAtMs(b, 0, 10)).toBe(0);
    expect(nthTokenAtMs(b, 0, 11)).toBe(500);
    expect(nthTokenAtMs(b, 0, 5000)).toBe(2_495_000);
  });

  it('counts the refill since the bucket was last updated, and queued reservations', () => {
    const b = { ...fullBucket(2, 10, 0), tokens: 0 };
    expect(nthTokenAtMs(b, 1000, 2)).toBe(1000);
    expect(nthTokenAtMs({ ...b, tokens: -2 }, 0, 1)).toBe(1500);
  });

  it('never yields beyond the balance without a usable rate', () => {
    const b = { ...fullBucket(0, 10, 0), tokens: 3 };
    expect(nthTokenAtMs(b, 0, 3)).toBe(0);
    expect(nthTokenAtMs(b, 0, 4)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('hasTokenNow', () => {
  it('needs a whole token', () => {
    const b = { ...fullBucket(0.0083, 15, 0), tokens: 0.99 };
    expect(hasTokenNow(b, 0)).toBe(false);
    expect(hasTokenNow(b, 2000)).toBe(true);
  });
});
