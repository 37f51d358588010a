import { open, stat } from 'node:fs/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../../ports/order-store.js';
import { MIGRATIONS } from './migrations/index.js';
import { damagedDatabase, newerDatabase, notADatabase, unwritableLocation } from './sqlite-store-error.js';

/** Every SQLite 3 file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether `file` already holds data: false for a missing or empty file (SQLite makes a new
 * database of it). Throws StoreError for anything that is not a SQLite file, before SQLite
 * touches it, so that the file is left exactly as it was.
 */
export async function hasExistingDatabase(file: string): Promise<boolean> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw notADatabase(file);
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if (error instanceof StoreError) throw error;
    throw unwritableLocation(file, (error as Error).message);
  }
  if (size === 0) return false;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const handle = await open(file, 'r');
    try {
      await handle.read(header, 0, header.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unwritableLocation(file, (error as Error).message);
  }
  if (!header.equals(SQLITE_HEADER)) throw notADatabase(file);
  return true;
}

/**
 * Read-only checks of an existing database before anything is written to it: its pages are
 * sound (`quick_check`, linear in the file's size) and it has no migrations from a newer build.
 */
export function checkExistingDatabase(db: BetterSqlite3.Database, file: string): void {
  const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = problems[0]?.quick_check;
  if (first !== 'ok') throw damagedDatabase(file, first ?? 'quick_check gave no answer');
  const hasMigrationTable = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (hasMigrationTable === undefined) return;
  const names = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map(
    (r) => r.name,
  );
  const unknown = names.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) throw newerDatabase(file, unknown);
}
