import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardedDatabase } from '../../../src/adapters/store/guarded-database.js';
import { StoreError } from '../../../src/ports/order-store.js';

// Faults of the file that happen after opening reach callers as StoreError; data errors do not.
describe('guardedDatabase', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shipconfirm-guard-'));
    file = join(dir, 'guarded.db');
    const setup = new BetterSqlite3(file);
    setup.exec('create table t (id integer primary key)');
    setup.close();
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns a write the file refuses into a StoreError naming the file', () => {
    const raw = new BetterSqlite3(file, { readonly: true });
    const db = guardedDatabase(raw, file);
    try {
      const insert = db.prepare('insert into t (id) values (?)');
      expect(() => insert.run([1])).toThrow(StoreError);
      expect(() => insert.run([1])).toThrow(file);
    } finally {
      db.close();
    }
  });

  it('lets constraint violations through unchanged', () => {
    const db = guardedDatabase(new BetterSqlite3(file), file);
    try {
      const insert = db.prepare('insert into t (id) values (?)');
      insert.run([1]);
      let caught: unknown;
      try {
        insert.run([1]);
      } catch (error) {
        caught = error;
      }
      expect(caught).not.toBeInstanceOf(StoreError);
      expect((caught as { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/);
    } finally {
      db.close();
    }
  });
});
