import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.js';

describe('request log', () => {
  it('keeps the newest entries up to its capacity', () => {
    const log = new RequestLog(10);
    for (let i = 0; i < 25; i++)
      log.add({ at: String(i), method: 'GET', path: '/', operation: null, status: 200 });
    const entries = log.all();
    expect(entries).toHaveLength(10);
    expect(entries[0]?.at).toBe('15');
    expect(entries[9]?.at).toBe('24');
    log.clear();
    expect(log.all()).toEqual([]);
  });
});
