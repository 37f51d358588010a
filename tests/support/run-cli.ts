import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/shipconfirm.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `shipconfirm` binary as a user would, in its own process (asynchronously, so that
 * a simulator in the test process keeps serving).
 */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  input?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Settings that point the product at a simulator as if it were Amazon (real LWA credentials mode). */
export function simulatorEnv(
  sim: {
    baseUrl: string;
    tokenUrl: string;
    credentials: { clientId: string; clientSecret: string; refreshToken: string; sellerId: string };
  },
  databasePath: string,
): NodeJS.ProcessEnv {
  return {
    SHIPCONFIRM_DB: databasePath,
    SPAPI_ENDPOINT: sim.baseUrl,
    LWA_TOKEN_URL: sim.tokenUrl,
    LWA_CLIENT_ID: sim.credentials.clientId,
    LWA_CLIENT_SECRET: sim.credentials.clientSecret,
    LWA_REFRESH_TOKEN: sim.credentials.refreshToken,
    SHIPCONFIRM_SELLER_ID: sim.credentials.sellerId,
    SPAPI_MARKETPLACE_IDS: 'A1F83G8C2ARO7P',
  };
}
