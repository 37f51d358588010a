import { describe, expect, it } from 'vitest';
import { drained, fullBucket, refill, reserve, withRate } from './token-bucket.js';

describe('token bucket', () => {
  it('lets a burst through at once, then paces at the rate', () => {
    let b = fullBucket(2, 10, 0);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = reserve(b, 0);
      b = r.bucket;
      waits.push(r.waitMs);
    }
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual([500, 1000]);
  });

  it('refills continuously but never above the burst', () => {
    const b = { ...fullBucket(0.5, 30, 0), tokens: 0 };
    expect(refill(b, 4000).tokens).toBeCloseTo(2);
    expect(refill(b, 10_000_000).tokens).toBe(30);
  });

  it('does not refill when the clock goes backwards', () => {
    const b = { ...fullBucket(1, 5, 10_000), tokens: 1 };
    expect(refill(b, 0).tokens).toBe(1);
  });

  it('searchOrders at 0.0056/s means about 179 s between calls once the burst is spent', () => {
    let b = { ...fullBucket(0.0056, 20, 0), tokens: 0 };
    const r = reserve(b, 0);
    b = r.bucket;
    expect(r.waitMs).toBe(Math.ceil((1 / 0.0056) * 1000));
  });

  it('adopts the announced rate and ignores nonsense', () => {
    const b = fullBucket(2, 10, 0);
    expect(withRate(b, 5).ratePerSecond).toBe(5);
    expect(withRate(b, Number.NaN).ratePerSecond).toBe(2);
    expect(withRate(b, 0).ratePerSecond).toBe(2);
  });

  it('a 429 empties the bucket', () => {
    const b = drained(fullBucket(2, 10, 0), 1000);
    expect(b.tokens).toBe(0);
    expect(reserve(b, 1000).waitMs).toBe(500);
  });
});
