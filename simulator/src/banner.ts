import type { RunningSimulator } from './running-simulator.js';

/** The text `shipconfirm sim` and `node dist/simulator/main.js` print at start: where it listens and what it accepts. */
export function formatBanner(running: RunningSimulator): string {
  const lines = [
    'Amazon SP-API simulator (ShipConfirm)',
    `  SP-API endpoint   ${running.baseUrl}`,
    `  LWA token URL     ${running.tokenUrl}`,
    `  Admin API         ${running.adminUrl}  (seed, clock, requests, orders, faults; see docs/simulator.md)`,
    '',
    'Test credentials it accepts:',
  ];
  for (const c of running.allCredentials) {
    lines.push(
      `  client id         ${c.clientId}`,
      `  client secret     ${c.clientSecret}`,
      `  refresh token     ${c.refreshToken}`,
      `  seller id         ${c.sellerId}`,
      `  marketplace ids   ${c.marketplaceIds.join(',')}`,
      '',
    );
  }
  lines.push(`Simulated now: ${running.world.clock.now().toISOString()}`);
  return lines.join('\n');
}
