import type { Match, OddsSource } from '../domain/football/match';
import type { Fixture } from '../model/fixture';
import { csvCell, toCsvText, type CsvCell } from '../season/csv-text';

/**
 * The files a model is handed, in football-data.co.uk's own column names so a model written
 * against those files reads them unchanged. Dates are ISO (yyyy-mm-dd); `Id` is Edgeline's match
 * id, which a prediction names. Closing prices are never written: they are known only after
 * kick-off. Pre-match prices are written only when the run opts in (market-informed).
 */
const PRE_MATCH_ODDS: readonly (readonly [OddsSource, string])[] = [
  ['b365', 'B365'],
  ['pinnacle', 'PS'],
  ['avg', 'Avg'],
  ['max', 'Max'],
];

const ODDS_COLUMNS = PRE_MATCH_ODDS.flatMap(([, prefix]) => ['H', 'D', 'A'].map((side) => `${prefix}${side}`));

export const FIXTURE_COLUMNS = ['Id', 'Div', 'Season', 'Date', 'Time', 'HomeTeam', 'AwayTeam'] as const;

/** Result and in-match columns: in the history file only, never in a fixtures file. */
export const RESULT_COLUMNS = ['FTHG', 'FTAG', 'FTR', 'HTHG', 'HTAG', 'HS', 'AS', 'HST', 'AST'] as const;

export const HISTORY_COLUMNS = [...FIXTURE_COLUMNS, ...RESULT_COLUMNS] as const;

export interface InputOptions {
  readonly withOdds: boolean;
}

function oddsCells(m: Pick<Match, 'odds'>): CsvCell[] {
  return PRE_MATCH_ODDS.flatMap(([source]) => {
    const odds = m.odds[source];
    return odds ? [...odds] : [null, null, null];
  });
}

function fixtureCells(f: Fixture): CsvCell[] {
  return [f.id, f.div, f.season, f.date, f.kickoff, f.homeTeam, f.awayTeam];
}

function historyCells(m: Match, options: InputOptions): CsvCell[] {
  return [
    ...fixtureCells(m),
    m.homeGoals, m.awayGoals, m.result, m.halfTimeHomeGoals, m.halfTimeAwayGoals, m.homeShots, m.awayShots, m.homeShotsOnTarget, m.awayShotsOnTarget,
    ...(options.withOdds ? oddsCells(m) : []),
  ];
}

function historyHeader(options: InputOptions): string[] {
  return options.withOdds ? [...HISTORY_COLUMNS, ...ODDS_COLUMNS] : [...HISTORY_COLUMNS];
}

export function historyCsv(matches: readonly Match[], options: InputOptions): string {
  return toCsvText(historyHeader(options), matches.map((m) => historyCells(m, options)), { excelBom: false });
}

/**
 * historyCsv with each match's line formatted once: a season hands the model ~40 history files
 * of thousands of rows that differ only by the latest week, and formatting dominated the cost.
 * The text is byte-identical to historyCsv's.
 */
export function cachedHistoryCsv(options: InputOptions): (matches: readonly Match[]) => string {
  const header = historyHeader(options).map(csvCell).join(',');
  const lines = new Map<string, string>();
  return (matches) => {
    const out = [header];
    for (const m of matches) {
      let line = lines.get(m.id);
      if (line === undefined) {
        line = historyCells(m, options).map(csvCell).join(',');
        lines.set(m.id, line);
      }
      out.push(line);
    }
    return `${out.join('\r\n')}\r\n`;
  };
}

/** `oddsOf` looks up a fixture's pre-match prices (a Fixture itself carries none). */
export function fixturesCsv(fixtures: readonly Fixture[], options: InputOptions & { readonly oddsOf?: (id: string) => Pick<Match, 'odds'> | undefined }): string {
  const header = options.withOdds ? [...FIXTURE_COLUMNS, ...ODDS_COLUMNS] : [...FIXTURE_COLUMNS];
  const rows = fixtures.map((f) => [...fixtureCells(f), ...(options.withOdds ? oddsCells(options.oddsOf?.(f.id) ?? { odds: {} }) : [])]);
  return toCsvText(header, rows, { excelBom: false });
}
