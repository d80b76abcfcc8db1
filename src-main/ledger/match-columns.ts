import type { DecimalOdds1x2, Match, OddsSource } from '../domain/football/match';

/**
 * The columns `matches` and `fixtures` share (migrations 0001 and 0004): a match's identity and
 * names, and each odds group as three columns `<prefix>_home`, `_draw`, `_away`, all three set or
 * all three null. Both repositories map rows through these, so a played match and the fixture it
 * was read as are stored and read back the same way.
 */
export type ColumnRow = Record<string, string | number | null>;

/** Column prefix of each odds group (the fixtures table has the pre-match ones). */
export const ODDS_COLUMN_PREFIX: Readonly<Record<OddsSource, string>> = {
  b365: 'b365',
  pinnacle: 'pinnacle',
  avg: 'avg',
  max: 'max',
  b365Close: 'b365_close',
  pinnacleClose: 'pinnacle_close',
  avgClose: 'avg_close',
  maxClose: 'max_close',
};

export type MatchIdentity = Pick<Match, 'id' | 'div' | 'season' | 'date' | 'kickoff' | 'homeTeam' | 'awayTeam' | 'homeTeamId' | 'awayTeamId'>;

/** Column and field of each identity part, in the tables' column order. */
export const IDENTITY_COLUMNS = [
  ['id', 'id'],
  ['div', 'div'],
  ['season', 'season'],
  ['date', 'date'],
  ['kickoff', 'kickoff'],
  ['home_team', 'homeTeam'],
  ['away_team', 'awayTeam'],
  ['home_team_id', 'homeTeamId'],
  ['away_team_id', 'awayTeamId'],
] as const satisfies readonly (readonly [string, keyof MatchIdentity])[];

export function oddsColumnsOf(sources: readonly OddsSource[]): string[] {
  return sources.flatMap((source) => ['home', 'draw', 'away'].map((side) => `${ODDS_COLUMN_PREFIX[source]}_${side}`));
}

/** The row's identity columns and the odds columns of `sources` (null where a group is missing). */
export function identityAndOddsRowOf(m: MatchIdentity & { readonly odds: Readonly<Partial<Record<OddsSource, DecimalOdds1x2>>> }, sources: readonly OddsSource[]): ColumnRow {
  const row: ColumnRow = {};
  for (const [column, field] of IDENTITY_COLUMNS) row[column] = m[field];
  for (const source of sources) {
    const prefix = ODDS_COLUMN_PREFIX[source];
    const prices = m.odds[source];
    row[`${prefix}_home`] = prices?.[0] ?? null;
    row[`${prefix}_draw`] = prices?.[1] ?? null;
    row[`${prefix}_away`] = prices?.[2] ?? null;
  }
  return row;
}

export function identityOf(row: ColumnRow): MatchIdentity {
  return {
    id: row.id as string,
    div: row.div as string,
    season: row.season as string,
    date: row.date as string,
    kickoff: row.kickoff as string | null,
    homeTeam: row.home_team as string,
    awayTeam: row.away_team as string,
    homeTeamId: row.home_team_id as string,
    awayTeamId: row.away_team_id as string,
  };
}

/** The odds groups of `sources` a row holds. */
export function oddsOf<S extends OddsSource>(row: ColumnRow, sources: readonly S[]): Partial<Record<S, DecimalOdds1x2>> {
  const odds: Partial<Record<S, DecimalOdds1x2>> = {};
  for (const source of sources) {
    const prefix = ODDS_COLUMN_PREFIX[source];
    const home = row[`${prefix}_home`];
    if (home !== null && home !== undefined) odds[source] = [home as number, row[`${prefix}_draw`] as number, row[`${prefix}_away`] as number];
  }
  return odds;
}
