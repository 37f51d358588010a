import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_CREDENTIALS, formatBanner, startSimulator } from './index.js';

describe('standalone simulator', () => {
  it('formatBanner names the URLs and every accepted credential', async () => {
    const sim = await startSimulator();
    try {
      const banner = formatBanner(sim);
      for (const text of [
        sim.baseUrl,
        sim.tokenUrl,
        sim.adminUrl,
        DEFAULT_SIM_CREDENTIALS.clientId,
        DEFAULT_SIM_CREDENTIALS.clientSecret,
        DEFAULT_SIM_CREDENTIALS.refreshToken,
        DEFAULT_SIM_CREDENTIALS.sellerId,
        'A1F83G8C2ARO7P',
      ]) {
        expect(banner).toContain(text);
      }
    } finally {
      await sim.close();
    }
  });

  it('main starts on the given port, seeds on request, serves tokens, and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--seed-orders', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    while (!out.includes('Seeded')) {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      void chunk;
    }
    const tokenUrl = /LWA token URL\s+(\S+)/.exec(out)?.[1] ?? '';
    const answer = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: DEFAULT_SIM_CREDENTIALS.refreshToken,
        client_id: DEFAULT_SIM_CREDENTIALS.clientId,
        client_secret: DEFAULT_SIM_CREDENTIALS.clientSecret,
      }).toString(),
    });
    expect(answer.status).toBe(200);
    expect(out).toContain('Seeded 3 orders');
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
