/** Exit codes of every `shipconfirm` command (documented in README and `--help`). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** The input was refused: the message says why and what to do. */
  refused: 1,
  /** Usage or configuration error: a wrong command, flag or setting. */
  usage: 2,
  /** Amazon or the network failed after retries. */
  amazon: 3,
  /** The local database cannot be used (corrupt, not writable, newer version). */
  database: 4,
} as const;

/** An expected failure of a command, with its exit code and a message for people. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  input refused (the message says why and what to do)
  2  usage or configuration error
  3  Amazon or the network failed after retries
  4  the database file cannot be used`;
