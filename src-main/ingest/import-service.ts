import { createHash } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { ledgerCorruptionOf } from '../ledger/ledger-database';
import { recordImportedFile } from '../ledger/imported-file-repository';
import { replaceSeasonMatches, type RenameCandidate } from '../ledger/match-repository';
import { writeTransaction } from '../ledger/write-transaction';
import { parseFootballDataCsv, type CsvLimits } from './football-data-csv';
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

/**
 * Outcome of a batch: files and match rows imported, what that did to the ledger (matches added,
 * corrected in place, already identical, removed because their season file no longer has them), teams that look
 * renamed, warnings that are not failures (a folder without season files), and each file that
 * was not imported, with why.
 */
export interface ImportSummary {
  readonly files: number;
  readonly matches: number;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly renameCandidates: readonly RenameCandidate[];
  readonly warnings: readonly string[];
  readonly failed: readonly { readonly file: string; readonly error: string }[];
}

export const EMPTY_IMPORT_SUMMARY: ImportSummary = { files: 0, matches: 0, added: 0, changed: 0, unchanged: 0, removed: 0, renameCandidates: [], warnings: [], failed: [] };

/** Two summaries as one, in order (batches of a download, a folder's unreadable files first). */
export function mergeImportSummaries(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    files: a.files + b.files,
    matches: a.matches + b.matches,
    added: a.added + b.added,
    changed: a.changed + b.changed,
    unchanged: a.unchanged + b.unchanged,
    removed: a.removed + b.removed,
    renameCandidates: [...a.renameCandidates, ...b.renameCandidates],
    warnings: [...a.warnings, ...b.warnings],
    failed: [...a.failed, ...b.failed],
  };
}

/**
 * Import a batch of football-data files into the ledger, one transaction per file: a file that
 * fails to parse or to store leaves no rows behind, and the rest of the batch still imports.
 * Each file replaces its season (see replaceSeasonMatches): importing it twice changes nothing,
 * a corrected file updates the matches it corrects. Every imported content is recorded in
 * `imported_files` with its SHA-256, so a ledger can say exactly which data it was built from.
 * A damaged ledger stops the batch at once (it throws a LedgerCorruptError) rather than
 * writing file after file into it; a ledger locked by another program is waited for.
 */
export function importFiles(db: LedgerDatabase, files: readonly ImportFile[], limits: CsvLimits = {}): ImportSummary {
  let summary = EMPTY_IMPORT_SUMMARY;
  for (const file of files) {
    const source = file.path ?? file.url;
    try {
      const parsed = parseFootballDataCsv(file.bytes, file.season === undefined ? { file: source } : { file: source, season: file.season }, limits);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const stored = writeTransaction(db, () => {
        const replaced = replaceSeasonMatches(db, parsed);
        recordImportedFile(db, { source, sha256, rows: parsed.length });
        return replaced;
      });
      summary = mergeImportSummaries(summary, { ...EMPTY_IMPORT_SUMMARY, files: 1, matches: parsed.length, ...stored });
    } catch (error) {
      const corrupt = ledgerCorruptionOf(db.name, error);
      if (corrupt) throw corrupt;
      const message = (error as Error).message;
      // ImportError messages already start with the file; others (storage) get it here.
      summary = mergeImportSummaries(summary, { ...EMPTY_IMPORT_SUMMARY, failed: [{ file: source, error: error instanceof ImportError ? message : `${source}: ${message}` }] });
    }
  }
  return summary;
}
