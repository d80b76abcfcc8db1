import type { Migration } from './migration';

/**
 * The model registry also holds versions of external models (kind 'external': a user's own
 * process; the snapshot records name, files, cutoff and state hash, not parameters) and of
 * imported predictions (kind 'imported': a file of probabilities, kept in imported_predictions).
 * SQLite cannot alter a CHECK, so `models` is rebuilt. Dropping `models` with foreign keys on
 * would cascade into `model_evaluations`, so that table is set aside and rebuilt after it.
 */
export const externalModelsMigration: Migration = {
  version: 6,
  name: 'external-models',
  up(db) {
    db.exec(`
      CREATE TABLE models_next (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('dixon-coles', 'feature-net', 'ensemble', 'external', 'imported')),
        config_json TEXT NOT NULL CHECK (json_valid(config_json)),
        cutoff TEXT NOT NULL CHECK (cutoff GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        trained_through TEXT NOT NULL CHECK (trained_through GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        window_from TEXT NOT NULL,
        window_to TEXT NOT NULL,
        window_matches INTEGER NOT NULL CHECK (window_matches > 0),
        snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json)),
        validation_metrics_json TEXT CHECK (validation_metrics_json IS NULL OR json_valid(validation_metrics_json)),
        created_at TEXT NOT NULL,
        run_id TEXT,
        CHECK (trained_through < cutoff)
      ) STRICT;
      INSERT INTO models_next SELECT * FROM models;
      CREATE TEMP TABLE evaluations_kept AS SELECT * FROM model_evaluations;
      DROP TABLE model_evaluations;
      DROP TABLE models;
      ALTER TABLE models_next RENAME TO models;
      CREATE INDEX models_by_run ON models (run_id);

      CREATE TABLE model_evaluations (
        id INTEGER PRIMARY KEY,
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        scope TEXT NOT NULL CHECK (scope IN ('week', 'season', 'validation')),
        scope_key TEXT NOT NULL,
        brier REAL NOT NULL CHECK (brier >= 0 AND brier <= 2),
        rps REAL NOT NULL CHECK (rps >= 0 AND rps <= 1),
        log_loss REAL NOT NULL CHECK (log_loss >= 0),
        matches INTEGER NOT NULL CHECK (matches > 0),
        created_at TEXT NOT NULL,
        UNIQUE (model_id, scope, scope_key)
      ) STRICT;
      INSERT INTO model_evaluations SELECT * FROM evaluations_kept;
      DROP TABLE evaluations_kept;

      -- A run priced from a file: one row per match, with the file's line for messages.
      CREATE TABLE imported_predictions (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        match_id TEXT NOT NULL,
        line INTEGER NOT NULL CHECK (line >= 2),
        p_home REAL NOT NULL CHECK (p_home BETWEEN 0 AND 1),
        p_draw REAL NOT NULL CHECK (p_draw BETWEEN 0 AND 1),
        p_away REAL NOT NULL CHECK (p_away BETWEEN 0 AND 1),
        model_time TEXT,
        PRIMARY KEY (run_id, match_id)
      ) STRICT;
    `);
  },
};
