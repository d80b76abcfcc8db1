import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/** An open ledger: a better-sqlite3 connection whose schema is at the latest known version. */
export type LedgerDatabase = Database.Database;

export interface OpenLedgerOptions {
  /** Schema history to apply; the app's own list unless a test replays part of it. */
  readonly migrations?: readonly Migration[];
  /**
   * How long a statement outside {@link writeTransaction} waits for another connection's lock
   * before failing (ms). Long, because the other writer may be an import of many seasons.
   */
  readonly busyTimeoutMs?: number;
  /** Backups kept next to the file before migrations (oldest deleted first). */
  readonly keepBackups?: number;
  /** Clock for backup names (tests). */
  readonly now?: () => Date;
}

/** Ten minutes: longer than any import or week another process can be writing. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_KEEP_BACKUPS = 3;

/**
 * The ledger file is damaged: SQLite says "database disk image is malformed" or "file is not a
 * database". The message names the file and what to do; callers stop writing at the first one.
 */
export class LedgerCorruptError extends Error {
  readonly code = 'failed';
  constructor(
    readonly file: string,
    detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(
      `The ledger ${file} is damaged (${detail}); nothing more was written to it. Close Edgeline and replace the file with the newest backup next to it ` +
        `(${path.basename(file)}.backup-*.sqlite, made before each schema upgrade), or move it aside and import your seasons into a new ledger.`,
      options,
    );
    this.name = 'LedgerCorruptError';
  }
}

/** The damage SQLite reports, as a LedgerCorruptError naming `file`; undefined for any other error. */
export function ledgerCorruptionOf(file: string, error: unknown): LedgerCorruptError | undefined {
  if (error instanceof LedgerCorruptError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
    return new LedgerCorruptError(file, (error as Error).message, { cause: error });
  }
  return undefined;
}

/**
 * Open (creating if needed) the SQLite ledger at `file` (`:memory:` for a throw-away one) and
 * bring its schema up to date. In this order, so that a file Edgeline must not touch is left
 * byte for byte as it was: read the schema version and refuse a newer one; check the file is
 * not damaged; copy it to a dated backup next to it when a migration is due (keeping the last
 * three); only then switch to WAL (readers never block the writer), enforce foreign keys, set
 * the busy timeout, and apply every migration newer than `PRAGMA user_version`, each in its own
 * transaction.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): LedgerDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  checkHistory(migrations);
  const known = migrations.length;

  let db: LedgerDatabase;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Ledger ${file}: cannot open: ${(error as Error).message}`, { cause: error });
  }
  try {
    let current: number;
    try {
      current = schemaVersionOf(db);
      const check = db.pragma('quick_check(1)', { simple: true }) as string;
      if (check !== 'ok') throw new LedgerCorruptError(file, `integrity check: ${check}`);
    } catch (error) {
      throw ledgerCorruptionOf(file, error) ?? error;
    }
    if (current > known) {
      throw new Error(
        `Ledger ${file} has schema version ${current}, but this version of Edgeline knows versions up to ${known}: ` +
          'it was written by a newer Edgeline. Update the app, or open another ledger file.',
      );
    }
    if (current > 0 && current < known && file !== ':memory:') backUpLedger(db, file, current, options);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
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

/** Backups of `file`, oldest first. */
export function ledgerBackupsOf(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.backup-`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * A consistent copy (VACUUM INTO reads through the WAL, so committed weeks of an open run are in
 * it) named by the time and the schema version it holds: `ledger.sqlite.backup-20261201T205900Z-v3.sqlite`.
 */
function backUpLedger(db: LedgerDatabase, file: string, version: number, options: OpenLedgerOptions): void {
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const target = `${file}.backup-${stamp}-v${version}.sqlite`;
  try {
    if (existsSync(target)) rmSync(target);
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    // A ledger that cannot be backed up is not migrated: the user keeps the untouched file.
    throw new Error(`Ledger ${file}: could not write the backup ${target} before upgrading the schema, so nothing was changed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const keep = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
  const backups = ledgerBackupsOf(file);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(old, { force: true });
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
