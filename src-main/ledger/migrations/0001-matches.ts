import type { Migration } from './migration';

/**
 * Played matches as imported from football-data files, and the files they came from.
 * Odds groups are columns (`<group>_home/_draw/_away`), NULL when the file had no complete group;
 * a CHECK keeps each group all-present or all-absent and every price above 1, so the database
 * can never hold half a price triple.
 */
export const matchesMigration: Migration = {
  version: 1,
  name: 'matches',
  up(db) {
    // Frozen here rather than derived from ODDS_SOURCES: a shipped migration must never change.
    const groups = ['b365', 'pinnacle', 'avg', 'max', 'b365_close', 'pinnacle_close', 'avg_close', 'max_close'];
    const oddsColumns = groups.map((g) => `${g}_home REAL, ${g}_draw REAL, ${g}_away REAL,`).join('\n        ');
    const oddsChecks = groups
      // Spelled out with IS NOT NULL because a comparison with NULL is NULL, which a CHECK lets pass.
      .map(
        (g) =>
          `CHECK ((${g}_home IS NULL AND ${g}_draw IS NULL AND ${g}_away IS NULL) OR ` +
          `(${g}_home IS NOT NULL AND ${g}_draw IS NOT NULL AND ${g}_away IS NOT NULL AND ${g}_home > 1 AND ${g}_draw > 1 AND ${g}_away > 1)),`,
      )
      .join('\n        ');
    db.exec(`
      CREATE TABLE matches (
        id TEXT PRIMARY KEY,
        div TEXT NOT NULL,
        season TEXT NOT NULL CHECK (length(season) = 4),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kickoff TEXT CHECK (kickoff IS NULL OR kickoff GLOB '[0-2][0-9]:[0-5][0-9]'),
        home_team TEXT NOT NULL,
        away_team TEXT NOT NULL,
        home_team_id TEXT NOT NULL,
        away_team_id TEXT NOT NULL,
        home_goals INTEGER NOT NULL CHECK (home_goals >= 0),
        away_goals INTEGER NOT NULL CHECK (away_goals >= 0),
        result TEXT NOT NULL CHECK (result IN ('H', 'D', 'A')),
        half_time_home_goals INTEGER,
        half_time_away_goals INTEGER,
        home_shots INTEGER,
        away_shots INTEGER,
        home_shots_on_target INTEGER,
        away_shots_on_target INTEGER,
        ${oddsColumns}
        ${oddsChecks}
        CHECK (home_team_id <> away_team_id)
      ) STRICT;
      CREATE INDEX matches_by_div_season_date ON matches (div, season, date);
      CREATE INDEX matches_by_div_date ON matches (div, date);

      -- One row per distinct content of a source: importing the same bytes again adds nothing,
      -- a corrected file adds a row, so the history of what was imported stays visible.
      CREATE TABLE imported_files (
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        rows INTEGER NOT NULL CHECK (rows >= 0),
        imported_at TEXT NOT NULL,
        PRIMARY KEY (source, sha256)
      ) STRICT;
    `);
  },
};
