import type { Match } from '../domain/football/match';
import type { Fixture } from '../model/fixture';
import type { DecidedWeek } from '../domain/season/play-week';
import type { VoidBet } from '../domain/season/week-bet';
import type { LedgerDatabase } from './ledger-database';
import type { RunModelRow } from './run-repository';

/**
 * SQL for live runs (see migrations/0004-live-season.ts): which runs are live, the one open
 * week of each, its void bets, the matches as each week settled them and the revisions seen
 * since. Settled weeks themselves go through run-repository's appendWeek like any run's.
 */

/** The open week of a live run: decided at `pricedAt` from prices imported at `pricesImportedAt`, not settled yet. */
export interface OpenWeekRow {
  readonly week: number;
  readonly weekStart: string;
  readonly decided: DecidedWeek;
  /** The matches the week priced, as they were listed (names, date, kick-off), in pricing order. */
  readonly fixtures: readonly Fixture[];
  readonly pricesImportedAt: string;
  readonly pricedAt: string;
}

/** What changed in one field of a settled match since the run settled it. */
export interface FieldChange {
  readonly field: string;
  readonly settled: unknown;
  readonly now: unknown;
}

export interface RevisionRow {
  readonly matchId: string;
  readonly changes: readonly FieldChange[];
  readonly detectedAt: string;
}

export function insertLiveRun(db: LedgerDatabase, live: { readonly runId: string; readonly div: string; readonly season: string }): void {
  db.prepare('INSERT INTO live_runs (run_id, div, season) VALUES (?, ?, ?)').run(live.runId, live.div, live.season);
}

export function findLiveRunId(db: LedgerDatabase, query: { readonly div: string; readonly season: string }): string | null {
  const row = db.prepare('SELECT run_id AS runId FROM live_runs WHERE div = ? AND season = ?').get(query.div, query.season) as { runId: string } | undefined;
  return row?.runId ?? null;
}

/** Every live run of the ledger, by division and season. */
export function listLiveRuns(db: LedgerDatabase): { readonly runId: string; readonly div: string; readonly season: string }[] {
  return db.prepare('SELECT run_id AS runId, div, season FROM live_runs ORDER BY season DESC, div').all() as { runId: string; div: string; season: string }[];
}

/** The open week's number and Tuesday, without reading its decided bets. */
export function readOpenWeekHead(db: LedgerDatabase, runId: string): { readonly week: number; readonly weekStart: string } | null {
  return (db.prepare('SELECT week, week_start AS weekStart FROM live_open_weeks WHERE run_id = ?').get(runId) as { week: number; weekStart: string } | undefined) ?? null;
}

/** A model version fitted for an open week: written when the week opens, since the week's own rows come only at settlement. */
export function insertRunModel(db: LedgerDatabase, runId: string, model: RunModelRow): void {
  db.prepare('INSERT INTO run_models (run_id, version, model_id, fitted_before_week, reason, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    runId, model.version, model.modelId, model.fittedBeforeWeek, model.reason, model.detail,
  );
}

export function insertOpenWeek(db: LedgerDatabase, runId: string, open: OpenWeekRow): void {
  db.prepare('INSERT INTO live_open_weeks (run_id, week, week_start, decided_json, fixtures_json, prices_imported_at, priced_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    runId, open.week, open.weekStart, JSON.stringify(open.decided), JSON.stringify(open.fixtures), open.pricesImportedAt, open.pricedAt,
  );
}

export function readOpenWeek(db: LedgerDatabase, runId: string): OpenWeekRow | null {
  const row = db
    .prepare('SELECT week, week_start AS weekStart, decided_json AS decidedJson, fixtures_json AS fixturesJson, prices_imported_at AS pricesImportedAt, priced_at AS pricedAt FROM live_open_weeks WHERE run_id = ?')
    .get(runId) as { week: number; weekStart: string; decidedJson: string; fixturesJson: string; pricesImportedAt: string; pricedAt: string } | undefined;
  if (row === undefined) return null;
  const { decidedJson, fixturesJson, ...rest } = row;
  return { ...rest, decided: JSON.parse(decidedJson) as DecidedWeek, fixtures: JSON.parse(fixturesJson) as Fixture[] };
}

export function deleteOpenWeek(db: LedgerDatabase, runId: string): void {
  db.prepare('DELETE FROM live_open_weeks WHERE run_id = ?').run(runId);
}

export function insertVoidBets(db: LedgerDatabase, runId: string, bets: readonly VoidBet[]): void {
  const insert = db.prepare('INSERT INTO live_void_bets (run_id, week, match_id, bet_json) VALUES (?, ?, ?, ?)');
  for (const bet of bets) insert.run(runId, bet.week, bet.matchId, JSON.stringify(bet));
}

export function readVoidBets(db: LedgerDatabase, runId: string): VoidBet[] {
  return (db.prepare('SELECT bet_json FROM live_void_bets WHERE run_id = ? ORDER BY week, rowid').pluck().all(runId) as string[]).map((json) => JSON.parse(json) as VoidBet);
}

export function insertSettledMatches(db: LedgerDatabase, runId: string, week: number, matches: readonly Match[]): void {
  const insert = db.prepare('INSERT INTO live_settled_matches (run_id, week, match_id, match_json) VALUES (?, ?, ?, ?)');
  for (const m of matches) insert.run(runId, week, m.id, JSON.stringify(m));
}

export function readSettledMatches(db: LedgerDatabase, runId: string): Match[] {
  return (db.prepare('SELECT match_json FROM live_settled_matches WHERE run_id = ? ORDER BY week, rowid').pluck().all(runId) as string[]).map((json) => JSON.parse(json) as Match);
}

/** Records a revision once per content seen: true when it is new. */
export function recordRevision(db: LedgerDatabase, runId: string, revision: { readonly matchId: string; readonly seen: Match; readonly changes: readonly FieldChange[] }, detectedAt: Date): boolean {
  return (
    db
      .prepare('INSERT INTO live_revisions (run_id, match_id, seen_json, changes_json, detected_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(runId, revision.matchId, JSON.stringify(revision.seen), JSON.stringify(revision.changes), detectedAt.toISOString()).changes === 1
  );
}

export function readRevisions(db: LedgerDatabase, runId: string): RevisionRow[] {
  return (
    db.prepare('SELECT match_id AS matchId, changes_json AS changesJson, detected_at AS detectedAt FROM live_revisions WHERE run_id = ? ORDER BY detected_at, rowid').all(runId) as {
      matchId: string; changesJson: string; detectedAt: string;
    }[]
  ).map((r) => ({ matchId: r.matchId, changes: JSON.parse(r.changesJson) as FieldChange[], detectedAt: r.detectedAt }));
}

/**
 * A live season has no fixed length: its run's week count follows the weeks settled, so the
 * views that annualise over a season (the Sharpe ratio) see the season so far.
 */
export function recordLiveWeekCount(db: LedgerDatabase, runId: string, weeks: number): void {
  db.prepare('UPDATE runs SET week_count = max(week_count, ?) WHERE id = ?').run(weeks, runId);
}

/** The fingerprint of the inputs the run was last brought up to date with (see migrations/0008-live-run-inputs.ts); null before the first complete call. */
export function readLiveInputs(db: LedgerDatabase, runId: string): string | null {
  return (db.prepare('SELECT inputs_sha256 FROM live_runs WHERE run_id = ?').pluck().get(runId) as string | null | undefined) ?? null;
}

export function recordLiveInputs(db: LedgerDatabase, runId: string, inputsSha256: string): void {
  db.prepare('UPDATE live_runs SET inputs_sha256 = ? WHERE run_id = ?').run(inputsSha256, runId);
}
