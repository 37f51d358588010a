import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/*
 * Kysely's SQLite dialect with two changes that make it safe for several processes on one file:
 *
 * 1. Transactions start with BEGIN IMMEDIATE. Every store transaction writes; a plain (deferred)
 *    BEGIN takes a read lock first and fails with SQLITE_BUSY, without waiting, when it later needs
 *    the write lock that another process holds. IMMEDIATE takes the write lock at once and waits
 *    for it under busy_timeout.
 * 2. Migrations run inside one such transaction. Kysely's SQLite adapter runs them without a
 *    transaction and without a lock, so two processes starting on a new file would both try to
 *    create the tables. SQLite's DDL is transactional, so one transaction is both the lock and
 *    the all-or-nothing guarantee.
 */

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** SQLite for the store: IMMEDIATE transactions and migrations under one write lock. */
export class StoreSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
