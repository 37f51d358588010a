import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluatePackage } from '../../src/core/policy/evaluate-package.js';
import { runCli } from '../../src/edges/cli/main.js';
import { carrierRegistryFrom } from '../../src/edges/composition-root.js';
import { loadConfig } from '../../src/edges/config/config.js';

// Issue 4: sellers add carriers, aliases and services in shipconfirm.config.json, without a code
// change. These tests write a config file into a fresh folder and run the real CLI in-process, so
// the whole path (file -> config -> registry -> command) is exercised.

const SELLER_CARRIERS = {
  aliases: { 'our van': 'local-courier', RMT: 'royal-mail' },
  carriers: [
    {
      id: 'arrow-xl',
      displayName: 'Arrow XL',
      amazonCode: 'Arrow XL',
      aliases: ['ArrowXL'],
      integrated: { UK: true },
      // Arrow XL numbers are checked as Yodel's (same parent): a made-up choice for the test.
      trackingFormatIds: ['yodel'],
      formatCoverage: 'complete',
      services: [{ name: 'Two Man', aliases: ['2 man'] }],
    },
    {
      id: 'local-courier',
      displayName: 'Local Courier Ltd',
      amazonCode: 'Other',
      carrierName: 'Local Courier Ltd',
      marketplaces: ['UK'],
      services: [
        { name: 'Same Day', aliases: ['SD'] },
        { name: 'Letterbox', tracked: false },
      ],
    },
    { id: 'yodel', aliases: ['YOD'], services: [{ name: 'Xpect Sunday', aliases: ['sunday'] }] },
  ],
};

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function folderWith(config: unknown): string {
  const cwd = mkdtempSync(join(tmpdir(), 'shipconfirm-carriers-'));
  folders.push(cwd);
  writeFileSync(join(cwd, 'shipconfirm.config.json'), JSON.stringify(config));
  return cwd;
}

async function cli(args: string[], cwd: string, stdinText = '') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    env: {},
    cwd,
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    stdin: Readable.from([stdinText]),
  });
  return { code, stdout, stderr: stderr.join('\n'), json: () => stdout.map((l) => JSON.parse(l)) };
}

interface CarrierJson {
  id: string;
  amazonCode: string;
  carrierName: string | null;
  aliases: string[];
  integrated: Record<string, boolean>;
  services: Array<{ name: string; aliases: string[]; tracked: boolean; needsParcelId: boolean }>;
  trackingFormats: Array<{ id: string }>;
}

describe('carriers from shipconfirm.config.json, through the CLI', () => {
  it('lists the seller-defined carrier, the changed built-in carrier and their services', async () => {
    const cwd = folderWith({ carriers: SELLER_CARRIERS });
    const r = await cli(['carriers', '--json'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = r.json()[0] as { carriers: CarrierJson[] };
    const byId = new Map(doc.carriers.map((c) => [c.id, c]));
    expect(byId.get('arrow-xl')).toMatchObject({
      amazonCode: 'Arrow XL',
      aliases: ['ArrowXL'],
      integrated: { UK: true },
      services: [{ name: 'Two Man', aliases: ['2 man'], tracked: true, needsParcelId: false }],
      trackingFormats: [{ id: 'yodel' }],
    });
    expect(byId.get('local-courier')).toMatchObject({
      amazonCode: 'Other',
      carrierName: 'Local Courier Ltd',
    });
    expect(byId.get('local-courier')?.services.find((s) => s.name === 'Letterbox')?.tracked).toBe(false);
    const yodel = byId.get('yodel');
    expect(yodel?.aliases).toEqual(expect.arrayContaining(['Yodel Direct', 'YOD']));
    expect(yodel?.services.map((s) => s.name)).toEqual(expect.arrayContaining(['Xpect 24', 'Xpect Sunday']));

    const uk = (await cli(['carriers', '--marketplace', 'UK', '--json'], cwd)).json()[0] as {
      carriers: CarrierJson[];
    };
    expect(uk.carriers.map((c) => c.id)).toEqual(expect.arrayContaining(['arrow-xl', 'local-courier']));
  });

  it('validates numbers against a carrier named by a config alias, with its formats and services', async () => {
    const cwd = folderWith({ carriers: SELLER_CARRIERS });
    const r = await cli(
      [
        'tracking',
        'validate',
        '--carrier',
        'arrowxl',
        '--service',
        '2 man',
        '--json',
        'JJD0002257639032011',
        'AB12',
      ],
      cwd,
    );
    expect(r.code).toBe(0);
    const [good, bad] = r.json();
    expect(good).toMatchObject({ valid: true, carrier: 'arrow-xl', normalized: 'JJD0002257639032011' });
    // formatCoverage "complete" from config: a number that fits none of the formats is refused.
    expect(bad).toMatchObject({ valid: false, carrier: 'arrow-xl', reasons: [{ code: 'tracking-format' }] });
    expect(bad.reasons[0].message).toContain('Arrow XL');
  });

  it('uses config aliases for built-in carriers and services added to them', async () => {
    const cwd = folderWith({ carriers: SELLER_CARRIERS });
    const rm = await cli(['tracking', 'validate', '--carrier', 'RMT', '--json', 'AB192837462GB'], cwd);
    expect(rm.json()[0]).toMatchObject({
      carrier: 'royal-mail',
      reasons: [{ code: 'tracking-check-digit' }],
    });
    const yodel = await cli(
      ['tracking', 'validate', '--carrier', 'YOD', '--service', 'sunday', '--json', 'JJD0002257639032011'],
      cwd,
    );
    expect(yodel.code).toBe(0);
    expect(yodel.json()[0]).toMatchObject({ valid: true, carrier: 'yodel', warnings: [] });
    // Without the config the same service is unknown: a usage error.
    const plain = await cli(
      ['tracking', 'validate', '--carrier', 'YOD', '--service', 'sunday', 'X'],
      folderWith({}),
    );
    expect(plain.code).toBe(2);
  });

  it('reads numbers from standard input and exits 0 even when some are invalid, 2 on usage errors', async () => {
    const cwd = folderWith({ carriers: SELLER_CARRIERS });
    const r = await cli(
      ['tracking', 'validate', '--carrier', 'our van', '--json'],
      cwd,
      'LC-0001\nthis is not a number!\n',
    );
    expect(r.code).toBe(0);
    expect(r.json().map((l) => [l.carrier, l.valid])).toEqual([
      ['local-courier', true],
      ['local-courier', false],
    ]);
    expect((await cli(['tracking', 'validate', '--carrier', 'Parcel Monkey Express', 'X'], cwd)).code).toBe(
      2,
    );
    expect((await cli(['carriers', '--marketplace', 'XX'], cwd)).code).toBe(2);
  });

  it('gives the policy the same carriers (what ship, HTTP intake and CSV import use)', () => {
    const cwd = folderWith({ carriers: SELLER_CARRIERS });
    const registry = carrierRegistryFrom(loadConfig({}, cwd));
    const decide = (carrier: string, service: string, trackingId: string | null) =>
      evaluatePackage(
        {
          order: {
            orderId: '202-0000001-0000001',
            marketplaceCode: 'UK',
            domestic: true,
            isPrime: false,
            shipByLatest: '2026-03-03T23:59:59Z',
            createdAt: '2026-03-01T10:00:00Z',
          },
          package: { carrier, service, trackingId, shipDate: '2026-03-02T14:00:00Z' },
          knownTrackingIds: [],
          now: '2026-03-02T15:00:00Z',
        },
        registry,
      );
    expect(decide('ArrowXL', '2 man', 'JJD0002257639032011')).toMatchObject({
      verdict: 'accept',
      carrierCode: 'Arrow XL',
      shippingService: 'Two Man',
      integrated: true,
    });
    const van = decide('our van', 'Letterbox', null);
    expect(van).toMatchObject({
      carrierCode: 'Other',
      carrierName: 'Local Courier Ltd',
      shippingService: 'Letterbox',
      confirmVia: 'fulfillment-feed',
    });
    expect(van.warnings.map((w) => w.code)).toEqual(['carrier-not-integrated', 'service-untracked']);
  });

  it.each([
    [
      { carriers: [{ id: 'van', displayName: 'Van', amazonCode: 'royal mail' }] },
      /carrier "van".*did you mean "Royal Mail"/,
    ],
    [{ carriers: [{ id: 'van', amazonCode: 'DPD' }] }, /carriers\[0\] \(id "van"\).*displayName/],
    [{ aliases: { 'our van': 'no-such-carrier' } }, /aliases\["our van"\].*no-such-carrier/],
    [{ evricode: 'Evri' }, /"evricode": unknown setting/],
  ])(
    'refuses a wrong carriers section with exit code 2, naming the bad entry: %j',
    async (section, message) => {
      const cwd = folderWith({ carriers: section });
      for (const args of [['carriers'], ['tracking', 'validate', '--carrier', 'RM', 'AB192837461GB']]) {
        const r = await cli(args, cwd);
        expect(r.code).toBe(2);
        expect(r.stdout).toEqual([]);
        expect(r.stderr).toMatch(/^Configuration error: Setting "carriers" is wrong: /);
        expect(r.stderr).toMatch(message);
      }
    },
  );
});
