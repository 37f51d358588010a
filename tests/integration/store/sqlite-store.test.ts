import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../../src/adapters/store/open-sqlite-store.js';
import { describeOrderStoreContract } from './order-store-contract.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describeOrderStoreContract('SQLite file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shipconfirm-store-'));
  folders.push(dir);
  return openSqliteStore(join(dir, 'shipconfirm.db'));
});

// The store's fake for other tests and the demo: the same code on an in-memory database.
describeOrderStoreContract('SQLite in memory', () => openSqliteStore(':memory:'));
