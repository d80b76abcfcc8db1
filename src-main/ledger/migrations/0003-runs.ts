import type { Migration } from './migration';

/**
 * The bankroll ledger of simulation runs. Money is integer cents; probabilities and odds are
 * REAL. Every row belongs to a run and goes with it (ON DELETE CASCADE). A week's rows are
 * written in one transaction by the season engine, so a run's last committed week is simply
 * MAX(week) in weekly_performance.
 */
export const runsMigration: Migration = {
  version: 3,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        data_fingerprint TEXT NOT NULL,
        starting_bankroll_cents INTEGER NOT NULL CHECK (starting_bankroll_cents > 0),
        week_count INTEGER NOT NULL CHECK (week_count >= 0)
      );

      CREATE TABLE run_models (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        model_id INTEGER NOT NULL,
        fitted_before_week INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('initial', 'scheduled', 'degradation')),
        detail TEXT NOT NULL,
        PRIMARY KEY (run_id, version)
      );

      CREATE TABLE predictions (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        match_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('active', 'static', 'champion')),
        model_version INTEGER NOT NULL,
        p_home REAL NOT NULL, p_draw REAL NOT NULL, p_away REAL NOT NULL,
        market_home REAL, market_draw REAL, market_away REAL,
        brier REAL NOT NULL,
        market_brier REAL,
        PRIMARY KEY (run_id, match_id, role)
      );
      CREATE INDEX predictions_by_week ON predictions (run_id, week);

      CREATE TABLE weekly_bets (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        book TEXT NOT NULL CHECK (book IN ('active', 'static')),
        match_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('H', 'D', 'A')),
        decimal_odds REAL NOT NULL,
        model_probability REAL NOT NULL,
        market_probability REAL NOT NULL,
        edge REAL NOT NULL,
        full_kelly REAL NOT NULL,
        applied_kelly REAL NOT NULL,
        stake_cents INTEGER NOT NULL CHECK (stake_cents >= 0),
        placed INTEGER NOT NULL CHECK (placed IN (0, 1)),
        rejection TEXT,
        robust INTEGER NOT NULL CHECK (robust IN (0, 1)),
        won INTEGER CHECK (won IN (0, 1)),
        profit_cents INTEGER NOT NULL,
        closing_odds REAL,
        closing_fair_probability REAL,
        model_version INTEGER NOT NULL,
        PRIMARY KEY (run_id, book, match_id, outcome)
      );
      CREATE INDEX weekly_bets_by_week ON weekly_bets (run_id, book, week);

      CREATE TABLE weekly_performance (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        week_start TEXT NOT NULL,
        week_end TEXT NOT NULL,
        matches INTEGER NOT NULL,
        value_bets_found INTEGER NOT NULL,
        bets_placed INTEGER NOT NULL,
        wins INTEGER NOT NULL,
        staked_cents INTEGER NOT NULL,
        profit_cents INTEGER NOT NULL,
        bankroll_start_cents INTEGER NOT NULL,
        bankroll_end_cents INTEGER NOT NULL,
        static_bankroll_end_cents INTEGER NOT NULL,
        model_brier REAL NOT NULL,
        market_brier REAL,
        model_rps REAL NOT NULL,
        market_rps REAL,
        model_version INTEGER NOT NULL,
        model_behind_market INTEGER NOT NULL CHECK (model_behind_market IN (0, 1)),
        in_drawdown INTEGER NOT NULL CHECK (in_drawdown IN (0, 1)),
        CHECK (bankroll_end_cents = bankroll_start_cents + profit_cents),
        PRIMARY KEY (run_id, week)
      );

      CREATE TABLE bankroll_history (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        bankroll_cents INTEGER NOT NULL,
        peak_cents INTEGER NOT NULL,
        PRIMARY KEY (run_id, week)
      );

      CREATE TABLE alerts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (run_id, week, seq)
      );
    `);
  },
};
