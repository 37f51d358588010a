import { StoreError } from '../../ports/order-store.js';

/*
 * Turns SQLite's faults about the file itself into a StoreError that names the file and says what
 * to do, once, at the adapter's edge. Faults about the data (constraints, bad SQL) are bugs and
 * stay as they are.
 */

const WHAT_TO_DO_ELSEWHERE = 'or choose another database file (SHIPCONFIRM_DB)';

/** The better-sqlite3 error code (`SQLITE_...`) of an error, if it has one. */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file is not a SQLite database at all. */
export function notADatabase(file: string): StoreError {
  return new StoreError(
    `${file} is not a ShipConfirm database (it is not a SQLite file). It was left untouched; ` +
      `move it away ${WHAT_TO_DO_ELSEWHERE}.`,
  );
}

/** The file is a SQLite database with damaged content. */
export function damagedDatabase(file: string, detail: string): StoreError {
  return new StoreError(
    `The database file ${file} is damaged (${detail}). It was left untouched; restore it from a backup ` +
      `${WHAT_TO_DO_ELSEWHERE}.`,
  );
}

/** The file was written by a newer ShipConfirm (it has migrations this build lacks). */
export function newerDatabase(file: string, unknown: readonly string[]): StoreError {
  return new StoreError(
    `The database file ${file} was created by a newer version of ShipConfirm (unknown migrations: ` +
      `${unknown.join(', ')}). It was left untouched; upgrade ShipConfirm ${WHAT_TO_DO_ELSEWHERE}.`,
  );
}

/** The file or its folder cannot be created, opened or written. */
export function unwritableLocation(file: string, detail: string): StoreError {
  return new StoreError(
    `Cannot open the database file ${file} for writing (${detail}). Check that its folder exists and ` +
      `is writable and the disk has space, ${WHAT_TO_DO_ELSEWHERE}.`,
  );
}

/**
 * The StoreError for a fault of the file, or undefined when `error` is not one (a constraint
 * violation, a programming error) and should travel unchanged.
 */
export function storeErrorFor(file: string, error: unknown): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  const detail = reasonOf(error);
  // The opener has already seen a SQLite header, so NOTADB here means a damaged header.
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damagedDatabase(file, detail);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      `The database file ${file} stayed locked by another process (${detail}). Try again; if it persists, ` +
        'stop the other ShipConfirm process that uses the same file.',
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_AUTH'
  ) {
    return unwritableLocation(file, detail);
  }
  return undefined;
}
