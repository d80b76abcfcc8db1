import type { LedgerDatabase } from './ledger-database';
import type { Alert } from '../domain/season/monitoring';
import type { PlayedWeek, Prediction, PredictionRole, WeekPerformance } from '../domain/season/play-week';
import { isRejectionCode, type Book, type WeekBet } from '../domain/season/week-bet';
import type { RunHistory } from '../domain/season/run-history';
import { runSettingsSchema, type RunSettings } from '../season/run-settings';

/**
 * SQL for simulation runs: the run's stored configuration, and the rows one played week adds
 * (predictions, bets, weekly performance, bankroll, alerts, model versions). The season engine
 * calls `appendWeek` inside one transaction per week. Rows come back as the domain's types
 * (settings parsed, bets as the WeekBet union): the SQLite columns are mapped here and nowhere else.
 */

export interface RunRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly settings: RunSettings;
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

export type { Book, PredictionRole };

export interface BankrollHistoryRow {
  readonly week: number;
  readonly bankrollCents: number;
  readonly peakCents: number;
}

/** What one played week writes: the week as playWeek returned it, and the model version fitted for it, if any. */
export type WeekRecord = Pick<PlayedWeek, 'performance' | 'bankrollPeakCents' | 'predictions' | 'bets' | 'alerts'> & { readonly newModel: RunModelRow | null };

const bit = (b: boolean): number => (b ? 1 : 0);

export function insertRun(db: LedgerDatabase, run: RunRow): void {
  const { settings, ...columns } = run;
  db.prepare(
    `INSERT INTO runs (id, name, created_at, settings_json, data_fingerprint, starting_bankroll_cents, week_count)
     VALUES (@id, @name, @createdAt, @settingsJson, @dataFingerprint, @startingBankrollCents, @weekCount)`,
  ).run({ ...columns, settingsJson: JSON.stringify(settings) });
}

/** Rewrites a run's stored settings (a reset re-records the external model it will now replay with). */
export function updateRunSettings(db: LedgerDatabase, runId: string, settingsJson: string): void {
  db.prepare('UPDATE runs SET settings_json = ? WHERE id = ?').run(settingsJson, runId);
}

const RUN_COLUMNS = `id, name, created_at AS createdAt, settings_json AS settingsJson, data_fingerprint AS dataFingerprint,
  starting_bankroll_cents AS startingBankrollCents, week_count AS weekCount`;

type StoredRun = Omit<RunRow, 'settings'> & { readonly settingsJson: string };

/** Stored settings are parsed with today's schema, so a run saved before a setting existed gets its documented default. */
function runOf({ settingsJson, ...columns }: StoredRun): RunRow {
  const parsed = runSettingsSchema.safeParse(JSON.parse(settingsJson));
  if (!parsed.success) throw new Error(`Run "${columns.name}" has stored settings this version cannot read: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { ...columns, settings: parsed.data };
}

export function findRun(db: LedgerDatabase, runId: string): RunRow | null {
  const row = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(runId) as StoredRun | undefined;
  return row ? runOf(row) : null;
}

export function listRunRows(db: LedgerDatabase): RunRow[] {
  return (db.prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, id`).all() as StoredRun[]).map(runOf);
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
    const stake = b.status === 'rejected' ? { stakeCents: 0, placed: 0, rejection: b.rejection, won: null, profitCents: 0 } : { stakeCents: b.stakeCents, placed: 1, rejection: null, won: null, profitCents: 0 };
    const settled = b.status === 'settled' ? { ...stake, won: bit(b.won), profitCents: b.profitCents } : stake;
    insertBet.run(runId, b.week, b.book, b.matchId, b.outcome, b.decimalOdds, b.modelProbability, b.marketProbability, b.edge, b.fullKelly,
      b.appliedKelly, settled.stakeCents, settled.placed, settled.rejection, bit(b.robustAcrossMethods), settled.won, settled.profitCents, b.closingOdds,
      b.closingFairProbability, b.modelVersion);
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

export function readPerformance(db: LedgerDatabase, runId: string, week?: number): WeekPerformance[] {
  const rows = db
    .prepare(
      `SELECT week, week_start AS weekStart, week_end AS weekEnd, matches, value_bets_found AS valueBetsFound, bets_placed AS betsPlaced,
         wins, staked_cents AS stakedCents, profit_cents AS profitCents, bankroll_start_cents AS bankrollStartCents,
         bankroll_end_cents AS bankrollEndCents, static_bankroll_end_cents AS staticBankrollEndCents, model_brier AS modelBrier,
         market_brier AS marketBrier, model_rps AS modelRps, market_rps AS marketRps, model_version AS modelVersion,
         model_behind_market AS modelBehindMarket, in_drawdown AS inDrawdown
       FROM weekly_performance WHERE run_id = ? AND (? IS NULL OR week = ?) ORDER BY week`,
    )
    .all(runId, week ?? null, week ?? null) as (Omit<WeekPerformance, 'modelBehindMarket' | 'inDrawdown'> & { modelBehindMarket: number; inDrawdown: number })[];
  return rows.map((r) => ({ ...r, modelBehindMarket: r.modelBehindMarket === 1, inDrawdown: r.inDrawdown === 1 }));
}

export function readPredictions(db: LedgerDatabase, runId: string, options: { week?: number; fromWeek?: number; role?: PredictionRole } = {}): Prediction[] {
  const rows = db
    .prepare(
      `SELECT week, match_id AS matchId, role, model_version AS modelVersion, p_home, p_draw, p_away, market_home, market_draw, market_away,
         brier, market_brier AS marketBrier
       FROM predictions WHERE run_id = ? AND (? IS NULL OR week = ?) AND week >= ? AND (? IS NULL OR role = ?) ORDER BY week, rowid`,
    )
    .all(runId, options.week ?? null, options.week ?? null, options.fromWeek ?? 1, options.role ?? null, options.role ?? null) as {
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

interface StoredBet {
  readonly week: number; readonly book: Book; readonly matchId: string; readonly outcome: WeekBet['outcome']; readonly decimalOdds: number;
  readonly modelProbability: number; readonly marketProbability: number; readonly edge: number; readonly fullKelly: number;
  readonly appliedKelly: number; readonly stakeCents: number; readonly placed: number; readonly rejection: string | null; readonly robust: number;
  readonly won: number | null; readonly profitCents: number; readonly closingOdds: number | null; readonly closingFairProbability: number | null;
  readonly modelVersion: number;
}

function betOf({ placed, rejection, robust, won, stakeCents, profitCents, ...fields }: StoredBet): WeekBet {
  const candidate = { ...fields, robustAcrossMethods: robust === 1 };
  if (placed === 0) {
    if (!isRejectionCode(rejection)) throw new Error(`weekly_bets row for ${fields.matchId} ${fields.outcome} (week ${fields.week}) is not placed but has no known rejection reason: ${JSON.stringify(rejection)}`);
    return { ...candidate, status: 'rejected', rejection };
  }
  if (won === null) return { ...candidate, status: 'placed', stakeCents };
  return { ...candidate, status: 'settled', stakeCents, won: won === 1, profitCents };
}

export function readBets(db: LedgerDatabase, runId: string, options: { week?: number; fromWeek?: number; book?: Book; stakedOnly?: boolean } = {}): WeekBet[] {
  const rows = db
    .prepare(
      `SELECT week, book, match_id AS matchId, outcome, decimal_odds AS decimalOdds, model_probability AS modelProbability,
         market_probability AS marketProbability, edge, full_kelly AS fullKelly, applied_kelly AS appliedKelly, stake_cents AS stakeCents,
         placed, rejection, robust, won, profit_cents AS profitCents, closing_odds AS closingOdds,
         closing_fair_probability AS closingFairProbability, model_version AS modelVersion
       FROM weekly_bets WHERE run_id = ? AND (? IS NULL OR week = ?) AND week >= ? AND book = ? AND (? = 0 OR placed = 1) ORDER BY week, rowid`,
    )
    .all(runId, options.week ?? null, options.week ?? null, options.fromWeek ?? 1, options.book ?? 'active', options.stakedOnly ? 1 : 0) as StoredBet[];
  return rows.map(betOf);
}

/** The bankroll after each played week and its running peak, as the engine committed them. */
export function readBankrollHistory(db: LedgerDatabase, runId: string): BankrollHistoryRow[] {
  return db
    .prepare('SELECT week, bankroll_cents AS bankrollCents, peak_cents AS peakCents FROM bankroll_history WHERE run_id = ? ORDER BY week')
    .all(runId) as BankrollHistoryRow[];
}

export function readAlerts(db: LedgerDatabase, runId: string, week?: number): Alert[] {
  return db
    .prepare('SELECT week, kind, message FROM alerts WHERE run_id = ? AND (? IS NULL OR week = ?) ORDER BY week, seq')
    .all(runId, week ?? null, week ?? null) as Alert[];
}

/**
 * A run's whole played history, read in one go for the reports and views to project. With
 * `fromWeek`, bets and predictions of earlier weeks are left out (every week's performance,
 * bankroll, alert and model row is still read): all a view of week `fromWeek` needs, read in
 * time that does not grow with the weeks played before it.
 */
export function readRunHistory(db: LedgerDatabase, run: Pick<RunRow, 'id' | 'startingBankrollCents'>, options: { fromWeek?: number } = {}): RunHistory {
  const { fromWeek } = options;
  return {
    startingBankrollCents: run.startingBankrollCents,
    weeks: readPerformance(db, run.id),
    bankroll: readBankrollHistory(db, run.id),
    bets: readBets(db, run.id, { fromWeek }),
    predictions: readPredictions(db, run.id, { fromWeek }),
    alerts: readAlerts(db, run.id),
    models: readRunModels(db, run.id),
  };
}
