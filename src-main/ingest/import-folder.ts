import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { importFiles, type ImportSummary } from './import-service';

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

/**
 * Import every football-data CSV under `folder` (e.g. a copy of the website's `mmz4281` tree,
 * where each file's season comes from its `<season>/<div>.csv` path). A file that cannot be
 * read is reported in `failed` like one that cannot be parsed.
 */
export function importFolder(db: LedgerDatabase, folder: string, options: { readonly div?: string } = {}): ImportSummary {
  const files = csvFilesIn(folder, options);
  const readable: { path: string; bytes: Uint8Array }[] = [];
  const unreadable: { file: string; error: string }[] = [];
  for (const file of files) {
    try {
      readable.push({ path: file, bytes: readFileSync(file) });
    } catch (error) {
      unreadable.push({ file, error: `${file}: cannot read: ${(error as Error).message}` });
    }
  }
  const summary = importFiles(db, readable);
  return { ...summary, failed: [...unreadable, ...summary.failed] };
}
