import { parse } from 'csv-parse/sync';
import { ODDS_SOURCES, matchIdOf, teamIdOf, type DecimalOdds1x2, type Match, type OddsSource } from '../domain/football/match';
import { outcomeFromGoals, type Outcome } from '../domain/football/outcome';
import { decodeCsvText } from './decode-csv-text';
import { ODDS_COLUMNS } from './football-data-odds-columns';
import { ImportError, type ImportErrorDetails } from './import-error';

/** What the caller knows about a file before reading it. */
export interface CsvOrigin {
  /** Path or URL, used in every error message and to infer the season from `.../<season>/<div>.csv`. */
  readonly file: string;
  /** football-data season code ('2324'); when absent it is taken from the path. */
  readonly season?: string;
  /** When given, every row's `Div` must equal it. */
  readonly div?: string;
}

/** Columns without which a row is not a played match. */
export const REQUIRED_COLUMNS = ['Div', 'Date', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG', 'FTR'] as const;

type Cells = readonly string[];

interface Row {
  readonly line: number;
  readonly cells: Cells;
}

/**
 * Parse one football-data.co.uk season file (any season's header layout) into matches.
 *
 * Accepts what real files contain: UTF-8 with or without BOM or Windows Latin-1 bytes;
 * `dd/mm/yy` dates (read as 20yy) or `dd/mm/yyyy`, each of which must fall within the season's
 * two calendar years (so a pre-2000 file with two-digit years is rejected, not misdated); no
 * `Time` column before 2019-20; whole numbers written `2.0`; trailing rows of empty cells; odds
 * groups absent or partly empty (a group is kept only when all three prices are there).
 * Rejects, with an {@link ImportError} naming file, line and column: an empty file, a header
 * without rows, a non-comma delimiter, a missing required column, a row with fewer cells than
 * the header, text where a number belongs, a price of 1.0 or below, an
 * unknown date format, a result that contradicts the score, and the same match twice.
 */
export function parseFootballDataCsv(bytes: Uint8Array, origin: CsvOrigin): Match[] {
  const file = origin.file;
  const fail = (d: Omit<ImportErrorDetails, 'file'>): never => {
    throw new ImportError({ file, ...d });
  };

  const text = decodeCsvText(bytes);
  if (text.trim() === '') {
    fail({ line: null, column: null, expected: `a header row naming ${REQUIRED_COLUMNS.join(', ')}`, found: 'an empty file', foundIsValue: false });
  }

  const rows = readRows(text, file);
  const headerRow = rows[0];
  if (headerRow === undefined) {
    return fail({ line: null, column: null, expected: 'a header row', found: 'an empty file', foundIsValue: false });
  }
  const header = headerRow.cells.map((name) => name.trim());
  checkDelimiter(header, headerRow.line, fail);

  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name !== '' && !index.has(name)) index.set(name, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) {
      fail({ line: headerRow.line, column, expected: `a ${column} column in the header`, found: 'no such column', foundIsValue: false });
    }
  }
  // Cells past the last named column (a trailing comma in the header) are not data.
  const width = header.reduce((last, name, i) => (name === '' ? last : i + 1), 0);

  const season =
    origin.season ??
    seasonFromPath(file) ??
    seasonFromFirstDate(rows.slice(1), index.get('Date')!) ??
    fail({ line: null, column: null, expected: 'a season code like 2324, given by the caller or in a path like mmz4281/2324/E0.csv', found: 'none', foundIsValue: false });
  if (!/^\d{4}$/.test(season)) {
    fail({ line: null, column: null, expected: 'a season code like 2324', found: season });
  }

  const seasonYears = yearsOfSeason(season);
  const oddsColumns = resolveOddsColumns(index);
  const firstLineOf = new Map<string, number>();
  const matches: Match[] = [];

  for (const row of rows.slice(1)) {
    const { line, cells } = row;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length < width) {
      fail({ line, column: null, expected: `${width} cells as in the header`, found: `${cells.length}`, foundIsValue: false });
    }
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      fail({ line, column: null, expected: `${width} cells as in the header`, found: `${cells.length} with values past the last column`, foundIsValue: false });
    }

    const cell = (column: string): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const required = (column: (typeof REQUIRED_COLUMNS)[number]): string => cell(column) ?? '';
    const bad = (column: string, expected: string, found: string): never => fail({ line, column, expected, found });

    const div = required('Div');
    if (div === '') bad('Div', 'a division code like E0', div);
    if (origin.div !== undefined && div !== origin.div) bad('Div', `"${origin.div}" as requested`, div);

    const date = parseDate(required('Date')) ?? bad('Date', 'a date as dd/mm/yy or dd/mm/yyyy', required('Date'));
    if (!seasonYears.includes(date.slice(0, 4))) bad('Date', `a date in season ${season} (${seasonYears.join(' or ')})`, required('Date'));
    const timeText = cell('Time');
    const kickoff = timeText === undefined || timeText === '' ? null : (parseKickoff(timeText) ?? bad('Time', 'a kick-off time as HH:MM', timeText));

    const homeTeam = required('HomeTeam');
    const awayTeam = required('AwayTeam');
    const homeTeamId = teamIdOf(homeTeam);
    const awayTeamId = teamIdOf(awayTeam);
    if (homeTeamId === '') bad('HomeTeam', 'a team name', homeTeam);
    if (awayTeamId === '') bad('AwayTeam', 'a team name', awayTeam);
    if (homeTeamId === awayTeamId) bad('AwayTeam', 'a team other than the home team', awayTeam);

    const goals = (column: 'FTHG' | 'FTAG'): number => parseWholeNumber(required(column)) ?? bad(column, 'a whole number of goals', required(column));
    const homeGoals = goals('FTHG');
    const awayGoals = goals('FTAG');
    const result = parseOutcome(required('FTR')) ?? bad('FTR', 'H, D or A', required('FTR'));
    const scored = outcomeFromGoals(homeGoals, awayGoals);
    if (result !== scored) bad('FTR', `${scored} to agree with the score ${homeGoals}-${awayGoals}`, required('FTR'));

    const optionalCount = (column: string, what: string): number | null => {
      const value = cell(column);
      if (value === undefined || value === '') return null;
      return parseWholeNumber(value) ?? bad(column, `a whole number of ${what} or an empty cell`, value);
    };

    const odds: Partial<Record<OddsSource, DecimalOdds1x2>> = {};
    for (const source of ODDS_SOURCES) {
      const columns = oddsColumns[source];
      if (columns === undefined) continue;
      const prices = columns.map((column) => {
        const value = cell(column) ?? '';
        if (value === '') return null;
        return parseDecimalOdds(value) ?? bad(column, 'decimal odds greater than 1 or an empty cell', value);
      });
      const [home, draw, away] = prices;
      if (home != null && draw != null && away != null) odds[source] = [home, draw, away];
    }

    const key = `${date}|${homeTeamId}|${awayTeamId}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      fail({ line, column: null, expected: 'each match once', found: `${homeTeam} v ${awayTeam} on ${date} again (first on line ${firstLine})`, foundIsValue: false });
    }
    firstLineOf.set(key, line);

    const ids = { div, season, date, homeTeamId, awayTeamId };
    matches.push({
      id: matchIdOf(ids),
      ...ids,
      kickoff,
      homeTeam,
      awayTeam,
      homeGoals,
      awayGoals,
      result,
      halfTimeHomeGoals: optionalCount('HTHG', 'goals'),
      halfTimeAwayGoals: optionalCount('HTAG', 'goals'),
      homeShots: optionalCount('HS', 'shots'),
      awayShots: optionalCount('AS', 'shots'),
      homeShotsOnTarget: optionalCount('HST', 'shots'),
      awayShotsOnTarget: optionalCount('AST', 'shots'),
      odds,
    });
  }

  if (matches.length === 0) {
    fail({ line: null, column: null, expected: 'at least one match row after the header', found: 'none', foundIsValue: false });
  }
  return matches;
}

export function readRows(text: string, file: string): Row[] {
  try {
    const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as { info: { lines: number }; record: string[] }[];
    return records.map(({ info, record }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const { lines, code, message } = error as Error & { lines?: unknown; code?: unknown };
    const found = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote (") that is never closed' : message;
    throw new ImportError({ file, line: typeof lines === 'number' ? lines : null, column: null, expected: 'well-formed CSV', found, foundIsValue: false });
  }
}

export function checkDelimiter(header: Cells, line: number, fail: (d: Omit<ImportErrorDetails, 'file'>) => never): void {
  if (header.length > 1) return;
  const only = header[0] ?? '';
  for (const delimiter of [';', '\t', '|']) {
    if (only.includes(delimiter)) {
      fail({ line, column: null, expected: 'comma-separated columns', found: `${JSON.stringify(delimiter)} as the separator`, foundIsValue: false });
    }
  }
}

/**
 * A file saved without its season in the path (a browser download named "E0 (2).csv") takes
 * the season of its first match: football-data's leagues run August to May, so a first match
 * in July or later opens the season of that year. Every other date is still checked against it.
 */
export function seasonFromFirstDate(dataRows: readonly { cells: readonly string[] }[], dateColumn: number): string | undefined {
  const first = dataRows.find((row) => (row.cells[dateColumn] ?? '').trim() !== '');
  const date = first === undefined ? undefined : parseDate((first.cells[dateColumn] ?? '').trim());
  if (date === undefined) return undefined;
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}

function seasonFromPath(file: string): string | undefined {
  return /(?:^|[\\/])(\d{4})[\\/][^\\/]+\.csv$/i.exec(file)?.[1];
}

/** The two calendar years a season code spans: '2324' -> ['2023', '2024'], '9900' -> ['1999', '2000']. */
export function yearsOfSeason(season: string): string[] {
  const from = Number(season.slice(0, 2));
  const start = from >= 50 ? 1900 + from : 2000 + from;
  return [String(start), String(start + 1)];
}

export function resolveOddsColumns(index: ReadonlyMap<string, number>): Partial<Record<OddsSource, readonly string[]>> {
  const resolved: Partial<Record<OddsSource, readonly string[]>> = {};
  for (const source of ODDS_SOURCES) {
    const found = ODDS_COLUMNS[source].find((columns) => columns.every((c) => index.has(c)));
    if (found !== undefined) resolved[source] = found;
  }
  return resolved;
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

/** Whole numbers, also when written `2.0` as some seasons do. */
export function parseWholeNumber(text: string): number | undefined {
  return /^\d+(\.0+)?$/.test(text) ? Number(text) : undefined;
}

export function parseDecimalOdds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const odds = Number(text);
  return odds > 1 ? odds : undefined;
}

function parseOutcome(text: string): Outcome | undefined {
  return text === 'H' || text === 'D' || text === 'A' ? text : undefined;
}
