import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/adapters/store/open-sqlite-store.js';
import { StoreError } from '../../../src/ports/order-store.js';
import { openAsUser, openInProcesses } from './fixtures/run-store-processes.js';
import { at, newPackage, order, seller } from './fixtures/store-data.js';

const isRoot = process.getuid?.() === 0;

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipconfirm-open-'));
  file = join(dir, 'shipconfirm.db');
});

afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** A store file with some data in it, closed again. */
async function fileWithData(): Promise<void> {
  const store = await openSqliteStore(file);
  await store.upsertSeller(seller(), at());
  await store.upsertOrders(
    Array.from({ length: 60 }, (_, i) =>
      order(i + 1, { orderId: `202-0000000-${String(i).padStart(7, '0')}` }),
    ),
    at(1),
  );
  await store.close();
}

async function expectRefusedUnchanged(pattern: RegExp): Promise<void> {
  const before = await readFile(file);
  const opening = openSqliteStore(file);
  await expect(opening).rejects.toBeInstanceOf(StoreError);
  await expect(opening).rejects.toThrow(file);
  await expect(opening).rejects.toThrow(pattern);
  expect((await readFile(file)).equals(before)).toBe(true);
}

describe('openSqliteStore', () => {
  it('creates the folder and the file, and applies every migration once', async () => {
    const nested = join(dir, 'a', 'b', 'store.db');
    const store = await openSqliteStore(nested, { migrate: false });
    expect(store.file).toBe(nested);
    expect(await store.migrate()).toEqual({ applied: ['0001-initial'] });
    expect(await store.migrate()).toEqual({ applied: [] });
    await store.close();
  });

  it('keeps the data when reopened, with nothing left to migrate', async () => {
    const first = await openSqliteStore(file);
    await first.upsertSeller(seller(), at());
    await first.upsertOrders([order(1)], at(1));
    const pkg = await first.insertPackage(newPackage(order(1).orderId), at(2));
    await first.close();

    const again = await openSqliteStore(file);
    expect(await again.migrate()).toEqual({ applied: [] });
    expect(await again.getOrder(order(1).orderId)).toEqual(order(1));
    expect(await again.getPackage(pkg.packageId)).toEqual(pkg);
    expect((await again.insertPackage(newPackage(order(1).orderId), at(3))).referenceNo).toBe(2);
    await again.close();
  });

  it('uses WAL and enforces foreign keys', async () => {
    const store = await openSqliteStore(file);
    await store.upsertSeller(seller(), at());
    const orphan = {
      packageId: 'pkg_nonexistent1',
      attemptNo: 1,
      channel: 'confirm-shipment' as const,
      startedAt: at(),
      finishedAt: at(),
      outcome: 'accepted' as const,
      httpStatus: 204,
      errorCode: null,
      errorMessage: null,
      amazonRequestId: null,
    };
    await expect(store.recordAttempt(orphan)).rejects.toThrow(/FOREIGN KEY/);
    const probe = new BetterSqlite3(file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
    await store.close();
  });

  it('keeps each in-memory store separate', async () => {
    const a = await openSqliteStore(':memory:');
    const b = await openSqliteStore(':memory:');
    await a.upsertSeller(seller(), at());
    expect(await b.listSellers()).toEqual([]);
    expect(a.file).toBe(':memory:');
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a file that is not a SQLite database, leaving it untouched', async () => {
    await writeFile(file, 'order_id,sku\n202-1,SKU-1\n'.repeat(200));
    await expectRefusedUnchanged(/not a ShipConfirm database/);
  });

  it('refuses a damaged database, leaving it untouched', async () => {
    await fileWithData();
    const bytes = await readFile(file);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length).toBeGreaterThan(pageSize * 4);
    // Scribble over the second and third pages, past the header that would make it "not a database".
    bytes.fill(0xa5, pageSize, pageSize * 3);
    await writeFile(file, bytes);
    await expectRefusedUnchanged(/damaged/);
  });

  it('refuses a database made by a newer version, leaving it untouched', async () => {
    await fileWithData();
    const raw = new BetterSqlite3(file);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999-from-the-future', at());
    raw.pragma('journal_mode = DELETE');
    raw.close();
    await expectRefusedUnchanged(/newer version of ShipConfirm.*9999-from-the-future/);
  });

  it('refuses a location whose folder cannot be created', async () => {
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const target = join(blocker, 'shipconfirm.db');
    const opening = openSqliteStore(target);
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toThrow(target);
    await expect(opening).rejects.toThrow(/writable/);
  });

  it('refuses a path that is a folder', async () => {
    await mkdir(file);
    const opening = openSqliteStore(file);
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toThrow(file);
  });

  it('refuses a database in a folder it may not write, leaving it untouched', async () => {
    await fileWithData();
    const before = await readFile(file);
    let refusal: { name: string; message: string } | null;
    if (isRoot) {
      // Root writes through any permission bits: ask as an ordinary user (nobody) instead.
      await chmod(dir, 0o755);
      refusal = await openAsUser(file, { uid: 65534, gid: 65534 });
    } else {
      await chmod(dir, 0o500);
      refusal = await openSqliteStore(file).then(
        () => null,
        (error: Error) => ({ name: error.name, message: error.message }),
      );
    }
    expect(refusal?.name).toBe('StoreError');
    expect(refusal?.message).toContain(file);
    expect(refusal?.message).toMatch(/writable/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('lets several stores in one process open a new file at once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openSqliteStore(file, { migrate: false })));
    const results = await Promise.all(stores.map((s) => s.migrate()));
    expect(results.flatMap((r) => r.applied)).toEqual(['0001-initial']);
    await Promise.all(stores.map((s) => s.close()));
    const again = await openSqliteStore(file);
    expect(await again.listSellers()).toEqual([]);
    await again.close();
  });

  it('lets several processes open and migrate a new file at once', async () => {
    const applied = (await openInProcesses(file, 4)).flatMap((r) => r.applied);
    expect(applied).toEqual(['0001-initial']);
    const store = await openSqliteStore(file);
    expect(await store.listSellers()).toHaveLength(4);
    await store.close();
  });
});
