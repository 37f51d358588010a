import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createCarrierRegistry } from '../../../core/carriers/registry.js';
import { CliError } from '../exit-codes.js';
import { registerCarriersCommand } from './carriers.js';

async function run(args: string[], extension = {}) {
  const out: string[] = [];
  const program = new Command('shipconfirm').exitOverride().configureOutput({
    writeOut: (s) => out.push(s),
    writeErr: (s) => out.push(s),
  });
  registerCarriersCommand(program, {
    registry: () => createCarrierRegistry(extension),
    stdout: (l) => out.push(l),
  });
  for (const cmd of program.commands) cmd.exitOverride();
  let error: unknown;
  try {
    await program.parseAsync(['carriers', ...args], { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { out, error };
}

describe('shipconfirm carriers', () => {
  it('lists carriers with their exact Amazon code, names, services and integration', async () => {
    const r = await run([]);
    const text = r.out.join('\n');
    expect(text).toMatch(/Royal Mail {2}\[royal-mail\]\n {2}Amazon code: Royal Mail\n {2}integrated: {2}UK/);
    expect(text).toMatch(/Royal Mail 24 \(parcel ID\)/);
    expect(text).toMatch(/Stamped Letter \(untracked\)/);
    expect(text).toMatch(/Evri {2}\[evri\]\n {2}Amazon code: Hermes UK/);
  });

  it('filters by marketplace and keeps Other', async () => {
    const r = await run(['--marketplace', 'de', '--json']);
    const doc = JSON.parse(r.out[0] ?? '');
    const ids = doc.carriers.map((c: { id: string }) => c.id);
    expect(doc.marketplace).toBe('DE');
    expect(ids).toContain('hermes-de');
    expect(ids).toContain('other');
    expect(ids).not.toContain('royal-mail');
  });

  it('keeps, for a marketplace, carriers used there that Amazon does not track, and says where', async () => {
    const us = JSON.parse((await run(['--marketplace', 'US', '--json'])).out[0] ?? '');
    const canpar = us.carriers.find((c: { id: string }) => c.id === 'canpar');
    expect(canpar).toMatchObject({ amazonCode: 'Other', integrated: {}, marketplaces: ['US'] });
    const uk = JSON.parse((await run(['--marketplace', 'UK', '--json'])).out[0] ?? '');
    expect(uk.carriers.map((c: { id: string }) => c.id)).not.toContain('canpar');
    const text = (await run(['--marketplace', 'US'])).out.join('\n');
    expect(text).toMatch(
      /Canpar {2}\[canpar\]\n.*\n {2}integrated: {2}no \(counts against your VTR\)\n {2}used in: {5}US/,
    );
  });

  it('shows the Evri setting in force', async () => {
    const r = await run(['--json'], { evriCode: 'Evri' });
    const doc = JSON.parse(r.out[0] ?? '');
    expect(doc.evriCode).toBe('Evri');
    expect(doc.carriers.find((c: { id: string }) => c.id === 'evri').amazonCode).toBe('Evri');
  });

  it('refuses an unknown marketplace with exit code 2', async () => {
    const r = await run(['--marketplace', 'XX']);
    expect(r.error).toBeInstanceOf(CliError);
    expect((r.error as CliError).exitCode).toBe(2);
  });
});
