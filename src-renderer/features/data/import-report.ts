import type { ImportSummary } from '../../../src-main/ipc/renderer-contract';
import { formatSeason } from '../../format/season';

type ImportFailure = ImportSummary['failed'][number];
type SeasonImport = ImportSummary['seasons'][number];

/** How many bad rows of one file are listed before "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * One file's failure as the Data page shows it: what is wrong with the file, then (for a file
 * refused for its rows) the first 20 bad rows and how many more there are. The file name is
 * shown beside it, so a message that starts with it loses the repetition.
 */
export function problemList(failure: ImportFailure): { headline: string; rows: string[]; more: number } {
  const count = failure.badRowCount ?? 0;
  const rows = (failure.badRows ?? []).slice(0, MAX_LISTED_PROBLEMS).map((row) => row.message);
  if (count > 1) {
    return { headline: `${count} rows cannot be imported, so nothing from this file was imported. Correct them and import the file again:`, rows, more: count - rows.length };
  }
  const headline = failure.error.startsWith(failure.file) ? failure.error.slice(failure.file.length).replace(/^:?\s*/, '') : failure.error;
  return { headline, rows: [], more: 0 };
}

/** "…and 37 more bad rows" under the listed ones. */
export function moreRowsText(more: number): string {
  return `…and ${more} more bad ${more === 1 ? 'row' : 'rows'}`;
}

/**
 * What each imported file did to its season, in the bettor's words: "Replaced E0 2023-24: 2 rows
 * changed, 0 added, 0 removed" when the season was already stored, "Added E0 2023-24: 380
 * matches" when it was new.
 */
export function seasonChangeLines(seasons: readonly SeasonImport[]): string[] {
  return seasons.map((s) => {
    const name = `${s.div} ${formatSeason(s.season)}`;
    if (!s.replaced) return `Added ${name}: ${s.added} ${s.added === 1 ? 'match' : 'matches'}`;
    const rows = (n: number): string => `${n} ${n === 1 ? 'row' : 'rows'}`;
    if (s.added + s.changed + s.removed === 0) return `Re-imported ${name}: no changes (${rows(s.unchanged)} identical)`;
    return `Replaced ${name}: ${rows(s.changed)} changed, ${s.added} added, ${s.removed} removed`;
  });
}

/**
 * Files the importer would only refuse anyway, said in the user's terms before any bytes are
 * sent: not a CSV by its name, or empty. Returns the message, or null when the file should go.
 */
export function precheckFile(file: { readonly name: string; readonly size: number }): string | null {
  if (!/\.csv$/i.test(file.name)) return `not a CSV file: football-data.co.uk files end in .csv (this one is ${/\.[^.]+$/.exec(file.name)?.[0] ?? 'without an extension'})`;
  if (file.size === 0) return 'the file is empty: it has no header and no matches';
  return null;
}

/** "1 of 3 files imported (380 matches); 2 could not be imported" — and whether it is a failure. */
export function importHeadline(summary: { readonly files: number; readonly matches: number; readonly failed: readonly unknown[] }): { text: string; failed: boolean } {
  const total = summary.files + summary.failed.length;
  const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;
  if (summary.files === 0) return { text: total === 0 ? 'No files were chosen.' : `Import failed: none of the ${files(total)} could be imported.`, failed: true };
  if (summary.failed.length === 0) return { text: `${files(summary.files)} imported with ${summary.matches} matches.`, failed: false };
  return { text: `${summary.files} of ${files(total)} imported with ${summary.matches} matches; ${summary.failed.length} could not be imported.`, failed: true };
}
