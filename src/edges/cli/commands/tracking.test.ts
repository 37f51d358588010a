import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { createCarrierRegistry } from '../../../core/carriers/registry.js';
import { CliError } from '../exit-codes.js';
import { registerTrackingCommand } from './tracking.js';

async function run(args: string[], stdinText = '') {
  const out: string[] = [];
  const program = new Command('shipconfirm').exitOverride().configureOutput({
    writeOut: (s) => out.push(s),
    writeErr: (s) => out.push(s),
  });
  registerTrackingCommand(program, {
    registry: () => createCarrierRegistry(),
    stdin: Readable.from([stdinText]),
    stdout: (line) => out.push(line),
  });
  for (const cmd of program.commands) for (const sub of cmd.commands) sub.exitOverride();
  let error: unknown;
  try {
    await program.parseAsync(['tracking', 'validate', ...args], { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { out, error, json: () => out.map((l) => JSON.parse(l)) };
}

describe('shipconfirm tracking validate', () => {
  it('prints one JSON object per number with exactly the documented keys', async () => {
    const r = await run([
      '--carrier',
      'Royal Mail',
      '--service',
      'Tracked 48',
      '--json',
      'ab 1928 3746 1 gb',
      'AB192837462GB',
    ]);
    expect(r.error).toBeUndefined();
    const [good, bad] = r.json();
    expect(Object.keys(good)).toEqual([
      'input',
      'normalized',
      'valid',
      'carrier',
      'kind',
      'reasons',
      'warnings',
    ]);
    expect(good).toMatchObject({
      input: 'ab 1928 3746 1 gb',
      normalized: 'AB192837461GB',
      valid: true,
      carrier: 'royal-mail',
    });
    expect(bad).toMatchObject({ valid: false, reasons: [{ code: 'tracking-check-digit' }] });
  });

  it('reads numbers from standard input, one per line, skipping blank lines', async () => {
    const r = await run(['--carrier', 'dpd', '--json'], '15501234567890Q\r\n\n15501234567890R\n');
    expect(r.json().map((l) => l.valid)).toEqual([true, false]);
  });

  it('checks Royal Mail 24/48 numbers as parcel IDs', async () => {
    const r = await run([
      '--carrier',
      'RM',
      '--service',
      '48',
      '--json',
      '320019254000221BB4EFC',
      'AB192837461GB',
    ]);
    const [id, s10] = r.json();
    expect(id).toMatchObject({ valid: true, kind: 'parcel-id' });
    expect(s10).toMatchObject({
      valid: false,
      kind: 'parcel-id',
      reasons: [{ code: 'parcel-id-is-tracking-number' }],
    });
  });

  it('takes the service typed with the carrier', async () => {
    const r = await run(['--carrier', 'Royal Mail 24', '--json', 'AB192837461GB']);
    expect(r.json()[0]).toMatchObject({ kind: 'parcel-id', valid: false });
  });

  it('detects the carrier when none is given', async () => {
    const r = await run(['--json', '1Z5R89390357567127', 'hello']);
    const [ups, junk] = r.json();
    expect(ups).toMatchObject({ valid: true, carrier: 'ups' });
    expect(junk).toMatchObject({ valid: false, carrier: null, reasons: [{ code: 'tracking-unrecognised' }] });
  });

  it('prints a readable line per number and a summary, and succeeds even when some are invalid', async () => {
    const r = await run(['--carrier', 'Royal Mail', 'AB192837461GB', 'AB192837462GB']);
    expect(r.error).toBeUndefined();
    expect(r.out[0]).toMatch(/^valid +AB192837461GB +Royal Mail +tracking/);
    expect(r.out[1]).toMatch(/^INVALID +AB192837462GB/);
    expect(r.out[1]).toMatch(/tracking-check-digit/);
    expect(r.out.at(-1)).toBe(
      '2 checked: 1 valid, 1 invalid. Fix the invalid ones before they are confirmed to Amazon.',
    );
  });

  it('with --marketplace, advises only carriers that operate there', async () => {
    const looksLike = (line: { warnings: Array<{ code: string; message: string }> }) =>
      line.warnings.filter((w) => w.code === 'tracking-looks-like-other-carrier');
    const uk = await run(['--marketplace', 'UK', '--carrier', 'Evri', '--json', '9664303568020479']);
    expect(uk.json()[0]).toMatchObject({ valid: true, carrier: 'evri' });
    expect(looksLike(uk.json()[0])).toEqual([]);
    const any = await run(['--carrier', 'Evri', '--json', '9664303568020479']);
    expect(looksLike(any.json()[0])[0]?.message).toContain('Canada Post');
    const dpd = await run(['--marketplace', 'uk', '--carrier', 'RM', '--json', '15501234567890Q']);
    expect(looksLike(dpd.json()[0])[0]?.message).toContain('DPD');
  });

  it('with --marketplace, detects only among carriers that operate there', async () => {
    const r = await run(['--marketplace', 'UK', '--json', '9664303568020479', '9400111206206406260787']);
    const [evri, usps] = r.json();
    expect(evri.valid).toBe(true);
    expect(evri.carrier).not.toBe('canada-post');
    expect(JSON.stringify(evri)).not.toContain('Canada Post');
    expect(usps).toMatchObject({ valid: false, reasons: [{ code: 'tracking-unrecognised' }] });
    expect(usps.reasons[0].message).toContain('in UK');
  });

  it('reads carrier names as in the marketplace', async () => {
    const de = await run(['--marketplace', 'DE', '--carrier', 'Hermes', '--json', '12345678901234']);
    expect(de.json()[0]).toMatchObject({ carrier: 'hermes-de' });
    const uk = await run(['--carrier', 'Hermes', '--json', '12345678901234']);
    expect(uk.json()[0]).toMatchObject({ carrier: 'evri' });
  });

  it("says a number of a carrier on Amazon's list but not described by ShipConfirm is not checked", async () => {
    const r = await run(['--carrier', 'arrow xl', '--json', 'AXL123']);
    expect(r.json()[0]).toMatchObject({
      valid: true,
      carrier: 'amazon:Arrow XL',
      warnings: [{ code: 'carrier-not-in-registry' }],
    });
    const human = await run(['--carrier', 'arrow xl', 'AXL123']);
    expect(human.out[0]).toMatch(/^valid +AXL123 +Arrow XL +tracking\n +warning \(carrier-not-in-registry\)/);
  });

  it.each([
    [['--marketplace', 'XX', 'X'], /--marketplace "XX" is not a marketplace/],
    [['--carrier', 'Royl Mial', 'X'], /not a carrier.*Royal Mail/],
    [['--service', 'Tracked 48', 'X'], /--service needs --carrier/],
    [['--carrier', 'Royal Mail', '--service', 'Teleport', 'X'], /not a Royal Mail service/],
  ])('refuses usage errors with exit code 2: %j', async (args, message) => {
    const r = await run(args);
    expect(r.error).toBeInstanceOf(CliError);
    expect((r.error as CliError).exitCode).toBe(2);
    expect((r.error as CliError).message).toMatch(message);
  });

  it('leaves unknown options to commander (a usage error)', async () => {
    const r = await run(['--carier', 'RM', 'X']);
    expect(r.error).toBeInstanceOf(CommanderError);
  });

  it('has help that explains stdin, --json and the exit codes', async () => {
    const r = await run(['--help']);
    const help = r.out.join('\n');
    expect(help).toMatch(/standard input/);
    expect(help).toMatch(/"input","normalized","valid","carrier","kind","reasons":\[\],"warnings":\[\]/);
    expect(help).toMatch(/Exit codes/);
  });
});
