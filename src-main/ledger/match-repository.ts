import { addDays, bettingWeekStart } from '../domain/football/betting-week';
import { ODDS_SOURCES, type Match } from '../domain/football/match';
import type { Outcome } from '../domain/football/outcome';
import type { LedgerDatabase } from './ledger-database';
import { IDENTITY_COLUMNS, identityAndOddsRowOf, identityOf, oddsColumnsOf, oddsOf, type ColumnRow } from './match-columns';

const SCALAR_COLUMNS = [
  ...IDENTITY_COLUMNS,
  ['home_goals', 'homeGoals'],
  ['away_goals', 'awayGoals'],
  ['result', 'result'],
  ['half_time_home_goals', 'halfTimeHomeGoals'],
  ['half_time_away_goals', 'halfTimeAwayGoals'],
  ['home_shots', 'homeShots'],
  ['away_shots', 'awayShots'],
  ['home_shots_on_target', 'homeShotsOnTarget'],
  ['away_shots_on_target', 'awayShotsOnTarget'],
] as const satisfies readonly (readonly [string, Exclude<keyof Match, 'odds'>])[];

const ODDS_COLUMNS = oddsColumnsOf(ODDS_SOURCES);
const ALL_COLUMNS = [...SCALAR_COLUMNS.map(([column]) => column), ...ODDS_COLUMNS];
const MATCH_ORDER = `ORDER BY date, coalesce(kickoff, ''), id`;

/** What an upsert did: rows new to the ledger, rows whose content changed, rows already identical. */
export interface UpsertSummary {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Insert or update matches by id, in one transaction (nested as a savepoint inside a caller's).
 * Idempotent: a row whose content is identical is not rewritten, so importing the same file
 * twice changes nothing, while a corrected file updates exactly the rows that differ.
 */
export function upsertMatches(db: LedgerDatabase, matches: readonly Match[]): UpsertSummary {
  const statement = upsertStatement(db);
  const count = db.prepare('SELECT count(*) FROM matches').pluck();
  return db.transaction(() => {
    const before = count.get() as number;
    let changed = 0;
    for (const match of matches) changed += statement.run(rowOf(match)).changes;
    const inserted = (count.get() as number) - before;
    return { inserted, updated: changed - inserted, unchanged: matches.length - changed };
  })();
}

/** A team a re-imported season no longer has, and the new name that plays its fixtures. */
export interface RenameCandidate {
  readonly div: string;
  readonly season: string;
  readonly from: string;
  readonly to: string;
}

/** What storing one season file did to the ledger's copy of that season. */
export interface SeasonReplacement {
  /** Matches new to the ledger. */
  readonly added: number;
  /** Matches whose date, kick-off, score, stats or prices the file corrected (same fixture, same id). */
  readonly changed: number;
  readonly unchanged: number;
  /** Matches of the season the ledger had and the file no longer has. */
  readonly removed: number;
  readonly renameCandidates: readonly RenameCandidate[];
}

/**
 * Store one season file's matches (all of one division and season) as that season: rows are
 * upserted by id (home fixture and meeting), so a corrected date, score or price updates the
 * match in place, and rows of the season the file no longer holds are deleted, so a season is
 * never doubled. A team that disappears while a new name plays most of its fixtures is
 * reported as a rename candidate (football-data has renamed teams between two downloads).
 */
export function replaceSeasonMatches(db: LedgerDatabase, matches: readonly Match[]): SeasonReplacement {
  const first = matches[0];
  if (first === undefined) return { added: 0, changed: 0, unchanged: 0, removed: 0, renameCandidates: [] };
  const { div, season } = first;
  const stray = matches.find((m) => m.div !== div || m.season !== season);
  if (stray) throw new Error(`replaceSeasonMatches: ${stray.id} is not of ${div} ${season}; a season file holds one season of one division`);
  return db.transaction(() => {
    const before = select(db, `WHERE div = ? AND season = ? ${MATCH_ORDER}`, [div, season]);
    const upsert = upsertMatches(db, matches);
    const kept = new Set(matches.map((m) => m.id));
    const stale = before.filter((m) => !kept.has(m.id));
    const remove = db.prepare('DELETE FROM matches WHERE id = ?');
    for (const m of stale) remove.run(m.id);
    return {
      added: upsert.inserted,
      changed: upsert.updated,
      unchanged: upsert.unchanged,
      removed: stale.length,
      renameCandidates: renameCandidatesOf(before, matches).map((r) => ({ div, season, ...r })),
    };
  })();
}

/**
 * Pairs (old name, new name) where the old team is gone, the new one is new, and at least half of
 * the old team's fixtures (opponent and venue) are played by the new one.
 */
function renameCandidatesOf(before: readonly Match[], after: readonly Match[]): { from: string; to: string }[] {
  const fixturesOf = (matches: readonly Match[]) => {
    const byTeam = new Map<string, { name: string; fixtures: Set<string> }>();
    const add = (id: string, name: string, fixture: string) => {
      const entry = byTeam.get(id) ?? { name, fixtures: new Set<string>() };
      entry.fixtures.add(fixture);
      byTeam.set(id, entry);
    };
    for (const m of matches) {
      add(m.homeTeamId, m.homeTeam, `home:${m.awayTeamId}`);
      add(m.awayTeamId, m.awayTeam, `away:${m.homeTeamId}`);
    }
    return byTeam;
  };
  const old = fixturesOf(before);
  const now = fixturesOf(after);
  const gone = [...old].filter(([id]) => !now.has(id));
  const arrived = [...now].filter(([id]) => !old.has(id));
  const candidates: { from: string; to: string }[] = [];
  for (const [, from] of gone) {
    for (const [, to] of arrived) {
      const shared = [...from.fixtures].filter((f) => to.fixtures.has(f)).length;
      if (shared * 2 >= from.fixtures.size) candidates.push({ from: from.name, to: to.name });
    }
  }
  return candidates;
}

/** Every match of a division, optionally only some seasons, in date, kick-off, id order. */
export function matchesOf(db: LedgerDatabase, query: { readonly div: string; readonly seasons?: readonly string[] }): Match[] {
  if (query.seasons === undefined) {
    return select(db, `WHERE div = ? ${MATCH_ORDER}`, [query.div]);
  }
  if (query.seasons.length === 0) return [];
  const placeholders = query.seasons.map(() => '?').join(', ');
  return select(db, `WHERE div = ? AND season IN (${placeholders}) ${MATCH_ORDER}`, [query.div, ...query.seasons]);
}

/** One division's season in the ledger and how many matches it holds. */
export interface SeasonAvailable {
  readonly div: string;
  readonly season: string;
  readonly count: number;
}

/** The division/season pairs the ledger holds, with their match counts, oldest season first. */
export function seasonsAvailable(db: LedgerDatabase): SeasonAvailable[] {
  return db
    .prepare(
      `SELECT div, season, count(*) AS count FROM matches GROUP BY div, season
       ORDER BY div, CASE WHEN substr(season, 1, 2) >= '50' THEN '19' ELSE '20' END || season`,
    )
    .all() as SeasonAvailable[];
}

/**
 * The matches of one betting week (Tuesday `weekStart` to the Monday after, inclusive) of a
 * season. `weekStart` must be the Tuesday that opens a week, so a caller cannot silently ask for
 * a window that straddles two weeks.
 */
export function matchesOfWeek(db: LedgerDatabase, query: { readonly div: string; readonly season: string; readonly weekStart: string }): Match[] {
  const opening = bettingWeekStart(query.weekStart);
  if (opening !== query.weekStart) {
    throw new Error(`matchesOfWeek: weekStart ${query.weekStart} is not the Tuesday that opens a betting week (that is ${opening})`);
  }
  return select(db, `WHERE div = ? AND season = ? AND date BETWEEN ? AND ? ${MATCH_ORDER}`, [query.div, query.season, query.weekStart, addDays(query.weekStart, 6)]);
}

/**
 * The no-look-ahead view: every match of a division, any season, dated strictly before the ISO
 * date `before` (normally a betting week's start).
 */
export function matchesBefore(db: LedgerDatabase, query: { readonly div: string; readonly before: string }): Match[] {
  // bettingWeekStart validates the ISO date and names it when it is not one.
  bettingWeekStart(query.before);
  return select(db, `WHERE div = ? AND date < ? ${MATCH_ORDER}`, [query.div, query.before]);
}

function select(db: LedgerDatabase, where: string, parameters: readonly (string | number)[]): Match[] {
  const rows = db.prepare(`SELECT ${ALL_COLUMNS.join(', ')} FROM matches ${where}`).all(...parameters) as ColumnRow[];
  return rows.map(matchOf);
}

const upsertStatements = new WeakMap<LedgerDatabase, ReturnType<LedgerDatabase['prepare']>>();

function upsertStatement(db: LedgerDatabase): ReturnType<LedgerDatabase['prepare']> {
  let statement = upsertStatements.get(db);
  if (statement === undefined) {
    const updatable = ALL_COLUMNS.filter((c) => c !== 'id');
    statement = db.prepare(
      `INSERT INTO matches (${ALL_COLUMNS.join(', ')}) VALUES (${ALL_COLUMNS.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')}
       WHERE ${updatable.map((c) => `${c} IS NOT excluded.${c}`).join(' OR ')}`,
    );
    upsertStatements.set(db, statement);
  }
  return statement;
}

function rowOf(match: Match): ColumnRow {
  const row = identityAndOddsRowOf(match, ODDS_SOURCES);
  for (const [column, field] of SCALAR_COLUMNS.slice(IDENTITY_COLUMNS.length)) row[column] = match[field];
  return row;
}

function matchOf(row: ColumnRow): Match {
  // Written out field by field, not `{ ...identityOf(row), ... }`: objects built by a spread and
  // then extended get a layout that V8 reads ~40x slower, and every model loop reads these
  // fields (a season's initial fit went from 4.6 to 9.8 s CPU with the spread).
  const identity = identityOf(row);
  return {
    id: identity.id,
    div: identity.div,
    season: identity.season,
    date: identity.date,
    kickoff: identity.kickoff,
    homeTeam: identity.homeTeam,
    awayTeam: identity.awayTeam,
    homeTeamId: identity.homeTeamId,
    awayTeamId: identity.awayTeamId,
    homeGoals: row.home_goals as number,
    awayGoals: row.away_goals as number,
    result: row.result as Outcome,
    halfTimeHomeGoals: row.half_time_home_goals as number | null,
    halfTimeAwayGoals: row.half_time_away_goals as number | null,
    homeShots: row.home_shots as number | null,
    awayShots: row.away_shots as number | null,
    homeShotsOnTarget: row.home_shots_on_target as number | null,
    awayShotsOnTarget: row.away_shots_on_target as number | null,
    odds: oddsOf(row, ODDS_SOURCES),
  };
}

/**
 * How many times this home side has already met this away side at its ground in the season
 * before `date`: a fixture's meeting number (and so its match id) is that count plus one.
 */
export function earlierMeetings(db: LedgerDatabase, fixture: Pick<Match, 'div' | 'season' | 'homeTeamId' | 'awayTeamId' | 'date'>): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM matches WHERE div = ? AND season = ? AND home_team_id = ? AND away_team_id = ? AND date < ?')
    .get(fixture.div, fixture.season, fixture.homeTeamId, fixture.awayTeamId, fixture.date) as { n: number };
  return row.n;
}
