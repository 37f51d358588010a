import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from 'kysely';

/** The SQL dialects the store runs on: SQLite embedded now, PostgreSQL for several nodes later. */
export type SqlDialectName = 'sqlite' | 'postgres';

/** Which dialect a Kysely instance talks to; anything that is not SQLite is treated as PostgreSQL. */
export function dialectOf(db: Kysely<unknown>): SqlDialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * The one column type that cannot be written portably: an auto-increment key for the event log.
 * SQLite wants `integer primary key autoincrement` (never reuses a number, even after a delete);
 * PostgreSQL an identity column.
 */
export function autoIncrementKey(dialect: SqlDialectName): {
  type: 'integer' | 'bigint';
  build: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  return dialect === 'sqlite'
    ? { type: 'integer', build: (col) => col.primaryKey().autoIncrement() }
    : { type: 'bigint', build: (col) => col.primaryKey().generatedAlwaysAsIdentity() };
}
