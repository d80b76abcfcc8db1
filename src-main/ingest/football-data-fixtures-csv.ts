import { matchIdOf, type DecimalOdds1x2 } from '../domain/football/match';
import { PRE_MATCH_SOURCES, seasonOfDate, type PreMatchSource, type UpcomingFixture } from '../domain/football/upcoming-fixture';
import { resolveOddsColumns } from './football-data-csv';
import { DECIMAL_ODDS_EXPECTED, DEFAULT_MAX_FILE_BYTES, parseDecimalOdds, readFootballDataTable, readIdentityCells } from './football-data-table';
import { ImportError, type ImportErrorDetails } from './import-error';

/** Columns without which a row is not a fixture. */
export const FIXTURE_REQUIRED_COLUMNS = ['Div', 'Date', 'HomeTeam', 'AwayTeam'] as const;

/** Result columns a fixtures file may carry in its header (football-data keeps the results layout) but must leave empty. */
const RESULT_COLUMNS = ['FTHG', 'FTAG', 'FTR', 'HTHG', 'HTAG', 'HTR'] as const;

/**
 * Parse football-data's `fixtures.csv`: every league's coming matches in one file, in the
 * results files' layout without results. The same reading rules and the same messages as
 * {@link parseFootballDataCsv} (the file as a table, read by {@link readFootballDataTable}: size,
 * encoding, CSV syntax, delimiter, header; then dates, kick-off times, team names, prices, cell
 * counts, duplicates), with these differences: the season of each row is the season its date falls in
 * (the file spans leagues, not one season), only the pre-match price groups are read, and a
 * result cell that is filled is refused, since a played match belongs in its season's results
 * file. One bad row rejects the whole file, so a half-read fixtures list never replaces a good one.
 */
export function parseFixturesCsv(bytes: Uint8Array, origin: { readonly file: string }): UpcomingFixture[] {
  const file = origin.file;
  const fail = (d: Omit<ImportErrorDetails, 'file'>): never => {
    throw new ImportError({ file, ...d });
  };

  const { rows, index, width } = readFootballDataTable(bytes, { file, requiredColumns: FIXTURE_REQUIRED_COLUMNS, maxFileBytes: DEFAULT_MAX_FILE_BYTES }, fail);
  const oddsColumns = resolveOddsColumns(index);
  const firstLineOf = new Map<string, number>();
  const fixtures: UpcomingFixture[] = [];

  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length < width) fail({ line, column: null, expected: `${width} cells as in the header`, found: `${cells.length}`, foundIsValue: false });
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      fail({ line, column: null, expected: `${width} cells as in the header`, found: `${cells.length} with values past the last column`, foundIsValue: false });
    }
    const cell = (column: string): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const required = (column: (typeof FIXTURE_REQUIRED_COLUMNS)[number]): string => cell(column) ?? '';
    const bad = (column: string, expected: string, found: string): never => fail({ line, column, expected, found });

    const div = required('Div');
    if (div === '') bad('Div', 'a division code like E0', div);
    const { date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId } = readIdentityCells(cell, bad);
    for (const column of RESULT_COLUMNS) {
      const value = cell(column);
      if (value !== undefined && value !== '') bad(column, 'an empty cell (a fixture has no result yet; a played match is imported from its season results file)', value);
    }

    const odds: Partial<Record<PreMatchSource, DecimalOdds1x2>> = {};
    for (const source of PRE_MATCH_SOURCES) {
      const columns = oddsColumns[source];
      if (columns === undefined) continue;
      const [home, draw, away] = columns.map((column) => {
        const value = cell(column) ?? '';
        if (value === '') return null;
        return parseDecimalOdds(value) ?? bad(column, DECIMAL_ODDS_EXPECTED, value);
      });
      if (home != null && draw != null && away != null) odds[source] = [home, draw, away];
    }

    const key = `${div}|${date}|${homeTeamId}|${awayTeamId}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      fail({ line, column: null, expected: 'each match once', found: `${homeTeam} v ${awayTeam} on ${date} again (first on line ${firstLine})`, foundIsValue: false });
    }
    firstLineOf.set(key, line);
    const ids = { div, season: seasonOfDate(date), date, homeTeamId, awayTeamId };
    fixtures.push({ id: matchIdOf(ids), ...ids, kickoff, homeTeam, awayTeam, odds });
  }
  // An empty fixtures list is real (the summer break), unlike an empty results file.
  return fixtures;
}
