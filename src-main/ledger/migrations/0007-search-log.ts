import type { Migration } from './migration';

/**
 * The search log (issue 12): every configuration ever evaluated on a holdout season, kept when
 * its run is deleted, so a result can say "configuration k of n tried on this season" and have its
 * significance deflated for the n tries. One row per distinct configuration per division and
 * season; `configuration_key` is sha256 of the canonical settings without the run's name.
 * Numbered 0007 to stay clear of the migrations other branches add; its version is its place in
 * ./index.ts.
 */
export const searchLogMigration: Migration = {
  version: 7,
  name: 'search-log',
  up(db) {
    db.exec(`
      CREATE TABLE search_log (
        id INTEGER PRIMARY KEY,
        div TEXT NOT NULL,
        holdout_season TEXT NOT NULL,
        configuration_key TEXT NOT NULL,
        configuration_json TEXT NOT NULL,
        first_evaluated_at TEXT NOT NULL,
        UNIQUE (div, holdout_season, configuration_key)
      );
    `);
  },
};
