import { describe, expect, it } from 'vitest';
import { CliError } from './exit-codes.js';
import { parseIsoTimeFlag, parseItemFlag } from './parse-flags.js';

describe('parseItemFlag', () => {
  it('reads ORDER_ITEM_ID:QTY', () => {
    expect(parseItemFlag('12345678901234:2')).toEqual({ orderItemId: '12345678901234', quantity: 2 });
  });
  it.each(['12345', '12345:', ':2', '12345:two', '12345:-1', '12345:0'])(
    'refuses %s with exit code 1',
    (v) => {
      expect(() => parseItemFlag(v)).toThrowError(CliError);
      try {
        parseItemFlag(v);
      } catch (e) {
        expect((e as CliError).exitCode).toBe(1);
      }
    },
  );
});

describe('parseIsoTimeFlag', () => {
  it('turns an offset into UTC with Z', () => {
    expect(parseIsoTimeFlag('--ship-date', '2026-11-25T14:30:00+01:00')).toBe('2026-11-25T13:30:00.000Z');
  });
  it.each(['2026-11-25', '2026-11-25T14:30:00', 'yesterday', '2026-13-45T99:00:00Z'])('refuses %s', (v) => {
    expect(() => parseIsoTimeFlag('--ship-date', v)).toThrowError(/--ship-date/);
  });
});
