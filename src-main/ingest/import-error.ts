import { CodedError } from '../ipc/result';

/** Where and why a football-data file was rejected. */
export interface ImportErrorDetails {
  /** The file path or URL as the user knows it. */
  readonly file: string;
  /** 1-based line as a text editor shows it, or null when the fault is the file as a whole. */
  readonly line: number | null;
  /** Header name of the column at fault, or null when the fault is not in one cell. */
  readonly column: string | null;
  readonly expected: string;
  /** The offending cell text, or a description of what was there instead (see `foundIsValue`). */
  readonly found: string;
  /**
   * True (the default) when `found` is the literal cell text, which the message quotes so blanks
   * and stray spaces are visible; false when it is a description ("an empty file").
   */
  readonly foundIsValue?: boolean;
}

/** One thing wrong in a data row: a cell (`column`), or the row as a whole (`column` null). */
export type RowProblem = Omit<ImportErrorDetails, 'file' | 'line'>;

/** A data row the importer refuses, with everything found wrong in it. */
export interface BadRow {
  readonly line: number;
  readonly problems: readonly RowProblem[];
}

/**
 * A bad row as it crosses to the UI and the CLI: its line, the columns at fault and the sentence
 * a person reads (`line 17, column FTHG: expected a whole number of goals from 0 to 30, found "two"`).
 */
export interface BadRowReport {
  readonly line: number;
  readonly columns: readonly string[];
  readonly message: string;
}

/**
 * Every bad row is counted, but only this many are kept with their details: a 16 MB file of
 * garbage holds 100,000 bad rows that no one reads past the first screenful.
 */
export const MAX_KEPT_BAD_ROWS = 1000;

/**
 * A football-data file that cannot be imported. The message names the file, line and column so a
 * person can open the file and fix it: `E0.csv line 17, column FTHG: expected a whole number of
 * goals, found "two"`.
 */
export class ImportError extends CodedError {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly expected: string;
  readonly found: string;
  /** Every bad row kept (at most MAX_KEPT_BAD_ROWS), in line order; empty for a fault of the file as a whole. */
  readonly badRows: readonly BadRowReport[];
  /** How many rows are bad, counting those not kept. */
  readonly badRowCount: number;

  constructor(details: ImportErrorDetails, rows?: { readonly badRows: readonly BadRowReport[]; readonly badRowCount: number; readonly message: string }) {
    super('invalid-input', rows?.message ?? formatImportError(details));
    this.name = 'ImportError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
    this.badRows = rows?.badRows ?? [];
    this.badRowCount = rows?.badRowCount ?? 0;
  }

  /**
   * The whole file refused for its bad rows (nothing of it is imported). One bad row with one
   * problem reads as before: `E0.csv line 17, column FTHG: ...`; more say how many and that
   * nothing was imported, and the rows themselves travel in `badRows`.
   */
  static forBadRows(file: string, rows: readonly BadRow[], badRowCount: number = rows.length): ImportError {
    const first = rows[0];
    if (first === undefined) throw new Error('ImportError.forBadRows: no bad rows');
    const firstProblem = first.problems[0]!;
    const badRows = rows.slice(0, MAX_KEPT_BAD_ROWS).map(reportOf);
    const message =
      badRowCount === 1
        ? `${file} ${badRows[0]!.message}`
        : `${file}: ${badRowCount} rows cannot be imported, so nothing from this file was imported; correct them and import it again (first: ${badRows[0]!.message})`;
    return new ImportError({ file, line: first.line, ...firstProblem }, { badRows, badRowCount, message });
  }
}

function reportOf(row: BadRow): BadRowReport {
  const problems = row.problems.map((p) => `${p.column === null ? '' : `column ${p.column}: `}expected ${p.expected}, found ${p.foundIsValue === false ? p.found : JSON.stringify(p.found)}`);
  const columns = row.problems.flatMap((p) => (p.column === null ? [] : [p.column]));
  // "line 3: expected 20 cells" for the row as a whole, "line 3, column FTHG: ..." for a cell.
  return { line: row.line, columns, message: `line ${row.line}${row.problems[0]!.column === null ? ': ' : ', '}${problems.join('; ')}` };
}

function formatImportError(d: ImportErrorDetails): string {
  const line = d.line === null ? '' : ` line ${d.line}`;
  const column = d.column === null ? '' : `${d.line === null ? '' : ','} column ${d.column}`;
  const found = d.foundIsValue === false ? d.found : JSON.stringify(d.found);
  return `${d.file}${line}${column}: expected ${d.expected}, found ${found}`;
}
