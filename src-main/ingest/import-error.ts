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

  constructor(details: ImportErrorDetails) {
    super('invalid-input', formatImportError(details));
    this.name = 'ImportError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
  }
}

function formatImportError(d: ImportErrorDetails): string {
  const line = d.line === null ? '' : ` line ${d.line}`;
  const column = d.column === null ? '' : `${d.line === null ? '' : ','} column ${d.column}`;
  const found = d.foundIsValue === false ? d.found : JSON.stringify(d.found);
  return `${d.file}${line}${column}: expected ${d.expected}, found ${found}`;
}
