import type { LedgerDatabase } from './ledger-database';

/** One distinct content of a source file that has been imported. */
export interface ImportedFile {
  /** Path or URL the bytes came from. */
  readonly source: string;
  readonly sha256: string;
  readonly rows: number;
  /** ISO timestamp of the first import of these exact bytes. */
  readonly importedAt: string;
}

/**
 * Remember that `source` with content `sha256` was imported. The same bytes imported again keep
 * their first record (idempotent); a corrected file gets a record of its own.
 */
export function recordImportedFile(db: LedgerDatabase, file: Omit<ImportedFile, 'importedAt'>, importedAt: Date = new Date()): void {
  db.prepare('INSERT INTO imported_files (source, sha256, rows, imported_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
    file.source,
    file.sha256,
    file.rows,
    importedAt.toISOString(),
  );
}

/** Every imported file content, oldest import first. */
export function importedFiles(db: LedgerDatabase): ImportedFile[] {
  return db.prepare('SELECT source, sha256, rows, imported_at AS importedAt FROM imported_files ORDER BY imported_at, source, sha256').all() as ImportedFile[];
}

/**
 * How many distinct file contents the ledger has imported: it grows exactly when new or
 * corrected match data arrives, so a process can tell cheaply whether its cached matches are stale.
 */
export function importedContentCount(db: LedgerDatabase): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM imported_files').get() as { n: number }).n;
}
