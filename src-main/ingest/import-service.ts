import { createHash } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { recordImportedFile } from '../ledger/imported-file-repository';
import { upsertMatches } from '../ledger/match-repository';
import { parseFootballDataCsv } from './football-data-csv';
import { ImportError } from './import-error';

/** The bytes of one football-data file and where they came from (a local path or a URL). */
export type ImportFile = (
  | { readonly path: string; readonly url?: never }
  | { readonly url: string; readonly path?: never }
) & {
  readonly bytes: Uint8Array;
  /** Season code when the path/URL does not end in `<season>/<div>.csv`. */
  readonly season?: string;
};

/** Outcome of a batch: files and matches imported, and each file that was not, with why. */
export interface ImportSummary {
  readonly files: number;
  readonly matches: number;
  readonly failed: readonly { readonly file: string; readonly error: string }[];
}

/**
 * Import a batch of football-data files into the ledger, one transaction per file: a file that
 * fails to parse or to store leaves no rows behind, and the rest of the batch still imports.
 * Re-importing a file is harmless (rows are upserted by match id and identical rows untouched);
 * a corrected file updates the rows it changes. Every imported content is recorded in
 * `imported_files` with its SHA-256, so a ledger can say exactly which data it was built from.
 */
export function importFiles(db: LedgerDatabase, files: readonly ImportFile[]): ImportSummary {
  let imported = 0;
  let matches = 0;
  const failed: { file: string; error: string }[] = [];
  for (const file of files) {
    const source = file.path ?? file.url;
    try {
      const parsed = parseFootballDataCsv(file.bytes, file.season === undefined ? { file: source } : { file: source, season: file.season });
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      db.transaction(() => {
        upsertMatches(db, parsed);
        recordImportedFile(db, { source, sha256, rows: parsed.length });
      })();
      imported += 1;
      matches += parsed.length;
    } catch (error) {
      const message = (error as Error).message;
      // ImportError messages already start with the file; others (storage) get it here.
      failed.push({ file: source, error: error instanceof ImportError ? message : `${source}: ${message}` });
    }
  }
  return { files: imported, matches, failed };
}
