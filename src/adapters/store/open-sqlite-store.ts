import { access, constants, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { OrderStore } from '../../ports/order-store.js';
import { guardedDatabase } from './guarded-database.js';
import { KyselyOrderStore } from './kysely-order-store.js';
import { runMigrations, UnknownMigrationsError } from './run-migrations.js';
import type { Database } from './schema.js';
import { StoreSqliteDialect } from './sqlite-dialect.js';
import { checkExistingDatabase, hasExistingDatabase } from './sqlite-file-check.js';
import { newerDatabase, storeErrorFor, unwritableLocation } from './sqlite-store-error.js';

/** How long a connection waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

const IN_MEMORY = ':memory:';

/** The store on SQLite, with its file and the migration step `shipconfirm migrate` runs. */
export type SqliteOrderStore = OrderStore & {
  /** The database file as given (`:memory:` for an in-memory store). */
  readonly file: string;
  /** Applies pending migrations; returns the names applied (empty when current). */
  migrate(): Promise<{ applied: string[] }>;
};

/*
 * Migrations of one file run one at a time inside this process. Across processes the write lock
 * of BEGIN IMMEDIATE serialises them, but two connections of the same process would wait on
 * each other while blocking the only thread, so they queue here instead.
 */
const migrationQueues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = migrationQueues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  migrationQueues.set(key, settled);
  void settled.then(() => {
    if (migrationQueues.get(key) === settled) migrationQueues.delete(key);
  });
  return next;
}

/**
 * Opens (creating if needed) the SQLite store in `file`, or an empty one in memory for `':memory:'`
 * (the store's fake: same code, nothing on disk). Creates the parent folder, turns on WAL,
 * foreign keys and a busy timeout of 5 s, and applies pending migrations unless
 * `options.migrate` is false (default true). Several processes may open one file at once.
 *
 * Throws StoreError, naming the file and saying what to do, for a file that is not a SQLite
 * database, is damaged, comes from a newer ShipConfirm, or cannot be created or written; the
 * file is not modified in those cases.
 */
export async function openSqliteStore(
  file: string,
  options?: { migrate?: boolean },
): Promise<SqliteOrderStore> {
  const inMemory = file === IN_MEMORY;
  const path = inMemory ? IN_MEMORY : resolve(file);
  let existing = false;
  if (!inMemory) {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw unwritableLocation(file, `cannot create its folder: ${(error as Error).message}`);
    }
    existing = await hasExistingDatabase(path);
    await ensureWritable(path, file, existing);
  }

  const raw = openConnection(path, file, existing);
  const db = new Kysely<Database>({
    dialect: new StoreSqliteDialect({ database: guardedDatabase(raw, file) }),
  });
  const migrate = (): Promise<{ applied: string[] }> =>
    serialised(path, async () => {
      try {
        return await runMigrations(db as Kysely<unknown>);
      } catch (error) {
        if (error instanceof UnknownMigrationsError) throw newerDatabase(file, error.unknown);
        throw storeErrorFor(file, error) ?? error;
      }
    });

  if (options?.migrate ?? true) {
    try {
      await migrate();
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return Object.assign(new KyselyOrderStore(db), { file, migrate });
}

/** Opens the connection and sets it up, checking an existing file before anything writes to it. */
function openConnection(path: string, file: string, existing: boolean): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database | undefined;
  try {
    raw = new BetterSqlite3(path);
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (existing) checkExistingDatabase(raw, file);
    // The first write to the file: only after it proved to be a sound database of ours.
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    return raw;
  } catch (error) {
    raw?.close();
    // Every fault here is about the file: none of our data has been touched yet.
    throw storeErrorFor(file, error) ?? unwritableLocation(file, (error as Error).message);
  }
}

/*
 * SQLite opens a file it may not write read-only without a word, and WAL needs to create its
 * -wal and -shm files beside the database: check both up front so that the store refuses to
 * start rather than failing at its first write.
 */
async function ensureWritable(path: string, file: string, existing: boolean): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK | constants.X_OK);
    if (existing) await access(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw unwritableLocation(file, (error as Error).message);
  }
}
