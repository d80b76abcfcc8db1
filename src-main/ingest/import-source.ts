import type { LedgerDatabase } from '../ledger/ledger-database';
import type { ChecksumEntry } from './checksum-manifest';
import { downloadSeasons, type DownloadProgress } from './download';
import { importFolder } from './import-folder';
import type { CsvLimits } from './football-data-csv';
import { EMPTY_IMPORT_SUMMARY, importFiles, mergeImportSummaries, type ImportFile, type ImportSummary } from './import-service';
import { seasonFileLocation } from './load-football-data';
import { readSeasonFile } from './read-season-file';

export interface ImportSourceOptions extends CsvLimits {
  /** A folder in the football-data layout, or an http(s) base URL. */
  readonly from: string;
  readonly div: string;
  /** Seasons to import; when absent (folders only), every `<div>.csv` under the folder. */
  readonly seasons?: readonly string[];
  /** Checksums downloads must match (see data/README.md). */
  readonly manifest?: readonly ChecksumEntry[];
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Import one division's seasons from a folder or the website into the ledger. Each file that
 * cannot be read, downloaded or parsed becomes an entry of `failed`; the others import, one
 * transaction each. Only a cancellation stops the batch (it throws).
 */
export async function importFromSource(db: LedgerDatabase, options: ImportSourceOptions): Promise<ImportSummary> {
  const isUrl = /^https?:\/\//i.test(options.from);
  if (options.seasons === undefined) {
    if (isUrl) throw new Error(`Import from ${options.from}: seasons are required when importing from a URL`);
    return importFolder(db, options.from, { div: options.div, ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }) });
  }

  const files: ImportFile[] = [];
  const unavailable: { file: string; error: string }[] = [];
  for (const season of options.seasons) {
    const location = seasonFileLocation(options.from, season, options.div);
    try {
      if (isUrl) {
        const [file] = await downloadSeasons({ ...options, baseUrl: options.from, divs: [options.div], seasons: [season] });
        files.push({ url: location, season, bytes: file!.bytes });
      } else {
        const read = await readSeasonFile(location, options);
        if (read.ok) files.push({ path: location, season, bytes: read.bytes });
        else unavailable.push({ file: location, error: read.error });
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const message = (error as Error).message;
      const code = (error as NodeJS.ErrnoException).code;
      unavailable.push({ file: location, error: code === 'ENOENT' ? `${location}: no such file` : message.startsWith(location) ? message : `${location}: ${message}` });
    }
  }
  return mergeImportSummaries({ ...EMPTY_IMPORT_SUMMARY, failed: unavailable }, importFiles(db, files, options));
}
