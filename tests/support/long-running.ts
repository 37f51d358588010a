import { type ChildProcess, spawn } from 'node:child_process';
import { BIN } from './run-cli.js';

/** A `shipconfirm` process that keeps running (run, sim), with its output so far. */
export interface LongRunning {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves when the output matches `pattern`; rejects if the process exits or `limitMs` passes. */
  waitFor(pattern: RegExp, limitMs?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startLongRunning(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): LongRunning {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor(pattern, limitMs = 30_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const m = out.match(pattern);
          if (m) return resolve(m);
          if (child.exitCode !== null)
            return reject(new Error(`process exited (${child.exitCode}) before ${pattern}:\n${out}`));
          if (Date.now() - started > limitMs)
            return reject(new Error(`no ${pattern} within ${limitMs} ms:\n${out}`));
          setTimeout(check, 50);
        };
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
