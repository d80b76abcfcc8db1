import type { Migration } from './migration';

/**
 * The model registry: every trained model version with its configuration, training window and
 * full snapshot (JSON: parameters / weights and diagnostics), so a run can be resumed or audited
 * without retraining; and the scores each model earned, per week, season or validation set.
 * `run_id` links a model to the simulation that trained it, without a foreign key: models may
 * also be trained outside a run (benchmarks, tuning) and the runs table is a later migration.
 */
export const modelsMigration: Migration = {
  version: 2,
  name: 'models',
  up(db) {
    db.exec(`
      CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('dixon-coles', 'feature-net', 'ensemble')),
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
        -- The no-look-ahead rule, kept by the database too: nothing on or after the cutoff was used.
        CHECK (trained_through < cutoff)
      ) STRICT;
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
    `);
  },
};
