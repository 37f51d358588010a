import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * When `shipconfirm run` (or `sim`) serves the simulator, it writes its URL next to the database,
 * so that other commands without credentials talk to the same simulator instead of a fresh one.
 */
export interface SimulatorRegistration {
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly pid: number;
}

export function registrationFile(databasePath: string): string {
  return join(databasePath === ':memory:' ? process.cwd() : dirname(databasePath), 'simulator.json');
}

export function writeRegistration(databasePath: string, reg: SimulatorRegistration): () => void {
  const file = registrationFile(databasePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(reg, null, 2)}\n`);
  return () => {
    try {
      const now = JSON.parse(readFileSync(file, 'utf8')) as SimulatorRegistration;
      if (now.pid === reg.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** The registered simulator if its process is alive and it answers; else null. */
export async function findRunningSimulator(databasePath: string): Promise<SimulatorRegistration | null> {
  let reg: SimulatorRegistration;
  try {
    reg = JSON.parse(readFileSync(registrationFile(databasePath), 'utf8')) as SimulatorRegistration;
  } catch {
    return null;
  }
  try {
    process.kill(reg.pid, 0);
  } catch {
    return null;
  }
  try {
    const r = await fetch(`${reg.baseUrl}/_sim/clock`, { signal: AbortSignal.timeout(1000) });
    return r.ok ? reg : null;
  } catch {
    return null;
  }
}
