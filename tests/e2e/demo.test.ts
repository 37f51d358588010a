import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('shipconfirm demo', () => {
  it('runs the whole job against the in-process simulator and summarises it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipconfirm-demo-'));
    const db = join(dir, 'demo.db');
    const r = await runCli(['demo', '--db', db, '--json'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.orders).toBe(200);
    expect(s.confirmed).toBeGreaterThan(100);
    expect(s.refusedAtIntake + s.needsFix).toBeGreaterThan(0);
    expect(s.reasons.length).toBeGreaterThan(0);
    expect(s.vtr.length).toBeGreaterThanOrEqual(4);
    for (const v of s.vtr) {
      expect(v.expectedValid).toBeLessThanOrEqual(v.total);
    }
    expect(existsSync(db)).toBe(true);

    // The data it leaves is readable by the other commands.
    const status = await runCli(['status', '--json'], { SHIPCONFIRM_DB: db }, dir);
    expect(status.code, status.stderr).toBe(0);
    const counts = JSON.parse(status.stdout).packageCounts;
    expect(counts.confirmed + counts.verified).toBe(s.confirmed);
    // Proof: most confirmed packages were read back from Amazon within the demo.
    expect(s.verified).toBeGreaterThan(s.confirmed / 2);
    expect(counts.verified).toBe(s.verified);
  });

  it('prints a readable summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipconfirm-demo-'));
    const r = await runCli(['demo', '--orders', '40', '--db', join(dir, 'd.db')], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Expected Valid Tracking Rate per category');
    expect(r.stdout).toContain('confirmed by Amazon');
  });
});
