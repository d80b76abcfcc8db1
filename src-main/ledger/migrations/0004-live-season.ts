import type { Migration } from './migration';

/**
 * The live season. `fixtures` holds the coming matches of every division as the latest
 * fixtures file listed them, with the pre-match prices and the time those prices were imported.
 * `live_runs` marks the runs that follow a season as it is played. A live run's settled weeks
 * are ordinary run rows (weekly_bets, weekly_performance, ...); its one open week lives in
 * `live_open_weeks` as the decided week (bets, stakes, forecasts) until the results settle it.
 * `live_settled_matches` keeps each match as the run settled it, so a later file that revises a
 * score, date or price is reported (`live_revisions`) without touching the ledger, and
 * `live_void_bets` holds open bets on fixtures that were never played.
 */
export const liveSeasonMigration: Migration = {
  version: 4,
  name: 'live-season',
  up(db) {
    // Frozen here rather than derived from PRE_MATCH_SOURCES: a shipped migration must never change.
    const groups = ['b365', 'pinnacle', 'avg', 'max'];
    const oddsColumns = groups.map((g) => `${g}_home REAL, ${g}_draw REAL, ${g}_away REAL,`).join('\n        ');
    const oddsChecks = groups
      .map(
        (g) =>
          `CHECK ((${g}_home IS NULL AND ${g}_draw IS NULL AND ${g}_away IS NULL) OR ` +
          `(${g}_home IS NOT NULL AND ${g}_draw IS NOT NULL AND ${g}_away IS NOT NULL AND ${g}_home > 1 AND ${g}_draw > 1 AND ${g}_away > 1)),`,
      )
      .join('\n        ');
    db.exec(`
      CREATE TABLE fixtures (
        id TEXT PRIMARY KEY,
        div TEXT NOT NULL,
        season TEXT NOT NULL CHECK (length(season) = 4),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kickoff TEXT,
        home_team TEXT NOT NULL,
        away_team TEXT NOT NULL,
        home_team_id TEXT NOT NULL,
        away_team_id TEXT NOT NULL,
        ${oddsColumns}
        source TEXT NOT NULL,
        prices_imported_at TEXT NOT NULL,
        ${oddsChecks}
        CHECK (home_team_id <> away_team_id)
      );
      CREATE INDEX fixtures_by_div_date ON fixtures (div, season, date);

      CREATE TABLE live_runs (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        div TEXT NOT NULL,
        season TEXT NOT NULL,
        UNIQUE (div, season)
      );

      CREATE TABLE live_open_weeks (
        run_id TEXT PRIMARY KEY REFERENCES live_runs(run_id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        week_start TEXT NOT NULL,
        decided_json TEXT NOT NULL,
        fixtures_json TEXT NOT NULL,
        prices_imported_at TEXT NOT NULL,
        priced_at TEXT NOT NULL
      );

      CREATE TABLE live_void_bets (
        run_id TEXT NOT NULL REFERENCES live_runs(run_id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        match_id TEXT NOT NULL,
        bet_json TEXT NOT NULL,
        PRIMARY KEY (run_id, match_id, bet_json)
      );

      CREATE TABLE live_settled_matches (
        run_id TEXT NOT NULL REFERENCES live_runs(run_id) ON DELETE CASCADE,
        week INTEGER NOT NULL,
        match_id TEXT NOT NULL,
        match_json TEXT NOT NULL,
        PRIMARY KEY (run_id, match_id)
      );

      CREATE TABLE live_revisions (
        run_id TEXT NOT NULL REFERENCES live_runs(run_id) ON DELETE CASCADE,
        match_id TEXT NOT NULL,
        seen_json TEXT NOT NULL,
        changes_json TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        PRIMARY KEY (run_id, match_id, seen_json)
      );
    `);
  },
};
