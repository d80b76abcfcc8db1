import type { LedgerDatabase } from './ledger-database';
import type { Outcome, Triple } from '../domain/football/outcome';

/**
 * SQL for simulation runs: the run's stored configuration, and the rows one played week adds
 * (predictions, bets, weekly performance, bankroll, alerts, model versions). The season engine
 * calls `appendWeek` inside one transaction per week.
 */

export interface RunRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly settingsJson: string;
  readonly dataFingerprint: string;
  readonly startingBankrollCents: number;
  readonly weekCount: number;
}

export interface RunModelRow {
  readonly version: number;
  readonly modelId: number;
  readonly fittedBeforeWeek: number;
  readonly reason: 'initial' | 'scheduled' | 'degradation';
  readonly detail: string;
}

export type PredictionRole = 'active' | 'static' | 'champion';

export interface PredictionRow {
  readonly week: number;
  readonly matchId: string;
  readonly role: PredictionRole;
  readonly modelVersion: number;
  readonly probabilities: Triple;
  readonly marketProbabilities: Triple | null;
  readonly brier: number;
  readonly marketBrier: number | null;
}

export type Book = 'active' | 'static';

export interface BetRow {
  readonly week: number;
  readonly book: Book;
  readonly matchId: string;
  readonly outcome: Outcome;
  readonly decimalOdds: number;
  readonly modelProbability: number;
  readonly marketProbability: number;
  readonly edge: number;
  readonly fullKelly: number;
  readonly appliedKelly: number;
  readonly stakeCents: number;
  readonly placed: boolean;
  readonly rejection: string | null;
  readonly robust: boolean;
  readonly won: boolean | null;
  readonly profitCents: number;
  readonly closingOdds: number | null;
  readonly closingFairProbability: number | null;
  readonly modelVersion: number;
}

export interface WeekPerformanceRow {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly matches: number;
  readonly valueBetsFound: number;
  readonly betsPlaced: number;
  readonly wins: number;
  readonly stakedCents: number;
  readonly profitCents: number;
  readonly bankrollStartCents: number;
  readonly bankrollEndCents: number;
  readonly staticBankrollEndCents: number;
  readonly modelBrier: number;
  readonly marketBrier: number | null;
  readonly modelRps: number;
  readonly marketRps: number | null;
  readonly modelVersion: number;
  readonly modelBehindMarket: boolean;
  readonly inDrawdown: boolean;
}

export interface AlertRow {
  readonly week: number;
  readonly kind: string;
  readonly message: string;
}

export interface WeekRecord {
  readonly performance: WeekPerformanceRow;
  readonly bankrollPeakCents: number;
  readonly predictions: readonly PredictionRow[];
  readonly bets: readonly BetRow[];
  readonly alerts: readonly AlertRow[];
  readonly newModel: RunModelRow | null;
}

const bit = (b: boolean): number => (b ? 1 : 0);
const nullableBit = (b: boolean | null): number | null => (b === null ? null : bit(b));

export function insertRun(db: LedgerDatabase, run: RunRow): void {
  db.prepare(
    `INSERT INTO runs (id, name, created_at, settings_json, data_fingerprint, starting_bankroll_cents, week_count)
     VALUES (@id, @name, @createdAt, @settingsJson, @dataFingerprint, @startingBankrollCents, @weekCount)`,
  ).run(run);
}

/** Rewrites a run's stored settings (a reset re-records the external model it will now replay with). */
export function updateRunSettings(db: LedgerDatabase, runId: string, settingsJson: string): void {
  db.prepare('UPDATE runs SET settings_json = ? WHERE id = ?').run(settingsJson, runId);
}

const RUN_COLUMNS = `id, name, created_at AS createdAt, settings_json AS settingsJson, data_fingerprint AS dataFingerprint,
  starting_bankroll_cents AS startingBankrollCents, week_count AS weekCount`;

export function findRun(db: LedgerDatabase, runId: string): RunRow | null {
  return (db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as RunRow | undefined) ?? null;
}

export function listRunRows(db: LedgerDatabase): RunRow[] {
  return db.prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, id`).all() as RunRow[];
}

/** Every model a run fitted, for deleting them with the run (the models table has no FK to runs). */
export function runModelIds(db: LedgerDatabase, runId: string): number[] {
  return (db.prepare('SELECT model_id AS id FROM run_models WHERE run_id = ? ORDER BY version').all(runId) as { id: number }[]).map((r) => r.id);
}

/** Removes everything a run has played, keeping its configuration. */
export function clearRunWeeks(db: LedgerDatabase, runId: string): void {
  for (const table of ['alerts', 'bankroll_history', 'weekly_performance', 'weekly_bets', 'predictions', 'run_models']) {
    db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(runId);
  }
}

export function deleteRunRow(db: LedgerDatabase, runId: string): void {
  db.prepare('DELETE FROM runs WHERE id = ?').run(runId);
}

export function lastPlayedWeek(db: LedgerDatabase, runId: string): number {
  const row = db.prepare('SELECT MAX(week) AS week FROM weekly_performance WHERE run_id = ?').get(runId) as { week: number | null };
  return row.week ?? 0;
}

/** Writes one week's rows. The caller wraps it in a transaction together with anything else of the week. */
export function appendWeek(db: LedgerDatabase, runId: string, record: WeekRecord): void {
  const p = record.performance;
  if (record.newModel) {
    db.prepare(
      `INSERT INTO run_models (run_id, version, model_id, fitted_before_week, reason, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(runId, record.newModel.version, record.newModel.modelId, record.newModel.fittedBeforeWeek, record.newModel.reason, record.newModel.detail);
  }
  const insertPrediction = db.prepare(
    `INSERT INTO predictions (run_id, week, match_id, role, model_version, p_home, p_draw, p_away, market_home, market_draw, market_away, brier, market_brier)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of record.predictions) {
    const m = r.marketProbabilities;
    insertPrediction.run(runId, r.week, r.matchId, r.role, r.modelVersion, r.probabilities[0], r.probabilities[1], r.probabilities[2], m?.[0] ?? null, m?.[1] ?? null, m?.[2] ?? null, r.brier, r.marketBrier);
  }
  const insertBet = db.prepare(
    `INSERT INTO weekly_bets (run_id, week, book, match_id, outcome, decimal_odds, model_probability, market_probability, edge, full_kelly,
       applied_kelly, stake_cents, placed, rejection, robust, won, profit_cents, closing_odds, closing_fair_probability, model_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const b of record.bets) {
    insertBet.run(runId, b.week, b.book, b.matchId, b.outcome, b.decimalOdds, b.modelProbability, b.marketProbability, b.edge, b.fullKelly,
      b.appliedKelly, b.stakeCents, bit(b.placed), b.rejection, bit(b.robust), nullableBit(b.won), b.profitCents, b.closingOdds, b.closingFairProbability, b.modelVersion);
  }
  db.prepare(
    `INSERT INTO weekly_performance (run_id, week, week_start, week_end, matches, value_bets_found, bets_placed, wins, staked_cents, profit_cents,
       bankroll_start_cents, bankroll_end_cents, static_bankroll_end_cents, model_brier, market_brier, model_rps, market_rps, model_version,
       model_behind_market, in_drawdown)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(runId, p.week, p.weekStart, p.weekEnd, p.matches, p.valueBetsFound, p.betsPlaced, p.wins, p.stakedCents, p.profitCents,
    p.bankrollStartCents, p.bankrollEndCents, p.staticBankrollEndCents, p.modelBrier, p.marketBrier, p.modelRps, p.marketRps, p.modelVersion,
    bit(p.modelBehindMarket), bit(p.inDrawdown));
  db.prepare('INSERT INTO bankroll_history (run_id, week, bankroll_cents, peak_cents) VALUES (?, ?, ?, ?)').run(
    runId, p.week, p.bankrollEndCents, record.bankrollPeakCents,
  );
  const insertAlert = db.prepare('INSERT INTO alerts (run_id, week, seq, kind, message) VALUES (?, ?, ?, ?, ?)');
  record.alerts.forEach((a, seq) => insertAlert.run(runId, a.week, seq, a.kind, a.message));
}

export function readRunModels(db: LedgerDatabase, runId: string): RunModelRow[] {
  return db
    .prepare(
      `SELECT version, model_id AS modelId, fitted_before_week AS fittedBeforeWeek, reason, detail
       FROM run_models WHERE run_id = ? ORDER BY version`,
    )
    .all(runId) as RunModelRow[];
}

export function readPerformance(db: LedgerDatabase, runId: string, week?: number): WeekPerformanceRow[] {
  const rows = db
    .prepare(
      `SELECT week, week_start AS weekStart, week_end AS weekEnd, matches, value_bets_found AS valueBetsFound, bets_placed AS betsPlaced,
         wins, staked_cents AS stakedCents, profit_cents AS profitCents, bankroll_start_cents AS bankrollStartCents,
         bankroll_end_cents AS bankrollEndCents, static_bankroll_end_cents AS staticBankrollEndCents, model_brier AS modelBrier,
         market_brier AS marketBrier, model_rps AS modelRps, market_rps AS marketRps, model_version AS modelVersion,
         model_behind_market AS modelBehindMarket, in_drawdown AS inDrawdown
       FROM weekly_performance WHERE run_id = ? AND (? IS NULL OR week = ?) ORDER BY week`,
    )
    .all(runId, week ?? null, week ?? null) as (Omit<WeekPerformanceRow, 'modelBehindMarket' | 'inDrawdown'> & { modelBehindMarket: number; inDrawdown: number })[];
  return rows.map((r) => ({ ...r, modelBehindMarket: r.modelBehindMarket === 1, inDrawdown: r.inDrawdown === 1 }));
}

export function readPredictions(db: LedgerDatabase, runId: string, options: { week?: number; role?: PredictionRole } = {}): PredictionRow[] {
  const rows = db
    .prepare(
      `SELECT week, match_id AS matchId, role, model_version AS modelVersion, p_home, p_draw, p_away, market_home, market_draw, market_away,
         brier, market_brier AS marketBrier
       FROM predictions WHERE run_id = ? AND (? IS NULL OR week = ?) AND (? IS NULL OR role = ?) ORDER BY week, rowid`,
    )
    .all(runId, options.week ?? null, options.week ?? null, options.role ?? null, options.role ?? null) as {
    week: number; matchId: string; role: PredictionRole; modelVersion: number; p_home: number; p_draw: number; p_away: number;
    market_home: number | null; market_draw: number | null; market_away: number | null; brier: number; marketBrier: number | null;
  }[];
  return rows.map((r) => ({
    week: r.week,
    matchId: r.matchId,
    role: r.role,
    modelVersion: r.modelVersion,
    probabilities: [r.p_home, r.p_draw, r.p_away],
    marketProbabilities: r.market_home === null || r.market_draw === null || r.market_away === null ? null : [r.market_home, r.market_draw, r.market_away],
    brier: r.brier,
    marketBrier: r.marketBrier,
  }));
}

export function readBets(db: LedgerDatabase, runId: string, options: { week?: number; book?: Book; placedOnly?: boolean } = {}): BetRow[] {
  const rows = db
    .prepare(
      `SELECT week, book, match_id AS matchId, outcome, decimal_odds AS decimalOdds, model_probability AS modelProbability,
         market_probability AS marketProbability, edge, full_kelly AS fullKelly, applied_kelly AS appliedKelly, stake_cents AS stakeCents,
         placed, rejection, robust, won, profit_cents AS profitCents, closing_odds AS closingOdds,
         closing_fair_probability AS closingFairProbability, model_version AS modelVersion
       FROM weekly_bets WHERE run_id = ? AND (? IS NULL OR week = ?) AND book = ? AND (? = 0 OR placed = 1) ORDER BY week, rowid`,
    )
    .all(runId, options.week ?? null, options.week ?? null, options.book ?? 'active', options.placedOnly ? 1 : 0) as (Omit<BetRow, 'placed' | 'robust' | 'won'> & {
    placed: number; robust: number; won: number | null;
  })[];
  return rows.map((r) => ({ ...r, placed: r.placed === 1, robust: r.robust === 1, won: r.won === null ? null : r.won === 1 }));
}

export function readAlerts(db: LedgerDatabase, runId: string, week?: number): AlertRow[] {
  return db
    .prepare('SELECT week, kind, message FROM alerts WHERE run_id = ? AND (? IS NULL OR week = ?) ORDER BY week, seq')
    .all(runId, week ?? null, week ?? null) as AlertRow[];
}
