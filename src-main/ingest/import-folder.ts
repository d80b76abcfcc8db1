import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { LedgerDatabase } from '../ledger/ledger-database';
import type { CsvLimits } from './football-data-csv';
import { importFiles, mergeImportSummaries, EMPTY_IMPORT_SUMMARY, type ImportSummary } from './import-service';
import { readSeasonFile } from './read-season-file';

/**
 * Every `*.csv` file under `folder` (any depth), sorted by path so imports run in a stable
 * order. With `div`, only files named `<div>.csv`, as in the football-data layout.
 */
export function csvFilesIn(folder: string, options: { readonly div?: string } = {}): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${folder}: cannot list the folder: ${(error as Error).message}`, { cause: error });
  }
  const wanted = options.div === undefined ? (name: string) => /\.csv$/i.test(name) : (name: string) => name.toLowerCase() === `${options.div!.toLowerCase()}.csv`;
  return entries
    .filter((entry) => wanted(path.basename(entry)))
    .map((entry) => path.join(folder, entry))
    .sort();
}

/** The warning for a folder that holds no file an import would read: it is not a silent success. */
export function noSeasonFilesWarning(folder: string, div?: string): string {
  return `${folder}: no ${div === undefined ? '*.csv' : `${div}.csv`} files found (expected the football-data layout <folder>/mmz4281/<season>/<div>.csv); nothing was imported`;
}

/**
 * Import every football-data CSV under `folder` (e.g. a copy of the website's `mmz4281` tree,
 * where each file's season comes from its `<season>/<div>.csv` path). A file that cannot be
 * read, or is larger than the size limit, is reported in `failed` like one that cannot be
 * parsed; files are read one at a time, so memory holds one season file, not the folder.
 */
export async function importFolder(db: LedgerDatabase, folder: string, options: { readonly div?: string } & CsvLimits = {}): Promise<ImportSummary> {
  const files = csvFilesIn(folder, options);
  if (files.length === 0) return { ...EMPTY_IMPORT_SUMMARY, warnings: [noSeasonFilesWarning(folder, options.div)] };
  let summary = EMPTY_IMPORT_SUMMARY;
  for (const file of files) {
    const read = await readSeasonFile(file, options);
    summary = mergeImportSummaries(summary, read.ok ? importFiles(db, [{ path: file, bytes: read.bytes }], options) : { ...EMPTY_IMPORT_SUMMARY, failed: [{ file, error: read.error }] });
  }
  return summary;
}
