import { parse } from 'csv-parse/sync';
import { teamIdOf } from '../domain/football/match';
import { decodeCsvText, notCsvReason } from './decode-csv-text';
import { ImportError, type ImportErrorDetails } from './import-error';

/**
 * A football-data.co.uk CSV file read as a table: the rules every file of the site follows,
 * season results files and the fixtures file alike (bytes, encoding, CSV syntax, header and
 * columns), so both parsers refuse the same faults with the same messages. What a row means is
 * each parser's own business.
 */

/** Refuses the file: throws an ImportError naming the file and the details. */
export type FailFile = (details: Omit<ImportErrorDetails, 'file'>) => never;

/**
 * A football-data season file is 50-500 KB; 16 MB leaves room for any league with every odds
 * column while refusing a mistaken pick (a database dump, a video) before it is read into memory.
 */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface TableRow {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface FootballDataTable {
  /** Every row of the file, the header first. */
  readonly rows: readonly TableRow[];
  /** Each column name of the header (trimmed) and its cell index; the first of a repeated name wins. */
  readonly index: ReadonlyMap<string, number>;
  /** Cells up to the last named column; cells past it (a trailing comma in the header) are not data. */
  readonly width: number;
}

/**
 * Reads the bytes of a file into its rows and header, refusing with an {@link ImportError} naming
 * file, line and column: a file over `maxFileBytes`, UTF-16, a workbook, binary data or an HTML
 * page saved as .csv, a NUL byte, an empty file, broken quoting, a non-comma delimiter, and a
 * header without one of `requiredColumns`. Accepts UTF-8 with or without BOM and Windows Latin-1.
 */
export function readFootballDataTable(
  bytes: Uint8Array,
  options: { readonly file: string; readonly requiredColumns: readonly string[]; readonly maxFileBytes: number },
  fail: FailFile,
): FootballDataTable {
  if (bytes.byteLength > options.maxFileBytes) fail(tooLargeDetails({ bytes: bytes.byteLength }, options.maxFileBytes));
  const notCsv = notCsvReason(bytes);
  if (notCsv !== undefined) {
    const utf16 = notCsv.startsWith('UTF-16');
    fail({ line: null, column: null, expected: utf16 ? 'a CSV file in UTF-8 or Windows Latin-1' : 'a CSV file', found: notCsv, foundIsValue: false });
  }

  const text = decodeCsvText(bytes);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    fail({ line: lineAt(text, nul), column: null, expected: 'text', found: 'a NUL byte (the file is damaged or not a CSV file)', foundIsValue: false });
  }
  if (text.trim() === '') {
    fail({ line: null, column: null, expected: `a header row naming ${options.requiredColumns.join(', ')}`, found: 'an empty file', foundIsValue: false });
  }

  const rows = readRows(text, options.file);
  const headerRow = rows[0] ?? fail({ line: null, column: null, expected: 'a header row', found: 'an empty file', foundIsValue: false });
  const header = headerRow.cells.map((name) => name.trim());
  checkDelimiter(header, headerRow.line, fail);

  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name !== '' && !index.has(name)) index.set(name, i);
  });
  for (const column of options.requiredColumns) {
    if (!index.has(column)) {
      fail({ line: headerRow.line, column, expected: `a ${column} column in the header`, found: 'no such column', foundIsValue: false });
    }
  }
  const width = header.reduce((last, name, i) => (name === '' ? last : i + 1), 0);
  return { rows, index, width };
}

/** The size refusal, shared by the in-memory parse and the file reader. */
export function tooLargeDetails(size: { readonly bytes: number } | 'unread rest', maxFileBytes: number): Omit<ImportErrorDetails, 'file'> {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    line: null,
    column: null,
    expected: `a season file of at most ${mb(maxFileBytes)} (football-data files are under 1 MB; raise the size limit if this one is genuine)`,
    // A stream stops reading at the limit, so it knows only that the file is larger.
    found: size === 'unread rest' ? `more than ${mb(maxFileBytes)}` : mb(size.bytes),
    foundIsValue: false,
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

export function readRows(text: string, file: string): TableRow[] {
  try {
    const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as { info: { lines: number }; record: string[] }[];
    return records.map(({ info, record }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const { lines, code, message } = error as Error & { lines?: unknown; code?: unknown };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse reports the end of the file; the mistake is where the quote opened.
      throw new ImportError({ file, line: unclosedQuoteLine(text), column: null, expected: 'well-formed CSV', found: 'a quote (") that opens here and is never closed', foundIsValue: false });
    }
    throw new ImportError({ file, line: typeof lines === 'number' ? lines : null, column: null, expected: 'well-formed CSV', found: message, foundIsValue: false });
  }
}

/** The line of the quote that opens a field and is never closed (as csv-parse reads quotes). */
function unclosedQuoteLine(text: string): number | null {
  let line = 1;
  let openedOn: number | null = null;
  let fieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (openedOn !== null) {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else openedOn = null;
      } else if (c === '\n') line += 1;
      continue;
    }
    if (c === '"' && fieldStart) openedOn = line;
    if (c === '\n') line += 1;
    fieldStart = c === ',' || c === '\n' || c === '\r';
  }
  return openedOn;
}

export function checkDelimiter(header: readonly string[], line: number, fail: FailFile): void {
  if (header.length > 1) return;
  const only = header[0] ?? '';
  for (const delimiter of [';', '\t', '|']) {
    if (only.includes(delimiter)) {
      fail({ line, column: null, expected: 'comma-separated columns', found: `${JSON.stringify(delimiter)} as the separator`, foundIsValue: false });
    }
  }
}

/** dd/mm/yy (read as 20yy) or dd/mm/yyyy to ISO yyyy-mm-dd; undefined when not a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m === null) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseKickoff(text: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A row's date, kick-off and teams as read by readIdentityCells; `Bad` (what `bad` returns) where the cell was bad. */
export interface IdentityCells<Bad extends undefined> {
  readonly date: string | Bad;
  readonly kickoff: string | null | Bad;
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly homeTeamId: string;
  readonly awayTeamId: string;
}

/**
 * The cells every football-data row names its match by (results and fixtures files alike),
 * each checked with the same reason in the same order. `bad` reports a cell and returns
 * undefined, or throws (its type `never` then leaves no undefined in the result);
 * `dateRule` is a further test of a valid date, e.g. that it falls in the file's season.
 */
export function readIdentityCells<Bad extends undefined>(
  cell: (column: string) => string | undefined,
  bad: (column: string, expected: string, found: string) => Bad,
  dateRule?: { readonly expected: string; readonly holds: (date: string) => boolean },
): IdentityCells<Bad> {
  const dateText = cell('Date') ?? '';
  let date: string | Bad = parseDate(dateText) ?? bad('Date', 'a date as dd/mm/yy or dd/mm/yyyy', dateText);
  if (date !== undefined && dateRule !== undefined && !dateRule.holds(date)) date = bad('Date', dateRule.expected, dateText);
  const timeText = cell('Time');
  const kickoff = timeText === undefined || timeText === '' ? null : (parseKickoff(timeText) ?? bad('Time', 'a kick-off time as HH:MM', timeText));
  const homeTeam = cell('HomeTeam') ?? '';
  const awayTeam = cell('AwayTeam') ?? '';
  const homeTeamId = teamIdOf(homeTeam);
  const awayTeamId = teamIdOf(awayTeam);
  if (homeTeamId === '') bad('HomeTeam', 'a team name', homeTeam);
  else if (CONTROL_CHARACTER.test(homeTeam)) bad('HomeTeam', 'a team name without control characters', homeTeam);
  if (awayTeamId === '') bad('AwayTeam', 'a team name', awayTeam);
  else if (CONTROL_CHARACTER.test(awayTeam)) bad('AwayTeam', 'a team name without control characters', awayTeam);
  else if (homeTeamId === awayTeamId) bad('AwayTeam', 'a team other than the home team', awayTeam);
  return { date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId };
}

/** The same bound run settings put on odds (see run-settings.ts). */
export const MAX_DECIMAL_ODDS = 1000;

/** What a price cell must hold, as every football-data parser says it. */
export const DECIMAL_ODDS_EXPECTED = `decimal odds above 1 and at most ${MAX_DECIMAL_ODDS} or an empty cell`;

export function parseDecimalOdds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const odds = Number(text);
  return odds > 1 && odds <= MAX_DECIMAL_ODDS ? odds : undefined;
}
