/** How many bad rows of one file are listed before "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * One file's failure as a list: the first line says what is wrong with the file, each further
 * line (one per bad row, as the importer reports them) is listed up to the first 20, then counted.
 */
export function problemList(error: string): { headline: string; rows: string[]; more: number } {
  const [headline = '', ...rest] = error.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return { headline, rows: rest.slice(0, MAX_LISTED_PROBLEMS), more: Math.max(0, rest.length - MAX_LISTED_PROBLEMS) };
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
