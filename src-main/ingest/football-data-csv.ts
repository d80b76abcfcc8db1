import { ODDS_SOURCES, matchIdOf, type DecimalOdds1x2, type Match, type OddsSource } from '../domain/football/match';
import { outcomeFromGoals, type Outcome } from '../domain/football/outcome';
import { DEFAULT_MAX_FILE_BYTES, MAX_DECIMAL_ODDS, parseDate, parseDecimalOdds, readFootballDataTable, readIdentityCells } from './football-data-table';
import { divisionRulesOf } from './division-rules';
import { ODDS_COLUMNS } from './football-data-odds-columns';
import { ImportError, type BadRow, type ImportErrorDetails, type RowProblem } from './import-error';

/** What the caller knows about a file before reading it. */
export interface CsvOrigin {
  /** Path or URL, used in every error message and to infer the season from `.../<season>/<div>.csv`. */
  readonly file: string;
  /** football-data season code ('2324'); when absent it is taken from the path. */
  readonly season?: string;
  /** When given, every row's `Div` must equal it. */
  readonly div?: string;
}

/** Limits on what one file may hold; see {@link DEFAULT_MAX_FILE_BYTES}. */
export interface CsvLimits {
  readonly maxFileBytes?: number;
}

export { DEFAULT_MAX_FILE_BYTES, tooLargeDetails } from './football-data-table';

/** Plausible ranges: the most goals or shots in a professional league match are far below these. */
const MAX_GOALS = 30;
const MAX_SHOTS = 100;

/** Columns without which a row is not a played match. */
export const REQUIRED_COLUMNS = ['Div', 'Date', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG', 'FTR'] as const;

/**
 * Parse one football-data.co.uk season file (any season's header layout) into matches.
 *
 * Accepts what real files contain: UTF-8 with or without BOM or Windows Latin-1 bytes;
 * `dd/mm/yy` dates (read as 20yy) or `dd/mm/yyyy`, each of which must fall within the season's
 * two calendar years (so a pre-2000 file with two-digit years is rejected, not misdated); no
 * `Time` column before 2019-20; whole numbers written `2.0`; trailing rows of empty cells; odds
 * groups absent or partly empty (a group is kept only when all three prices are there).
 * Rejects, with an {@link ImportError} naming file, line and column: a file over the size limit,
 * UTF-16, a workbook, binary data or an HTML page saved as .csv, a NUL byte, an empty file, a
 * header without rows, a non-comma delimiter, a missing required column, a row with fewer cells
 * than the header, text where a number belongs, goals above 30, shots above 100, a price of 1.0
 * or below or above 1000, an unknown date format, a control character in a team name, a result
 * that contradicts the score, a row of another division than the file's (named by the caller,
 * by the file name `E0.csv`, or else by its first row), a season code that is not two
 * consecutive years, the same home fixture more often than its division plays it, and more
 * teams than any division has (see division-rules.ts).
 *
 * Each match's id is its home fixture and its order among that fixture's meetings in the season
 * (`E0-2324-burnley-man-city-1`), so a corrected date, score or price keeps the id.
 */
export function parseFootballDataCsv(bytes: Uint8Array, origin: CsvOrigin, limits: CsvLimits = {}): Match[] {
  const file = origin.file;
  const fail = (d: Omit<ImportErrorDetails, 'file'>): never => {
    throw new ImportError({ file, ...d });
  };

  const { rows, index, width } = readFootballDataTable(bytes, { file, requiredColumns: REQUIRED_COLUMNS, maxFileBytes: limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES }, fail);

  // Said before the season is looked for: a header-only file has no date to take it from.
  if (rows.slice(1).every((row) => row.cells.every((c) => c.trim() === ''))) {
    fail({ line: null, column: null, expected: 'at least one match row after the header', found: 'none', foundIsValue: false });
  }
  const pathSeason = origin.season === undefined ? seasonFromPath(file) : undefined;
  const season =
    origin.season ??
    pathSeason ??
    seasonFromFirstDate(rows.slice(1), index.get('Date')!) ??
    fail({ line: null, column: null, expected: 'a season code like 2324, given by the caller or in a path like mmz4281/2324/E0.csv', found: 'none', foundIsValue: false });
  if (!/^\d{4}$/.test(season)) {
    fail({ line: null, column: null, expected: 'a season code like 2324', found: season });
  }
  if ((Number(season.slice(0, 2)) + 1) % 100 !== Number(season.slice(2))) {
    fail({ line: null, column: null, expected: `a season code of two consecutive years like 2324${pathSeason === undefined ? '' : ' (from the folder name)'}`, found: season });
  }
  const nameDiv = divisionFromName(file);
  let fileDiv: { readonly div: string; readonly why: string } | undefined =
    origin.div !== undefined ? { div: origin.div, why: 'as requested' } : nameDiv !== undefined ? { div: nameDiv, why: `as the file name ${nameDiv}.csv says` } : undefined;

  const seasonYears = yearsOfSeason(season);
  const oddsColumns = resolveOddsColumns(index);
  /** Each home fixture's rows, to number its meetings and to refuse more than a season holds. */
  const meetingsOf = new Map<string, { line: number; date: string; index: number }[]>();
  const teams = new Set<string>();
  const matches: Match[] = [];

  /** Every bad row, in line order: the file is refused as a whole, listing them all. */
  const badRows: BadRow[] = [];

  for (const row of rows.slice(1)) {
    const { line, cells } = row;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length < width) {
      badRows.push({ line, problems: [{ column: null, expected: `${width} cells as in the header`, found: `${cells.length}`, foundIsValue: false }] });
      continue;
    }
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      badRows.push({ line, problems: [{ column: null, expected: `${width} cells as in the header`, found: `${cells.length} with values past the last column`, foundIsValue: false }] });
      continue;
    }

    const cell = (column: string): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const required = (column: (typeof REQUIRED_COLUMNS)[number]): string => cell(column) ?? '';
    // Each cell is checked on its own, so a row lists every cell at fault, not just the first.
    const problems: RowProblem[] = [];
    const bad = (column: string, expected: string, found: string): undefined => {
      problems.push({ column, expected, found });
      return undefined;
    };

    const div = required('Div');
    if (div === '') bad('Div', 'a division code like E0', div);
    else if (fileDiv === undefined) fileDiv = { div, why: `as on line ${line} (a file holds one division)` };
    else if (div !== fileDiv.div) bad('Div', `"${fileDiv.div}" ${fileDiv.why}`, div);

    const { date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId } = readIdentityCells(cell, bad, {
      expected: `a date in season ${season} (${seasonYears.join(' or ')})`,
      holds: (d) => seasonYears.includes(d.slice(0, 4)),
    });

    const goals = (column: 'FTHG' | 'FTAG'): number | undefined => parseWholeNumber(required(column), MAX_GOALS) ?? bad(column, `a whole number of goals from 0 to ${MAX_GOALS}`, required(column));
    const homeGoals = goals('FTHG');
    const awayGoals = goals('FTAG');
    const result = parseOutcome(required('FTR')) ?? bad('FTR', 'H, D or A', required('FTR'));
    if (homeGoals !== undefined && awayGoals !== undefined && result !== undefined) {
      const scored = outcomeFromGoals(homeGoals, awayGoals);
      if (result !== scored) bad('FTR', `${scored} to agree with the score ${homeGoals}-${awayGoals}`, required('FTR'));
    }

    const optionalCount = (column: string, what: 'goals' | 'shots'): number | null => {
      const value = cell(column);
      if (value === undefined || value === '') return null;
      const max = what === 'goals' ? MAX_GOALS : MAX_SHOTS;
      return parseWholeNumber(value, max) ?? bad(column, `a whole number of ${what} from 0 to ${max} or an empty cell`, value) ?? null;
    };
    const counts = {
      halfTimeHomeGoals: optionalCount('HTHG', 'goals'),
      halfTimeAwayGoals: optionalCount('HTAG', 'goals'),
      homeShots: optionalCount('HS', 'shots'),
      awayShots: optionalCount('AS', 'shots'),
      homeShotsOnTarget: optionalCount('HST', 'shots'),
      awayShotsOnTarget: optionalCount('AST', 'shots'),
    };

    const odds: Partial<Record<OddsSource, DecimalOdds1x2>> = {};
    for (const source of ODDS_SOURCES) {
      const columns = oddsColumns[source];
      if (columns === undefined) continue;
      const prices = columns.map((column) => {
        const value = cell(column) ?? '';
        if (value === '') return null;
        return parseDecimalOdds(value) ?? bad(column, `decimal odds above 1 and at most ${MAX_DECIMAL_ODDS} or an empty cell`, value) ?? null;
      });
      const [home, draw, away] = prices;
      if (home != null && draw != null && away != null) odds[source] = [home, draw, away];
    }

    if (problems.length > 0 || date === undefined || kickoff === undefined || homeGoals === undefined || awayGoals === undefined || result === undefined) {
      badRows.push({ line, problems });
      continue;
    }

    const fixture = `${homeTeamId}|${awayTeamId}`;
    const meetings = meetingsOf.get(fixture) ?? [];
    meetings.push({ line, date, index: matches.length });
    meetingsOf.set(fixture, meetings);
    teams.add(homeTeamId).add(awayTeamId);

    matches.push({ id: '', div, season, date, homeTeamId, awayTeamId, kickoff, homeTeam, awayTeam, homeGoals, awayGoals, result, ...counts, odds });
  }

  const div = matches[0]?.div ?? fileDiv?.div;
  const rules = div === undefined ? undefined : divisionRulesOf(div);
  // Identity is the home fixture and its order among the pair's meetings at that ground, not the
  // date: a corrected date or score must update the match, never add a second one.
  for (const meetings of rules === undefined ? [] : meetingsOf.values()) {
    meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
    const first = meetings[0]!;
    for (const extra of meetings.slice(rules!.meetingsPerGround)) {
      const m = matches[extra.index]!;
      const times = rules!.meetingsPerGround === 1 ? 'once' : `at most ${rules!.meetingsPerGround} times`;
      const [earlier, later] = extra.line > first.line ? [first, extra] : [extra, first];
      badRows.push({
        line: later.line,
        problems: [{ column: null, expected: `each home fixture ${times} in a ${div} season`, found: `${m.homeTeam} v ${m.awayTeam} on ${later.date} again (first on line ${earlier.line}, ${earlier.date})`, foundIsValue: false }],
      });
    }
    meetings.forEach((meeting, i) => {
      const m = matches[meeting.index]!;
      matches[meeting.index] = { ...m, id: matchIdOf(m, i + 1) };
    });
  }
  if (badRows.length > 0) throw ImportError.forBadRows(file, mergeBadRows(badRows));

  if (matches.length === 0 || div === undefined || rules === undefined) {
    fail({ line: null, column: null, expected: 'at least one match row after the header', found: 'none', foundIsValue: false });
  }
  if (teams.size > rules!.maxTeams) {
    const most = rules!.maxTeams * (rules!.maxTeams - 1) * rules!.meetingsPerGround;
    fail({
      line: null,
      column: null,
      expected: `at most ${rules!.maxTeams} teams (${most} matches) in a ${div} season`,
      found: `${teams.size} teams (${matches.length} matches)`,
      foundIsValue: false,
    });
  }
  return matches;
}

/** Bad rows in line order, the problems of one line (a cell and a repeated fixture) as one row. */
function mergeBadRows(rows: readonly BadRow[]): BadRow[] {
  const byLine = new Map<number, RowProblem[]>();
  for (const row of rows) byLine.set(row.line, [...(byLine.get(row.line) ?? []), ...row.problems]);
  return [...byLine].sort(([a], [b]) => a - b).map(([line, problems]) => ({ line, problems }));
}


/** The division a football-data file name states: `E0.csv`, `SP1.csv`, a browser's `E0 (2).csv`. */
function divisionFromName(file: string): string | undefined {
  return /(?:^|[\\/])([A-Z]{1,3}\d|EC)(?: \(\d+\))?\.csv$/.exec(file)?.[1];
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

/** Whole numbers from 0 to `max`, also when written `2.0` as some seasons do. */
export function parseWholeNumber(text: string, max: number): number | undefined {
  if (!/^\d+(\.0+)?$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

function parseOutcome(text: string): Outcome | undefined {
  return text === 'H' || text === 'D' || text === 'A' ? text : undefined;
}
