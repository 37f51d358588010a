import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.js';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the capped delay', () => {
    expect(retryDelayMs(1, 1000, 60_000, 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, 60_000, 0.5)).toBe(3000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (let a = 1; a < 60; a++) expect(retryDelayMs(a, 1000, 60_000, 0.999)).toBeLessThanOrEqual(60_000);
  });
});
