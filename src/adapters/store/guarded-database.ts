import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { storeErrorFor } from './sqlite-store-error.js';

/** Runs `call`, turning a fault of the database file into a StoreError naming `file`. */
function guard<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw storeErrorFor(file, error) ?? error;
  }
}

/**
 * Wraps a better-sqlite3 database so that a file that goes bad while the store is open (disk full,
 * folder removed, damaged pages) surfaces as a StoreError naming the file, not a raw SQLite error.
 */
export function guardedDatabase(db: SqliteDatabase, file: string): SqliteDatabase {
  return {
    close: () => guard(file, () => db.close()),
    prepare: (sqlText: string): SqliteStatement => {
      const statement = guard(file, () => db.prepare(sqlText));
      return {
        reader: statement.reader,
        all: (parameters) => guard(file, () => statement.all(parameters)),
        run: (parameters) => guard(file, () => statement.run(parameters)),
        iterate: (parameters) => guard(file, () => statement.iterate(parameters)),
      };
    },
  };
}
