import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';

/**
 * Every migration, in order. Forward-only: a shipped migration is never edited, a change is a
 * new numbered entry. Listed statically because the code runs compiled from dist/, where
 * scanning a folder for `.ts` files would find nothing.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
};

/** Kysely's `Migrator` provider over {@link MIGRATIONS}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
