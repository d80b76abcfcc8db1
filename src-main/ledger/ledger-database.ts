import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/** An open ledger: a better-sqlite3 connection whose schema is at the latest known version. */
export type LedgerDatabase = Database.Database;

export interface OpenLedgerOptions {
  /** Schema history to apply; the app's own list unless a test replays part of it. */
  readonly migrations?: readonly Migration[];
  /** How long a write waits for another connection's lock before failing (ms). */
  readonly busyTimeoutMs?: number;
}

/**
 * Open (creating if needed) the SQLite ledger at `file` (`:memory:` for a throw-away one) and
 * bring its schema up to date: WAL journal so readers never block the writer, foreign keys
 * enforced, a busy timeout for concurrent connections, then every migration newer than the
 * file's `PRAGMA user_version`, each in its own transaction. A file written by a newer version
 * of the app is refused rather than guessed at.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): LedgerDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  checkHistory(migrations);
  const known = migrations.length;

  let db: LedgerDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw new Error(`Ledger ${file}: cannot open: ${(error as Error).message}`, { cause: error });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);

    const current = schemaVersionOf(db);
    if (current > known) {
      throw new Error(
        `Ledger ${file} has schema version ${current}, but this version of Edgeline knows versions up to ${known}: ` +
          'it was written by a newer Edgeline. Update the app, or open another ledger file.',
      );
    }
    for (const migration of migrations.slice(current)) applyMigration(db, file, migration);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The schema version recorded in the file (`PRAGMA user_version`); 0 for a new file. */
export function schemaVersionOf(db: LedgerDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function applyMigration(db: LedgerDatabase, file: string, migration: Migration): void {
  try {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } catch (error) {
    throw new Error(`Ledger ${file}: migration ${migrationLabel(migration)} failed, the file stays at version ${migration.version - 1}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A mis-numbered list is a programming error: fail at start-up before touching any file. */
function checkHistory(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new Error(`Ledger migrations: ${migrationLabel(migration)} is at position ${i + 1} of the list; versions must be 1, 2, 3 ... in order`);
    }
  });
}

function migrationLabel(migration: Migration): string {
  return `${String(migration.version).padStart(4, '0')}-${migration.name}`;
}
