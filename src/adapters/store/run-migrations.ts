import { type Kysely, Migrator, sql } from 'kysely';
import { MIGRATIONS, migrationProvider } from './migrations/index.js';

/** Kysely's bookkeeping table of applied migrations (its default name). */
const MIGRATION_TABLE = 'kysely_migration';

/** The database has migrations this build does not know: it was written by a newer ShipConfirm. */
export class UnknownMigrationsError extends Error {
  override readonly name = 'UnknownMigrationsError';
  constructor(readonly unknown: readonly string[]) {
    super(`the database has migrations this version does not know: ${unknown.join(', ')}`);
  }
}

/**
 * Applies every pending migration, in order, and returns the names it applied (empty when the
 * schema was current). Safe when several processes start at once as long as the dialect holds
 * a lock across the migration (PostgreSQL: Kysely's advisory lock; SQLite: see sqlite-dialect.ts).
 * Throws {@link UnknownMigrationsError} for a database from a newer version.
 */
export async function runMigrations(db: Kysely<unknown>): Promise<{ applied: string[] }> {
  const unknownBefore = await unknownMigrations(db);
  if (unknownBefore.length > 0) throw new UnknownMigrationsError(unknownBefore);
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    // Another process may have applied a newer migration between the check and the lock.
    const unknownAfter = await unknownMigrations(db).catch(() => []);
    if (unknownAfter.length > 0) throw new UnknownMigrationsError(unknownAfter);
    throw error;
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of applied migrations that this build does not ship (empty for a new database). */
export async function unknownMigrations(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !(name in MIGRATIONS));
}
