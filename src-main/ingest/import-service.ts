import { createHash } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { ledgerCorruptionOf } from '../ledger/ledger-database';
import { recordImportedFile } from '../ledger/imported-file-repository';
import { replaceSeasonMatches, type RenameCandidate } from '../ledger/match-repository';
import { writeTransaction } from '../ledger/write-transaction';
import { parseFootballDataCsv, type CsvLimits } from './football-data-csv';
import { ImportError, type BadRowReport } from './import-error';

/** The bytes of one football-data file and where they came from (a local path or a URL). */
export type ImportFile = (
  | { readonly path: string; readonly url?: never }
  | { readonly url: string; readonly path?: never }
) & {
  readonly bytes: Uint8Array;
  /** Season code when the path/URL does not end in `<season>/<div>.csv`. */
  readonly season?: string;
};

/** What one imported file did to its season: whether the season was already stored, and the row counts. */
export interface SeasonImport {
  readonly file: string;
  readonly div: string;
  readonly season: string;
  /** True when the ledger already held this season, which the file then replaced. */
  readonly replaced: boolean;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
}

/** A file that was not imported. A file refused for its rows lists them (the first MAX_KEPT_BAD_ROWS) and counts them all. */
export interface ImportFailure {
  readonly file: string;
  readonly error: string;
  readonly badRows?: readonly BadRowReport[];
  readonly badRowCount?: number;
}

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
  /** One entry per imported file, in import order. */
  readonly seasons: readonly SeasonImport[];
  readonly failed: readonly ImportFailure[];
}

export const EMPTY_IMPORT_SUMMARY: ImportSummary = { files: 0, matches: 0, added: 0, changed: 0, unchanged: 0, removed: 0, renameCandidates: [], warnings: [], seasons: [], failed: [] };

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
    seasons: [...a.seasons, ...b.seasons],
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
      const { div, season } = parsed[0]!;
      const counts = { added: stored.added, changed: stored.changed, unchanged: stored.unchanged, removed: stored.removed };
      const replaced = stored.changed + stored.unchanged + stored.removed > 0;
      summary = mergeImportSummaries(summary, { ...EMPTY_IMPORT_SUMMARY, files: 1, matches: parsed.length, ...stored, seasons: [{ file: source, div, season, replaced, ...counts }] });
    } catch (error) {
      const corrupt = ledgerCorruptionOf(db.name, error);
      if (corrupt) throw corrupt;
      const message = (error as Error).message;
      // ImportError messages already start with the file; others (storage) get it here.
      const failure =
        error instanceof ImportError
          ? { file: source, error: message, ...(error.badRowCount > 0 ? { badRows: error.badRows, badRowCount: error.badRowCount } : {}) }
          : { file: source, error: `${source}: ${message}` };
      summary = mergeImportSummaries(summary, { ...EMPTY_IMPORT_SUMMARY, failed: [failure] });
    }
  }
  return summary;
}
