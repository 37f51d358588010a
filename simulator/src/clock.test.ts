import { describe, expect, it } from 'vitest';
import { createSimClock } from './clock.js';

describe('simulated clock', () => {
  it('runs at speedFactor times real time from its start', () => {
    let real = 1_000;
    const clock = createSimClock({
      startTime: new Date('2026-01-01T00:00:00Z'),
      speedFactor: 60,
      realNowMs: () => real,
    });
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
    clock.advance(3_600_000);
    real += 500;
    expect(clock.now().toISOString()).toBe('2026-01-01T01:01:30.000Z');
  });

  it('moves only through set and advance when frozen', () => {
    let real = 0;
    const clock = createSimClock({
      startTime: new Date('2026-01-01T00:00:00Z'),
      frozen: true,
      realNowMs: () => real,
    });
    real += 10_000;
    expect(clock.nowMs()).toBe(Date.parse('2026-01-01T00:00:00Z'));
    clock.advance(5);
    expect(clock.nowMs()).toBe(Date.parse('2026-01-01T00:00:00.005Z'));
    clock.set(new Date('2027-01-01T00:00:00Z'));
    real += 10_000;
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
