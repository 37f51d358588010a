import { describe, expect, it } from 'vitest';
import { hasOnlyTrackingCharacters, normalizeTrackingNumber } from './normalize.js';

describe('normalizeTrackingNumber', () => {
  it('removes spaces of every kind and dashes, and upper-cases', () => {
    expect(normalizeTrackingNumber(' ab 1928\u00a03746-1\u2013gb\t')).toBe('AB192837461GB');
  });
  it('keeps other punctuation so that it can be refused', () => {
    expect(normalizeTrackingNumber('AB.123')).toBe('AB.123');
    expect(hasOnlyTrackingCharacters('AB.123')).toBe(false);
    expect(hasOnlyTrackingCharacters('AB123')).toBe(true);
  });
});
