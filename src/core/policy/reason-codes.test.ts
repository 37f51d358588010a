import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACKING_REASONS } from '../tracking/tracking-reasons.js';
import { POLICY_REASONS, REASON_CODES, type ReasonSeverity } from './reason-codes.js';

// Sellers and integrators read the codes in the docs; the catalogue and the table must not drift.
const DOC = new URL('../../../docs/carriers-and-tracking.md', import.meta.url);
const WORDS: Record<ReasonSeverity, string> = {
  refusal: 'refuses',
  warning: 'warns',
  'refusal-or-warning': 'refuses or warns',
};

/** The rows of the "Reason codes" table: code -> [refuses or warns, meaning]. */
function docTable(): Map<string, [string, string]> {
  const text = readFileSync(DOC, 'utf8');
  const section = text.slice(text.indexOf('## Reason codes'));
  const rows = new Map<string, [string, string]>();
  for (const line of section.slice(0, section.indexOf('\n## ', 3)).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (code) rows.set(code, [cells[2] ?? '', cells[3] ?? '']);
  }
  return rows;
}

describe('reason codes', () => {
  it('catalogues every code the policy and the tracking checks can emit', () => {
    for (const code of [...Object.values(POLICY_REASONS), ...Object.values(TRACKING_REASONS)]) {
      expect(REASON_CODES, code).toHaveProperty([code]);
    }
  });

  it('has every catalogued code in the docs table, with the same severity and meaning', () => {
    const table = docTable();
    for (const [code, { severity, meaning }] of Object.entries(REASON_CODES)) {
      expect(table.get(code), `${code} in docs/carriers-and-tracking.md`).toEqual([WORDS[severity], meaning]);
    }
  });

  it('documents no code the catalogue lacks', () => {
    expect([...docTable().keys()].filter((code) => !(code in REASON_CODES))).toEqual([]);
  });
});
