import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACKING_FORMATS } from '../tracking/formats.js';
import { type Carrier, createCarrierRegistry } from './registry.js';

// The carriers table in docs/carriers-and-tracking.md is what sellers read to know what
// ShipConfirm sends; it must say what the built-in registry does, cell for cell. When a carrier
// changes, the failure shows the expected cells to paste (column padding is free).
const DOC = new URL('../../../docs/carriers-and-tracking.md', import.meta.url);

/** One row of the docs table, as cells, from the registry (see the legend above the table). */
function rowFor(c: Carrier): string[] {
  const markets = Object.entries(c.integrated)
    .filter(([, on]) => on)
    .map(([m]) => m);
  const integrated =
    markets.length > 0
      ? markets.join(' ')
      : `no${c.marketplaces ? ` (used: ${c.marketplaces.join(' ')})` : ''}`;
  const typed = [
    ...c.aliases,
    ...Object.entries(c.marketplaceAliases ?? {}).flatMap(([m, names]) =>
      names.map((n) => `${n} (${m} only)`),
    ),
  ];
  const services = c.services.map(
    (s) => `${s.name}${s.needsParcelId ? ' (parcel ID)' : s.tracked ? '' : ' (untracked)'}`,
  );
  const formats = c.trackingFormatIds.map((id) => {
    const f = TRACKING_FORMATS.get(id);
    return `${f?.name ?? id}${f?.verified ? '' : ' [unverified]'}`;
  });
  return [
    `${c.displayName} (\`${c.id}\`)`,
    c.amazonCode === 'Other' ? `\`Other\` + name "${c.carrierName}"` : `\`${c.amazonCode}\``,
    integrated,
    typed.join(', '),
    services.join(', '),
    formats.length === 0
      ? '-'
      : `${formats.join('; ')}${c.formatCoverage === 'complete' ? ' (complete)' : ''}`,
  ];
}

/** The expected rows: every built-in carrier (Evri as by default), then Other as sellers use it. */
function expectedRows(): string[][] {
  const carriers = createCarrierRegistry().carriers.filter((c) => c.id !== 'other');
  return [...carriers.map(rowFor), ['Other (`other`)', '`Other` + the name you give', 'no', '', 'any', '-']];
}

function docRows(): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('| carrier (id)');
  const table = text.slice(start, text.indexOf('\n\n', start));
  return table
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('the carriers table in docs/carriers-and-tracking.md', () => {
  it('says what the built-in registry does, carrier by carrier', () => {
    expect(docRows()).toEqual(expectedRows());
  });
});
