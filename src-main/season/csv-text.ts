import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV text (csv-stringify) with spreadsheet-injection protection. A text cell that
 * starts with = + - @ (or a tab / carriage return) could run as a formula when opened in Excel
 * or LibreOffice, so it gets a leading apostrophe. A cell that is exactly a decimal number
 * ("-12.50") is left as it is: it cannot be a formula, and mangling it would break sums. That
 * exception is why csv-stringify's own `escape_formulas` is not used: it prefixes "-12.50" too.
 */
export type CsvCell = string | number | null;

const NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to CSV`);
  return String(value);
}

// quote_record_delimiter: a lone \n or \r inside a cell must be quoted too, not only the CRLF that ends a line.
const OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true, cast: { string: guardFormula, number: numberText } } as const;

/** One cell as it appears in the CSV text. */
export function csvCell(value: CsvCell): string {
  return stringify([[value]], { ...OPTIONS, eof: false });
}

/** Lines end in CRLF as RFC 4180 says; `excelBom` prefixes a UTF-8 BOM so Excel reads accents right. */
export function toCsvText(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { excelBom: boolean }): string {
  return stringify([header, ...rows] as CsvCell[][], { ...OPTIONS, bom: options.excelBom });
}
