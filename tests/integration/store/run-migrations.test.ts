import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/adapters/store/migrations/index.js';
import { runMigrations, UnknownMigrationsError } from '../../../src/adapters/store/run-migrations.js';
import { StoreSqliteDialect } from '../../../src/adapters/store/sqlite-dialect.js';

// runMigrations is the dialect-neutral part the PostgreSQL store will share; here on plain SQLite.
describe('runMigrations', () => {
  let db: Kysely<unknown>;

  beforeEach(() => {
    db = new Kysely<unknown>({
      dialect: new StoreSqliteDialect({ database: new BetterSqlite3(':memory:') }),
    });
  });

  afterEach(async () => {
    await db.destroy();
  });

  it('applies every migration in order, then nothing', async () => {
    expect(await runMigrations(db)).toEqual({ applied: Object.keys(MIGRATIONS) });
    expect(await runMigrations(db)).toEqual({ applied: [] });
  });

  it('seeds the marketplaces core knows', async () => {
    await runMigrations(db);
    const rows = await sql<{ code: string }>`select code from marketplaces order by code`.execute(db);
    expect(rows.rows.map((r) => r.code)).toContain('UK');
  });

  it('refuses a database with migrations it does not ship', async () => {
    await runMigrations(db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-later', '2030-01-01T00:00:00.000Z')`.execute(
      db,
    );
    const run = runMigrations(db);
    await expect(run).rejects.toBeInstanceOf(UnknownMigrationsError);
    await expect(run).rejects.toMatchObject({ unknown: ['9999-later'] });
  });
});
